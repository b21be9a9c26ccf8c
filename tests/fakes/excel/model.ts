/**
 * The fake workbook's state: plain data that the proxies read and change at `sync()` time, and that tests inspect
 * directly. Only what the gateway uses is modelled, but with Excel's rules (coercion of typed text, "@" keeps text,
 * name rules, protection).
 */
import { columnName, parseA1Range, toA1 } from "../../../src/engine/a1";
import type { CellRange } from "../../../src/engine/snapshot";
import { FakeOfficeError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's default column width (8.43 characters) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
/** What Excel reports as the fill colour of a cell with no fill. */
export const NO_FILL_COLOR = "#FFFFFF";

/** An error value in a cell; Excel returns it as its literal ("#REF!") in `values` and "Error" in `valueTypes`. */
export interface FakeErrorValue {
  readonly error: string;
}

export type FakeScalar = string | number | boolean;
export type FakeValue = FakeScalar | FakeErrorValue;

export function fakeError(code: string): FakeErrorValue {
  return { error: code };
}

export function isFakeError(v: unknown): v is FakeErrorValue {
  return typeof v === "object" && v !== null && typeof (v as FakeErrorValue).error === "string";
}

export interface FakeFill {
  readonly color: string;
  readonly pattern: string;
}

export interface FakeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  color: string;
}

export interface FakeBorder {
  style: string;
  weight: string;
  color: string;
}

export type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface FakeHyperlink {
  readonly documentReference?: string;
  readonly address?: string;
  readonly textToDisplay?: string;
  readonly screenTip?: string;
}

export interface FakeCell {
  /** null is an empty cell. */
  value: FakeValue | null;
  formula: string | null;
  numberFormat: string;
  fill: FakeFill | null;
  font: FakeFont;
  borders: Partial<Record<BorderSide, FakeBorder>>;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  hyperlink: FakeHyperlink | null;
}

export function defaultFont(): FakeFont {
  return { name: "Calibri", size: 11, bold: false, italic: false, underline: "None", color: "#000000" };
}

/**
 * The font and the (absent) borders of a cell nobody formatted, shared by every such cell: a fresh font and borders
 * object per cell made a million-cell sheet three million objects, and building it cost seconds, most of them in the
 * garbage collector. Frozen, so a change can only replace a cell's font or borders (copy on write), never alter
 * every pristine cell at once.
 */
export const PRISTINE_FONT: FakeFont = Object.freeze(defaultFont());
export const NO_BORDERS: FakeCell["borders"] = Object.freeze({});

export function newCell(): FakeCell {
  return {
    value: null,
    formula: null,
    numberFormat: "General",
    fill: null,
    font: PRISTINE_FONT,
    borders: NO_BORDERS,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    indentLevel: 0,
    hyperlink: null,
  };
}

/** True when a cell differs from a pristine one in anything but its value (what makes Excel count it as used). */
function isFormatted(c: FakeCell): boolean {
  const f = c.font;
  return (
    c.numberFormat !== "General" ||
    c.fill !== null ||
    f.name !== "Calibri" ||
    f.size !== 11 ||
    f.bold ||
    f.italic ||
    f.underline !== "None" ||
    f.color !== "#000000" ||
    Object.keys(c.borders).length > 0 ||
    c.horizontalAlignment !== "General" ||
    c.verticalAlignment !== "Bottom" ||
    c.wrapText ||
    c.indentLevel !== 0 ||
    c.hyperlink !== null
  );
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakePageSetup {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printTitleRows: string | null;
  centerFooter: string;
  centerHeader: string;
}

function defaultPageLayout(): FakePageSetup {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printTitleRows: null,
    centerFooter: "",
    centerHeader: "",
  };
}

export interface FakeChart {
  name: string;
  readonly type: string;
  /** The sheet and cells the chart plots. */
  readonly source: { readonly sheet: FakeSheet; readonly rect: CellRange };
  readonly seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
}

/**
 * A cell given only a value, when the fake's sheet is built (FakeExcel.addSheet) or read: what a big sheet is made of.
 * It becomes a FakeCell (holding that value, with no format) the first time anything asks for it as a cell.
 */
type BareValue = FakeValue;
type Slot = FakeCell | BareValue;

function isCell(s: Slot): s is FakeCell {
  return typeof s === "object" && "numberFormat" in s;
}

/**
 * A pristine cell standing in for a bare value while it is read (CellStore.read, forEachRead): one object for all of
 * them, set to each value in turn, so reading a million bare values makes no million cells. Sealed, and handed out
 * as Readonly: only the store sets its value.
 */
const BARE_VIEW: FakeCell = Object.seal(newCell());

/**
 * A sheet's cells, keyed as `row * MAX_COLUMNS + col` like a Map, stored row by row: a Map of rows, each an array
 * indexed by column. A flat Map keyed that way made a large sheet slow: past row 131,071 the keys are no small
 * integers, so each lookup hashed a heap number and a million-cell test spent seconds on the fake alone; a Map per row
 * still cost a hash table per row. A cell that only ever received a value is kept as that bare value until someone
 * asks for the cell: a FakeCell is an object of eleven properties, and a 200,000-row sheet of them took seconds to
 * build and as long again in the garbage collector. Iterates row by row (rows in the order they were first touched),
 * each row from its first column to its last.
 */
export class CellStore implements Iterable<[number, FakeCell]> {
  private readonly rows = new Map<number, (Slot | undefined)[]>();

  /** The cell at a position, or undefined when it was never touched. */
  at(row: number, col: number): FakeCell | undefined {
    const line = this.rows.get(row);
    const s = line?.[col];
    if (s === undefined || isCell(s)) return s;
    return promote(line as Slot[], col, s);
  }

  /** The cell at a position, created on first touch. */
  touch(row: number, col: number): FakeCell {
    const line = this.line(row);
    const s = line[col];
    if (s === undefined) return (line[col] = newCell());
    return isCell(s) ? s : promote(line, col, s);
  }

  /** Gives a cell a value, as `touch(row, col).value = value` does, without making a cell of a new one. */
  put(row: number, col: number, value: FakeValue): void {
    const line = this.line(row);
    const s = line[col];
    if (s !== undefined && isCell(s)) s.value = value;
    else line[col] = value;
  }

  /**
   * The cell at a position for reading it at once, or undefined when it was never touched: a bare value comes as a
   * stand-in cell that the next read reuses, so keep nothing of it but the properties read, and never change it.
   */
  read(row: number, col: number): Readonly<FakeCell> | undefined {
    return view(this.rows.get(row)?.[col]);
  }

  /** Reads every cell of a row from `left` to `right` (as `read` does) with the row looked up once. */
  readRow(
    row: number,
    left: number,
    right: number,
    fn: (cell: Readonly<FakeCell> | undefined) => void,
  ): void {
    const line = this.rows.get(row);
    for (let col = left; col <= right; col++) fn(view(line?.[col]));
  }

  get(key: number): FakeCell | undefined {
    const row = Math.floor(key / MAX_COLUMNS);
    return this.at(row, key - row * MAX_COLUMNS);
  }

  /** Every touched cell with its position, row by row, for reading it at once (as `read` gives it). */
  forEachRead(fn: (cell: Readonly<FakeCell>, row: number, col: number) => void): void {
    for (const [row, line] of this.rows) line.forEach((s, col) => s !== undefined && fn(view(s)!, row, col));
  }

  *entries(): IterableIterator<[number, FakeCell]> {
    for (const [row, line] of this.rows) {
      for (let col = 0; col < line.length; col++) {
        const s = line[col];
        if (s !== undefined) yield [row * MAX_COLUMNS + col, isCell(s) ? s : promote(line, col, s)];
      }
    }
  }

  *values(): IterableIterator<FakeCell> {
    for (const [, c] of this.entries()) yield c;
  }

  [Symbol.iterator](): IterableIterator<[number, FakeCell]> {
    return this.entries();
  }

  private line(row: number): (Slot | undefined)[] {
    let line = this.rows.get(row);
    if (!line) {
      line = [];
      this.rows.set(row, line);
    }
    return line;
  }
}

/** Turns a bare value into the cell that holds it, in its place. */
function promote(line: (Slot | undefined)[], col: number, value: BareValue): FakeCell {
  const c = newCell();
  c.value = value;
  line[col] = c;
  return c;
}

function view(s: Slot | undefined): Readonly<FakeCell> | undefined {
  if (s === undefined || isCell(s)) return s;
  BARE_VIEW.value = s;
  return BARE_VIEW;
}

let nextSheetId = 1;

export class FakeSheet {
  readonly id = `{00000000-0001-0000-0000-${String(nextSheetId++).padStart(12, "0")}}`;
  visibility: SheetVisibility = "Visible";
  /** Sheet protection (Review → Protect Sheet): cell contents and formats cannot change. */
  protected = false;
  showGridlines = true;
  tabColor = "";
  readonly cells = new CellStore();
  merges: CellRange[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; cols: number } | null = null;
  readonly pageLayout: FakePageSetup = defaultPageLayout();
  readonly charts: FakeChart[] = [];
  readonly customProperties = new Map<string, string>();

  constructor(public name: string) {}

  /** The cell at a position, created on first touch. */
  cell(row: number, col: number): FakeCell {
    return this.cells.touch(row, col);
  }

  /** The cell at a position, or undefined when it was never touched. */
  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.at(row, col);
  }

  /** Same as `cell` but by A1 address, for tests. */
  at(address: string): FakeCell {
    const r = parseA1Range(address);
    return this.cell(r.top, r.left);
  }

  /** The bounding box of the cells with values (valuesOnly) or with values or formats; null for an empty sheet. */
  usedRect(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEachRead((c, row, col) => {
      const used = c.value !== null || c.formula !== null || (!valuesOnly && isFormatted(c));
      if (!used) return;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    });
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Throws AccessDenied when the sheet is protected: the gate for every change to cells or formats. */
  assertEditable(): void {
    if (this.protected) {
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet (${this.name}).`,
      );
    }
  }
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  /** Custom XML parts (workbook.customXmlParts), in the order added. */
  readonly customXmlParts: { readonly id: string; xml: string }[] = [];
  customXmlPartCounter = 0;
  /** Workbook structure protection: sheets cannot be added, deleted, renamed, moved or hidden. */
  protected = false;
  active: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rect: CellRange } | null = null;

  find(name: string): FakeSheet | undefined {
    const k = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === k);
  }

  assertStructureEditable(): void {
    if (this.protected) {
      throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
    }
  }

  /** Adds a sheet at the end, enforcing Excel's sheet-name rules. */
  addSheet(name: string): FakeSheet {
    this.assertStructureEditable();
    this.assertValidNewName(name);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  assertValidNewName(name: string, except?: FakeSheet): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    const other = this.find(name);
    if (other && other !== except) {
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    }
  }

  deleteSheet(sheet: FakeSheet): void {
    this.assertStructureEditable();
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new FakeOfficeError("ItemNotFound", `The sheet "${sheet.name}" no longer exists.`);
    const visibleLeft = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible").length;
    if (visibleLeft === 0) {
      throw new FakeOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
      );
    }
    this.sheets.splice(i, 1);
    // Charts elsewhere that plotted this sheet lose their data; drop them as Excel shows them empty.
    for (const s of this.sheets) {
      for (let c = s.charts.length - 1; c >= 0; c--)
        if (s.charts[c].source.sheet === sheet) s.charts.splice(c, 1);
    }
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === "Visible") ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }
}

/** "'My sheet'!A1:B2" or "Sheet1!A1" as Excel writes addresses: names with spaces or punctuation are quoted. */
export function qualifiedAddress(sheet: FakeSheet, rect: CellRange): string {
  const a = toA1(rect.top, rect.left);
  const b = toA1(rect.bottom, rect.right);
  const local = a === b ? a : `${a}:${b}`;
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet.name);
  const name = plain ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${local}`;
}

/**
 * Parses a range address the way Worksheet.getRange does: "B3", "A1:C4", whole columns "A:C" and whole rows "2:5".
 */
export function parseRangeAddress(address: string): CellRange {
  const body = address.replace(/\$/g, "").trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(body);
  if (cols) {
    const a = parseA1Range(`${cols[1]}1:${cols[2]}1`);
    return { top: 0, left: a.left, bottom: MAX_ROWS - 1, right: a.right };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(body);
  if (rows) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(t, b), left: 0, bottom: Math.max(t, b), right: MAX_COLUMNS - 1 };
  }
  try {
    const r = parseA1Range(body);
    if (r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS) throw new RangeError("outside the grid");
    return r;
  } catch {
    throw new FakeOfficeError("InvalidArgument", `The address "${address}" is not valid.`);
  }
}

export function rectCells(rect: CellRange): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function columnLetter(col: number): string {
  return columnName(col);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What Excel stores when a value is written to a cell: under a text format ("@") the string is kept as typed;
 * otherwise "=…" becomes a formula, numeric text becomes a number, "TRUE"/"FALSE" booleans, and a leading
 * apostrophe forces text. This is what makes user text dangerous without "@".
 */
export function storeTyped(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // Office.js: null leaves the cell as it is
  cell.formula = null;
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      throw new FakeOfficeError("InvalidArgument", `Cannot write ${input} to a cell.`);
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", "Cell values must be scalars.");
  if (input === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (input.startsWith("=") && input.length > 1) {
    // The fake does not calculate; a formula cell shows no value until Excel would recalculate.
    cell.formula = input;
    cell.value = null;
    return;
  }
  const t = input.trim();
  if (NUMBER_TEXT.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (/%$/.test(t) && NUMBER_TEXT.test(t.slice(0, -1))) {
    cell.value = Number(t.slice(0, -1)) / 100;
    if (cell.numberFormat === "General") cell.numberFormat = "0%";
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toUpperCase() === "TRUE";
    return;
  }
  cell.value = input;
}

export function readValue(cell: FakeCell | undefined): FakeScalar {
  if (!cell || cell.value === null) return "";
  return isFakeError(cell.value) ? cell.value.error : cell.value;
}

export function readValueType(cell: FakeCell | undefined): string {
  if (!cell || cell.value === null) return "Empty";
  const v = cell.value;
  if (isFakeError(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

export function readFormula(cell: FakeCell | undefined): FakeScalar {
  if (cell?.formula) return cell.formula;
  return readValue(cell);
}

/** Colours as Excel returns them: "#RRGGBB" upper case. */
export function normalizeColor(color: string): string {
  const c = color.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(c)) return c.toUpperCase();
  const named: Record<string, string> = {
    red: "#FF0000",
    yellow: "#FFFF00",
    white: "#FFFFFF",
    black: "#000000",
    blue: "#0000FF",
    green: "#008000",
  };
  const n = named[c.toLowerCase()];
  if (!n) throw new FakeOfficeError("InvalidArgument", `"${color}" is not a colour.`);
  return n;
}
