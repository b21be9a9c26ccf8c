/**
 * What the .xlsx gateway needs from a formula engine to compute formulas saved without results (openpyxl and report
 * exporters write them): the references of one formula (for cell-graph.ts's order) and its value, reading other cells
 * through `cells`. Positions are absolute and 0-based, as in the snapshot. The engine (fast-formula.ts) is loaded only
 * when a workbook has such cells; a formula it cannot evaluate gives null and keeps its "recalculate in Excel" error.
 */
import type { CellRef, RangeRef } from "./cell-graph";

export type FormulaValue = number | string | boolean | null;

/** A cell as a formula reads it: a value, an Excel error, or "unknown" (a formula still without a result). */
export type FormulaInput = FormulaValue | { readonly error: string } | "unknown";

export interface FormulaCells {
  valueAt(sheet: string, row: number, col: number): FormulaInput;
  /** The last used row and column of a sheet (whole-column references stop there); null for an unknown sheet. */
  extent(sheet: string): { readonly bottom: number; readonly right: number } | null;
}

export type FormulaResult =
  | { readonly kind: "value"; readonly value: FormulaValue }
  | { readonly kind: "error"; readonly code: string };

export interface FormulaEngine {
  /** The ranges the formula reads (a cell is a 1×1 range), or null when it cannot be parsed. */
  references(formula: string, at: CellRef): readonly RangeRef[] | null;
  /** The formula's value; null when it cannot be evaluated (unknown function, reads an unknown cell, …). */
  evaluate(formula: string, at: CellRef, cells: FormulaCells): FormulaResult | null;
}
