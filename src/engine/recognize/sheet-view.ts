/**
 * Read access to one sheet for the recognisers: raw values, what a merged cell shows, and TextCells.
 * Merges are indexed by row once, so asking "which merge covers this cell" costs the few merges of that row rather
 * than every merge of the sheet (a sheet may have thousands).
 */
import type { CellRange, CellValue, SheetSnapshot } from "../snapshot";
import type { CellPos, TextCell } from "../tables";
import { cellText } from "./labels";

/** Merges taller than this are kept in a short list instead of being indexed on each of their rows. */
const TALL_MERGE_ROWS = 2000;

export class SheetView {
  readonly name: string;
  /** Absolute bounds of the used range; bottom < top for an empty sheet. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly values: SheetSnapshot["values"];
  /** Whether every stored row is an array, so rowAt need not ask again for each row. */
  private readonly rowsAreArrays: boolean;
  private readonly mergesByRow = new Map<number, CellRange[]>();
  private readonly tallMerges: CellRange[] = [];

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.values = Array.isArray(sheet.values) ? sheet.values : [];
    this.top = safeInt(sheet.originRow);
    this.left = safeInt(sheet.originCol);
    let width = 0;
    let rowsAreArrays = true;
    // A ragged sheet's empty rows are one shared array (a cell at row 1,048,576 makes a million of them): each
    // distinct row is looked at once. Array.isArray is no cheap call everywhere (jest runs code in a vm context, where
    // V8 does not inline it), and the recognisers walk every row.
    let previous: unknown = NO_ROW;
    for (const r of this.values) {
      if (r === previous) continue;
      previous = r;
      if (!Array.isArray(r)) rowsAreArrays = false;
      else if (r.length > width) width = r.length;
    }
    this.rowsAreArrays = rowsAreArrays;
    this.bottom = this.top + this.values.length - 1;
    this.right = this.left + width - 1;
    for (const m of Array.isArray(sheet.merges) ? sheet.merges : []) this.indexMerge(m);
  }

  private indexMerge(m: CellRange): void {
    if (!m || ![m.top, m.left, m.bottom, m.right].every(Number.isInteger)) return;
    if (m.top > m.bottom || m.left > m.right) return;
    if (m.top === m.bottom && m.left === m.right) return; // a one-cell "merge" changes nothing
    if (m.bottom - m.top + 1 > TALL_MERGE_ROWS) {
      this.tallMerges.push(m);
      return;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      const list = this.mergesByRow.get(r);
      if (list) list.push(m);
      else this.mergesByRow.set(r, [m]);
    }
  }

  /** The value stored in the cell itself (null inside a merge but its top-left). */
  raw(row: number, col: number): CellValue {
    const r = this.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The merged area covering a cell, if any. */
  merge(row: number, col: number): CellRange | undefined {
    const list = this.mergesByRow.get(row);
    if (list) for (const m of list) if (col >= m.left && col <= m.right) return m;
    for (const m of this.tallMerges) {
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** Where the value a cell shows is stored: the merge's top-left, or the cell itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** What the cell shows: the merge's top-left value inside a merge. */
  shown(row: number, col: number): CellValue {
    const a = this.anchor(row, col);
    return this.raw(a.row, a.col);
  }

  shownText(row: number, col: number): string {
    const v = this.shown(row, col);
    return typeof v === "string" ? v.trim() : "";
  }

  pos(row: number, col: number): CellPos {
    return { sheet: this.name, row, col };
  }

  textCell(row: number, col: number): TextCell {
    const raw = this.raw(row, col);
    return { pos: this.pos(row, col), raw, text: cellText(raw) };
  }

  /** Number of stored rows, for loops that walk the grid once. */
  get rowCount(): number {
    return this.values.length;
  }

  /** The stored row at an offset from the top (may be ragged or missing). */
  rowAt(offset: number): readonly CellValue[] {
    const r = this.values[offset];
    if (this.rowsAreArrays) return r ?? NO_CELLS;
    return Array.isArray(r) ? r : NO_CELLS;
  }
}

/** Stands for "no row seen yet": equal to no row a snapshot can hold. */
const NO_ROW = Symbol("no row");

/** The row of an offset outside the grid, or of a stored row that is no array. */
const NO_CELLS: readonly CellValue[] = Object.freeze([]);

function safeInt(n: number): number {
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
