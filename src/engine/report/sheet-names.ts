/**
 * Which sheets are ours, and what to call the ones we add. Shared by both gateways so the CLI and the add-in agree:
 * - We never take a name held by a sheet that is not ours: "核查结果" taken by the user → "核查结果 (2)", then "(3)"….
 * - Sheets we made earlier are replaced on re-run (their names are free for us to take again).
 * - Ours are listed in a marker sheet `_selfeval`, kept "very hidden" (not even in Excel's Unhide list) so users do not
 *   delete it by accident. Its column A holds our sheet names, one a row; column B the sheet's key (table / report /
 *   findings), for information only. Other columns are free for a gateway's own use (e.g. a chart's source data).
 */
import type { Lang } from "../i18n";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { REPORT_SHEET_KEYS, type ReportSheetKey } from "./spec";

/** Name of the marker sheet that lists our sheets. */
export const MARKER_SHEET_NAME = "_selfeval";

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME_LENGTH = 31;

export const DEFAULT_SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<ReportSheetKey, string>>>> = {
  "zh-CN": { table: "绩效自评表", report: "自评报告", findings: "核查结果" },
  "en-US": { table: "Self-Evaluation Table", report: "Self-Evaluation Report", findings: "Check Results" },
};

/** Excel compares sheet names without regard to case ("Sheet1" and "SHEET1" clash). */
function nameKey(name: string): string {
  return name.toUpperCase();
}

/** "名" → "名 (n)", shortening the base so the result stays within Excel's 31 characters. */
function numbered(base: string, n: number): string {
  if (n === 1) return base.slice(0, MAX_SHEET_NAME_LENGTH);
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
}

/**
 * The names to give our three sheets.
 * @param existing every sheet name in the workbook now (ours included)
 * @param owned the names our marker lists (sheets we made before, which we will replace)
 */
export function planSheetNames(
  existing: readonly string[],
  owned: readonly string[],
  lang: Lang,
): Record<ReportSheetKey, string> {
  return planSheetNamesFrom(existing, owned, DEFAULT_SHEET_NAMES[lang]);
}

/** planSheetNames with the base names given, e.g. a spec's `sheets[i].name` (what the renderers use). */
export function planSheetNamesFrom(
  existing: readonly string[],
  owned: readonly string[],
  bases: Readonly<Record<ReportSheetKey, string>>,
): Record<ReportSheetKey, string> {
  const ownedKeys = new Set(owned.map(nameKey));
  // Names we may not take: every existing sheet that is not ours, and the marker sheet itself.
  const taken = new Set(existing.map(nameKey).filter((k) => !ownedKeys.has(k)));
  taken.add(nameKey(MARKER_SHEET_NAME));
  const plan = {} as Record<ReportSheetKey, string>;
  for (const key of REPORT_SHEET_KEYS) {
    const base = bases[key];
    let n = 1;
    while (taken.has(nameKey(numbered(base, n)))) n += 1;
    const name = numbered(base, n);
    plan[key] = name;
    taken.add(nameKey(name)); // our own three must not clash with each other either
  }
  return plan;
}

/** The marker sheet's contents for the names we wrote: rows of [sheet name, key], column A first. */
export function buildMarkerRows(names: Readonly<Record<ReportSheetKey, string>>): string[][] {
  return REPORT_SHEET_KEYS.map((key) => [names[key], key]);
}

/** Our sheet names from the marker sheet's values (column A, non-empty strings); tolerant of any layout around it. */
export function parseMarkerRows(rows: readonly (readonly unknown[])[]): string[] {
  const names: string[] = [];
  for (const row of rows) {
    const a = row[0];
    if (typeof a === "string" && a.trim() !== "" && !names.includes(a)) names.push(a);
  }
  return names;
}

/** True when a sheet of this name is one of ours (per the marker) or the marker itself. */
export function isOwnedSheet(name: string, owned: readonly string[]): boolean {
  const k = nameKey(name);
  return k === nameKey(MARKER_SHEET_NAME) || owned.some((o) => nameKey(o) === k);
}

/**
 * The workbook without our own sheets, so a re-run evaluates the user's tables and not the 自评表 we wrote last time
 * (which looks like a budget block and an indicators table to the recogniser).
 */
export function withoutOwnedSheets(workbook: WorkbookSnapshot, owned: readonly string[]): WorkbookSnapshot {
  return { sheets: workbook.sheets.filter((s: SheetSnapshot) => !isOwnedSheet(s.name, owned)) };
}
