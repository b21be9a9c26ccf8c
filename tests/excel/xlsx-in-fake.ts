/**
 * An .xlsx as Excel would hold it once opened, in the fake: values (formulas with their cached result, rich text and
 * links as their text), dates as serial numbers, number formats, merges and sheet visibility. Lets a test run the Office.js gateway over a file the .xlsx
 * gateway (the CLI) wrote, as when the user opens the CLI's output in Excel and uses the add-in on it. Custom XML parts
 * (customXml/itemN.xml) come along, as Excel exposes them through workbook.customXmlParts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FakeExcel, fakeError, type FakeValue } from "../fakes/excel-fake";

/** What Excel holds for an exceljs value: formulas keep their cached result, rich text and links their text. */
export function excelHolds(value: ExcelJS.CellValue): { value: FakeValue | null; formula: string | null } {
  if (value === null || value === undefined || value === "") return { value: null, formula: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return { value, formula: null };
  }
  // Excel holds a date as its serial number (days since 1899-12-30 in the 1900 system); the cell's date format is what
  // makes it a date, and xlsxInFake carries the format over.
  if (value instanceof Date) return { value: value.getTime() / 86_400_000 + 25_569, formula: null };
  if ("error" in value) return { value: fakeError(String(value.error)), formula: null };
  if ("richText" in value) return { value: value.richText.map((r) => r.text).join(""), formula: null };
  if ("hyperlink" in value) return excelHolds(value.text as ExcelJS.CellValue);
  if ("formula" in value) {
    const r = excelHolds((value.result ?? null) as ExcelJS.CellValue);
    return { value: r.value, formula: `=${value.formula}` };
  }
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

export async function xlsxInFake(bytes: Uint8Array): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const fake = new FakeExcel();
  for (const ws of wb.worksheets) {
    const sheet = fake.addSheet(ws.name, {
      visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible",
    });
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const held = excelHolds(cell.value);
        if (held.value === null && held.formula === null) return;
        const target = sheet.cell(r - 1, c - 1);
        target.value = held.value;
        target.formula = held.formula;
        if (cell.numFmt) target.numberFormat = cell.numFmt;
      }),
    );
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    sheet.merges = merges.map((m) => {
      const [a, b] = m.split(":");
      const from = ws.getCell(a);
      const to = ws.getCell(b);
      return {
        top: Number(from.row) - 1,
        left: Number(from.col) - 1,
        bottom: Number(to.row) - 1,
        right: Number(to.col) - 1,
      };
    });
  }
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).sort()) {
    if (!/^customXml\/item\d+\.xml$/i.test(name)) continue;
    fake.model.customXmlPartCounter += 1;
    fake.model.customXmlParts.push({
      id: `{FAKE-${fake.model.customXmlPartCounter}}`,
      xml: await zip.file(name)!.async("string"),
    });
  }
  return fake;
}
