/**
 * The part of WPS 表格's (ET's) JavaScript object model this gateway uses, typed. The `wps-jsapi-declare` package WPS
 * publishes declares the add-in framework (Application.CreateTaskPane, the ribbon) and the 文字 (Writer) model, but not
 * the spreadsheet one; ET's model follows the Excel object model it is compatible with (WPS 开放平台 “表格 API”:
 * Application, Workbook, Worksheet, Range…), so these interfaces are written from that reference:
 * - collections are 1-based: `Worksheets.Item(1)` is the first sheet, `Cells.Item(1, 1)` is A1;
 * - `Range.Value2` of one cell is a scalar; of several cells a 2-D array read `[r][c]`, 0-based as JavaScript arrays
 *   are ("Arr[r][c]，其中 r 代表行数-1，c 代表列数-1"); dates come as serial numbers (OADate), never as Date objects;
 * - a property that differs across a multi-cell range (NumberFormat, MergeCells, ColumnWidth…) reads null;
 * - colours are BGR numbers (red + green × 256 + blue × 65536), as in VBA's RGB();
 * - it is synchronous: every call runs at once on the page's thread.
 * Nothing here is `any`: what WPS hands back is narrowed where it enters (see read.ts).
 */

/** What one cell's Value2 can be: empty (undefined / null), a number, text or a boolean. */
export type EtScalar = string | number | boolean | null | undefined;

/** Value2 of a range: a scalar for one cell, rows of scalars for several. */
export type EtValue = EtScalar | EtScalar[][];

/** XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
/** Hidden so that the user cannot unhide it from the sheet tabs' menu; only code can show it again. */
export const XL_SHEET_VERY_HIDDEN = 2;
export type XlSheetVisibility =
  typeof XL_SHEET_VISIBLE | typeof XL_SHEET_HIDDEN | typeof XL_SHEET_VERY_HIDDEN;

/** xlNone: no fill pattern, no underline, no border line. */
export const XL_NONE = -4142;
/** XlPattern.xlPatternSolid. */
export const XL_PATTERN_SOLID = 1;

/** XlHAlign / XlVAlign. */
export const XL_H_ALIGN = { left: -4131, center: -4108, right: -4152, justify: -4130 } as const;
export const XL_V_ALIGN = { top: -4160, center: -4108, bottom: -4107 } as const;

/** XlBordersIndex: the four edges of a range and the lines between its cells. */
export const XL_EDGE = {
  left: 7,
  top: 8,
  bottom: 9,
  right: 10,
  insideVertical: 11,
  insideHorizontal: 12,
} as const;
export type XlBordersIndex = (typeof XL_EDGE)[keyof typeof XL_EDGE];

/** XlLineStyle.xlContinuous; XlBorderWeight thin and medium. */
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;
export const XL_MEDIUM = -4138;

/** XlUnderlineStyle.xlUnderlineStyleSingle. */
export const XL_UNDERLINE_SINGLE = 2;

/** XlPageOrientation and XlPaperSize.xlPaperA4. */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;

/** XlChartType.xlColumnClustered and XlRowCol.xlColumns (each column of the source is a series). */
export const XL_COLUMN_CLUSTERED = 51;
export const XL_COLUMNS = 2;

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow | null;
  /** False suppresses the confirmation dialogs (deleting a sheet asks the user otherwise). */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

export interface EtWindow {
  DisplayGridlines: boolean;
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtWorksheets;
  /** The workbook's structure is protected: sheets cannot be added, deleted, renamed or hidden. */
  readonly ProtectStructure: boolean;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index, or a sheet's name. */
  Item(index: number | string): EtWorksheet;
  /** Adds a sheet before or after the one given (before the active sheet when neither is) and activates it. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  Visible: XlSheetVisibility;
  /** The sheet is protected: its locked cells cannot be changed. */
  readonly ProtectContents: boolean;
  /** From the first to the last cell ever used (values or formats), so it may be larger than the values. */
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly Cells: EtCells;
  readonly Columns: EtRangeItems;
  readonly Rows: EtRangeItems;
  readonly Hyperlinks: EtHyperlinks;
  /** The drawing objects on the sheet (charts among them): 表格 API “Shapes”. */
  readonly Shapes: EtShapes;
  readonly PageSetup: EtPageSetup;
  Activate(): void;
  Delete(): void;
}

export interface EtCells {
  /** 1-based row and column. */
  Item(row: number, column: number): EtRange;
}

/** A worksheet's Columns or Rows, or a range's: `Item(1)` is the first column (or row). */
export interface EtRangeItems {
  readonly Count: number;
  Item(index: number): EtRange;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRangeItems;
  readonly Columns: EtRangeItems;
  Value2: EtValue;
  /** What the cell shows, formatted ("#DIV/0!" for an error); for one cell. */
  readonly Text: string | null;
  /** Null when the cells' formats differ. */
  NumberFormat: string | null;
  /** True when every cell is in a merged area, false when none is, null when some are. */
  readonly MergeCells: boolean | null;
  /** The merged area holding the range's top-left cell (the cell itself when it is not merged). */
  readonly MergeArea: EtRange;
  Merge(Across?: boolean): void;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  WrapText: boolean | null;
  IndentLevel: number | null;
  /** Character units; null when the columns differ. */
  ColumnWidth: number | null;
  /** Points; null when the rows differ. */
  RowHeight: number | null;
  /** Points from the left edge of column A (top of row 1) to the range's left (top) edge. */
  readonly Left: number;
  readonly Top: number;
  /** The range's width and height in points. */
  readonly Width: number;
  readonly Height: number;
  Select(): void;
}

export interface EtInterior {
  /** BGR; null when the cells differ. */
  Color: number | null;
  /** XlPattern: XL_NONE for no fill, XL_PATTERN_SOLID…; null when the cells differ. */
  Pattern: number | null;
}

export interface EtFont {
  Name: string | null;
  Size: number | null;
  Bold: boolean | null;
  Italic: boolean | null;
  /** XlUnderlineStyle. */
  Underline: number | null;
  /** BGR. */
  Color: number | null;
}

export interface EtBorders {
  Item(index: XlBordersIndex): EtBorder;
}

export interface EtBorder {
  LineStyle: number | null;
  Weight: number | null;
  Color: number | null;
}

/**
 * A sheet's drawing objects. `AddChart2` is declared by wps-jsapi-declare (lib.kso.d.ts, Shapes.AddChart2) and by the
 * 表格 API reference alike: (Style, XlChartType, Left, Top, Width, Height, NewLayout), positions in points, returning
 * the chart's Shape; `Item` is 1-based or takes a shape's name.
 */
export interface EtShapes {
  readonly Count: number;
  Item(index: number | string): EtShape;
  AddChart2(
    Style?: number,
    XlChartType?: number,
    Left?: number,
    Top?: number,
    Width?: number,
    Height?: number,
    NewLayout?: boolean,
  ): EtShape;
}

/** A drawing object; `Chart` is its chart when it holds one (lib.kso.d.ts: Shape.HasChart, Shape.Chart). */
export interface EtShape {
  Name: string;
  Left: number;
  Top: number;
  Width: number;
  Height: number;
  readonly Chart: EtChart;
  Delete(): void;
}

/**
 * A chart (lib.kso.d.ts: MsoChart — ChartType, HasTitle, ChartTitle, HasLegend, SetSourceData). The shared declaration
 * types SetSourceData's Source as an address string (Word's and PowerPoint's embedded charts); in 表格 the reference
 * (“Chart.SetSourceData: Source — Range, 包含源数据的区域”) takes the Range itself, as Excel does.
 */
export interface EtChart {
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: EtChartTitle;
  HasLegend: boolean;
  SetSourceData(Source: EtRange, PlotBy?: number): void;
}

export interface EtChartTitle {
  Text: string;
}

export interface EtHyperlinks {
  /** A link to a place in this workbook: Address "" and SubAddress "'Sheet'!C8". */
  Add(
    Anchor: EtRange,
    Address: string,
    SubAddress?: string,
    ScreenTip?: string,
    TextToDisplay?: string,
  ): unknown;
}

export interface EtPageSetup {
  PaperSize: number;
  Orientation: number;
  /** False to scale by FitToPagesWide / FitToPagesTall. */
  Zoom: number | false;
  FitToPagesWide: number | false;
  /** False: as many pages tall as needed. */
  FitToPagesTall: number | false;
  CenterHorizontally: boolean;
  /** Margins in points. */
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  /** Rows repeated on every page, "$1:$4"; "" for none. */
  PrintTitleRows: string;
  CenterFooter: string;
}

/** "#RRGGBB" → the BGR number ET's Color properties take. */
export function toBgr(color: string): number {
  const hex = color.replace(/^#/, "");
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** ET's BGR number → "#RRGGBB". */
export function fromBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/**
 * The ET application of the page WPS opened, or null outside WPS 表格 (a browser, or WPS 文字, whose Application has
 * no ActiveWorkbook property). The one place where the untyped global becomes the typed model.
 */
export function etApplication(global: unknown = globalThis): EtApplication | null {
  if (typeof global !== "object" || global === null) return null;
  const app =
    (global as { Application?: unknown; wps?: unknown }).Application ?? (global as { wps?: unknown }).wps;
  if (typeof app !== "object" || app === null) return null;
  // Read the property rather than test it with `in`: WPS's objects are bound from native code. ActiveWorkbook is null
  // in ET with no workbook open, and undefined in WPS 文字 and WPS 演示, whose Application has no such property.
  if ((app as { ActiveWorkbook?: unknown }).ActiveWorkbook === undefined) return null;
  return app as EtApplication;
}
