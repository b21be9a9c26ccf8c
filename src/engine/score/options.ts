/** The scorer's options with their defaults (from the settings table) filled in, held as exact ratios. */
import { SETTING_DEFAULTS } from "../settings";
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

export const DEFAULT_OVERACHIEVE_THRESHOLD = SETTING_DEFAULTS.overachieveThreshold;
export const DEFAULT_QUALITATIVE_DEFAULTS = {
  met: SETTING_DEFAULTS.met,
  partial: SETTING_DEFAULTS.partial,
  unmet: SETTING_DEFAULTS.unmet,
} as const;

function exact(value: number | undefined, fallback: number): Ratio {
  return fromNumber(value ?? fallback) ?? (fromNumber(fallback) as Ratio);
}

function percentShare(value: number | undefined, fallback: number): Ratio {
  const r = exact(value, fallback);
  return ratio(r.n, r.d * 100n);
}

export function resolveOptions(options: ScoreOptions = {}): ResolvedOptions {
  const deduction = exact(options.overachieveDeduction, SETTING_DEFAULTS.overachieveDeduction);
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
