/**
 * The workbook as the engine sees it: plain data, no Office, DOM or Node types.
 * Both gateways (Office.js and exceljs) produce exactly this shape, so the engine cannot tell them apart.
 */

/** An Excel error value such as #REF!, #DIV/0!, #N/A, kept apart from text so no rule mistakes it for a label. */
export interface ErrorValue {
  readonly kind: "error";
  /** The error literal as Excel shows it, e.g. "#REF!". */
  readonly code: string;
}

/** A date cell. Kept as ISO text so snapshots stay JSON-serialisable and deterministic. */
export interface DateValue {
  readonly kind: "date";
  readonly iso: string;
}

export type CellValue = null | number | string | boolean | ErrorValue | DateValue;

/** A rectangle in absolute 0-based sheet coordinates, inclusive on both ends. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** Absolute 0-based row of values[0]. */
  readonly originRow: number;
  /** Absolute 0-based column of values[r][0]. */
  readonly originCol: number;
  /** Cell values of the used range, row-major; rows may be ragged (missing cells are empty). */
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas in the same layout as values where the gateway read them ("=SUM(B2:B9)"), else absent. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Merged areas, absolute coordinates. */
  readonly merges: readonly CellRange[];
  /** Hidden sheets are kept (so findings can name them) but flagged. */
  readonly hidden?: boolean;
  /**
   * Formula cells the workbook carried without a cached result whose values the .xlsx gateway computed itself
   * (absolute 0-based positions, in evaluation order), so the checker can say the figures are the tool's, not Excel's.
   */
  readonly computedCells?: readonly { readonly row: number; readonly col: number }[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
}

export function isErrorValue(v: CellValue | undefined): v is ErrorValue {
  return typeof v === "object" && v !== null && v.kind === "error";
}

export function isDateValue(v: CellValue | undefined): v is DateValue {
  return typeof v === "object" && v !== null && v.kind === "date";
}

export function errorValue(code: string): ErrorValue {
  return { kind: "error", code };
}

/**
 * The code the .xlsx readers give a formula cell saved without a cached result (a budget system's export, or a tool,
 * that wrote the formula but never calculated it). Not one of Excel's error literals: Excel, and so Office.js, always
 * calculates before it hands out values and never produces it. It is an ErrorValue so that every rule that leaves an
 * error cell out of the sums and the scores does so here too (an empty reading would make a total "0.00"); the checker
 * words its finding for it on its own (recalculate and save in Excel).
 */
export const UNCALCULATED_CODE = "#UNCALCULATED";

export function uncalculatedValue(): ErrorValue {
  return errorValue(UNCALCULATED_CODE);
}

/** True for a formula cell whose workbook carried no calculated result. */
export function isUncalculated(v: CellValue | undefined): boolean {
  return isErrorValue(v) && v.code === UNCALCULATED_CODE;
}

/** The value at an absolute position, or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}

/** Absolute bounds of the used range (bottom/right inclusive); null for an empty sheet. */
export function sheetBounds(sheet: SheetSnapshot): CellRange | null {
  const rows = sheet.values.length;
  if (rows === 0) return null;
  let width = 0;
  for (const r of sheet.values) if (r.length > width) width = r.length;
  if (width === 0) return null;
  return {
    top: sheet.originRow,
    left: sheet.originCol,
    bottom: sheet.originRow + rows - 1,
    right: sheet.originCol + width - 1,
  };
}
