/**
 * The 出错说明 of an .xlsx file on disk (Node only), read as the streaming reader reads sheets: from the zip's central
 * directory, inflating only the custom XML items (a few hundred bytes), never the whole package. A file this zip
 * reader does not handle, or one saved by WPS (whose store is in the marker sheet), is read into memory and its
 * package searched (package/confirmations-part.ts).
 */
import { readFile } from "fs/promises";
import {
  EMPTY_CONFIRMATIONS,
  confirmationsFromXml,
  isConfirmationsXml,
  type ConfirmationStore,
} from "../../engine/confirmations";
import { MARKER_SHEET_NAME } from "../../engine/report/sheet-names";
import { CUSTOM_XML_ITEM } from "./package/custom-xml-item";
import { closeZip, entryText, openZip, zipOfBytes, type ZipDirectory } from "./zip-entries";

/** The store in the workbook file at `path`; the empty store when it has none or cannot be read. */
export async function readConfirmationsFile(path: string): Promise<ConfirmationStore> {
  const zip = await openZip(path);
  if (!zip) return fromWholePackage(() => readFile(path));
  try {
    return await fromZip(zip, () => readFile(path));
  } finally {
    await closeZip(zip);
  }
}

/** The same from the workbook's bytes in memory (`selfeval review`, which reads each file once). */
export async function readConfirmationsBytes(bytes: Uint8Array): Promise<ConfirmationStore> {
  const zip = await zipOfBytes(bytes);
  return zip ? fromZip(zip, async () => bytes) : fromWholePackage(async () => bytes);
}

async function fromWholePackage(bytes: () => Promise<Uint8Array>): Promise<ConfirmationStore> {
  try {
    return await wholePackageStore(await bytes());
  } catch {
    return EMPTY_CONFIRMATIONS; // unreadable: the snapshot's reader says why, in the user's words
  }
}

async function fromZip(zip: ZipDirectory, bytes: () => Promise<Uint8Array>): Promise<ConfirmationStore> {
  try {
    const names = [...zip.entries.keys()].filter((n) => CUSTOM_XML_ITEM.test(n)).sort();
    const text = async (name: string): Promise<string> => {
      let xml = "";
      for await (const piece of entryText(zip, zip.entries.get(name)!)) xml += piece;
      return xml;
    };
    for (const name of names) {
      const xml = await text(name);
      if (isConfirmationsXml(xml)) return confirmationsFromXml(xml);
    }
    // A workbook saved by WPS 表格 keeps them in its very-hidden marker sheet: read that package whole (rare).
    const book = zip.entries.has("xl/workbook.xml") ? await text("xl/workbook.xml") : "";
    if (!book.includes(`"${MARKER_SHEET_NAME}"`)) return EMPTY_CONFIRMATIONS;
    return await wholePackageStore(await bytes());
  } catch {
    return EMPTY_CONFIRMATIONS;
  }
}

/** The package reader (JSZip) is loaded only for the rare file that needs it, not by every worker of a review. */
async function wholePackageStore(bytes: Uint8Array): Promise<ConfirmationStore> {
  return (await import("./package/confirmations-part")).readConfirmationsFromPackage(bytes);
}
