/**
 * The CLI's door to the .xlsx gateway (its host factory): the WorkbookHost the pipeline runs on for each command.
 * `generate` gets the .xlsx host, which parses the file once and is saved with the report in it; `check` writes
 * nothing and reads with the streaming reader, whose memory stays small on a 200,000-row 决算 export.
 */
import { readFile } from "fs/promises";
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../app/host";
import { DEFAULT_SETTINGS, type AppSettings } from "../app/settings";
import type { ReportSheetKey } from "../engine/report/spec";
import type { WorkbookSnapshot } from "../engine/snapshot";
import { XlsxWorkbookHost } from "../gateway/xlsx/host";
import { WorkbookReadError } from "../gateway/xlsx/read-error";
import { readXlsxFileStreaming } from "../gateway/xlsx/read-stream";

export { WorkbookReadError } from "../gateway/xlsx/read-error";
export type { XlsxWorkbookHost } from "../gateway/xlsx/host";

/** The workbook file as an .xlsx host. Throws WorkbookReadError for a file that is missing or not a workbook. */
export async function openWorkbookFile(path: string): Promise<XlsxWorkbookHost> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", {
      cause,
    });
  }
  return XlsxWorkbookHost.load(bytes);
}

const readOnly = (): never => {
  // Only a programming error gets here: `check` runs the pipeline's read-only actions on this host.
  throw new Error("selfeval check: the workbook is opened read-only");
};

/**
 * A read-only host over the workbook file for `check`: its snapshot streamed sheet by sheet (the same snapshot as the
 * in-memory reader, at a fraction of its memory), without formulas, which the engine never looks at. Read as it is,
 * every sheet included, as `selfeval check` always has. Throws WorkbookReadError from read().
 */
export function streamingWorkbookFile(path: string): WorkbookHost {
  return {
    kind: "xlsx",
    read: (): Promise<WorkbookSnapshot> => readXlsxFileStreaming(path, { formulas: false }),
    writeReport: <K extends ReportSheetKey = ReportSheetKey>(): Promise<WrittenReport<K>> => readOnly(),
    selectCells: (): Promise<void> => readOnly(),
    highlight: (): Promise<MarkOutcome> => readOnly(),
    clearHighlights: (): Promise<MarkOutcome> => readOnly(),
    insertTemplate: (): Promise<readonly string[]> => readOnly(),
    loadSettings: async (): Promise<AppSettings> => DEFAULT_SETTINGS,
    saveSettings: (): Promise<void> => readOnly(),
  };
}
