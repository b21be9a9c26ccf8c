/**
 * The read-only host `selfeval review` checks each workbook of a folder on: the file read once into memory, its
 * snapshot, our report sheets left out, and the 出错说明 it carries, all from those bytes (the same readers as
 * `generate`'s package host and `check`'s streaming host, which read the file from disk part by part). It imports
 * neither the package writer nor exceljs's workbook model, so a worker thread of the review starts light.
 */
import type { WorkbookHost } from "../../app/host";
import { evaluateMissingFormulas } from "./formulas/evaluate-missing";
import { readConfirmationsBytes } from "./read-confirmations";
import { readOnlyXlsxHost, withoutReportSheets } from "./read-only-host";
import { workbookFileBytes } from "./file-bytes";
import { readXlsxBytesStreaming } from "./read-stream";

/**
 * Opens the .xlsx file at `path` read-only. Throws WorkbookReadError for a file that is missing or not a readable
 * workbook.
 */
export async function openWorkbookFileWhole(path: string): Promise<WorkbookHost> {
  const bytes = workbookFileBytes(path);
  const snapshot = await evaluateMissingFormulas(await readXlsxBytesStreaming(bytes, { formulas: false }));
  const ours = await withoutReportSheets(snapshot, () => bytes);
  const confirmations = await readConfirmationsBytes(bytes);
  return readOnlyXlsxHost(
    "review",
    async () => ours,
    async () => confirmations,
  );
}
