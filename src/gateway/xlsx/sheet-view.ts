/**
 * An exceljs worksheet as the grid's SheetView: display text (a formula's cached result, rich text as plain text,
 * numbers in their number format), merges as spans, and the cues that make a report sheet readable (bold, fills,
 * alignment, column widths). Values are read with the .xlsx reader's own conversion, so the grid shows exactly what
 * the checker read. A formula saved without a calculated result has no value to show: the grid shows the formula
 * itself ("=SUM(C6:C8)"), as Excel does with Show Formulas, beside the finding that asks for a recalculation.
 */
import type ExcelJS from "exceljs";
import { parseA1Range } from "../../engine/a1";
import { isDateValue, isErrorValue, isUncalculated, type CellValue } from "../../engine/snapshot";
import { cellValueOf } from "./read";
import {
  COVERED,
  MAX_VIEW_COLS,
  MAX_VIEW_ROWS,
  columnWidthToPx,
  formatDate,
  formatNumber,
  type GridCell,
  type GridCellStyle,
  type GridSlot,
  type SheetView,
} from "../../app/sheet-view";

export function displayText(value: CellValue, numFmt: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  // The readers' code for "no calculated result" is not something Excel would show; sheetView shows the formula.
  if (isUncalculated(value)) return "";
  if (isErrorValue(value)) return value.code;
  if (isDateValue(value)) return formatDate(value);
  return "";
}

/** What the grid shows for a cell: its value as the checker read it, or the formula when it was never calculated. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cellValueOf(cell);
  if (isUncalculated(value)) return cell.formula ? `=${cell.formula}` : "";
  return displayText(value, cell.numFmt);
}

/** exceljs colours are ARGB ("FFFFC7CE"); theme and indexed colours carry no RGB and are left out. */
function cssColor(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === "string" && /^[0-9A-Fa-f]{8}$/.test(argb)
    ? `#${argb.slice(2).toUpperCase()}`
    : undefined;
}

function styleOf(cell: ExcelJS.Cell): GridCellStyle | undefined {
  const style: {
    -readonly [K in keyof GridCellStyle]: GridCellStyle[K];
  } = {};
  const font = cell.font;
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  const color = cssColor(font?.color);
  if (color && color !== "#000000") style.color = color;
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const fillColor = cssColor(fill.fgColor);
    if (fillColor) style.fill = fillColor;
  }
  const horizontal = cell.alignment?.horizontal;
  if (horizontal === "center" || horizontal === "centerContinuous") style.align = "center";
  else if (horizontal === "right") style.align = "right";
  else if (horizontal === "left") style.align = "left";
  if (cell.alignment?.wrapText) style.wrap = true;
  return Object.keys(style).length > 0 ? style : undefined;
}

/** Merged areas as 0-based boxes, from the worksheet's model ("A1:H1"). */
function mergesOf(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number }[] {
  const ranges = (ws.model as { merges?: string[] }).merges ?? [];
  return ranges.map((r) => parseA1Range(r));
}

export function sheetView(ws: ExcelJS.Worksheet, report: boolean): SheetView {
  const merges = mergesOf(ws);
  let totalRows = ws.rowCount;
  let totalCols = ws.columnCount;
  for (const m of merges) {
    totalRows = Math.max(totalRows, m.bottom + 1);
    totalCols = Math.max(totalCols, m.right + 1);
  }
  const rowCount = Math.min(totalRows, MAX_VIEW_ROWS);
  const colCount = Math.min(totalCols, MAX_VIEW_COLS);

  const rows: GridSlot[][] = Array.from({ length: rowCount }, () => new Array<GridSlot>(colCount).fill(null));
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of merges) {
    if (m.top >= rowCount || m.left >= colCount) continue;
    const bottom = Math.min(m.bottom, rowCount - 1);
    const right = Math.min(m.right, colCount - 1);
    for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) rows[r][c] = COVERED;
    spans.set(`${m.top},${m.left}`, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
  }

  for (let r = 0; r < rowCount; r++) {
    const row = ws.findRow(r + 1);
    for (let c = 0; c < colCount; c++) {
      const span = spans.get(`${r},${c}`);
      if (rows[r][c] === COVERED && !span) continue;
      const cell = row?.findCell(c + 1);
      const text = cell ? cellText(cell) : "";
      const style = cell ? styleOf(cell) : undefined;
      if (!span && text === "" && !style) continue;
      const slot: GridCell = {
        text,
        ...(style ? { style } : {}),
        ...(span && span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
        ...(span && span.colSpan > 1 ? { colSpan: span.colSpan } : {}),
      };
      rows[r][c] = slot;
    }
  }

  const columnWidths = Array.from({ length: colCount }, (_, c) => columnWidthToPx(ws.getColumn(c + 1).width));
  return {
    name: ws.name,
    report,
    hidden: ws.state === "hidden",
    rows,
    columnWidths,
    totalRows,
    totalCols,
  };
}
