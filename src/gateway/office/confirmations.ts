/**
 * The filer's 出错说明 in Excel: a custom XML part in our namespace (workbook.customXmlParts, ExcelApi 1.5), which
 * Excel saves inside the .xlsx as customXml/itemN.xml — the part the .xlsx gateway and the CLI read, so a workbook
 * explained in Excel shows its explanations in `selfeval check`. A fixed number of syncs whatever the workbook:
 * reading takes one (no part) or two, writing two. An Excel without the requirement set keeps them in the document
 * settings instead (they then stay with Excel: the CLI cannot see them).
 */
import {
  CONFIRMATIONS_KEY,
  CONFIRMATIONS_NAMESPACE,
  EMPTY_CONFIRMATIONS,
  confirmationsFromXml,
  confirmationsToXml,
  normalizeConfirmations,
  type ConfirmationStore,
} from "../../engine/confirmations";
import { supportsExcelApi } from "./api";
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
  await context.sync();
  const first = parts.items[0];
  if (!first) return EMPTY_CONFIRMATIONS;
  const xml = first.getXml();
  await context.sync();
  return confirmationsFromXml(xml.value);
}

/** Replaces our part (and any duplicate of it) with the store's; the empty store leaves no part. */
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
  await context.sync();
  // Delete and add in one batch: the store is replaced whole or, when the batch fails, left as it was.
  for (const part of parts.items) part.delete();
  if (store.confirmations.length > 0) context.workbook.customXmlParts.add(confirmationsToXml(store));
  await context.sync();
}
