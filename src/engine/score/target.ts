/**
 * Reading 年度指标值 and 实际完成值 (domain.md §3.3, §5): an operator, a number and a unit, glued together ("≥15个",
 * "≤260万元", "＝12次", "100%") or spread over their own columns (计算符号/指标性质, 计量单位); or a qualitative text.
 */
import { toHalfWidth } from "../money";
import type { CellValue } from "../snapshot";
import { fromNumber, fromNumberText, type Ratio } from "./exact";
import type { Operator } from "./types";

/** A number with the unit written after it ("" when none), kept with its text for method texts. */
export interface Quantity {
  readonly value: Ratio;
  readonly unit: string;
  /** True when the number came from a numeric cell rather than text (a percent-formatted cell holds 0.98). */
  readonly fromNumberCell: boolean;
}

export type TargetParse =
  | { readonly kind: "quantitative"; readonly operator: Operator | null; readonly quantity: Quantity }
  | { readonly kind: "qualitative"; readonly text: string }
  | { readonly kind: "invalid"; readonly reason: "empty" | "error" | "malformed" };

/** The three qualitative tiers of domain.md §5. */
export type Tier = "met" | "partial" | "unmet";

export type ActualParse =
  | { readonly kind: "missing" }
  | { readonly kind: "number"; readonly quantity: Quantity }
  | { readonly kind: "tier"; readonly tier: Tier }
  | { readonly kind: "unparsed"; readonly text: string };

/** What the 计算符号/指标性质 column says. */
export type OperatorColumn =
  | { readonly kind: "operator"; readonly operator: Operator }
  | { readonly kind: "qualitative" }
  | { readonly kind: "none" };

/** Dashes, slashes and blanks mean "nothing written" (domain.md §2). */
const NONE_MARKS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "─"]);

/** True for text that means "nothing written" ("", "-", "—", "/"). */
export function isBlankMark(text: string): boolean {
  return NONE_MARKS.has(normalize(text));
}

function normalize(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "");
}

/**
 * Operator symbols and the words accountants write for them. Longest first so ">=" wins over ">".
 * toHalfWidth has already turned ＞＜＝ into ><=; ≧≦⩾⩽ are the same operators from other input methods.
 */
const PREFIX_OPERATOR_LIST: readonly (readonly [string, Operator])[] = [
  [">=", ">="],
  ["=>", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≥", ">="],
  ["≧", ">="],
  ["⩾", ">="],
  ["≤", "<="],
  ["≦", "<="],
  ["⩽", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  // Published filings type ＝ with box-drawing and small-form look-alikes (云南: "═100%", "﹦100%").
  ["═", "="],
  ["﹦", "="],
  ["大于等于", ">="],
  ["大于或等于", ">="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["至少", ">="],
  ["小于等于", "<="],
  ["小于或等于", "<="],
  ["不高于", "<="],
  ["不超过", "<="],
  ["不多于", "<="],
  ["不大于", "<="],
  ["控制在", "<="],
  ["大于", ">"],
  ["高于", ">"],
  ["多于", ">"],
  ["超过", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["等于", "="],
];

const PREFIX_OPERATORS = [...PREFIX_OPERATOR_LIST].sort((a, b) => b[0].length - a[0].length);

/** "95%以上", "3天以内": the operator written after the value. */
const SUFFIX_OPERATORS: readonly (readonly [string, Operator])[] = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
];

/** Words in a would-be unit that show the text is a date or a phrase, not a unit ("12月底前", "100左右"). */
const NOT_A_UNIT = /前|后|底|左右|约|完成|达到|实现|以|之|或|和|及|至|到|每/;

/** "个", "万元", "人次", "%", "元/人", "m²": short, no digits, no phrase words. */
function isUnit(text: string): boolean {
  if (text === "") return true;
  if (text === "%" || text === "‰") return true;
  if (text.length > 6 || NOT_A_UNIT.test(text)) return false;
  return /^[\p{Script=Han}A-Za-z/·²³]+$/u.test(text);
}

function stripPrefixOperator(text: string): { operator: Operator | null; rest: string } {
  for (const [mark, operator] of PREFIX_OPERATORS) {
    if (text.startsWith(mark)) return { operator, rest: text.slice(mark.length) };
  }
  return { operator: null, rest: text };
}

function stripSuffixOperator(text: string): { operator: Operator | null; rest: string } {
  for (const [mark, operator] of SUFFIX_OPERATORS) {
    if (text.endsWith(mark)) return { operator, rest: text.slice(0, -mark.length) };
  }
  return { operator: null, rest: text };
}

/** "≥15个" → { ≥, 15, 个 }; null when the text is anything more than operator? number unit?. */
export function parseQuantityText(
  text: string,
): { readonly operator: Operator | null; readonly value: Ratio; readonly unit: string } | null {
  const t = normalize(text);
  const prefix = stripPrefixOperator(t);
  const suffix = stripSuffixOperator(prefix.rest);
  if (prefix.operator && suffix.operator) return null;
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/.exec(suffix.rest);
  if (!m) return null;
  const value = fromNumberText(m[1]);
  if (!value || !isUnit(m[2])) return null;
  return { operator: prefix.operator ?? suffix.operator, value, unit: m[2] };
}

/** Reads the 计算符号/指标性质 column: an operator, 定性, or nothing usable. */
export function parseOperatorColumn(text: string | undefined): OperatorColumn {
  if (text === undefined) return { kind: "none" };
  const t = normalize(text);
  if (t.includes("定性")) return { kind: "qualitative" };
  // Some provincial templates write the direction instead of a symbol: 正向 = more is better, 反向 = less is better.
  if (t === "正向" || t === "正向指标") return { kind: "operator", operator: ">=" };
  if (t === "反向" || t === "反向指标") return { kind: "operator", operator: "<=" };
  const { operator, rest } = stripPrefixOperator(t);
  return operator && rest === "" ? { kind: "operator", operator } : { kind: "none" };
}

/** A unit symbol with its name in parentheses, as 河北's system writes it ("%(百分比)"): the symbol is the unit. */
const NAMED_SYMBOL = /^([%‰])\((?:百分比|千分比)\)$/;

/** Reads the 计量单位 column; dashes and blanks mean no unit. */
export function parseUnitColumn(text: string | undefined): string {
  if (text === undefined) return "";
  const t = normalize(text);
  if (NONE_MARKS.has(t)) return "";
  return NAMED_SYMBOL.exec(t)?.[1] ?? t;
}

function isErrorCell(raw: CellValue): boolean {
  return typeof raw === "object" && raw !== null && raw.kind === "error";
}

/**
 * A target cell with the row's operator and unit columns. Quantitative only when it is operator? number unit? and
 * nothing else; a text that starts with an operator but is not a quantity ("≥约15个") is malformed, any other text is
 * qualitative ("2023年12月底前完成"). The 定性 operator column makes the target qualitative whatever it says.
 */
export function parseTarget(
  raw: CellValue,
  text: string,
  operatorColumn: OperatorColumn,
  unitColumn: string,
): TargetParse {
  if (isErrorCell(raw)) return { kind: "invalid", reason: "error" };
  if (typeof raw === "number") {
    const value = fromNumber(raw);
    if (!value) return { kind: "invalid", reason: "malformed" };
    if (operatorColumn.kind === "qualitative") return { kind: "qualitative", text };
    return {
      kind: "quantitative",
      operator: operatorColumn.kind === "operator" ? operatorColumn.operator : null,
      quantity: { value, unit: unitColumn, fromNumberCell: true },
    };
  }
  const t = normalize(text);
  if (NONE_MARKS.has(t)) return { kind: "invalid", reason: "empty" };
  if (operatorColumn.kind === "qualitative") return { kind: "qualitative", text };
  const q = parseQuantityText(t);
  if (q) {
    return {
      kind: "quantitative",
      operator: q.operator ?? (operatorColumn.kind === "operator" ? operatorColumn.operator : null),
      quantity: { value: q.value, unit: q.unit || unitColumn, fromNumberCell: false },
    };
  }
  if (/^[<>=≥≧⩾≤≦⩽]/.test(t)) return { kind: "invalid", reason: "malformed" };
  return { kind: "qualitative", text };
}

/**
 * The tier an actual value names. The official wording first (达成年度指标, 部分达成年度指标并具有一定效果,
 * 未达成年度指标且效果较差), then the everyday words accountants use instead, by what they say about the outcome:
 * a negation (未/没有/未能 …完成) is 未达成; 部分/基本/大部分 …完成 is 部分达成; 完成/已完成/达成/实现/达到 is 达成.
 * Checked in that order because "未完成" and "基本完成" both contain "完成".
 */
export function parseTier(text: string): Tier | null {
  const t = normalize(text).replace(/[。.，,；;！!]+$/, "");
  if (t === "") return null;
  if (/^(未|没有|没|未能|尚未|不)(达成|完成|实现|达到)/.test(t) || t === "否" || t === "未达标")
    return "unmet";
  if (/^(部分|基本|大部分|大部|部份)(达成|完成|实现|达到)/.test(t) || t === "基本达标") return "partial";
  if (/^(已|全部|全面|按时|按期|如期|圆满)?(达成|完成|实现|达到|达标)/.test(t) || t === "是") return "met";
  // Dated completions such as "2023年11月完成" or "11月底前已完成" say the work was done.
  if (/(已|按时|如期)?完成$/.test(t) && !/(未|没有|没|尚未|不|部分|基本)/.test(t)) return "met";
  return null;
}

/** An actual cell: missing, a number (with its unit, or the unit column's), a qualitative tier, or unreadable text. */
export function parseActual(raw: CellValue, text: string, unitColumn: string): ActualParse {
  if (raw === null || raw === undefined) return { kind: "missing" };
  if (isErrorCell(raw)) return { kind: "unparsed", text };
  if (typeof raw === "number") {
    const value = fromNumber(raw);
    return value
      ? { kind: "number", quantity: { value, unit: unitColumn, fromNumberCell: true } }
      : { kind: "unparsed", text };
  }
  const t = normalize(text);
  if (NONE_MARKS.has(t)) return { kind: "missing" };
  // An operator in the actual ("≥95%") says nothing about the score; only the number counts.
  const q = parseQuantityText(t);
  if (q)
    return {
      kind: "number",
      quantity: { value: q.value, unit: q.unit || unitColumn, fromNumberCell: false },
    };
  const tier = parseTier(t);
  return tier ? { kind: "tier", tier } : { kind: "unparsed", text };
}

/** Words that say a qualitative target was not (fully) met, wherever they stand in the actual. */
const SHORTFALL_UNMET = /未完成|未达成|未达到|未实现|没有完成|未能完成|尚未完成|未达标/;
const SHORTFALL_PARTIAL =
  /部分完成|基本完成|部分达成|基本达成|部分达到|基本达到|部分实现|基本实现|大部分完成|基本达标/;

/**
 * The tier of a qualitative actual that is not one of the tier words (issue 11 §2): published filings write the
 * outcome itself ("有效" under the target "有效", "显著提升", "财务制度健全，严格执行制度"). Such a statement — the
 * target restated, or what was done — is 达成; only a clear shortfall word anywhere in it moves the tier down.
 */
export function tierOfStatement(actual: string, target: string): Tier | null {
  const t = normalize(actual).replace(/[。.，,；;！!]+$/, "");
  if (SHORTFALL_UNMET.test(t)) return "unmet";
  if (SHORTFALL_PARTIAL.test(t)) return "partial";
  // A bare grade ("较好", "一般") that does not repeat the target says how well, not that it was met: the accountant
  // must say which tier (the value.unparsed finding asks).
  if (GRADE_WORD.test(t) && t !== normalize(target).replace(/[。.，,；;！!]+$/, "")) return null;
  return "met";
}

const GRADE_WORD = /^(?:很|较|比较|非常|一般|尚)?(?:好|良好|优|优秀|良|中|差|一般|高|低|强|弱)$/;
