import type { Finding } from "../../../src/engine/findings";
import { scoreWorkbook } from "../../../src/engine/score/index";
import { budgetBlock, indicatorsTable, recognized, SHEET, type RowSpec } from "./build";

/** These tables are parts of a form: whether the indicator set is complete is quality.coverage's test, not theirs. */
const PARTIAL_TABLE = { rules: { "quality.coverage": "off" } } as const;

function expected(
  rule: Finding["rule"],
  severity: Finding["severity"],
  address: string,
  zh: string,
  en: string,
): Finding {
  return {
    rule,
    severity,
    cells: [{ sheet: SHEET, address }],
    table: "indicators",
    expectedFen: null,
    actualFen: null,
    differenceFen: null,
    message: { "zh-CN": zh, "en-US": en },
  };
}

/** Rows 5… of the sheet; weights total 90 so that, with execution's 10, no weights finding appears. */
const ROWS: RowSpec[] = [
  // row 5: over-completed without a reason
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新签约项目数",
    target: "≥15个",
    actual: "30个",
    weight: 10,
    score: 10,
  },
  // row 6: a target that starts with an operator but is no quantity; no actual either
  { name: "园区道路建设", target: "≥约15公里", actual: null, weight: 10, score: null },
  // row 7: units that cannot be converted
  { name: "", target: "≥10个", actual: "12项", weight: 10, score: 10, reason: "口径调整" },
  // row 8: a typed score outside its qualitative tier; a slash for a reason is no reason
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "营商环境",
    target: "持续优化",
    actual: "部分达成",
    weight: 10,
    score: 8.5,
    reason: "／",
  },
  // row 9: an unreadable actual
  { name: "服务质量", target: "按时完成", actual: "较好", weight: 10, score: null, reason: "—" },
  // row 10: over-completed with a reason
  { name: "新增就业", target: "≥100人", actual: "150人", weight: 10, score: 10, reason: "新企业投产" },
  // row 11: a typed quantitative score that differs from the rule's
  {
    name: "招商引资额",
    target: "≥1.2亿元",
    actual: "9000万元",
    weight: 10,
    score: 10,
    reason: "项目落地延后",
  },
  // row 12: a blank actual
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "企业满意度",
    target: "≥90%",
    actual: "",
    weight: 10,
  },
  // row 13: an empty target
  { name: "群众满意度", target: "", actual: "95%", weight: 10, score: 10 },
];

describe("indicator findings: rule, severity, cell and message", () => {
  const { findings } = scoreWorkbook(
    recognized(indicatorsTable(ROWS), budgetBlock("10716.16", "10716.16")),
    PARTIAL_TABLE,
  );

  it("reports every problem once, at its cell, in both languages, sorted (errors, warnings, notices; by cell)", () => {
    expect(findings).toEqual([
      expected(
        "indicator.target",
        "error",
        "F6",
        "“园区道路建设”的年度指标值“≥约15公里”无法识别：应为数量（如 ≥15个）或定性描述",
        'The target of "园区道路建设" ("≥约15公里") cannot be read: write a quantity (e.g. ≥15个) or a qualitative description',
      ),
      expected(
        "value.missing",
        "error",
        "G6",
        "“园区道路建设”未填写实际完成值，按 0 分计（属缺失，不等同于未完成）",
        '"园区道路建设" has no actual value: scored 0 (missing, which is not the same as not met)',
      ),
      expected(
        "indicator.qualitative-tier",
        "error",
        "I8",
        "“营商环境”为“部分达成”，该档得分应为 6 分至不足 8 分（分值的 60%–<80%），填报得分 8.5 不在其内，按 7.00 分计",
        '"营商环境" is partly met, whose tier is 6 up to but not including 8 points (60%–<80% of the weight); the typed score 8.5 is outside it: scored 7.00',
      ),
      expected(
        "value.unparsed",
        "error",
        "G9",
        "“服务质量”的实际完成值“较好”无法识别，按 0 分计：定性指标应填写 达成 / 部分达成 / 未达成",
        'The actual value of "服务质量" ("较好") cannot be read, scored 0: a qualitative indicator takes 达成 / 部分达成 / 未达成',
      ),
      expected(
        "value.missing",
        "error",
        "G12",
        "“企业满意度”未填写实际完成值，按 0 分计（属缺失，不等同于未完成）",
        '"企业满意度" has no actual value: scored 0 (missing, which is not the same as not met)',
      ),
      expected(
        "indicator.target",
        "error",
        "F13",
        "“群众满意度”未填写年度指标值，无法评分",
        '"群众满意度" has no target: it cannot be scored',
      ),
      expected(
        "indicator.overachieved",
        "warning",
        "G5",
        "“新签约项目数”实际完成值 30个 为目标 ≥15个 的 200%（达到 130% 及以上），目标可能设定偏低",
        '"新签约项目数": the actual 30个 is 200% of the target ≥15个 (130% or more), so the target may have been set too low',
      ),
      expected(
        "indicator.reason-missing",
        "warning",
        "J5",
        "“新签约项目数”超额完成，未填写偏差原因（说明目标为何设定偏低）",
        '"新签约项目数" was over-completed and gives no reason (why the target was set so low)',
      ),
      expected(
        "indicator.unit-mismatch",
        "warning",
        "G7",
        "第 7 行指标的目标单位“个”与实际完成值单位“项”无法换算，已按数值直接比较，请核对",
        'The target unit of the indicator on row 7 ("个") and the actual\'s unit ("项") cannot be converted; the numbers were compared as written, please check',
      ),
      expected(
        "indicator.reason-missing",
        "warning",
        "J8",
        "“营商环境”得分 7.00 低于分值 10，未填写偏差原因分析及改进措施",
        '"营商环境" scores 7.00 of 10 and gives no reason for the shortfall or measures to improve',
      ),
      expected(
        "indicator.score-mismatch",
        "warning",
        "I11",
        "“招商引资额”填报得分 10，按评分规则应为 7.50（按 亿元 计：目标 1.2，实际 0.9；10×0.9/1.2=7.50）",
        '"招商引资额": the typed score is 10, the scoring rule gives 7.50 (in 亿元: target 1.2, actual 0.9; 10×0.9/1.2=7.50)',
      ),
      {
        ...expected(
          "review.unfounded-score",
          "warning",
          "I13",
          "“群众满意度”未填写年度指标值，却填报得分 “10”（满分）：按评分规则得 0 分；请补填年度指标值，或将得分改为 0",
          '"群众满意度" has no target yet a typed score of “10” (full marks): the rules give 0; fill in the target, or change the score to 0',
        ),
        cells: [
          { sheet: SHEET, address: "I13" },
          { sheet: SHEET, address: "F13" },
        ],
      },
      expected(
        "indicator.overachieved",
        "notice",
        "G10",
        "“新增就业”实际完成值 150人 为目标 ≥100人 的 150%（达到 130% 及以上），目标可能设定偏低；已说明原因",
        '"新增就业": the actual 150人 is 150% of the target ≥100人 (130% or more), so the target may have been set too low; a reason is given',
      ),
    ]);
  });
});

describe("indicator.reason-missing without a 偏差原因 column", () => {
  it("names the row's 三级指标 cell", () => {
    const table = indicatorsTable(
      [
        {
          level1: "产出指标",
          level2: "质量指标",
          name: "项目验收合格率",
          target: "100%",
          actual: "95%",
          weight: 90,
        },
      ],
      { withReason: false },
    );
    expect(scoreWorkbook(recognized(table), PARTIAL_TABLE).findings).toEqual([
      expected(
        "indicator.reason-missing",
        "warning",
        "C5",
        "“项目验收合格率”得分 85.50 低于分值 90，未填写偏差原因分析及改进措施",
        '"项目验收合格率" scores 85.50 of 90 and gives no reason for the shortfall or measures to improve',
      ),
    ]);
  });
});

describe("indicator.weights", () => {
  it("names the 分值 header with both sums in the message (a blank 分值 counts 0 and is named too)", () => {
    const table = indicatorsTable([
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新签约项目数",
        target: "≥15个",
        actual: "15个",
        weight: 40,
      },
      { name: "开工项目数", target: "≥10个", actual: "10个", weight: 35.5 },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "企业满意度",
        target: "≥90%",
        actual: "95%",
        weight: null,
      },
    ]);
    expect(scoreWorkbook(recognized(table), PARTIAL_TABLE).findings).toEqual([
      expected(
        "indicator.weights",
        "error",
        "H4",
        "指标分值合计 75.5，加预算执行率 10 分共 85.5 分，应为 100 分",
        "The indicator weights total 75.5; with 10 for budget execution that is 85.5, not 100",
      ),
      expected(
        "indicator.weights",
        "error",
        "H7",
        "“企业满意度”未填写分值，按 0 分计：请填写该指标的分值",
        '"企业满意度" has no weight: scored 0; enter the indicator\'s points',
      ),
    ]);
  });

  it("is silent when the weights reach 100 with execution", () => {
    const table = indicatorsTable([
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新签约项目数",
        target: "≥15个",
        actual: "15个",
        weight: 50,
      },
      {
        level1: "效益指标",
        level2: "经济效益指标",
        name: "税收增长",
        target: "≥5%",
        actual: "6%",
        weight: 30,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "企业满意度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
      },
    ]);
    expect(scoreWorkbook(recognized(table), PARTIAL_TABLE).findings).toEqual([]);
  });
});

describe("the deduction option in the over-completion finding", () => {
  it("says how many points were taken", () => {
    const table = indicatorsTable(
      [
        {
          level1: "产出指标",
          level2: "数量指标",
          name: "新签约项目数",
          target: "≥15个",
          actual: "20个",
          weight: 90,
          score: 88,
        },
      ],
      { withReason: true },
    );
    const { findings, score } = scoreWorkbook(recognized(table), {
      ...PARTIAL_TABLE,
      overachieveDeduction: 2,
    });
    expect(score?.indicators[0].score).toBe(88);
    expect(findings.map((f) => [f.rule, f.severity, f.cells[0].address])).toEqual([
      ["indicator.overachieved", "warning", "G5"],
      ["indicator.reason-missing", "warning", "J5"],
    ]);
    expect(findings[0].message).toEqual({
      "zh-CN":
        "“新签约项目数”实际完成值 20个 为目标 ≥15个 的 133.33%（达到 130% 及以上），目标可能设定偏低；未说明原因，扣 2 分",
      "en-US":
        '"新签约项目数": the actual 20个 is 133.33% of the target ≥15个 (130% or more), so the target may have been set too low; no reason is given, 2 points deducted',
    });
  });
});
