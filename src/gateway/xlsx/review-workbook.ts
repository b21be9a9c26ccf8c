/**
 * Writes the summary workbook of `selfeval review` (src/cli/review-summary.ts decides what it holds): plain tables,
 * one per sheet, a bold header row that stays in view and is printed on every page, A4 landscape one page wide.
 * The CLI hands its tables over as plain data.
 *
 * Written here as SpreadsheetML directly (the parts below, zipped by zip-write.ts), not with exceljs: the summary is
 * the last step of a review, after every file is checked, so nothing else runs beside it. Loading exceljs's workbook
 * model and writer and running them once, cold, with its zip deflated by pako in JavaScript, took a quarter of a
 * second and more of a review of 200 workbooks on the bench machine; these few strings take milliseconds. The parts
 * are those exceljs wrote for the same tables (styles, frozen header, print titles, filter, page setup), without its
 * theme and document properties, which nothing here uses.
 */
import { zipBytes } from "./zip-write";

export type SummaryCellFormat = "text" | "integer" | "score" | "percent";

export interface SummaryColumn {
  readonly header: string;
  /** Excel character units. */
  readonly width: number;
  readonly format: SummaryCellFormat;
}

export interface SummarySheet {
  readonly name: string;
  readonly columns: readonly SummaryColumn[];
  /** null leaves the cell empty. Text cells are written as strings whatever they start with. */
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** The cell formats of styles.xml's cellXfs, by index: 0 Excel's default, 1 the header, then one per column format. */
const HEADER_STYLE = 1;
const STYLE_OF: Record<SummaryCellFormat, number> = { text: 2, score: 3, percent: 4, integer: 5 };

// Built-in number formats: 49 "@", 2 "0.00", 10 "0.00%", 1 "0". Fonts: 0 the default, 1 bold. Fills: 0 and 1 are the
// two Excel reserves, 2 the header's. Borders: 0 none, 1 thin on all four sides.
const STYLES =
  DECLARATION +
  `<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>' +
  ["left", "right", "top", "bottom"]
    .map((side) => `<${side} style="thin"><color rgb="FFBFBFBF"/></${side}>`)
    .join("") +
  "<diagonal/></border></borders>" +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  [
    ["49", ' wrapText="1"'],
    ["2", ""],
    ["10", ""],
    ["1", ""],
  ]
    .map(
      ([format, wrap]) =>
        `<xf numFmtId="${format}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"${wrap}/></xf>`,
    )
    .join("") +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** The workbook as .xlsx bytes; `footer` in Excel's header/footer codes ("第 &P 页 共 &N 页"). */
export async function summaryWorkbookBytes(
  sheets: readonly SummarySheet[],
  footer: string,
): Promise<Uint8Array> {
  const strings = new SharedStrings();
  const sheetParts = sheets.map((sheet) => sheetXml(sheet, footer, strings));
  const parts: [string, string][] = [
    ["[Content_Types].xml", contentTypes(sheets.length)],
    ["_rels/.rels", rels([["officeDocument", "xl/workbook.xml"]])],
    ["xl/workbook.xml", workbookXml(sheets)],
    [
      "xl/_rels/workbook.xml.rels",
      rels([
        ["styles", "styles.xml"],
        ["sharedStrings", "sharedStrings.xml"],
        ...sheets.map((_, i): [string, string] => ["worksheet", `worksheets/sheet${i + 1}.xml`]),
      ]),
    ],
    ["xl/styles.xml", STYLES],
    ["xl/sharedStrings.xml", strings.xml()],
    ...sheetParts.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  const zip = zipBytes(parts.map(([name, xml]) => ({ name, data: Buffer.from(xml, "utf8") })));
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}

function sheetXml(sheet: SummarySheet, footer: string, strings: SharedStrings): string {
  const columns = sheet.columns.length;
  const last = `${columnLetters(Math.max(columns, 1))}${sheet.rows.length + 1}`;
  const out: string[] = [
    DECLARATION,
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${last}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (columns > 0) {
    out.push("<cols>");
    sheet.columns.forEach((column, c) =>
      out.push(`<col min="${c + 1}" max="${c + 1}" width="${column.width}" customWidth="1"/>`),
    );
    out.push("</cols>");
  }
  out.push("<sheetData>");
  out.push(`<row r="1">`);
  sheet.columns.forEach((column, c) =>
    out.push(
      `<c r="${columnLetters(c + 1)}1" s="${HEADER_STYLE}" t="s"><v>${strings.index(column.header)}</v></c>`,
    ),
  );
  out.push("</row>");
  sheet.rows.forEach((row, r) => {
    const n = r + 2;
    out.push(`<row r="${n}">`);
    sheet.columns.forEach((column, c) => {
      const ref = `${columnLetters(c + 1)}${n}`;
      const style = STYLE_OF[column.format];
      const value = row[c] ?? null;
      // A text column's value is always a shared string, never a formula: a file named "=1+1.xlsx" stays text.
      if (column.format === "text" && value !== null) {
        out.push(`<c r="${ref}" s="${style}" t="s"><v>${strings.index(String(value))}</v></c>`);
      } else if (typeof value === "number" && Number.isFinite(value)) {
        out.push(`<c r="${ref}" s="${style}"><v>${value}</v></c>`);
      } else if (typeof value === "string") {
        out.push(`<c r="${ref}" s="${style}" t="s"><v>${strings.index(value)}</v></c>`);
      } else {
        // Empty, but framed and formatted like its column.
        out.push(`<c r="${ref}" s="${style}"/>`);
      }
    });
    out.push("</row>");
  });
  out.push("</sheetData>");
  if (sheet.rows.length > 0 && columns > 0) out.push(`<autoFilter ref="A1:${columnLetters(columns)}1"/>`);
  out.push(
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    `<headerFooter><oddFooter>${escapeXml(`&C${footer}`)}</oddFooter></headerFooter>`,
    "</worksheet>",
  );
  return out.join("");
}

function workbookXml(sheets: readonly SummarySheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
    .join("");
  // The header row printed at the top of every page.
  const titles = sheets
    .map(
      (s, i) =>
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${s.name.replace(/'/g, "''")}'!$1:$1`)}</definedName>`,
    )
    .join("");
  return (
    DECLARATION +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>` +
    (titles ? `<definedNames>${titles}</definedNames>` : "") +
    "</workbook>"
  );
}

/** Relationships numbered rId1, rId2, … in order: the workbook's are styles, shared strings, then the sheets (rId3…). */
function rels(targets: readonly [type: string, target: string][]): string {
  const items = targets
    .map(([type, target], i) => {
      const kind = type === "officeDocument" ? `${REL}/officeDocument` : `${REL}/${type}`;
      return `<Relationship Id="rId${i + 1}" Type="${kind}" Target="${target}"/>`;
    })
    .join("");
  return `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">${items}</Relationships>`;
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT_TYPE}.worksheet+xml"/>`,
  ).join("");
  return (
    DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT_TYPE}.sharedStrings+xml"/>` +
    "</Types>"
  );
}

/** The shared string table: each text once, cells refer to it by index (as Excel and exceljs write text). */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  index(text: string): number {
    this.count += 1;
    let i = this.indexes.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.indexes.set(text, i);
      // Leading or trailing spaces and line breaks are kept only when the text says so.
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      this.items.push(`<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    return i;
  }

  xml(): string {
    return (
      `${DECLARATION}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.items.length}">` +
      this.items.join("") +
      "</sst>"
    );
  }
}

/** "A", …, "Z", "AA", … for a 1-based column number. */
function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Text as XML character data or an attribute value. Characters XML 1.0 cannot hold at all (control characters other
 * than tab and line breaks, which a file name or a cell can carry) are left out, as exceljs left them out.
 */
function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is matched, to be left out.
  return text.replace(/[<>&"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g, (ch) => {
    switch (ch) {
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case "&":
        return "&amp;";
      case '"':
        return "&quot;";
      case "'":
        return "&apos;";
      default:
        return "";
    }
  });
}
