/**
 * The .xlsx gateway, read side: turns workbook bytes into the engine's WorkbookSnapshot with exceljs.
 * Takes bytes only (no file system), so the same module serves the CLI and, with exceljs's browser build, the web.
 *
 * Values follow what Excel shows: a formula is read as its cached result (the engine never recalculates), rich text
 * and hyperlinks as their plain text, dates as ISO text, and cells covered by a merge (other than its top-left) as
 * empty, the way Office.js reports them. A formula saved without a cached result reads as the UNCALCULATED_CODE error
 * value, so the checker can ask for a recalculation instead of adding it up as empty.
 */
import * as ExcelJS from "./exceljs";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import { isUncalculated, uncalculatedValue } from "../../engine/snapshot";
import { toCellValue } from "./cell-value";
import { installFormulaResultFix } from "./formula-results";
import { WorkbookReadError } from "./read-error";
import { installSheetOrderFix } from "./sheet-order";
import { sniffWorkbookBytes } from "./sniff";
import { installNamespaceFix } from "./xml-namespaces";

export { toCellValue } from "./cell-value";

installFormulaResultFix();
// Parts written with a prefix for spreadsheetml (<x:workbook>) read as the usual ones.
installNamespaceFix();
// A workbook of ten thousand sheets loads in time proportional to its sheets, not to their square.
installSheetOrderFix();

export interface ReadXlsxOptions {
  /** Also keep a formulas grid per sheet (only sheets that have formulas get one). Default true. */
  readonly formulas?: boolean;
}

/**
 * Reads an .xlsx from memory. A Node Buffer is a Uint8Array, so it is accepted as is.
 * Throws WorkbookReadError (never anything else) when the bytes are not a readable .xlsx.
 */
export async function readXlsxBuffer(
  data: ArrayBuffer | Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<WorkbookSnapshot> {
  return snapshotOfWorkbook(await loadXlsxWorkbook(data), options);
}

/**
 * Parses .xlsx bytes into exceljs's workbook model, after a look at the bytes that names what they are when they are
 * not a workbook (a CSV, an old .xls). Throws WorkbookReadError (never anything else).
 */
export async function loadXlsxWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const sniffed = sniffWorkbookBytes(bytes);
  if (sniffed.kind === "rejected") throw new WorkbookReadError(sniffed.code);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as a Node Buffer but hands it to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (cause) {
    throw new WorkbookReadError("corrupt", { cause });
  }
  return workbook;
}

/** The engine's snapshot of a loaded workbook (every sheet). Throws WorkbookReadError for a model it cannot read. */
export function snapshotOfWorkbook(
  workbook: ExcelJS.Workbook,
  options: ReadXlsxOptions = {},
): WorkbookSnapshot {
  try {
    return { sheets: workbook.worksheets.map((ws) => readWorksheet(ws, options.formulas ?? true)) };
  } catch (cause) {
    throw new WorkbookReadError("corrupt", { cause });
  }
}

interface ReadCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly formula: string | null;
}

function readWorksheet(ws: ExcelJS.Worksheet, keepFormulas: boolean): SheetSnapshot {
  const cells: ReadCell[] = [];
  const mergeBoxes = new Map<string, MutableRange>();

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge) {
        // A covered cell: exceljs repeats the master's value here, Excel and Office.js show it empty.
        growMerge(mergeBoxes, cell.master, r, c);
        return;
      }
      if (cell.isMerged) growMerge(mergeBoxes, cell, r, c);
      const value = cellValueOf(cell);
      const formula = formulaOf(cell);
      if (value !== null || formula !== null) cells.push({ row: r, col: c, value, formula });
    });
  });

  const merges: CellRange[] = [...mergeBoxes.values()]
    .filter((m) => m.bottom > m.top || m.right > m.left)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));

  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  const bounds = usedBounds(cells, merges);
  if (!bounds) return { name: ws.name, originRow: 0, originCol: 0, values: [], merges, hidden };

  const height = bounds.bottom - bounds.top + 1;
  const width = bounds.right - bounds.left + 1;
  // Without formulas, those of cells saved without a result are still kept: evaluate-missing.ts computes them.
  const formulaKept = (c: ReadCell): string | null =>
    keepFormulas || isUncalculated(c.value) ? c.formula : null;
  const hasFormulas = cells.some((c) => formulaKept(c) !== null);
  const grid = height * width <= DENSE_CELL_LIMIT ? denseGrid : raggedGrid;
  const values = grid<CellValue>(cells, bounds, (c) => c.value);
  const formulas = hasFormulas ? grid<string | null>(cells, bounds, formulaKept) : undefined;

  return {
    name: ws.name,
    originRow: bounds.top,
    originCol: bounds.left,
    values,
    ...(formulas ? { formulas } : {}),
    merges,
    hidden,
  };
}

/**
 * Up to this many cells the grid is a full rectangle. Beyond it (one value in A1 and one in XFD1048576 span 17 billion
 * cells) each row is only as long as its last used cell and empty rows share one empty array — the snapshot allows
 * ragged rows — so a sparse sheet costs memory in proportion to its cells, not to its extent.
 */
const DENSE_CELL_LIMIT = 4_000_000;

const EMPTY_ROW: readonly never[] = Object.freeze([]);

function denseGrid<T>(cells: readonly ReadCell[], bounds: CellRange, pick: (c: ReadCell) => T): T[][] {
  const height = bounds.bottom - bounds.top + 1;
  const width = bounds.right - bounds.left + 1;
  const grid: T[][] = Array.from({ length: height }, () => new Array<T>(width).fill(null as T));
  for (const cell of cells) grid[cell.row - bounds.top][cell.col - bounds.left] = pick(cell);
  return grid;
}

function raggedGrid<T>(cells: readonly ReadCell[], bounds: CellRange, pick: (c: ReadCell) => T): T[][] {
  const height = bounds.bottom - bounds.top + 1;
  const lengths = new Map<number, number>();
  for (const cell of cells) {
    const r = cell.row - bounds.top;
    lengths.set(r, Math.max(lengths.get(r) ?? 0, cell.col - bounds.left + 1));
  }
  // Rows without cells share the frozen EMPTY_ROW; the loop below writes only into rows that have cells. Those are
  // given their own rows one by one, not looked up for each of the range's rows (a million for a cell at row 1,048,576).
  const grid: T[][] = new Array<T[]>(height).fill(EMPTY_ROW as unknown as T[]);
  for (const [r, length] of lengths) grid[r] = new Array<T>(length).fill(null as T);
  for (const cell of cells) grid[cell.row - bounds.top][cell.col - bounds.left] = pick(cell);
  return grid;
}

interface MutableRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merges are rebuilt from the cells (each covered cell knows its master) rather than from exceljs internals. */
function growMerge(boxes: Map<string, MutableRange>, master: ExcelJS.Cell, row: number, col: number): void {
  const key = master.address;
  const top = Number(master.row) - 1;
  const left = Number(master.col) - 1;
  let box = boxes.get(key);
  if (!box) {
    box = { top, left, bottom: top, right: left };
    boxes.set(key, box);
  }
  box.top = Math.min(box.top, row);
  box.left = Math.min(box.left, col);
  box.bottom = Math.max(box.bottom, row);
  box.right = Math.max(box.right, col);
}

/** The used range: every cell with a value or a formula, and every merged area (a merged title may be empty). */
function usedBounds(cells: readonly ReadCell[], merges: readonly CellRange[]): CellRange | null {
  const all: CellRange[] = [
    ...cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col })),
    ...merges,
  ];
  if (all.length === 0) return null;
  return all.reduce((a, b) => ({
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  // For a shared formula's dependent cells exceljs translates the master's formula to this cell's position.
  const text = cell.formula;
  return text ? `=${text}` : null;
}

/**
 * A loaded exceljs cell as the engine's CellValue. A formula cell without a cached result is UNCALCULATED_CODE; its
 * `result` tells that apart, since `cell.value` drops a cached 0, "" or FALSE as well (those still read as empty, as
 * the streaming reader reads them too).
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula && cell.result === undefined) return uncalculatedValue();
  return toCellValue(cell.value);
}
