/**
 * The numeric settings that shape a check and a score, in one table: default, limits, how text is read, and the words
 * the 设置 view and the command line show. The engine's defaults, the workbook-settings loader, the 设置 view and the
 * CLI's options all read this table, so a value is accepted or refused the same way everywhere.
 *
 * The limits (domain.md §4–§5; the README's options):
 * - 合计容差 0–1 of the table's unit: a tolerance of a whole unit (1 万元 in a 万元 table) or more would pass real
 *   errors off as 尾差.
 * - 超额完成阈值 1.01–10 (101%–1000%): at 100% every met target would count as over-completed.
 * - 超额完成未说明扣分 0–10 points per indicator: the provinces that deduct take 2; the official text leaves any cut to
 *   judgement, and more than the 10 points of the whole execution row for one unexplained figure is a penalty no system
 *   uses (a deduction never takes a score below 0 anyway).
 * - 定性 tier defaults inside their own tier, as domain.md §5 draws them: 达成 80–100, 部分达成 60–<80, 未达成 0–<60.
 */
import { localized, type Localized } from "./i18n";

export type SettingKey =
  "toleranceInUnit" | "overachieveThreshold" | "overachieveDeduction" | "met" | "partial" | "unmet";

/** Where the 设置 view shows a setting: beside the report language, among the scoring options, or as a tier share. */
export type SettingGroup = "general" | "scoring" | "qualitative";

export interface SettingDefinition {
  readonly key: SettingKey;
  readonly group: SettingGroup;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** The value must stay below `max` (the tiers are half-open: 部分达成 is 60 up to, not including, 80). */
  readonly belowMax: boolean;
  /** A plain decimal from text ("0.01", ".5", " 2 "); null for anything else, range not checked. */
  readonly parse: (text: string) => number | null;
  /** What kind of number it is, for "应为 0 到 1 之间的数" / "it must be a number from 0 to 1". */
  readonly noun: Localized;
  /** A typical value as the command line writes it, for the message. */
  readonly example: string;
  /** The 设置 view shows value × scale (the threshold as 130 %, stored as the multiple 1.3) in steps of `step`. */
  readonly display: { readonly scale: 1 | 100; readonly step: string };
  readonly label: Localized;
  readonly hint: Localized | null;
}

// Number("") is 0 and Number("0x10") is 16, Number("1e3") is 1000: accept plain decimals only.
const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;

export function parseDecimal(text: string): number | null {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : null;
}

const NUMBER = localized("数", "a number");
const PERCENT = localized("百分数", "a percentage");

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: "toleranceInUnit",
    group: "general",
    default: 0.01,
    min: 0,
    max: 1,
    belowMax: false,
    parse: parseDecimal,
    noun: NUMBER,
    example: "0.01",
    display: { scale: 1, step: "0.01" },
    label: localized("合计容差（表格单位）", "Tolerance for totals (table's unit)"),
    hint: localized(
      "差额不超过此数视为尾差，只作提示。默认 0.01。",
      "A difference up to this is a rounding difference, shown as a notice. Default 0.01.",
    ),
  },
  {
    key: "overachieveThreshold",
    group: "scoring",
    default: 1.3,
    min: 1.01,
    max: 10,
    belowMax: false,
    parse: parseDecimal,
    noun: localized("倍数", "a multiple"),
    example: "1.3",
    display: { scale: 100, step: "1" },
    label: localized("超额完成阈值（%）", "Over-completion threshold (%)"),
    hint: localized(
      "完成值达到目标的该比例时，需说明原因。默认 130。",
      "An actual value at this share of its target needs an explanation. Default 130.",
    ),
  },
  {
    key: "overachieveDeduction",
    group: "scoring",
    default: 0,
    min: 0,
    max: 10,
    belowMax: false,
    parse: parseDecimal,
    noun: localized("分数", "points"),
    example: "2",
    display: { scale: 1, step: "0.5" },
    label: localized("超额完成未说明扣分", "Deduction for unexplained over-completion"),
    hint: localized("默认 0（不扣分）。", "Default 0 (no deduction)."),
  },
  {
    key: "met",
    group: "qualitative",
    default: 100,
    min: 80,
    max: 100,
    belowMax: false,
    parse: parseDecimal,
    noun: PERCENT,
    example: "100",
    display: { scale: 1, step: "1" },
    label: localized("达成", "Met"),
    hint: null,
  },
  {
    key: "partial",
    group: "qualitative",
    default: 70,
    min: 60,
    max: 80,
    belowMax: true,
    parse: parseDecimal,
    noun: PERCENT,
    example: "70",
    display: { scale: 1, step: "1" },
    label: localized("部分达成", "Partly met"),
    hint: null,
  },
  {
    key: "unmet",
    group: "qualitative",
    default: 30,
    min: 0,
    max: 60,
    belowMax: true,
    parse: parseDecimal,
    noun: PERCENT,
    example: "30",
    display: { scale: 1, step: "1" },
    label: localized("未达成", "Not met"),
    hint: null,
  },
];

const BY_KEY = new Map(SETTINGS.map((s) => [s.key, s]));

export function settingDefinition(key: SettingKey): SettingDefinition {
  return BY_KEY.get(key) as SettingDefinition;
}

/** Every setting's default, by key: what the engine uses when it is given nothing. */
export const SETTING_DEFAULTS: Readonly<Record<SettingKey, number>> = Object.fromEntries(
  SETTINGS.map((s) => [s.key, s.default]),
) as Record<SettingKey, number>;

/** Whether a number lies inside a setting's limits. */
export function inSettingRange(key: SettingKey, value: number): boolean {
  const { min, max, belowMax } = settingDefinition(key);
  return Number.isFinite(value) && value >= min && (belowMax ? value < max : value <= max);
}

/** A number as people write it: no float noise (1.01 × 100 is shown as 101, not 101.00000000000001). */
export function settingNumberText(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * The limits in words, scaled as they are shown: "介于 0 到 1 之间" / "from 0 to 1", "不小于 60 且小于 80" /
 * "from 60 to below 80" (the Chinese starts with a word, so "应为" runs on without a space before a digit).
 */
export function settingRangeText(key: SettingKey, scale = 1): Localized {
  const { min, max, belowMax } = settingDefinition(key);
  const lo = settingNumberText(min * scale);
  const hi = settingNumberText(max * scale);
  return belowMax
    ? localized(`不小于 ${lo} 且小于 ${hi}`, `from ${lo} to below ${hi}`)
    : localized(`介于 ${lo} 到 ${hi} 之间`, `from ${lo} to ${hi}`);
}

/**
 * What a value must be, to follow "应为" / "it must be": "介于 0 到 1 之间的数，如 0.01" / "a number from 0 to 1, such
 * as 0.01".
 */
export function settingRule(key: SettingKey): Localized {
  const { noun, example, belowMax } = settingDefinition(key);
  const range = settingRangeText(key);
  // "小于 80 的" keeps its space after the digit, "之间的" needs none.
  return localized(
    `${range["zh-CN"]}${belowMax ? " " : ""}的${noun["zh-CN"]}，如 ${example}`,
    `${noun["en-US"]} ${range["en-US"]}, such as ${example}`,
  );
}

export type ParsedSetting<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** The rule alone, for a sentence of the caller's own ("--tolerance 的取值“5”无效，应为…"). */
      readonly expected: Localized;
      /** A sentence on its own: “5”无效，应为 0 到 1 之间的数，如 0.01。 */
      readonly message: Localized;
    };

function refused<T>(text: string, expected: Localized): ParsedSetting<T> {
  return {
    ok: false,
    expected,
    message: localized(
      `“${text}”无效，应为${expected["zh-CN"]}。`,
      `"${text}" is not valid; it must be ${expected["en-US"]}.`,
    ),
  };
}

/** A setting typed as text (a command-line option, a form field in stored units), read and checked by the table. */
export function parseSetting(key: SettingKey, text: string): ParsedSetting<number> {
  const value = settingDefinition(key).parse(text);
  return value !== null && inSettingRange(key, value) ? { ok: true, value } : refused(text, settingRule(key));
}

/** A setting as storage returned it (a number, a number kept as text, or anything else): the value, or null. */
export function acceptStoredSetting(key: SettingKey, stored: unknown): number | null {
  if (typeof stored === "string") {
    const parsed = parseSetting(key, stored);
    return parsed.ok ? parsed.value : null;
  }
  return typeof stored === "number" && inSettingRange(key, stored) ? stored : null;
}

export interface QualitativeShares {
  readonly met: number;
  readonly partial: number;
  readonly unmet: number;
}

const TIERS = ["met", "partial", "unmet"] as const;

/** The three tier shares written as one text, "100,70,30" (a full-width comma too), each checked against its tier. */
export function parseQualitativeShares(text: string): ParsedSetting<QualitativeShares> {
  const parts = text.split(/[,，]/);
  const values = parts.map((p, i) => (i < TIERS.length ? parseSetting(TIERS[i], p) : null));
  if (parts.length === TIERS.length && values.every((v) => v?.ok === true)) {
    const [met, partial, unmet] = values.map((v) => (v as { value: number }).value);
    return { ok: true, value: { met, partial, unmet } };
  }
  const tiers = (lang: "zh-CN" | "en-US", sep: string) =>
    TIERS.map((k) => {
      const d = settingDefinition(k);
      const label = lang === "zh-CN" ? d.label[lang] : d.label[lang].toLowerCase();
      return `${label} ${settingNumberText(d.min)}–${settingNumberText(d.max)}`;
    }).join(sep);
  const example = TIERS.map((k) => settingDefinition(k).example).join(",");
  return refused(
    text,
    localized(
      `三个百分数，如 ${example}（${tiers("zh-CN", "，")}）`,
      `three percentages such as ${example} (${tiers("en-US", ", ")})`,
    ),
  );
}
