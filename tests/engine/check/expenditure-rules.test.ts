import { checkRecognized } from "../../../src/engine/check/index";
import type { Finding } from "../../../src/engine/findings";
import { expenditureTable, recognized, type ExpenditureRowSpec } from "./builder";

const WAN = 1_000_000; // 分 in one 万元

/** rule, first cell, expected, actual, difference: the facts each test pins down. */
function facts(
  findings: readonly Finding[],
): [string, string, number | null, number | null, number | null][] {
  return findings.map((f) => [
    f.rule,
    f.cells[0]?.address ?? "",
    f.expectedFen,
    f.actualFen,
    f.differenceFen,
  ]);
}

/** A clean 支出决算表 in 万元 (合计 | 基本支出 | 项目支出) with two 类, each with one 款 of two 项. */
function cleanRows(): ExpenditureRowSpec[] {
  return [
    ["201", "一般公共服务支出", 300, 200, 100],
    ["20103", "  政府办公厅（室）及相关机构事务", 300, 200, 100],
    ["2010301", "    行政运行", 200, 200, 0],
    ["2010302", "    一般行政管理事务", 100, "-", 100],
    ["208", "社会保障和就业支出", 700, 200, 500],
    ["20805", "  行政事业单位养老支出", 700, 200, 500],
    ["2080505", "    机关事业单位基本养老保险缴费支出", 200, 200, null],
    ["2080599", "    其他行政事业单位养老支出", 500, 0, 500],
  ];
}

const TOTAL_ROW: ExpenditureRowSpec = [null, "合计", 1000, 400, 600];

function withRow(rows: ExpenditureRowSpec[], code: string, row: ExpenditureRowSpec): ExpenditureRowSpec[] {
  return rows.map((r) => (r[0] === code ? row : r));
}

describe("sum.row", () => {
  it("accepts a clean table with the 合计 row on top", () => {
    const table = expenditureTable({ rows: [TOTAL_ROW, ...cleanRows()] });
    expect(checkRecognized(recognized({ expenditures: [table] }), {})).toEqual([]);
  });

  it("reports a row whose 合计 is not 基本支出 + 项目支出 at that row's 合计 cell", () => {
    // 2010301 is entered as 210 (its parts say 200): the row and its 款 20103 both disagree.
    const rows = withRow(cleanRows(), "2010301", ["2010301", "    行政运行", 210, 200, 0]);
    const table = expenditureTable({ sheet: "Sheet1", rows: [TOTAL_ROW, ...rows] });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    // Sorted by cell (compareFindings): the 款 row 20103 (C8) comes before the row 2010301 (C9).
    expect(facts(findings)).toEqual([
      ["sum.column", "C8", 310 * WAN, 300 * WAN, -10 * WAN],
      ["sum.row", "C9", 200 * WAN, 210 * WAN, 10 * WAN],
    ]);
    expect(findings[1]).toMatchObject({
      severity: "error",
      table: "expenditure",
      unit: "万元",
      cells: ["C9", "D9", "E9"].map((address) => ({ sheet: "Sheet1", address })),
      message: {
        "zh-CN":
          "2010301 行政运行：基本支出 + 项目支出 = 200.00 万元，合计填列 210.00 万元，相差 10.00 万元，填列数多于分项之和",
        "en-US":
          "2010301 行政运行: basic + project spending = 200.00 万元 (10,000 yuan), total entered 210.00, 10.00 more than the sum",
      },
    });
  });

  it("checks the 合计 row itself", () => {
    const table = expenditureTable({ rows: [[null, "合计", 1010, 400, 600], ...cleanRows()] });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(facts(findings)).toEqual([
      ["sum.row", "C6", 1000 * WAN, 1010 * WAN, 10 * WAN],
      ["sum.column", "C6", 1000 * WAN, 1010 * WAN, 10 * WAN],
    ]);
    expect(findings[0].message).toEqual({
      "zh-CN":
        "合计行：基本支出 + 项目支出 = 1,000.00 万元，合计填列 1,010.00 万元，相差 10.00 万元，填列数多于分项之和",
      "en-US":
        "The total row: basic + project spending = 1,000.00 万元 (10,000 yuan), total entered 1,010.00, 10.00 more than the sum",
    });
  });

  it("adds up the five spending kinds (支出决算表 4143.91 = 1140.27 + 3003.64 + 0 + 0 + 0)", () => {
    const parts = ["basic", "project", "remitted", "business", "subsidiary"] as const;
    const clean = expenditureTable({
      parts: [...parts],
      headers: { total: "本年支出合计" },
      rows: [[null, "合计", 4143.91, 1140.27, 3003.64, 0, 0, 0]],
    });
    expect(checkRecognized(recognized({ expenditures: [clean] }), {})).toEqual([]);

    const off = expenditureTable({
      parts: [...parts],
      headers: { total: "本年支出合计" },
      rows: [[null, "合计", 4143.91, 1140.27, 3003.64, 0, 10, 0]],
    });
    const findings = checkRecognized(recognized({ expenditures: [off] }), {});
    expect(findings).toEqual([
      {
        rule: "sum.row",
        severity: "error",
        cells: ["C6", "D6", "E6", "F6", "G6", "H6"].map((address) => ({ sheet: "支出决算表", address })),
        table: "expenditure",
        expectedFen: 4_153_910_000,
        actualFen: 4_143_910_000,
        differenceFen: -10 * WAN,
        unit: "万元",
        message: {
          "zh-CN":
            "合计行：基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出 = 4,153.91 万元，本年支出合计填列 4,143.91 万元，相差 10.00 万元，填列数少于分项之和",
          "en-US":
            "The total row: basic spending + project spending + remittances to the higher level + business spending + subsidies to affiliated units = 4,153.91 万元 (10,000 yuan), total entered 4,143.91, 10.00 less than the sum",
        },
      },
    ]);
  });

  it("turns a 尾差 within the tolerance into a notice and one just over it into an error (元 table)", () => {
    const table = (total: number) =>
      expenditureTable({ unit: "元", rows: [["2010301", "行政运行", total, 2567900, 104593700]] });
    const within = checkRecognized(recognized({ expenditures: [table(107161600.01)] }), {});
    expect(facts(within)).toEqual([["sum.rounding", "C6", 10716160000, 10716160001, 1]]);
    expect(within[0].severity).toBe("notice");
    expect(within[0].message["zh-CN"]).toBe(
      "2010301 行政运行：基本支出 + 项目支出 = 107,161,600.00 元，合计填列 107,161,600.01 元，相差 0.01 元，填列数多于分项之和（尾差，在允许误差 0.01 元 以内）",
    );
    const over = checkRecognized(recognized({ expenditures: [table(107161600.02)] }), {});
    expect(facts(over)).toEqual([["sum.row", "C6", 10716160000, 10716160002, 2]]);
  });
});

describe("sum.column", () => {
  it("checks each 类 against its 款, each 款 against its 项 and the 合计 row against the 类 rows", () => {
    // 208's 基本支出 is entered as 210 (and its 合计 as 710): 208 disagrees with its 款, and 合计 with the 类 rows.
    const rows = withRow(cleanRows(), "208", ["208", "社会保障和就业支出", 710, 210, 500]);
    const table = expenditureTable({ rows: [TOTAL_ROW, ...rows] });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(facts(findings)).toEqual([
      ["sum.column", "C6", 1010 * WAN, 1000 * WAN, -10 * WAN],
      ["sum.column", "D6", 410 * WAN, 400 * WAN, -10 * WAN],
      ["sum.column", "C11", 700 * WAN, 710 * WAN, 10 * WAN],
      ["sum.column", "D11", 200 * WAN, 210 * WAN, 10 * WAN],
    ]);
    expect(findings[3]).toMatchObject({
      severity: "error",
      cells: [
        { sheet: "支出决算表", address: "D11" },
        { sheet: "支出决算表", address: "D12" },
      ],
      message: {
        "zh-CN":
          "“基本支出”列：208 社会保障和就业支出的下级科目（1 个）之和 = 200.00 万元，208 社会保障和就业支出填列 210.00 万元，相差 10.00 万元，填列数多于分项之和",
        "en-US":
          "Basic spending column: the sum of the 1 sub-item of 208 社会保障和就业支出 = 200.00 万元 (10,000 yuan), 208 社会保障和就业支出 entered 210.00, 10.00 more than the sum",
      },
    });
    expect(findings[1]).toMatchObject({
      cells: [
        { sheet: "支出决算表", address: "D6" },
        { sheet: "支出决算表", address: "D7" },
        { sheet: "支出决算表", address: "D11" },
      ],
      message: {
        "zh-CN":
          "“基本支出”列：各类级科目（2 个）之和 = 410.00 万元，合计行填列 400.00 万元，相差 10.00 万元，填列数少于分项之和",
        "en-US":
          "Basic spending column: the sum of the 2 categories (类) = 410.00 万元 (10,000 yuan), the total row entered 400.00, 10.00 less than the sum",
      },
    });
  });

  it("finds a 款 that is not the sum of its 项, with the 合计 row at the bottom", () => {
    // 2080599 is entered as 490 in both 合计 and 项目支出, so the row adds up but 20805 (700 / 500) no longer does.
    const rows = withRow(cleanRows(), "2080599", ["2080599", "其他行政事业单位养老支出", 490, 0, 490]);
    const table = expenditureTable({ at: "B4", rows: [...rows, TOTAL_ROW] });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(facts(findings)).toEqual([
      ["sum.column", "D10", 690 * WAN, 700 * WAN, 10 * WAN],
      ["sum.column", "F10", 490 * WAN, 500 * WAN, 10 * WAN],
    ]);
    expect(findings[1].cells.map((c) => c.address)).toEqual(["F10", "F11", "F12"]);
    expect(findings[1].message["zh-CN"]).toBe(
      "“项目支出”列：20805 行政事业单位养老支出的下级科目（2 个）之和 = 490.00 万元，20805 行政事业单位养老支出填列 500.00 万元，相差 10.00 万元，填列数多于分项之和",
    );
  });

  it("checks the bottom 合计 row against the 类 rows above it", () => {
    const table = expenditureTable({ rows: [...cleanRows(), [null, "合计", 1000, 400.01, 599.99]] });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(facts(findings)).toEqual([
      ["sum.rounding", "D14", 400 * WAN, 400_010_000, 10_000],
      ["sum.rounding", "E14", 600 * WAN, 599_990_000, -10_000],
    ]);
    expect(findings.every((f) => f.severity === "notice")).toBe(true);
    expect(findings[1].message["en-US"]).toBe(
      "Project spending column: the sum of the 2 categories (类) = 600.00 万元 (10,000 yuan), the total row entered 599.99, 0.01 less than the sum; a rounding difference (尾差) within the tolerance of 0.01 万元",
    );
  });

  it("only checks a parent that has child rows", () => {
    // A 类 listed alone (no 款 below it) and a 项 whose 款 is missing are not sums of anything shown.
    const table = expenditureTable({
      rows: [
        ["201", "一般公共服务支出", 300, 200, 100],
        ["2130101", "行政运行", 50, 50, 0],
      ],
    });
    expect(checkRecognized(recognized({ expenditures: [table] }), {})).toEqual([]);
  });

  it("skips a column sum that contains an error value or unreadable text, leaving one finding per bad cell", () => {
    const rows = withRow(cleanRows(), "2010301", ["2010301", "行政运行", "#DIV/0!", "约200", 0]);
    const table = expenditureTable({ rows: [TOTAL_ROW, ...rows] });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(facts(findings)).toEqual([
      ["value.error", "C9", null, null, null],
      ["value.unparsed", "D9", null, null, null],
    ]);
    expect(findings[1].message).toEqual({
      "zh-CN": "2010301 行政运行（基本支出）：“约200”不是金额，该单元格未参与求和校验",
      "en-US":
        '2010301 行政运行 (basic spending): "约200" is not an amount; the cell was left out of the sum checks',
    });
  });

  // How long it takes is measured by `npm run bench` (part 3, time per row at 5,000 and 200,000 rows); this test only
  // proves the findings on a table of that size are exact.
  it("finds the one miss in a table of 220,200 rows", () => {
    const rows: ExpenditureRowSpec[] = [];
    const leavesPerKuan = 10;
    const kuanPerLei = 100;
    const leis = 200; // 200 × (1 + 100 × (1 + 10)) = 220,200 rows
    for (let l = 0; l < leis; l++) {
      const lei = String(100 + l);
      rows.push([lei, `类${lei}`, kuanPerLei * leavesPerKuan, kuanPerLei * leavesPerKuan, 0]);
      for (let k = 0; k < kuanPerLei; k++) {
        const kuan = lei + String(k).padStart(2, "0");
        rows.push([kuan, `款${kuan}`, leavesPerKuan, leavesPerKuan, 0]);
        for (let x = 0; x < leavesPerKuan; x++) rows.push([kuan + String(x).padStart(2, "0"), "项", 1, 1, 0]);
      }
    }
    rows.push([null, "合计", leis * kuanPerLei * leavesPerKuan, leis * kuanPerLei * leavesPerKuan, 0]);
    // The very last 项 is entered as 2 (its row still adds up): only its 款 misses 1; the 类 rows sum the 款 as entered.
    rows[rows.length - 2] = [rows[rows.length - 2][0], "项", 2, 2, 0];
    const table = expenditureTable({ rows });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    const kuanRow = 6 + rows.length - 1 - 1 - leavesPerKuan; // data starts on row 6; the 合计 row is last
    expect(facts(findings)).toEqual([
      ["sum.column", `C${kuanRow}`, 11 * WAN, 10 * WAN, -1 * WAN],
      ["sum.column", `D${kuanRow}`, 11 * WAN, 10 * WAN, -1 * WAN],
    ]);
    expect(kuanRow).toBe(220195);
  });
});
