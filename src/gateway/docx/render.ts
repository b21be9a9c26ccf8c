/**
 * The Word (.docx) 自评报告: typesets the engine's ReportDocument (src/engine/report/document.ts) with the docx
 * package, in Node (the CLI) and in the browser (the task pane loads this module on demand, so the package stays out
 * of the pane's first load). Every run names its East Asian face (w:eastAsia), so Word and WPS show the faces meant.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import type { Lang } from "../../engine/i18n";
import { BANNER_COLOR } from "../../engine/report/banner";
import {
  buildReportDocument,
  type DocChart,
  type DocLine,
  type DocTable,
  type DocTableCell,
  type ReportDocument,
} from "../../engine/report/document";
import type { ReportInput } from "../../engine/report/input";
import { isWide } from "../../engine/report/layout";
import type { HorizontalAlignment } from "../../engine/report/spec";
import {
  DOTS_PER_INCH,
  PICTURE_HEIGHT,
  PICTURE_WIDTH,
  RATE_COLOR,
  SCORE_COLOR,
  WEIGHT_COLOR,
  drawChartPicture,
} from "./chart-picture";
import { FONT_TABLE_PATH, fontTableXml } from "./font-table";
import { encodePng } from "./png";
import {
  A4,
  LINE_EXACT,
  MARGINS,
  SIZES,
  TEXT_WIDTH,
  documentFonts,
  type DocumentFonts,
  type RunFonts,
} from "./typesetting";

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<HorizontalAlignment, unknown>;

/** docx sizes are in half-points. */
const halfPoints = (pt: number) => Math.round(pt * 2);

const EXACT = { line: LINE_EXACT, lineRule: LineRuleType.EXACT } as const;

/** Runs of one text, a line break for each "\n", all in the given faces. */
function runs(text: string, fonts: RunFonts, size: number, extra: IRunOptions = {}): TextRun[] {
  return text.split("\n").map(
    (piece, i) =>
      new TextRun({
        ...extra,
        text: piece,
        font: { ascii: fonts.ascii, hAnsi: fonts.hAnsi, eastAsia: fonts.eastAsia },
        size: halfPoints(size),
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

function titleParagraph(text: string, f: DocumentFonts, lang: Lang): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...EXACT, after: LINE_EXACT },
    children: runs(text, f.title, SIZES.title, lang === "en-US" ? { bold: true } : {}),
  });
}

function bodyParagraph(
  kind: "heading" | "subheading" | "body",
  text: string,
  f: DocumentFonts,
  lang: Lang,
  extra: { readonly pageBreakBefore?: boolean } = {},
): Paragraph {
  const fonts = kind === "heading" ? f.heading : kind === "subheading" ? f.subheading : f.body;
  // 黑体 and 楷体 carry the Chinese headings by their face; the English ones need bold to stand out.
  const bold = lang === "en-US" && kind !== "body";
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: EXACT,
    // Chinese headings are indented two characters like the body (whose text opens with two full-width spaces).
    ...(lang === "zh-CN" && kind !== "body" ? { indent: { firstLine: halfPoints(SIZES.body) * 20 } } : {}),
    ...extra,
    children: runs(text, fonts, SIZES.body, bold ? { bold: true } : {}),
  });
}

function lineParagraph(line: DocLine, fonts: RunFonts, size: number): Paragraph {
  return new Paragraph({
    alignment: ALIGN[line.align],
    spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
    children: runs(line.text, fonts, size, line.bold ? { bold: true } : {}),
  });
}

function tableCell(cell: DocTableCell, widths: readonly number[], fonts: RunFonts): TableCell {
  const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    children: [
      new Paragraph({
        alignment: ALIGN[cell.align],
        // Single spacing inside the table: a 28-point line would make a 五号 table twice as tall.
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: runs(cell.text, fonts, SIZES.table, cell.bold ? { bold: true } : {}),
      }),
    ],
  });
}

/** The 自评表: the sheet's column widths scaled to the text block, merges as spans. */
function wordTable(table: DocTable, fonts: RunFonts): Table {
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const widths = table.columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: table.rows.map(
      (row) => new TableRow({ cantSplit: true, children: row.map((c) => tableCell(c, widths, fonts)) }),
    ),
  });
}

function pageNumberFooter(f: DocumentFonts): Footer {
  const face = { ascii: f.pageNumber.ascii, hAnsi: f.pageNumber.hAnsi, eastAsia: f.pageNumber.eastAsia };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // "— 1 —": the page number between two em dashes (一字线), 四号.
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: face,
            size: halfPoints(SIZES.pageNumber),
          }),
        ],
      }),
    ],
  });
}

/**
 * The chart of the scores, each piece where it reads best: the title and legend as a line of text, the chart as a
 * picture with numbers only (chart-picture.ts), the caption under it, then the key that names each numbered category.
 * The words are document text in the document's faces, so they print in 宋体 like the table, and Word's search, the
 * 文数一致 check and a screen reader all read them. Kept together on one page (keepNext down to the key).
 */
function chartParagraphs(chart: DocChart, f: DocumentFonts, lang: Lang): (Paragraph | Table)[] {
  const [score, weight] = chart.series;
  const picture = drawChartPicture({
    scores: score?.values ?? [],
    weights: weight?.values ?? [],
    rate: chart.rate,
  });
  const swatches = [
    { name: score?.name ?? "", color: SCORE_COLOR },
    { name: weight?.name ?? "", color: WEIGHT_COLOR },
    ...(chart.rate ? [{ name: chart.rate.label, color: RATE_COLOR }] : []),
  ];
  const space = lang === "zh-CN" ? "\u3000" : "\u2003";
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT,
      keepNext: true,
      children: [
        ...runs(chart.title, f.table, SIZES.table, { bold: true }),
        // "■ 得分": the square in the series' colour, as the legend of a chart has it.
        ...swatches.flatMap((s) => [
          ...runs(`${space}${space}`, f.table, SIZES.table),
          ...runs("\u25A0", f.table, SIZES.table, { color: s.color }),
          ...runs(` ${s.name}`, f.table, SIZES.table),
        ]),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // Single spacing: the body's fixed 28-point line would clip the picture to its height.
      spacing: { before: 0, after: 0 },
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: encodePng(picture.image, DOTS_PER_INCH),
          transformation: { width: PICTURE_WIDTH, height: PICTURE_HEIGHT },
          altText: { name: chart.title, title: chart.title, description: chart.description },
          // Its run names its faces too, as every run of the document does.
          run: { font: { ascii: f.table.ascii, hAnsi: f.table.hAnsi, eastAsia: f.table.eastAsia } },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT,
      keepNext: true,
      children: runs(chart.caption, f.table, SIZES.table),
    }),
    chartKey(chart.categories, f.table),
  ];
}

/** A 五号 character's width in twips (10.5 pt); Latin letters and digits take about half. */
const CJK_WIDTH = SIZES.table * 20;
const NUMBER_WIDTH = 420;
const KEY_MARGIN = 60;

/** About how wide `text` sets at 五号, in twips: a wide (CJK) character a full em, any other about half. */
function setWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? CJK_WIDTH : CJK_WIDTH * 0.55;
  return w;
}

/**
 * The key: each category's number (as under its columns in the picture) and its name, in a table without borders,
 * up to as many pairs a row as the longest name allows (four, three, two or one), read row by row. The number and the
 * name are cells of their own, so no reader of the text takes "2 分…" for a score of 2.
 */
function chartKey(categories: readonly string[], fonts: RunFonts): Table {
  const longest = Math.max(...categories.map(setWidth));
  const perRow =
    [4, 3, 2].find((k) => longest <= Math.floor(TEXT_WIDTH / k) - NUMBER_WIDTH - 4 * KEY_MARGIN) ?? 1;
  // As few rows as that allows, filled evenly: four names in two rows of two, not three and one.
  const pairs = Math.ceil(categories.length / Math.ceil(categories.length / perRow));
  const pairWidth = Math.floor(TEXT_WIDTH / pairs);
  const widths = Array.from({ length: pairs }, () => [NUMBER_WIDTH, pairWidth - NUMBER_WIDTH]).flat();
  const rows: TableRow[] = [];
  for (let start = 0; start < categories.length; start += pairs) {
    // Half a line under the last row, before the next heading.
    const after = start + pairs >= categories.length ? LINE_EXACT / 2 : 0;
    const cell = (text: string, width: number, align: "left" | "right") =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        margins: { left: KEY_MARGIN, right: KEY_MARGIN, top: 0, bottom: 0 },
        children: [
          new Paragraph({
            alignment: ALIGN[align],
            spacing: { line: 240, lineRule: LineRuleType.AUTO, after },
            children: runs(text, fonts, SIZES.table),
          }),
        ],
      });
    const children: TableCell[] = [];
    for (let k = 0; k < pairs; k++) {
      const i = start + k;
      children.push(
        cell(i < categories.length ? String(i + 1) : "", NUMBER_WIDTH, "right"),
        cell(i < categories.length ? categories[i] : "", pairWidth - NUMBER_WIDTH, "left"),
      );
    }
    rows.push(new TableRow({ cantSplit: true, children }));
  }
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows,
  });
}

/** The document's parts in order: title, the sections, 核查结果 when findings stand, then the 自评表 as 附件. */
function documentChildren(doc: ReportDocument, f: DocumentFonts): (Paragraph | Table)[] {
  const { lang } = doc;
  const out: (Paragraph | Table)[] = [titleParagraph(doc.title, f, lang)];
  // While errors stand, a red line under the title: a report never reads clean over errors.
  if (doc.banner !== null) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...EXACT, after: LINE_EXACT },
        children: runs(doc.banner, f.heading, SIZES.body, { bold: true, color: BANNER_COLOR.slice(1) }),
      }),
    );
  }
  doc.body.forEach((p, i) => {
    if (doc.chart && doc.chart.before === i) out.push(...chartParagraphs(doc.chart, f, lang));
    out.push(bodyParagraph(p.kind, p.text, f, lang));
  });
  if (doc.chart && doc.chart.before >= doc.body.length) out.push(...chartParagraphs(doc.chart, f, lang));
  if (doc.findings) {
    out.push(bodyParagraph("heading", doc.findings.heading, f, lang, { pageBreakBefore: true }));
    // Indented like the narrative's body paragraphs, which open with two full-width spaces in Chinese.
    const indent = lang === "zh-CN" ? "\u3000\u3000" : "";
    out.push(bodyParagraph("body", indent + doc.findings.summary, f, lang));
    doc.findings.groups.forEach((g) => {
      out.push(bodyParagraph("subheading", g.heading, f, lang));
      for (const table of g.tables) {
        out.push(bodyParagraph("body", indent + table.heading, f, lang));
        for (const item of table.items) out.push(bodyParagraph("body", indent + item, f, lang));
      }
    });
  }
  const { table } = doc.appendix;
  out.push(
    new Paragraph({
      pageBreakBefore: true,
      spacing: EXACT,
      children: runs(doc.appendix.heading, f.heading, SIZES.body, lang === "en-US" ? { bold: true } : {}),
    }),
  );
  for (const line of table.caption)
    out.push(lineParagraph(line, line.bold ? f.heading : f.table, line.bold ? 14 : 10.5));
  out.push(wordTable(table, f.table));
  for (const line of table.after) out.push(lineParagraph(line, f.table, SIZES.table));
  return out;
}

/** The .docx bytes of a report document. */
export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const f = documentFonts(doc.lang);
  const document = new Document({
    creator: "绩效自评助手",
    title: doc.title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: f.body.ascii, hAnsi: f.body.hAnsi, eastAsia: f.body.eastAsia },
            size: halfPoints(SIZES.body),
            language: { value: doc.lang, eastAsia: "zh-CN" },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: MARGINS,
          },
        },
        footers: { default: pageNumberFooter(f) },
        children: documentChildren(doc, f),
      },
    ],
  });
  return Packer.pack(document, "uint8array", false, [{ path: FONT_TABLE_PATH, data: fontTableXml() }]);
}

/**
 * The Word report of an evaluation, as .docx bytes: what the CLI writes and what the task pane's "下载 Word 报告"
 * offers (wrap the bytes in a Blob of type DOCX_MIME_TYPE).
 */
export function reportDocx(evaluation: ReportInput, lang: Lang): Promise<Uint8Array> {
  return renderReportDocx(buildReportDocument(evaluation, lang));
}

export const DOCX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
