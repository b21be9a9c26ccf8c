/**
 * Renders one sheet of the report spec onto an ET worksheet: number formats, then values (one Value2 assignment for
 * the whole block), styles per rectangle of equal style, merges, sizes, links, view and print setup. The cells come
 * out as the .xlsx renderer writes them: the same values, merges and number formats.
 */
import { toA1 } from "../../engine/a1";
import {
  hyperlinkTarget,
  sheetExtent,
  type BorderWeight,
  type CellStyle,
  type PrintSpec,
  type ReportSheetKey,
  type SheetSpec,
} from "../../engine/report/spec";
import type { CellRange } from "../../engine/snapshot";
import {
  XL_CONTINUOUS,
  XL_EDGE,
  XL_H_ALIGN,
  XL_LANDSCAPE,
  XL_MEDIUM,
  XL_PAPER_A4,
  XL_PATTERN_SOLID,
  XL_PORTRAIT,
  XL_THIN,
  XL_UNDERLINE_SINGLE,
  XL_V_ALIGN,
  toBgr,
  type EtApplication,
  type EtRange,
  type EtScalar,
  type EtWorksheet,
  type XlBordersIndex,
} from "./et-api";
import { rangeAt } from "./sheets";

/** Text ET would turn into something else when typed into a cell that is not formatted as text. */
const REINTERPRETED = /^\s*([=+\-@]|[+-]?[\d.,]+%?\s*$|\d{1,4}[-/年]\d{1,2})/;

/**
 * The number format a cell gets: the style's, as the .xlsx renderer writes it, or "@" for text from the user's
 * workbook and for our own text that ET would otherwise read as a formula, a number or a date.
 */
export function formatOf(value: string | number | null, text: boolean, style: CellStyle | undefined): string {
  if (text || (typeof value === "string" && REINTERPRETED.test(value))) return "@";
  return style?.numberFormat ?? "General";
}

/**
 * Cells grouped into rectangles: runs along each row, then runs of the same columns stacked over consecutive rows.
 * Few rectangles mean few calls into ET.
 */
export function rectangles(cells: readonly { row: number; col: number }[]): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  const runs: CellRange[] = [];
  for (const [row, cols] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(cols)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      runs.push({ top: row, bottom: row, left: start, right: sorted[i - 1] });
      start = sorted[i];
    }
  }
  const open = new Map<string, CellRange>();
  const out: CellRange[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const last = open.get(key);
    if (last && last.bottom === run.top - 1) {
      const grown = { ...last, bottom: run.top };
      out[out.indexOf(last)] = grown;
      open.set(key, grown);
    } else {
      out.push(run);
      open.set(key, run);
    }
  }
  return out;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function writeValues(ws: EtWorksheet, spec: RenderedSheet): void {
  const { rows, cols } = sheetExtent(spec);
  if (rows === 0 || cols === 0) return;
  const values: EtScalar[][] = Array.from({ length: rows }, () => new Array<EtScalar>(cols).fill(null));
  const formats: { row: number; col: number; format: string }[] = [];
  for (const c of spec.cells) {
    const format = formatOf(c.value, c.text === true, spec.styles[c.styleId]);
    if (format !== "General") formats.push({ row: c.row, col: c.col, format });
    // "" is written as an empty cell, as the other renderers do (the fingerprint counts it as none).
    values[c.row][c.col] = c.value === "" ? null : c.value;
  }
  // Formats before values: "@" is what keeps "=HYPERLINK(…)" or "00123" as the text it is.
  for (const [format, cells] of groupBy(formats, (f) => f.format))
    for (const rect of rectangles(cells)) rangeAt(ws, rect).NumberFormat = format;
  rangeAt(ws, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 }).Value2 = values;
}

function weightOf(weight: BorderWeight): number {
  return weight === "medium" ? XL_MEDIUM : XL_THIN;
}

function setBorder(range: EtRange, index: XlBordersIndex, weight: BorderWeight): void {
  const border = range.Borders.Item(index);
  border.LineStyle = XL_CONTINUOUS;
  border.Weight = weightOf(weight);
  border.Color = 0;
}

function applyStyle(range: EtRange, rect: CellRange, style: CellStyle): void {
  const f = style.font;
  if (f) {
    if (f.name) range.Font.Name = f.name;
    if (f.size) range.Font.Size = f.size;
    if (f.bold) range.Font.Bold = true;
    if (f.italic) range.Font.Italic = true;
    if (f.underline) range.Font.Underline = XL_UNDERLINE_SINGLE;
    if (f.color) range.Font.Color = toBgr(f.color);
  }
  if (style.fill) {
    range.Interior.Pattern = XL_PATTERN_SOLID;
    range.Interior.Color = toBgr(style.fill);
  }
  if (style.horizontal) range.HorizontalAlignment = XL_H_ALIGN[style.horizontal];
  if (style.vertical) range.VerticalAlignment = XL_V_ALIGN[style.vertical];
  if (style.wrap) range.WrapText = true;
  if (style.indent) range.IndentLevel = style.indent;
  const b = style.borders;
  if (!b) return;
  if (b.top) setBorder(range, XL_EDGE.top, b.top);
  if (b.bottom) setBorder(range, XL_EDGE.bottom, b.bottom);
  if (b.left) setBorder(range, XL_EDGE.left, b.left);
  if (b.right) setBorder(range, XL_EDGE.right, b.right);
  // Every cell of the rectangle has the style's lines, so the lines between them are drawn too.
  const between = b.bottom ?? b.top;
  if (between && rect.bottom > rect.top) setBorder(range, XL_EDGE.insideHorizontal, between);
  const across = b.right ?? b.left;
  if (across && rect.right > rect.left) setBorder(range, XL_EDGE.insideVertical, across);
}

function writeStyles(ws: EtWorksheet, spec: RenderedSheet): void {
  for (const [styleId, cells] of groupBy(spec.cells, (c) => c.styleId)) {
    const style = spec.styles[styleId];
    if (!style) throw new Error(`report spec: sheet "${spec.key}" has no style "${styleId}"`);
    for (const rect of rectangles(cells)) applyStyle(rangeAt(ws, rect), rect, style);
  }
}

function writeSizes(ws: EtWorksheet, spec: RenderedSheet): void {
  spec.columnWidths.forEach((width, i) => {
    ws.Columns.Item(i + 1).ColumnWidth = width;
  });
  for (const [row, height] of Object.entries(spec.rowHeights))
    ws.Rows.Item(Number(row) + 1).RowHeight = height;
}

function writeLinks(
  ws: EtWorksheet,
  spec: RenderedSheet,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
): void {
  for (const c of spec.cells) {
    if (!c.hyperlink || c.value === null || c.value === "") continue;
    // A link on a merged cell anchors on the whole merged area, as ET does when the user adds it: writing the link's
    // text into the top-left cell alone would cut through the merge.
    const merged = spec.merges.find((m) => m.top === c.row && m.left === c.col);
    ws.Hyperlinks.Add(
      merged ? rangeAt(ws, merged) : ws.Range(toA1(c.row, c.col)),
      "",
      hyperlinkTarget(c.hyperlink, names),
      undefined,
      String(c.value),
    );
  }
}

/** Points per inch: ET's page margins are in points, the spec's in inches. */
const POINTS_PER_INCH = 72;

export function writePrintSetup(ws: EtWorksheet, print: PrintSpec): void {
  const p = ws.PageSetup;
  p.PaperSize = XL_PAPER_A4;
  p.Orientation = print.orientation === "landscape" ? XL_LANDSCAPE : XL_PORTRAIT;
  p.Zoom = false;
  p.FitToPagesWide = print.fitToWidth;
  p.FitToPagesTall = false;
  p.CenterHorizontally = print.centerHorizontally;
  p.LeftMargin = print.margins.left * POINTS_PER_INCH;
  p.RightMargin = print.margins.right * POINTS_PER_INCH;
  p.TopMargin = print.margins.top * POINTS_PER_INCH;
  p.BottomMargin = print.margins.bottom * POINTS_PER_INCH;
  p.HeaderMargin = print.margins.header * POINTS_PER_INCH;
  p.FooterMargin = print.margins.footer * POINTS_PER_INCH;
  p.PrintTitleRows = print.printTitleRows ? `$${print.printTitleRows.replace(":", ":$")}` : "";
  p.CenterFooter = print.footer;
}

/** Gridlines and frozen panes belong to the window, so the sheet is activated first. */
function writeView(app: EtApplication, ws: EtWorksheet, spec: RenderedSheet, gridLines: boolean): void {
  ws.Activate();
  const window = app.ActiveWindow;
  if (!window) return;
  window.DisplayGridlines = gridLines;
  if (spec.freeze) {
    window.SplitRow = spec.freeze.rows;
    window.SplitColumn = spec.freeze.cols;
    window.FreezePanes = true;
  }
}

/** What the renderer draws: a report sheet, or a template sheet (no hyperlinks, no chart, gridlines kept). */
export type RenderedSheet = Omit<SheetSpec, "key" | "chart" | "showGridLines"> & { readonly key: string };

export function renderSheet(
  app: EtApplication,
  ws: EtWorksheet,
  spec: RenderedSheet,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
  options: { readonly gridLines: boolean } = { gridLines: false },
): void {
  writeValues(ws, spec);
  writeStyles(ws, spec);
  // Merges after the values: only each area's top-left cell holds one, so nothing is thrown away.
  for (const m of spec.merges) rangeAt(ws, m).Merge();
  writeSizes(ws, spec);
  writeLinks(ws, spec, names);
  writePrintSetup(ws, spec.print);
  writeView(app, ws, spec, options.gridLines);
}
