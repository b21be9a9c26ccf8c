/**
 * Reads the workbook into the engine's snapshot through Office.js, in a fixed number of round trips whatever the
 * workbook's size, up to the point where the values alone pass one payload budget:
 *   1. the sheets' names and visibility;
 *   2. every sheet's used range (position and size) and the marker sheet's list of our own sheets, with the A1 of the
 *      sheets that may be ours, so the fingerprints the marker recorded are checked in the same sync;
 *   3. the values in row blocks, as many blocks per sync as the budget allows, with the merged areas;
 *   4. only when some text looks like an error literal ("#REF!"): the value types of those cells, to tell an Excel
 *      error from text;
 *   5. only when the recognised budget block or expenditure tables hold numbers: the number formats of their amount
 *      columns (those alone, not the sheet), so a date typed as an amount reads as the date the .xlsx readers see
 *      (amount-dates.ts). One sync while the formats fit one batch, like the values.
 *
 * Payload. Excel on the web refuses a request or a response over 5 MB with a RichApi.Error whose code is
 * RequestPayloadSizeLimitExceeded or ResponsePayloadSizeLimitExceeded (Excel.ErrorCodes; "this error only occurs in
 * Excel on the web"); a batch refused so delivers no loaded value, and the context stays usable. The reader aims at
 * 4 MB a sync and sizes its batches before sending them, from an estimate of the bytes a cell takes in the JSON
 * answer. The estimate is realistic rather than generous: 13 bytes, just above what real tables measure — the bench's
 * 支出决算表 10.7 (amounts of 8–10 digits, codes as text, empty cells 2–3), the sample's tables 9–12, a 决算 table of
 * long subject names and amounts in 元 with cents 12.2 (CJK text is 3 bytes a character). A generous estimate (20) split
 * a table that fits one sync (2.8 MB at 50,000 rows) into two, so the sync count grew with the size.
 * An estimate can still be wrong — a sheet of long CJK remarks takes 300 bytes a cell — so the read does not trust it:
 * when a batch is refused for its payload, it is split in halves and sent again, and the later batches keep the halved
 * size (the estimate has proven too low for this workbook, and each refusal costs a round trip). A text-heavy workbook
 * thus costs a few more syncs instead of failing; only a single row over the limit is reported as too large.
 */
import type { Localized } from "../../engine/i18n";
import { localized } from "../../engine/i18n";
import {
  MARKER_SHEET_NAME,
  isOwnedSheet,
  mayBeReportSheetName,
  ownedSheetsFrom,
} from "../../engine/report/sheet-names";
import {
  errorValue,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../engine/snapshot";
import { parseAreasAddress } from "./addresses";
import { amountColumns, isDateFormat, serialToDate } from "./amount-dates";
import { requireExcelApi, supportsExcelApi } from "./api";
import { toGatewayError } from "./errors";
import { probedStates, queueProbe, type SheetProbe } from "./sheet-state";

/** Payload budget of one sync (request and response): Excel on the web refuses 5 MB, so a margin stays. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/**
 * The average size of one cell in a `values` response, as JSON: numbers 8–10 bytes, empty cells 3, codes as text 9–11,
 * CJK labels 3 bytes a character (measured in the header). Realistic, not generous: too low a guess costs a refused
 * sync and a retry, never the read; too high a guess costs a sync on every large table.
 */
export const ESTIMATED_BYTES_PER_CELL = 13;
/** A cell's value type in a `valueTypes` response ("Error", "String"…). */
const ESTIMATED_BYTES_PER_TYPE = 10;
/**
 * A cell's number format in a `numberFormat` response: `["General"],` in a one-column range is 12 bytes, "0.00" and
 * "#,##0.00" about as much. An accounting format is longer (40–55 bytes); a refused batch is split, as for values.
 */
const ESTIMATED_BYTES_PER_FORMAT = 12;
/** What one more range costs in a batch beyond its cells: its object path and load in the request. */
const ESTIMATED_BYTES_PER_RANGE = 200;
/** Excel reads no range over five million cells (it may answer null instead of failing). */
export const MAX_CELLS_PER_RANGE = 5_000_000;
/** Rows per merged-areas query: Excel refuses a query that finds more than 512 merged areas. */
export const MERGE_QUERY_ROWS = 500;

/** The literals Excel shows for error values; only text equal to one of these can be an error. */
const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

export interface ReadOptions {
  /** Also read formulas (doubles the payload, so chunks are halved). */
  readonly formulas?: boolean;
  /** Keep the report sheets we wrote earlier (default: left out, so a re-run checks only the user's tables). */
  readonly includeOwnSheets?: boolean;
  /** Override of the per-sync payload budget, in bytes (tests use small ones to exercise the batching). */
  readonly responseBudgetBytes?: number;
}

export interface ReadResult {
  readonly snapshot: WorkbookSnapshot;
  /**
   * Our report sheets: listed in the marker sheet and still carrying the fingerprint recorded there (empty when we
   * never wrote one). A sheet the user made under a listed name is not among them and is read as theirs.
   */
  readonly ownedSheets: readonly string[];
  /** Things the user should know about the reading (e.g. merged areas unavailable on this Excel). */
  readonly notices: readonly Localized[];
}

const MERGES_UNAVAILABLE = localized(
  "此版本的 Excel 无法读取合并单元格信息（需要 ExcelApi 1.13），合并的表头按空白单元格处理。",
  "This version of Excel cannot report merged cells (ExcelApi 1.13 is needed); merged headers are read as blank cells.",
);

interface SheetPlan {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly hidden: boolean;
  readonly used: Excel.Range;
}

/** A text cell equal to an error literal: Excel error or typed text, to be told apart by its value type. */
interface ErrorCandidate {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/**
 * A rectangle of one sheet's used range (rows and columns relative to it), read as one range. Values are read in
 * full-width blocks of rows, value types in one-column blocks; either is split by rows when it does not fit a batch.
 */
interface Block {
  readonly sheet: number;
  readonly row: number;
  readonly rows: number;
  readonly col: number;
  readonly cols: number;
}

/** The estimated payload of a block: a fixed part for the range itself, and so much per cell. */
interface Sizing {
  readonly perCell: number;
  readonly perRange: number;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  return (await readWorkbookDetailed(context, options)).snapshot;
}

export async function readWorkbookDetailed(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<ReadResult> {
  requireExcelApi();
  try {
    return await read(context, options);
  } catch (e) {
    throw toGatewayError(e);
  }
}

async function read(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  const notices: Localized[] = [];
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync(); // 1

  const all = worksheets.items.map((ws) => ({
    ws,
    name: ws.name,
    hidden: ws.visibility !== "Visible",
    used: ws.getUsedRangeOrNullObject(true),
  }));
  for (const s of all) s.used.load("rowIndex,columnIndex,rowCount,columnCount");
  const marker = all.find((s) => s.name.toUpperCase() === MARKER_SHEET_NAME.toUpperCase());
  marker?.used.load("values");
  // The used ranges above are values-only, as the fingerprint wants; only A1 is missing, and only where it matters.
  const probes: SheetProbe[] = marker
    ? all
        .filter((s) => s !== marker && mayBeReportSheetName(s.name))
        .map((s) => queueProbe(s.ws, s.name, s.used))
    : [];
  await context.sync(); // 2

  const ownedSheets = marker ? markerOwned(marker.used, probes) : [];
  const plans: SheetPlan[] = all.filter((s) =>
    s === marker ? false : options.includeOwnSheets ? true : !isOwnedSheet(s.name, ownedSheets),
  );

  const budget = options.responseBudgetBytes ?? RESPONSE_BUDGET_BYTES;
  const withFormulas = options.formulas === true;
  const properties = withFormulas ? "values,formulas" : "values";

  const withMerges = supportsExcelApi("1.13");
  const mergeQueries: { sheet: number; areas: Excel.RangeAreas }[] = [];
  if (!withMerges && plans.some((p) => !p.used.isNullObject)) notices.push(MERGES_UNAVAILABLE);

  const values: CellValue[][][] = plans.map(() => []);
  const formulas: (string | null)[][][] = plans.map(() => []);
  const candidates: ErrorCandidate[] = [];
  const rangeOf = (b: Block): Excel.Range => {
    const p = plans[b.sheet];
    return p.ws.getRangeByIndexes(p.used.rowIndex + b.row, p.used.columnIndex + b.col, b.rows, b.cols);
  };

  // 3, and one more per extra budget's worth of cells (or per payload refusal).
  const wholeSheets: Block[] = [];
  plans.forEach((p, sheet) => {
    if (!p.used.isNullObject)
      wholeSheets.push({ sheet, row: 0, rows: p.used.rowCount, col: 0, cols: p.used.columnCount });
  });
  const valueSizing: Sizing = {
    // Formulas come back beside the values, one more string per cell.
    perCell: ESTIMATED_BYTES_PER_CELL * (withFormulas ? 2 : 1),
    perRange: ESTIMATED_BYTES_PER_RANGE,
  };
  await syncInBatches(context, wholeSheets, budget, valueSizing, (batch, first) => {
    const ranges = batch.map((b) => rangeOf(b).load(properties));
    // Merged areas are small answers; they ride with the first values batch (queued again if it is refused).
    const merged = first && withMerges ? queueMergeQueries(plans) : [];
    return () => {
      mergeQueries.push(...merged);
      batch.forEach((b, i) => collectBlock(b, ranges[i], values, formulas, candidates, withFormulas));
    };
  });

  // 4, only when some text looks like an error literal: one value-types range per run of such cells in a column.
  const typeSizing: Sizing = { perCell: ESTIMATED_BYTES_PER_TYPE, perRange: ESTIMATED_BYTES_PER_RANGE };
  await syncInBatches(context, candidateRuns(candidates), budget, typeSizing, (batch) => {
    const ranges = batch.map((b) => rangeOf(b).load("valueTypes"));
    return () =>
      batch.forEach((b, i) =>
        ranges[i].valueTypes.forEach((line, r) => {
          if (line[0] === "Error") {
            const row = values[b.sheet][b.row + r];
            row[b.col] = errorValue(String(row[b.col]));
          }
        }),
      );
  });

  const merges = plans.map(() => new Map<string, CellRange>());
  for (const q of mergeQueries) {
    if (q.areas.isNullObject) continue;
    for (const m of parseAreasAddress(q.areas.address))
      merges[q.sheet].set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
  }

  const sheets: SheetSnapshot[] = plans.map((p, i) => {
    const empty = p.used.isNullObject;
    const sheet: SheetSnapshot = {
      name: p.name,
      originRow: empty ? 0 : p.used.rowIndex,
      originCol: empty ? 0 : p.used.columnIndex,
      values: values[i],
      merges: [...merges[i].values()].sort((a, b) => a.top - b.top || a.left - b.left),
      ...(options.formulas ? { formulas: formulas[i] } : {}),
      // Always stated, as the .xlsx gateway does, so the two snapshots are equal value for value.
      hidden: p.hidden,
    };
    return sheet;
  });

  // 5, only when the recognised tables have numbers in their amount columns: those columns' number formats. The
  // snapshot's rows are the `values` arrays, so turning a cell here changes the snapshot returned.
  const sheetIndex = new Map(plans.map((p, i) => [p.name, i]));
  const formatBlocks: Block[] = amountColumns({ sheets }).flatMap((c) => {
    const sheet = sheetIndex.get(c.sheet);
    if (sheet === undefined) return [];
    const used = plans[sheet].used;
    return [
      {
        sheet,
        row: c.top - used.rowIndex,
        rows: c.bottom - c.top + 1,
        col: c.col - used.columnIndex,
        cols: 1,
      },
    ];
  });
  const formatSizing: Sizing = { perCell: ESTIMATED_BYTES_PER_FORMAT, perRange: ESTIMATED_BYTES_PER_RANGE };
  await syncInBatches(context, formatBlocks, budget, formatSizing, (batch) => {
    const ranges = batch.map((b) => rangeOf(b).load("numberFormat"));
    return () =>
      batch.forEach((b, i) =>
        ranges[i].numberFormat.forEach((line, r) => {
          const row = values[b.sheet][b.row + r];
          const v = row?.[b.col];
          if (typeof v === "number" && isDateFormat(line[0])) row[b.col] = serialToDate(v);
        }),
      );
  });

  return { snapshot: { sheets }, ownedSheets, notices };
}

/** One merged-areas query per MERGE_QUERY_ROWS rows of each sheet's used range. */
function queueMergeQueries(plans: readonly SheetPlan[]): { sheet: number; areas: Excel.RangeAreas }[] {
  const queries: { sheet: number; areas: Excel.RangeAreas }[] = [];
  plans.forEach((p, sheet) => {
    if (p.used.isNullObject) return;
    for (let r = 0; r < p.used.rowCount; r += MERGE_QUERY_ROWS) {
      const rows = Math.min(MERGE_QUERY_ROWS, p.used.rowCount - r);
      const areas = p.ws
        .getRangeByIndexes(p.used.rowIndex + r, p.used.columnIndex, rows, p.used.columnCount)
        .getMergedAreasOrNullObject();
      areas.load("address");
      queries.push({ sheet, areas });
    }
  });
  return queries;
}

/** The sheets the marker lists that are still ours (its used range must start in column A to list any). */
function markerOwned(used: Excel.Range, probes: readonly SheetProbe[]): string[] {
  if (used.isNullObject || used.columnIndex !== 0) return [];
  return ownedSheetsFrom(used.values, probedStates(probes));
}

/**
 * Sends `blocks` in as few syncs as the budget allows: each batch takes blocks (splitting one by rows where it does not
 * fit) up to `budget` estimated bytes, `queue` queues their loads and returns what to do with the answer. A batch Excel
 * refuses for its payload goes back to the front, and this and every later batch get half the refused batch's size.
 * `first` is true for the first batch until it succeeds, so what rides with it is queued again on a retry.
 */
async function syncInBatches(
  context: Excel.RequestContext,
  blocks: readonly Block[],
  budget: number,
  sizing: Sizing,
  queue: (batch: readonly Block[], first: boolean) => () => void,
): Promise<void> {
  // A stack, the next block last: thousands of probe runs are taken off without shifting the array each time.
  const pending = [...blocks].reverse();
  let room = budget;
  let first = true;
  while (pending.length > 0) {
    const batch = takeBatch(pending, room, sizing);
    const collect = queue(batch, first);
    try {
      await context.sync();
    } catch (e) {
      // A single row cannot be split further (by columns it could, but a row over 5 MB is no accounting table).
      if (!isPayloadError(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      // Half the refused batch, plus one range's fixed cost as splitting a block in two adds a range — but always
      // less than the whole, so the next try takes fewer rows.
      const refused = batch.reduce((n, b) => n + blockBytes(b, sizing), 0);
      room = Math.min(Math.ceil(refused / 2) + sizing.perRange, refused - 1);
      for (let i = batch.length - 1; i >= 0; i--) pushBack(pending, batch[i]);
      continue;
    }
    first = false;
    collect();
  }
}

/** Takes the next batch off `pending`: whole blocks while they fit, then the rows of one that fit. */
function takeBatch(pending: Block[], room: number, sizing: Sizing): Block[] {
  const batch: Block[] = [];
  let left = room;
  while (pending.length > 0) {
    const block = pending[pending.length - 1];
    const fit = rowsThatFit(block, left, sizing);
    if (fit >= block.rows) {
      batch.push(block);
      pending.pop();
      left -= blockBytes(block, sizing);
      continue;
    }
    // A block wider than the whole budget still travels, one row at a time.
    const take = fit > 0 ? fit : batch.length === 0 ? 1 : 0;
    if (take > 0) {
      batch.push({ ...block, rows: take });
      pending[pending.length - 1] = { ...block, row: block.row + take, rows: block.rows - take };
    }
    break;
  }
  return batch;
}

/**
 * Puts a refused block back as the next one, joined with the rest of its rows when it was the head of a split block,
 * so the retry sends whole ranges and not the pieces of the first try.
 */
function pushBack(pending: Block[], block: Block): void {
  const next = pending[pending.length - 1];
  if (
    next &&
    next.sheet === block.sheet &&
    next.col === block.col &&
    next.cols === block.cols &&
    block.row + block.rows === next.row
  )
    pending[pending.length - 1] = { ...block, rows: block.rows + next.rows };
  else pending.push(block);
}

function rowsThatFit(block: Block, room: number, sizing: Sizing): number {
  const byBytes = Math.floor((room - sizing.perRange) / (block.cols * sizing.perCell));
  return Math.max(0, Math.min(block.rows, byBytes, Math.floor(MAX_CELLS_PER_RANGE / block.cols)));
}

function blockBytes(block: Block, sizing: Sizing): number {
  return sizing.perRange + block.rows * block.cols * sizing.perCell;
}

/** Excel on the web refused the request or its answer for its size (Excel.ErrorCodes). */
function isPayloadError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * The error-literal cells as one-column blocks of consecutive rows: a column of #N/A from a failed lookup is one
 * range of value types, not one range per cell, so the probe stays one small sync.
 */
function candidateRuns(candidates: readonly ErrorCandidate[]): Block[] {
  const sorted = [...candidates].sort((a, b) => a.sheet - b.sheet || a.col - b.col || a.row - b.row);
  const runs: Block[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === c.sheet && last.col === c.col && last.row + last.rows === c.row)
      runs[runs.length - 1] = { ...last, rows: last.rows + 1 };
    else runs.push({ sheet: c.sheet, row: c.row, rows: 1, col: c.col, cols: 1 });
  }
  return runs;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function collectBlock(
  block: Block,
  range: Excel.Range,
  values: CellValue[][][],
  formulas: (string | null)[][][],
  candidates: ErrorCandidate[],
  withFormulas: boolean,
): void {
  const target = values[block.sheet];
  range.values.forEach((line, i) => {
    const row = block.row + i;
    target[row] = line.map((v, col) => {
      if (typeof v === "string" && ERROR_LITERALS.has(v)) candidates.push({ sheet: block.sheet, row, col });
      return toCellValue(v);
    });
  });
  if (withFormulas) {
    range.formulas.forEach((line, i) => {
      formulas[block.sheet][block.row + i] = line.map((f) =>
        typeof f === "string" && f.startsWith("=") ? f : null,
      );
    });
  }
}
