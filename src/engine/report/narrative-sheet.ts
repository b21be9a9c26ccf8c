/**
 * 自评报告: the narrative laid out as a printable document — one wide merged column of wrapped text, 仿宋 body, 黑体/楷体
 * headings, each paragraph in its own row with an explicit height (split over several rows when longer than one row
 * can hold), A4 portrait.
 */
import type { Lang } from "../i18n";
import { bannerLink, bannerStyle, bannerText } from "./banner";
import type { ReportInput } from "./input";
import { SheetGrid, defaultLineHeight, emLineHeight, isWide, splitForRows } from "./layout";
import { composeNarrative, type ParagraphKind } from "./narrative";
import { DEFAULT_SHEET_NAMES } from "./sheet-names";
import type { CellStyle, SheetSpec } from "./spec";
import { REPORT_MARGINS, a4Print, fontsFor } from "./styles";

/**
 * About 6.5 inches of text: the A4 width inside the report's margins at 100% scale. Spread over four merged columns
 * rather than one wide column, because LibreOffice does not scale a single column to the page width (it clips it).
 */
const COLUMN_WIDTHS = [22, 22, 22, 22];
const LAST_COL = COLUMN_WIDTHS.length - 1;
const TEXT_WIDTH = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);

const SIZES: Record<ParagraphKind, number> = { title: 18, heading: 12, subheading: 12, body: 12 };
const MIN_HEIGHTS: Record<ParagraphKind, number> = { title: 48, heading: 26, subheading: 22, body: 20 };

/**
 * The line pitch a paragraph's row is sized with. Body text is 仿宋 (zh-CN) or Times New Roman (en-US): 仿宋's ascent +
 * descent is one em, in Excel and WPS as in LibreOffice's stand-in, so its lines are set at the em plus a pixel; Times
 * (Liberation Serif in LibreOffice) spans 1.15 em, so 1.2 — unless the paragraph holds Chinese (the user's own texts
 * in an English report), which Times lacks: the application then draws it in a fallback CJK face of its choosing
 * (Noto Sans CJK in LibreOffice, 1.45 em), so such a row keeps the generous default. Titles and headings keep the
 * default too: they are one or two lines, and LibreOffice draws 宋体 and 黑体 with Noto CJK.
 */
function lineHeightOf(kind: ParagraphKind, lang: Lang, text: string): number {
  const size = SIZES[kind];
  if (kind !== "body") return defaultLineHeight(size);
  if (lang === "zh-CN") return emLineHeight(size);
  return Array.from(text).some(isWide) ? defaultLineHeight(size) : size * 1.2;
}

function styles(lang: Lang): Record<ParagraphKind | "banner", CellStyle> {
  const f = fontsFor(lang);
  const text = (name: string, size: number, bold = false): CellStyle => ({
    font: { name, size, ...(bold ? { bold: true } : {}) },
    horizontal: "left",
    vertical: "center",
    wrap: true,
  });
  return {
    title: { ...text(f.title, SIZES.title, true), horizontal: "center" },
    heading: text(f.heading, SIZES.heading, lang === "en-US"),
    subheading: text(f.subheading, SIZES.subheading, true),
    body: { ...text(f.body, SIZES.body), vertical: "top" },
    banner: bannerStyle(f.heading, SIZES.body),
  };
}

export function buildNarrativeSheet(input: ReportInput, lang: Lang): SheetSpec {
  const g = new SheetGrid(COLUMN_WIDTHS);
  let row = 0;
  // While errors stand, a red line above the title says so (printed: the sheet has no print-title rows).
  const banner = bannerText(input.findings, lang);
  if (banner !== null) {
    g.area(row, 0, row, LAST_COL, banner, "banner", { hyperlink: bannerLink(lang) });
    g.fitRow(row, banner, 0, LAST_COL, SIZES.body, 24);
    row += 1;
  }
  for (const p of composeNarrative(input, lang)) {
    const size = SIZES[p.kind];
    const lineHeight = lineHeightOf(p.kind, lang, p.text);
    for (const piece of splitForRows(p.text, TEXT_WIDTH, size, lineHeight)) {
      g.area(row, 0, row, LAST_COL, piece, p.kind, p.user ? { text: true } : {});
      g.fitRow(row, piece, 0, LAST_COL, size, MIN_HEIGHTS[p.kind], lineHeight);
      row += 1;
    }
  }
  return {
    key: "report",
    name: DEFAULT_SHEET_NAMES[lang].report,
    cells: g.cells,
    merges: g.merges,
    styles: styles(lang),
    columnWidths: COLUMN_WIDTHS,
    rowHeights: g.rowHeights,
    print: a4Print(lang, "portrait", REPORT_MARGINS),
    showGridLines: false,
  };
}
