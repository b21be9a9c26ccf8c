/**
 * The user's choices that shape a check and a report: the tolerance for sums, the report's language and the scoring
 * options. They are kept in the workbook (Office.context.document.settings in Excel) so a colleague who opens the file
 * gets the same results; anything stored by an older or tampered copy is read back defensively, field by field.
 */
import type { Lang } from "../engine/i18n";
import { parseLang } from "../engine/i18n";
import type { ScoreOptions } from "../engine/score/types";
import { SETTINGS, SETTING_DEFAULTS, acceptStoredSetting, type SettingKey } from "../engine/settings";

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
  toleranceInUnit: SETTING_DEFAULTS.toleranceInUnit,
  reportLang: null,
  overachieveThreshold: SETTING_DEFAULTS.overachieveThreshold,
  overachieveDeduction: SETTING_DEFAULTS.overachieveDeduction,
  executionCaps: false,
  qualitativeDefaults: {
    met: SETTING_DEFAULTS.met,
    partial: SETTING_DEFAULTS.partial,
    unmet: SETTING_DEFAULTS.unmet,
  },
};

/** The one key the add-in stores its settings under, so they never collide with another add-in's. */
export const SETTINGS_KEY = "selfeval.settings";

const TIER_KEYS: ReadonlySet<SettingKey> = new Set(["met", "partial", "unmet"]);

/** A numeric setting's value; the tier shares sit inside qualitativeDefaults. */
export function settingValue(settings: AppSettings, key: SettingKey): number {
  return TIER_KEYS.has(key)
    ? settings.qualitativeDefaults[key as keyof QualitativeDefaults]
    : (settings[key as Exclude<SettingKey, keyof QualitativeDefaults>] as number);
}

/** The settings with every numeric setting taken from `values`, each in its place. */
export function withSettingValues(
  settings: AppSettings,
  values: Readonly<Record<SettingKey, number>>,
): AppSettings {
  return {
    ...settings,
    toleranceInUnit: values.toleranceInUnit,
    overachieveThreshold: values.overachieveThreshold,
    overachieveDeduction: values.overachieveDeduction,
    qualitativeDefaults: { met: values.met, partial: values.partial, unmet: values.unmet },
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Settings from whatever storage returned (null, an old shape, hand-edited JSON): every field is checked against the
 * settings table (src/engine/settings.ts), the same limits the 设置 view and the CLI apply, and a bad one gets its
 * default alone.
 */
export function normalizeSettings(stored: unknown): AppSettings {
  const s = record(stored);
  const q = record(s.qualitativeDefaults);
  const values = Object.fromEntries(
    SETTINGS.map(({ key }) => {
      const raw = TIER_KEYS.has(key) ? q[key] : s[key];
      return [key, acceptStoredSetting(key, raw) ?? SETTING_DEFAULTS[key]];
    }),
  ) as Record<SettingKey, number>;
  return withSettingValues(
    {
      ...DEFAULT_SETTINGS,
      reportLang: typeof s.reportLang === "string" ? parseLang(s.reportLang) : null,
      executionCaps: typeof s.executionCaps === "boolean" ? s.executionCaps : DEFAULT_SETTINGS.executionCaps,
    },
    values,
  );
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
