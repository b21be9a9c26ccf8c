/**
 * The scorer's options as the command line gives them (--tolerance, --over-threshold, --over-deduction,
 * --execution-caps, --qualitative), read and checked by the one settings table (src/engine/settings.ts) that the
 * 设置 view and the workbook's stored settings go through too: the same limits everywhere. A wrong value is a usage
 * error (exit 2) that states the rule.
 */
import type { Lang } from "../engine/i18n";
import type { ScoreOptions } from "../engine/score/types";
import {
  parseQualitativeShares,
  parseSetting,
  type ParsedSetting,
  type SettingKey,
} from "../engine/settings";
import { CliUsageError, type CliOptionValues } from "./command";

/** "--tolerance 的取值“5”无效，应为…" in the command's own words. */
export type BadOption = (option: string, value: string, rule: string) => string;

function accepted<T>(parsed: ParsedSetting<T>, option: string, raw: string, bad: BadOption, lang: Lang): T {
  if (!parsed.ok) throw new CliUsageError(bad(`--${option}`, raw, parsed.expected[lang]));
  return parsed.value;
}

/** One option read by the table, or undefined when it was not given. */
export function settingOption(
  values: CliOptionValues,
  option: string,
  key: SettingKey,
  bad: BadOption,
  lang: Lang,
): number | undefined {
  const raw = values[option];
  if (raw === undefined) return undefined;
  return accepted(parseSetting(key, String(raw)), option, String(raw), bad, lang);
}

/** The scorer's options from the command line, validated. */
export function scoreOptions(values: CliOptionValues, bad: BadOption, lang: Lang): ScoreOptions {
  const toleranceInUnit = settingOption(values, "tolerance", "toleranceInUnit", bad, lang);
  const overachieveThreshold = settingOption(values, "over-threshold", "overachieveThreshold", bad, lang);
  const overachieveDeduction = settingOption(values, "over-deduction", "overachieveDeduction", bad, lang);
  const raw = values.qualitative;
  const qualitativeDefaults =
    raw === undefined
      ? undefined
      : accepted(parseQualitativeShares(String(raw)), "qualitative", String(raw), bad, lang);
  return {
    ...(toleranceInUnit !== undefined ? { toleranceInUnit } : {}),
    ...(overachieveThreshold !== undefined ? { overachieveThreshold } : {}),
    ...(overachieveDeduction !== undefined ? { overachieveDeduction } : {}),
    ...(values["execution-caps"] === true ? { executionCaps: true } : {}),
    ...(qualitativeDefaults ? { qualitativeDefaults } : {}),
  };
}
