/**
 * A hand-built evaluation shaped like the seed (岳阳市君山产业开发区管委会, FY2023), so the report builder is tested
 * without the recogniser or the scorer: every figure below is what those would produce for such a workbook.
 */
import { localized } from "../../../src/engine/i18n";
import type { Finding } from "../../../src/engine/findings";
import { parseAmount, type MoneyUnit } from "../../../src/engine/money";
import type { ReportInput } from "../../../src/engine/report/index";
import type { IndicatorScore, ScoreResult } from "../../../src/engine/score/types";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  BudgetRow,
  InfoBlock,
  InfoField,
  TextCell,
} from "../../../src/engine/tables";
import { SEED } from "../../fixtures/seed";

export const BUDGET_SHEET = "表一 预算执行";
export const INDICATOR_SHEET = "表三 绩效指标";
export const INFO_SHEET = "部门基本情况";

function text(sheet: string, row: number, col: number, value: string): TextCell {
  return { pos: { sheet, row, col }, raw: value, text: value.trim() };
}

function amount(
  row: number,
  col: number,
  value: number | string | null,
  unit: MoneyUnit = "万元",
): AmountCell {
  return { pos: { sheet: BUDGET_SHEET, row, col }, raw: value, parsed: parseAmount(value, unit) };
}

/** A budget row at `row` with 年初/全年/执行 in columns B, C, D (1, 2, 3). */
function budgetRow(
  row: number,
  label: string,
  values: Partial<Record<BudgetColumn, number | string>>,
): BudgetRow {
  const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
  (["initial", "budget", "executed"] as const).forEach((c, i) => {
    if (values[c] !== undefined) cells[c] = amount(row, 1 + i, values[c] ?? null);
  });
  return { label: text(BUDGET_SHEET, row, 0, label), cells };
}

export function seedBudget(): BudgetBlock {
  return {
    kind: "budget",
    sheet: BUDGET_SHEET,
    range: { top: 3, left: 0, bottom: 10, right: 3 },
    unit: "万元",
    columns: {
      initial: text(BUDGET_SHEET, 3, 1, "年初预算数"),
      budget: text(BUDGET_SHEET, 3, 2, "全年预算数"),
      executed: text(BUDGET_SHEET, 3, 3, "全年执行数"),
    },
    total: budgetRow(4, "年度资金总额", { initial: 6000, budget: SEED.total, executed: SEED.total }),
    sources: {
      general: budgetRow(6, "  一般公共预算", {
        initial: 6000,
        budget: SEED.general,
        executed: SEED.general,
      }),
      govFund: budgetRow(7, "  政府性基金", { budget: SEED.fund, executed: SEED.fund }),
    },
    kinds: {
      basic: budgetRow(9, "  基本支出", { executed: SEED.basic }),
      project: budgetRow(10, "  项目支出", { executed: SEED.project }),
    },
  };
}

interface IndicatorSeed {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  status: IndicatorScore["status"];
  reason?: string;
  overachieved?: boolean;
}

export const SEED_INDICATORS: readonly IndicatorSeed[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新签约项目数",
    target: "≥15个",
    actual: "17个",
    weight: 10,
    score: 10,
    status: "full",
  },
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新培育规模以上工业企业",
    target: "≥8家",
    actual: "9家",
    weight: 10,
    score: 10,
    status: "full",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "项目开工率",
    target: "≥90%",
    actual: "88%",
    weight: 10,
    score: 9.78,
    status: "partial",
    reason: "部分项目受用地报批影响推迟开工，下一步加快报批。",
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "冷链物流项目主体完工",
    target: "2023年12月底前完成",
    actual: "达成",
    weight: 10,
    score: 10,
    status: "full",
  },
  {
    level1: "产出指标",
    level2: "成本指标",
    name: "园区运行维护成本",
    target: "≤260万元",
    actual: "250万元",
    weight: 10,
    score: 10,
    status: "full",
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    name: "技工贸总收入",
    target: "≥95亿元",
    actual: "98.96亿元",
    weight: 15,
    score: 15,
    status: "full",
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "新增就业人数",
    target: "≥500人",
    actual: "",
    weight: 15,
    score: 0,
    status: "missing",
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "入园企业满意度",
    target: "≥90%",
    actual: "95%",
    weight: 10,
    score: 10,
    status: "full",
  },
];

/** 10 (execution) + Σ indicator scores above. */
export const SEED_TOTAL = 84.78;

function indicatorScores(): IndicatorScore[] {
  return SEED_INDICATORS.map((s, i) => {
    const row = 4 + i;
    return {
      row,
      level1: s.level1,
      level2: s.level2,
      name: s.name,
      nameCell: text(INDICATOR_SHEET, row, 2, s.name),
      target: s.target,
      actual: s.actual,
      weight: s.weight,
      score: s.score,
      kind: /^[≥≤]/.test(s.target) ? "quantitative" : "qualitative",
      status: s.status,
      overachieved: s.overachieved ?? false,
      reason: s.reason ?? "",
      method: localized("示例", "example"),
    };
  });
}

export function seedScore(): ScoreResult {
  return {
    execution: {
      budgetFen: 10716160000,
      executedFen: 10716160000,
      rate: 1,
      weight: 10,
      score: 10,
      method: localized("10716.16/10716.16=100.00%，满分", "10716.16/10716.16 = 100.00%, full marks"),
    },
    indicators: indicatorScores(),
    weightsTotal: 100,
    total: SEED_TOTAL,
    grade: "良",
  };
}

export const FUNCTIONS_TEXT =
  "岳阳市君山产业开发区党工委、管委会贯彻执行中央和省、市关于产业开发区的方针政策和决策部署。\n" +
  "1.负责贯彻执行党和国家关于开发区建设的方针政策、法律法规和决策部署。\n" +
  "2.负责研究拟订和组织实施君山产业开发区重大发展战略、发展规划和工作计划。";

export function seedInfo(overrides: Partial<Record<InfoField, string>> = {}): InfoBlock {
  const values: Partial<Record<InfoField, string>> = {
    department: "岳阳市君山产业开发区管委会",
    year: "2023",
    functions: FUNCTIONS_TEXT,
    organization: "岳阳市君山产业开发区管委会属于区财政全额预算拨款类事业单位，内设机构5个。",
    overallGoal: "完成新签约项目15个以上，技工贸总收入95亿元以上。",
    goalCompletion: "完成新签约项目17个，技工贸总收入98.96亿元。",
    problems: "年初预算数与全年预算数相差较大，部分项目经费为年中预算追加。",
    measures: "制定年初预算时，将全年项目经费列入预算批复内。",
    application: "我单位收悉区财政开展2023年度绩效自评工作通知后，积极组织开展绩效自评工作。",
    ...overrides,
  };
  const fields: Partial<Record<InfoField, { label: TextCell; value: TextCell }>> = {};
  let row = 1;
  for (const [field, value] of Object.entries(values) as [InfoField, string][]) {
    fields[field] = { label: text(INFO_SHEET, row, 0, field), value: text(INFO_SHEET, row, 1, value) };
    row += 1;
  }
  return { kind: "info", sheet: INFO_SHEET, range: { top: 0, left: 0, bottom: row, right: 1 }, fields };
}

export function seedFindings(): Finding[] {
  return [
    {
      rule: "value.missing",
      severity: "error",
      cells: [{ sheet: INDICATOR_SHEET, address: "F10" }],
      table: "indicators",
      expectedFen: null,
      actualFen: null,
      differenceFen: null,
      message: localized(
        "“新增就业人数”未填写实际完成值，按 0 分计。",
        "“新增就业人数” has no actual value; it scores 0.",
      ),
    },
    {
      rule: "sum.rounding",
      severity: "notice",
      cells: [
        { sheet: BUDGET_SHEET, address: "D5" },
        { sheet: "表二 支出决算", address: "C6" },
      ],
      table: "budget",
      expectedFen: 10716170000,
      actualFen: 10716160000,
      differenceFen: -10000,
      unit: "万元",
      message: localized("尾差 0.01 万元，在容许范围内。", "A rounding difference of 0.01 within tolerance."),
    },
  ];
}

export function seedInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    recognized: {
      budget: seedBudget(),
      expenditures: [],
      indicators: null,
      info: seedInfo(),
      tables: [],
    },
    findings: seedFindings(),
    score: seedScore(),
    department: "岳阳市君山产业开发区管委会",
    year: "2023",
    ...overrides,
  };
}
