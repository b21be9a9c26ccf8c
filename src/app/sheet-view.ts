/**
 * What a host without a window of its own shows of a sheet (the browser preview's grid): display text, merges as
 * spans and a few visual cues (bold, fill, alignment). Built by a gateway (the .xlsx one: src/gateway/xlsx/sheet-view.ts)
 * and drawn by the preview's SheetGrid; kept free of exceljs and React so either side and its tests need neither.
 */
import { columnName } from "../engine/a1";
import type { DateValue } from "../engine/snapshot";

export interface GridCellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** CSS colour "#RRGGBB". */
  readonly fill?: string;
  readonly color?: string;
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
}

export interface GridCell {
  readonly text: string;
  readonly style?: GridCellStyle;
  /** Set on the top-left cell of a merged area. */
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/** A cell hidden under a merge: the grid draws nothing there. */
export const COVERED = "covered" as const;

export type GridSlot = GridCell | null | typeof COVERED;

export interface SheetView {
  readonly name: string;
  /** One of the report sheets this tool wrote. */
  readonly report: boolean;
  readonly hidden: boolean;
  /** Slots row-major from A1, at most MAX_VIEW_ROWS × MAX_VIEW_COLS. */
  readonly rows: readonly (readonly GridSlot[])[];
  /** Column widths in CSS pixels, one per drawn column. */
  readonly columnWidths: readonly number[];
  /** The sheet's real extent, to say when it was cut. */
  readonly totalRows: number;
  readonly totalCols: number;
}

/** The grid draws at most this much of a sheet: enough for any 自评 table, small enough to stay responsive. */
export const MAX_VIEW_ROWS = 1000;
export const MAX_VIEW_COLS = 60;

/** Excel's default column width (8.43 characters) in pixels, and its character-to-pixel rule. */
export const DEFAULT_COLUMN_PX = 64;
export function columnWidthToPx(widthInChars: number | undefined): number {
  if (!widthInChars || !Number.isFinite(widthInChars) || widthInChars <= 0) return DEFAULT_COLUMN_PX;
  return Math.min(480, Math.round(widthInChars * 7 + 5));
}

export function isCut(view: SheetView): boolean {
  return view.totalRows > view.rows.length || view.totalCols > view.columnWidths.length;
}

/** "A", "B", … for the header row. */
export function columnLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => columnName(i));
}

function decimalsIn(format: string, before: RegExp): number {
  const m = before.exec(format);
  return m ? m[1].length : 0;
}

function grouped(fixed: string): string {
  const negative = fixed.startsWith("-");
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (negative ? "-" : "") + withCommas + (frac !== undefined ? `.${frac}` : "");
}

/**
 * A number as Excel would show it under the common formats a budget workbook uses: percentages ("0.00%"), thousands
 * separators ("#,##0.00"), fixed decimals ("0.00"); anything else like General (up to 15 significant digits, which
 * hides binary noise such as 0.30000000000000004).
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  // The first section of a multi-section format is the one for positive numbers and, without a second, for all.
  const format = (numFmt ?? "").split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (format.includes("%")) {
    const d = decimalsIn(format, /\.(0+)%/);
    return `${(value * 100).toFixed(d)}%`;
  }
  if (/[0#]/.test(format) && format !== "@") {
    const d = decimalsIn(format, /\.(0+)/);
    const fixed = value.toFixed(d);
    return format.includes(",") ? grouped(fixed) : fixed;
  }
  return String(Number(value.toPrecision(15)));
}

export function formatDate(value: DateValue): string {
  return value.iso.replace("T", " ");
}
