/**
 * What the marker's fingerprints are compared with, read through Office.js: a sheet's A1 value and its values-only
 * used range. Both are queued in the sync that reads the marker, so telling our sheets from the user's costs no
 * extra round trip.
 */
import type { SheetState } from "../../engine/report/sheet-names";

/** A sheet's A1 (values) and values-only used range (position and size), queued for loading. */
export interface SheetProbe {
  readonly name: string;
  readonly a1: Excel.Range;
  readonly used: Excel.Range;
}

/**
 * Queues the loads of a probe. Pass `used` when the caller already loads the sheet's values-only used range with
 * rowIndex, columnIndex, rowCount and columnCount (the reader does, for every sheet).
 */
export function queueProbe(ws: Excel.Worksheet, name: string, used?: Excel.Range): SheetProbe {
  let range = used;
  if (!range) {
    range = ws.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
  }
  const a1 = ws.getRange("A1");
  a1.load("values");
  return { name, a1, used: range };
}

/** The probe's answer after the sync. */
export function probedState(probe: SheetProbe): SheetState {
  const u = probe.used;
  return {
    a1: probe.a1.values[0][0],
    used: u.isNullObject
      ? null
      : {
          top: u.rowIndex,
          left: u.columnIndex,
          bottom: u.rowIndex + u.rowCount - 1,
          right: u.columnIndex + u.columnCount - 1,
        },
  };
}

/** The probes' answers by sheet name, for `ownedSheetsFrom`. */
export function probedStates(probes: readonly SheetProbe[]): Map<string, SheetState> {
  return new Map(probes.map((p) => [p.name, probedState(p)]));
}
