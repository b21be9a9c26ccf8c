/**
 * Writes the summary workbook of `selfeval review` (src/cli/review-summary.ts decides what it holds): plain tables,
 * one per sheet, a bold header row that stays in view and is printed on every page, A4 landscape one page wide.
 * Only the gateways import exceljs, so the CLI hands its tables over as plain data.
 */
import * as ExcelJS from "./exceljs";

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

const NUMBER_FORMATS: Record<SummaryCellFormat, string> = {
  text: "@",
  integer: "0",
  score: "0.00",
  percent: "0.00%",
};

const HEADER_FILL = "FFD9E1F2";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

/** The workbook as .xlsx bytes; `footer` in Excel's header/footer codes ("第 &P 页 共 &N 页"). */
export async function summaryWorkbookBytes(
  sheets: readonly SummarySheet[],
  footer: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&C${footer}` },
    });
    sheet.columns.forEach((column, c) => {
      ws.getColumn(c + 1).width = column.width;
      const cell = ws.getCell(1, c + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const column = sheet.columns[c];
        const cell = ws.getCell(r + 2, c + 1);
        cell.numFmt = NUMBER_FORMATS[column.format];
        cell.alignment = { vertical: "top", wrapText: column.format === "text" };
        cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
        // A JS string is always a shared string to exceljs, never a formula: a file named "=1+1.xlsx" stays text.
        if (value !== null) cell.value = column.format === "text" ? String(value) : value;
      });
    });
    if (sheet.rows.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
