/**
 * What the .xlsx readers need from a formula engine to compute formulas saved without results (openpyxl and report
 * exporters write them): one formula at a time, on a sheet, reading other cells through `valueAt`. The engine (an
 * MIT-licensed one, lazy-loaded only when a workbook has such cells) is not chosen yet; cell-graph.ts gives the order.
 * A formula the engine cannot evaluate returns null and keeps its "recalculate in Excel" error.
 */
export type FormulaValue = number | string | boolean | null;

export interface FormulaEngine {
  evaluate(
    formula: string,
    at: { readonly sheet: string; readonly row: number; readonly col: number },
    valueAt: (sheet: string, row: number, col: number) => FormulaValue,
  ): FormulaValue | undefined;
}
