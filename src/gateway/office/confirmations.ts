/**
 * The filer's 出错说明 in Excel: a custom XML part in our namespace (workbook.customXmlParts, ExcelApi 1.5), which
 * Excel saves inside the .xlsx as customXml/itemN.xml — the part the .xlsx gateway and the CLI read, so a workbook
 * explained in Excel shows its explanations in `selfeval check`. An Excel without the requirement set keeps them in the
 * document settings instead (they then stay with Excel: the CLI cannot see them).
 *
 * A workbook saved by WPS 表格 keeps them in the very-hidden `_selfeval` sheet's store instead (marker-store.ts). Excel
 * reads both and merges them by key (mergeConfirmationStores: the later written wins a key both hold), and when the
 * workbook has the marker sheet, a save writes the same store into both, so WPS sees what Excel changed and a
 * confirmation withdrawn in Excel does not come back from the WPS copy. Excel never creates the marker for this, and
 * never deletes it.
 *
 * A fixed number of syncs whatever the workbook: reading takes one (neither store) or two; writing two, or three when
 * the workbook has the marker sheet (its store's rows are read before they are written).
 */
import {
  CONFIRMATIONS_KEY,
  CONFIRMATIONS_NAMESPACE,
  EMPTY_CONFIRMATIONS,
  confirmationsFromXml,
  confirmationsToXml,
  mergeConfirmationStores,
  normalizeConfirmations,
  type ConfirmationStore,
} from "../../engine/confirmations";
import { supportsExcelApi } from "./api";
import { protectedError } from "./errors";
import { findMarker, loadMarkerStore, queueStoreWrite, storeRows, storeValue } from "./marker-store";
import type { KeyValueStore } from "./store";

/** The requirement set of workbook.customXmlParts. */
export const CUSTOM_XML_API = "1.5";

export async function readConfirmations(
  context: Excel.RequestContext,
  settings: () => KeyValueStore,
): Promise<ConfirmationStore> {
  if (!supportsExcelApi(CUSTOM_XML_API)) return normalizeConfirmations(settings().get(CONFIRMATIONS_KEY));
  const parts = context.workbook.customXmlParts.getByNamespace(CONFIRMATIONS_NAMESPACE);
  parts.load("items/id");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const first = parts.items[0];
  const marker = findMarker(worksheets.items);
  if (!first && !marker) return EMPTY_CONFIRMATIONS;
  const xml = first?.getXml();
  const used = marker ? loadMarkerStore(marker) : null;
  await context.sync();
  const fromPart = xml ? confirmationsFromXml(xml.value) : EMPTY_CONFIRMATIONS;
  const fromMarker = used
    ? normalizeConfirmations(storeValue(storeRows(used), CONFIRMATIONS_KEY))
    : EMPTY_CONFIRMATIONS;
  return mergeConfirmationStores(fromPart, fromMarker);
}

/**
 * Replaces our part (and any duplicate of it) with the store's; the empty store leaves no part. When the workbook has
 * the marker sheet, its store gets the same (the empty store clears the row, as WPS removes a key).
 */
export async function writeConfirmations(
  context: Excel.RequestContext,
  store: ConfirmationStore,
  settings: () => KeyValueStore,
): Promise<void> {
  if (!supportsExcelApi(CUSTOM_XML_API)) {
    const s = settings();
    if (store.confirmations.length === 0) s.remove(CONFIRMATIONS_KEY);
    else s.set(CONFIRMATIONS_KEY, store);
    await s.save();
    return;
  }
  const parts = context.workbook.customXmlParts.getByNamespace(CONFIRMATIONS_NAMESPACE);
  parts.load("items/id");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const marker = findMarker(worksheets.items);
  let rows = null;
  if (marker) {
    const used = loadMarkerStore(marker);
    marker.protection.load("protected");
    await context.sync();
    // Refused before anything is written, as WPS refuses: the two copies never disagree.
    if (marker.protection.protected) throw protectedError({ sheets: [marker.name] });
    rows = storeRows(used);
  }
  // Delete and add in one batch (the marker's row too): the store is replaced whole or, when the batch fails, left as
  // it was.
  for (const part of parts.items) part.delete();
  const empty = store.confirmations.length === 0;
  if (!empty) context.workbook.customXmlParts.add(confirmationsToXml(store));
  if (marker && rows) queueStoreWrite(marker, rows, CONFIRMATIONS_KEY, empty ? null : store);
  await context.sync();
}
