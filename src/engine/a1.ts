/** A1 address helpers. All coordinates are absolute and 0-based; A1 text is 1-based as Excel shows it. */
import type { CellRange } from "./snapshot";

export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(name)) throw new RangeError(`bad column name ${name}`);
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Parses "C8", "$C$8", "B4:E13" (optionally prefixed by "Sheet!" or "'My sheet'!", which is dropped). */
export function parseA1Range(text: string): CellRange {
  const bang = text.lastIndexOf("!");
  const body = (bang >= 0 ? text.slice(bang + 1) : text).replace(/\$/g, "").trim();
  const [a, b = a] = body.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function parseA1(text: string): { row: number; col: number } {
  return parseCell(text.replace(/\$/g, "").trim());
}

function parseCell(text: string): { row: number; col: number } {
  const m = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(text);
  if (!m) throw new RangeError(`bad cell address ${text}`);
  const row = Number(m[2]) - 1;
  if (row < 0) throw new RangeError(`bad cell address ${text}`);
  return { row, col: columnIndex(m[1]) };
}

/** Quotes a sheet name for use in a formula or hyperlink target, e.g. 'My sheet'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
