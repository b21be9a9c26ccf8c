/**
 * Reads a built corpus workbook back as the grid the filing JSON describes, so the drift test and the builder agree on
 * what "the .xlsx matches its JSON" means: same sheets in order, same written cells, same merges.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import type { Cell, Filing } from "./corpus-format";

export interface ReadSheet {
  readonly name: string;
  readonly rows: Cell[][];
  readonly merges: string[];
}

/** The written cells of a worksheet: covered merge cells and blanks are null, trailing nulls and empty rows dropped. */
function gridOf(ws: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value;
      if (v === null || v === undefined) return;
      if (typeof v !== "string" && typeof v !== "number") {
        throw new Error(
          `${ws.name}!${cell.address}: a ${typeof v} value, the corpus holds only text and numbers`,
        );
      }
      while (rows.length < r) rows.push([]);
      const line = rows[r - 1];
      while (line.length < c) line.push(null);
      line[c - 1] = v;
    });
  });
  return trimmed(rows);
}

/** Rows with trailing nulls and trailing empty rows dropped, so JSON and workbook compare as written cells. */
export function trimmed(rows: readonly (readonly Cell[])[]): Cell[][] {
  const out = rows.map((row) => {
    const line = [...row];
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    return line;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

export async function readBack(bytes: Uint8Array): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => ({
    name: ws.name,
    rows: gridOf(ws),
    merges: [...(ws.model as unknown as { merges: string[] }).merges].sort(),
  }));
}

/** What the filing says the workbook holds, in the shape readBack gives. */
export function expectedSheets(filing: Filing): ReadSheet[] {
  return filing.sheets.map((s) => ({ name: s.name, rows: trimmed(s.rows), merges: [...s.merges].sort() }));
}

export async function matches(filing: Filing, bytes: Uint8Array): Promise<boolean> {
  return JSON.stringify(await readBack(bytes)) === JSON.stringify(expectedSheets(filing));
}
