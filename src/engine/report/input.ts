/**
 * What the report is built from: the parts of an evaluation (src/engine/evaluate.ts) the report reads. Declared here
 * as a structural subset so an `Evaluation` can be passed as is, and tests can build one by hand.
 */
import type { Finding } from "../findings";
import type { Lang } from "../i18n";
import type { ProjectEvaluation } from "../project";
import { amountFixed } from "../format";
import { fenToUnitNumber, type AmountParse } from "../money";
import type { ScoreResult } from "../score/types";
import { UNCALCULATED_CODE } from "../snapshot";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  FundSource,
  InfoField,
  RecognizedWorkbook,
  SpendingKind,
} from "../tables";
import { FUND_SOURCES, SPENDING_KINDS } from "../tables";

export interface ReportInput {
  readonly recognized: RecognizedWorkbook;
  readonly findings: readonly Finding[];
  readonly score: ScoreResult | null;
  /** 部门名称 as found in the workbook ("" when none). */
  readonly department: string;
  /** 评价年度, e.g. "2023" ("" when none). */
  readonly year: string;
  /** The project forms, checked and scored (issue 13); absent or empty when there is none. */
  readonly projects?: readonly ProjectEvaluation[];
}

/** Amounts in 分 of the budget block, by column, for one row; null where the cell is empty or not an amount. */
export type BudgetAmounts = Readonly<Record<BudgetColumn, number | null>>;

export const FUND_SOURCE_LABELS: Readonly<Record<FundSource, Readonly<Record<Lang, string>>>> = {
  general: { "zh-CN": "一般公共预算", "en-US": "General public budget" },
  govFund: { "zh-CN": "政府性基金预算", "en-US": "Government fund budget" },
  stateCapital: { "zh-CN": "国有资本经营预算", "en-US": "State capital operation budget" },
  socialInsurance: { "zh-CN": "社会保险基金预算", "en-US": "Social insurance fund budget" },
  specialAccount: { "zh-CN": "财政专户管理资金", "en-US": "Special fiscal account funds" },
  other: { "zh-CN": "其他资金", "en-US": "Other funds" },
  central: { "zh-CN": "中央补助", "en-US": "Central government funds" },
  provincial: { "zh-CN": "省级补助", "en-US": "Provincial funds" },
  local: { "zh-CN": "市县资金", "en-US": "City and county funds" },
};

export const SPENDING_KIND_LABELS: Readonly<Record<SpendingKind, Readonly<Record<Lang, string>>>> = {
  basic: { "zh-CN": "基本支出", "en-US": "Basic expenditure" },
  project: { "zh-CN": "项目支出", "en-US": "Project expenditure" },
  remitted: { "zh-CN": "上缴上级支出", "en-US": "Remittances to higher levels" },
  business: { "zh-CN": "经营支出", "en-US": "Business expenditure" },
  subsidiary: { "zh-CN": "对附属单位补助支出", "en-US": "Subsidies to affiliated units" },
};

export function amountFen(cell: AmountCell | undefined): number | null {
  return cell && cell.parsed.kind === "amount" ? cell.parsed.fen : null;
}

export function rowAmounts(cells: Partial<Record<BudgetColumn, AmountCell>> | undefined): BudgetAmounts {
  return {
    initial: amountFen(cells?.initial),
    budget: amountFen(cells?.budget),
    executed: amountFen(cells?.executed),
  };
}

/** The sources and kinds the block has, in the official order. */
export function presentSources(block: BudgetBlock): FundSource[] {
  return FUND_SOURCES.filter((s) => block.sources[s] !== undefined);
}

export function presentKinds(block: BudgetBlock): SpendingKind[] {
  return SPENDING_KINDS.filter((k) => block.kinds[k] !== undefined);
}

/**
 * What to show for an amount cell that is not a number: the error code or the text as the user typed it; a formula
 * saved without its result says so in words rather than by the readers' made-up code.
 */
export function nonAmountText(parsed: AmountParse, lang: Lang): string | null {
  if (parsed.kind === "error" && parsed.code === UNCALCULATED_CODE) {
    return lang === "zh-CN" ? "公式未计算" : "not calculated";
  }
  if (parsed.kind === "error") return parsed.code;
  if (parsed.kind === "unparsed") return parsed.text;
  return null;
}

/** 分 → 万元 as a number for a spreadsheet cell. */
export function wan(fen: number): number {
  return fenToUnitNumber(fen, "万元");
}

/** 分 → "256.79" (万元, 2 decimals) for prose. */
export function wanText(fen: number): string {
  return amountFixed(fen, "万元");
}

// Shares, rounding and scores for prose come from the one formatting module; re-exported for the report's writers.
export { percentText, round2, scoreText } from "../format";

/** The text of an info field ("" when absent). */
export function infoText(input: ReportInput, field: InfoField): string {
  return input.recognized.info?.fields[field]?.value.text ?? "";
}
