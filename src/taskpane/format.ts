/** How the pane prints amounts, scores and rates: exact (from 分), grouped, in the unit of the table they came from. */
import type { Lang } from "../engine/i18n";
import { fenPerUnit, formatFen, type MoneyUnit } from "../engine/money";
import { round2 } from "../engine/report/input";

/** The unit's name in the pane's language. */
const UNIT_NAMES: Readonly<Record<MoneyUnit, Readonly<Record<Lang, string>>>> = {
  元: { "zh-CN": "元", "en-US": "yuan" },
  千元: { "zh-CN": "千元", "en-US": "thousand yuan" },
  万元: { "zh-CN": "万元", "en-US": "10k yuan" },
  亿元: { "zh-CN": "亿元", "en-US": "100m yuan" },
};

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * 分 → "10,716.16 万元". At least two decimals, more only when a difference is smaller than that (a 尾差 of 0.001 万元
 * must not print as 0.00).
 */
export function amountText(fen: number, unit: MoneyUnit, lang: Lang): string {
  const places = Math.round(Math.log10(fenPerUnit(unit)));
  const full = formatFen(fen, unit, places);
  const [int, frac = ""] = full.split(".");
  const trimmed = frac.replace(/0+$/, "").padEnd(2, "0");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  return `${sign}${group(digits)}.${trimmed} ${UNIT_NAMES[unit][lang]}`;
}

/** 95 → "95", 99.78 → "99.78". */
export function scoreText(score: number): string {
  return String(round2(score));
}

/** 0.9167 → "91.67%". */
export function rateText(rate: number): string {
  return `${round2(rate * 100).toFixed(2)}%`;
}
