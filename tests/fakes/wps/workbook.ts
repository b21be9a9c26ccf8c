/**
 * A recording fake of WPS 表格's application, workbook and worksheets, typed by the gateway's ET interfaces
 * (src/gateway/wps/et-api.ts) and built from ET's documented behaviour, not from the gateway:
 * - `Worksheets.Item(i)` is 1-based (0 and Count + 1 throw), or takes a name (any case);
 * - a sheet name is at most 31 characters, without []:*?/\, unique regardless of case;
 * - the last visible sheet cannot be hidden or deleted; a very hidden sheet (Visible = 2) cannot be activated;
 * - deleting a sheet while DisplayAlerts is on would stop on ET's confirmation dialog: the fake throws instead;
 * - a protected workbook structure refuses adding, deleting, renaming and hiding sheets; a protected sheet refuses
 *   every change to its cells (range.ts);
 * - UsedRange spans every cell that has a value or a format, and the merged areas — not only the values — and is A1
 *   on an empty sheet;
 * - charts live in each sheet's Shapes (shapes.ts) and go with the sheet when it is deleted.
 * Every change is recorded in `app.calls`; every Value2 read in `app.valueReads`.
 */
import type {
  EtApplication,
  EtCells,
  EtHyperlinks,
  EtPageSetup,
  EtRange,
  EtRangeItems,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
  EtWorksheets,
  XlSheetVisibility,
} from "../../../src/gateway/wps/et-api";
import { parseA1Range, rangeToA1 } from "../../../src/engine/a1";
import type { CellRange } from "../../../src/engine/snapshot";
import {
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  intersects,
  isBlank,
  keyCol,
  keyRow,
  newCell,
  type FakeCell,
} from "./cells";
import { refuse } from "./errors";
import { FakeRange } from "./range";
import { FakeShapes } from "./shapes";

export interface FakeHyperlink {
  readonly address: string;
  readonly target: string;
  readonly subAddress: string;
  readonly text: string | undefined;
}

interface ViewState {
  gridlines: boolean;
  splitRow: number;
  splitColumn: number;
  freeze: boolean;
}

const BAD_NAME = /[[\]:*?/\\]/;

export class FakeSheet implements EtWorksheet {
  private name_: string;
  private visible: XlSheetVisibility = -1;
  protectContents = false;
  readonly cells = new Map<number, FakeCell>();
  readonly merges: CellRange[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly links: FakeHyperlink[] = [];
  readonly shapes = new FakeShapes(this);
  readonly view: ViewState = { gridlines: true, splitRow: 0, splitColumn: 0, freeze: false };
  readonly PageSetup: EtPageSetup = {
    PaperSize: 1,
    Orientation: 1,
    Zoom: 100,
    FitToPagesWide: 1,
    FitToPagesTall: 1,
    CenterHorizontally: false,
    LeftMargin: 50.4,
    RightMargin: 50.4,
    TopMargin: 54,
    BottomMargin: 54,
    HeaderMargin: 21.6,
    FooterMargin: 21.6,
    PrintTitleRows: "",
    CenterFooter: "",
  };
  deleted = false;

  constructor(
    readonly workbook: FakeWorkbook,
    name: string,
  ) {
    this.name_ = name;
  }

  get name(): string {
    return this.name_;
  }

  get Name(): string {
    return this.name_;
  }
  set Name(name: string) {
    this.workbook.app.record(`${this.name_}.Name=${name}`);
    this.workbook.guardStructure("rename a sheet");
    this.workbook.checkName(name, this);
    this.name_ = name;
  }

  get Visible(): XlSheetVisibility {
    return this.visible;
  }
  set Visible(v: XlSheetVisibility) {
    this.workbook.app.record(`${this.name_}.Visible=${v}`);
    this.workbook.guardStructure("hide or show a sheet");
    if (v !== -1 && this.visible === -1 && this.workbook.visibleSheets().length === 1)
      refuse("last-visible-sheet", "A workbook must have at least one visible sheet.");
    this.visible = v;
    if (v !== -1 && this.workbook.activeSheet === this) this.workbook.activateFirstVisible();
  }

  get ProtectContents(): boolean {
    return this.protectContents;
  }

  /** Test setup: ET's Worksheet.Protect(). */
  protect(): void {
    this.protectContents = true;
  }

  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  cell(row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = newCell();
      this.cells.set(key, c);
    }
    return c;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** A cell of a merged area other than its top-left. */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** Merges an area (overlapping merged areas are swallowed, as ET does); only the top-left value stays. */
  merge(area: CellRange): void {
    if (area.top === area.bottom && area.left === area.right) return;
    let holding = 0;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.peek(r, c);
        if (cell && (cell.value !== undefined || cell.formula !== undefined || cell.error !== undefined))
          holding++;
      }
    // ET asks before it throws away the values of the other cells.
    if (holding > 1 && this.workbook.app.DisplayAlerts)
      refuse("dialog", "Merging keeps only the upper-left value: ET would ask the user first.");
    let box = area;
    for (let i = this.merges.length - 1; i >= 0; i--) {
      const m = this.merges[i];
      if (intersects(m, box)) {
        box = {
          top: Math.min(box.top, m.top),
          left: Math.min(box.left, m.left),
          bottom: Math.max(box.bottom, m.bottom),
          right: Math.max(box.right, m.right),
        };
        this.merges.splice(i, 1);
      }
    }
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        if (r === box.top && c === box.left) continue;
        const cell = this.peek(r, c);
        if (cell) {
          cell.value = undefined;
          delete cell.error;
          delete cell.formula;
        }
      }
    this.merges.push(box);
  }

  addressOf(rect: CellRange): string {
    return rangeToA1(rect);
  }

  get UsedRange(): EtRange {
    let box: CellRange | null = null;
    const grow = (r: CellRange) => {
      box = box
        ? {
            top: Math.min(box.top, r.top),
            left: Math.min(box.left, r.left),
            bottom: Math.max(box.bottom, r.bottom),
            right: Math.max(box.right, r.right),
          }
        : r;
    };
    for (const [key, cell] of this.cells) {
      if (isBlank(cell)) continue;
      const row = keyRow(key);
      const col = keyCol(key);
      grow({ top: row, left: col, bottom: row, right: col });
    }
    for (const m of this.merges) grow(m);
    return new FakeRange(this, box ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  Range(address: string): EtRange {
    let rect: CellRange;
    try {
      rect = parseA1Range(address);
    } catch {
      return refuse("bad-index", `Range("${address}")`);
    }
    return new FakeRange(this, rect);
  }

  get Cells(): EtCells {
    return {
      Item: (row: number, column: number) => {
        if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1)
          refuse("bad-index", `Cells.Item(${row}, ${column}): ET counts from 1`);
        return new FakeRange(this, { top: row - 1, left: column - 1, bottom: row - 1, right: column - 1 });
      },
    };
  }

  get Columns(): EtRangeItems {
    return {
      Count: MAX_COLS,
      Item: (i: number) => {
        if (!Number.isInteger(i) || i < 1 || i > MAX_COLS) refuse("bad-index", `Columns.Item(${i})`);
        return new FakeRange(this, { top: 0, left: i - 1, bottom: MAX_ROWS - 1, right: i - 1 });
      },
    };
  }

  get Rows(): EtRangeItems {
    return {
      Count: MAX_ROWS,
      Item: (i: number) => {
        if (!Number.isInteger(i) || i < 1 || i > MAX_ROWS) refuse("bad-index", `Rows.Item(${i})`);
        return new FakeRange(this, { top: i - 1, left: 0, bottom: i - 1, right: MAX_COLS - 1 });
      },
    };
  }

  get Hyperlinks(): EtHyperlinks {
    return {
      Add: (anchor: EtRange, address: string, subAddress?: string, _tip?: string, text?: string) => {
        if (!(anchor instanceof FakeRange) || anchor.sheet !== this)
          refuse("bad-index", "anchor on another sheet");
        this.workbook.app.record(`${this.name_}!${anchor.address()}.Hyperlinks.Add`);
        if (this.protectContents) refuse("protected-sheet", `The sheet "${this.name_}" is protected.`);
        this.links.push({ address: anchor.address(), target: address, subAddress: subAddress ?? "", text });
        if (text !== undefined) anchor.Value2 = text;
        return {};
      },
    };
  }

  get Shapes(): FakeShapes {
    return this.shapes;
  }

  Activate(): void {
    if (this.visible !== -1)
      refuse("hidden-sheet", "Activate method of Worksheet class failed: the sheet is hidden.");
    this.workbook.activeSheet = this;
  }

  Delete(): void {
    this.workbook.app.record(`${this.name_}.Delete`);
    this.workbook.guardStructure("delete a sheet");
    if (this.workbook.app.DisplayAlerts)
      refuse("dialog", "Deleting a sheet asks the user first: ET would show its confirmation dialog.");
    if (this.visible === -1 && this.workbook.visibleSheets().length === 1)
      refuse("last-visible-sheet", "A workbook must have at least one visible sheet.");
    this.workbook.remove(this);
  }

  /** Points spanned by columns first..last (0-based; none when last < first): ET's default width is 8.38. */
  columnsWidthPoints(first: number, last: number): number {
    let points = 0;
    for (let c = first; c <= last; c++) points += ((this.columnWidths.get(c) ?? 8.38) * 7 + 5) * 0.75;
    return Math.round(points * 100) / 100;
  }

  /** Points spanned by rows first..last (0-based): the default 13.5 but for the rows given a height. */
  rowsHeightPoints(first: number, last: number): number {
    if (last < first) return 0;
    let points = (last - first + 1) * 13.5;
    for (const [r, h] of this.rowHeights) if (r >= first && r <= last) points += h - 13.5;
    return Math.round(points * 100) / 100;
  }

  // Test helpers (not part of ET's API) --------------------------------------------------------------------------

  /** Sets a cell as a user would type it (0-based). */
  set(row: number, col: number, value: string | number | boolean, numberFormat?: string): this {
    const cell = this.cell(row, col);
    cell.value = value;
    if (numberFormat) cell.numberFormat = numberFormat;
    return this;
  }

  setError(row: number, col: number, literal: string): this {
    this.cell(row, col).error = literal;
    return this;
  }

  /** The value shown at a cell (0-based), or undefined when empty. */
  valueAt(row: number, col: number): string | number | boolean | undefined {
    return this.peek(row, col)?.value;
  }

  /** Every cell holding a value, as "row,col" (0-based) → value. */
  values(): Map<string, string | number | boolean> {
    const out = new Map<string, string | number | boolean>();
    for (const [key, cell] of this.cells)
      if (cell.value !== undefined) out.set(`${keyRow(key)},${keyCol(key)}`, cell.value);
    return out;
  }
}

export class FakeWorkbook implements EtWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  protectStructure = false;
  private added = 0;

  constructor(
    readonly app: FakeEtApp,
    readonly Name = "工作簿1.xlsx",
  ) {}

  get ProtectStructure(): boolean {
    return this.protectStructure;
  }

  guardStructure(what: string): void {
    if (this.protectStructure) refuse("protected-structure", `The workbook is protected: cannot ${what}.`);
  }

  checkName(name: string, self: FakeSheet | null): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      BAD_NAME.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    )
      refuse("bad-name", `"${name}" is not a valid sheet name.`);
    const key = name.toUpperCase();
    if (this.sheets.some((s) => s !== self && s.name.toUpperCase() === key))
      refuse("duplicate-name", `A sheet named "${name}" exists already.`);
  }

  visibleSheets(): FakeSheet[] {
    return this.sheets.filter((s) => s.Visible === -1);
  }

  activateFirstVisible(): void {
    this.activeSheet = this.visibleSheets()[0] ?? null;
  }

  remove(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    sheet.deleted = true;
    if (this.activeSheet === sheet) this.activateFirstVisible();
  }

  get Worksheets(): EtWorksheets {
    return {
      Count: this.sheets.length,
      Item: (index: number | string) => {
        if (typeof index === "number") {
          if (!Number.isInteger(index) || index < 1 || index > this.sheets.length)
            refuse("bad-index", `Worksheets.Item(${index}): ET counts from 1 to ${this.sheets.length}`);
          return this.sheets[index - 1];
        }
        const found = this.sheets.find((s) => s.name.toUpperCase() === index.toUpperCase());
        return found ?? refuse("bad-index", `No sheet named "${index}"`);
      },
      Add: (before?: EtWorksheet, after?: EtWorksheet) => {
        this.app.record("Worksheets.Add");
        this.guardStructure("add a sheet");
        let name: string;
        do name = `Sheet${++this.added + this.sheets.length}`;
        while (this.sheets.some((s) => s.name.toUpperCase() === name.toUpperCase()));
        const sheet = new FakeSheet(this, name);
        const anchor = (before ?? after) as FakeSheet | undefined;
        const at = anchor
          ? this.sheets.indexOf(anchor)
          : this.activeSheet
            ? this.sheets.indexOf(this.activeSheet)
            : 0;
        this.sheets.splice(after ? at + 1 : Math.max(at, 0), 0, sheet);
        this.activeSheet = sheet;
        return sheet;
      },
    };
  }

  // Test helpers ----------------------------------------------------------------------------------------------------

  addSheet(name: string, visible: XlSheetVisibility = -1): FakeSheet {
    this.checkName(name, null);
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    if (visible !== -1) sheet.Visible = visible;
    if (!this.activeSheet && visible === -1) this.activeSheet = sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toUpperCase() === name.toUpperCase());
    if (!s) throw new Error(`no sheet "${name}" in the fake`);
    return s;
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

export class FakeEtApp implements EtApplication {
  readonly workbook: FakeWorkbook;
  DisplayAlerts = true;
  ScreenUpdating = true;
  /** Every change, in order ("Sheet1!A1:C3.Value2", "Worksheets.Add", "Sheet2.Delete"…). */
  readonly calls: string[] = [];
  /** Every Value2 read: the sheet and the number of cells it covered. */
  readonly valueReads: { sheet: string; cells: number }[] = [];

  constructor() {
    this.workbook = new FakeWorkbook(this);
  }

  record(call: string): void {
    this.calls.push(call);
  }

  get ActiveWorkbook(): EtWorkbook {
    return this.workbook;
  }

  get ActiveWindow(): EtWindow | null {
    const sheet = this.workbook.activeSheet;
    if (!sheet) return null;
    const v = sheet.view;
    return {
      get DisplayGridlines() {
        return v.gridlines;
      },
      set DisplayGridlines(on: boolean) {
        v.gridlines = on;
      },
      get SplitRow() {
        return v.splitRow;
      },
      set SplitRow(n: number) {
        v.splitRow = n;
      },
      get SplitColumn() {
        return v.splitColumn;
      },
      set SplitColumn(n: number) {
        v.splitColumn = n;
      },
      get FreezePanes() {
        return v.freeze;
      },
      set FreezePanes(on: boolean) {
        v.freeze = on;
      },
    };
  }
}
