/**
 * The report as a renderer-neutral "sheet spec": plain, JSON-serialisable data describing every cell, style, merge and
 * print setting of the sheets we add to the user's workbook. The engine builds it once (buildReport); the exceljs
 * gateway (CLI) and the Office.js gateway (add-in) both render it, so the two outputs are the same cell for cell.
 *
 * Conventions every renderer follows:
 * - Coordinates are 0-based (row 0 = Excel row 1, col 0 = column A).
 * - A cell with `text: true` holds text that came from the user's workbook. It must be written as a string value and
 *   never interpreted: "=HYPERLINK(…)", "+1" or "@SUM(A1)" stay literal text (Office.js: number format "@" first).
 * - Styles are shared by id; a cell without a style entry of its own uses `styles[styleId]`.
 * - Colours are "#RRGGBB" (exceljs wants "FFRRGGBB", Office.js takes "#RRGGBB" as is).
 * - Column widths are in Excel character units (exceljs `column.width`; Office.js `format.columnWidth` is in points:
 *   multiply by about 7.5 × 0.75 — see `columnWidthToPoints`). Row heights are in points for both.
 * - Margins are in inches (exceljs `pageSetup.margins`; Office.js `pageLayout` margins are in points: × 72).
 * - Sheet names here are the defaults in the report's language; the renderer picks the real names with
 *   `planSheetNames` (sheet-names.ts) and must resolve hyperlinks with `reportSheet` set through that plan.
 */
import { quoteSheetName } from "../a1";
import type { Lang } from "../i18n";
import type { CellRange } from "../snapshot";

/**
 * Which of our sheets: the scored 自评表, the narrative 自评报告, the findings list 核查结果, and with project forms
 * (issue 13) the 项目汇总 summary and one 项目支出绩效自评表 per project ("project-0", "project-1", …: a key may stand in a temporary sheet name).
 */
export type FixedSheetKey = "table" | "report" | "summary" | "findings";
export type ProjectSheetKey = `project-${number}`;
export type ReportSheetKey = FixedSheetKey | ProjectSheetKey;

/** The fixed sheets in tab order; the project sheets stand between the summary and 核查结果. */
export const REPORT_SHEET_KEYS: readonly FixedSheetKey[] = ["table", "report", "summary", "findings"];

export function projectSheetKey(index: number): ProjectSheetKey {
  return `project-${index}`;
}

/** Tab order of a key: table, report, summary, the projects in order, findings. */
export function sheetKeyRank(key: string): number {
  const m = /^project-(\d+)$/.exec(key);
  if (m) return 3 + Number(m[1]) / 1e6;
  const i = (REPORT_SHEET_KEYS as readonly string[]).indexOf(key);
  return i < 0 ? 99 : i === 3 ? 4 : i;
}

export type BorderWeight = "thin" | "medium";

export interface CellBorders {
  readonly top?: BorderWeight;
  readonly bottom?: BorderWeight;
  readonly left?: BorderWeight;
  readonly right?: BorderWeight;
}

export interface FontSpec {
  readonly name?: string;
  /** Points. */
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** "#RRGGBB". */
  readonly color?: string;
}

export type HorizontalAlignment = "left" | "center" | "right" | "justify";
export type VerticalAlignment = "top" | "center" | "bottom";

export interface CellStyle {
  readonly font?: FontSpec;
  /** Solid fill colour "#RRGGBB"; absent means no fill. */
  readonly fill?: string;
  readonly borders?: CellBorders;
  readonly horizontal?: HorizontalAlignment;
  readonly vertical?: VerticalAlignment;
  readonly wrap?: boolean;
  /** Indent level (Excel's indent steps), for left-aligned text. */
  readonly indent?: number;
  /** Excel number format code, e.g. "#,##0.00", "0.00%", "@". Absent means General. */
  readonly numberFormat?: string;
}

/** An internal link to a cell. */
export interface HyperlinkSpec {
  /** The target sheet's name as it is in the workbook (for links into the user's own sheets). */
  readonly sheet: string;
  /** A1 address in that sheet, e.g. "C8" or "B4:E13". */
  readonly address: string;
  /**
   * Set when the target is one of our own sheets: its real name is only known after `planSheetNames`, so the renderer
   * uses the planned name for this key instead of `sheet` (which then holds the default name).
   */
  readonly reportSheet?: ReportSheetKey;
}

export interface CellSpec {
  readonly row: number;
  readonly col: number;
  /** The value to show. Numbers stay numbers (formatted by the style's numberFormat); null writes an empty cell. */
  readonly value: string | number | null;
  readonly styleId: string;
  /** The value came from a user's cell: write it as a plain string, never as a formula or a parsed number. */
  readonly text?: true;
  readonly hyperlink?: HyperlinkSpec;
  /**
   * An optional formula whose result is `value` (renderers may write either). Never set on a cell with `text: true`
   * and never built from user text. The report builder currently writes computed values only.
   */
  readonly formula?: string;
}

export interface PrintMargins {
  /** Inches. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

export interface PrintSpec {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Fit to one page wide, as many pages tall as needed (0 = automatic). */
  readonly fitToWidth: 1;
  readonly fitToHeight: 0;
  /** Rows repeated at the top of every printed page, Excel style "1:4" (1-based, inclusive). */
  readonly printTitleRows?: string;
  /** Page footer in Excel header/footer codes, centred: "第 &P 页 共 &N 页" / "Page &P of &N". */
  readonly footer: string;
  readonly margins: PrintMargins;
  readonly centerHorizontally: boolean;
}

/**
 * Data for a sheet's column chart — 得分 against 分值 per 一级指标 (and execution) on the 绩效自评表, each project's 总分
 * against 满分 on the 项目汇总 — drawn by the Office.js gateway where supported, by the .xlsx package writer and by the
 * WPS gateway (src/gateway/wps/chart.ts).
 */
/**
 * The colours of the two series, 得分 then 分值 (the theme's blue, a quiet grey), in every chart that sets its own: the
 * .xlsx report's chart part and the Word report's picture.
 */
export const CHART_SERIES_COLORS = ["2F5597", "BFBFBF"] as const;

export interface ChartSpec {
  readonly title: string;
  /** The report's language: the chart's texts are tagged with it (a:rPr lang), so spelling and fonts follow it. */
  readonly lang: Lang;
  readonly categories: readonly string[];
  /** Two series in this order: 得分 (score) then 分值 (weight), each one value per category. */
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  /** Suggested top-left cell for the chart (0-based), below the printed table so printing is unaffected. */
  readonly anchor: { readonly row: number; readonly col: number };
}

export interface SheetSpec {
  readonly key: ReportSheetKey;
  /** Default name in the report's language (the renderer may suffix " (2)" on a collision). */
  readonly name: string;
  readonly cells: readonly CellSpec[];
  /** Merged areas, 0-based inclusive; the value and style of a merge are those of its top-left cell spec. */
  readonly merges: readonly CellRange[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Width of each column from column A, in Excel character units. */
  readonly columnWidths: readonly number[];
  /** Explicit heights in points by 0-based row index; rows not listed keep Excel's default height. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly print: PrintSpec;
  readonly showGridLines: false;
  readonly chart?: ChartSpec;
}

/**
 * The sheets to write. A ReportSpec<K> holds exactly one sheet for each key of K, in tab order (table, report,
 * findings): buildReport makes all three; a ribbon command on a workbook without the tables the 自评表 needs writes the
 * 核查结果 sheet alone (ReportSpec<"findings">). The renderers write the sheets given and replace all our old ones.
 */
export interface ReportSpec<K extends ReportSheetKey = ReportSheetKey> {
  readonly sheets: readonly (SheetSpec & { readonly key: K })[];
}

/** Office.js column widths are in points; one Excel character unit is about 7 pixels = 5.25 points plus padding. */
export function columnWidthToPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

/** Where a hyperlink points: "'Sheet name'!C8", given the planned names of our sheets. */
export function hyperlinkTarget(
  link: HyperlinkSpec,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
): string {
  // A link to one of our sheets that this write does not hold keeps the default name it was built with.
  const sheet = (link.reportSheet ? names[link.reportSheet] : undefined) ?? link.sheet;
  return `${quoteSheetName(sheet)}!${link.address}`;
}

/** Rows × columns a sheet's cells and merges cover, from A1: the block a host writes its values in at once. */
export function sheetExtent(spec: Pick<SheetSpec, "cells" | "merges">): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of spec.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (const m of spec.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows, cols };
}
