/**
 * Reads what the ownership check needs from a worksheet part: the marker's rows, and a sheet's SheetState (A1 and the
 * values' bounding box), the way write.ts's worksheetState sees an exceljs worksheet — formulas by their cached
 * result, a formula without one still counting as used, cells covered by a merge left out.
 *
 * Only the marker and the sheets it lists are read this way, and those are our own small sheets; the user's sheets are
 * never parsed by the package writer.
 */
import { parseA1Range } from "../../../engine/a1";
import type { CellRange } from "../../../engine/snapshot";
import type { SheetState } from "../../../engine/report/index";
import {
  attr,
  childElement,
  childElements,
  parseXml,
  prefixOf,
  rootOf,
  tagOf,
  textOf,
  type XmlNode,
} from "./xml";

export type HeldValue = string | number | boolean | null;

export interface SheetCell {
  readonly row: number;
  readonly col: number;
  readonly value: HeldValue;
  readonly formula: boolean;
}

export interface SheetCells {
  readonly cells: readonly SheetCell[];
  readonly merges: readonly CellRange[];
  /** True when a cell refers to the shared string table (resolved through `sharedString`). */
  readonly usesSharedStrings: boolean;
}

/** "AB12" → 0-based row and column; null when not a cell reference. */
function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The text of a shared-string item or an inline string: its runs' text joined, phonetic runs left out. */
export function stringItemText(item: XmlNode, prefix: string): string {
  const t = childElement(item, "t", prefix);
  if (t) return textOf(t);
  return childElements(item, "r", prefix)
    .map((r) => {
      const rt = childElement(r, "t", prefix);
      return rt ? textOf(rt) : "";
    })
    .join("");
}

/** The shared strings of a package, as text. */
export function parseSharedStrings(xml: string): string[] {
  const root = rootOf(parseXml(xml));
  const prefix = prefixOf(tagOf(root) ?? "");
  return childElements(root, "si", prefix).map((si) => stringItemText(si, prefix));
}

function heldValue(c: XmlNode, prefix: string, sharedStrings: () => readonly string[]): HeldValue {
  const type = attr(c, "t") ?? "n";
  const v = childElement(c, "v", prefix);
  const raw = v ? textOf(v) : null;
  let value: HeldValue;
  if (type === "inlineStr") {
    const is = childElement(c, "is", prefix);
    value = is ? stringItemText(is, prefix) : null;
  } else if (raw === null) {
    value = null;
  } else if (type === "s") {
    value = sharedStrings()[Number(raw)] ?? null;
  } else if (type === "b") {
    value = raw === "1" || raw.toLowerCase() === "true";
  } else if (type === "str" || type === "e") {
    value = raw;
  } else {
    const n = Number(raw);
    value = raw.trim() !== "" && Number.isFinite(n) ? n : raw;
  }
  return value === "" ? null : value;
}

/** The cells of a worksheet part that hold a value or a formula, and its merges. */
export function readSheetCells(xml: string, sharedStrings: () => readonly string[]): SheetCells {
  const root = rootOf(parseXml(xml));
  const prefix = prefixOf(tagOf(root) ?? "");
  const cells: SheetCell[] = [];
  let usesSharedStrings = false;
  const sheetData = childElement(root, "sheetData", prefix);
  let rowIndex = -1;
  for (const row of sheetData ? childElements(sheetData, "row", prefix) : []) {
    const r = Number(attr(row, "r"));
    rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
    let colIndex = -1;
    for (const c of childElements(row, "c", prefix)) {
      const ref = cellRef(attr(c, "r") ?? "");
      colIndex = ref ? ref.col : colIndex + 1;
      const at = { row: ref ? ref.row : rowIndex, col: colIndex };
      if (attr(c, "t") === "s") usesSharedStrings = true;
      const formula = childElement(c, "f", prefix) !== undefined;
      const value = heldValue(c, prefix, sharedStrings);
      if (value !== null || formula) cells.push({ ...at, value, formula });
    }
  }
  const merges: CellRange[] = [];
  const mergeCells = childElement(root, "mergeCells", prefix);
  for (const m of mergeCells ? childElements(mergeCells, "mergeCell", prefix) : []) {
    try {
      merges.push(parseA1Range(attr(m, "ref") ?? ""));
    } catch {
      // a malformed merge reference merges nothing
    }
  }
  return { cells, merges, usesSharedStrings };
}

function covered(merges: readonly CellRange[], row: number, col: number): boolean {
  return merges.some(
    (m) =>
      row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
  );
}

/** The sheet as the fingerprint compares it (see write.ts worksheetState). */
export function sheetStateOf(sheet: SheetCells): SheetState {
  let a1: HeldValue = null;
  let used: CellRange | null = null;
  for (const cell of sheet.cells) {
    if (covered(sheet.merges, cell.row, cell.col)) continue;
    if (cell.row === 0 && cell.col === 0) a1 = cell.value;
    used = used
      ? {
          top: Math.min(used.top, cell.row),
          left: Math.min(used.left, cell.col),
          bottom: Math.max(used.bottom, cell.row),
          right: Math.max(used.right, cell.col),
        }
      : { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
  }
  return { a1, used };
}

/** The marker's rows as parseMarkerRows reads them: columns A to C of each row. */
export function markerRowsOf(sheet: SheetCells): HeldValue[][] {
  const rows = new Map<number, HeldValue[]>();
  for (const cell of sheet.cells) {
    if (cell.col > 2) continue;
    const row = rows.get(cell.row) ?? [null, null, null];
    row[cell.col] = cell.value;
    rows.set(cell.row, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}
