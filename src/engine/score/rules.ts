/**
 * The scoring rules of domain.md §5 for one indicator, on exact ratios. Each rule returns the share of the weight
 * earned and the rounded score, with the method text that shows the arithmetic.
 */
import { localized, type Localized } from "../i18n";
import {
  cmp,
  div,
  fromInt,
  max,
  mul,
  ONE,
  ratio,
  roundTo,
  sign,
  sub,
  toFixed,
  toText,
  ZERO,
  type Ratio,
} from "./exact";
import type { Tier } from "./target";
import type { Operator } from "./types";

export interface RuleOutcome {
  /** Share of the weight earned, 0…1, before rounding. */
  readonly share: Ratio;
  /** weight × share rounded to 2 decimals half away from zero. */
  readonly score: Ratio;
  readonly method: Localized;
}

export function roundScore(value: Ratio): Ratio {
  return roundTo(value, 2);
}

function outcome(weight: Ratio, share: Ratio, method: (score: string) => Localized): RuleOutcome {
  const score = roundScore(mul(weight, share));
  return { share, score, method: method(toFixed(score, 2)) };
}

/** ≥, ＞ and ＝ (more is better): full at or above the target, else in proportion. */
export function scoreAtLeast(target: Ratio, actual: Ratio, weight: Ratio): RuleOutcome {
  const t = toText(target);
  const a = toText(actual);
  const w = toText(weight);
  if (sign(target) <= 0) {
    // Any non-negative actual meets a target of 0 (or below); the actual was already floored at 0.
    return outcome(weight, ONE, () => localized(`目标为 ≥${t}，满分`, `target ≥${t}: full score`));
  }
  if (cmp(actual, target) >= 0) {
    return outcome(weight, ONE, () => localized(`${a}/${t} ≥ 目标，满分`, `${a}/${t} ≥ target: full score`));
  }
  const share = div(actual, target);
  return outcome(weight, share, (s) => localized(`${w}×${a}/${t}=${s}`, `${w}×${a}/${t}=${s}`));
}

/** ≤ and ＜ (less is better): full at or below the target, falling linearly to 0 at twice the target. */
export function scoreAtMost(target: Ratio, actual: Ratio, weight: Ratio): RuleOutcome {
  const t = toText(target);
  const a = toText(actual);
  const w = toText(weight);
  if (cmp(actual, target) <= 0) {
    return outcome(weight, ONE, () => localized(`${a} ≤ ${t}，满分`, `${a} ≤ ${t}: full score`));
  }
  if (sign(target) <= 0) {
    return outcome(weight, ZERO, () =>
      localized(`目标为 ≤${t}，实际 ${a} 超出，得 0 分`, `target ≤${t}, actual ${a} is above it: score 0`),
    );
  }
  const twice = mul(target, fromInt(2));
  if (cmp(actual, twice) >= 0) {
    return outcome(weight, ZERO, () => localized(`${a} ≥ 2×${t}，得 0 分`, `${a} ≥ 2×${t}: score 0`));
  }
  const share = sub(ONE, div(sub(actual, target), target));
  return outcome(weight, share, (s) =>
    localized(`${w}×(1−(${a}−${t})/${t})=${s}`, `${w}×(1−(${a}−${t})/${t})=${s}`),
  );
}

/** Picks the rule by operator; a negative actual counts as 0. */
export function scoreQuantitative(
  operator: Operator,
  target: Ratio,
  actual: Ratio,
  weight: Ratio,
): RuleOutcome {
  const a = max(actual, ZERO);
  return operator === "<=" || operator === "<"
    ? scoreAtMost(target, a, weight)
    : scoreAtLeast(target, a, weight);
}

/** The three tiers as shares of the weight: [low, high] with high inclusive only for 达成. */
export const TIER_BOUNDS: Record<
  Tier,
  { readonly low: Ratio; readonly high: Ratio; readonly highInclusive: boolean }
> = {
  met: { low: ratio(8n, 10n), high: ONE, highInclusive: true },
  partial: { low: ratio(6n, 10n), high: ratio(8n, 10n), highInclusive: false },
  unmet: { low: ZERO, high: ratio(6n, 10n), highInclusive: false },
};

export const TIER_NAMES: Record<Tier, Localized> = {
  met: localized("达成", "met"),
  partial: localized("部分达成", "partly met"),
  unmet: localized("未达成", "not met"),
};

/** Is a (rounded) typed score inside its tier's share of the weight? */
export function insideTier(tier: Tier, score: Ratio, weight: Ratio): boolean {
  const { low, high, highInclusive } = TIER_BOUNDS[tier];
  const lo = mul(weight, low);
  const hi = mul(weight, high);
  const upper = cmp(score, hi);
  return cmp(score, lo) >= 0 && (highInclusive ? upper <= 0 : upper < 0);
}

function percentText(share: Ratio): string {
  return `${toText(mul(share, fromInt(100)), 2)}%`;
}

/** The tier's range in points and percent, for messages: "8–10 分（分值的 80%–100%）". */
export function tierRange(tier: Tier, weight: Ratio): Localized {
  const { low, high, highInclusive } = TIER_BOUNDS[tier];
  const lo = toText(mul(weight, low), 2);
  const hi = toText(mul(weight, high), 2);
  const pct = `${percentText(low)}–${highInclusive ? "" : "<"}${percentText(high)}`;
  return highInclusive
    ? localized(`${lo} 至 ${hi} 分（分值的 ${pct}）`, `${lo} to ${hi} points (${pct} of the weight)`)
    : localized(
        `${lo} 分至不足 ${hi} 分（分值的 ${pct}）`,
        `${lo} up to but not including ${hi} points (${pct} of the weight)`,
      );
}

/** Qualitative: the typed score when it lies inside its tier, the tier default otherwise. */
export function scoreQualitative(
  tier: Tier,
  weight: Ratio,
  typed: Ratio | null,
  defaultShare: Ratio,
): RuleOutcome & { readonly typedOutsideTier: boolean } {
  const name = TIER_NAMES[tier];
  const w = toText(weight);
  if (typed !== null) {
    const kept = roundScore(typed);
    if (insideTier(tier, kept, weight)) {
      const share = sign(weight) > 0 ? div(kept, weight) : ZERO;
      const k = toFixed(kept, 2);
      return {
        share,
        score: kept,
        typedOutsideTier: false,
        method: localized(
          `定性：${name["zh-CN"]}，填报得分 ${k} 在该档范围内，予以保留`,
          `qualitative: ${name["en-US"]}, the typed score ${k} is within the tier: kept`,
        ),
      };
    }
  }
  const pct = percentText(defaultShare);
  const base = outcome(weight, defaultShare, (s) =>
    localized(`定性：${name["zh-CN"]}，${w}×${pct}=${s}`, `qualitative: ${name["en-US"]}, ${w}×${pct}=${s}`),
  );
  return { ...base, typedOutsideTier: typed !== null };
}
