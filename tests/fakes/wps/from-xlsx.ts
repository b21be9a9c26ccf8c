/**
 * An .xlsx as WPS 表格 would hold it once opened, in the fake: values (a formula's cached result, rich text and links
 * as their text, dates as serial numbers with their date format, errors as error values), number formats, solid
 * fills, merged areas and sheet visibility. Written from exceljs's model of the file, not from the WPS gateway.
 */
import * as ExcelJS from "../../../src/gateway/xlsx/exceljs";
import { FakeEtApp, type FakeSheet } from "./workbook";
import { ERROR_NUMBERS } from "./cells";

/** Days from ET's day 0 (1899-12-30, counting 1900 as a leap year as Excel does) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

type Held = { kind: "value"; value: string | number | boolean } | { kind: "error"; literal: string } | null;

function holds(value: ExcelJS.CellValue): Held {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return { kind: "value", value };
  if (value instanceof Date) return { kind: "value", value: value.getTime() / DAY_MS + UNIX_EPOCH_SERIAL };
  if ("error" in value) {
    const literal = String(value.error);
    if (!(literal in ERROR_NUMBERS)) throw new Error(`the fake holds no error ${literal}`);
    return { kind: "error", literal };
  }
  if ("richText" in value) return holds(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) return holds(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value)
    return holds((value.result ?? null) as ExcelJS.CellValue);
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

function argbToBgr(argb: string | undefined): number | null {
  if (!argb || argb.length < 6) return null;
  const hex = argb.slice(-6);
  return (
    parseInt(hex.slice(0, 2), 16) +
    parseInt(hex.slice(2, 4), 16) * 256 +
    parseInt(hex.slice(4, 6), 16) * 65536
  );
}

function loadSheet(sheet: FakeSheet, ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const held = holds(cell.value);
      const target = () => sheet.cell(r - 1, c - 1);
      if (held?.kind === "value") target().value = held.value;
      else if (held?.kind === "error") target().error = held.literal;
      if (cell.numFmt && cell.numFmt !== "General") target().numberFormat = cell.numFmt;
      const fill = cell.fill;
      if (fill && fill.type === "pattern" && fill.pattern === "solid") {
        const bgr = argbToBgr(fill.fgColor?.argb);
        if (bgr !== null) {
          target().fillColor = bgr;
          target().fillPattern = 1;
        }
      }
    }),
  );
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const m of merges) {
    const [a, b] = m.split(":");
    const from = ws.getCell(a);
    const to = ws.getCell(b);
    sheet.merges.push({
      top: Number(from.row) - 1,
      left: Number(from.col) - 1,
      bottom: Number(to.row) - 1,
      right: Number(to.col) - 1,
    });
  }
}

export async function xlsxInWps(bytes: Uint8Array): Promise<FakeEtApp> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const app = new FakeEtApp();
  for (const ws of wb.worksheets) {
    const sheet = app.workbook.addSheet(ws.name);
    loadSheet(sheet, ws);
  }
  // Visibility last: ET refuses to hide the last visible sheet, and the order of the file does not matter.
  wb.worksheets.forEach((ws, i) => {
    const sheet = app.workbook.sheets[i];
    if (ws.state === "veryHidden") sheet.Visible = 2;
    else if (ws.state === "hidden") sheet.Visible = 0;
  });
  app.calls.length = 0;
  return app;
}
