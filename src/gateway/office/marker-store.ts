/**
 * The key/value store WPS 表格 keeps in the very-hidden `_selfeval` marker sheet (src/gateway/wps/store.ts), read and
 * written from Office.js, so a workbook explained in WPS shows its 出错说明 in Excel and the reverse. The layout is
 * WPS's: a key in column Z, its JSON value in pieces of at most 30,000 characters from AA on, one key a row (the last
 * row of a key counts, as in WPS). Only the marker's used range is loaded, in the sync the caller already makes.
 */
import { columnName } from "../../engine/a1";
import { MARKER_SHEET_NAME, MARKER_STORE_KEY_COLUMN } from "../../engine/report/sheet-names";

/** As WPS cuts a value (src/gateway/wps/store.ts STORE_PIECE_CHARS): a cell holds 32,767 characters. */
const PIECE_CHARS = 30_000;

/** The marker sheet among the loaded `items/name`, or undefined when the workbook has none. */
export function findMarker(items: readonly Excel.Worksheet[]): Excel.Worksheet | undefined {
  const upper = MARKER_SHEET_NAME.toUpperCase();
  return items.find((ws) => ws.name.toUpperCase() === upper);
}

/** Queues the load of the marker's store (read after the next sync with `storeRows`). */
export function loadMarkerStore(marker: Excel.Worksheet): Excel.Range {
  const used = marker.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  return used;
}

export interface StoreRow {
  /** 0-based row on the marker sheet. */
  readonly row: number;
  readonly key: string;
  /** The pieces joined. */
  readonly json: string;
}

/** The store's rows with a key, in sheet order, from the loaded used range. */
export function storeRows(used: Excel.Range): StoreRow[] {
  if (used.isNullObject) return [];
  const keyAt = MARKER_STORE_KEY_COLUMN - used.columnIndex;
  if (keyAt < 0) return [];
  const rows: StoreRow[] = [];
  used.values.forEach((line, i) => {
    const key = line[keyAt];
    if (typeof key !== "string" || key === "") return;
    const json = line
      .slice(keyAt + 1)
      .map((v) => (typeof v === "string" ? v : ""))
      .join("");
    rows.push({ row: used.rowIndex + i, key, json });
  });
  return rows;
}

/** The value stored under `key` (its last row, as WPS reads it), or null when none or unreadable. */
export function storeValue(rows: readonly StoreRow[], key: string): unknown {
  const row = [...rows].reverse().find((r) => r.key === key);
  if (!row) return null;
  try {
    return JSON.parse(row.json) as unknown;
  } catch {
    return null; // a cut-off or hand-edited value reads as none, as in WPS
  }
}

/**
 * Queues writing `value` under `key` (null: the key's row is cleared, as WPS removes a key): into the key's row when
 * it has one, else the row after the last key. Text format first, so no piece is ever read as a number or a formula.
 */
export function queueStoreWrite(
  marker: Excel.Worksheet,
  rows: readonly StoreRow[],
  key: string,
  value: unknown,
): void {
  const own = rows.filter((r) => r.key === key);
  const keyCell = (line: number): string => `${columnName(MARKER_STORE_KEY_COLUMN)}${line + 1}`;
  for (const r of own)
    marker.getRange(`${keyCell(r.row)}:XFD${r.row + 1}`).clear("Contents" as Excel.ClearApplyTo);
  if (value === null) return;
  const row = own.length > 0 ? own[own.length - 1].row : rows.length > 0 ? rows[rows.length - 1].row + 1 : 0;
  const json = JSON.stringify(value);
  const line = [key];
  for (let i = 0; i < json.length; i += PIECE_CHARS) line.push(json.slice(i, i + PIECE_CHARS));
  const target = marker.getRange(
    `${keyCell(row)}:${columnName(MARKER_STORE_KEY_COLUMN + line.length - 1)}${row + 1}`,
  );
  target.numberFormat = [line.map(() => "@")];
  target.values = [line];
}
