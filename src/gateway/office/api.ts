/**
 * Which ExcelApi requirement sets the host implements. Read from the `Office` global when there is one; a context
 * without it (a test that did not install a fake `Office`) is treated as supporting nothing optional.
 */
import { apiMissingError } from "./errors";

/** The gateway's floor: getRangeByIndexes, freeze panes, hyperlinks and workbook protection are ExcelApi 1.7. */
export const MINIMUM_EXCEL_API = "1.7";

export function supportsExcelApi(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** Throws a localized "update Office" error when the host is older than the gateway can work with. */
export function requireExcelApi(version: string = MINIMUM_EXCEL_API): void {
  if (!supportsExcelApi(version)) throw apiMissingError(version);
}
