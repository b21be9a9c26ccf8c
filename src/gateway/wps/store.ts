/**
 * The key/value store that travels with the workbook in WPS: the settings and the fills saved before highlighting.
 * It lives in the very-hidden `_selfeval` marker sheet (the user never sees it, the readers of every gateway skip it),
 * from column Z on — columns A:C list our report sheets and D to Y hold the charts' data (chart.ts here, the Office.js gateway there).
 * Column Z holds the key, AA onward the JSON value in pieces: a cell holds at most 32,767 characters, and the saved
 * fills of 5,000 cells run to a few hundred thousand. Custom document properties were the other choice; their text
 * values are limited to 255 characters, which the fills alone exceed.
 */
import type { EtApplication, EtScalar, EtWorksheet } from "./et-api";
import { activeWorkbook, findSheet, rectOf, valueRows } from "./sheets";
import { MARKER_SHEET_NAME, MARKER_STORE_KEY_COLUMN } from "../../engine/report/sheet-names";
import { ensureMarker, withoutAlerts } from "./write";
import { protectedError } from "./errors";
import { columnName } from "../../engine/a1";

/** 0-based column of the keys (Z); the value's pieces follow it. */
export const STORE_KEY_COLUMN = MARKER_STORE_KEY_COLUMN;
export const STORE_PIECE_CHARS = 30_000;

function keyColumn(): string {
  return columnName(STORE_KEY_COLUMN);
}

/** The row (1-based) of every key, read from column Z. */
function keyRows(marker: EtWorksheet): Map<string, number> {
  const used = rectOf(marker.UsedRange);
  const keys = valueRows(marker.Range(`${keyColumn()}1:${keyColumn()}${used.bottom + 1}`).Value2);
  const rows = new Map<string, number>();
  keys.forEach((line, i) => {
    if (typeof line[0] === "string" && line[0] !== "") rows.set(line[0], i + 1);
  });
  return rows;
}

function pieces(marker: EtWorksheet, row: number): string {
  const used = rectOf(marker.UsedRange);
  if (used.right <= STORE_KEY_COLUMN) return "";
  const from = columnName(STORE_KEY_COLUMN + 1);
  const to = columnName(used.right);
  const line: EtScalar[] = valueRows(marker.Range(`${from}${row}:${to}${row}`).Value2)[0] ?? [];
  return line.map((v) => (typeof v === "string" ? v : "")).join("");
}

function clearRow(marker: EtWorksheet, row: number): void {
  const used = rectOf(marker.UsedRange);
  if (used.right < STORE_KEY_COLUMN) return;
  marker.Range(`${keyColumn()}${row}:${columnName(used.right)}${row}`).Value2 = null;
}

/** What travels with the workbook, by key, as JSON. */
export interface WorkbookStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/**
 * A WorkbookStore over the marker sheet. Reads and writes go straight to the sheet (ET saves them with the file). A protected marker or workbook structure refuses with the localized error.
 */
export function markerStore(app: EtApplication): WorkbookStore {
  const marker = (): EtWorksheet | null => findSheet(activeWorkbook(app), MARKER_SHEET_NAME);

  function writable(): EtWorksheet {
    const wb = activeWorkbook(app);
    const existing = findSheet(wb, MARKER_SHEET_NAME);
    if (!existing && wb.ProtectStructure) throw protectedError({ workbook: true });
    if (existing?.ProtectContents) throw protectedError({ sheets: [existing.Name] });
    return existing ?? withoutAlerts(app, () => ensureMarker(wb));
  }

  return {
    get(key: string): unknown {
      const m = marker();
      if (!m) return null;
      const row = keyRows(m).get(key);
      if (row === undefined) return null;
      try {
        return JSON.parse(pieces(m, row)) as unknown;
      } catch {
        return null; // a hand-edited or cut-off value reads as none, and the caller uses its defaults
      }
    },
    set(key: string, value: unknown): void {
      const m = writable();
      const rows = keyRows(m);
      const row = rows.get(key) ?? Math.max(0, ...rows.values()) + 1;
      if (rows.has(key)) clearRow(m, row);
      const json = JSON.stringify(value);
      const parts: string[] = [];
      for (let i = 0; i < json.length; i += STORE_PIECE_CHARS)
        parts.push(json.slice(i, i + STORE_PIECE_CHARS));
      const line = [key, ...parts];
      const target = m.Range(`${keyColumn()}${row}:${columnName(STORE_KEY_COLUMN + line.length - 1)}${row}`);
      target.NumberFormat = "@";
      target.Value2 = [line];
    },
    remove(key: string): void {
      const m = marker();
      if (!m) return;
      const row = keyRows(m).get(key);
      if (row === undefined) return;
      if (m.ProtectContents) throw protectedError({ sheets: [m.Name] });
      clearRow(m, row);
    },
  };
}
