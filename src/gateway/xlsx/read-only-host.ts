/**
 * The read-only hosts the CLI checks a workbook file on — `check` streams it from disk, `review` reads each file once
 * into memory — and what both leave out: the report sheets an earlier `generate` wrote, which the recogniser would
 * otherwise take for the user's tables (our 项目-… sheets for project forms, our 项目汇总 for a budget table).
 * Light on purpose: a review worker thread imports it, so the package modules load only for a workbook that has our
 * marker sheet.
 */
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../app/host";
import { DEFAULT_SETTINGS, type AppSettings } from "../../app/settings";
import type { ConfirmationStore } from "../../engine/confirmations";
import { MARKER_SHEET_NAME, withoutOwnedSheets, type ReportSheetKey } from "../../engine/report/index";
import type { WorkbookSnapshot } from "../../engine/snapshot";

/**
 * A host that reads and never writes. `command` names the CLI command in the error a write would throw, which only a
 * programming error reaches: the command runs the pipeline's read-only actions alone on it.
 */
export function readOnlyXlsxHost(
  command: string,
  read: () => Promise<WorkbookSnapshot>,
  loadConfirmations: () => Promise<ConfirmationStore>,
): WorkbookHost {
  const readOnly = (): never => {
    throw new Error(`selfeval ${command}: the workbook is opened read-only`);
  };
  return {
    kind: "xlsx",
    read,
    writeReport: <K extends ReportSheetKey = ReportSheetKey>(): Promise<WrittenReport<K>> => readOnly(),
    selectCells: (): Promise<void> => readOnly(),
    highlight: (): Promise<MarkOutcome> => readOnly(),
    clearHighlights: (): Promise<MarkOutcome> => readOnly(),
    insertTemplate: (): Promise<readonly string[]> => readOnly(),
    loadSettings: async (): Promise<AppSettings> => DEFAULT_SETTINGS,
    saveSettings: (): Promise<void> => readOnly(),
    loadConfirmations,
    saveConfirmations: (): Promise<void> => readOnly(),
  };
}

/**
 * `snapshot` without the report sheets an earlier `generate` wrote: those the marker sheet lists and that still carry
 * the fingerprint recorded there. Only a workbook with the marker sheet has any, so only then is the package (its
 * bytes, from `bytes`) opened a second time; a package whose parts cannot be listed has none we could know of.
 */
export async function withoutReportSheets(
  snapshot: WorkbookSnapshot,
  bytes: () => Uint8Array | Promise<Uint8Array>,
): Promise<WorkbookSnapshot> {
  const marker = MARKER_SHEET_NAME.toUpperCase();
  if (!snapshot.sheets.some((s) => s.name.toUpperCase() === marker)) return withoutOwnedSheets(snapshot, []);
  const [{ default: JSZip }, { PartIndex }, { ownedSheetsOf }, { readWorkbookPart, PackageWriteError }] =
    await Promise.all([
      import("jszip"),
      import("./package/opc"),
      import("./package/owned"),
      import("./package/workbook-part"),
    ]);
  // The streaming reader has just read this package, so neither failure is expected; as in generate's package host,
  // a zip that will not open or a workbook part that cannot be read lists nothing.
  const zip = await JSZip.loadAsync(await bytes()).catch(() => null);
  if (zip === null) return withoutOwnedSheets(snapshot, []);
  try {
    const index = new PartIndex(zip);
    return withoutOwnedSheets(snapshot, await ownedSheetsOf(zip, index, await readWorkbookPart(zip, index)));
  } catch (error) {
    if (error instanceof PackageWriteError) return withoutOwnedSheets(snapshot, []);
    throw error;
  }
}
