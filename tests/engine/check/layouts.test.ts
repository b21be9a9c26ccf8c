/**
 * End to end through checkWorkbook: real-looking workbooks built with tests/helpers/grid.ts (title rows, unit captions,
 * merged two-row headers, numbers as text, 合计 rows at the top or the bottom) are recognised and checked, and each
 * finding is pinned to its rule, its exact cell and its amounts in 分.
 */
import { checkWorkbook } from "../../../src/engine/check";
import type { Finding } from "../../../src/engine/findings";
import { uncalculatedValue, type CellValue, type SheetSnapshot } from "../../../src/engine/snapshot";
import { sheet, workbook } from "../../helpers/grid";
import { INDICATOR_HEADER, SEED } from "../../fixtures/seed";

const WAN = 1_000_000; // 分 in one 万元
const YUAN = 100; // 分 in one 元

/** rule, severity, cells as "sheet!A1", expected, actual, difference. */
function facts(findings: readonly Finding[]) {
  return findings.map((f) => [
    f.rule,
    f.severity,
    f.cells.map((c) => `${c.sheet}!${c.address}`),
    f.expectedFen,
    f.actualFen,
    f.differenceFen,
  ]);
}

// ---------------------------------------------------------------- the seed's workbook (岳阳市君山产业开发区管委会, FY2023)

/** The Hunan 自评表: title, department, budget block in 万元 with the score columns, then the indicators. */
function selfEvaluationSheet(
  executedTotal: CellValue = SEED.total,
  executedBasic: CellValue = SEED.basic,
): SheetSnapshot {
  return sheet(
    "自评表",
    [
      ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null],
      [`预算部门名称：${SEED.department}`, null, null, null, null, null, "单位：万元"],
      ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", SEED.total, SEED.total, executedTotal, 10, "100%", 10],
      ["按收入性质分：", null, null, null, null, null, null],
      ["  其中：一般公共预算", SEED.general, SEED.general, SEED.general, null, null, null],
      ["        政府性基金", SEED.fund, SEED.fund, SEED.fund, null, null, null],
      ["按支出性质分：", null, null, null, null, null, null],
      ["  其中：基本支出", SEED.basic, SEED.basic, executedBasic, null, null, null],
      ["        项目支出", SEED.project, SEED.project, SEED.project, null, null, null],
      [null, null, null, null, null, null, null],
      [...INDICATOR_HEADER.slice(0, 7)],
      ["产出指标", "数量指标", "招商引资项目数", "≥15个", "18个", 20, 20],
      [null, "质量指标", "项目验收合格率", "100%", "100%", 15, 15],
      [null, "时效指标", "项目按期完成率", "≥95%", "96%", 15, 15],
      ["效益指标", "经济效益指标", "园区规模工业总产值增长率", "≥10%", "8%", 20, 16],
      [null, "社会效益指标", "新增就业岗位", "≥500个", "520个", 10, 10],
      ["满意度指标", "服务对象满意度指标", "入园企业满意度", "≥90%", "95%", 10, 9],
    ],
    { merges: ["A1:G1", "A2:F2", "A13:A15", "A16:A17"] },
  );
}

/** The 支出决算表: title, unit caption, a merged two-row header (本年支出 over 合计 | 基本支出 | 项目支出). */
function expenditureSheet(rows: CellValue[][], unit = "单位：万元", name = "支出决算表"): SheetSnapshot {
  return sheet(
    name,
    [
      ["2023年度部门支出决算表", null, null, null, null],
      [null, null, null, null, unit],
      ["科目编码", "科目名称", "本年支出", null, null],
      [null, null, "合计", "基本支出", "项目支出"],
      ...rows,
    ],
    { origin: "B2", merges: ["B2:F2", "B4:B5", "C4:C5", "D4:F4"] },
  );
}

/** The seed's spending by function: 基本支出 256.79 + 项目支出 10459.37 = 10716.16 万元. */
const SEED_EXPENDITURE: CellValue[][] = [
  [null, "合计", SEED.total, SEED.basic, SEED.project],
  ["201", "一般公共服务支出", 356.79, 256.79, 100],
  ["20103", "  政府办公厅（室）及相关机构事务", 356.79, 256.79, 100],
  ["2010301", "    行政运行", 256.79, 256.79, 0],
  ["2010350", "    事业运行", 100, 0, 100],
  ["212", "城乡社区支出", 9359.37, 0, 9359.37],
  ["21205", "  城乡社区环境卫生", 8359.37, 0, 8359.37],
  ["2120501", "    城乡社区环境卫生", 8359.37, 0, 8359.37],
  ["21208", "  国有土地使用权出让收入安排的支出", 1000, 0, 1000],
  ["2120803", "    城市建设支出", 1000, 0, 1000],
  ["215", "资源勘探工业信息等支出", 1000, 0, 1000],
  ["21508", "  支持中小企业发展和管理支出", 1000, 0, 1000],
  ["2150805", "    中小企业发展专项", 1000, 0, 1000],
];

describe("checkWorkbook on real-looking layouts", () => {
  it("finds no error in a clean seed-like workbook (万元, two-row merged header, 合计 row on top)", () => {
    const result = checkWorkbook(workbook(selfEvaluationSheet(), expenditureSheet(SEED_EXPENDITURE)));
    expect(result.tables.map((t) => [t.kind, t.sheet, t.unit])).toEqual(
      expect.arrayContaining([
        ["budget", "自评表", "万元"],
        ["expenditure", "支出决算表", "万元"],
        ["indicators", "自评表", undefined],
      ]),
    );
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ error: 0, warning: 0, notice: 0 });
  });

  it("names the one figure changed in the seed: 全年执行数 10726.16 breaks both breakdowns, the overspend and the cross check", () => {
    const result = checkWorkbook(workbook(selfEvaluationSheet(10726.16), expenditureSheet(SEED_EXPENDITURE)));
    expect(facts(result.findings)).toEqual([
      [
        "sum.breakdown",
        "error",
        ["自评表!D4", "自评表!D6", "自评表!D7"],
        10_716_160_000,
        10_726_160_000,
        10 * WAN,
      ],
      [
        "sum.breakdown",
        "error",
        ["自评表!D4", "自评表!D9", "自评表!D10"],
        10_716_160_000,
        10_726_160_000,
        10 * WAN,
      ],
      // The budget block's cell first: the expenditure table (the final accounts) is the reference.
      ["cross.sheet", "error", ["自评表!D4", "支出决算表!D6"], 10_716_160_000, 10_726_160_000, 10 * WAN],
      ["budget.overspend", "warning", ["自评表!D4", "自评表!C4"], 10_716_160_000, 10_726_160_000, 10 * WAN],
    ]);
    expect(result.findings[2].message["zh-CN"]).toBe(
      "预算执行情况“全年执行数”年度资金总额（自评表!D4）为 10,726.16 万元，支出决算表合计行“合计”（支出决算表!D6）为 10,716.16 万元，相差 10.00 万元，预算执行情况多；以支出决算表为准",
    );
    expect(result.findings[1].message["zh-CN"]).toBe(
      "全年执行数：基本支出 + 项目支出 = 10,716.16 万元，年度资金总额填列 10,726.16 万元，相差 10.00 万元，填列数多于分项之和",
    );
    expect(result.summary).toEqual({ error: 3, warning: 1, notice: 0 });
  });

  it("turns a 尾差 of 0.01 万元 (10716.17 against 10716.16) into notices, not errors", () => {
    const result = checkWorkbook(workbook(selfEvaluationSheet(10716.17), expenditureSheet(SEED_EXPENDITURE)));
    expect(facts(result.findings)).toEqual([
      ["budget.overspend", "warning", ["自评表!D4", "自评表!C4"], 10_716_160_000, 10_716_170_000, 10_000],
      [
        "sum.rounding",
        "notice",
        ["自评表!D4", "自评表!D6", "自评表!D7"],
        10_716_160_000,
        10_716_170_000,
        10_000,
      ],
      [
        "sum.rounding",
        "notice",
        ["自评表!D4", "自评表!D9", "自评表!D10"],
        10_716_160_000,
        10_716_170_000,
        10_000,
      ],
      ["sum.rounding", "notice", ["自评表!D4", "支出决算表!D6"], 10_716_160_000, 10_716_170_000, 10_000],
    ]);
    expect(result.summary.error).toBe(0);
  });
});

describe("the budget block", () => {
  it("checks a breakdown given only in 全年执行数 (衡山县贯塘乡: 900.47 + 1025.20 ≠ 2030.12)", () => {
    const result = checkWorkbook(
      workbook(
        sheet(
          "Sheet1",
          [
            ["衡山县贯塘乡2023年度部门整体支出绩效自评表", null, null, null],
            [null, null, null, "金额单位：万元"],
            [null, null, null, null],
            ["项  目", "年初预算数", "全年预算数", "全年执行数"],
            ["年度资金总额", 861.1, 2030.12, 2030.12],
            ["（一）一般公共预算财政拨款", "-", "-", 1325.68],
            ["（二）政府性基金拨款", "-", "-", 118.82],
            ["（三）其他资金", "-", "-", 585.62],
            ["1.基本支出", "", "", 900.47],
            ["2.项目支出", "", "", 1025.2],
          ],
          { origin: "B3", merges: ["B3:E3"] },
        ),
      ),
    );
    expect(facts(result.findings)).toEqual([
      [
        "sum.breakdown",
        "error",
        ["Sheet1!E7", "Sheet1!E11", "Sheet1!E12"],
        1_925_670_000,
        2_030_120_000,
        104_450_000,
      ],
    ]);
    expect(result.findings[0].message).toEqual({
      "zh-CN":
        "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，年度资金总额填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和",
      "en-US":
        "Full-year execution: basic + project spending = 1,925.67 万元 (10,000 yuan), total entered 2,030.12, 104.45 more than the sum",
    });
  });

  it("reads a block in 元 with numbers stored as text, and reports the sum that fails and every text amount", () => {
    const result = checkWorkbook(
      workbook(
        sheet("表一 预算执行情况", [
          ["预算执行情况表", null, null],
          ["（单位：元）", null, null],
          ["项目", "调整后预算数", "决算数"],
          ["资金总额", "107,161,600.00", "107,171,600.00"],
          ["一般公共预算拨款", "97,161,600.00", "97,161,600.00"],
          ["政府性基金预算", "１０，０００，０００．００", "10,000,000.00 "],
        ]),
      ),
    );
    expect(facts(result.findings)).toEqual([
      [
        "sum.breakdown",
        "error",
        ["表一 预算执行情况!C4", "表一 预算执行情况!C5", "表一 预算执行情况!C6"],
        107_161_600 * YUAN,
        107_171_600 * YUAN,
        10_000 * YUAN,
      ],
      [
        "budget.overspend",
        "warning",
        ["表一 预算执行情况!C4", "表一 预算执行情况!B4"],
        107_161_600 * YUAN,
        107_171_600 * YUAN,
        10_000 * YUAN,
      ],
      ...["B4", "C4", "B5", "C5", "B6", "C6"].map((a) => [
        "value.text",
        "notice",
        [`表一 预算执行情况!${a}`],
        null,
        expect.any(Number),
        null,
      ]),
    ]);
    expect(result.findings[0].message["zh-CN"]).toBe(
      "决算数：一般公共预算拨款 + 政府性基金预算 = 107,161,600.00 元，资金总额填列 107,171,600.00 元，相差 10,000.00 元，填列数多于分项之和",
    );
    expect(result.findings.find((f) => f.cells[0].address === "B6")?.actualFen).toBe(10_000_000 * YUAN);
  });

  it("reports an error value and a text that is not an amount once each, with no sum built on them", () => {
    const result = checkWorkbook(
      workbook(
        sheet("预算", [
          ["单位：万元", null, null],
          ["项目", "全年预算数", "全年执行数"],
          ["合计", 500, "#REF!"],
          ["基本支出", 200, 200],
          ["项目支出", 300, "约300"],
        ]),
      ),
    );
    expect(facts(result.findings)).toEqual([
      ["value.error", "error", ["预算!C3"], null, null, null],
      ["value.unparsed", "error", ["预算!C5"], null, null, null],
    ]);
  });
});

describe("a formula saved without a calculated result", () => {
  const message = (where: string, whereEn: string) => ({
    "zh-CN": `${where}：公式没有计算结果，请在 Excel 中重新计算并保存后再检查`,
    "en-US": `${whereEn}: the formula has no calculated result; recalculate and save the workbook in Excel, then check again`,
  });

  it('is one value.error at its cell, and no sum, cross check or overspend is built on it (never "合计填列 0.00")', () => {
    const rows = SEED_EXPENDITURE.map((r) => [...r]);
    rows[0][2] = uncalculatedValue(); // the 合计 row's 合计: =SUM over the 类 rows, exported without recalculating
    const result = checkWorkbook(workbook(selfEvaluationSheet(uncalculatedValue()), expenditureSheet(rows)));
    expect(result.findings).toEqual([
      {
        rule: "value.error",
        severity: "error",
        cells: [{ sheet: "支出决算表", address: "D6" }],
        table: "expenditure",
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        unit: "万元",
        message: message("合计行（合计）", "The total row (total)"),
      },
      {
        rule: "value.error",
        severity: "error",
        cells: [{ sheet: "自评表", address: "D4" }],
        table: "budget",
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        unit: "万元",
        message: message("年度资金总额（全年执行数）", "Total funds (full-year execution)"),
      },
    ]);
    expect(result.findings.filter((f) => f.rule.startsWith("sum.") || f.rule === "cross.sheet")).toEqual([]);
  });

  it("leaves out only the sums that involve it: the other cells are still checked", () => {
    // A wrong 基本支出 beside the uncalculated 合计 is still found by the sums that do not involve the 合计 cell.
    const rows = SEED_EXPENDITURE.map((r) => [...r]);
    rows[0][2] = uncalculatedValue();
    rows[3][3] = 266.79; // 2010301 行政运行 基本支出, 10.00 more than its row's 合计
    const result = checkWorkbook(workbook(selfEvaluationSheet(), expenditureSheet(rows)));
    expect(facts(result.findings)).toEqual([
      ["value.error", "error", ["支出决算表!D6"], null, null, null],
      // 20103's 基本支出 (E8) against its 项 (E9 + E10), and 2010301's row (D9 against E9 + F9): neither touches D6.
      [
        "sum.column",
        "error",
        ["支出决算表!E8", "支出决算表!E9", "支出决算表!E10"],
        266_790_000,
        256_790_000,
        -10 * WAN,
      ],
      [
        "sum.row",
        "error",
        ["支出决算表!D9", "支出决算表!E9", "支出决算表!F9"],
        266_790_000,
        256_790_000,
        -10 * WAN,
      ],
    ]);
  });
});

describe("the expenditure table", () => {
  it("checks the five spending kinds by row and by column, with the 合计 row at the bottom (元)", () => {
    const result = checkWorkbook(
      workbook(
        sheet(
          "财决05表",
          [
            ["支出决算表", null, null, null, null, null, null, null],
            ["公开05表", null, null, null, null, null, null, "金额单位：元"],
            ["科目编码", "科目名称", "本年支出", null, null, null, null, null],
            [null, null, "合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
            ["208", "社会保障和就业支出", 4143910, 1140270, 3003640, 0, 0, 0],
            ["20805", "行政事业单位养老支出", 4143910, 1140270, 3003640, 0, 0, 0],
            ["2080505", "机关事业单位基本养老保险缴费支出", 1140270, 1140270, 0, 0, 0, 0],
            ["2080599", "其他行政事业单位养老支出", 3003640, 0, 2993640, 0, 20000, 0],
            [null, "合计", 4143910, 1140270, 3003640, 0, 0, 0],
          ],
          { merges: ["A1:H1", "A3:A4", "B3:B4", "C3:H3"] },
        ),
      ),
    );
    // 2080599: 0 + 2993640 + 0 + 20000 + 0 = 3013640, entered 3003640; its 款 20805 then misses in two columns.
    expect(facts(result.findings)).toEqual([
      [
        "sum.column",
        "error",
        ["财决05表!E6", "财决05表!E7", "财决05表!E8"],
        2_993_640 * YUAN,
        3_003_640 * YUAN,
        10_000 * YUAN,
      ],
      [
        "sum.column",
        "error",
        ["财决05表!G6", "财决05表!G7", "财决05表!G8"],
        20_000 * YUAN,
        0,
        -20_000 * YUAN,
      ],
      [
        "sum.row",
        "error",
        ["财决05表!C8", "财决05表!D8", "财决05表!E8", "财决05表!F8", "财决05表!G8", "财决05表!H8"],
        3_013_640 * YUAN,
        3_003_640 * YUAN,
        -10_000 * YUAN,
      ],
    ]);
    expect(result.findings[2].message).toEqual({
      "zh-CN":
        "2080599 其他行政事业单位养老支出：基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出 = 3,013,640.00 元，合计填列 3,003,640.00 元，相差 10,000.00 元，填列数少于分项之和",
      "en-US":
        "2080599 其他行政事业单位养老支出: basic spending + project spending + remittances to the higher level + business spending + subsidies to affiliated units = 3,013,640.00 元 (yuan), total entered 3,003,640.00, 10,000.00 less than the sum",
    });
    expect(result.findings[1].message["zh-CN"]).toBe(
      "“经营支出”列：20805 行政事业单位养老支出的下级科目（2 个）之和 = 20,000.00 元，20805 行政事业单位养老支出填列 0.00 元，相差 20,000.00 元，填列数少于分项之和",
    );
  });

  it("finds a 项 whose 合计 is off, in its row and in its 款, with the 合计 row on top", () => {
    const rows = SEED_EXPENDITURE.map((r) =>
      r[0] === "2010301" ? ["2010301", "    行政运行", 266.79, 256.79, 0] : r,
    );
    const result = checkWorkbook(workbook(expenditureSheet(rows)));
    expect(facts(result.findings)).toEqual([
      [
        "sum.column",
        "error",
        ["支出决算表!D8", "支出决算表!D9", "支出决算表!D10"],
        366_790_000,
        356_790_000,
        -10 * WAN,
      ],
      [
        "sum.row",
        "error",
        ["支出决算表!D9", "支出决算表!E9", "支出决算表!F9"],
        256_790_000,
        266_790_000,
        10 * WAN,
      ],
    ]);
  });

  it("compares the 合计 row with the budget block's 全年执行数 across sheets and units (元 against 万元)", () => {
    const yuanRows: CellValue[][] = [
      [null, "合计", 107161600, 2568900, 104592700],
      ["201", "一般公共服务支出", 107161600, 2568900, 104592700],
    ];
    const result = checkWorkbook(
      workbook(selfEvaluationSheet(), expenditureSheet(yuanRows, "单位：元", "支出决算（元）")),
    );
    expect(facts(result.findings)).toEqual([
      ["cross.sheet", "error", ["自评表!D9", "支出决算（元）!E6"], 256_890_000, 256_790_000, -100_000],
      ["cross.sheet", "error", ["自评表!D10", "支出决算（元）!F6"], 10_459_270_000, 10_459_370_000, 100_000],
    ]);
    // Both figures in the budget block's unit (万元), the 元 table's figure converted exactly: one unit per sentence.
    expect(result.findings[0].message["zh-CN"]).toBe(
      "预算执行情况“全年执行数”基本支出（自评表!D9）为 256.79 万元，支出决算表合计行“基本支出”（支出决算（元）!E6）为 256.89 万元，相差 0.10 万元，预算执行情况少；以支出决算表为准",
    );
  });
});

describe("no table", () => {
  it("reports table.missing when nothing in the workbook is a known table", () => {
    const result = checkWorkbook(workbook(sheet("Sheet1", [["会议纪要"], ["2023年3月1日"]])));
    expect(facts(result.findings)).toEqual([["table.missing", "error", [], null, null, null]]);
  });
});
