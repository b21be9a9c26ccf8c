/**
 * The CLI's door to the .xlsx gateway (its host factory): the WorkbookHost the pipeline runs on for each command.
 * `generate` gets the package host: the file is read with the streaming reader and the report's sheets are added to
 * the user's own package, every part of which is kept byte for byte (exceljs, re-saving it, would drop charts, pivot
 * tables and whatever else it does not model). `check` writes nothing and reads with the streaming reader too, whose
 * memory stays small on a 200,000-row 决算 export.
 */
import { readFile } from "fs/promises";
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../app/host";
import { DEFAULT_SETTINGS, type AppSettings } from "../app/settings";
import type { ReportSheetKey } from "../engine/report/spec";
import { withoutOwnedSheets } from "../engine/report/sheet-names";
import type { WorkbookSnapshot } from "../engine/snapshot";
import { PackageWorkbookHost } from "../gateway/xlsx/package-host";
import { ownedSheetsInPackage, PackageWriteError } from "../gateway/xlsx/package/index";
import { readConfirmationsFile } from "../gateway/xlsx/read-confirmations";
import { readXlsxFileStreaming } from "../gateway/xlsx/read-stream";
import type { ConfirmationStore } from "../engine/confirmations";
import { evaluateMissingFormulas } from "../gateway/xlsx/formulas/evaluate-missing";

export { WorkbookReadError } from "../gateway/xlsx/read-error";
export { PackageWriteError } from "../gateway/xlsx/package/index";
export type { PackageWorkbookHost } from "../gateway/xlsx/package-host";

/**
 * The workbook file as the host `generate` writes the report into. Throws WorkbookReadError for a file that is missing
 * or not a workbook, PackageWriteError for a workbook whose package cannot take our sheets.
 */
export function openWorkbookFile(path: string): Promise<PackageWorkbookHost> {
  return PackageWorkbookHost.open(path);
}

const readOnly = (): never => {
  // Only a programming error gets here: `check` runs the pipeline's read-only actions on this host.
  throw new Error("selfeval check: the workbook is opened read-only");
};

/**
 * The report sheets an earlier `generate` (or the pane) wrote into the file: listed in its marker sheet and still
 * carrying the fingerprint recorded there. A package whose parts cannot be listed has none we could know of.
 */
async function reportSheetsOf(path: string): Promise<readonly string[]> {
  try {
    return await ownedSheetsInPackage(await readFile(path));
  } catch (error) {
    if (error instanceof PackageWriteError) return [];
    throw error;
  }
}

/**
 * A read-only host over the workbook file for `check`: its snapshot streamed sheet by sheet (the same snapshot as the
 * in-memory reader, at a fraction of its memory), without formulas, which the engine never looks at. As every host
 * does, it leaves out the report sheets an earlier run wrote: the recogniser would take our 项目-… sheets for project
 * forms and our 项目汇总 for a budget table. Throws WorkbookReadError from read().
 */
export function streamingWorkbookFile(path: string): WorkbookHost {
  return {
    kind: "xlsx",
    read: async (): Promise<WorkbookSnapshot> => {
      // Streamed first: it is what says whether the file is a workbook at all (WorkbookReadError).
      const snapshot = await evaluateMissingFormulas(await readXlsxFileStreaming(path, { formulas: false }));
      return withoutOwnedSheets(snapshot, await reportSheetsOf(path));
    },
    writeReport: <K extends ReportSheetKey = ReportSheetKey>(): Promise<WrittenReport<K>> => readOnly(),
    selectCells: (): Promise<void> => readOnly(),
    highlight: (): Promise<MarkOutcome> => readOnly(),
    clearHighlights: (): Promise<MarkOutcome> => readOnly(),
    insertTemplate: (): Promise<readonly string[]> => readOnly(),
    loadSettings: async (): Promise<AppSettings> => DEFAULT_SETTINGS,
    saveSettings: (): Promise<void> => readOnly(),
    // The 出错说明 the filer wrote in Excel, WPS or the preview: `check` shows them (it never writes any).
    loadConfirmations: (): Promise<ConfirmationStore> => readConfirmationsFile(path),
    saveConfirmations: (): Promise<void> => readOnly(),
  };
}
