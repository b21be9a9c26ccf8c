/**
 * The read-only host `selfeval review` checks each workbook of a folder on: the file read once into memory, its
 * snapshot, our report sheets left out, and the 出错说明 it carries, all from those bytes (the same readers as
 * `generate`'s package host and `check`'s streaming host, which read the file from disk part by part). It imports
 * neither the package writer nor exceljs's workbook model, so a worker thread of the review starts light.
 */
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../app/host";
import { DEFAULT_SETTINGS, type AppSettings } from "../../app/settings";
import type { ConfirmationStore } from "../../engine/confirmations";
import { MARKER_SHEET_NAME, withoutOwnedSheets, type ReportSheetKey } from "../../engine/report/index";
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { evaluateMissingFormulas } from "./formulas/evaluate-missing";
import { readConfirmationsBytes } from "./read-confirmations";
import { workbookFileBytes } from "./file-bytes";
import { readXlsxBytesStreaming } from "./read-stream";

const readOnly = (): never => {
  // Only a programming error gets here: review runs the pipeline's check alone on this host.
  throw new Error("selfeval review: the workbook is opened read-only");
};

/**
 * Opens the .xlsx file at `path` read-only. Throws WorkbookReadError for a file that is missing or not a readable
 * workbook.
 */
export async function openWorkbookFileWhole(path: string): Promise<WorkbookHost> {
  const bytes = workbookFileBytes(path);
  const snapshot = await evaluateMissingFormulas(await readXlsxBytesStreaming(bytes, { formulas: false }));
  const owned = await ownedSheets(bytes, snapshot);
  const confirmations = await readConfirmationsBytes(bytes);
  const ours = withoutOwnedSheets(snapshot, owned);
  return {
    kind: "xlsx",
    read: async (): Promise<WorkbookSnapshot> => ours,
    writeReport: <K extends ReportSheetKey = ReportSheetKey>(): Promise<WrittenReport<K>> => readOnly(),
    selectCells: (): Promise<void> => readOnly(),
    highlight: (): Promise<MarkOutcome> => readOnly(),
    clearHighlights: (): Promise<MarkOutcome> => readOnly(),
    insertTemplate: (): Promise<readonly string[]> => readOnly(),
    loadSettings: async (): Promise<AppSettings> => DEFAULT_SETTINGS,
    saveSettings: (): Promise<void> => readOnly(),
    loadConfirmations: async (): Promise<ConfirmationStore> => confirmations,
    saveConfirmations: (): Promise<void> => readOnly(),
  };
}

/**
 * Our sheets from an earlier `generate` (the marker sheet lists them). Only a workbook with the marker sheet has any,
 * so the package is opened a second time for those alone.
 */
async function ownedSheets(bytes: Uint8Array, snapshot: WorkbookSnapshot): Promise<string[]> {
  const marker = MARKER_SHEET_NAME.toUpperCase();
  if (!snapshot.sheets.some((s) => s.name.toUpperCase() === marker)) return [];
  // Loaded here, not above: most filings have no marker, and a worker thread then never loads JSZip.
  const [{ default: JSZip }, { PartIndex }, { ownedSheetsOf }, { readWorkbookPart }] = await Promise.all([
    import("jszip"),
    import("./package/opc"),
    import("./package/owned"),
    import("./package/workbook-part"),
  ]);
  const zip = await JSZip.loadAsync(bytes);
  const index = new PartIndex(zip);
  return ownedSheetsOf(zip, index, await readWorkbookPart(zip, index));
}
