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
import { CUSTOM_XML_ITEM, readConfirmationsFromPackage } from "./package/confirmations-part";
import { entryText, openZip } from "./zip-entries";

/** The store in the workbook file at `path`; the empty store when it has none or cannot be read. */
export async function readConfirmationsFile(path: string): Promise<ConfirmationStore> {
  const zip = await openZip(path);
  if (!zip) {
    try {
      return await readConfirmationsFromPackage(await readFile(path));
    } catch {
      return EMPTY_CONFIRMATIONS; // unreadable: the snapshot's reader says why, in the user's words
    }
  }
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
    return await readConfirmationsFromPackage(await readFile(path));
  } catch {
    return EMPTY_CONFIRMATIONS;
  } finally {
    await zip.handle.close();
  }
}
