/** The bundled sample's bytes, and a copy with one total changed, for the preview's tests. */
import { readFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { SAMPLE_FILE_NAME } from "../../src/preview/sample";

export const SAMPLE_PATH = join(__dirname, "..", "..", "assets", "sample", SAMPLE_FILE_NAME);

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

/** The sheet and cell the broken copy changes: the budget block's 全年执行数 total (10716.16 → 10726.16 万元). */
export const BROKEN_SHEET = "表一 预算执行情况";
export const BROKEN_CELL = "D5";

let broken: Promise<Uint8Array> | null = null;

/** The broken copy, made once per test file (a load and a save of the sample); each caller gets its own bytes. */
export async function brokenSampleBytes(): Promise<Uint8Array> {
  broken ??= (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE_PATH) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    wb.getWorksheet(BROKEN_SHEET)!.getCell(BROKEN_CELL).value = 10726.16;
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  })();
  return (await broken).slice();
}

/** What the preview's host tells about its workbook window (its store's state). */
interface Observable<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * Resolves once the host's state satisfies `ready`. Parsing a workbook or writing a report takes as long as the
 * machine needs; a test waits for that state rather than for a time.
 */
export function until<S>(host: Observable<S>, ready: (state: S) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready(host.getState())) return resolve();
    const stop = host.subscribe(() => {
      if (!ready(host.getState())) return;
      stop();
      resolve();
    });
  });
}

/** Resolves once the host has `fileName` open. */
export function untilOpened(host: Observable<{ readonly fileName: string | null }>, fileName: string) {
  return until(host, (state) => state.fileName === fileName);
}
