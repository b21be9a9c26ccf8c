/**
 * The .xlsx gateway's streaming read for the CLI (Node only): the same WorkbookSnapshot as readXlsxBuffer, built
 * straight from the sheet XML as it is inflated from disk, without loading the whole package or building exceljs's
 * workbook model (an object per cell, kept for every sheet at once). A 200,000-row 支出决算表 then costs its grid and
 * little else.
 *
 * Same snapshot by construction: each <c> element goes through exceljs's own cell parser and reconciliation (shared
 * strings, styles for dates, shared formulas), and the result is turned into a CellValue by read.ts's toCellValue, with
 * exceljs's quirks kept (a formula whose cached result is 0, "" or FALSE reads as empty, as exceljs's cell value drops
 * falsy results; one with no cached result at all reads as UNCALCULATED_CODE, as read.ts's cellValueOf). Merges and external hyperlinks come after the cells in the XML, so covered cells are emptied and
 * linked cells re-read when the sheet ends. tests/gateway/xlsx-read-stream.test.ts compares both readers.
 *
 * Why not exceljs's own WorkbookReader: its worksheet reader ignores merges, reads an error result (#REF!) as NaN, keeps
 * only the last run of inline rich text, leaves shared formulas untranslated, and decodes each chunk of UTF-8 on its
 * own, which garbles Chinese text split across two chunks. The zip is read here with zlib (zip-entries.ts); anything
 * that reader does not handle falls back to the in-memory reader, which also explains unreadable files.
 */
import { parseA1Range } from "../../engine/a1";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import { isUncalculated, uncalculatedValue } from "../../engine/snapshot";
import { installFormulaResultFix } from "./formula-results";
import { toCellValue } from "./cell-value";
import type { ReadXlsxOptions } from "./read";
import { WorkbookReadError } from "./read-error";
import { byNamespace, installNamespaceFix, type SaxEvent, type SaxTag } from "./xml-namespaces";
import { closeZip, entryText, openZip, zipOfBytes, type ZipDirectory } from "./zip-entries";

// ---------------------------------------------------------------- exceljs internals used here

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs ships its parsers as CommonJS modules without
   typings; the interfaces below name the little of them this reader uses. */
interface Xform<M> {
  parseStream(source: AsyncIterable<string>): Promise<M>;
}
interface StylesXform extends Xform<unknown> {
  getStyleModel(id: number): unknown;
}
interface SharedStringsXform extends Xform<unknown> {
  getString(index: number): unknown;
}
interface WorkbookModel {
  readonly sheets?: readonly { name?: string; id?: number; rId?: string; state?: string }[];
  readonly properties?: { date1904?: boolean };
}
interface Relationship {
  readonly Id: string;
  readonly Target: string;
}
/** exceljs's model of one cell, before and after reconciliation. */
interface CellModel {
  address?: string;
  type?: number;
  value?: unknown;
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
  shareType?: string;
  ref?: string;
  si?: string;
  text?: unknown;
  hyperlink?: string;
}
interface CellXform {
  model: CellModel;
  parseOpen(node: SaxTag): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
  reconcile(model: CellModel, options: ReconcileOptions): void;
}
interface ReconcileOptions {
  readonly styles?: StylesXform;
  readonly sharedStrings?: SharedStringsXform;
  readonly date1904?: boolean;
  readonly formulae: Record<string, string>;
  readonly hyperlinkMap: Record<string, string>;
}

const parseSax = require("exceljs/lib/utils/parse-sax") as (
  source: AsyncIterable<string>,
) => AsyncIterable<SaxEvent[]>;
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform") as new () => Xform<WorkbookModel>;
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform") as new () => Xform<
  Relationship[]
>;
const StylesXformClass = require("exceljs/lib/xlsx/xform/style/styles-xform") as new () => StylesXform;
const SharedStringsXformClass =
  require("exceljs/lib/xlsx/xform/strings/shared-strings-xform") as new () => SharedStringsXform;
const CellXformClass = require("exceljs/lib/xlsx/xform/sheet/cell-xform") as new () => CellXform;
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula: (formula: string, from: string, to: string) => string;
};
const colCache = require("exceljs/lib/utils/col-cache") as {
  decodeAddress(address: string): { row: number; col: number };
  encodeAddress(row: number, col: number): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** exceljs's ValueType numbers (lib/doc/enums.js). */
const TYPE = { Null: 0, Merge: 1, Hyperlink: 5, Formula: 6 } as const;
/** The parts exceljs reads as worksheets (xlsx.js); other targets (chartsheets) are not sheets to it. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** read.ts's DENSE_CELL_LIMIT: beyond this many cells in the used range, rows are ragged. */
const DENSE_CELL_LIMIT = 4_000_000;
const EMPTY_ROW: readonly never[] = Object.freeze([]);
/** Excel's limit, which exceljs enforces by truncating longer names. */
const SHEET_NAME_MAX = 31;

// ---------------------------------------------------------------- the workbook

/**
 * Reads an .xlsx file into the engine's snapshot, one sheet at a time. Throws WorkbookReadError (never anything else)
 * for a file that cannot be read, with the same codes as readXlsxFile.
 */
export async function readXlsxFileStreaming(
  path: string,
  options: ReadXlsxOptions = {},
): Promise<WorkbookSnapshot> {
  installFixes();
  const zip = await openZip(path);
  // Not a zip this reader handles (or not found, or not a workbook): the in-memory reader reads it or says why not.
  if (!zip || !zip.entries.has("xl/workbook.xml")) {
    // A zip without a workbook (a .docx renamed) was opened: close it rather than leave the file handle to the GC.
    if (zip) await closeZip(zip);
    return (await import("./read-file")).readXlsxFile(path, options);
  }
  try {
    return await readZipOrSay(zip, options);
  } finally {
    await closeZip(zip);
  }
}

/**
 * The same reader over a package already in memory (`selfeval review` reads each small file at once): the same
 * snapshot as readXlsxFileStreaming of that file, the same WorkbookReadError for one that cannot be read.
 */
export async function readXlsxBytesStreaming(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<WorkbookSnapshot> {
  installFixes();
  const zip = await zipOfBytes(bytes);
  if (!zip || !zip.entries.has("xl/workbook.xml"))
    return (await import("./read")).readXlsxBuffer(bytes, options);
  return readZipOrSay(zip, options);
}

function installFixes(): void {
  // The same cell parser as read.ts, so the same reading of an empty string result (t="str") against none.
  installFormulaResultFix();
  // And the same reading of a part written with a prefix for spreadsheetml (<x:worksheet>, <x:c>).
  installNamespaceFix();
}

// The in-memory reader (all of exceljs) is loaded only for a file this one hands over to it.

async function readZipOrSay(zip: ZipDirectory, options: ReadXlsxOptions): Promise<WorkbookSnapshot> {
  try {
    return await readZip(zip, options.formulas ?? true);
  } catch (cause) {
    if (cause instanceof WorkbookReadError) throw cause;
    throw new WorkbookReadError("corrupt", { cause });
  }
}

async function readPart<M>(zip: ZipDirectory, name: string, xform: Xform<M>): Promise<M | undefined> {
  const entry = zip.entries.get(name);
  return entry ? xform.parseStream(entryText(zip, entry)) : undefined;
}

async function readZip(zip: ZipDirectory, keepFormulas: boolean): Promise<WorkbookSnapshot> {
  const workbook = await readPart(zip, "xl/workbook.xml", new WorkbookXform());
  const rels = (await readPart(zip, "xl/_rels/workbook.xml.rels", new RelationshipsXform())) ?? [];
  let styles: StylesXform | undefined;
  if (zip.entries.has("xl/styles.xml")) {
    styles = new StylesXformClass();
    await readPart(zip, "xl/styles.xml", styles);
  }
  let sharedStrings: SharedStringsXform | undefined;
  if (zip.entries.has("xl/sharedStrings.xml")) {
    sharedStrings = new SharedStringsXformClass();
    await readPart(zip, "xl/sharedStrings.xml", sharedStrings);
  }

  const relById = new Map(rels.map((r) => [r.Id, r]));
  const sheets: SheetSnapshot[] = [];
  const seen = new Set<string>();
  for (const sheet of workbook?.sheets ?? []) {
    const rel = sheet.rId === undefined ? undefined : relById.get(sheet.rId);
    if (!rel) continue;
    // exceljs resolves "/xl/worksheets/sheet1.xml" and "worksheets/sheet1.xml" alike.
    const part = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    const entry = zip.entries.get(part);
    if (!entry || !WORKSHEET_PART.test(part)) continue;
    const name = sheetName(sheet.name, sheet.id);
    if (seen.has(name.toLowerCase())) throw new Error(`duplicate sheet name ${name}`);
    seen.add(name.toLowerCase());
    const reader = new SheetReader({
      styles,
      sharedStrings,
      date1904: workbook?.properties?.date1904,
      formulae: {},
      hyperlinkMap: {},
    });
    for await (const events of byNamespace(parseSax(entryText(zip, entry)))) reader.consume(events);
    const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
    sheets.push(reader.snapshot(name, hidden, keepFormulas));
  }
  return { sheets };
}

/** The name as exceljs's Worksheet keeps it (it refuses the names Excel refuses, and cuts long ones to 31). */
function sheetName(name: string | undefined, id: number | undefined): string {
  const n = name === undefined ? `sheet${id}` : name;
  if (n === "" || n === "History" || /[*?:/\\[\]]/.test(n) || /(^')|('$)/.test(n)) {
    throw new Error(`invalid sheet name ${n}`);
  }
  return n.length > SHEET_NAME_MAX ? n.slice(0, SHEET_NAME_MAX) : n;
}

// ---------------------------------------------------------------- one sheet

/** Grows row by row as the XML streams by; absolute 0-based coordinates. */
class SheetReader {
  private readonly cellXform = new CellXformClass();
  /** Values by absolute row, each row indexed by absolute column (null-padded). */
  private readonly rows: CellValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private anyFormula = false;
  /**
   * The absolute rows that have a <row> element, in the order they came (a repeated number twice): the used range is
   * looked for in these alone, not in every index up to the last row (a cell at row 1,048,576 must not cost a
   * million empty rows).
   */
  private readonly rowNumbers: number[] = [];
  private readonly mergeRefs: string[] = [];
  private readonly hyperlinkRefs: string[] = [];
  /** Shared-formula masters by address, to translate their dependents as exceljs does. */
  private readonly masters = new Map<string, string>();
  /** Cached results of formula cells, in case a hyperlink turns the cell into its link text when the sheet ends. */
  private readonly formulaResults = new Map<string, unknown>();

  private inSheetData = false;
  private inHyperlinks = false;
  private inCell = false;
  private row = -1;
  private previousCol = -1;

  constructor(private readonly options: ReconcileOptions) {}

  consume(events: readonly SaxEvent[]): void {
    for (const event of events) {
      if (event.eventType === "opentag") this.open(event.value);
      else if (event.eventType === "text") {
        if (this.inCell) this.cellXform.parseText(event.value);
      } else this.close(event.value.name);
    }
  }

  private open(node: SaxTag): void {
    if (this.inCell) {
      this.cellXform.parseOpen(node);
      return;
    }
    switch (node.name) {
      case "sheetData":
        this.inSheetData = true;
        return;
      case "row":
        if (!this.inSheetData) return;
        this.startRow(node.attributes.r);
        return;
      case "c":
        if (!this.inSheetData || this.row < 0) return;
        this.inCell = true;
        this.cellXform.parseOpen(node);
        return;
      case "mergeCell":
        if (node.attributes.ref !== undefined) this.mergeRefs.push(node.attributes.ref);
        return;
      case "hyperlinks":
        this.inHyperlinks = true;
        return;
      case "hyperlink":
        // Only links with a relationship (external ones) replace the cell's value in exceljs.
        if (this.inHyperlinks && node.attributes["r:id"] && node.attributes.ref !== undefined) {
          this.hyperlinkRefs.push(node.attributes.ref);
        }
        return;
    }
  }

  private close(name: string): void {
    if (this.inCell) {
      // The cell parser answers false when its <c> element closes.
      if (!this.cellXform.parseClose(name)) {
        this.inCell = false;
        this.endCell(this.cellXform.model);
      }
      return;
    }
    if (name === "sheetData") this.inSheetData = false;
    else if (name === "hyperlinks") this.inHyperlinks = false;
  }

  private startRow(r: string | undefined): void {
    const n = Number.parseInt(r ?? "", 10);
    // exceljs cannot place a row without its number either (its row model refuses NaN).
    if (!Number.isInteger(n) || n < 1) throw new Error(`row without a number: ${String(r)}`);
    this.row = n - 1;
    this.rowNumbers.push(this.row);
    this.previousCol = -1;
    // A repeated row number replaces the earlier row, as in exceljs.
    this.rows[this.row] = [];
    if (this.formulas.length > this.row) this.formulas[this.row] = [];
  }

  private endCell(model: CellModel): void {
    // A cell written with neither style nor value is a "merge" placeholder to exceljs and never becomes a cell.
    this.cellXform.reconcile(model, this.options);
    if (model.type === TYPE.Merge) return;
    let col: number;
    if (model.address) col = colCache.decodeAddress(model.address).col - 1;
    else if (this.previousCol >= 0) col = this.previousCol + 1;
    else throw new Error("cell without an address");
    this.previousCol = col;
    const address = colCache.encodeAddress(this.row + 1, col + 1);

    let value: CellValue;
    let formula: string | null = null;
    if (model.type === TYPE.Formula) {
      // exceljs's formula value copies only truthy fields, so a cached 0, "" or FALSE is lost there: kept so here.
      // No cached result at all is a formula nobody calculated (read.ts's cellValueOf).
      if (model.result === undefined) value = uncalculatedValue();
      else value = model.result ? toCellValue(model.result as never) : null;
      formula = this.formulaText(model, address);
      if (model.shareType === "shared" && model.ref && model.formula)
        this.masters.set(address, model.formula);
      this.formulaResults.set(address, model.result);
    } else if (model.type === TYPE.Hyperlink) {
      value = toCellValue({ text: model.text, hyperlink: model.hyperlink } as never);
    } else {
      value = toCellValue((model.value ?? null) as never);
    }
    this.put(this.row, col, value, formula);
  }

  private formulaText(model: CellModel, address: string): string | null {
    let text = model.formula;
    if (!text && model.sharedFormula) {
      const master = this.masters.get(model.sharedFormula);
      text = master === undefined ? undefined : slideFormula(master, model.sharedFormula, address);
    }
    return text ? `=${text}` : null;
  }

  private put(row: number, col: number, value: CellValue, formula: string | null): void {
    const line = (this.rows[row] ??= []);
    while (line.length < col) line.push(null);
    line[col] = value;
    if (formula !== null || this.formulas[row]?.[col] != null) {
      this.anyFormula = true;
      const f = (this.formulas[row] ??= []);
      while (f.length < col) f.push(null);
      f[col] = formula;
    }
  }

  snapshot(name: string, hidden: boolean, keepFormulas: boolean): SheetSnapshot {
    // Links first: a covered cell is empty whatever its link says.
    this.applyHyperlinks();
    const merges = this.applyMerges();
    const used = this.usedCells(merges);
    if (!used) return { name, originRow: 0, originCol: 0, values: [], merges, hidden };

    const { bounds, rowLengths } = used;
    const width = bounds.right - bounds.left + 1;
    const height = bounds.bottom - bounds.top + 1;
    // The same shape as read.ts: a full rectangle up to DENSE_CELL_LIMIT cells, else rows only as long as their last
    // used cell and one shared empty row (one value in A1 and one in XFD1048576 must not make 17 billion cells).
    const dense = height * width <= DENSE_CELL_LIMIT;
    const grid = <T>(lines: readonly (readonly T[] | undefined)[]): T[][] => {
      if (!dense) {
        // Every row the shared empty one, then those with used cells: the cost is theirs, not the range's height.
        const ragged = new Array<T[]>(height).fill(EMPTY_ROW as unknown as T[]);
        for (const [r, length] of rowLengths)
          ragged[r - bounds.top] = slice(lines[r], bounds.left, length, null as T);
        return ragged;
      }
      const out: T[][] = [];
      for (let r = bounds.top; r <= bounds.bottom; r++)
        out.push(slice(lines[r], bounds.left, width, null as T));
      return out;
    };
    const values = grid<CellValue>(this.rows);
    // Without formulas (check, generate), the formulas of cells saved without a result are still kept: they are what
    // evaluate-missing.ts computes.
    if (!keepFormulas) this.keepUncalculatedFormulasOnly();
    const withFormulas = this.anyFormula && this.formulas.some((f) => f?.some((x) => x !== null));
    const formulas = withFormulas ? grid<string | null>(this.formulas) : undefined;
    return {
      name,
      originRow: bounds.top,
      originCol: bounds.left,
      values,
      ...(formulas ? { formulas } : {}),
      merges,
      hidden,
    };
  }

  private keepUncalculatedFormulasOnly(): void {
    this.formulas.forEach((line, r) => {
      if (!line) return;
      for (let c = 0; c < line.length; c++) if (!isUncalculated(this.rows[r]?.[c])) line[c] = null;
    });
  }

  /** Empties the cells a merge covers (Excel and Office.js show them empty) and returns the merges, sorted. */
  private applyMerges(): CellRange[] {
    const merges: CellRange[] = [];
    const taken = new Set<string>();
    for (const ref of this.mergeRefs) {
      const m = parseA1Range(ref);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          // exceljs refuses overlapping merges ("Cannot merge already merged cells"), and so the workbook.
          const key = `${r},${c}`;
          if (taken.has(key)) throw new Error(`overlapping merge ${ref}`);
          taken.add(key);
          if (r === m.top && c === m.left) continue;
          if (this.rows[r] && c < this.rows[r].length) this.rows[r][c] = null;
          if (this.formulas[r] && c < this.formulas[r].length) this.formulas[r][c] = null;
        }
      }
      if (m.bottom > m.top || m.right > m.left) merges.push(m);
    }
    return merges.sort((a, b) => a.top - b.top || a.left - b.left);
  }

  /** A cell with an external link reads as the link's text: what the value or cached result shows, formula gone. */
  private applyHyperlinks(): void {
    for (const ref of this.hyperlinkRefs) {
      let pos: { row: number; col: number };
      try {
        pos = colCache.decodeAddress(ref);
      } catch {
        continue;
      }
      const r = pos.row - 1;
      const c = pos.col - 1;
      const line = this.rows[r];
      if (!line || c >= line.length) continue;
      const address = colCache.encodeAddress(pos.row, pos.col);
      if (this.formulaResults.has(address)) {
        line[c] = linkText(this.formulaResults.get(address));
        this.formulas[r][c] = null;
      } else {
        line[c] = linkText(line[c]);
      }
    }
  }

  /**
   * The used range (cells with a value or a formula, and every merge, since a merged title may be empty) and, per
   * absolute row, how far its used cells reach from the range's left edge.
   */
  private usedCells(
    merges: readonly CellRange[],
  ): { bounds: CellRange; rowLengths: Map<number, number> } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const lastCol = new Map<number, number>();
    // Only rows that came in a <row> element hold cells (values or formulas); a repeated row gives the same answer.
    for (const r of this.rowNumbers) {
      const line = this.rows[r];
      const f = this.formulas[r];
      const n = Math.max(line?.length ?? 0, f?.length ?? 0);
      let first = -1;
      let last = -1;
      for (let c = 0; c < n; c++) {
        if ((line?.[c] ?? null) === null && (f?.[c] ?? null) === null) continue;
        if (first < 0) first = c;
        last = c;
      }
      if (last < 0) continue;
      lastCol.set(r, last);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (first < left) left = first;
      if (last > right) right = last;
    }
    for (const m of merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    if (bottom < 0) return null;
    const rowLengths = new Map<number, number>();
    for (const [r, last] of lastCol) rowLengths.set(r, last - left + 1);
    return { bounds: { top, left, bottom, right }, rowLengths };
  }
}

/** What read.ts makes of a hyperlink's display text: text, numbers and booleans stay, anything else is empty. */
function linkText(v: unknown): CellValue {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v && typeof v === "object" && "richText" in v) return toCellValue(v as never);
  return null;
}

function slice<T>(line: readonly T[] | undefined, left: number, width: number, empty: T): T[] {
  const out = new Array<T>(width).fill(empty);
  if (!line) return out;
  const end = Math.min(line.length, left + width);
  for (let c = left; c < end; c++) {
    const v = line[c];
    if (v !== undefined) out[c - left] = v;
  }
  return out;
}
