/**
 * Money, exactly. Amounts are held as integer 分 (0.01 元) in plain JS numbers: every budget the product will see is
 * far below 2^53 分 (≈ 900 亿亿元), so integer arithmetic on them is exact. Conversions go through decimal strings,
 * never through floating multiplication, because 10716.17 − 10716.16 in binary floating point exceeds 0.01.
 */
import type { CellValue } from "./snapshot";

export type MoneyUnit = "元" | "千元" | "万元" | "亿元";

export const MONEY_UNITS: readonly MoneyUnit[] = ["元", "千元", "万元", "亿元"];

/** When a table says nothing about its unit, accountants' tables are in 万元. */
export const DEFAULT_UNIT: MoneyUnit = "万元";

const UNIT_POW10: Record<MoneyUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** How many 分 one unit holds (元 → 100, 万元 → 1,000,000). */
export function fenPerUnit(unit: MoneyUnit): number {
  return 10 ** (UNIT_POW10[unit] + 2);
}

/** The default tolerance: 0.01 of the table's own unit, in 分. */
export function toleranceFen(unit: MoneyUnit, toleranceInUnit = 0.01): number {
  const fen = decimalToScaledInteger(numberToDecimalString(toleranceInUnit), UNIT_POW10[unit] + 2);
  return fen === null ? 0 : Math.abs(fen);
}

export type AmountParse =
  | { readonly kind: "none" }
  | {
      readonly kind: "amount";
      readonly fen: number;
      readonly fromText: boolean;
      /** The unit written in the cell itself ("150万", "387,664.62元"), when there is one; it, not the table's, applies. */
      readonly statedUnit?: MoneyUnit;
    }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "unparsed"; readonly text: string };

const NONE_MARKS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "－", "／", "─"]);

/** Full-width ASCII (digits, letters, punctuation) to half-width, ideographic space to space, NBSP to space. */
export function toHalfWidth(text: string): string {
  // Most text has none of them: returned as it is, not rebuilt one character at a time (the same string).
  if (!HAS_WIDE_FORM.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0) out += " ";
    // 。 is sometimes typed as a decimal point
    else if (c === 0x3002) out += ".";
    else out += ch;
  }
  return out;
}

/** Any character toHalfWidth changes: full-width ASCII, the ideographic space, NBSP and the ideographic full stop. */
const HAS_WIDE_FORM = /[\uff01-\uff5e\u3000\u00a0\u3002]/;

/**
 * Reads a cell as an amount in `unit` and returns it in 分.
 * "-", "—", "/", empty and blank mean none; text numbers are accepted (and reported as text by the checker).
 */
export function parseAmount(value: CellValue, unit: MoneyUnit): AmountParse {
  if (value === null || value === undefined) return { kind: "none" };
  if (typeof value === "number") {
    const fen = numberToFen(value, unit);
    return fen === null
      ? { kind: "unparsed", text: String(value) }
      : { kind: "amount", fen, fromText: false };
  }
  if (typeof value === "boolean") return { kind: "unparsed", text: value ? "TRUE" : "FALSE" };
  if (typeof value === "object") {
    if (value.kind === "error") return { kind: "error", code: value.code };
    return { kind: "unparsed", text: value.iso };
  }
  const text = toHalfWidth(value).trim();
  if (NONE_MARKS.has(text)) return { kind: "none" };
  const glued = GLUED_UNIT.exec(text);
  const statedUnit = glued ? GLUED_UNITS[glued[2]] : undefined;
  const decimal = amountTextToDecimal(glued ? glued[1] : text);
  if (decimal === null) return { kind: "unparsed", text: value };
  const fen = decimalToScaledInteger(decimal, UNIT_POW10[statedUnit ?? unit] + 2);
  if (fen === null) return { kind: "unparsed", text: value };
  return statedUnit
    ? { kind: "amount", fen, fromText: true, statedUnit }
    : { kind: "amount", fen, fromText: true };
}

/**
 * A unit typed after the figure in the cell ("150万", "125.25万元", "387,664.62元", "300 万元"), as published filings
 * do (issue 11 §2). "万" alone is 万元, "亿" alone 亿元.
 */
const GLUED_UNIT = /^(.*?\d)\s*(亿元|万元|千元|元|万|亿)$/;
const GLUED_UNITS: Record<string, MoneyUnit> = {
  亿元: "亿元",
  亿: "亿元",
  万元: "万元",
  万: "万元",
  千元: "千元",
  元: "元",
};

/** A JS number in `unit` to 分, rounded half away from zero; null when not finite or beyond exact range. */
export function numberToFen(value: number, unit: MoneyUnit): number | null {
  if (!isFiniteNumber(value)) return null;
  const pow10 = UNIT_POW10[unit] + 2;
  // Fast path for the usual cell (an amount with at most the unit's decimals): when value × 10^pow10 lands within
  // 1e-6 of an integer n below 2^40, the decimal route below gives n too — the product's floating error there is
  // under 1e-3, far from the 0.5 that could move the rounding — without building and parsing strings for it.
  const scaled = value * SCALE[pow10];
  const nearest = round(scaled);
  if (abs(scaled) < FAST_SCALED_LIMIT && abs(scaled - nearest) < 1e-6) return nearest + 0; // + 0: no −0
  return decimalToScaledInteger(numberToDecimalString(value), pow10);
}

const SCALE: readonly number[] = Array.from({ length: 11 }, (_, i) => 10 ** i);
const FAST_SCALED_LIMIT = 2 ** 40;
/**
 * numberToFen and decimalToScaledInteger run for every amount cell of every table (a million times for a 200,000-row
 * 支出决算表), and the built-ins they call are read once here rather than on each call: where the engine runs inside a
 * vm context (jest's test environment, a sandbox) each read of a global such as `Math` or `Number` goes through the
 * context's property interceptor, about 0.2 µs, which made numberToFen's four reads cost twenty times its arithmetic.
 * The same functions, so the same results.
 */
const { abs, max, round } = Math;
const { isFinite: isFiniteNumber, isSafeInteger } = Number;
const toNumber = Number;

/**
 * Normalises amount text to a plain decimal ("-1234.5"), or null when it is not an amount.
 * Accepts thousands separators in their proper places, a sign, accounting parentheses for negatives, and inner spaces.
 */
function amountTextToDecimal(text: string): string | null {
  let t = text.replace(/\s+/g, "");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  if (t.startsWith("-") || t.startsWith("+")) {
    negative = negative !== t.startsWith("-");
    t = t.slice(1);
  }
  if (t.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return null;
    t = t.replace(/,/g, "");
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return (negative ? "-" : "") + t;
}

/** Shortest round-trip decimal text of a finite number, without exponent notation. */
export function numberToDecimalString(value: number): string {
  const s = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, intPart, fracPart = "", expText] = m;
  const exp = Number(expText);
  const digits = intPart + fracPart;
  const point = intPart.length + exp;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * decimal × 10^pow10 as an integer, rounded half away from zero, using string arithmetic only.
 * Returns null when the result is not a safe integer.
 */
export function decimalToScaledInteger(decimal: string, pow10: number): number | null {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (!m) return null;
  const [, sign, intPart = "", fracPart = ""] = m;
  const padded = fracPart + "0".repeat(max(0, pow10 + 1 - fracPart.length));
  const kept = (intPart + padded.slice(0, pow10)).replace(/^0+(?=\d)/, "") || "0";
  const roundDigit = toNumber(padded[pow10] ?? "0");
  if (kept.length > 16) return null;
  let n = toNumber(kept);
  if (roundDigit >= 5) n += 1;
  if (!isSafeInteger(n)) return null;
  return sign === "-" && n !== 0 ? -n : n;
}

/** 分 → "10716.16" in `unit`, rounded half away from zero to `decimals` places (no thousands separators). */
export function formatFen(fen: number, unit: MoneyUnit, decimals = 2): string {
  const shift = UNIT_POW10[unit] + 2 - decimals; // how many 分 digits fall below the last shown decimal
  const negative = fen < 0;
  let abs = Math.abs(fen);
  if (shift > 0) {
    const div = 10 ** shift;
    abs = Math.floor(abs / div) + (abs % div >= div / 2 ? 1 : 0);
  } else if (shift < 0) {
    abs = abs * 10 ** -shift;
  }
  let digits = String(abs).padStart(decimals + 1, "0");
  if (decimals > 0) digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return (negative && abs !== 0 ? "-" : "") + digits;
}

/** 分 → a number in `unit` (for spreadsheet cells and JSON); exact to the printed decimals. */
export function fenToUnitNumber(fen: number, unit: MoneyUnit): number {
  return Number(formatFen(fen, unit, UNIT_POW10[unit] + 2));
}

/** 分 → 元 as a number, for the CLI's JSON (amounts there are in 元). */
export function fenToYuan(fen: number): number {
  return fenToUnitNumber(fen, "元");
}

/**
 * Finds a money unit stated in text: a caption ("单位：万元", "金额单位：元", "（单位：元）") or a header label
 * ("年度预算申请（万元）", "全年预算数(万元)"). Returns null when the text states none.
 */
export function unitInText(text: string): MoneyUnit | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const caption = /单位[:：]?(亿元|万元|千元|元)/.exec(t);
  if (caption) return caption[1] as MoneyUnit;
  const paren = /[(（[【](亿元|万元|千元|元)[)）\]】]/.exec(t);
  if (paren) return paren[1] as MoneyUnit;
  return null;
}
