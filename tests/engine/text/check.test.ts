/**
 * 文数一致 on the seed: its own report against a workbook with its figures finds the one real disagreement (the unit
 * wrote 95 分, the rules give 99.78); a copy with five planted wrong figures finds each of them and nothing else.
 */
import { checkReportText } from "../../../src/engine/text/index";
import { compareText } from "../../../src/engine/text/match";
import { plantedReport, seedReport } from "../../fixtures/text/seed-report";
import { seedEvaluation } from "./seed-workbook";

const shape = (f: {
  rule: string;
  severity: string;
  cells: readonly { sheet: string; address: string }[];
}) => [f.rule, f.severity, f.cells.map((c) => `${c.sheet}!${c.address}`).join(",")];

describe("the seed report against the seed's workbook", () => {
  const result = checkReportText(seedEvaluation(), seedReport());

  it("finds only the unit's own score against the computed one", () => {
    expect(result.findings.map(shape)).toEqual([["text.score", "warning", "表三 绩效指标!G3"]]);
    const [finding] = result.findings;
    expect(finding.message["zh-CN"]).toBe(
      "报告文字“…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分”中总分为“95分”，按评分规则计算为 99.78 分",
    );
    expect(finding.message["en-US"]).toBe(
      'The report\'s text "…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分" gives the total score as "95分"; the scoring rules give 99.78 points',
    );
    expect(finding.text).toEqual({
      sentence: "…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分",
      stated: "95分",
      subject: { "zh-CN": "总分", "en-US": "the total score" },
      recorded: { "zh-CN": "99.78 分", "en-US": "99.78 points" },
    });
    expect(result.summary).toEqual({ error: 0, warning: 1, notice: 0 });
  });

  it("compares every figure the workbook holds, and agrees on all but the score", () => {
    const compared = compareText(seedEvaluation(), seedReport()).map((c) => [
      c.stated,
      c.subject["zh-CN"],
      c.agrees,
    ]);
    expect(compared).toEqual([
      ["256.79万元", "基本支出全年执行数", true],
      ["10459.37万元", "项目支出全年执行数", true],
      ["1000万元", "政府性基金预算全年预算数", true],
      ["1000万元", "政府性基金预算全年执行数", true],
      ["10716.16万元", "年度资金总额全年预算数", true],
      ["9716.16万元", "一般公共预算全年预算数", true],
      ["1000万元", "政府性基金预算全年预算数", true],
      ["10716.16万元", "年度资金总额全年执行数", true],
      ["256.79万元", "基本支出全年执行数", true],
      ["10459.37万元", "项目支出全年执行数", true],
      ["98.96亿元", "“技工贸总收入”实际完成值", true],
      ["54.07亿元", "“固定资产投资”实际完成值", true],
      ["3.5亿元", "“税收收入”实际完成值", true],
      ["17个", "“新签约项目数”实际完成值", true],
      ["22.12亿元", "“合同引资额”实际完成值", true],
      ["9家", "“引导企业启动扩能扩产项目”实际完成值", true],
      ["9家", "“新培育规模以上工业企业”实际完成值", true],
      ["7家", "“新培育高新技术企业”实际完成值", true],
      ["75吨/小时", "“集中供热站供气能力”实际完成值", true],
      ["95分", "总分", false],
    ]);
    expect(result.sentences).toBe(60);
    expect(result.compared).toBe(20);
  });
});

describe("the seed report with five figures planted wrong", () => {
  const result = checkReportText(seedEvaluation(), plantedReport());

  it("finds each planted figure, and besides them only the seed's own score", () => {
    expect(result.findings.map(shape)).toEqual([
      ["text.rate", "error", "表一 预算执行情况!F5"],
      ["text.amount", "error", "表一 预算执行情况!D11"],
      ["text.count", "error", "表三 绩效指标!E4"],
      ["text.score", "warning", "表三 绩效指标!G3"],
      ["text.grade", "warning", "表三 绩效指标!G3"],
      ["text.score", "warning", "表三 绩效指标!G17"],
    ]);
  });

  it("quotes the sentence, the text's figure and the table's", () => {
    expect(result.findings.map((f) => f.message["zh-CN"])).toEqual([
      "报告文字“支出10716.16万元，预算执行率为98.5%”中预算执行率为“98.5%”，按表计算为 100.0%",
      "报告文字“本年度基本支出为265.79万元，主要为人员薪金及社保、单位公用经费等”中基本支出全年执行数为“265.79万元”，表中为 256.79 万元",
      "报告文字“2023年，园区完成新签约项目十五个…”中“新签约项目数”实际完成值为“十五个”，表中为 17 个",
      "报告文字“…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分…”中总分为“95分”，按评分规则计算为 99.78 分",
      "报告文字“…对单位整体支出评分为95分，评价等级为‘良’”中评价等级为“良”，按评分规则计算为 “优”",
      "报告文字“入园企业满意度指标得分8分”中“入园企业满意度”得分为“8分”，按评分规则计算为 9.78 分",
    ]);
  });

  it("carries the amounts of a money finding in 分, in the text's unit", () => {
    const amount = result.findings[1];
    expect([amount.expectedFen, amount.actualFen, amount.differenceFen, amount.unit]).toEqual([
      25679_00_00,
      26579_00_00,
      900_00_00,
      "万元",
    ]);
  });
});

describe("in English", () => {
  it("names the table's amount in English units, the text's figure as written", () => {
    const [finding] = checkReportText(seedEvaluation(), "本年度基本支出为265.79万元。").findings;
    expect(finding.message["en-US"]).toBe(
      'The report\'s text "本年度基本支出为265.79万元" gives basic expenditure, full-year execution as "265.79万元"; the table has 256.79 10k yuan',
    );
  });
});

describe("评分规则 is the rules, not the total", () => {
  // review.execution-weight's message as our own report quotes it (its 核查结果 section): the 10 分 after 评分规则为 is
  // the execution row's configured 分值, and was read as the total (a false text.score warning on a real filing).
  const EXECUTION_WEIGHT_SENTENCE =
    "1. “执行率分值”（Sheet1!A4、Sheet1!E5）：预算执行率按 “20” 分计，评分规则为 10 分（按 10 分计算执行率得分和总分）：请改为 10 分，并相应调整指标分值使合计为 100 分。";

  it("reads no total from review.execution-weight's sentence", () => {
    const compared = compareText(seedEvaluation(), EXECUTION_WEIGHT_SENTENCE);
    expect(compared.filter((c) => c.subject["zh-CN"] === "总分")).toEqual([]);
    expect(checkReportText(seedEvaluation(), EXECUTION_WEIGHT_SENTENCE).findings).toEqual([]);
  });

  it("reads no total from review.unfounded-score's “按评分规则得 0 分”", () => {
    const sentence =
      "“入园企业满意度”未填写实际完成值，却填报得分 “10”：按评分规则得 0 分；请补填实际完成值，或将得分改为 0。";
    expect(compareText(seedEvaluation(), sentence).filter((c) => c.subject["zh-CN"] === "总分")).toEqual([]);
  });

  it.each([
    ["按评分规则计算，单位整体支出自评总分为95分。", "按评分规则计算，单位整体支出自评总分为95分"],
    ["按评分标准计算总分为95分。", "按评分标准计算总分为95分"],
    ["对单位整体支出评分为95分。", "对单位整体支出评分为95分"],
  ])("still finds a wrong total: %s", (text, quoted) => {
    const result = checkReportText(seedEvaluation(), text);
    expect(result.findings.map((f) => [f.rule, f.message["zh-CN"]])).toEqual([
      ["text.score", `报告文字“${quoted}”中总分为“95分”，按评分规则计算为 99.78 分`],
    ]);
  });
});

describe("a sentence summing 分值 gives the execution row's points, not its score", () => {
  // indicator.weights' message as our own report quotes it: 20 分 and 105 分 are weights, and were read as the
  // 预算执行率得分.
  it.each([
    "指标分值合计 85，加预算执行率 20 分（表中所列）共 105 分，应为 100 分。",
    "指标分值合计 95，加预算执行率 10 分共 105 分，应为 100 分。",
  ])("compares nothing in %s", (sentence) => {
    expect(compareText(seedEvaluation(), sentence)).toEqual([]);
  });

  it("still compares the execution score a sentence about 分值 states as 得分", () => {
    const compared = compareText(seedEvaluation(), "预算执行率分值10分，预算执行率得分7分。");
    expect(compared.map((c) => [c.stated, c.subject["zh-CN"], c.agrees])).toEqual([
      ["7分", "预算执行率得分", false],
    ]);
  });
});

describe("a cell reference's “!” does not cut the sentence", () => {
  // "入园企业满意度（表三 绩效指标!G17）得分8分" was read as "入园企业满意度（表三 绩效指标" and "G17）得分8分": the score
  // lost the indicator named before the reference and was compared with nothing.
  it("reads a score whose indicator is named before the reference", () => {
    const text = "入园企业满意度（表三 绩效指标!G17）得分8分。";
    expect(
      compareText(seedEvaluation(), text).map((c) => [c.sentence, c.stated, c.subject["zh-CN"], c.agrees]),
    ).toEqual([["入园企业满意度（表三 绩效指标!G17）得分8分", "8分", "“入园企业满意度”得分", false]]);
    expect(checkReportText(seedEvaluation(), text).findings.map((f) => [f.rule, f.message["zh-CN"]])).toEqual(
      [
        [
          "text.score",
          "报告文字“入园企业满意度（表三 绩效指标!G17）得分8分”中“入园企业满意度”得分为“8分”，按评分规则计算为 9.78 分",
        ],
      ],
    );
  });

  // cross.sheet's message as our report's 核查结果 quotes it: each amount's row and column stand before a reference.
  // Read whole, the 表一 figure is still not taken for a budget row across the parenthesis (its clause starts at
  // "）"), and the 表二 figure is not taken for 表一's 基本支出: nothing of it is compared.
  const CROSS_SHEET_ITEM =
    "1. “跨表核对”（表一 预算执行情况!D11、表二 支出决算表!C7）：预算执行情况“全年执行数”基本支出（表一 预算执行情况!D11）为 256.79 万元，支出决算表合计行“基本支出”（表二 支出决算表!C7）为 265.79 万元，相差 9.00 万元，预算执行情况少；以支出决算表为准。";

  it("cuts cross.sheet's quoted finding only at its “；”, and compares none of its figures", () => {
    const result = checkReportText(seedEvaluation(), CROSS_SHEET_ITEM);
    expect([result.sentences, result.compared, result.findings]).toEqual([2, 0, []]);
  });
});
