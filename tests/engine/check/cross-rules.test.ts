import { checkRecognized } from "../../../src/engine/check/index";
import type { Finding } from "../../../src/engine/findings";
import { budgetBlock, expenditureTable, recognized } from "./builder";

function facts(findings: readonly Finding[]) {
  return findings.map((f) => [
    f.rule,
    f.severity,
    f.cells.map((c) => `${c.sheet}!${c.address}`),
    f.differenceFen,
  ]);
}

/** The seed's budget block in 元, as exported from a budget system. */
function budgetInYuan(basic: number) {
  return budgetBlock({
    sheet: "表一 预算执行",
    unit: "元",
    at: "A3",
    columns: ["budget", "executed"],
    rows: [
      ["total", "年度资金总额", 107161600, 107161600],
      ["basic", "基本支出", null, basic],
      ["project", "项目支出", null, 104593700],
    ],
  });
}

function expenditureInWan(total: number, basic: number, project: number) {
  return expenditureTable({
    sheet: "表二 支出决算",
    unit: "万元",
    at: "A5",
    rows: [
      [null, "合计", total, basic, project],
      ["201", "一般公共服务支出", total, basic, project],
    ],
  });
}

describe("cross.sheet", () => {
  it("accepts an expenditure table in 万元 that matches a budget block in 元", () => {
    const rec = recognized({
      budget: budgetInYuan(2567900),
      expenditures: [expenditureInWan(10716.16, 256.79, 10459.37)],
    });
    expect(checkRecognized(rec, {})).toEqual([]);
  });

  it("reports 项目支出 10 万元 apart, the budget cell first (the one to correct), then the expenditure cell (the reference)", () => {
    const rec = recognized({
      budget: budgetInYuan(2567900),
      expenditures: [expenditureInWan(10726.16, 256.79, 10469.37)],
    });
    const findings = checkRecognized(rec, {});
    expect(facts(findings)).toEqual([
      ["cross.sheet", "error", ["表一 预算执行!C4", "表二 支出决算!C6"], -10_000_000],
      ["cross.sheet", "error", ["表一 预算执行!C6", "表二 支出决算!E6"], -10_000_000],
    ]);
    expect(findings[1]).toEqual({
      rule: "cross.sheet",
      severity: "error",
      cells: [
        { sheet: "表一 预算执行", address: "C6" },
        { sheet: "表二 支出决算", address: "E6" },
      ],
      table: "budget",
      expectedFen: 10_469_370_000,
      actualFen: 10_459_370_000,
      differenceFen: -10_000_000,
      unit: "元",
      // Both figures in the budget block's unit (元), with thousands separators: never 元 and 万元 in one sentence.
      message: {
        "zh-CN":
          "预算执行情况“全年执行数”项目支出（表一 预算执行!C6）为 104,593,700.00 元，支出决算表合计行“项目支出”（表二 支出决算!E6）为 104,693,700.00 元，相差 100,000.00 元，预算执行情况少；以支出决算表为准",
        "en-US":
          "The budget execution block's full-year execution of project spending (表一 预算执行!C6) is 104,593,700.00 元 (yuan), the expenditure table's total row shows project spending of 104,693,700.00 (表二 支出决算!E6): 100,000.00 less in the budget block; the expenditure table is the reference",
      },
    });
  });

  it("uses the coarser unit's tolerance: 0.01 万元 apart is 尾差 even though the budget is in 元", () => {
    // 基本支出 2567800 元 = 256.78 万元 against 256.79 in the expenditure table; the table's own rows still add up.
    const rec = recognized({
      budget: budgetBlock({
        unit: "元",
        columns: ["executed"],
        rows: [
          ["total", "年度资金总额", 107161500],
          ["basic", "基本支出", 2567800],
          ["project", "项目支出", 104593700],
        ],
      }),
      expenditures: [expenditureInWan(10716.16, 256.79, 10459.37)],
    });
    const findings = checkRecognized(rec, {});
    expect(facts(findings)).toEqual([
      ["sum.rounding", "notice", ["预算执行!B5", "表二 支出决算!C6"], -10_000],
      ["sum.rounding", "notice", ["预算执行!B6", "表二 支出决算!D6"], -10_000],
    ]);
    expect(findings[1].message).toEqual({
      "zh-CN":
        "预算执行情况“全年执行数”基本支出（预算执行!B6）为 2,567,800.00 元，支出决算表合计行“基本支出”（表二 支出决算!D6）为 2,567,900.00 元，相差 100.00 元，预算执行情况少；以支出决算表为准（尾差，在允许误差 100.00 元 以内）",
      "en-US":
        "The budget execution block's full-year execution of basic spending (预算执行!B6) is 2,567,800.00 元 (yuan), the expenditure table's total row shows basic spending of 2,567,900.00 (表二 支出决算!D6): 100.00 less in the budget block; the expenditure table is the reference; a rounding difference (尾差) within the tolerance of 100.00 元",
    });
  });

  it("is an error just over the tolerance, and the tolerance option scales with the coarser unit", () => {
    const rec = (basicYuan: number) =>
      recognized({
        budget: budgetBlock({
          unit: "元",
          columns: ["executed"],
          rows: [
            ["total", "年度资金总额", basicYuan],
            ["basic", "基本支出", basicYuan],
          ],
        }),
        expenditures: [
          expenditureTable({ unit: "万元", parts: ["basic"], rows: [[null, "合计", 256.79, 256.79]] }),
        ],
      });
    expect(facts(checkRecognized(rec(2567799.99), {}))).toEqual([
      ["cross.sheet", "error", ["预算执行!B5", "支出决算表!C6"], -10_001],
      ["cross.sheet", "error", ["预算执行!B6", "支出决算表!D6"], -10_001],
    ]);
    expect(facts(checkRecognized(rec(2567799.99), { toleranceInUnit: 0.02 }))).toEqual([
      ["sum.rounding", "notice", ["预算执行!B5", "支出决算表!C6"], -10_001],
      ["sum.rounding", "notice", ["预算执行!B6", "支出决算表!D6"], -10_001],
    ]);
  });

  it("uses the first expenditure table that has a 合计 row, and skips figures missing on either side", () => {
    const noTotal = expenditureTable({ sheet: "明细", rows: [["2010301", "行政运行", 1, 1, 0]] });
    const withTotal = expenditureTable({ sheet: "决算", rows: [[null, "总计", 400, 400, null]] });
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", null, null, 1000],
        ["basic", "基本支出", null, null, 400],
        ["project", "项目支出", null, null, 600],
      ],
    });
    const findings = checkRecognized(recognized({ budget, expenditures: [noTotal, withTotal] }), {});
    // 总计 400 = 400 + blank, so the row adds up; 项目支出 is blank in the table, so it is not compared.
    expect(facts(findings)).toEqual([["cross.sheet", "error", ["预算执行!D5", "决算!C6"], 600_000_000]]);
    expect(findings[0]).toMatchObject({ expectedFen: 400_000_000, actualFen: 1_000_000_000 });
  });
});
