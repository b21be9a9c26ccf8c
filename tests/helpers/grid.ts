/** Builds engine snapshots from literal grids, so tests read like the worksheets they stand for. */
import { parseA1Range } from "../../src/engine/a1";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { errorValue } from "../../src/engine/snapshot";

export interface SheetOptions {
  /** Top-left cell of values[0][0], e.g. "B3" (default "A1"). */
  origin?: string;
  /** Merged areas as A1 ranges, e.g. ["A1:F1", "C3:E3"]. */
  merges?: string[];
  hidden?: boolean;
}

/** A sheet from rows of values. Strings starting with "#" and ending with "!" or "A" are Excel error values. */
export function sheet(name: string, rows: CellValue[][], options: SheetOptions = {}): SheetSnapshot {
  const origin = parseA1Range(options.origin ?? "A1");
  return {
    name,
    originRow: origin.top,
    originCol: origin.left,
    values: rows.map((r) =>
      r.map((v) => (typeof v === "string" && /^#[A-Z/0]+[!?A]$/.test(v) ? errorValue(v) : v)),
    ),
    merges: (options.merges ?? []).map(parseA1Range),
    hidden: options.hidden,
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}
