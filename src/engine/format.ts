/**
 * How the product writes numbers for people: amounts (from exact 分, in the unit of the table they came from),
 * scores and rates. One module so the findings, the pane and the report never disagree on a figure's last digit.
 */
import type { Lang } from "./i18n";
import { fenPerUnit, formatFen, type MoneyUnit } from "./money";

/** The unit's name in each language ("10k yuan" where an English reader would not read 万元). */
export const UNIT_NAMES: Readonly<Record<MoneyUnit, Readonly<Record<Lang, string>>>> = {
  元: { "zh-CN": "元", "en-US": "yuan" },
  千元: { "zh-CN": "千元", "en-US": "thousand yuan" },
  万元: { "zh-CN": "万元", "en-US": "10k yuan" },
  亿元: { "zh-CN": "亿元", "en-US": "100m yuan" },
};

const UNIT_GLOSS: Record<MoneyUnit, string> = {
  元: "元 (yuan)",
  千元: "千元 (1,000 yuan)",
  万元: "万元 (10,000 yuan)",
  亿元: "亿元 (100 million yuan)",
};

/** The unit in an English sentence, glossed once for readers who do not read 万元. */
export function unitGloss(unit: MoneyUnit): string {
  return UNIT_GLOSS[unit];
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * 分 → "10,716.16" in `unit`: 2 decimals, or as many more as the amount needs to be shown exactly (an amount read from
 * 元 into 万元), with thousands separators as the table shows it (#,##0.00): the figure inside a finding's sentence.
 */
export function amountDigits(fen: number, unit: MoneyUnit): string {
  const perUnit = fenPerUnit(unit);
  let decimals = 2;
  while (decimals < 12 && perUnit / 10 ** decimals >= 1 && fen % (perUnit / 10 ** decimals) !== 0)
    decimals += 1;
  const [int, frac] = formatFen(fen, unit, decimals).split(".");
  const sign = int.startsWith("-") ? "-" : "";
  return `${sign}${group(sign ? int.slice(1) : int)}${frac === undefined ? "" : `.${frac}`}`;
}

/**
 * How two amounts differ, for a sentence: the gap without a sign ("10.00") and which way it goes — the words say
 * 多/少 (more/less), so a reader never has to interpret "-10.00".
 */
export function amountGap(
  actualFen: number,
  expectedFen: number,
  unit: MoneyUnit,
): { gap: string; more: boolean } {
  return { gap: amountDigits(Math.abs(actualFen - expectedFen), unit), more: actualFen > expectedFen };
}

/**
 * 分 → "10,716.16 万元" with the unit named in `lang`. At least two decimals, more only when a difference is smaller
 * than that (a 尾差 of 0.001 万元 must not print as 0.00).
 */
export function amountWithUnit(fen: number, unit: MoneyUnit, lang: Lang): string {
  const places = Math.round(Math.log10(fenPerUnit(unit)));
  const full = formatFen(fen, unit, places);
  const [int, frac = ""] = full.split(".");
  const trimmed = frac.replace(/0+$/, "").padEnd(2, "0");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  return `${sign}${group(digits)}.${trimmed} ${UNIT_NAMES[unit][lang]}`;
}

/** 分 → "256.79": 2 decimals in `unit`, for prose that names the unit itself. */
export function amountFixed(fen: number, unit: MoneyUnit): string {
  return formatFen(fen, unit, 2);
}

/** The Excel number format that shows an amount with its unit after it: #,##0.00" 万元". */
export function amountNumberFormat(unit: MoneyUnit): string {
  return `#,##0.00" ${unit}"`;
}

/** Half away from zero at 2 decimals, nudged so 1.005 (stored as 1.00499…) rounds up as a person expects. */
export function round2(x: number): number {
  const scaled = Math.abs(x) * 100;
  const r = Math.floor(scaled + 0.5 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/** A score: 95 → "95", 99.78 → "99.78", 99.8 → "99.8". */
export function scoreText(score: number): string {
  return String(round2(score));
}

/** A score with its 2 decimals always shown: 89 → "89.00". */
export function scoreFixed(score: number): string {
  return score.toFixed(2);
}

/** A rate as a fraction (0.9167) → "91.67%". */
export function rateText(rate: number): string {
  return `${round2(rate * 100).toFixed(2)}%`;
}

/** A share as a percentage with 2 decimals ("2.40%"); null when the whole is zero or missing. */
export function percentText(part: number | null, whole: number | null): string | null {
  if (part === null || whole === null || whole === 0) return null;
  return rateText(part / whole);
}
