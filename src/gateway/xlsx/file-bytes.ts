/** A workbook file's bytes for the .xlsx readers (Node only), with the readers' error for a file that is not there. */
import { readFileSync } from "fs";
import { WorkbookReadError } from "./read-error";

/**
 * The file's bytes, read at once and synchronously: for `selfeval review`, which reads hundreds of small workbooks one
 * after another (or each in a worker thread that has nothing else to do), where waiting on the thread pool per read
 * costs more than the read. Throws WorkbookReadError for a missing file or one that cannot be read.
 */
export function workbookFileBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", {
      cause,
    });
  }
}
