/**
 * Names used in messages. Chinese messages quote the sheet's own labels (normalised), so the accountant recognises
 * them; English messages use canonical English names, since the sheet's labels are Chinese.
 */
import { toHalfWidth } from "../money";
import { quoteText } from "../quote";
import type { BudgetColumn, ExpenditureRow, FundSource, SpendingKind, TextCell } from "../tables";

export interface Name {
  readonly zh: string;
  readonly en: string;
}

const ENUMERATION =
  /^(?:其中[:：]?|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[.、)）]|[:：])/;
/** ":900.47", ":2,030.12万元" at the end of a label: the amount the label carries (as splitLabelAmount reads it). */
const LABEL_AMOUNT = /:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:亿元|万元|千元|元|万)?$/;
const UNIT_SUFFIX = /[(（](?:金额)?(?:单位[:：]?)?(?:亿元|万元|千元|元)[)）]/g;

/**
 * A label as written, without the decorations that vary between filings: inner spaces, "其中：", "1.", "（一）",
 * a unit in brackets and a trailing colon. Returns "" when nothing is left.
 */
export function normalizeLabel(text: string): string {
  let t = toHalfWidth(text).replace(/\s+/g, "").replace(UNIT_SUFFIX, "");
  for (let prev = ""; prev !== t;) {
    prev = t;
    t = t.replace(ENUMERATION, "");
  }
  return t.replace(/[:：]+$/, "");
}

/** The sheet's label when it says something, else the canonical Chinese name. */
export function labelOr(cell: TextCell | null | undefined, canonicalZh: string): string {
  // A label that carries its amount ("其中：基本支出：900.47", the Hunan form) is named without it.
  const label = cell ? normalizeLabel(cell.text).replace(LABEL_AMOUNT, "") : "";
  return label === "" ? canonicalZh : quoteText(label);
}

export const SOURCE_NAMES: Record<FundSource, Name> = {
  general: { zh: "一般公共预算", en: "general public budget" },
  govFund: { zh: "政府性基金预算", en: "government fund budget" },
  stateCapital: { zh: "国有资本经营预算", en: "state capital operation budget" },
  socialInsurance: { zh: "社会保险基金", en: "social insurance fund" },
  specialAccount: { zh: "纳入专户管理的非税收入", en: "non-tax revenue in special accounts" },
  other: { zh: "其他资金", en: "other funds" },
  central: { zh: "中央补助", en: "central government funds" },
  provincial: { zh: "省级补助", en: "provincial funds" },
  local: { zh: "市县资金", en: "city and county funds" },
};

export const KIND_NAMES: Record<SpendingKind, Name> = {
  basic: { zh: "基本支出", en: "basic spending" },
  project: { zh: "项目支出", en: "project spending" },
  remitted: { zh: "上缴上级支出", en: "remittances to the higher level" },
  business: { zh: "经营支出", en: "business spending" },
  subsidiary: { zh: "对附属单位补助支出", en: "subsidies to affiliated units" },
};

export const BUDGET_COLUMN_NAMES: Record<BudgetColumn, Name> = {
  initial: { zh: "年初预算数", en: "initial budget" },
  budget: { zh: "全年预算数", en: "full-year budget" },
  executed: { zh: "全年执行数", en: "full-year execution" },
};

export const BUDGET_TOTAL_NAME: Name = { zh: "年度资金总额", en: "total funds" };
export const EXPENDITURE_TOTAL_COLUMN_NAME: Name = { zh: "合计", en: "total" };

/** "基本支出 + 项目支出" / "basic + project spending": parts sharing the word "spending" say it once, as people do. */
export function joinParts(names: readonly Name[]): Name {
  const zh = names.map((n) => n.zh).join(" + ");
  const suffix = " spending";
  const en = names.every((n) => n.en.endsWith(suffix))
    ? names.map((n) => n.en.slice(0, -suffix.length)).join(" + ") + suffix
    : names.map((n) => n.en).join(" + ");
  return { zh, en };
}

/** An expenditure row as the accountant reads it: "2011301 行政运行", or its label on the 合计 row. */
export function expenditureRowName(row: ExpenditureRow): Name {
  const name = row.name ? quoteText(normalizeLabel(row.name.text)) : "";
  if (row.isTotal) return { zh: name || "合计", en: "the total row" };
  const text = [row.code ?? "", name].filter((s) => s !== "").join(" ");
  return { zh: text, en: text === "" ? "a row" : text };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
