/**
 * Bringing an actual value into its target's unit. Only conversions that are certain are made: money (元/千元/万元/
 * 亿元), scale prefixes on any unit (万人次 = 10 000 人次, 1.2万 = 12 000), percent and per mille. Anything else with
 * two different units cannot be compared, and the scorer says so (indicator.unit-mismatch).
 */
import { cmp, div, fromInt, mul, ratio, type Ratio } from "./exact";
import type { Quantity } from "./target";

interface BaseUnit {
  readonly base: string;
  /** How many base units one of the written unit holds. */
  readonly factor: Ratio;
}

/** Prefixes that scale any unit: 千元 = 1000 元, 万亩 = 10 000 亩, 亿元 = 10^8 元; 千米 and 千克 follow the same rule. */
const SCALE_PREFIXES: readonly (readonly [string, bigint])[] = [
  ["亿", 100_000_000n],
  ["万", 10_000n],
  ["千", 1_000n],
];

function baseUnit(unit: string): BaseUnit {
  if (unit === "‰") return { base: "%", factor: ratio(1n, 10n) };
  for (const [prefix, scale] of SCALE_PREFIXES) {
    if (unit.startsWith(prefix)) {
      const rest = baseUnit(unit.slice(prefix.length));
      return { base: rest.base, factor: mul(rest.factor, ratio(scale)) };
    }
  }
  return { base: unit, factor: fromInt(1) };
}

/** A bare number against a percent: is it percent points (98) or the fraction a percent-formatted cell holds (0.98)? */
function bareAgainstPercent(bare: Quantity, percent: Quantity): Ratio {
  // A numeric cell formatted as 98% stores 0.98. Read a numeric cell of at most 2 (200%) as such a fraction, unless
  // the percent it is compared with is itself that small (a target of 1.5% is met by 1.2, not by 120%).
  const small = ratio(2n);
  const isFraction =
    bare.fromNumberCell &&
    bare.value.n * small.d <= small.n * bare.value.d &&
    percent.value.n * small.d > small.n * percent.value.d;
  return isFraction ? mul(bare.value, ratio(100n)) : bare.value;
}

function changed(now: Ratio, before: Ratio): boolean {
  return cmp(now, before) !== 0;
}

export type Conversion =
  | {
      readonly kind: "ok";
      /** The target and the actual in the same unit: the target's, or percent when either side is a percent. */
      readonly target: Ratio;
      readonly actual: Ratio;
      readonly unit: string;
      /** True when a number changed on the way (the method text then shows the converted value). */
      readonly converted: boolean;
    }
  | { readonly kind: "mismatch"; readonly targetUnit: string; readonly actualUnit: string };

/** A side counts as a percent when it says so, or when it is bare beside a percent. */
function isPercent(q: Quantity): boolean {
  return baseUnit(q.unit).base === "%";
}

/** A side's value in percent points. */
function percentPoints(q: Quantity, other: Quantity): Ratio {
  // A bare number, or a numeric cell whose "%" came from the 计量单位 column (Excel holds 95% as 0.95), may be a fraction.
  if (q.unit === "" || (q.unit === "%" && q.fromNumberCell)) return bareAgainstPercent(q, other);
  return mul(q.value, baseUnit(q.unit).factor);
}

/**
 * Puts target and actual in one unit, the target's. A side without a unit takes the other side's (a bare number
 * beside a percent may be the fraction a percent-formatted cell holds, see above); two units with the same base
 * convert by their factors; two different bases are a mismatch.
 */
export function convert(target: Quantity, actual: Quantity): Conversion {
  const tp = isPercent(target);
  const ap = isPercent(actual);
  if ((tp || ap) && (tp || target.unit === "") && (ap || actual.unit === "")) {
    const unit = tp ? target.unit : "%";
    const scale = baseUnit(unit).factor;
    const tv = div(percentPoints(target, actual), scale);
    const av = div(percentPoints(actual, target), scale);
    return {
      kind: "ok",
      target: tv,
      actual: av,
      unit,
      converted: changed(tv, target.value) || changed(av, actual.value),
    };
  }
  if (target.unit === "" || actual.unit === "" || target.unit === actual.unit) {
    return {
      kind: "ok",
      target: target.value,
      actual: actual.value,
      unit: target.unit || actual.unit,
      converted: false,
    };
  }
  const t = baseUnit(target.unit);
  const a = baseUnit(actual.unit);
  if (t.base !== a.base) return { kind: "mismatch", targetUnit: target.unit, actualUnit: actual.unit };
  // Both in the target's unit: actual × (actual factor / target factor).
  const av = mul(actual.value, div(a.factor, t.factor));
  return { kind: "ok", target: target.value, actual: av, unit: target.unit, converted: true };
}
