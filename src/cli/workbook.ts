/**
 * The CLI's door to the .xlsx gateway (its host factory): the WorkbookHost the pipeline runs on for each command.
 * `generate` gets the package host: the file is read with the streaming reader and the report's sheets are added to
 * the user's own package, every part of which is kept byte for byte (exceljs, re-saving it, would drop charts, pivot
 * tables and whatever else it does not model). `check` writes nothing and reads with the streaming reader too, whose
 * memory stays small on a 200,000-row 决算 export.
 */
import { readFile } from "fs/promises";
import type { WorkbookHost } from "../app/host";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { PackageWorkbookHost } from "../gateway/xlsx/package-host";
import { readConfirmationsFile } from "../gateway/xlsx/read-confirmations";
import { readOnlyXlsxHost, withoutReportSheets } from "../gateway/xlsx/read-only-host";
import { readXlsxFileStreaming } from "../gateway/xlsx/read-stream";
import { evaluateMissingFormulas } from "../gateway/xlsx/formulas/evaluate-missing";

export { WorkbookReadError } from "../gateway/xlsx/read-error";
export { PackageWriteError } from "../gateway/xlsx/package/workbook-part";
export type { PackageWorkbookHost } from "../gateway/xlsx/package-host";

/**
 * The workbook file as the host `generate` writes the report into. Throws WorkbookReadError for a file that is missing
 * or not a workbook, PackageWriteError for a workbook whose package cannot take our sheets.
 */
export async function openWorkbookFile(path: string): Promise<PackageWorkbookHost> {
  // Loaded by `generate` alone: the package writer (JSZip, and exceljs to render our sheets) is no part of `check`.
  const { PackageWorkbookHost } = await import("../gateway/xlsx/package-host");
  return PackageWorkbookHost.open(path);
}

/**
 * A read-only host over the workbook file for `check`: its snapshot streamed sheet by sheet (the same snapshot as the
 * in-memory reader, at a fraction of its memory), without formulas, which the engine never looks at. As every host
 * does, it leaves out the report sheets an earlier run wrote: the recogniser would take our 项目-… sheets for project
 * forms and our 项目汇总 for a budget table. Throws WorkbookReadError from read().
 */
export function streamingWorkbookFile(path: string): WorkbookHost {
  return readOnlyXlsxHost(
    "check",
    async (): Promise<WorkbookSnapshot> => {
      // Streamed first: it is what says whether the file is a workbook at all (WorkbookReadError). The whole file is
      // read again only when it holds our marker sheet, to learn which sheets are ours.
      const snapshot = await evaluateMissingFormulas(await readXlsxFileStreaming(path, { formulas: false }));
      return withoutReportSheets(snapshot, () => readFile(path));
    },
    // The 出错说明 the filer wrote in Excel, WPS or the preview: `check` shows them (it never writes any).
    () => readConfirmationsFile(path),
  );
}
