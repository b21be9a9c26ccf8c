/**
 * Reads the workbook into the engine's snapshot through Office.js, in a fixed number of round trips whatever the
 * workbook's size (up to the point where one response would pass the payload budget):
 *   1. the sheets' names and visibility;
 *   2. every sheet's used range (position and size) and the marker sheet's list of our own sheets, with the A1 of the
 *      sheets that may be ours, so the fingerprints the marker recorded are checked in the same sync;
 *   3. the values in row chunks, several chunks per sync, with the merged areas;
 *   4. only when some text looks like an error literal ("#REF!"): its value type, to tell an Excel error from text.
 * Excel on the web rejects payloads over 5 MB, so each values sync is sized from an estimate of bytes per cell to stay
 * under 4 MB; a workbook beyond that budget takes one more sync per extra 4 MB instead of failing.
 */
import type { Localized } from "../engine/i18n";
import { localized } from "../engine/i18n";
import {
  MARKER_SHEET_NAME,
  isOwnedSheet,
  mayBeReportSheetName,
  ownedSheetsFrom,
} from "../engine/report/sheet-names";
import {
  errorValue,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../engine/snapshot";
import { parseAreasAddress } from "./addresses";
import { requireExcelApi, supportsExcelApi } from "./api";
import { toGatewayError } from "./errors";
import { probedStates, queueProbe, type SheetProbe } from "./sheet-state";

/** Payload budget of one response; Excel on the web refuses 5 MB. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/** A generous average size of one cell in a `values` response (CJK text is 3 bytes a character in UTF-8). */
export const ESTIMATED_BYTES_PER_CELL = 20;
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
  /** Override of the per-sync response budget, in bytes. */
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

interface Chunk {
  readonly sheet: number;
  /** First row of the chunk, relative to the used range. */
  readonly row: number;
  readonly rows: number;
  range?: Excel.Range;
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
  const cellsPerSync = Math.max(
    1,
    Math.floor(budget / (ESTIMATED_BYTES_PER_CELL * (options.formulas ? 2 : 1))),
  );
  const batches = planChunks(plans, cellsPerSync);
  const properties = options.formulas ? "values,formulas" : "values";

  const withMerges = supportsExcelApi("1.13");
  const mergeQueries: { sheet: number; areas: Excel.RangeAreas }[] = [];
  if (!withMerges && plans.some((p) => !p.used.isNullObject)) notices.push(MERGES_UNAVAILABLE);

  const values: CellValue[][][] = plans.map(() => []);
  const formulas: (string | null)[][][] = plans.map(() => []);
  const candidates: ErrorCandidate[] = [];
  for (const [b, batch] of batches.entries()) {
    // Queue one batch right before its sync so each response stays within the budget.
    for (const chunk of batch) {
      const p = plans[chunk.sheet];
      chunk.range = p.ws.getRangeByIndexes(
        p.used.rowIndex + chunk.row,
        p.used.columnIndex,
        chunk.rows,
        p.used.columnCount,
      );
      chunk.range.load(properties);
    }
    // Merged areas are small answers; they ride with the first values batch.
    if (b === 0 && withMerges) mergeQueries.push(...queueMergeQueries(plans));
    await context.sync(); // 3, and one more per extra budget's worth of cells
    for (const chunk of batch) collectChunk(chunk, values, formulas, candidates, options.formulas === true);
  }

  if (candidates.length > 0) {
    const probes = candidates.map((c) => {
      const p = plans[c.sheet];
      const cell = p.ws.getCell(p.used.rowIndex + c.row, p.used.columnIndex + c.col);
      cell.load("valueTypes");
      return cell;
    });
    await context.sync(); // 4, only when some text looks like an error literal
    probes.forEach((cell, i) => {
      const c = candidates[i];
      if (cell.valueTypes[0][0] === "Error")
        values[c.sheet][c.row][c.col] = errorValue(String(values[c.sheet][c.row][c.col]));
    });
  }

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
 * Groups row chunks of every sheet into sync batches of at most `cellsPerSync` cells. A workbook within one budget
 * gives a single batch, which is what keeps the number of syncs fixed; a row wider than the budget still travels alone.
 */
function planChunks(plans: readonly SheetPlan[], cellsPerSync: number): Chunk[][] {
  const batches: Chunk[][] = [];
  let batch: Chunk[] = [];
  let room = cellsPerSync;
  plans.forEach((p, sheet) => {
    if (p.used.isNullObject) return;
    const cols = p.used.columnCount;
    let row = 0;
    while (row < p.used.rowCount) {
      let take = Math.min(p.used.rowCount - row, Math.floor(room / cols));
      if (take === 0) {
        if (batch.length > 0) {
          batches.push(batch);
          batch = [];
          room = cellsPerSync;
          continue;
        }
        take = 1;
      }
      batch.push({ sheet, row, rows: take });
      room -= take * cols;
      row += take;
    }
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function collectChunk(
  chunk: Chunk,
  values: CellValue[][][],
  formulas: (string | null)[][][],
  candidates: ErrorCandidate[],
  withFormulas: boolean,
): void {
  const range = chunk.range as Excel.Range;
  const target = values[chunk.sheet];
  range.values.forEach((line, i) => {
    const row = chunk.row + i;
    target[row] = line.map((v, col) => {
      if (typeof v === "string" && ERROR_LITERALS.has(v)) candidates.push({ sheet: chunk.sheet, row, col });
      return toCellValue(v);
    });
  });
  if (withFormulas) {
    range.formulas.forEach((line, i) => {
      formulas[chunk.sheet][chunk.row + i] = line.map((f) =>
        typeof f === "string" && f.startsWith("=") ? f : null,
      );
    });
  }
}
