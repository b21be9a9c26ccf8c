/** Range, RangeAreas and their formats in the fake. A property read over several cells is null unless uniform. */
import type { CellRange } from "../../../src/engine/snapshot";
import { FakeClientObject, type Capturable, type FakeRequestContext } from "./client";
import { FakeOfficeError } from "./errors";
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  MAX_COLUMNS,
  NO_FILL_COLOR,
  newCell,
  NO_BORDERS,
  PRISTINE_FONT,
  defaultFont,
  intersects,
  normalizeColor,
  qualifiedAddress,
  readFormula,
  readValue,
  readValueType,
  rectCells,
  storeTyped,
  type BorderSide,
  type FakeBorder,
  type FakeCell,
  type FakeFont,
  type FakeHyperlink,
  type FakeSheet,
} from "./model";

/** What a range proxy stands for: cells of one sheet, in one rectangle (Range) or several (RangeAreas). */
export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rects: readonly CellRange[];
}

/** Beyond this, the fake refuses to touch cells one by one (the gateway never needs it; a bug would hang the test). */
const MAX_CELLS_TOUCHED = 2_000_000;

const PRISTINE: FakeCell = newCell();

function cellCount(t: RangeTarget): number {
  return t.rects.reduce((n, r) => n + rectCells(r), 0);
}

function forEachCell(t: RangeTarget, fn: (row: number, col: number) => void): void {
  if (cellCount(t) > MAX_CELLS_TOUCHED) {
    throw new FakeOfficeError(
      "GeneralException",
      "The fake does not model per-cell work on ranges this large.",
    );
  }
  for (const r of t.rects)
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

/** Changes every cell of the target (the sheet must not be protected). */
function editCells(t: RangeTarget, fn: (cell: FakeCell) => void): void {
  t.sheet.assertEditable();
  forEachCell(t, (row, col) => fn(t.sheet.cell(row, col)));
}

/** The common value of the target's cells, or null when they differ (Excel's rule for multi-cell reads). */
function uniform<V>(t: RangeTarget, get: (cell: FakeCell) => V): V | null {
  let first = true;
  let value: V | null = null;
  let same = true;
  forEachCell(t, (row, col) => {
    if (!same) return;
    const v = get(t.sheet.cells.read(row, col) ?? PRISTINE);
    if (first) {
      value = v;
      first = false;
    } else if (JSON.stringify(v) !== JSON.stringify(value)) same = false;
  });
  return same ? value : null;
}

/** A property of every cell of a rectangle, row by row. */
function grid<V>(rect: CellRange, sheet: FakeSheet, get: (cell: Readonly<FakeCell> | undefined) => V): V[][] {
  const out: V[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: V[] = [];
    sheet.cells.readRow(row, rect.left, rect.right, (cell) => line.push(get(cell)));
    out.push(line);
  }
  return out;
}

/** Writes a 2-D array that must match the range's shape exactly, as Office.js requires. */
function writeGrid(
  t: RangeTarget,
  input: unknown,
  what: string,
  put: (cell: FakeCell, v: unknown) => void,
): void {
  const rect = t.rects[0];
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (
    !Array.isArray(input) ||
    input.length !== rows ||
    input.some((r) => !Array.isArray(r) || r.length !== cols)
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`,
    );
  }
  t.sheet.assertEditable();
  (input as unknown[][]).forEach((line, i) =>
    line.forEach((v, j) => put(t.sheet.cell(rect.top + i, rect.left + j), v)),
  );
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, path: string, target: () => RangeTarget) {
    super(context, path, target, "RangeFill");
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      color: (t) => uniform(t, (c) => c.fill?.color ?? NO_FILL_COLOR),
      pattern: (t) => uniform(t, (c) => c.fill?.pattern ?? "None"),
    };
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.write("color", v, (t) => {
      const color = normalizeColor(v);
      editCells(
        t,
        (c) => (c.fill = { color, pattern: c.fill && c.fill.pattern !== "None" ? c.fill.pattern : "Solid" }),
      );
    });
  }
  get pattern(): string {
    return this.read("pattern");
  }
  set pattern(v: string) {
    this.context.requireApi("1.9", "RangeFill.pattern");
    this.write("pattern", v, (t) =>
      editCells(t, (c) => (c.fill = v === "None" ? null : { color: c.fill?.color ?? "#000000", pattern: v })),
    );
  }
  clear(): void {
    this.invoke("clear", null, (t) => editCells(t, (c) => (c.fill = null)));
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, path: string, target: () => RangeTarget) {
    super(context, path, target, "RangeFont");
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    const field = (k: keyof FakeFont) => (t: RangeTarget) => uniform(t, (c) => c.font[k]);
    return {
      name: field("name"),
      size: field("size"),
      bold: field("bold"),
      italic: field("italic"),
      underline: field("underline"),
      color: field("color"),
    };
  }
  private setField<K extends keyof FakeFont>(k: K, v: FakeFont[K]): void {
    this.write(k, v, (t) =>
      editCells(t, (c) => {
        // An unformatted cell shares the frozen PRISTINE_FONT with every other: it gets a font of its own.
        if (c.font === PRISTINE_FONT) c.font = defaultFont();
        c.font[k] = k === "color" ? (normalizeColor(String(v)) as FakeFont[K]) : v;
      }),
    );
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.setField("name", v);
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.setField("size", v);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.setField("bold", v);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.setField("italic", v);
  }
  get underline(): string {
    return this.read("underline");
  }
  set underline(v: string) {
    this.setField("underline", v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.setField("color", v);
  }
}

export type BorderIndex = BorderSide | "InsideHorizontal" | "InsideVertical";

type SideVisitor = (row: number, col: number, side: BorderSide) => void;

/**
 * The cell sides a border index paints over a rectangle (inside lines are both neighbours' shared sides), row by row.
 * Visited rather than listed: a report's borders cover tens of thousands of cells, three setters each.
 */
function forEachBorderSide(rect: CellRange, index: BorderIndex, fn: SideVisitor): void {
  const { top, left, bottom, right } = rect;
  const cols = (row: number, side: BorderSide) => {
    for (let col = left; col <= right; col++) fn(row, col, side);
  };
  const rows = (col: number, side: BorderSide) => {
    for (let row = top; row <= bottom; row++) fn(row, col, side);
  };
  if (index === "EdgeTop") cols(top, "EdgeTop");
  else if (index === "EdgeBottom") cols(bottom, "EdgeBottom");
  else if (index === "EdgeLeft") rows(left, "EdgeLeft");
  else if (index === "EdgeRight") rows(right, "EdgeRight");
  else if (index === "InsideHorizontal") {
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        if (row > top) fn(row, col, "EdgeTop");
        if (row < bottom) fn(row, col, "EdgeBottom");
      }
    }
  } else {
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        if (col > left) fn(row, col, "EdgeLeft");
        if (col < right) fn(row, col, "EdgeRight");
      }
    }
  }
}

export class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    target: () => RangeTarget,
    private readonly index: BorderIndex,
  ) {
    super(context, path, target, "RangeBorder");
  }
  private forEachSide(t: RangeTarget, fn: SideVisitor): void {
    for (const r of t.rects) forEachBorderSide(r, this.index, fn);
  }
  private common(t: RangeTarget, k: keyof FakeBorder): string | null {
    const values: (string | null)[] = [];
    this.forEachSide(t, (row, col, side) =>
      values.push(t.sheet.cells.read(row, col)?.borders[side]?.[k] ?? (k === "style" ? "None" : null)),
    );
    return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      sideIndex: () => this.index,
      style: (t) => this.common(t, "style"),
      weight: (t) => this.common(t, "weight"),
      color: (t) => this.common(t, "color"),
    };
  }
  private apply(k: keyof FakeBorder, v: string): void {
    this.write(k, v, (t) => {
      t.sheet.assertEditable();
      let value: string | undefined; // normalised at the first side, as Excel fails only when there is one
      this.forEachSide(t, (row, col, side) => {
        const cell = t.sheet.cell(row, col);
        if (k === "style" && v === "None") {
          if (cell.borders[side]) delete cell.borders[side];
          return;
        }
        value ??= k === "color" ? normalizeColor(v) : v;
        // An unformatted cell shares the frozen NO_BORDERS with every other: it gets borders of its own.
        if (cell.borders === NO_BORDERS) cell.borders = {};
        const b = cell.borders[side] ?? { style: "Continuous", weight: "Thin", color: "#000000" };
        b[k] = value;
        cell.borders[side] = b;
      });
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.apply("style", v);
  }
  get weight(): string {
    return this.read("weight");
  }
  set weight(v: string) {
    this.apply("weight", v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.apply("color", v);
  }
}

export class FakeRangeBorderCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly path: string,
    private readonly target: () => RangeTarget,
  ) {}
  getItem(index: BorderIndex): FakeRangeBorder {
    const known: BorderIndex[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ];
    if (!known.includes(index))
      throw new FakeOfficeError("InvalidArgument", `The fake models no border "${index}".`);
    return new FakeRangeBorder(this.context, `${this.path}.getItem(${index})`, this.target, index);
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, path: string, target: () => RangeTarget) {
    super(context, path, target, "RangeFormat");
    this.fill = new FakeRangeFill(context, `${path}.fill`, () => this.target());
    this.font = new FakeRangeFont(context, `${path}.font`, () => this.target());
    this.borders = new FakeRangeBorderCollection(context, `${path}.borders`, () => this.target());
  }
  protected override children(): Record<string, Capturable> {
    return { fill: this.fill, font: this.font };
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    const columns = (t: RangeTarget) =>
      t.rects.flatMap((r) => Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i));
    const rows = (t: RangeTarget) =>
      t.rects.flatMap((r) => Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i));
    const same = (list: number[]) => (list.every((v) => v === list[0]) ? list[0] : null);
    return {
      columnWidth: (t) => same(columns(t).map((c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH)),
      rowHeight: (t) => same(rows(t).map((r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT)),
      wrapText: (t) => uniform(t, (c) => c.wrapText),
      horizontalAlignment: (t) => uniform(t, (c) => c.horizontalAlignment),
      verticalAlignment: (t) => uniform(t, (c) => c.verticalAlignment),
      indentLevel: (t) => uniform(t, (c) => c.indentLevel),
    };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.context.requireApi("1.2", "RangeFormat.columnWidth");
    this.write("columnWidth", v, (t) => {
      t.sheet.assertEditable();
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(v: number) {
    this.context.requireApi("1.2", "RangeFormat.rowHeight");
    this.write("rowHeight", v, (t) => {
      t.sheet.assertEditable();
      for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, v);
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.write("wrapText", v, (t) => editCells(t, (c) => (c.wrapText = v)));
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", v, (t) => editCells(t, (c) => (c.horizontalAlignment = v)));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.write("verticalAlignment", v, (t) => editCells(t, (c) => (c.verticalAlignment = v)));
  }
  get indentLevel(): number {
    return this.read("indentLevel");
  }
  set indentLevel(v: number) {
    this.context.requireApi("1.9", "RangeFormat.indentLevel");
    this.write("indentLevel", v, (t) => editCells(t, (c) => (c.indentLevel = v)));
  }
  autofitRows(): void {
    this.invoke("autofitRows", null, (t) => t.sheet.assertEditable());
  }
}

/** Excel refuses getMergedAreasOrNullObject when a range holds more merged areas than this. */
export const MAX_MERGED_AREAS = 512;

export class FakeRangeAreas extends FakeClientObject<RangeTarget> {
  readonly format: FakeRangeFormat;

  constructor(context: FakeRequestContext, path: string, resolver: () => RangeTarget | null) {
    super(context, path, resolver, "RangeAreas");
    this.format = new FakeRangeFormat(context, `${path}.format`, () => this.target());
  }
  protected override children(): Record<string, Capturable> {
    return { format: this.format };
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => t.rects.map((r) => qualifiedAddress(t.sheet, r)).join(","),
      areaCount: (t) => t.rects.length,
      cellCount: (t) => cellCount(t),
    };
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  readonly format: FakeRangeFormat;

  constructor(context: FakeRequestContext, path: string, resolver: () => RangeTarget | null) {
    super(context, path, resolver, "Range");
    this.format = new FakeRangeFormat(context, `${path}.format`, () => this.target());
  }
  protected override children(): Record<string, Capturable> {
    return { format: this.format };
  }
  private rect(t: RangeTarget): CellRange {
    return t.rects[0];
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => qualifiedAddress(t.sheet, this.rect(t)),
      rowIndex: (t) => this.rect(t).top,
      columnIndex: (t) => this.rect(t).left,
      rowCount: (t) => this.rect(t).bottom - this.rect(t).top + 1,
      columnCount: (t) => this.rect(t).right - this.rect(t).left + 1,
      cellCount: (t) => rectCells(this.rect(t)),
      values: (t) => grid(this.rect(t), t.sheet, readValue),
      valueTypes: (t) => grid(this.rect(t), t.sheet, readValueType),
      formulas: (t) => grid(this.rect(t), t.sheet, readFormula),
      numberFormat: (t) => grid(this.rect(t), t.sheet, (c) => c?.numberFormat ?? "General"),
      hyperlink: (t) => t.sheet.peek(this.rect(t).top, this.rect(t).left)?.hyperlink ?? null,
    };
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v, (t) => writeGrid(t, v, "values", storeTyped));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v, (t) => writeGrid(t, v, "formulas", storeTyped));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v, (t) =>
      writeGrid(t, v, "numberFormat", (cell, f) => {
        if (f !== null && f !== undefined) cell.numberFormat = String(f);
      }),
    );
  }
  get hyperlink(): FakeHyperlink | null {
    return this.read("hyperlink");
  }
  set hyperlink(v: FakeHyperlink | null) {
    this.context.requireApi("1.7", "Range.hyperlink");
    this.write("hyperlink", v, (t) =>
      editCells(t, (c) => {
        c.hyperlink = v ? { ...v } : null;
        // Excel shows textToDisplay as the cell's text, literally.
        if (v?.textToDisplay !== undefined) {
          c.value = v.textToDisplay === "" ? null : v.textToDisplay;
          c.formula = null;
        }
      }),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const t = this.target();
      const r = this.rect(t);
      return {
        sheet: t.sheet,
        rects: [{ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }],
      };
    });
  }

  /** Excel keeps only the upper-left value of a merged area. */
  merge(across = false): void {
    this.invoke("merge", { across }, (t) => {
      t.sheet.assertEditable();
      const r = this.rect(t);
      const parts = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({
            ...r,
            top: r.top + i,
            bottom: r.top + i,
          }))
        : [r];
      for (const p of parts) {
        const overlapping = t.sheet.merges.filter((m) => intersects(m, p));
        const inside = (m: CellRange) =>
          m.top >= p.top && m.bottom <= p.bottom && m.left >= p.left && m.right <= p.right;
        if (overlapping.some((m) => !inside(m))) {
          throw new FakeOfficeError(
            "InvalidOperation",
            "Cannot merge a range that partly overlaps a merged area.",
          );
        }
        t.sheet.merges = t.sheet.merges.filter((m) => !overlapping.includes(m));
        if (rectCells(p) === 1) continue;
        for (let row = p.top; row <= p.bottom; row++) {
          for (let col = p.left; col <= p.right; col++) {
            const c = t.sheet.peek(row, col);
            if (c && (row !== p.top || col !== p.left)) {
              c.value = null;
              c.formula = null;
            }
          }
        }
        t.sheet.merges.push({ ...p });
      }
    });
  }

  unmerge(): void {
    this.invoke("unmerge", null, (t) => {
      t.sheet.assertEditable();
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, this.rect(t)));
    });
  }

  /** "Contents" clears values and formulas; "Formats" clears formats and merges; "All" both. */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.invoke("clear", { applyTo }, (t) => {
      t.sheet.assertEditable();
      const r = this.rect(t);
      for (const [key, cell] of [...t.sheet.cells]) {
        const row = Math.floor(key / MAX_COLUMNS);
        const col = key % MAX_COLUMNS;
        if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
        if (applyTo !== "Formats") {
          cell.value = null;
          cell.formula = null;
          cell.hyperlink = null;
        }
        if (applyTo !== "Contents") {
          Object.assign(cell, {
            ...PRISTINE,
            value: cell.value,
            formula: cell.formula,
          });
        }
      }
      if (applyTo !== "Contents") t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, r));
    });
  }

  /** Excel selects only on the active sheet: activate first, then select. */
  select(): void {
    this.invoke("select", null, (t) => {
      const model = this.context.host.model;
      if (model.active !== t.sheet) {
        throw new FakeOfficeError(
          "InvalidSelection",
          "The selection can only be made on the active worksheet.",
        );
      }
      model.selection = { sheet: t.sheet, rect: this.rect(t) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const t = this.target();
      const found = t.sheet.merges.filter((m) => intersects(m, this.rect(t)));
      if (found.length > MAX_MERGED_AREAS) {
        throw new FakeOfficeError("GeneralException", "The range holds more than 512 merged areas.");
      }
      return found.length === 0 ? null : { sheet: t.sheet, rects: found.map((m) => ({ ...m })) };
    });
  }
}
