/**
 * Exact rational arithmetic for scores. Scores are ratios of decimals the user typed (w × a / t), and the rule is
 * "round to 2 decimals half away from zero": done in binary floating point, 1.005 rounds to 1.00 and 2.675 to 2.67.
 * Holding every value as a fraction of big integers makes both the arithmetic and the rounding exact.
 */
import { numberToDecimalString, toHalfWidth } from "../money";

export interface Ratio {
  /** Numerator and denominator in lowest terms; the denominator is always positive. */
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function ratio(n: bigint, d: bigint = 1n): Ratio {
  if (d === 0n) throw new RangeError("zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Ratio = ratio(0n);
export const ONE: Ratio = ratio(1n);

export function fromInt(value: number): Ratio {
  return ratio(BigInt(value));
}

/** "12.5", "-0.75", "3" → exact ratio; null when the text is not a plain decimal. */
export function fromDecimal(text: string): Ratio | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const [, sign, intPart, fracPart = ""] = m;
  const n = BigInt((intPart || "0") + fracPart);
  return ratio(sign === "-" ? -n : n, 10n ** BigInt(fracPart.length));
}

/**
 * A JS number taken at its shortest decimal text: 2.675 means the 2.675 the user typed, not the binary double
 * 2.67499999… that stores it.
 */
export function fromNumber(value: number): Ratio | null {
  if (!Number.isFinite(value)) return null;
  return fromDecimal(numberToDecimalString(value));
}

/** A typed number or number text (full-width digits, thousands separators) as a ratio. */
export function fromNumberText(text: string): Ratio | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  if (t.includes(",") && !/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return null;
  return fromDecimal(t.replace(/,/g, ""));
}

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.n, a.d * b.d);
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.n === 0n) throw new RangeError("division by zero");
  return ratio(a.n * b.d, a.d * b.n);
}

export function cmp(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function sign(a: Ratio): -1 | 0 | 1 {
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}

export function min(a: Ratio, b: Ratio): Ratio {
  return cmp(a, b) <= 0 ? a : b;
}

export function max(a: Ratio, b: Ratio): Ratio {
  return cmp(a, b) >= 0 ? a : b;
}

export function abs(a: Ratio): Ratio {
  return a.n < 0n ? ratio(-a.n, a.d) : a;
}

/** a rounded to `decimals` places half away from zero, as a scaled integer (decimals 2: 1.005 → 101n). */
export function roundScaled(a: Ratio, decimals: number): bigint {
  const negative = a.n < 0n;
  const scaled = (negative ? -a.n : a.n) * 10n ** BigInt(decimals);
  let q = scaled / a.d;
  if ((scaled % a.d) * 2n >= a.d) q += 1n;
  return negative ? -q : q;
}

/** a rounded to `decimals` places half away from zero, as the same ratio. */
export function roundTo(a: Ratio, decimals: number): Ratio {
  return ratio(roundScaled(a, decimals), 10n ** BigInt(decimals));
}

/** Fixed-point text: toFixed(a, 2) → "8.00". */
export function toFixed(a: Ratio, decimals: number): string {
  const q = roundScaled(a, decimals);
  const negative = q < 0n;
  const digits = (negative ? -q : q).toString().padStart(decimals + 1, "0");
  const body = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return negative ? `-${body}` : body;
}

/** Shortest text up to `maxDecimals` places, trailing zeros dropped: 1.20 → "1.2", 10 → "10". */
export function toText(a: Ratio, maxDecimals = 6): string {
  const fixed = toFixed(a, maxDecimals);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/** The nearest JS number to a, rounded first to `decimals` places (the number prints as the decimal it stands for). */
export function toNumber(a: Ratio, decimals = 2): number {
  return Number(toFixed(a, decimals));
}
