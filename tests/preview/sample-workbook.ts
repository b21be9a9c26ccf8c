/** The bundled sample's bytes, and a copy with one total changed, for the preview's tests. */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { SAMPLE_FILE_NAME } from "../../src/preview/sample";

export const SAMPLE_PATH = join(__dirname, "..", "..", "assets", "sample", SAMPLE_FILE_NAME);

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

/** The sheet and cell the broken copy changes: the budget block's 全年执行数 total (10716.16 → 10726.16 万元). */
export const BROKEN_SHEET = "表一 预算执行情况";
export const BROKEN_CELL = "D5";

export async function brokenSampleBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE_PATH) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  wb.getWorksheet(BROKEN_SHEET)!.getCell(BROKEN_CELL).value = 10726.16;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
