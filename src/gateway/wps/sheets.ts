/**
 * Small helpers over ET's sheets shared by the reader and the writer: listing the worksheets (1-based), a range by
 * 0-based coordinates, a range's position, and which sheets are ours according to the `_selfeval` marker.
 */
import { rangeToA1 } from "../../engine/a1";
import {
  MARKER_SHEET_NAME,
  mayBeReportSheetName,
  ownedSheetsFrom,
  type SheetState,
} from "../../engine/report/sheet-names";
import type { CellRange } from "../../engine/snapshot";
import type { EtApplication, EtRange, EtScalar, EtValue, EtWorkbook, EtWorksheet } from "./et-api";
import { noWorkbookError } from "./errors";

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw noWorkbookError();
  return wb;
}

/** Every worksheet in tab order (ET's collection counts from 1). */
export function worksheetsOf(wb: EtWorkbook): EtWorksheet[] {
  const all = wb.Worksheets;
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= all.Count; i++) out.push(all.Item(i));
  return out;
}

export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  const key = name.toUpperCase();
  return worksheetsOf(wb).find((ws) => ws.Name.toUpperCase() === key) ?? null;
}

/** The range of a 0-based rectangle. */
export function rangeAt(ws: EtWorksheet, rect: CellRange): EtRange {
  return ws.Range(rangeToA1(rect));
}

/** A range's rectangle, 0-based. */
export function rectOf(range: EtRange): CellRange {
  const top = range.Row - 1;
  const left = range.Column - 1;
  return { top, left, bottom: top + range.Rows.Count - 1, right: left + range.Columns.Count - 1 };
}

/** Value2 as rows, whatever the range's size (ET gives one cell's value as a scalar). */
export function valueRows(value: EtValue): EtScalar[][] {
  return Array.isArray(value) ? value : [[value]];
}

/** What a cell holds for the fingerprint: empty (undefined, null, "") is null, as Office.js reports it. */
export function heldScalar(v: EtScalar): string | number | boolean | null {
  return v === undefined || v === null || v === "" ? null : v;
}

/** A sheet as the fingerprint compares it: A1's value and the bounding box of the cells holding a value. */
export function sheetState(ws: EtWorksheet): SheetState {
  const used = ws.UsedRange;
  const origin = rectOf(used);
  const rows = valueRows(used.Value2);
  let box: CellRange | null = null;
  rows.forEach((line, r) =>
    line.forEach((v, c) => {
      if (heldScalar(v) === null) return;
      const row = origin.top + r;
      const col = origin.left + c;
      box = box
        ? {
            top: Math.min(box.top, row),
            left: Math.min(box.left, col),
            bottom: Math.max(box.bottom, row),
            right: Math.max(box.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }),
  );
  return { a1: heldScalar(ws.Range("A1").Value2 as EtScalar), used: box };
}

/** The marker's rows, columns A:C (our sheets' names, keys and fingerprints). */
export function markerRows(marker: EtWorksheet): EtScalar[][] {
  const used = rectOf(marker.UsedRange);
  return valueRows(marker.Range(`A1:C${used.bottom + 1}`).Value2);
}

/**
 * Our report sheets from an earlier run: listed in the marker and still carrying their fingerprint (see
 * ownedSheetsFrom). Only sheets whose names we could have given are probed.
 */
export function ownedSheets(wb: EtWorkbook): string[] {
  const marker = findSheet(wb, MARKER_SHEET_NAME);
  if (!marker) return [];
  const states = new Map<string, SheetState>();
  for (const ws of worksheetsOf(wb))
    // By name: ET may hand out a new wrapper object for the same sheet on every call.
    if (ws.Name.toUpperCase() !== MARKER_SHEET_NAME.toUpperCase() && mayBeReportSheetName(ws.Name))
      states.set(ws.Name, sheetState(ws));
  return ownedSheetsFrom(markerRows(marker), states);
}
