/**
 * Reads the open WPS 表格 workbook into the engine's snapshot, the same one the .xlsx reader gives for the same file:
 * - values from `Value2` (a formula's result, rich text as its text); covered cells of a merged area read empty;
 * - dates: ET hands them as serial numbers, so a number whose cell has a date format becomes a DateValue (ISO text),
 *   as the .xlsx reader makes of the same cell — the number formats are read per column of each slice, and per cell
 *   only where a column's formats differ;
 * - error values: through COM, Value2 hands an error as its CVErr number (#N/A as -2146826246), and ET's object model
 *   follows COM's; a number equal to one of those is an error only when the cell shows the error's literal (`Text`),
 *   so a real figure is never mistaken for one. (WPS's documentation does not say how errors reach JavaScript; were
 *   they handed as their literal text, such a cell would read as that text, as typed text does.)
 * - merged areas, found without visiting every cell: `MergeCells` of a block is false when none of it is merged, so
 *   only blocks holding merges are split further;
 * - the used range trimmed to the cells holding a value and the merged areas (ET's UsedRange also spans cells that
 *   only carry a format).
 * ET's API is synchronous and runs on the pane's thread, so the reading goes in slices of rows with a macrotask
 * between them: the pane repaints its progress bar and stays responsive on a 50,000-row workbook.
 */
import { isOwnedSheet, MARKER_SHEET_NAME } from "../../engine/report/sheet-names";
import {
  errorValue,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../engine/snapshot";
import {
  XL_SHEET_VISIBLE,
  type EtApplication,
  type EtRange,
  type EtScalar,
  type EtWorksheet,
} from "./et-api";
import { activeWorkbook, ownedSheets, rangeAt, rectOf, valueRows, worksheetsOf } from "./sheets";

/** About this many cells per slice: a Value2 read of this size takes a few milliseconds. */
export const SLICE_CELLS = 20_000;

/** ET's error values as Value2 hands them (COM CVErr numbers) and the literals the cells show. */
const ERROR_LITERALS: ReadonlyMap<number, string> = new Map([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

export interface ReadProgress {
  /** Rows read so far, over every sheet. */
  readonly rows: number;
  readonly totalRows: number;
}

export interface WpsReadOptions {
  /** Called after each slice. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Waits between slices; default: one macrotask (setTimeout 0), so the page can paint and take input. */
  readonly pause?: () => Promise<void>;
  /** Cells per slice (tests use small ones). */
  readonly sliceCells?: number;
}

export interface WpsReadResult {
  readonly snapshot: WorkbookSnapshot;
  /** Our report sheets from an earlier run, left out of the snapshot. */
  readonly ownedSheets: readonly string[];
}

export function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * True for a number format that shows a date or a time: a day, month, year, hour or second code outside quoted text,
 * bracketed colours and conditions, and escaped characters ("yyyy-mm-dd", "yyyy年m月d日", "h:mm").
 */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*]/g, "")
    .replace(/\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A serial day number as the .xlsx reader writes a date: "2023-12-31", or with the time to the second. */
export function serialToDate(serial: number): CellValue {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  if (!Number.isFinite(rounded.getTime())) return serial;
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return { kind: "date", iso: time === "00:00:00" ? day : `${day}T${time}` };
}

function plainValue(v: EtScalar): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : errorValue("#NUM!");
  return v;
}

interface SheetPlan {
  readonly ws: EtWorksheet;
  readonly name: string;
  readonly hidden: boolean;
  readonly used: CellRange;
}

export async function readWpsWorkbook(
  app: EtApplication,
  options: WpsReadOptions = {},
): Promise<WpsReadResult> {
  const wb = activeWorkbook(app);
  const owned = ownedSheets(wb);
  const pause = options.pause ?? macrotask;
  const plans: SheetPlan[] = worksheetsOf(wb)
    .filter(
      (ws) => ws.Name.toUpperCase() !== MARKER_SHEET_NAME.toUpperCase() && !isOwnedSheet(ws.Name, owned),
    )
    .map((ws) => ({
      ws,
      name: ws.Name,
      hidden: ws.Visible !== XL_SHEET_VISIBLE,
      used: rectOf(ws.UsedRange),
    }));
  const totalRows = plans.reduce((n, p) => n + p.used.bottom - p.used.top + 1, 0);
  let done = 0;
  const sheets: SheetSnapshot[] = [];
  for (const plan of plans) {
    sheets.push(
      await readSheet(plan, options.sliceCells ?? SLICE_CELLS, async (rows) => {
        done += rows;
        options.onProgress?.({ rows: done, totalRows });
        await pause();
      }),
    );
  }
  return { snapshot: { sheets }, ownedSheets: owned };
}

async function readSheet(
  plan: SheetPlan,
  sliceCells: number,
  afterSlice: (rows: number) => Promise<void>,
): Promise<SheetSnapshot> {
  const { ws, used } = plan;
  const width = used.right - used.left + 1;
  const sliceRows = Math.max(1, Math.floor(sliceCells / width));
  const grid: CellValue[][] = [];
  const merges = new Map<string, CellRange>();
  for (let top = used.top; top <= used.bottom; top += sliceRows) {
    const slice: CellRange = { ...used, top, bottom: Math.min(used.bottom, top + sliceRows - 1) };
    for (const line of readSlice(ws, slice)) grid.push(line);
    findMerges(ws, slice, merges);
    await afterSlice(slice.bottom - slice.top + 1);
  }
  const sortedMerges = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  return trimmed(plan, grid, sortedMerges);
}

/** One slice's values, with dates and errors told apart from plain numbers. */
function readSlice(ws: EtWorksheet, slice: CellRange): CellValue[][] {
  const raw = valueRows(rangeAt(ws, slice).Value2);
  const rows: CellValue[][] = raw.map((line) => line.map(plainValue));
  const width = slice.right - slice.left + 1;
  for (let c = 0; c < width; c++) {
    const numeric: number[] = [];
    rows.forEach((line, r) => {
      if (typeof line[c] === "number") numeric.push(r);
    });
    if (numeric.length === 0) continue;
    const col = slice.left + c;
    const columnFormat = rangeAt(ws, { ...slice, left: col, right: col }).NumberFormat;
    for (const r of numeric) {
      const n = rows[r][c] as number;
      const cell = (): EtRange => ws.Cells.Item(slice.top + r + 1, col + 1);
      const literal = ERROR_LITERALS.get(n);
      if (literal !== undefined && cell().Text === literal) {
        rows[r][c] = errorValue(literal);
        continue;
      }
      const format = columnFormat ?? cell().NumberFormat;
      if (isDateFormat(format)) rows[r][c] = serialToDate(n);
    }
  }
  return rows;
}

/**
 * The merged areas touching `block`: none when `MergeCells` says so, else split in halves down to the cells that are
 * merged, whose MergeArea is the whole area. Costs a few calls per merged area, not one per cell.
 */
function findMerges(ws: EtWorksheet, block: CellRange, found: Map<string, CellRange>): void {
  const state = rangeAt(ws, block).MergeCells;
  if (state === false) return;
  const height = block.bottom - block.top + 1;
  const width = block.right - block.left + 1;
  if (height === 1 && width === 1) {
    const area = rectOf(rangeAt(ws, block).MergeArea);
    if (area.bottom > area.top || area.right > area.left) found.set(`${area.top},${area.left}`, area);
    return;
  }
  // A block inside a merged area already found has nothing more to tell.
  for (const m of found.values())
    if (m.top <= block.top && m.left <= block.left && m.bottom >= block.bottom && m.right >= block.right)
      return;
  if (height >= width) {
    const mid = block.top + Math.floor(height / 2) - 1;
    findMerges(ws, { ...block, bottom: mid }, found);
    findMerges(ws, { ...block, top: mid + 1 }, found);
  } else {
    const mid = block.left + Math.floor(width / 2) - 1;
    findMerges(ws, { ...block, right: mid }, found);
    findMerges(ws, { ...block, left: mid + 1 }, found);
  }
}

/** The grid cut down to the cells holding values and the merged areas, as the .xlsx reader bounds a sheet. */
function trimmed(plan: SheetPlan, grid: CellValue[][], merges: CellRange[]): SheetSnapshot {
  // The bounding box as four numbers: a rectangle object per value cell (two with the grown box) made 50,000 rows
  // half a million objects for the garbage collector.
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const include = (t: number, l: number, b: number, r: number) => {
    if (t < top) top = t;
    if (l < left) left = l;
    if (b > bottom) bottom = b;
    if (r > right) right = r;
  };
  grid.forEach((line, r) => {
    const row = plan.used.top + r;
    line.forEach((v, c) => {
      if (v !== null) include(row, plan.used.left + c, row, plan.used.left + c);
    });
  });
  for (const m of merges) include(m.top, m.left, m.bottom, m.right);
  const bounds: CellRange | null = bottom < top ? null : { top, left, bottom, right };
  if (!bounds)
    return { name: plan.name, originRow: 0, originCol: 0, values: [], merges, hidden: plan.hidden };
  const values: CellValue[][] = [];
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const line = grid[row - plan.used.top] ?? [];
    const out: CellValue[] = [];
    for (let col = bounds.left; col <= bounds.right; col++) out.push(line[col - plan.used.left] ?? null);
    values.push(out);
  }
  return {
    name: plan.name,
    originRow: bounds.top,
    originCol: bounds.left,
    values,
    merges,
    hidden: plan.hidden,
  };
}
