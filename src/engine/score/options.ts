/** The scorer's options with their defaults filled in, held as exact ratios. */
import { fromNumber, ratio, ZERO, type Ratio } from "./exact";
import type { ScoreOptions } from "./types";

export interface ResolvedOptions {
  /** Over-completion threshold as a multiple of the target (1.3). */
  readonly overachieveThreshold: Ratio;
  /** Points taken off an over-completed indicator with no reason given (0: off). */
  readonly overachieveDeduction: Ratio;
  readonly executionCaps: boolean;
  /** Tier defaults as shares of the weight (1, 0.7, 0.3). */
  readonly qualitativeDefaults: { readonly met: Ratio; readonly partial: Ratio; readonly unmet: Ratio };
}

export const DEFAULT_OVERACHIEVE_THRESHOLD = 1.3;
export const DEFAULT_QUALITATIVE_DEFAULTS = { met: 100, partial: 70, unmet: 30 } as const;

function exact(value: number | undefined, fallback: number): Ratio {
  return fromNumber(value ?? fallback) ?? (fromNumber(fallback) as Ratio);
}

function percentShare(value: number | undefined, fallback: number): Ratio {
  const r = exact(value, fallback);
  return ratio(r.n, r.d * 100n);
}

export function resolveOptions(options: ScoreOptions = {}): ResolvedOptions {
  const deduction = exact(options.overachieveDeduction, 0);
  const defaults = options.qualitativeDefaults;
  return {
    overachieveThreshold: exact(options.overachieveThreshold, DEFAULT_OVERACHIEVE_THRESHOLD),
    overachieveDeduction: deduction.n > 0n ? deduction : ZERO,
    executionCaps: options.executionCaps === true,
    qualitativeDefaults: {
      met: percentShare(defaults?.met, DEFAULT_QUALITATIVE_DEFAULTS.met),
      partial: percentShare(defaults?.partial, DEFAULT_QUALITATIVE_DEFAULTS.partial),
      unmet: percentShare(defaults?.unmet, DEFAULT_QUALITATIVE_DEFAULTS.unmet),
    },
  };
}
