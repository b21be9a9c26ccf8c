/**
 * The door from the browser preview to the .xlsx gateway: one XlsxWorkbookHost per opened file, loaded with a dynamic
 * import() so exceljs stays in a lazy chunk that the Excel path never loads.
 */
import type { XlsxWorkbookHost } from "../gateway/xlsx/host";

export type { SavedWorkbook, XlsxWorkbookHost } from "../gateway/xlsx/host";

/**
 * A host over the .xlsx `bytes`, parsed once. Throws the .xlsx gateway's WorkbookReadError (localized, with a `code`)
 * when the bytes are not a readable workbook.
 */
export async function openXlsxHost(bytes: Uint8Array): Promise<XlsxWorkbookHost> {
  const { XlsxWorkbookHost } = await import("../gateway/xlsx/host");
  return XlsxWorkbookHost.load(bytes);
}
