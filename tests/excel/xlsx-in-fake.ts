/**
 * An .xlsx as Excel would hold it once opened, in the fake: values (formulas with their cached result, rich text and
 * links as their text), dates as serial numbers, number formats, merges and sheet visibility. Lets a test run the Office.js gateway over a file the .xlsx
 * gateway (the CLI) wrote, as when the user opens the CLI's output in Excel and uses the add-in on it. Custom XML parts
 * (customXml/itemN.xml) come along, as Excel exposes them through workbook.customXmlParts.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellRange } from "../../src/engine/snapshot";
import { FakeExcel, fakeError, type FakeValue } from "../fakes/excel-fake";
import { isFakeError, type SheetVisibility } from "../fakes/excel/model";

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

/** A cell as Excel holds it, taken from the file once. */
interface HeldCell {
  readonly row: number;
  readonly col: number;
  readonly value: FakeValue | null;
  readonly formula: string | null;
  readonly numberFormat: string | undefined;
}

/** What xlsxInFake puts in a fake, read from the file's bytes once (exceljs for the cells, JSZip for the parts). */
interface HeldWorkbook {
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility: SheetVisibility;
    readonly cells: readonly HeldCell[];
    readonly merges: readonly CellRange[];
  }[];
  readonly customXml: readonly string[];
}

async function parse(bytes: Uint8Array): Promise<HeldWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const sheets = wb.worksheets.map((ws) => {
    const cells: HeldCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const held = excelHolds(cell.value);
        if (held.value === null && held.formula === null) return;
        cells.push({ row: r - 1, col: c - 1, ...held, numberFormat: cell.numFmt || undefined });
      }),
    );
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => {
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
    const visibility: SheetVisibility =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    return { name: ws.name, visibility, cells, merges };
  });
  const zip = await JSZip.loadAsync(bytes);
  const customXml: string[] = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (/^customXml\/item\d+\.xml$/i.test(name)) customXml.push(await zip.file(name)!.async("string"));
  }
  return { sheets, customXml };
}

/**
 * Each file is parsed once per test file, found again by its contents: excel-nothing-lost opens the sample afresh for
 * every test and every sync it makes fail, 30 times, and exceljs parsed it each time.
 */
const parsed = new Map<string, Promise<HeldWorkbook>>();

export async function xlsxInFake(bytes: Uint8Array): Promise<FakeExcel> {
  const key = createHash("sha256").update(bytes).digest("hex");
  let held = parsed.get(key);
  if (!held) {
    held = parse(bytes);
    parsed.set(key, held);
  }
  return fakeOf(await held);
}

/** A new fake holding the workbook: nothing of it is shared with another fake made from the same file. */
function fakeOf(held: HeldWorkbook): FakeExcel {
  const fake = new FakeExcel();
  for (const s of held.sheets) {
    const sheet = fake.addSheet(s.name, { visibility: s.visibility });
    for (const c of s.cells) {
      const target = sheet.cell(c.row, c.col);
      target.value = isFakeError(c.value) ? fakeError(c.value.error) : c.value;
      target.formula = c.formula;
      if (c.numberFormat) target.numberFormat = c.numberFormat;
    }
    sheet.merges = s.merges.map((m) => ({ ...m }));
  }
  for (const xml of held.customXml) {
    fake.model.customXmlPartCounter += 1;
    fake.model.customXmlParts.push({ id: `{FAKE-${fake.model.customXmlPartCounter}}`, xml });
  }
  return fake;
}
