/**
 * The state of a fake ET sheet: cells, merged areas, sizes and links, in 0-based coordinates. The API surface
 * (1-based, Value2 arrays, what throws) is in range.ts and workbook.ts; this file only holds data.
 */
import type { CellRange } from "../../../src/engine/snapshot";

/** Rows and columns of an ET sheet (as in Excel 2007+). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A cell with no fill reports white and pattern xlNone, as ET's Interior does. */
export const WHITE = 16_777_215;
export const NO_PATTERN = -4142;

/** Error values: the literal ET shows and the number Value2 hands to JavaScript (the COM CVErr HRESULT). */
export const ERROR_NUMBERS: Readonly<Record<string, number>> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

export interface FakeCell {
  value: string | number | boolean | undefined;
  /** An error literal ("#DIV/0!") when the cell holds an error value. */
  error?: string;
  formula?: string;
  numberFormat: string;
  fillColor: number;
  fillPattern: number;
  /** Every other format property set on the cell, by its path ("Font.Bold", "Borders.9.Weight"). */
  readonly formats: Map<string, unknown>;
}

export function newCell(): FakeCell {
  return {
    value: undefined,
    numberFormat: "General",
    fillColor: WHITE,
    fillPattern: NO_PATTERN,
    formats: new Map(),
  };
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** True when the cell holds nothing a user would see or that changes its look. */
export function isBlank(cell: FakeCell): boolean {
  return (
    cell.value === undefined &&
    cell.error === undefined &&
    cell.formula === undefined &&
    cell.numberFormat === "General" &&
    cell.fillPattern === NO_PATTERN &&
    cell.formats.size === 0
  );
}
