/**
 * Recognises what kind of file a byte buffer holds before exceljs sees it, so a renamed .xls, a CSV or a
 * password-protected workbook gets its own explanation instead of a generic zip error.
 * Works on plain Uint8Array bytes only (no Node Buffer), so it runs in the browser too.
 */
import type { WorkbookReadErrorCode } from "./read-error";

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** The OLE2 compound file signature shared by .xls files and encrypted OOXML packages. */
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type SniffResult =
  { readonly kind: "xlsx" } | { readonly kind: "rejected"; readonly code: WorkbookReadErrorCode };

export function sniffWorkbookBytes(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { kind: "rejected", code: "empty" };
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    // A zip ends with its central directory; without that record the file was cut short (an interrupted download
    // or copy), whatever it was meant to hold — the entry names seen so far cannot tell a workbook from anything else.
    if (!hasEndOfCentralDirectory(bytes)) return { kind: "rejected", code: "corrupt" };
    // Entry names are stored uncompressed in the zip headers, so the workbook part can be found without unzipping.
    // exceljs reads only xl/workbook.xml; a zip without it (.docx, .xlsb, .ods) would load as an empty workbook.
    if (indexOf(bytes, ascii("xl/workbook.xml")) >= 0) return { kind: "xlsx" };
    if (indexOf(bytes, ascii("xl/workbook.bin")) >= 0) return { kind: "rejected", code: "not-xlsx" };
    // Spreadsheet parts without the workbook part: an .xlsx cut short before its workbook entry.
    return { kind: "rejected", code: indexOf(bytes, ascii("xl/")) >= 0 ? "corrupt" : "not-xlsx" };
  }
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    // Encrypted .xlsx files are OLE2 containers with an "EncryptionInfo" stream; its name is stored in UTF-16LE.
    return {
      kind: "rejected",
      code: indexOf(bytes, utf16le("EncryptionInfo")) >= 0 ? "encrypted" : "legacy-xls",
    };
  }
  return { kind: "rejected", code: looksLikeText(bytes) ? "text-file" : "not-xlsx" };
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB archive comment. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

/**
 * Text files (CSV in UTF-8 or GBK, UTF-16 with a BOM) have no NUL bytes and few control characters in their first
 * kilobytes; binaries have many.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n / 100;
}
