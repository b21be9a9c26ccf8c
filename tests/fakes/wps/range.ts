/**
 * A fake ET Range over a rectangle of a FakeSheet, enforcing what ET does: Value2 is a scalar for one cell and a 2-D
 * array (0-based rows of 0-based cells) for several; an array written must have the range's shape; a string written
 * into a cell that is not formatted as text is parsed ("=…" becomes a formula, "12" a number); covered cells of a
 * merged area read empty and a write that cuts through a merged area throws; a protected sheet refuses every change;
 * a property that differs across the cells reads null.
 */
import type {
  EtBorder,
  EtBorders,
  EtFont,
  EtInterior,
  EtRange,
  EtRangeItems,
  EtScalar,
  EtValue,
  XlBordersIndex,
} from "../../../src/gateway/wps/et-api";
import type { CellRange } from "../../../src/engine/snapshot";
import {
  ERROR_NUMBERS,
  MAX_COLS,
  MAX_ROWS,
  NO_PATTERN,
  WHITE,
  contains,
  intersects,
  type FakeCell,
} from "./cells";
import { refuse } from "./errors";
import type { FakeSheet } from "./workbook";

/** Text ET would turn into a number when typed into a General cell. */
const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function common<T>(values: Iterable<T>): T | null {
  let first = true;
  let seen: T | null = null;
  for (const v of values) {
    if (first) {
      seen = v;
      first = false;
    } else if (v !== seen) return null;
  }
  return seen;
}

export class FakeRange implements EtRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: CellRange,
  ) {
    if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS)
      refuse("bad-index", "Range outside the sheet");
  }

  get Row(): number {
    return this.rect.top + 1;
  }
  get Column(): number {
    return this.rect.left + 1;
  }
  get Rows(): EtRangeItems {
    const r = this.rect;
    return {
      Count: r.bottom - r.top + 1,
      Item: (i: number) => this.sub(r.top + i - 1, r.left, r.top + i - 1, r.right, r.bottom - r.top + 1, i),
    };
  }
  get Columns(): EtRangeItems {
    const r = this.rect;
    return {
      Count: r.right - r.left + 1,
      Item: (i: number) => this.sub(r.top, r.left + i - 1, r.bottom, r.left + i - 1, r.right - r.left + 1, i),
    };
  }

  private sub(top: number, left: number, bottom: number, right: number, count: number, i: number): FakeRange {
    if (!Number.isInteger(i) || i < 1 || i > count) refuse("bad-index", `Item(${i}) of ${count}`);
    return new FakeRange(this.sheet, { top, left, bottom, right });
  }

  /** Every position of the range, row by row (only ever called on ranges of a sane size). */
  private *positions(): Generator<[number, number]> {
    for (let r = this.rect.top; r <= this.rect.bottom; r++)
      for (let c = this.rect.left; c <= this.rect.right; c++) yield [r, c];
  }

  private cellsForRead(): Generator<FakeCell | undefined> {
    const sheet = this.sheet;
    return (function* (positions: Generator<[number, number]>) {
      for (const [r, c] of positions) yield sheet.peek(r, c);
    })(this.positions());
  }

  private get single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }

  /** Refuses any change on a protected sheet (every cell of ours is locked, as cells are by default). */
  private guardWrite(what: string): void {
    this.sheet.workbook.app.record(`${this.sheet.name}!${this.address()}.${what}`);
    if (this.sheet.ProtectContents) refuse("protected-sheet", `The sheet "${this.sheet.name}" is protected.`);
  }

  address(): string {
    return this.sheet.addressOf(this.rect);
  }

  get Value2(): EtValue {
    this.sheet.workbook.app.valueReads.push({ sheet: this.sheet.name, cells: this.cellCount() });
    const read = (r: number, c: number): EtScalar => {
      if (this.sheet.isCovered(r, c)) return undefined;
      const cell = this.sheet.peek(r, c);
      if (!cell) return undefined;
      if (cell.error !== undefined) return ERROR_NUMBERS[cell.error];
      return cell.value;
    };
    if (this.single) return read(this.rect.top, this.rect.left);
    const rows: EtScalar[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const line: EtScalar[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) line.push(read(r, c));
      rows.push(line);
    }
    return rows;
  }

  set Value2(value: EtValue) {
    this.guardWrite("Value2");
    this.guardMerges();
    const height = this.rect.bottom - this.rect.top + 1;
    const width = this.rect.right - this.rect.left + 1;
    if (Array.isArray(value)) {
      if (value.length !== height || value.some((row) => !Array.isArray(row) || row.length !== width))
        refuse("shape-mismatch", `Value2 array is not ${height}×${width}`);
    }
    for (const [r, c] of this.positions()) {
      const v = Array.isArray(value) ? value[r - this.rect.top][c - this.rect.left] : value;
      // A covered cell of a merged area keeps nothing: ET discards what is written there.
      if (this.sheet.isCovered(r, c)) continue;
      this.store(this.sheet.cell(r, c), v);
    }
  }

  private store(cell: FakeCell, v: EtScalar): void {
    delete cell.error;
    delete cell.formula;
    if (v === undefined || v === null || v === "") {
      cell.value = undefined;
      return;
    }
    if (typeof v === "string" && cell.numberFormat !== "@") {
      if (v.startsWith("=")) {
        cell.formula = v;
        cell.value = undefined;
        return;
      }
      if (NUMERIC_TEXT.test(v)) {
        cell.value = Number(v);
        return;
      }
    }
    cell.value = v;
  }

  /** A write must hold every merged area it touches whole: ET refuses to change part of a merged cell. */
  private guardMerges(): void {
    for (const m of this.sheet.merges)
      if (intersects(m, this.rect) && !contains(this.rect, m))
        refuse("partial-merge", "Cannot change part of a merged cell.");
  }

  private cellCount(): number {
    return (this.rect.bottom - this.rect.top + 1) * (this.rect.right - this.rect.left + 1);
  }

  get Text(): string | null {
    const cell = this.sheet.peek(this.rect.top, this.rect.left);
    if (!cell) return "";
    if (cell.error !== undefined) return cell.error;
    return cell.value === undefined ? "" : String(cell.value);
  }

  get NumberFormat(): string | null {
    return common([...this.cellsForRead()].map((c) => c?.numberFormat ?? "General"));
  }

  set NumberFormat(format: string | null) {
    this.guardWrite("NumberFormat");
    for (const [r, c] of this.positions()) this.sheet.cell(r, c).numberFormat = format ?? "General";
  }

  get MergeCells(): boolean | null {
    let inMerge = 0;
    let total = 0;
    for (const [r, c] of this.positions()) {
      total += 1;
      if (this.sheet.mergeAt(r, c)) inMerge += 1;
    }
    return inMerge === 0 ? false : inMerge === total ? true : null;
  }

  get MergeArea(): EtRange {
    const m = this.sheet.mergeAt(this.rect.top, this.rect.left);
    return new FakeRange(this.sheet, m ?? { ...this.rect, bottom: this.rect.top, right: this.rect.left });
  }

  Merge(Across?: boolean): void {
    this.guardWrite(`Merge(${Across === true})`);
    const areas: CellRange[] = Across
      ? Array.from({ length: this.rect.bottom - this.rect.top + 1 }, (_, i) => ({
          ...this.rect,
          top: this.rect.top + i,
          bottom: this.rect.top + i,
        }))
      : [this.rect];
    for (const area of areas) this.sheet.merge(area);
  }

  get Interior(): EtInterior {
    const interior = {} as EtInterior;
    Object.defineProperties(interior, {
      Color: {
        get: () => common([...this.cellsForRead()].map((c) => c?.fillColor ?? WHITE)),
        set: (color: number | null) => {
          this.guardWrite("Interior.Color");
          for (const [r, c] of this.positions()) {
            const cell = this.sheet.cell(r, c);
            cell.fillColor = color ?? WHITE;
            cell.fillPattern = 1;
          }
        },
      },
      Pattern: {
        get: () => common([...this.cellsForRead()].map((c) => c?.fillPattern ?? NO_PATTERN)),
        set: (pattern: number | null) => {
          this.guardWrite("Interior.Pattern");
          for (const [r, c] of this.positions()) {
            const cell = this.sheet.cell(r, c);
            cell.fillPattern = pattern ?? NO_PATTERN;
            // No pattern is no fill: ET reports white again.
            if (cell.fillPattern === NO_PATTERN) cell.fillColor = WHITE;
          }
        },
      },
    });
    return interior;
  }

  /** A format property held per cell under `path`: reads the common value (null when mixed), writes every cell. */
  private formatProperty<T>(path: string, fallback: T): { get(): T | null; set(v: T | null): void } {
    return {
      get: () =>
        common([...this.cellsForRead()].map((c) => (c?.formats.get(path) as T | undefined) ?? fallback)),
      set: (v: T | null) => {
        this.guardWrite(path);
        for (const [r, c] of this.positions()) this.sheet.cell(r, c).formats.set(path, v);
      },
    };
  }

  private formatObject<T extends object>(prefix: string, defaults: Readonly<Record<string, unknown>>): T {
    const target = {} as Record<string, unknown>;
    for (const [name, fallback] of Object.entries(defaults)) {
      const p = this.formatProperty<unknown>(`${prefix}${name}`, fallback);
      Object.defineProperty(target, name, { get: p.get, set: p.set, enumerable: true });
    }
    return target as T;
  }

  get Font(): EtFont {
    return this.formatObject<EtFont>("Font.", {
      Name: "宋体",
      Size: 11,
      Bold: false,
      Italic: false,
      Underline: NO_PATTERN,
      Color: 0,
    });
  }

  get Borders(): EtBorders {
    return {
      Item: (index: XlBordersIndex): EtBorder => {
        if (![7, 8, 9, 10, 11, 12].includes(index)) refuse("bad-index", `Borders.Item(${index})`);
        return this.formatObject<EtBorder>(`Borders.${index}.`, {
          LineStyle: NO_PATTERN,
          Weight: 2,
          Color: 0,
        });
      },
    };
  }

  get HorizontalAlignment(): number | null {
    return this.formatProperty<number>("HorizontalAlignment", 1).get();
  }
  set HorizontalAlignment(v: number | null) {
    this.formatProperty<number>("HorizontalAlignment", 1).set(v);
  }
  get VerticalAlignment(): number | null {
    return this.formatProperty<number>("VerticalAlignment", -4107).get();
  }
  set VerticalAlignment(v: number | null) {
    this.formatProperty<number>("VerticalAlignment", -4107).set(v);
  }
  get WrapText(): boolean | null {
    return this.formatProperty<boolean>("WrapText", false).get();
  }
  set WrapText(v: boolean | null) {
    this.formatProperty<boolean>("WrapText", false).set(v);
  }
  get IndentLevel(): number | null {
    return this.formatProperty<number>("IndentLevel", 0).get();
  }
  set IndentLevel(v: number | null) {
    this.formatProperty<number>("IndentLevel", 0).set(v);
  }

  get ColumnWidth(): number | null {
    const widths: number[] = [];
    for (let c = this.rect.left; c <= this.rect.right; c++)
      widths.push(this.sheet.columnWidths.get(c) ?? 8.38);
    return common(widths);
  }
  set ColumnWidth(width: number | null) {
    this.guardWrite("ColumnWidth");
    for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.columnWidths.set(c, width ?? 8.38);
  }
  /** Points from column A's left edge: each column's width in characters of a 7-px digit plus 5 px of padding. */
  get Left(): number {
    return this.sheet.columnsWidthPoints(0, this.rect.left - 1);
  }
  get Top(): number {
    return this.sheet.rowsHeightPoints(0, this.rect.top - 1);
  }
  get Width(): number {
    return this.sheet.columnsWidthPoints(this.rect.left, this.rect.right);
  }
  get Height(): number {
    return this.sheet.rowsHeightPoints(this.rect.top, this.rect.bottom);
  }

  get RowHeight(): number | null {
    const heights: number[] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++)
      heights.push(this.sheet.rowHeights.get(r) ?? 13.5);
    return common(heights);
  }
  set RowHeight(height: number | null) {
    this.guardWrite("RowHeight");
    for (let r = this.rect.top; r <= this.rect.bottom; r++) this.sheet.rowHeights.set(r, height ?? 13.5);
  }

  Select(): void {
    if (this.sheet.workbook.activeSheet !== this.sheet)
      refuse("not-active", "Select method of Range class failed: the sheet is not active.");
    this.sheet.workbook.selection = { sheet: this.sheet.name, address: this.address() };
    this.sheet.workbook.app.record(`${this.sheet.name}!${this.address()}.Select`);
  }
}
