/**
 * Label normalisation and the alias dictionaries of every table kind (domain.md §3).
 * Tables are found by what their labels say, so every lookup goes through one normaliser: accountants write the
 * same label with prefixes ("其中：", "1.", "（一）"), inner spaces ("  项  目"), full-width characters and units
 * in parentheses ("全年预算数(万元)").
 */
import { numberToDecimalString, toHalfWidth } from "../money";
import type { CellValue } from "../snapshot";
import type { BudgetColumn, FundSource, InfoField, SpendingKind } from "../tables";

/** Longer text is never a label; skipping it keeps the sheet scan cheap on long narrative cells. */
export const LABEL_MAX_LENGTH = 64;

const CN_NUM = "一二三四五六七八九十百";
/** One enumeration prefix: 其中：, (一), 一、, (1), 1. / 1、 (not 1.5), 1), ①, A. */
const PREFIX = new RegExp(
  `^(?:其中:?|\\([${CN_NUM}]+\\)[、.]?|[${CN_NUM}]+[、.]|\\(\\d{1,2}\\)[、.]?|\\d{1,2}[、.](?!\\d)|\\d{1,2}\\)|[①-⑳]|[A-Za-z][、.)])`,
);
const UNIT_IN_PARENS = /[([【](?:亿元|万元|千元|元)[)\]】]/g;
const NEEDS_HALF_WIDTH = /[\uff01-\uff5e\u3000\u00a0\u3002]/;
const TRAILING_PARENS = /\([^()]*\)$/;

/**
 * The comparable form of a label: half-width, no whitespace, no enumeration prefixes, no unit in parentheses,
 * no trailing colon. "  （一）其中：全年预算数（万元）：" → "全年预算数".
 */
export function normalizeLabel(text: string): string {
  // Most cells are plain already; converting only when needed keeps the one pass over a big sheet cheap.
  let t = NEEDS_HALF_WIDTH.test(text) ? toHalfWidth(text) : text;
  t = t.replace(/\s+/g, "").replace(/:+$/, "");
  for (let i = 0; i < 4; i++) {
    const m = PREFIX.exec(t);
    // A prefix that is the whole text ("其中：" alone) is the label itself, not a prefix.
    if (!m || m[0].length === t.length) break;
    t = t.slice(m[0].length);
  }
  return t.includes("元") ? t.replace(UNIT_IN_PARENS, "").replace(/:+$/, "") : t;
}

/** A cell as trimmed text, the way a TextCell carries it. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? numberToDecimalString(value) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value.kind === "error") return value.code;
  return value.iso;
}

/** True for an empty cell or one holding only whitespace. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A dictionary from normalised alias to what it names. */
export type AliasTable<F extends string> = ReadonlyMap<string, F>;

function aliasTable<F extends string>(aliases: Record<F, readonly string[]>): AliasTable<F> {
  const map = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const key = normalizeLabel(alias);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
}

/** Looks a normalised label up, also without a trailing parenthetical ("分值(分)" → "分值"). */
export function lookup<F extends string>(table: AliasTable<F>, norm: string): F | null {
  if (norm === "") return null;
  const hit = table.get(norm);
  if (hit !== undefined) return hit;
  if (norm.endsWith(")")) {
    const bare = norm.replace(TRAILING_PARENS, "");
    if (bare !== norm && bare !== "") return table.get(bare) ?? null;
  }
  return null;
}

// ---------------------------------------------------------------- budget execution block (§3.1)

/** Header fields of the budget block: the three amount columns, the label column and the score-table extras. */
export type BudgetHeaderField = BudgetColumn | "label" | "weight" | "rate" | "score";

export const BUDGET_HEADER = aliasTable<BudgetHeaderField>({
  initial: ["年初预算数", "年初预算", "年初数", "年初预算金额"],
  // Aliases from published filings (tests/fixtures/real): 调整后预算数 (四川), 预算执行数 (四川), 权重 = 分值 (四川).
  budget: [
    "全年预算数",
    "调整后预算数",
    "全年(调整)预算数",
    "全年调整预算数",
    "全年预算",
    "调整预算数",
    "预算数",
  ],
  executed: [
    "全年执行数",
    "执行数",
    "决算数",
    "实际支出",
    "全年实际支出",
    "实际执行数",
    "全年决算数",
    "全年执行",
    "预算执行数",
  ],
  label: [
    "年度预算申请",
    "项目",
    "预算执行情况",
    "资金来源",
    "年度资金",
    "资金性质",
    "项目名称",
    "年度预算数",
  ],
  weight: ["分值", "权重", "执行率权重"],
  rate: ["执行率", "预算执行率"],
  score: ["得分"],
});

export function isBudgetAmountField(field: BudgetHeaderField): field is BudgetColumn {
  return field === "initial" || field === "budget" || field === "executed";
}

export type BudgetRowClass =
  | { readonly role: "total" }
  | { readonly role: "source"; readonly source: FundSource }
  | { readonly role: "kind"; readonly kind: SpendingKind }
  | { readonly role: "heading" };

const BUDGET_TOTAL = new Set(
  [
    "年度资金总额",
    "资金总额",
    "合计",
    "总计",
    "预算资金总额",
    "资金合计",
    "年度资金合计",
    "年度资金总计",
    "总额",
    "部门整体支出总额",
    "年度财政资金总额",
    "财政资金总额",
  ].map(normalizeLabel),
);

const SPENDING_KIND_LABELS = aliasTable<SpendingKind>({
  basic: ["基本支出"],
  project: ["项目支出"],
  remitted: ["上缴上级支出"],
  business: ["经营支出"],
  subsidiary: ["对附属单位补助支出", "对附属单位补助"],
});

/** Fund sources are matched by stem, because the suffix varies ("一般公共预算拨款", "…财政拨款", "…资金"). */
const SOURCE_STEMS: readonly (readonly [string, FundSource])[] = [
  ["一般公共预算", "general"],
  // 项目 forms name the year's appropriation by what it is, not by its fund: 本年/当年财政拨款 (湖南, 河北, 云南, 山西),
  // 财政资金 (四川, 河北). They are the general budget's money in every filing of the corpus.
  ["本年财政拨款", "general"],
  ["当年财政拨款", "general"],
  ["财政拨款", "general"],
  ["财政资金", "general"],
  ["政府性基金", "govFund"],
  ["国有资本经营预算", "stateCapital"],
  ["社会保险基金", "socialInsurance"],
  ["纳入专户管理的非税收入", "specialAccount"],
  ["纳入财政专户管理的非税收入", "specialAccount"],
  ["财政专户管理资金", "specialAccount"],
  ["财政专户", "specialAccount"],
  ["其他资金", "other"],
  ["单位资金", "other"],
  ["其他收入", "other"],
];

/**
 * Fund sources by level of government, as a transposed fund block heads its columns (宁夏 项目 form, in the corpus:
 * 年度资金总额 | 其中 中央补助 | 自治区补助 | 市县资金). Only the wordings seen on a published form; they split the same
 * money as 财政拨款/其他资金 a second way, so they are read only where that form's layout holds them.
 */
const LEVEL_SOURCE_LABELS = aliasTable<"central" | "provincial" | "local">({
  central: ["中央补助"],
  provincial: ["自治区补助"],
  local: ["市县资金"],
});

/** The level of government a column head names (中央补助 → central), or null. */
export function classifyLevelSource(norm: string): FundSource | null {
  return lookup(LEVEL_SOURCE_LABELS, norm);
}

/** What a row label of the budget block stands for, or null when it is not one of them. */
export function classifyBudgetRow(norm: string): BudgetRowClass | null {
  const kind = lookup(SPENDING_KIND_LABELS, norm);
  if (kind) return { role: "kind", kind };
  if (BUDGET_TOTAL.has(norm)) return { role: "total" };
  for (const [stem, source] of SOURCE_STEMS) if (norm.startsWith(stem)) return { role: "source", source };
  // A bare 其他 under 财政资金 (河北): the rest of the money, by the same rule as 其他资金.
  if (norm === "其他") return { role: "source", source: "other" };
  // "按收入性质分" / "按支出性质分" / a bare "其中" group the rows below; they carry no amounts of their own.
  if (/^按.{1,8}分$/.test(norm) || norm === "其中") return { role: "heading" };
  return null;
}

// ---------------------------------------------------------------- expenditure table (§3.2)

/**
 * Header fields of the expenditure table. "subject" is a single 科目 column that may hold "201 一般公共服务支出";
 * codeClass/codeItem/codeSub are a code split over 类 | 款 | 项 columns.
 */
export type ExpenditureHeaderField =
  "code" | "name" | "subject" | "codeClass" | "codeItem" | "codeSub" | "total" | SpendingKind;

export const EXPENDITURE_HEADER = aliasTable<ExpenditureHeaderField>({
  code: [
    "科目编码",
    "功能分类科目编码",
    "支出功能分类科目编码",
    "科目代码",
    "功能科目编码",
    "编码",
    "科目编号",
  ],
  name: ["科目名称", "功能分类科目名称", "支出功能分类科目名称", "功能科目名称", "名称"],
  subject: ["科目", "功能分类科目", "支出功能分类科目", "项目", "支出功能分类"],
  codeClass: ["类"],
  codeItem: ["款"],
  codeSub: ["项"],
  total: ["合计", "本年支出合计", "支出合计", "本年支出总计", "总计"],
  basic: ["基本支出"],
  project: ["项目支出"],
  remitted: ["上缴上级支出"],
  business: ["经营支出"],
  subsidiary: ["对附属单位补助支出", "对附属单位补助"],
});

/** Labels of the 合计 row of an expenditure table, in its code or name column. */
export const EXPENDITURE_TOTAL_ROW = new Set(
  ["合计", "总计", "本年支出合计", "支出合计", "本年支出总计", "支出总计"].map(normalizeLabel),
);

// ---------------------------------------------------------------- indicators table (§3.3)

export type IndicatorHeaderField =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  | "operator"
  | "unit"
  | "criteria";

export const INDICATOR_HEADER = aliasTable<IndicatorHeaderField>({
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "三级指标名称", "绩效指标名称"],
  target: [
    "年度指标值",
    "指标值",
    "目标值",
    "年度目标值",
    "预期指标值",
    "年度指标目标值",
    "预期目标值",
    "全年指标值",
    "年初指标值",
    "年初目标值",
  ],
  actual: [
    "实际完成值",
    "完成值",
    "全年实际值",
    "实际值",
    "全年完成值",
    "实际完成指标值",
    "全年实际完成值",
    // 河北's 项目 form.
    "单项指标实际完成值",
  ],
  // 权重占比(%) (河北): the indicator's share of the 100 points, i.e. its weight.
  weight: [
    "分值",
    "权重",
    "权重分值",
    "标准分值",
    "指标分值",
    "权重(分)",
    "参考分值",
    "指标权重",
    "权重占比",
  ],
  score: ["得分", "自评得分", "评价得分", "实际得分", "指标得分", "单项指标得分"],
  reason: [
    "偏差原因分析及改进措施",
    "偏差原因",
    "未完成原因",
    "偏差原因分析",
    "偏差原因及改进措施",
    "未完成原因分析",
    "未完成原因和改进措施",
    "未完成原因分析及改进措施",
    "未完成原因及拟采取的改进措施",
    "未完成原因及改进措施",
  ],
  operator: ["计算符号", "指标性质", "符号", "运算符号", "计算方式"],
  unit: ["计量单位", "度量单位", "单位"],
  // The 评分表 form (安徽 部门整体): each row is judged against its 评分标准, with no 年度指标值 or 实际完成值.
  criteria: ["评分标准", "指标说明及评分标准", "评分标准及说明", "评分细则", "评分办法"],
});

// ---------------------------------------------------------------- department information (§3.4)

export const INFO_LABELS = aliasTable<InfoField>({
  department: [
    "部门名称",
    "单位名称",
    "预算部门名称",
    "预算单位",
    "预算单位名称",
    "部门(单位)名称",
    "填报单位",
    "预算部门",
    // 湖南's 部门整体 form, 贵州's stamp line (issue 11 §2).
    "预算部门、单位名称",
    "预算部门(单位)名称",
    "单位(盖章)",
  ],
  year: ["评价年度", "年度", "自评年度", "预算年度"],
  functions: ["职能职责", "主要职能", "部门职能职责", "部门职能", "主要职能职责"],
  organization: ["机构设置", "机构设置情况", "内设机构"],
  overallGoal: ["年度总体目标", "预期目标", "总体目标", "年度目标"],
  goalCompletion: ["实际完成情况", "总体目标完成情况", "年度总体目标完成情况", "目标完成情况"],
  problems: ["存在的问题", "存在问题", "存在的问题及原因分析", "主要问题"],
  measures: ["改进措施", "下一步改进措施", "整改措施", "下一步工作措施"],
  application: [
    "结果应用",
    "拟应用和公开情况",
    "结果应用情况",
    "自评结果拟应用和公开情况",
    "绩效自评结果拟应用和公开情况",
    "部门整体支出绩效自评结果拟应用和公开情况",
  ],
  other: ["其他说明", "其他需要说明的情况", "其他需要说明的事项", "其他需说明的情况"],
});

/** Rows that end an indicators table: the 总分 / 评价等级 lines under it. */
export const INDICATOR_END_ROW = new Set(
  ["总分", "合计", "总计", "评价等级", "自评总分", "得分合计"].map(normalizeLabel),
);

/**
 * True when a normalised text is a label of some table or field, so it can never be a value
 * ("年度总体目标 | 预期目标" must not read "预期目标" as the goal).
 */
export function isKnownLabel(norm: string): boolean {
  if (norm === "") return false;
  return (
    lookup(INFO_LABELS, norm) !== null ||
    lookup(INDICATOR_HEADER, norm) !== null ||
    lookup(EXPENDITURE_HEADER, norm) !== null ||
    lookup(BUDGET_HEADER, norm) !== null ||
    classifyBudgetRow(norm) !== null ||
    norm === "绩效指标" ||
    INDICATOR_END_ROW.has(norm)
  );
}

const NOTE_START = /^\s*(?:注|说明|备注)/;

/** A note under a table ("注：", "注1:", "说明：") ends it. */
export function isNoteText(text: string): boolean {
  if (!NOTE_START.test(text)) return false;
  const head = toHalfWidth(text.slice(0, 16)).trim();
  return /^(?:注|说明|备注)\s*\d*\s*:/.test(head) || head === "注";
}
