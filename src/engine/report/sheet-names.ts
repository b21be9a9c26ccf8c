/**
 * Which sheets are ours, and what to call the ones we add. Shared by both gateways so the CLI and the add-in agree:
 * - We never take a name held by a sheet that is not ours: "核查结果" taken by the user → "核查结果 (2)", then "(3)"….
 * - Sheets we made earlier are replaced on re-run (their names are free for us to take again).
 * - Ours are listed in a marker sheet `_selfeval`, kept "very hidden" (not even in Excel's Unhide list) so users do not
 *   delete it by accident. Its column A holds our sheet names, one a row; column B the sheet's key (table / report /
 *   findings), for information only; column C the sheet's fingerprint as we wrote it. Columns from D on are free for a
 *   gateway's own use (e.g. a chart's source data).
 * - A name in the marker is not enough: the user may have deleted our 核查结果 and made a sheet of their own with that
 *   name. A sheet is ours only while it still matches the fingerprint recorded for it (see `ownedSheetsFrom`); a sheet
 *   that does not is the user's, whatever its name — never replaced, never deleted, evaluated as user data.
 */
import { rangeToA1 } from "../a1";
import type { Lang } from "../i18n";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import {
  sheetKeyRank,
  type FixedSheetKey,
  type ReportSheetKey,
  type ReportSpec,
  type SheetSpec,
} from "./spec";

/** Name of the marker sheet that lists our sheets. */
export const MARKER_SHEET_NAME = "_selfeval";

/**
 * 0-based column (Z) of the keys of the store WPS keeps in the marker sheet (src/gateway/wps/store.ts): the key, then
 * the JSON value in pieces in the columns after it. The .xlsx gateway reads the 出错说明 WPS saved there.
 */
export const MARKER_STORE_KEY_COLUMN = 25;

/**
 * Names that start with this are reserved to us: a gateway may give them to sheets it is still building or setting
 * aside (Office.js), and the marker lists them so that the leftovers of an interrupted run are cleaned up next time.
 */
export const TEMPORARY_NAME_PREFIX = `${MARKER_SHEET_NAME}_`;

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME_LENGTH = 31;

export const DEFAULT_SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<FixedSheetKey, string>>>> = {
  "zh-CN": { table: "绩效自评表", report: "自评报告", summary: "项目汇总", findings: "核查结果" },
  "en-US": {
    table: "Self-Evaluation Table",
    report: "Self-Evaluation Report",
    summary: "Project Summary",
    findings: "Check Results",
  },
};

/**
 * A project's sheet is named after the project behind a fixed prefix ("项目-职业技能培训项目"), so a gateway can tell
 * a sheet we may have written from the user's by its name alone (mayBeReportSheetName), whatever the project is called.
 */
export const PROJECT_SHEET_PREFIX: Readonly<Record<Lang, string>> = { "zh-CN": "项目-", "en-US": "Project-" };

/** Room left for " (nn)" when the name is taken, so a numbered name keeps the whole prefix and most of the name. */
const NUMBER_ROOM = 5;

/**
 * The default name of a project's sheet: the prefix and the project's name, with the characters Excel refuses in a
 * sheet name ([ ] : * ? / \) replaced, no apostrophe at either end, cut to fit 31 characters with room for " (n)".
 */
export function projectSheetName(projectName: string, lang: Lang): string {
  const clean = Array.from(projectName.replace(/[[\]:*?/\\\s]+/g, " ").trim())
    .slice(0, MAX_SHEET_NAME_LENGTH - NUMBER_ROOM - PROJECT_SHEET_PREFIX[lang].length)
    .join("")
    .replace(/^'+|'+$/g, "")
    .trim();
  return `${PROJECT_SHEET_PREFIX[lang]}${clean}`;
}

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
): Record<"table" | "report" | "findings", string> {
  const names = DEFAULT_SHEET_NAMES[lang];
  return planSheetNamesFrom(existing, owned, {
    table: names.table,
    report: names.report,
    findings: names.findings,
  });
}

/**
 * planSheetNames with the base names given, e.g. a spec's `sheets[i].name` (what the renderers use), for the sheets
 * that are to be written (all three, or the 核查结果 alone).
 */
export function planSheetNamesFrom<K extends ReportSheetKey>(
  existing: readonly string[],
  owned: readonly string[],
  bases: Readonly<Record<K, string>>,
): Record<K, string> {
  const ownedKeys = new Set(owned.map(nameKey));
  // Names we may not take: every existing sheet that is not ours, and the marker sheet itself.
  const taken = new Set(existing.map(nameKey).filter((k) => !ownedKeys.has(k)));
  taken.add(nameKey(MARKER_SHEET_NAME));
  const plan = {} as Record<K, string>;
  for (const key of sheetKeysOf(bases)) {
    const base = bases[key];
    let n = 1;
    while (taken.has(nameKey(numbered(base, n)))) n += 1;
    const name = numbered(base, n);
    plan[key] = name;
    taken.add(nameKey(name)); // our own three must not clash with each other either
  }
  return plan;
}

/** The keys a record of sheet names or bases has, in tab order. */
export function sheetKeysOf<K extends ReportSheetKey>(
  record: Readonly<Record<K, unknown>> | Readonly<Partial<Record<K, unknown>>>,
): K[] {
  return (Object.keys(record) as K[])
    .filter((key) => (record as Partial<Record<string, unknown>>)[key] !== undefined)
    .sort((a, b) => sheetKeyRank(a) - sheetKeyRank(b));
}

/** One row of the marker: a sheet we wrote, its key, and its fingerprint as written ("" when none was recorded). */
export interface MarkerEntry {
  readonly name: string;
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * What a gateway can see of a sheet cheaply, to compare with the fingerprint we recorded: the value of A1 as the host
 * returns it, and the bounding box of the cells that hold a value (Office.js: `getUsedRange(true)`), null when none.
 */
export interface SheetState {
  readonly a1: unknown;
  readonly used: CellRange | null;
}

/*
 * The fingerprint is "<addresses>|<A1 text>", e.g. "A1:H7|核查结果": the text of our title cell plus the address of the
 * cells that hold values. Why these two:
 * - both gateways get them cheaply and the same way: Office.js loads A1 and the values-only used range in the sync
 *   that reads the marker (no extra round trip, a few bytes per sheet); exceljs has the cells in memory;
 * - they are plain values and positions, which an Excel save keeps as they are, so a CLI-written file opened and
 *   re-run in the add-in (or the reverse) is still recognised; styles, widths, row heights and charts are not used
 *   because Excel and the two renderers do not round-trip them identically;
 * - a sheet the user makes will not have our exact title in A1 and its last value in exactly our last cell, and a
 *   user's edit outside our cells (a note under the table) changes the address — we then leave the sheet alone,
 *   which is the safe outcome. An edit inside our cells keeps the fingerprint: that sheet is still replaced.
 * Whether the cells covered by a merged area count for a values-only used range is the host's business (their
 * values are empty): our 自评报告 has text in A and merges across A:D. So we record both readings — the values'
 * bounding box, and that box grown by the merges — and accept either ("A1:A43,A1:D43|…").
 */

/** The text of a cell value for the fingerprint: strings as they are, numbers and booleans as written, else "". */
function fingerprintText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function grow(box: CellRange | null, r: CellRange): CellRange {
  if (!box) return r;
  return {
    top: Math.min(box.top, r.top),
    left: Math.min(box.left, r.left),
    bottom: Math.max(box.bottom, r.bottom),
    right: Math.max(box.right, r.right),
  };
}

function addressOf(used: CellRange | null): string {
  return used ? rangeToA1(used) : "";
}

/** The fingerprint a sheet of the spec has once rendered (what we record in the marker when we write it). */
export function specFingerprint(sheet: SheetSpec): string {
  let values: CellRange | null = null;
  let title: unknown = null;
  for (const c of sheet.cells) {
    if (c.row === 0 && c.col === 0) title = c.value;
    // An empty string is no value: Office.js stores "" as an empty cell, and the .xlsx renderer writes none.
    if (c.value === null || c.value === "") continue;
    values = grow(values, { top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  let withMerges = values;
  if (values) for (const m of sheet.merges) withMerges = grow(withMerges, m);
  const addresses = [...new Set([addressOf(values), addressOf(withMerges)])];
  return `${addresses.join(",")}|${fingerprintText(title)}`;
}

/** The fingerprints of the report's sheets, by key. */
export function reportFingerprints<K extends ReportSheetKey>(spec: ReportSpec<K>): Record<K, string> {
  const prints = {} as Record<K, string>;
  for (const sheet of spec.sheets) prints[sheet.key] = specFingerprint(sheet);
  return prints;
}

/** True when a sheet as it is now still matches the fingerprint we recorded for it. */
export function fingerprintMatches(recorded: string, now: SheetState): boolean {
  const bar = recorded.indexOf("|");
  if (bar < 0) return false; // nothing recorded (or not by us): never assume the sheet is ours
  const addresses = recorded.slice(0, bar).split(",");
  const title = recorded.slice(bar + 1);
  return title === fingerprintText(now.a1) && addresses.includes(addressOf(now.used));
}

/** The marker sheet's contents for the names we wrote: rows of [sheet name, key, fingerprint], column A first. */
export function buildMarkerRows<K extends ReportSheetKey>(
  names: Readonly<Record<K, string>>,
  fingerprints: Readonly<Record<K, string>>,
): string[][] {
  return sheetKeysOf(names).map((key) => [names[key], key, fingerprints[key]]);
}

/** The entries of the marker's rows (column A a non-empty string); a name may be listed more than once. */
export function parseMarkerEntries(rows: readonly (readonly unknown[])[]): MarkerEntry[] {
  const entries: MarkerEntry[] = [];
  for (const row of rows) {
    const [name, key, fingerprint] = row;
    if (typeof name !== "string" || name.trim() === "") continue;
    entries.push({
      name,
      key: typeof key === "string" ? key : "",
      fingerprint: typeof fingerprint === "string" ? fingerprint : "",
    });
  }
  return entries;
}

/**
 * The names the marker lists (column A, non-empty strings, each once); tolerant of any layout around it. These are
 * only claims: `ownedSheetsFrom` decides which of the sheets are still ours.
 */
export function parseMarkerRows(rows: readonly (readonly unknown[])[]): string[] {
  const names: string[] = [];
  for (const { name } of parseMarkerEntries(rows)) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * Our sheets: those the marker lists AND that still match a fingerprint recorded for them (a name listed twice, as
 * while a run is under way, matches either). Returns the sheets' names as they are in the workbook.
 * A listed sheet that does not match is the user's — they deleted ours and made their own, or changed ours beyond its
 * cells — so it is left out, and the plan gives our new sheet the next free name ("名 (2)").
 * Sheets under our reserved temporary names (`_selfeval_…`) are ours when listed, whatever they hold: a run cut short
 * may have left them half built.
 * @param markerRows the marker sheet's values, column A first
 * @param sheets the state of the workbook's sheets that may be ours, by name (a gateway may leave out sheets whose
 *   names we never give, see `mayBeReportSheetName`; a listed sheet missing here is not ours)
 */
export function ownedSheetsFrom(
  markerRows: readonly (readonly unknown[])[],
  sheets: ReadonlyMap<string, SheetState>,
): string[] {
  const byKey = new Map([...sheets].map(([name, state]) => [nameKey(name), { name, state }]));
  const owned: string[] = [];
  for (const entry of parseMarkerEntries(markerRows)) {
    const sheet = byKey.get(nameKey(entry.name));
    if (!sheet || owned.includes(sheet.name)) continue;
    const temporary = nameKey(sheet.name).startsWith(nameKey(TEMPORARY_NAME_PREFIX));
    if (temporary || fingerprintMatches(entry.fingerprint, sheet.state)) owned.push(sheet.name);
  }
  return owned;
}

/**
 * True when we could have given a sheet this name: one of our default names in either language (or of `bases`),
 * possibly numbered "名 (n)", or a temporary name. Lets the Office.js gateway load the fingerprint state of a few
 * sheets instead of every sheet of a large workbook, in the same sync that reads the marker.
 */
export function mayBeReportSheetName(name: string, bases: readonly string[] = []): boolean {
  const k = nameKey(name);
  if (k.startsWith(nameKey(TEMPORARY_NAME_PREFIX))) return true;
  if (Object.values(PROJECT_SHEET_PREFIX).some((prefix) => k.startsWith(nameKey(prefix)))) return true;
  const numberedAs = /^.* \((\d+)\)$/.exec(name);
  const n = numberedAs ? Number(numberedAs[1]) : 1;
  const all = [...Object.values(DEFAULT_SHEET_NAMES).flatMap((names) => Object.values(names)), ...bases];
  return all.some((base) => nameKey(numbered(base, 1)) === k || (n > 1 && nameKey(numbered(base, n)) === k));
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
