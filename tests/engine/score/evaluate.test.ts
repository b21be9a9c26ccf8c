import { evaluateWorkbook } from "../../../src/engine/evaluate";
import type { CellValue, SheetSnapshot } from "../../../src/engine/snapshot";
import { sheet, workbook } from "../../helpers/grid";
import { INDICATOR_HEADER, SEED } from "../../fixtures/seed";

/**
 * The Hunan 自评表 as an accountant keeps it: title, unit caption, the budget block in 万元 (figures as text in places),
 * then the indicators with their 得分 and 偏差原因 columns. The seed's figures: 10716.16 万元, all spent.
 */
function selfEvaluationSheet(
  title: string,
  indicators: CellValue[][],
  executed: CellValue = "10,716.16",
): SheetSnapshot {
  return sheet(
    "自评表",
    [
      [title, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, "单位：万元"],
      ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
      ["年度资金总额", SEED.total, SEED.total, executed, 10, "100%", 10, null],
      ["按收入性质分：", null, null, null, null, null, null, null],
      ["  其中：一般公共预算", SEED.general, SEED.general, SEED.general, null, null, null, null],
      ["        政府性基金", SEED.fund, SEED.fund, SEED.fund, null, null, null, null],
      ["按支出性质分：", null, null, null, null, null, null, null],
      ["  其中：基本支出", SEED.basic, SEED.basic, SEED.basic, null, null, null, null],
      ["        项目支出", SEED.project, SEED.project, SEED.project, null, null, null, null],
      [null, null, null, null, null, null, null, null],
      [...INDICATOR_HEADER],
      ...indicators,
    ],
    { merges: ["A1:H1"] },
  );
}

/** Weights 90; the 时效 row is the seed-like 88% against ≥90% (9.78), explained. */
const INDICATORS: CellValue[][] = [
  ["产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 20, 20, null],
  [null, "质量指标", "项目验收合格率", "100%", "100%", 10, 10, null],
  [null, "时效指标", "项目完成及时率", "≥90%", "88%", 10, 9.78, "两个项目受汛期影响延期"],
  [null, "成本指标", "园区运营成本", "≤260万元", "255.3万元", 10, 10, null],
  ["效益指标", "经济效益指标", "税收增长率", "≥5%", "6%", 15, 15, null],
  [null, "社会效益指标", "营商环境", "持续优化", "达成年度指标", 15, 15, null],
  ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 10, 10, null],
];

function infoSheet(): SheetSnapshot {
  return sheet("基本情况", [
    ["部门（单位）基本情况", null],
    ["部门名称", "岳阳市君山产业开发区管委会"],
    ["评价年度", "2023年度"],
    ["职能职责", "负责园区规划建设、招商引资和企业服务。"],
  ]);
}

describe("evaluateWorkbook", () => {
  it("scores the workbook and names the department and year from the info block", () => {
    const ev = evaluateWorkbook(
      workbook(selfEvaluationSheet("部门整体支出绩效自评表", INDICATORS), infoSheet()),
    );
    expect(ev.department).toBe("岳阳市君山产业开发区管委会");
    expect(ev.year).toBe("2023");
    expect(ev.score).toMatchObject({ total: 99.78, grade: "优", weightsTotal: 100 });
    expect(ev.score!.execution).toMatchObject({ rate: 1, score: 10 });
    expect(ev.score!.indicators.map((i) => [i.name, i.target, i.actual, i.score])).toEqual([
      ["新签约项目数", "≥15个", "17个", 20],
      ["项目验收合格率", "100%", "100%", 10],
      ["项目完成及时率", "≥90%", "88%", 9.78],
      ["园区运营成本", "≤260万元", "255.3万元", 10],
      ["税收增长率", "≥5%", "6%", 15],
      ["营商环境", "持续优化", "达成年度指标", 15],
      ["企业满意度", "≥90%", "95%", 10],
    ]);
    expect(ev.recognized.budget?.unit).toBe("万元");
    expect(ev.tables.map((t) => t.kind).sort()).toEqual(["budget", "indicators", "info"]);
    // The budget figure typed as text is the checker's notice; the scorer has nothing to say.
    expect(ev.findings.map((f) => [f.rule, f.severity, f.cells[0].address])).toEqual([
      ["value.text", "notice", "D4"],
    ]);
    expect(ev.summary).toEqual({ error: 0, warning: 0, notice: 1 });
  });

  it("merges checker and scorer findings in report order", () => {
    const indicators = INDICATORS.map((r) => [...r]);
    indicators[0][4] = "30个"; // over-completed, no reason
    indicators[6][4] = null; // no actual value
    const ev = evaluateWorkbook(
      workbook(selfEvaluationSheet("部门整体支出绩效自评表", indicators, 10726.16), infoSheet()),
    );
    expect(ev.findings.map((f) => [f.rule, f.severity, `${f.cells[0].sheet}!${f.cells[0].address}`])).toEqual(
      [
        ["sum.breakdown", "error", "自评表!D4"],
        ["sum.breakdown", "error", "自评表!D4"],
        ["value.missing", "error", "自评表!E19"],
        ["budget.overspend", "warning", "自评表!D4"],
        ["indicator.overachieved", "warning", "自评表!E13"],
        ["indicator.reason-missing", "warning", "自评表!H13"],
        // The row keeps its typed 得分 with no actual value beside it.
        ["review.unfounded-score", "warning", "自评表!G19"],
      ],
    );
    expect(ev.summary).toEqual({ error: 3, warning: 4, notice: 0 });
    expect(ev.score).toMatchObject({ total: 89.78, grade: "良" });
  });

  it("falls back to the title row for the department and year", () => {
    const ev = evaluateWorkbook(
      workbook(
        selfEvaluationSheet(
          "附件1：岳阳市君山产业开发区管委会２０２３年度部门整体支出绩效自评表",
          INDICATORS,
        ),
      ),
    );
    expect(ev.department).toBe("岳阳市君山产业开发区管委会");
    expect(ev.year).toBe("2023");
  });

  it("passes the tolerance to the checker", () => {
    const book = workbook(
      selfEvaluationSheet("2023年度部门整体支出绩效自评表", INDICATORS, 10716.18),
      infoSheet(),
    );
    const strict = evaluateWorkbook(book).findings.filter((f) => f.rule.startsWith("sum."));
    const loose = evaluateWorkbook(book, { toleranceInUnit: 0.05 }).findings.filter((f) =>
      f.rule.startsWith("sum."),
    );
    expect(strict.map((f) => [f.rule, f.severity])).toEqual([
      ["sum.breakdown", "error"],
      ["sum.breakdown", "error"],
    ]);
    expect(loose.map((f) => [f.rule, f.severity])).toEqual([
      ["sum.rounding", "notice"],
      ["sum.rounding", "notice"],
    ]);
  });

  it("has no score for a workbook with no budget block and no indicators", () => {
    const ev = evaluateWorkbook(workbook(sheet("Sheet1", [["备注", "无"]])));
    expect(ev.score).toBeNull();
    expect(ev.department).toBe("");
    expect(ev.year).toBe("");
    expect(ev.findings.map((f) => f.rule)).toEqual(["table.missing"]);
  });
});

describe("a 分值 that cannot be used", () => {
  /** The indicators above with four weights spoiled: a negative number, a text, a blank and an error value. */
  function spoiled(): CellValue[][] {
    const rows = INDICATORS.map((r) => [...r]);
    rows[0][5] = -5; // 新签约项目数, F13
    rows[1][5] = "约10"; // 项目验收合格率, F14
    rows[2][5] = null; // 项目完成及时率, F15
    rows[3][5] = "#REF!"; // 园区运营成本, F16
    return rows;
  }

  it("reports each at its 分值 cell once, scores the indicator 0 (never below) and counts the weight as 0", () => {
    const ev = evaluateWorkbook(workbook(selfEvaluationSheet("部门整体支出绩效自评表", spoiled())));
    const at = (address: string) =>
      ev.findings.filter((f) => f.cells.some((c) => c.sheet === "自评表" && c.address === address));
    expect(at("F13").map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        "indicator.weights",
        "error",
        {
          "zh-CN": "“新签约项目数”的分值 -5 为负数，按 0 分计：分值应为 0 或正数",
          "en-US":
            'The weight of "新签约项目数" is -5, a negative number: scored 0; a weight must be 0 or more',
        },
      ],
    ]);
    expect(at("F14").map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        "indicator.weights",
        "error",
        {
          "zh-CN": "“项目验收合格率”的分值“约10”不是数字，按 0 分计：请填写分值，如 10",
          "en-US":
            'The weight of "项目验收合格率" ("约10") is not a number: scored 0; enter the points, e.g. 10',
        },
      ],
    ]);
    expect(at("F15").map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        "indicator.weights",
        "error",
        {
          "zh-CN": "“项目完成及时率”未填写分值，按 0 分计：请填写该指标的分值",
          "en-US": '"项目完成及时率" has no weight: scored 0; enter the indicator\'s points',
        },
      ],
    ]);
    // An error value is the checker's value.error only: one bad cell, one finding.
    expect(at("F16").map((f) => [f.rule, f.message["zh-CN"]])).toEqual([
      ["value.error", "园区运营成本（分值）：错误值 #REF!，请修正公式或引用"],
    ]);
    // The typed 得分 20 beside the negative weight is not compared with anything: no score-mismatch on G13.
    expect(ev.findings.map((f) => `${f.rule} ${f.cells.map((c) => c.address).join(",")}`).sort()).toEqual(
      [
        "indicator.weights F12",
        "indicator.weights F13",
        "indicator.weights F14",
        "indicator.weights F15",
        "value.error F16",
        "value.text D4", // the layout's 全年执行数 "10,716.16", typed as text
      ].sort(),
    );
    expect(ev.findings.find((f) => f.cells[0].address === "F12")?.message["zh-CN"]).toBe(
      "指标分值合计 40，加预算执行率 10 分共 50 分，应为 100 分",
    );

    const score = ev.score!;
    expect(score.indicators.slice(0, 4).map((i) => [i.name, i.weight, i.score, i.status, i.method])).toEqual([
      [
        "新签约项目数",
        0,
        0,
        "invalid",
        { "zh-CN": "分值 -5 为负数，得 0 分", "en-US": "negative weight -5: score 0" },
      ],
      [
        "项目验收合格率",
        0,
        0,
        "invalid",
        { "zh-CN": "分值无法识别，得 0 分", "en-US": "the weight cannot be read: score 0" },
      ],
      ["项目完成及时率", 0, 0, "invalid", { "zh-CN": "未填写分值，得 0 分", "en-US": "no weight: score 0" }],
      [
        "园区运营成本",
        0,
        0,
        "invalid",
        { "zh-CN": "分值无法识别，得 0 分", "en-US": "the weight cannot be read: score 0" },
      ],
    ]);
    expect(score.indicators.every((i) => i.score >= 0)).toBe(true);
    expect([score.weightsTotal, score.total, score.grade]).toEqual([50, 50, "差"]);
  });

  it('takes a weight of 0 and one typed as text ("２０分") as they are', () => {
    const rows = INDICATORS.map((r) => [...r]);
    rows[0][5] = "２０分";
    rows[1][5] = 0;
    rows[1][6] = 0;
    rows[6][5] = 20; // weights still total 90
    const ev = evaluateWorkbook(workbook(selfEvaluationSheet("部门整体支出绩效自评表", rows)));
    expect(ev.findings.filter((f) => f.rule === "indicator.weights")).toEqual([]);
    expect(ev.score!.indicators.slice(0, 2).map((i) => [i.weight, i.score, i.status])).toEqual([
      [20, 20, "full"],
      [0, 0, "full"],
    ]);
  });
});
