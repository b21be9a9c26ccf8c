/**
 * Renders one sheet of the report spec onto a worksheet proxy. Only queues commands (the caller syncs), and the number
 * of commands grows with the number of styles, merges and links, never with the number of plain cells.
 */
import {
  columnWidthToPoints,
  hyperlinkTarget,
  sheetExtent,
  type CellStyle,
  type ChartSpec,
  type PrintSpec,
  type ReportSheetKey,
  type SheetSpec,
} from "../../engine/report/spec";
import { rangeToA1, toA1 } from "../../engine/a1";
import type { CellRange } from "../../engine/snapshot";
import { addressBatches, applyBorders, applyStyle, borderLines, rectanglesOf } from "./write-format";

export interface HostFeatures {
  /** ExcelApi 1.9: RangeAreas for styles, indent levels, page layout. */
  readonly api19: boolean;
  /** ExcelApi 1.8: hiding gridlines. */
  readonly api18: boolean;
}

/**
 * The number format of every cell, then the values, each as one assignment over the sheet's block. Strings get "@"
 * first so that Excel keeps them as typed: user text like "=HYPERLINK(…)", "+1", "00123" or "50%" is never turned into
 * a formula or a number. Numbers keep their style's format.
 */
function writeValues(ws: Excel.Worksheet, spec: SheetSpec): void {
  const { rows, cols } = sheetExtent(spec);
  if (rows === 0 || cols === 0) return;
  const values: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array<string | number>(cols).fill(""),
  );
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const c of spec.cells) {
    const style: CellStyle | undefined = spec.styles[c.styleId];
    const isText = c.text === true || typeof c.value === "string";
    formats[c.row][c.col] = isText ? "@" : (style?.numberFormat ?? "General");
    values[c.row][c.col] = c.value ?? "";
  }
  const block = ws.getRangeByIndexes(0, 0, rows, cols);
  block.numberFormat = formats;
  block.values = values;
}

/** Each style once, over all its cells: one RangeAreas per address batch (1.9), else one Range per rectangle. */
function writeStyles(ws: Excel.Worksheet, spec: SheetSpec, features: HostFeatures): void {
  const cellsByStyle = new Map<string, { row: number; col: number }[]>();
  for (const c of spec.cells) {
    const list = cellsByStyle.get(c.styleId) ?? [];
    list.push({ row: c.row, col: c.col });
    cellsByStyle.set(c.styleId, list);
  }
  for (const [styleId, cells] of cellsByStyle) {
    const style = spec.styles[styleId];
    if (!style) throw new Error(`report spec: sheet "${spec.key}" has no style "${styleId}"`);
    const rects = rectanglesOf(cells);
    const targets = features.api19
      ? addressBatches(rects).map((a) => ws.getRanges(a).format)
      : rects.map((rect) => ws.getRange(rangeToA1(rect)).format);
    for (const format of targets) applyStyle(format, style, features.api19);
    if (style.borders) writeBorders(ws, rects, style, features);
  }
}

/** Inside lines only exist in rectangles of more than one row/column, so rectangles are grouped by shape first. */
function writeBorders(
  ws: Excel.Worksheet,
  rects: readonly CellRange[],
  style: CellStyle,
  features: HostFeatures,
): void {
  const groups = new Map<string, CellRange[]>();
  for (const r of rects) {
    const key = `${r.bottom > r.top}|${r.right > r.left}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const [multiRow, multiCol] = key.split("|").map((s) => s === "true");
    const lines = borderLines(style.borders ?? {}, multiRow, multiCol);
    if (lines.size === 0) continue;
    const targets = features.api19
      ? addressBatches(group).map((a) => ws.getRanges(a).format)
      : group.map((rect) => ws.getRange(rangeToA1(rect)).format);
    for (const format of targets) applyBorders(format, lines);
  }
}

/** One-row merges of the same columns in consecutive rows become one "merge across" call. */
function writeMerges(ws: Excel.Worksheet, merges: readonly CellRange[]): void {
  const singles: CellRange[] = [];
  for (const m of merges) {
    if (m.top === m.bottom) singles.push(m);
    else ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  }
  singles.sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  let i = 0;
  while (i < singles.length) {
    const first = singles[i];
    let j = i + 1;
    while (
      j < singles.length &&
      singles[j].left === first.left &&
      singles[j].right === first.right &&
      singles[j].top === singles[j - 1].top + 1
    ) {
      j++;
    }
    const rows = j - i;
    ws.getRangeByIndexes(first.top, first.left, rows, first.right - first.left + 1).merge(rows > 1);
    i = j;
  }
}

/** Runs of equal values by index → [start, count, value]. */
function runs(entries: readonly [number, number][]): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: [number, number, number][] = [];
  for (const [i, v] of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[2] === v) last[1] += 1;
    else out.push([i, 1, v]);
  }
  return out;
}

function writeSizes(ws: Excel.Worksheet, spec: SheetSpec): void {
  for (const [col, count, width] of runs(spec.columnWidths.map((w, i) => [i, w]))) {
    ws.getRangeByIndexes(0, col, 1, count).format.columnWidth = columnWidthToPoints(width);
  }
  const heights = Object.entries(spec.rowHeights).map(([r, h]) => [Number(r), h] as [number, number]);
  for (const [row, count, height] of runs(heights))
    ws.getRangeByIndexes(row, 0, count, 1).format.rowHeight = height;
}

function writeFreeze(ws: Excel.Worksheet, freeze: SheetSpec["freeze"]): void {
  if (!freeze || (freeze.rows === 0 && freeze.cols === 0)) return;
  if (freeze.rows > 0 && freeze.cols > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
  else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
  else ws.freezePanes.freezeColumns(freeze.cols);
}

/** Internal links; the text shown is the cell's own value, set literally. */
function writeLinks(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
): void {
  for (const c of spec.cells) {
    if (!c.hyperlink) continue;
    ws.getRangeByIndexes(c.row, c.col, 1, 1).hyperlink = {
      documentReference: hyperlinkTarget(c.hyperlink, names),
      textToDisplay: c.value === null ? c.hyperlink.address : String(c.value),
    };
  }
}

/** Everything of a sheet but its print setup and chart (those go in the finishing batch). */
export function renderSheetContent(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
  features: HostFeatures,
): void {
  writeValues(ws, spec);
  writeStyles(ws, spec, features);
  // After the values: Excel keeps only a merged area's top-left value, which is where the spec puts it.
  writeMerges(ws, spec.merges);
  writeSizes(ws, spec);
  writeFreeze(ws, spec.freeze);
  writeLinks(ws, spec, names);
  if (features.api18) ws.showGridlines = spec.showGridLines;
}

const POINTS_PER_INCH = 72;

/** A4, one page wide, repeated title rows, centred "第 &P 页 共 &N 页" footer (ExcelApi 1.9). */
export function renderPrintSetup(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.orientation = (print.orientation === "portrait" ? "Portrait" : "Landscape") as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  // Only the width is fixed; leaving verticalFitToPages out keeps the height automatic (as many pages as needed).
  layout.zoom =
    print.fitToHeight > 0
      ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight }
      : { horizontalFitToPages: print.fitToWidth };
  const m = print.margins;
  layout.leftMargin = m.left * POINTS_PER_INCH;
  layout.rightMargin = m.right * POINTS_PER_INCH;
  layout.topMargin = m.top * POINTS_PER_INCH;
  layout.bottomMargin = m.bottom * POINTS_PER_INCH;
  layout.headerMargin = m.header * POINTS_PER_INCH;
  layout.footerMargin = m.footer * POINTS_PER_INCH;
  layout.centerHorizontally = print.centerHorizontally;
  layout.printGridlines = false;
  if (print.printTitleRows) {
    const [a, b = a] = print.printTitleRows.split(":").map((s) => s.replace(/\$/g, "").trim());
    layout.setPrintTitleRows(`$${a}:$${b}`);
  }
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}

/** Rows × columns a chart spans from its anchor: about 16 rows by 8 columns, readable beside an A4 table. */
const CHART_ROWS = 16;
const CHART_COLS = 8;

/**
 * The chart's data goes to the marker sheet (very hidden, ours) at `dataCol`: a header row with the series names,
 * then one row per category. Categories come from the user's 一级指标 names, so they are written as text.
 */
export function writeChartData(marker: Excel.Worksheet, chart: ChartSpec, dataCol: number): Excel.Range {
  const width = 1 + chart.series.length;
  const rows: (string | number)[][] = [["", ...chart.series.map((s) => s.name)]];
  chart.categories.forEach((c, i) => rows.push([c, ...chart.series.map((s) => s.values[i] ?? 0)]));
  const range = marker.getRangeByIndexes(0, dataCol, rows.length, width);
  range.numberFormat = rows.map((r) => r.map((v, j) => (j === 0 || typeof v === "string" ? "@" : "General")));
  range.values = rows;
  return range;
}

/** A clustered column chart of 得分 against 分值, placed at the spec's anchor below the printed table. */
export function renderChart(ws: Excel.Worksheet, chart: ChartSpec, source: Excel.Range): void {
  const c = ws.charts.add("ColumnClustered" as Excel.ChartType, source, "Columns" as Excel.ChartSeriesBy);
  c.title.text = chart.title;
  c.setPosition(
    toA1(chart.anchor.row, chart.anchor.col),
    toA1(chart.anchor.row + CHART_ROWS - 1, chart.anchor.col + CHART_COLS - 1),
  );
}
