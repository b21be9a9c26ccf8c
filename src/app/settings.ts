/**
 * The user's choices that shape a check and a report: the tolerance for sums, the report's language and the scoring
 * options. They are kept in the workbook (Office.context.document.settings in Excel) so a colleague who opens the file
 * gets the same results; anything stored by an older or tampered copy is read back defensively, field by field.
 */
import type { Lang } from "../engine/i18n";
import { parseLang } from "../engine/i18n";
import type { ScoreOptions } from "../engine/score/types";

export interface QualitativeDefaults {
  /** Share of the weight, in percent, for 达成 / 部分达成 / 未达成 when the user gave no score (100 / 70 / 30). */
  readonly met: number;
  readonly partial: number;
  readonly unmet: number;
}

export interface AppSettings {
  /** Tolerance for sums, in each table's own unit (0.01 = one hundredth of a 万元 in a 万元 table). */
  readonly toleranceInUnit: number;
  /** Language of the report sheets; null follows the task pane's language. */
  readonly reportLang: Lang | null;
  /** Actual ≥ threshold × target counts as over-completion (1.3 = 130%). */
  readonly overachieveThreshold: number;
  /** Points taken off an over-completed indicator with no reason (0 = off). */
  readonly overachieveDeduction: number;
  /** Cap the total by the execution rate (70–80% → 89 …). */
  readonly executionCaps: boolean;
  readonly qualitativeDefaults: QualitativeDefaults;
}

export const DEFAULT_SETTINGS: AppSettings = {
  toleranceInUnit: 0.01,
  reportLang: null,
  overachieveThreshold: 1.3,
  overachieveDeduction: 0,
  executionCaps: false,
  qualitativeDefaults: { met: 100, partial: 70, unmet: 30 },
};

/** The one key the add-in stores its settings under, so they never collide with another add-in's. */
export const SETTINGS_KEY = "selfeval.settings";

/**
 * Ranges a value must fall in to be taken from storage. A tolerance of a whole unit or more would hide real errors;
 * a threshold at or below 100% would call every met target over-completed; the tier shares are percentages inside
 * their own tier (domain.md §5: 达成 80–100, 部分达成 60–<80, 未达成 0–<60).
 */
const LIMITS = {
  toleranceInUnit: { min: 0, max: 1 },
  overachieveThreshold: { min: 1.01, max: 10 },
  overachieveDeduction: { min: 0, max: 10 },
  met: { min: 80, max: 100 },
  partial: { min: 60, max: 79.99 },
  unmet: { min: 0, max: 59.99 },
} as const;

export type NumericSetting = keyof typeof LIMITS;

export function settingLimits(name: NumericSetting): { readonly min: number; readonly max: number } {
  return LIMITS[name];
}

function numberIn(value: unknown, name: NumericSetting, fallback: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  const { min, max } = LIMITS[name];
  return n >= min && n <= max ? n : fallback;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Settings from whatever storage returned (null, an old shape, hand-edited JSON): every bad field gets its default. */
export function normalizeSettings(stored: unknown): AppSettings {
  const s = record(stored);
  const q = record(s.qualitativeDefaults);
  const d = DEFAULT_SETTINGS;
  const lang = typeof s.reportLang === "string" ? parseLang(s.reportLang) : null;
  return {
    toleranceInUnit: numberIn(s.toleranceInUnit, "toleranceInUnit", d.toleranceInUnit),
    reportLang: lang,
    overachieveThreshold: numberIn(s.overachieveThreshold, "overachieveThreshold", d.overachieveThreshold),
    overachieveDeduction: numberIn(s.overachieveDeduction, "overachieveDeduction", d.overachieveDeduction),
    executionCaps: typeof s.executionCaps === "boolean" ? s.executionCaps : d.executionCaps,
    qualitativeDefaults: {
      met: numberIn(q.met, "met", d.qualitativeDefaults.met),
      partial: numberIn(q.partial, "partial", d.qualitativeDefaults.partial),
      unmet: numberIn(q.unmet, "unmet", d.qualitativeDefaults.unmet),
    },
  };
}

/** What the engine's evaluateWorkbook takes. */
export function toScoreOptions(settings: AppSettings): ScoreOptions {
  return {
    toleranceInUnit: settings.toleranceInUnit,
    overachieveThreshold: settings.overachieveThreshold,
    overachieveDeduction: settings.overachieveDeduction,
    executionCaps: settings.executionCaps,
    qualitativeDefaults: { ...settings.qualitativeDefaults },
  };
}

/** The report's language: the chosen one, else the pane's. */
export function reportLangOf(settings: AppSettings, uiLang: Lang): Lang {
  return settings.reportLang ?? uiLang;
}
