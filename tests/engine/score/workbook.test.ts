import { executionCap, gradeOf, scoreWorkbook } from "../../../src/engine/score/index";
import { ratio } from "../../../src/engine/score/exact";
import { budgetBlock, filler, indicatorsTable, recognized, type RowSpec } from "./build";

/** The seed-like indicator list: 88% against ≥90% is the only shortfall. Weights 90. */
const SEED_ROWS: RowSpec[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新签约项目数",
    target: "≥15个",
    actual: "17个",
    weight: 10,
  },
  { name: "开工项目数", target: "≥10个", actual: "12个", weight: 10 },
  { level2: "质量指标", name: "项目竣工验收合格率", target: "100%", actual: "100%", weight: 10 },
  {
    level2: "时效指标",
    name: "项目完成及时率",
    target: "≥90%",
    actual: "88%",
    weight: 10,
    reason: "两个项目受汛期影响延期",
  },
  { level2: "成本指标", name: "园区运营成本", target: "≤260万元", actual: "255.3万元", weight: 10 },
  { level1: "效益指标", level2: "经济效益指标", name: "税收增长率", target: "≥5%", actual: "6%", weight: 10 },
  { level2: "社会效益指标", name: "新增就业岗位", target: "≥500个", actual: "520个", weight: 10 },
  { level2: "可持续影响指标", name: "营商环境", target: "持续优化", actual: "达成年度指标", weight: 10 },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "企业满意度",
    target: "≥90%",
    actual: "95%",
    weight: 10,
  },
];

/** One indicator of weight 90 scoring w × a / t, so the total is 10 + 90 × a / t with full execution. */
function totalWith(target: string, actual: string, budget = budgetBlock("10716.16", "10716.16")) {
  const table = indicatorsTable([
    { level1: "产出指标", level2: "数量指标", name: "项目数", target, actual, weight: 90, reason: "x" },
  ]);
  return scoreWorkbook(recognized(table, budget)).score!;
}

describe("scoreWorkbook", () => {
  it("returns null without an indicators table and a budget block", () => {
    expect(scoreWorkbook(recognized(null, null))).toEqual({ score: null, findings: [] });
  });

  it("scores the seed-like workbook: 10 + 79.78 = 99.78, 优", () => {
    const { score, findings } = scoreWorkbook(
      recognized(indicatorsTable(SEED_ROWS, { withReason: true }), budgetBlock("10716.16", "10716.16")),
    );
    expect(findings).toEqual([]);
    expect(score).toMatchObject({ total: 99.78, grade: "优", weightsTotal: 100 });
    expect(score!.cappedFrom).toBeUndefined();
    expect(score!.execution).toEqual({
      budgetFen: 10_716_160_000,
      executedFen: 10_716_160_000,
      rate: 1,
      weight: 10,
      score: 10,
      method: {
        "zh-CN": "执行率 = 10716.16/10716.16 = 100.00%，10×100.00%=10.00",
        "en-US": "execution rate = 10716.16/10716.16 = 100.00%, 10×100.00%=10.00",
      },
    });
    expect(score!.indicators.map((i) => [i.name, i.score, i.status])).toEqual([
      ["新签约项目数", 10, "full"],
      ["开工项目数", 10, "full"],
      ["项目竣工验收合格率", 10, "full"],
      ["项目完成及时率", 9.78, "partial"],
      ["园区运营成本", 10, "full"],
      ["税收增长率", 10, "full"],
      ["新增就业岗位", 10, "full"],
      ["营商环境", 10, "full"],
      ["企业满意度", 10, "full"],
    ]);
    expect(score!.indicators[3]).toMatchObject({
      row: 7,
      level1: "产出指标",
      level2: "时效指标",
      target: "≥90%",
      actual: "88%",
      weight: 10,
      kind: "quantitative",
      overachieved: false,
      reason: "两个项目受汛期影响延期",
      nameCell: { pos: { sheet: "绩效自评表", row: 7, col: 2 }, text: "项目完成及时率" },
    });
  });

  it("adds the rounded scores, not the raw ones: 5×1/3 twice is 1.67 + 1.67", () => {
    const table = indicatorsTable([
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "甲",
        target: "≥3",
        actual: "1",
        weight: 5,
        reason: "x",
      },
      { name: "乙", target: "≥3", actual: "1", weight: 5, reason: "x" },
      filler(80),
    ]);
    const { score } = scoreWorkbook(recognized(table, budgetBlock("100", "100")));
    expect(score!.indicators.map((i) => i.score)).toEqual([1.67, 1.67, 80]);
    expect(score!.total).toBe(93.34);
  });

  it("keeps totals exact in hundredths", () => {
    const table = indicatorsTable([
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "甲",
        target: "≥100",
        actual: "10",
        weight: 1,
        reason: "x",
      },
      { name: "乙", target: "≥100", actual: "20", weight: 1, reason: "x" },
      filler(88),
    ]);
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004.
    expect(scoreWorkbook(recognized(table)).score!.total).toBe(88.3);
  });

  it("scores a budget block alone", () => {
    const { score, findings } = scoreWorkbook(recognized(null, budgetBlock("10000.00", "7600.00")));
    expect(findings).toEqual([]);
    expect(score).toEqual({
      execution: {
        budgetFen: 10_000_000_000,
        executedFen: 7_600_000_000,
        rate: 0.76,
        weight: 10,
        score: 7.6,
        method: {
          "zh-CN": "执行率 = 7600.00/10000.00 = 76.00%，10×76.00%=7.60",
          "en-US": "execution rate = 7600.00/10000.00 = 76.00%, 10×76.00%=7.60",
        },
      },
      indicators: [],
      weightsTotal: 10,
      total: 7.6,
      grade: "差",
    });
  });
});

describe("execution score", () => {
  const execution = (
    budget: string | number | null,
    executed: string | number | null,
    unit: "元" | "万元" = "万元",
  ) => scoreWorkbook(recognized(null, budgetBlock(budget, executed, unit))).score!.execution;

  it("caps an execution above 100% at 10", () => {
    expect(execution("10716.16", "11252.00")).toMatchObject({
      score: 10,
      method: {
        "zh-CN": "执行率 = 11252.00/10716.16 = 105.00%，超过 100% 按 100% 计，得 10.00 分",
        "en-US": "execution rate = 11252.00/10716.16 = 105.00%, counted as 100%: score 10.00",
      },
    });
  });

  it("reads amounts in the block's unit, text included", () => {
    expect(execution("2,567,900.00", "１９５１６０４.００", "元")).toMatchObject({
      budgetFen: 256_790_000,
      executedFen: 195_160_400,
      score: 7.6,
      method: { "zh-CN": "执行率 = 1951604.00/2567900.00 = 76.00%，10×76.00%=7.60" },
    });
  });

  it("has no rate when 全年预算数 or 全年执行数 is missing or the budget is 0", () => {
    const none = {
      rate: null,
      score: 0,
      method: {
        "zh-CN": "缺少全年预算数或全年执行数，无法计算执行率，得 0 分",
        "en-US": "全年预算数 or 全年执行数 is missing: no execution rate, score 0",
      },
    };
    expect(execution("10716.16", "-")).toMatchObject({
      ...none,
      budgetFen: 10_716_160_000,
      executedFen: null,
    });
    expect(execution(null, "100")).toMatchObject({ ...none, budgetFen: null });
    expect(execution(0, "100")).toMatchObject(none);
    // Without a budget block the total is still computed from the indicators.
    const table = indicatorsTable([filler(90)]);
    expect(scoreWorkbook(recognized(table)).score).toMatchObject({ total: 90, grade: "优" });
  });
});

describe("grades", () => {
  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("%d → %s", (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });

  it.each([
    ["≥90", "80", 90, "优"],
    ["≥9000", "7999", 89.99, "良"],
    ["≥90", "70", 80, "良"],
    ["≥9000", "6999", 79.99, "中"],
    ["≥90", "50", 60, "中"],
    ["≥9000", "4999", 59.99, "差"],
  ])("a workbook scoring 10 + 90×%s/%s", (target, actual, total, grade) => {
    expect(totalWith(target, actual)).toMatchObject({ total, grade });
  });
});

describe("execution caps (option, off by default)", () => {
  const full = [filler(90)];
  const capped = (budget: string, executed: string, executionCaps = true) =>
    scoreWorkbook(recognized(indicatorsTable(full), budgetBlock(budget, executed)), { executionCaps }).score!;

  it("is off by default", () => {
    expect(capped("10000", "7600", false)).toMatchObject({ total: 97.6, grade: "优" });
    expect(capped("10000", "7600", false).cappedFrom).toBeUndefined();
  });

  it.each([
    ["8000", 98, undefined, "优"],
    // 79.9999% rounds to an execution score of 8.00, but the rate is still below 80%: capped.
    ["7999.99", 89, 98, "良"],
    ["7600", 89, 97.6, "良"],
    ["7000", 89, 97, "良"],
    ["6999.99", 79, 97, "中"],
    ["6000", 79, 96, "中"],
    ["5999.99", 69, 96, "中"],
    ["5000", 69, 95, "中"],
    ["4999.99", 59, 95, "差"],
  ])("executed %s of 10000 → total %d (from %s)", (executed, total, from, grade) => {
    const score = capped("10000", executed);
    expect(score.total).toBe(total);
    expect(score.cappedFrom).toBe(from);
    expect(score.grade).toBe(grade);
  });

  it("leaves a total already below the cap alone", () => {
    const table = indicatorsTable([
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "甲",
        target: "≥100",
        actual: "50",
        weight: 90,
        reason: "x",
      },
    ]);
    const score = scoreWorkbook(recognized(table, budgetBlock("10000", "7600")), {
      executionCaps: true,
    }).score!;
    expect(score.total).toBe(52.6);
    expect(score.cappedFrom).toBeUndefined();
  });

  it("maps rates to caps with inclusive lower bounds", () => {
    expect(executionCap(ratio(8n, 10n))).toBeNull();
    expect(executionCap(ratio(7n, 10n))).toBe(89);
    expect(executionCap(ratio(6n, 10n))).toBe(79);
    expect(executionCap(ratio(5n, 10n))).toBe(69);
    expect(executionCap(ratio(0n))).toBe(59);
  });
});
