/**
 * Reading what the filer typed (a 执行率, a 得分, a 总分) as exact figures, and writing figures into the reviewer
 * rules' messages (src/engine/rules/review/, quality/). Typed cells come as numbers or as text ("86%", "100分").
 */
import { toHalfWidth } from "../money";
import { quoteText } from "../quote";
import type { ScoreDetails } from "../score/details";
import {
  abs,
  add,
  ZERO,
  cmp,
  fromDecimal,
  fromInt,
  fromNumber,
  mul,
  ratio,
  sub,
  toFixed,
  toText,
  type Ratio,
} from "../score/exact";
import type { CellValue } from "../snapshot";
import type { RecognizedWorkbook, TextCell, TypedGrade } from "../tables";

/** A typed score may miss the rule's by rounding noise up to half a hundredth of a point. */
export const POINT_TOLERANCE = ratio(5n, 1000n);
/** A typed 执行率 may miss by half a percentage point (the whole percent forms print), or less when shown finer. */
export const RATE_TOLERANCE = ratio(5n, 1000n);

/** The cell's text as written: a number shows its shortest decimal. */
export function writtenText(raw: CellValue, text: string): string {
  if (text !== "") return text;
  return typeof raw === "number" && Number.isFinite(raw) ? toText(fromNumber(raw) ?? fromInt(0), 10) : "";
}

/** A value in “” quotes, cut short like every quoted cell text. */
export function quoted(text: string): string {
  return `“${quoteText(text)}”`;
}

/** A typed number of points: a number, or text holding only a number and perhaps 分 ("100分", " 96 "). */
export function typedPoints(raw: CellValue, text: string): Ratio | null {
  if (typeof raw === "number") return fromNumber(raw);
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const m = /^([+-]?\d+(?:\.\d+)?)分?$/.exec(t);
  return m ? fromDecimal(m[1]) : null;
}

/** A typed rate as a fraction (1 = 100%) with half a unit of its last shown digit. */
export interface TypedRate {
  readonly value: Ratio;
  readonly halfUnit: Ratio;
}

/** Finer than a millionth is a formula's own digits, not a precision the filer chose. */
const FINEST_HALF_UNIT = ratio(5n, 10_000_000n);

/**
 * "86%" and "10.77%" are percents; a bare number up to 1.5 is a fraction (a percent-formatted cell holds 0.862, or 1
 * for 100%), a larger one a percent written without its sign (86.2).
 */
export function typedRate(raw: CellValue, text: string): TypedRate | null {
  const written = toHalfWidth(writtenText(raw, text)).replace(/\s+/g, "");
  const m = /^([+-]?\d+(?:\.(\d+))?)(%?)$/.exec(written);
  if (!m) return null;
  const number = fromDecimal(m[1]);
  if (!number) return null;
  const decimals = (m[2] ?? "").length;
  const percent = m[3] === "%" || cmp(abs(number), ratio(3n, 2n)) > 0;
  const scale = percent ? ratio(1n, 100n) : fromInt(1);
  const halfUnit = mul(ratio(5n, 10n ** BigInt(decimals + 1)), scale);
  return {
    value: mul(number, scale),
    halfUnit: cmp(halfUnit, FINEST_HALF_UNIT) < 0 ? FINEST_HALF_UNIT : halfUnit,
  };
}

/** Points as the forms print them: up to 2 decimals, trailing zeros dropped (8.6, 10, 99.8). */
export function points(value: Ratio): string {
  return toText(value, 2);
}

/** A fraction as a percent with 2 decimals (0.862 → 86.20%). */
export function percent(value: Ratio): string {
  return `${toFixed(mul(value, fromInt(100)), 2)}%`;
}

/** |a − b| > tolerance. */
export function differs(a: Ratio, b: Ratio, tolerance: Ratio): boolean {
  return cmp(abs(sub(a, b)), tolerance) > 0;
}

/** 全年执行数 / 全年预算数 of the budget block, exactly; null when it cannot be computed. */
export function executionRatio(scores: ScoreDetails): Ratio | null {
  const x = scores.result.execution;
  if (x.budgetFen === null || x.executedFen === null || x.budgetFen <= 0) return null;
  return ratio(BigInt(x.executedFen), BigInt(x.budgetFen));
}

/**
 * Each indicator's score as the filer claims it: the typed 得分 when every weighted row has one, else the rule's
 * (a form without a 得分 column claims what the rules give).
 */
export function claimedScores(scores: ScoreDetails): { readonly typed: boolean; readonly values: Ratio[] } {
  const rows = scores.indicators;
  const typed = rows.length > 0 && rows.every((d) => d.typed !== null);
  return { typed, values: rows.map((d) => (typed && d.typed !== null ? d.typed : d.score)) };
}

// ---------------------------------------------------------------- the typed 总分 and the sum of the typed scores

export interface TypedTotal {
  readonly cell: TextCell;
  readonly value: Ratio;
  readonly written: string;
}

export function typedTotal(workbook: RecognizedWorkbook): TypedTotal | null {
  const total = workbook.typed?.total;
  if (!total) return null;
  const value = typedPoints(total.cell.raw, total.cell.text);
  return value === null ? null : { cell: total.cell, value, written: total.cell.text || String(total.value) };
}

/**
 * Σ of the typed scores: the execution row's (when the block has a 得分 column) and every indicator's; null when a
 * weighted row or the execution row leaves its score blank, or when without an execution score the weights do not
 * reach 100, as the sum would then not be the filer's.
 */
export function typedSum(
  workbook: RecognizedWorkbook,
  scores: ScoreDetails,
): { readonly execution: Ratio | null; readonly indicators: Ratio; readonly total: Ratio } | null {
  let indicators = ZERO;
  let any = false;
  for (const d of scores.indicators) {
    if (d.typed === null) {
      if (d.weightRead.kind === "ok" && d.weight.n !== 0n) return null;
      continue;
    }
    any = true;
    indicators = add(indicators, d.typed);
  }
  if (!any) return null;
  const cell = workbook.budget?.extra?.score;
  let execution: Ratio | null = null;
  if (cell) {
    execution = typedPoints(cell.raw, cell.text);
    if (execution === null) return null;
  } else if (!scores.weights || cmp(scores.weights.total, fromInt(100)) !== 0) {
    // No execution score read and weights short of 100: rows (or the execution score) were not read, so the
    // scores seen are not all the form's.
    return null;
  }
  return { execution, indicators, total: execution ? add(execution, indicators) : indicators };
}

/** The grade of a total, exactly: 优 from 90, 良 from 80, 中 from 60, 差 below (as the scorer grades). */
export function gradeOfPoints(total: Ratio): TypedGrade {
  if (cmp(total, fromInt(90)) >= 0) return "优";
  if (cmp(total, fromInt(80)) >= 0) return "良";
  if (cmp(total, fromInt(60)) >= 0) return "中";
  return "差";
}

export const GRADE_RANGES: Readonly<Record<TypedGrade, { readonly zh: string; readonly en: string }>> = {
  优: { zh: "90 分及以上", en: "90 or more" },
  良: { zh: "80 分至不足 90 分", en: "80 to under 90" },
  中: { zh: "60 分至不足 80 分", en: "60 to under 80" },
  差: { zh: "60 分以下", en: "under 60" },
};

/** How far a typed figure is off, in words: "多 0.50 分" / "0.50 more". */
export function pointsGap(typed: Ratio, expected: Ratio): { readonly zh: string; readonly en: string } {
  const d = toFixed(abs(sub(typed, expected)), 2);
  return cmp(typed, expected) > 0
    ? { zh: `多 ${d} 分`, en: `${d} more` }
    : { zh: `少 ${d} 分`, en: `${d} less` };
}

/** The points the form gives budget execution (its 分值 cell, or "(20分)" in its header), null when it states none. */
export function typedExecutionWeight(workbook: RecognizedWorkbook): Ratio | null {
  const stated = workbook.budget?.executionWeight;
  const value = stated ? fromNumber(stated.points) : null;
  return value && value.n > 0n ? value : null;
}
