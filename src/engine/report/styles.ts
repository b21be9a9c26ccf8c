/** Fonts, borders and number formats of the report sheets (domain.md §6.3: 宋体/仿宋, thin borders, #,##0.00). */
import type { Lang } from "../i18n";
import type { CellBorders, CellStyle, PrintMargins, PrintSpec } from "./spec";

export const AMOUNT_FORMAT = "#,##0.00";
export const RATE_FORMAT = "0.00%";
export const SCORE_FORMAT = "0.00";
/** Weights are whole numbers in practice but may carry decimals; General shows 10 as "10" and 2.5 as "2.5". */
export const WEIGHT_FORMAT = "General";

export interface ReportFonts {
  /** The tables' body font (宋体). */
  readonly table: string;
  /** The narrative's body font (仿宋). */
  readonly body: string;
  /** First-level headings of the narrative (黑体). */
  readonly heading: string;
  /** Second-level headings of the narrative (楷体). */
  readonly subheading: string;
  /** Titles. */
  readonly title: string;
}

export function fontsFor(lang: Lang): ReportFonts {
  return lang === "zh-CN"
    ? { table: "宋体", body: "仿宋", heading: "黑体", subheading: "楷体", title: "宋体" }
    : { table: "Arial", body: "Times New Roman", heading: "Arial", subheading: "Arial", title: "Arial" };
}

export const THIN_BOX: CellBorders = { top: "thin", bottom: "thin", left: "thin", right: "thin" };

/** Narrow margins (inches) so a wide table keeps a readable scale when fitted to one page wide. */
export const TABLE_MARGINS: PrintMargins = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};

/** Document-like margins for the narrative (about 2.5 cm / 2 cm, as official documents are typeset). */
export const REPORT_MARGINS: PrintMargins = {
  left: 0.8,
  right: 0.8,
  top: 0.9,
  bottom: 0.9,
  header: 0.4,
  footer: 0.4,
};

/** Page footer "page x of y" in Excel header/footer codes. */
export function footerText(lang: Lang): string {
  return lang === "zh-CN" ? "第 &P 页 共 &N 页" : "Page &P of &N";
}

/**
 * Every report sheet prints the same way: A4, one page wide and as many tall as needed, centred, numbered in the
 * footer; they differ only in orientation, margins and the header rows repeated on each page.
 */
export function a4Print(
  lang: Lang,
  orientation: PrintSpec["orientation"],
  margins: PrintMargins,
  printTitleRows?: string,
): PrintSpec {
  return {
    paper: "A4",
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(printTitleRows !== undefined ? { printTitleRows } : {}),
    footer: footerText(lang),
    margins,
    centerHorizontally: true,
  };
}

/** A boxed table cell in the table font; `extra` adds to or overrides the defaults (its font fields are merged). */
export function boxed(font: string, size: number, extra: CellStyle = {}): CellStyle {
  const { font: fontExtra, ...rest } = extra;
  return {
    font: { name: font, size, ...fontExtra },
    borders: THIN_BOX,
    vertical: "center",
    wrap: true,
    ...rest,
  };
}
