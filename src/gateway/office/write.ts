/**
 * Writes the report spec into the open workbook through Office.js, in a fixed number of syncs whatever its size:
 *   1. inspect: sheet names, sheet and workbook protection;
 *   2. only when an earlier run left the `_selfeval` marker: its list of our sheets, and in the same sync the A1 and
 *      values-only used range of the sheets that may be ours (by name), to check the fingerprints it recorded — a
 *      sheet the marker lists that no longer matches is the user's and is left alone;
 *   3. build: the new sheets under temporary names, with all values, formats, merges, sizes and links;
 *   4. commit: our old sheets renamed aside, the new ones renamed to their planned names, the marker updated, and
 *      only then the old sheets deleted;
 *   5. finish: print setup (ExcelApi 1.9) and the chart — a failure here leaves a complete report and a notice.
 * Protection is checked before anything is written. Office.js batches are not transactions (commands before a failing
 * one stay applied), so if build or commit fails the workbook is put back as it was: the sheets this run added are
 * deleted, our old sheets get their names back, and the marker its old list.
 */
import { columnName } from "../../engine/a1";
import type { Localized } from "../../engine/i18n";
import { localized } from "../../engine/i18n";
import {
  MARKER_SHEET_NAME,
  MARKER_STORE_KEY_COLUMN,
  TEMPORARY_NAME_PREFIX,
  buildMarkerRows,
  fingerprintMatches,
  isOwnedSheet,
  mayBeReportSheetName,
  ownedSheetsFrom,
  parseMarkerEntries,
  planSheetNamesFrom,
  reportFingerprints,
  sheetKeysOf,
  type MarkerEntry,
  type SheetState,
} from "../../engine/report/sheet-names";
import { type ReportSheetKey, type ReportSpec, type SheetSpec } from "../../engine/report/spec";
import { requireExcelApi, supportsExcelApi } from "./api";
import { protectedError, toGatewayError } from "./errors";
import { probedStates, queueProbe } from "./sheet-state";
import {
  renderChart,
  renderPrintSetup,
  renderSheetContent,
  writeChartData,
  type HostFeatures,
} from "./write-sheet";

export interface WriteOptions {
  /** Activate the 自评表 (or, for a spec without one, its first sheet) when done (default true). */
  readonly activate?: boolean;
}

export interface WriteResult<K extends ReportSheetKey = ReportSheetKey> {
  /** The names the spec's sheets got ("核查结果 (2)" when the user has a sheet called 核查结果). */
  readonly names: Readonly<Record<K, string>>;
  /** What could not be done on this Excel (print setup, gridlines) or in the finishing step. */
  readonly notices: readonly Localized[];
}

/** The chart's data block on the marker sheet starts in column D (A:C hold our sheets' names, keys, fingerprints). */
export const CHART_DATA_COLUMN = 3;

const PRINT_SETUP_UNAVAILABLE = localized(
  "此版本的 Excel 不支持页面设置接口（ExcelApi 1.9），报告的打印设置（A4、一页宽、重复标题行、页码）未应用，请在“页面布局”中设置。",
  "This version of Excel has no page-setup interface (ExcelApi 1.9): the report's print setup (A4, one page wide, repeated title rows, page numbers) was not applied; set it on the Page Layout tab.",
);

const GRIDLINES_UNAVAILABLE = localized(
  "此版本的 Excel 无法隐藏网格线（需要 ExcelApi 1.8），报告表中仍显示网格线。",
  "This version of Excel cannot hide gridlines (ExcelApi 1.8 is needed), so the report sheets still show them.",
);

function finishFailed(error: unknown): Localized {
  const reason = toGatewayError(error).text;
  return localized(
    `报告已写入，但打印设置或图表未能完成：${reason["zh-CN"]}`,
    `The report was written, but its print setup or chart could not be completed: ${reason["en-US"]}`,
  );
}

const upper = (s: string) => s.toUpperCase();

function basesOf<K extends ReportSheetKey>(spec: ReportSpec<K>): Record<K, string> {
  if (spec.sheets.length === 0) throw new Error("report spec has no sheet");
  return Object.fromEntries(spec.sheets.map((s) => [s.key, s.name])) as Record<K, string>;
}

/** A name of the form `_selfeval_<suffix>` that is free now and not handed out yet. */
function freeName(suffix: string, taken: Set<string>): string {
  let name = `${TEMPORARY_NAME_PREFIX}${suffix}`;
  for (let n = 2; taken.has(upper(name)); n++) name = `${TEMPORARY_NAME_PREFIX}${suffix}_${n}`;
  taken.add(upper(name));
  return name;
}

/** Temporary names: for the sheets being built, and for our old sheets while they are set aside. */
function temporaryNames<K extends ReportSheetKey>(
  existing: readonly string[],
  old: readonly string[],
  keys: readonly K[],
) {
  const taken = new Set(existing.map(upper));
  const building = {} as Record<K, string>;
  for (const key of keys) building[key] = freeName(key, taken);
  const aside = new Map(old.map((name, i) => [name, freeName(`old_${i + 1}`, taken)]));
  return { building, aside };
}

/** Writes [name, key, fingerprint] rows into the marker's columns A:C as text, after clearing what was there. */
function writeMarkerRows(marker: Excel.Worksheet, rows: readonly (readonly string[])[]): void {
  marker.getRange("A:C").clear("Contents" as Excel.ClearApplyTo);
  if (rows.length === 0) return;
  const range = marker.getRangeByIndexes(0, 0, rows.length, 3);
  range.numberFormat = rows.map(() => ["@", "@", "@"]);
  range.values = rows.map((r) => [r[0], r[1] ?? "", r[2] ?? ""]);
}

const entryRow = (e: MarkerEntry): string[] => [e.name, e.key, e.fingerprint];

interface Inspection {
  readonly existing: readonly string[];
  readonly items: readonly Excel.Worksheet[];
  /**
   * Our old report sheets present now (not the marker), which this run replaces, with the marker entry they match.
   * Id and name are copied here because a proxy's name reads back whatever this run assigns to it.
   */
  readonly old: readonly {
    readonly ws: Excel.Worksheet;
    readonly id: string;
    readonly name: string;
    readonly entry: MarkerEntry;
  }[];
  readonly marker: Excel.Worksheet | undefined;
  /** Our sheets: listed in the marker and still carrying their fingerprint. */
  readonly owned: readonly string[];
  /** The marker's entries as they were, to put back if this run fails. */
  readonly entries: readonly MarkerEntry[];
}

async function inspect(context: Excel.RequestContext, bases: readonly string[]): Promise<Inspection> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/protection/protected");
  const workbookProtection = context.workbook.protection;
  workbookProtection.load("protected");
  await context.sync(); // 1
  if (workbookProtection.protected) throw protectedError({ workbook: true });

  const items = worksheets.items;
  const marker = items.find((ws) => upper(ws.name) === upper(MARKER_SHEET_NAME));
  let owned: string[] = [];
  let entries: MarkerEntry[] = [];
  let states = new Map<string, SheetState>();
  if (marker) {
    const used = marker.getUsedRangeOrNullObject(true);
    used.load("values,columnIndex");
    // The fingerprints' counterparts ride in the same sync, for the few sheets whose names we could have given.
    const probes = items
      .filter((ws) => ws !== marker && mayBeReportSheetName(ws.name, bases))
      .map((ws) => queueProbe(ws, ws.name));
    await context.sync(); // 2
    const rows = !used.isNullObject && used.columnIndex === 0 ? used.values : [];
    entries = parseMarkerEntries(rows);
    states = probedStates(probes);
    owned = ownedSheetsFrom(rows, states);
  }
  // Refuse before writing anything: our old sheets are deleted and the marker rewritten, so neither may be protected.
  const blocked = items.filter((ws) => ws.protection.protected && isOwnedSheet(ws.name, owned));
  if (blocked.length > 0) throw protectedError({ sheets: blocked.map((ws) => ws.name) });
  const old = items
    .filter((ws) => ws !== marker && isOwnedSheet(ws.name, owned))
    .map((ws) => {
      const listed = entries.filter((e) => upper(e.name) === upper(ws.name));
      const state = states.get(ws.name);
      const entry = listed.find((e) => state && fingerprintMatches(e.fingerprint, state)) ?? listed[0];
      return { ws, id: ws.id, name: ws.name, entry };
    });
  return { existing: items.map((ws) => ws.name), items, old, marker, owned, entries };
}

export async function writeReport<K extends ReportSheetKey = ReportSheetKey>(
  context: Excel.RequestContext,
  spec: ReportSpec<K>,
  options: WriteOptions = {},
): Promise<WriteResult<K>> {
  requireExcelApi();
  const features: HostFeatures = { api19: supportsExcelApi("1.9"), api18: supportsExcelApi("1.8") };
  const bases = basesOf(spec);
  const notices: Localized[] = [];
  if (!features.api19) notices.push(PRINT_SETUP_UNAVAILABLE);
  if (!features.api18) notices.push(GRIDLINES_UNAVAILABLE);

  let found: Inspection;
  try {
    found = await inspect(context, Object.values(bases));
  } catch (e) {
    throw toGatewayError(e);
  }
  const names = planSheetNamesFrom(found.existing, found.owned, bases);
  const prints = reportFingerprints(spec);
  const keys = sheetKeysOf(bases);
  const temp = temporaryNames(
    found.existing,
    found.old.map((o) => o.name),
    keys,
  );
  const worksheets = context.workbook.worksheets;
  const added = new Map<K, Excel.Worksheet>();
  let marker = found.marker;

  try {
    // 3. build
    if (supportsExcelApi("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const sheet of spec.sheets) {
      const ws = worksheets.add(temp.building[sheet.key]);
      renderSheetContent(ws, sheet, names, features);
      ws.load("id");
      added.set(sheet.key, ws);
    }
    // The marker comes after our sheets in the tabs, as the .xlsx gateway places it.
    if (!marker) marker = worksheets.add(MARKER_SHEET_NAME);
    marker.visibility = "VeryHidden" as Excel.SheetVisibility;
    // Until the commit is done, the marker lists every name this run may leave behind, so that even the leftovers of
    // an interrupted run are recognised as ours (and removed) next time: our old sheets with the fingerprint they
    // carry now, the planned names with the new one (a name may be listed twice; either fingerprint makes it ours).
    writeMarkerRows(marker, [
      ...buildMarkerRows(names, prints),
      ...keys.map((key) => [temp.building[key], key, prints[key]]),
      ...found.old.map((o) => entryRow(o.entry)),
      ...found.old.map((o) => [temp.aside.get(o.name) as string, o.entry.key, o.entry.fingerprint]),
    ]);
    await context.sync(); // 3

    // 4. commit
    for (const o of found.old) o.ws.name = temp.aside.get(o.name) as string;
    for (const [key, ws] of added) ws.name = names[key];
    const shown = spec.sheets.find((sheet) => sheet.key === "table") ?? spec.sheets[0];
    if (options.activate !== false) added.get(shown.key)?.activate();
    // The old chart's data too (its chart goes next), but not the store from column Z on: WPS keeps its settings and
    // 出错说明 there (marker-store.ts), and a report written in Excel must not lose them.
    marker.getRange(`A:${columnName(MARKER_STORE_KEY_COLUMN - 1)}`).clear("Contents" as Excel.ClearApplyTo);
    writeMarkerRows(marker, buildMarkerRows(names, prints));
    // Our old sheets all go, those of keys this spec has not too: a 自评表 left from an earlier run would contradict
    // the 核查结果 written beside it when its tables can no longer be found.
    for (const o of found.old) o.ws.delete();
    await context.sync(); // 4
  } catch (e) {
    await rollBack(
      context,
      temp.building,
      buildMarkerRows(names, prints),
      [...added.values()],
      found,
      marker !== found.marker,
    ).catch(() => undefined);
    throw toGatewayError(e);
  }

  // 5. finish
  try {
    if (features.api19)
      for (const sheet of spec.sheets) renderPrintSetup(added.get(sheet.key) as Excel.Worksheet, sheet.print);
    // The 绩效自评表's chart and the 项目汇总's (issue 13), their data side by side on the marker, in this same batch.
    let dataCol = CHART_DATA_COLUMN;
    for (const key of ["table", "summary"] as const) {
      const chartSpec: SheetSpec | undefined = spec.sheets.find((s) => s.key === key);
      if (!chartSpec?.chart || !marker) continue;
      const source = writeChartData(marker, chartSpec.chart, dataCol);
      renderChart(added.get(chartSpec.key as K) as Excel.Worksheet, chartSpec.chart, source);
      dataCol += chartSpec.chart.series.length + 2;
    }
    await context.sync(); // 5
  } catch (e) {
    notices.push(finishFailed(e));
  }
  return { names, notices };
}

/**
 * After a failed build or commit, puts the workbook back as it was: deletes the sheets this run added (known by id once
 * the build succeeded, else by their temporary names), gives our old sheets their names back, restores the marker's
 * entries (or removes a marker this run created). If the commit had already begun deleting the old sheets, the new
 * report is complete and in place, so the commit is finished instead (`committed` is the marker's final list).
 */
async function rollBack(
  context: Excel.RequestContext,
  building: Readonly<Partial<Record<ReportSheetKey, string>>>,
  committed: readonly (readonly string[])[],
  added: readonly Excel.Worksheet[],
  found: Inspection,
  markerAddedNow: boolean,
): Promise<void> {
  // Ids of the added sheets arrived only if the build's sync succeeded.
  const addedIds = new Set<string>();
  for (const ws of added) {
    try {
      addedIds.add(ws.id);
    } catch {
      // not loaded: the build failed, so the added sheets still carry their temporary names
    }
  }
  const oldNames = new Map(found.old.map((o) => [o.id, o.name]));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const marker = worksheets.items.find((ws) => upper(ws.name) === upper(MARKER_SHEET_NAME));
  const present = new Map(worksheets.items.map((ws) => [ws.id, ws]));
  if (found.old.some((o) => !present.has(o.id))) {
    for (const o of found.old) present.get(o.id)?.delete();
    if (marker) writeMarkerRows(marker, committed);
    await context.sync();
    return;
  }
  const temporary = new Set(
    Object.values(building)
      .filter((n): n is string => n !== undefined)
      .map(upper),
  );
  for (const ws of worksheets.items) {
    if (addedIds.has(ws.id) || temporary.has(upper(ws.name))) ws.delete();
  }
  for (const ws of worksheets.items) {
    const original = oldNames.get(ws.id);
    if (original !== undefined && ws.name !== original) ws.name = original;
  }
  if (marker && markerAddedNow) marker.delete();
  else if (marker) writeMarkerRows(marker, found.entries.map(entryRow));
  await context.sync();
}
