import { errorValue } from "../../../src/engine/snapshot";
import { runScoreRules } from "../../../src/engine/rules/run";
import { scoreDetails } from "../../../src/engine/score/index";
import { scoreIndicator } from "../../../src/engine/score/indicator";
import { resolveOptions } from "../../../src/engine/score/options";
import type { ScoreOptions } from "../../../src/engine/score/types";
import { indicatorsTable, recognized, type RowSpec, type TableOptions } from "./build";

/**
 * Scores a one-row table (data on sheet row 5: target F5, actual G5, 得分 I5, 偏差原因 J5) and runs the scorer's
 * rules over that row alone (without the table's weights total, which a one-row table always misses).
 */
function scoreOne(
  spec: Omit<RowSpec, "name"> & { name?: string },
  options: ScoreOptions = {},
  table: TableOptions = {},
) {
  const t = indicatorsTable([{ name: "新签约项目数", level1: "产出指标", level2: "数量指标", ...spec }], {
    withReason: true,
    ...table,
  });
  const scored = scoreIndicator(t.rows[0], t, resolveOptions(options));
  const rec = recognized(t);
  const details = scoreDetails(rec, options)!;
  const findings = runScoreRules(rec, { ...details, indicators: [scored.detail], weights: null }, options);
  return { ...scored.score, rules: findings.map((f) => f.rule) };
}

describe("≥ ＞ ＝: more is better, in proportion, capped at the weight", () => {
  it("17 against ≥15 earns the weight", () => {
    expect(scoreOne({ target: "≥15个", actual: "17个", weight: 10 })).toMatchObject({
      score: 10,
      status: "full",
      kind: "quantitative",
      overachieved: false,
      method: { "zh-CN": "17/15 ≥ 目标，满分", "en-US": "17/15 ≥ target: full score" },
      rules: [],
    });
  });

  it("88% against ≥90% with weight 10 → 9.78", () => {
    expect(scoreOne({ target: "≥90%", actual: "88%", weight: 10, reason: "部分项目延期" })).toMatchObject({
      score: 9.78,
      status: "partial",
      method: { "zh-CN": "10×88/90=9.78", "en-US": "10×88/90=9.78" },
      rules: [],
    });
  });

  it("＝12 with 10 and weight 5 → 4.17 (＝ is scored as ≥)", () => {
    expect(scoreOne({ target: "＝12次", actual: "10次", weight: 5, reason: "疫情影响" })).toMatchObject({
      score: 4.17,
      method: { "zh-CN": "5×10/12=4.17" },
    });
  });

  it("＞ is scored as ≥", () => {
    expect(scoreOne({ target: "＞80", actual: "60", weight: 10, reason: "x" })).toMatchObject({ score: 7.5 });
    expect(scoreOne({ target: "＞80", actual: "80", weight: 10 })).toMatchObject({
      score: 10,
      status: "full",
    });
  });

  it("a bare 100% with 98% → 9.80 (no operator means ≥)", () => {
    expect(scoreOne({ target: "100%", actual: "98%", weight: 10, reason: "个别事项未完成" })).toMatchObject({
      score: 9.8,
      method: { "zh-CN": "10×98/100=9.80" },
    });
  });

  it("a target of ≥0 is always met", () => {
    expect(scoreOne({ target: "≥0", actual: "0", weight: 4 })).toMatchObject({
      score: 4,
      status: "full",
      method: { "zh-CN": "目标为 ≥0，满分", "en-US": "target ≥0: full score" },
    });
  });

  it("a negative actual counts as 0", () => {
    expect(scoreOne({ target: "≥10", actual: "-5", weight: 10, reason: "退库" })).toMatchObject({
      score: 0,
      status: "zero",
      method: {
        "zh-CN": "实际值 -5 为负，按 0 计；10×0/10=0.00",
        "en-US": "negative actual -5 counted as 0; 10×0/10=0.00",
      },
    });
  });

  it("rounds half away from zero on exact decimals: 5×53.5/100 = 2.675 → 2.68, 3×33.5/100 = 1.005 → 1.01", () => {
    expect(scoreOne({ target: "≥100", actual: "53.5", weight: 5, reason: "x" })).toMatchObject({
      score: 2.68,
      method: { "zh-CN": "5×53.5/100=2.68" },
    });
    expect(scoreOne({ target: "≥100", actual: "33.5", weight: 3, reason: "x" })).toMatchObject({
      score: 1.01,
    });
  });
});

describe("≤ ＜: less is better, linear to zero at twice the target", () => {
  it("≤100 with 90 earns the weight", () => {
    expect(scoreOne({ target: "≤100万元", actual: "90万元", weight: 10 })).toMatchObject({
      score: 10,
      status: "full",
      method: { "zh-CN": "90 ≤ 100，满分", "en-US": "90 ≤ 100: full score" },
    });
  });

  it("≤100 with 120 → 8.00", () => {
    expect(scoreOne({ target: "≤100", actual: "120", weight: 10, reason: "材料涨价" })).toMatchObject({
      score: 8,
      status: "partial",
      method: { "zh-CN": "10×(1−(120−100)/100)=8.00", "en-US": "10×(1−(120−100)/100)=8.00" },
    });
  });

  it("≤100 with 250 → 0, and exactly 200 → 0", () => {
    expect(scoreOne({ target: "≤100", actual: "250", weight: 10, reason: "x" })).toMatchObject({
      score: 0,
      status: "zero",
      method: { "zh-CN": "250 ≥ 2×100，得 0 分", "en-US": "250 ≥ 2×100: score 0" },
    });
    expect(scoreOne({ target: "＜100", actual: "200", weight: 10, reason: "x" })).toMatchObject({ score: 0 });
    expect(scoreOne({ target: "＜100", actual: "199", weight: 10, reason: "x" })).toMatchObject({
      score: 0.1,
    });
  });

  it("≤0 is met only by 0 or less", () => {
    expect(scoreOne({ target: "≤0起", actual: "0起", weight: 5 })).toMatchObject({
      score: 5,
      status: "full",
    });
    expect(scoreOne({ target: "≤0起", actual: "1起", weight: 5, reason: "x" })).toMatchObject({
      score: 0,
      method: {
        "zh-CN": "目标为 ≤0，实际 1 超出，得 0 分",
        "en-US": "target ≤0, actual 1 is above it: score 0",
      },
    });
  });

  it("a negative actual against ≤ counts as 0 and meets it", () => {
    expect(scoreOne({ target: "≤10", actual: "-3", weight: 5 })).toMatchObject({ score: 5, status: "full" });
  });

  it("a target without an operator under 成本指标 is a ceiling (≤)", () => {
    expect(
      scoreOne({
        level2: "成本指标",
        target: "260万元",
        actual: "280万元",
        weight: 10,
        reason: "工程量增加",
      }),
    ).toMatchObject({
      score: 9.23,
      method: {
        "zh-CN": "成本指标未写计算符号，按 ≤ 计；10×(1−(280−260)/260)=9.23",
        "en-US": "cost indicator without an operator: scored as ≤; 10×(1−(280−260)/260)=9.23",
      },
    });
    // The same figures elsewhere are a floor (≥) and would be over the target.
    expect(scoreOne({ level2: "数量指标", target: "260万元", actual: "280万元", weight: 10 })).toMatchObject({
      score: 10,
    });
    // A 一级 成本指标 (newer templates) counts too.
    expect(
      scoreOne({
        level1: "成本指标",
        level2: "经济成本指标",
        target: "100",
        actual: "150",
        weight: 10,
        reason: "x",
      }),
    ).toMatchObject({ score: 5 });
  });
});

describe("units", () => {
  it("converts 亿元 and 万元", () => {
    expect(scoreOne({ target: "≥1.2亿元", actual: "9000万元", weight: 10, reason: "x" })).toMatchObject({
      score: 7.5,
      rules: [],
      method: {
        "zh-CN": "按 亿元 计：目标 1.2，实际 0.9；10×0.9/1.2=7.50",
        "en-US": "in 亿元: target 1.2, actual 0.9; 10×0.9/1.2=7.50",
      },
    });
  });

  it("takes the unit and operator from their own columns and shows them glued", () => {
    expect(
      scoreOne({ operator: "≤", unit: "万元", target: 260, actual: 2860000, weight: 10, reason: "x" }),
    ).toMatchObject({ target: "≤260万元", actual: "2860000万元", score: 0 });
    expect(scoreOne({ operator: "＞", unit: "%", target: "90", actual: 0.95, weight: 10 })).toMatchObject({
      target: "＞90%",
      actual: "0.95%",
      score: 10,
      method: { "zh-CN": "按 % 计：目标 90，实际 95；95/90 ≥ 目标，满分" },
    });
  });

  it("scores units that cannot be converted on the numbers as written, with a finding", () => {
    expect(scoreOne({ target: "≥10个", actual: "12项", weight: 5 })).toMatchObject({
      score: 5,
      rules: ["indicator.unit-mismatch"],
      method: { "zh-CN": "单位不一致（个/项），按数值比较；12/10 ≥ 目标，满分" },
    });
  });
});

describe("qualitative tiers", () => {
  const q = (actual: string, score: number | null, weight = 10) =>
    scoreOne({
      level1: "效益指标",
      level2: "社会效益指标",
      name: "营商环境",
      target: "持续优化",
      actual,
      weight,
      score,
    });

  it("uses the tier defaults 100/70/30 when no score is typed", () => {
    expect(q("达成年度指标", null)).toMatchObject({
      score: 10,
      kind: "qualitative",
      status: "full",
      method: { "zh-CN": "定性：达成，10×100%=10.00", "en-US": "qualitative: met, 10×100%=10.00" },
    });
    expect(q("部分达成年度指标并具有一定效果", null)).toMatchObject({ score: 7, status: "partial" });
    expect(q("未达成年度指标且效果较差", null)).toMatchObject({
      score: 3,
      method: { "zh-CN": "定性：未达成，10×30%=3.00" },
    });
  });

  it("keeps a typed score inside its tier", () => {
    expect(q("达成", 9)).toMatchObject({
      score: 9,
      status: "partial",
      method: { "zh-CN": "定性：达成，填报得分 9.00 在该档范围内，予以保留" },
      rules: ["indicator.reason-missing"],
    });
    expect(q("部分达成", 7.5)).toMatchObject({ score: 7.5, rules: ["indicator.reason-missing"] });
    expect(q("部分达成", 6)).toMatchObject({ score: 6 });
    expect(q("未达成", 5.99)).toMatchObject({ score: 5.99 });
    expect(q("达成", 8)).toMatchObject({ score: 8 });
    expect(q("达成", 2.675, 3)).toMatchObject({ score: 2.68 });
  });

  it("replaces a typed score outside its tier by the tier default, with a finding", () => {
    expect(q("部分达成", 8.5)).toMatchObject({
      score: 7,
      rules: ["indicator.qualitative-tier", "indicator.reason-missing"],
    });
    expect(q("部分达成", 8)).toMatchObject({
      score: 7,
      rules: ["indicator.qualitative-tier", "indicator.reason-missing"],
    });
    expect(q("达成", 7.99)).toMatchObject({ score: 10, rules: ["indicator.qualitative-tier"] });
    expect(q("未达成", 6)).toMatchObject({ score: 3 });
    expect(q("达成", 11)).toMatchObject({ score: 10, rules: ["indicator.qualitative-tier"] });
  });

  it("honours other tier defaults", () => {
    const options = { qualitativeDefaults: { met: 100, partial: 75, unmet: 40 } };
    expect(
      scoreOne({ target: "持续优化", actual: "部分达成", weight: 8, reason: "x" }, options),
    ).toMatchObject({
      score: 6,
      method: { "zh-CN": "定性：部分达成，8×75%=6.00" },
    });
    expect(scoreOne({ target: "持续优化", actual: "未达成", weight: 5, reason: "x" }, options)).toMatchObject(
      {
        score: 2,
      },
    );
  });

  it("scores a tier written against a quantitative target by the tier", () => {
    expect(scoreOne({ target: "≥95%", actual: "已完成", weight: 10 })).toMatchObject({
      score: 10,
      kind: "qualitative",
    });
  });
});

describe("missing and unreadable", () => {
  it("a missing actual scores 0 and is reported as missing, not as not met", () => {
    expect(scoreOne({ target: "≥15个", actual: null, weight: 10, score: 10 })).toMatchObject({
      score: 0,
      status: "missing",
      method: { "zh-CN": "未填写实际完成值，得 0 分", "en-US": "no actual value: score 0" },
      rules: ["value.missing", "review.unfounded-score"],
    });
    expect(scoreOne({ target: "达成", actual: "/", weight: 10 })).toMatchObject({
      status: "missing",
      kind: "qualitative",
      rules: ["value.missing"],
    });
  });

  it("an unreadable target scores 0", () => {
    expect(scoreOne({ target: "≥约15个", actual: "17个", weight: 10 })).toMatchObject({
      score: 0,
      kind: "invalid",
      status: "invalid",
      rules: ["indicator.target"],
    });
  });

  it("a dash target is judged by the outcome its actual states; a blank one or a dash against a number is not", () => {
    expect(scoreOne({ target: "-", actual: "严格执行相关管理制度", weight: 6, score: 6 })).toMatchObject({
      score: 6,
      kind: "qualitative",
      status: "full",
      rules: [],
    });
    expect(scoreOne({ target: "—", actual: "部分完成", weight: 10 })).toMatchObject({
      score: 7,
      kind: "qualitative",
      rules: ["indicator.reason-missing"],
    });
    expect(scoreOne({ target: null, actual: "严格执行相关管理制度", weight: 6, score: 6 })).toMatchObject({
      score: 0,
      kind: "invalid",
      rules: ["indicator.target", "review.unfounded-score"],
    });
    expect(scoreOne({ target: "-", actual: "17个", weight: 10 })).toMatchObject({
      score: 0,
      kind: "invalid",
      rules: ["indicator.target"],
    });
  });

  it("an unreadable actual scores 0", () => {
    expect(scoreOne({ target: "按时完成", actual: "较好", weight: 10 })).toMatchObject({
      score: 0,
      status: "invalid",
      rules: ["value.unparsed"],
    });
    expect(scoreOne({ target: "按时完成", actual: "100%", weight: 10 })).toMatchObject({
      status: "invalid",
      rules: ["value.unparsed"],
    });
  });
});

describe("error values", () => {
  it("score 0 and leave the finding to the checker's value.error on the same cell", () => {
    expect(scoreOne({ target: errorValue("#REF!"), actual: "17个", weight: 10 })).toMatchObject({
      score: 0,
      status: "invalid",
      kind: "invalid",
      rules: [],
    });
    expect(scoreOne({ target: "≥15个", actual: errorValue("#N/A"), weight: 10 })).toMatchObject({
      score: 0,
      status: "invalid",
      rules: [],
    });
  });
});

describe("over-completion", () => {
  it("130% of a ≥ target exactly is over-completion; 129.99% is not", () => {
    expect(
      scoreOne({ target: "≥100个", actual: "130个", weight: 10, reason: "招商成效超预期" }),
    ).toMatchObject({
      score: 10,
      overachieved: true,
      rules: ["indicator.overachieved"],
    });
    expect(scoreOne({ target: "≥100个", actual: "129.99个", weight: 10 })).toMatchObject({
      overachieved: false,
      rules: [],
    });
    expect(scoreOne({ target: "≤100", actual: "10", weight: 10 })).toMatchObject({ overachieved: false });
    expect(scoreOne({ target: "≥0", actual: "10", weight: 10 })).toMatchObject({ overachieved: false });
  });

  it("follows the threshold option", () => {
    expect(
      scoreOne({ target: "≥100个", actual: "120个", weight: 10 }, { overachieveThreshold: 1.2 }),
    ).toMatchObject({
      overachieved: true,
      rules: ["indicator.overachieved", "indicator.reason-missing"],
    });
  });

  it("deducts the option's points only when no reason is given", () => {
    expect(
      scoreOne({ target: "≥15个", actual: "30个", weight: 10 }, { overachieveDeduction: 2 }),
    ).toMatchObject({
      score: 8,
      status: "full",
      method: {
        "zh-CN": "30/15 ≥ 目标，满分；超额完成未说明原因，扣 2 分：10.00−2=8.00",
        "en-US": "30/15 ≥ target: full score; over-completed without a reason, 2 deducted: 10.00−2=8.00",
      },
    });
    expect(
      scoreOne(
        { target: "≥15个", actual: "30个", weight: 10, reason: "新增政策" },
        { overachieveDeduction: 2 },
      ),
    ).toMatchObject({ score: 10 });
    expect(
      scoreOne({ target: "≥15个", actual: "30个", weight: 1 }, { overachieveDeduction: 2 }),
    ).toMatchObject({
      score: 0,
    });
  });
});

describe("the user's own 得分 for a quantitative indicator", () => {
  it("is compared with the rule's score at a tolerance of 0.005", () => {
    expect(scoreOne({ target: "≥90%", actual: "88%", weight: 10, score: 9.78, reason: "x" }).rules).toEqual(
      [],
    );
    expect(scoreOne({ target: "≥90%", actual: "88%", weight: 10, score: 9.775, reason: "x" }).rules).toEqual(
      [],
    );
    expect(scoreOne({ target: "≥90%", actual: "88%", weight: 10, score: 9.77, reason: "x" }).rules).toEqual([
      "indicator.score-mismatch",
    ]);
    expect(scoreOne({ target: "≥90%", actual: "88%", weight: 10, score: 10, reason: "x" })).toMatchObject({
      score: 9.78,
      rules: ["indicator.score-mismatch"],
    });
  });
});
