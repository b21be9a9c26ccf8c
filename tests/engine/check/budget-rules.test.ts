import { checkRecognized } from "../../../src/engine/check/index";
import { budgetBlock, recognized } from "./builder";
import { SEED } from "../../fixtures/seed";

const WAN = 1_000_000; // 分 in one 万元

describe("sum.breakdown", () => {
  it("finds 衡山县贯塘乡's 基本支出 + 项目支出 = 1925.67 against a 全年执行数 of 2030.12 (domain.md §7)", () => {
    const budget = budgetBlock({
      sheet: "表一 预算执行",
      at: "A4",
      headers: { initial: "年初预算数", budget: "全年预算数", executed: "全年执行数" },
      rows: [
        ["total", "年度资金总额", 861.1, 2030.12, 2030.12],
        ["general", "其中：一般公共预算", "-", "-", 1325.68],
        ["govFund", "政府性基金", "-", "-", 118.82],
        ["other", "其他资金", "-", "-", 585.62],
        ["basic", "基本支出", "-", "-", 900.47],
        ["project", "项目支出", "-", "-", 1025.2],
      ],
    });
    expect(checkRecognized(recognized({ budget }), {})).toEqual([
      {
        rule: "sum.breakdown",
        severity: "error",
        cells: [
          { sheet: "表一 预算执行", address: "D5" },
          { sheet: "表一 预算执行", address: "D9" },
          { sheet: "表一 预算执行", address: "D10" },
        ],
        table: "budget",
        expectedFen: 1_925_670_000,
        actualFen: 2_030_120_000,
        differenceFen: 104_450_000,
        unit: "万元",
        message: {
          "zh-CN":
            "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，年度资金总额填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和",
          "en-US":
            "Full-year execution: basic + project spending = 1,925.67 万元 (10,000 yuan), total entered 2,030.12, 104.45 more than the sum",
        },
      },
    ]);
  });

  const seedRows = (total: number | string) =>
    [
      ["total", "年度资金总额", SEED.total, SEED.total, total],
      ["general", "  其中：一般公共预算", null, null, SEED.general],
      ["govFund", "政府性基金", null, null, SEED.fund],
      ["basic", "（一）基本支出", null, null, SEED.basic],
      ["project", "（二）项目支出", null, null, SEED.project],
    ] as Parameters<typeof budgetBlock>[0]["rows"];

  it("accepts the seed's figures: 9716.16 + 1000 = 256.79 + 10459.37 = 10716.16", () => {
    expect(checkRecognized(recognized({ budget: budgetBlock({ rows: seedRows(10716.16) }) }), {})).toEqual(
      [],
    );
  });

  it("names both breakdowns when the total is 10 万元 off, with labels stripped of 其中 and （一）", () => {
    const findings = checkRecognized(recognized({ budget: budgetBlock({ rows: seedRows(10726.16) }) }), {});
    expect(findings.map((f) => [f.rule, f.severity, f.cells.map((c) => c.address), f.differenceFen])).toEqual(
      [
        ["sum.breakdown", "error", ["D5", "D6", "D7"], 10 * WAN],
        ["sum.breakdown", "error", ["D5", "D8", "D9"], 10 * WAN],
        // 10726.16 also exceeds the 全年预算数 of 10716.16.
        ["budget.overspend", "warning", ["D5", "C5"], 10 * WAN],
      ],
    );
    expect(findings[0].message["zh-CN"]).toBe(
      "全年执行数：一般公共预算 + 政府性基金 = 10,716.16 万元，年度资金总额填列 10,726.16 万元，相差 10.00 万元，填列数多于分项之和",
    );
    expect(findings[0].message["en-US"]).toBe(
      "Full-year execution: general public budget + government fund budget = 10,716.16 万元 (10,000 yuan), total entered 10,726.16, 10.00 more than the sum",
    );
    expect(findings[1].message["zh-CN"]).toBe(
      "全年执行数：基本支出 + 项目支出 = 10,716.16 万元，年度资金总额填列 10,726.16 万元，相差 10.00 万元，填列数多于分项之和",
    );
    expect(findings[1]).toMatchObject({ expectedFen: 10_716_160_000, actualFen: 10_726_160_000 });
  });

  it("checks only the columns where a part has a value (breakdown given only in 全年执行数)", () => {
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", 9000, 10716.16, 10700],
        ["basic", "基本支出", "", "—", 256.79],
        ["project", "项目支出", null, "/", 10459.37],
      ],
    });
    const findings = checkRecognized(recognized({ budget }), {});
    expect(
      findings.map((f) => [f.rule, f.cells[0].address, f.expectedFen, f.actualFen, f.differenceFen]),
    ).toEqual([["sum.breakdown", "D5", 10_716_160_000, 10_700_000_000, -16_160_000]]);
  });

  it("checks a breakdown in every column where it is given", () => {
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", 900, 1000, 1000],
        ["basic", "基本支出", 300, 400, 400],
        ["project", "项目支出", 500, 600, 600],
      ],
    });
    const findings = checkRecognized(recognized({ budget }), {});
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "sum.breakdown",
      cells: [
        { sheet: "预算执行", address: "B5" },
        { sheet: "预算执行", address: "B6" },
        { sheet: "预算执行", address: "B7" },
      ],
      expectedFen: 800 * WAN,
      actualFen: 900 * WAN,
      differenceFen: 100 * WAN,
    });
    expect(findings[0].message["zh-CN"]).toBe(
      "年初预算数：基本支出 + 项目支出 = 800.00 万元，年度资金总额填列 900.00 万元，相差 100.00 万元，填列数多于分项之和",
    );
  });

  it("adds up the five spending kinds", () => {
    const budget = budgetBlock({
      unit: "元",
      columns: ["executed"],
      headers: { executed: "全年执行数（元）" },
      rows: [
        ["total", "资金总额", 5000000],
        ["basic", "1.基本支出", 2000000],
        ["project", "2.项目支出", 1500000],
        ["remitted", "3.上缴上级支出", 500000],
        ["business", "4.经营支出", 600000],
        ["subsidiary", "5.对附属单位补助支出", 300000],
      ],
    });
    expect(checkRecognized(recognized({ budget }), {})).toEqual([
      {
        rule: "sum.breakdown",
        severity: "error",
        cells: ["B5", "B6", "B7", "B8", "B9", "B10"].map((address) => ({ sheet: "预算执行", address })),
        table: "budget",
        expectedFen: 490_000_000,
        actualFen: 500_000_000,
        differenceFen: 10_000_000,
        unit: "元",
        message: {
          "zh-CN":
            "全年执行数：基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出 = 4,900,000.00 元，资金总额填列 5,000,000.00 元，相差 100,000.00 元，填列数多于分项之和",
          "en-US":
            "Full-year execution: basic spending + project spending + remittances to the higher level + business spending + subsidies to affiliated units = 4,900,000.00 元 (yuan), total entered 5,000,000.00, 100,000.00 more than the sum",
        },
      },
    ]);
  });

  it("leaves a total whose breakdown holds an error value to the value rule: one bad cell, one finding", () => {
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", null, null, 2030.12],
        ["basic", "基本支出", null, null, "#REF!"],
        ["project", "项目支出", null, null, 1025.2],
      ],
    });
    const findings = checkRecognized(recognized({ budget }), {});
    expect(findings.map((f) => [f.rule, f.severity, f.cells])).toEqual([
      ["value.error", "error", [{ sheet: "预算执行", address: "D6" }]],
    ]);
    expect(findings[0].message).toEqual({
      "zh-CN": "基本支出（全年执行数）：错误值 #REF!，请修正公式或引用",
      "en-US": "Basic spending (full-year execution): error value #REF!; fix the formula or its reference",
    });
  });
});

describe("sum.rounding in the budget block", () => {
  const block = (total: number) =>
    budgetBlock({
      rows: [
        ["total", "年度资金总额", null, null, total],
        ["basic", "基本支出", null, null, 256.79],
        ["project", "项目支出", null, null, 10459.37],
      ],
    });

  it("turns 10716.17 against 10716.16 (tolerance 0.01 万元) into a notice, not an error", () => {
    expect(checkRecognized(recognized({ budget: block(10716.17) }), {})).toEqual([
      {
        rule: "sum.rounding",
        severity: "notice",
        cells: ["D5", "D6", "D7"].map((address) => ({ sheet: "预算执行", address })),
        table: "budget",
        expectedFen: 10_716_160_000,
        actualFen: 10_716_170_000,
        differenceFen: 10_000,
        unit: "万元",
        message: {
          "zh-CN":
            "全年执行数：基本支出 + 项目支出 = 10,716.16 万元，年度资金总额填列 10,716.17 万元，相差 0.01 万元，填列数多于分项之和（尾差，在允许误差 0.01 万元 以内）",
          "en-US":
            "Full-year execution: basic + project spending = 10,716.16 万元 (10,000 yuan), total entered 10,716.17, 0.01 more than the sum; a rounding difference (尾差) within the tolerance of 0.01 万元",
        },
      },
    ]);
  });

  it("is inclusive below as well: 10716.15 is a notice", () => {
    const [f] = checkRecognized(recognized({ budget: block(10716.15) }), {});
    expect([f.rule, f.severity, f.differenceFen]).toEqual(["sum.rounding", "notice", -10_000]);
  });

  it("makes a gap just over the tolerance an error, shown with the decimals the cell holds", () => {
    const [f] = checkRecognized(recognized({ budget: block(10716.1701) }), {});
    expect([f.rule, f.severity, f.expectedFen, f.actualFen, f.differenceFen]).toEqual([
      "sum.breakdown",
      "error",
      10_716_160_000,
      10_716_170_100,
      10_100,
    ]);
    expect(f.message["zh-CN"]).toBe(
      "全年执行数：基本支出 + 项目支出 = 10,716.16 万元，年度资金总额填列 10,716.1701 万元，相差 0.0101 万元，填列数多于分项之和",
    );
  });

  it("honours the tolerance option, in the table's unit", () => {
    const wide = checkRecognized(recognized({ budget: block(10716.2) }), { toleranceInUnit: 0.05 });
    expect(wide.map((f) => [f.rule, f.severity, f.differenceFen])).toEqual([
      ["sum.rounding", "notice", 40_000],
    ]);
    expect(wide[0].message["zh-CN"]).toBe(
      "全年执行数：基本支出 + 项目支出 = 10,716.16 万元，年度资金总额填列 10,716.20 万元，相差 0.04 万元，填列数多于分项之和（尾差，在允许误差 0.05 万元 以内）",
    );
    const strict = checkRecognized(recognized({ budget: block(10716.17) }), { toleranceInUnit: 0 });
    expect(strict.map((f) => [f.rule, f.severity, f.differenceFen])).toEqual([
      ["sum.breakdown", "error", 10_000],
    ]);
  });
});

describe("budget.overspend", () => {
  it("warns when 全年执行数 exceeds 全年预算数, pointing at the 全年执行数 cell", () => {
    const budget = budgetBlock({
      sheet: "自评表",
      at: "B6",
      headers: { budget: "全年预算数(万元)", executed: "全年执行数(万元)" },
      rows: [
        ["total", "年度资金总额", 2000, 2030.12, 2100],
        ["general", "一般公共预算财政拨款", 2000, 2030.12, 2030.12],
      ],
    });
    const findings = checkRecognized(recognized({ budget }), {});
    expect(findings).toContainEqual({
      rule: "budget.overspend",
      severity: "warning",
      cells: [
        { sheet: "自评表", address: "E7" },
        { sheet: "自评表", address: "D7" },
      ],
      table: "budget",
      expectedFen: 2_030_120_000,
      actualFen: 2_100_000_000,
      differenceFen: 69_880_000,
      unit: "万元",
      message: {
        "zh-CN": "年度资金总额：全年执行数 2,100.00 万元 超过全年预算数 2,030.12 万元，超出 69.88 万元",
        "en-US":
          "Total funds: full-year execution 2,100.00 万元 (10,000 yuan) exceeds the full-year budget 2,030.12, by 69.88",
      },
    });
    expect(findings.filter((f) => f.rule === "budget.overspend")).toHaveLength(1);
    // The source row adds up to less than the total in every column: the breakdown rule says so separately.
    expect(findings.filter((f) => f.rule === "sum.breakdown").map((f) => f.cells[0].address)).toEqual(["E7"]);
  });

  it("says nothing when execution stays within the budget or a figure is missing", () => {
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", 861.1, 2030.12, 2030.12],
        ["basic", "基本支出", null, null, 900.47],
        ["project", "项目支出", null, "-", 1129.65],
      ],
    });
    expect(checkRecognized(recognized({ budget }), {})).toEqual([]);
  });
});
