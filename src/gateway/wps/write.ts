/**
 * Writes the report spec into the open WPS 表格 workbook, replacing only our earlier sheets (listed in the very-hidden
 * `_selfeval` marker and still matching their fingerprints — the contract the .xlsx and Office.js renderers keep):
 *   1. inspect: the workbook's and our old sheets' protection — refused before anything is written;
 *   2. build the new sheets under temporary `_selfeval_…` names, after the last sheet;
 *   3. commit: delete our old sheets, give the new ones their planned names, rewrite the marker's list;
 *   3b. draw the charts (chart.ts), their data on the marker;
 *   4. show the 自评表 (or the spec's first sheet).
 * ET runs each call at once (no batch to send), so a failure while building is undone by deleting what was added;
 * the user's sheets are never touched. Deleting a sheet asks the user in ET unless DisplayAlerts is off: it is turned
 * off for the write and put back after.
 */
import {
  MARKER_SHEET_NAME,
  TEMPORARY_NAME_PREFIX,
  buildMarkerRows,
  planSheetNamesFrom,
  reportFingerprints,
  sheetKeysOf,
} from "../../engine/report/sheet-names";
import type { ReportSheetKey, ReportSpec } from "../../engine/report/spec";
import { XL_SHEET_VERY_HIDDEN, type EtApplication, type EtWorkbook, type EtWorksheet } from "./et-api";
import { protectedError } from "./errors";
import type { WrittenReport } from "../../app/host";
import { drawCharts } from "./chart";
import { renderSheet } from "./render-sheet";
import { activeWorkbook, findSheet, markerRows, ownedSheets, rectOf, worksheetsOf } from "./sheets";

/** The marker's columns A:C hold our sheets; the store (store.ts) keeps its keys further right. */
const MARKER_COLUMNS = 3;

/** Runs `work` with ET's confirmation dialogs off, putting the setting back after. */
export function withoutAlerts<T>(app: EtApplication, work: () => T): T {
  const before = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = before;
  }
}

/** The marker sheet, added very hidden after the last sheet when there is none yet. */
export function ensureMarker(wb: EtWorkbook): EtWorksheet {
  const existing = findSheet(wb, MARKER_SHEET_NAME);
  if (existing) return existing;
  const all = wb.Worksheets;
  const marker = all.Add(undefined, all.Item(all.Count));
  marker.Name = MARKER_SHEET_NAME;
  marker.Visible = XL_SHEET_VERY_HIDDEN;
  return marker;
}

function writeMarkerList(marker: EtWorksheet, rows: readonly (readonly string[])[]): void {
  const used = rectOf(marker.UsedRange);
  const height = Math.max(used.bottom + 1, rows.length, 1);
  const block = marker.Range(`A1:C${height}`);
  block.NumberFormat = "@";
  block.Value2 = Array.from({ length: height }, (_, r) =>
    Array.from({ length: MARKER_COLUMNS }, (_, c) => rows[r]?.[c] ?? null),
  );
}

function freeTemporaryName(key: string, taken: Set<string>): string {
  let name = `${TEMPORARY_NAME_PREFIX}${key}`;
  for (let n = 2; taken.has(name.toUpperCase()); n++) name = `${TEMPORARY_NAME_PREFIX}${key}_${n}`;
  taken.add(name.toUpperCase());
  return name;
}

export function writeWpsReport<K extends ReportSheetKey>(
  app: EtApplication,
  spec: ReportSpec<K>,
): WrittenReport<K> {
  if (spec.sheets.length === 0) throw new Error("report spec has no sheet");
  const wb = activeWorkbook(app);
  const owned = ownedSheets(wb);

  // 1. Our old sheets are deleted and the marker rewritten: neither may be protected, nor the structure.
  if (wb.ProtectStructure) throw protectedError({ workbook: true });
  const blocked = worksheetsOf(wb)
    .filter(
      (ws) =>
        ws.ProtectContents &&
        [...owned, MARKER_SHEET_NAME].some((n) => n.toUpperCase() === ws.Name.toUpperCase()),
    )
    .map((ws) => ws.Name);
  if (blocked.length > 0) throw protectedError({ sheets: blocked });

  const existing = worksheetsOf(wb).map((ws) => ws.Name);
  const bases = Object.fromEntries(spec.sheets.map((s) => [s.key, s.name])) as Record<K, string>;
  const names = planSheetNamesFrom(existing, owned, bases);
  const taken = new Set(existing.map((n) => n.toUpperCase()));

  return withoutAlerts(app, () => {
    // 2. Build.
    const built: EtWorksheet[] = [];
    try {
      for (const sheet of spec.sheets) {
        const all = wb.Worksheets;
        const ws = all.Add(undefined, all.Item(all.Count));
        ws.Name = freeTemporaryName(sheet.key, taken);
        built.push(ws);
        renderSheet(app, ws, sheet, names);
      }
    } catch (error) {
      for (const ws of built) ws.Delete();
      throw error;
    }

    // 3. Commit.
    const ownedKeys = new Set(owned.map((n) => n.toUpperCase()));
    for (const ws of worksheetsOf(wb)) if (ownedKeys.has(ws.Name.toUpperCase())) ws.Delete();
    spec.sheets.forEach((sheet, i) => {
      built[i].Name = names[sheet.key];
    });
    const marker = ensureMarker(wb);
    writeMarkerList(marker, buildMarkerRows(names, reportFingerprints(spec)));

    // 3b. The charts, once the sheets are in place: a chart ET cannot draw leaves the report whole, with a notice.
    const notices = drawCharts(
      marker,
      spec.sheets.map((sheet, i) => ({ spec: sheet, ws: built[i] })),
    );

    // 4. Show the 自评表, or the first sheet written.
    const first = sheetKeysOf(names)[0];
    const shown = spec.sheets.findIndex((s) => s.key === "table");
    built[shown >= 0 ? shown : spec.sheets.findIndex((s) => s.key === first)].Activate();
    return { sheets: names, notices };
  });
}

/** The marker's list as it is now (for tests and diagnostics). */
export function markerList(app: EtApplication): unknown[][] {
  const marker = findSheet(activeWorkbook(app), MARKER_SHEET_NAME);
  return marker ? markerRows(marker) : [];
}
