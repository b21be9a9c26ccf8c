/**
 * The Node-only half of the read gateway: loads a file from disk and hands its bytes to readXlsxBuffer.
 * Kept apart from read.ts so the browser bundle never pulls in the file system.
 */
import { readFile } from "fs/promises";
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { readXlsxBuffer, type ReadXlsxOptions } from "./read";
import { WorkbookReadError } from "./read-error";

export async function readXlsxFile(path: string, options: ReadXlsxOptions = {}): Promise<WorkbookSnapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", {
      cause,
    });
  }
  return readXlsxBuffer(bytes, options);
}
