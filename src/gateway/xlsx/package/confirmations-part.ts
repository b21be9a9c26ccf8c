/**
 * The filer's 出错说明 in an .xlsx package: a custom XML part (customXml/itemN.xml, related from the workbook part,
 * with its itemProps part) whose root element is in our namespace — the part Excel's add-in writes through
 * `workbook.customXmlParts`, so a workbook confirmed in Excel is read by the CLI, and one confirmed in the preview
 * opens in Excel with its confirmations. Only our part is ever touched; every other part of the package stays as it is.
 */
import JSZip from "jszip";
import { MARKER_SHEET_NAME, MARKER_STORE_KEY_COLUMN } from "../../../engine/report/sheet-names";
import {
  CONFIRMATIONS_KEY,
  EMPTY_CONFIRMATIONS,
  normalizeConfirmations,
  confirmationsFromXml,
  confirmationsToXml,
  isConfirmationsXml,
  type ConfirmationStore,
} from "../../../engine/confirmations";
import { ContentTypes } from "./content-types";
import {
  CONTENT_TYPES_PART,
  PartIndex,
  addRelationship,
  isRelType,
  readText,
  relsPathOf,
  removeRelationships,
  writeXml,
} from "./opc";
import { removeParts } from "./remove-parts";
import { parseSharedStrings, readSheetCells } from "./sheet-cells";
import { PackageWriteError, readWorkbookPart } from "./workbook-part";
import { encodeXml } from "./xml";

import { CUSTOM_XML_ITEM } from "./custom-xml-item";

export { CUSTOM_XML_ITEM } from "./custom-xml-item";

const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const XML_TYPE = "application/xml";
const RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";

/** Our part's name in the package, null when it has none. */
async function findOurPart(zip: JSZip, index: PartIndex): Promise<string | null> {
  for (const entry of index.entries().sort()) {
    if (!CUSTOM_XML_ITEM.test(entry)) continue;
    const xml = await readText(zip, index, entry);
    if (xml !== null && isConfirmationsXml(xml)) return entry;
  }
  return null;
}

/**
 * The store in a package (the empty store when it has none, or when it is not a readable zip): our custom XML part,
 * else the one WPS 表格 keeps in the very-hidden marker sheet (its store's row for CONFIRMATIONS_KEY, column Z on).
 */
export async function readConfirmationsFromPackage(bytes: Uint8Array): Promise<ConfirmationStore> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return EMPTY_CONFIRMATIONS;
  }
  const index = new PartIndex(zip);
  const part = await findOurPart(zip, index);
  if (part !== null) return confirmationsFromXml(await readText(zip, index, part));
  try {
    return await fromMarkerStore(zip, index);
  } catch {
    return EMPTY_CONFIRMATIONS; // a marker this reader cannot follow holds nothing for us
  }
}

async function fromMarkerStore(zip: JSZip, index: PartIndex): Promise<ConfirmationStore> {
  const book = await readWorkbookPart(zip, index);
  const marker = book.sheets.find((s) => s.name.toUpperCase() === MARKER_SHEET_NAME.toUpperCase());
  const xml = marker?.part ? await readText(zip, index, marker.part) : null;
  if (xml === null) return EMPTY_CONFIRMATIONS;
  let strings: string[] = [];
  let cells = readSheetCells(xml, () => strings);
  if (cells.usesSharedStrings) {
    const rel = book.rels.relationships.find((r) => isRelType(r.type, "sharedStrings") && r.part);
    const shared = rel?.part ? await readText(zip, index, rel.part) : null;
    strings = shared === null ? [] : parseSharedStrings(shared);
    cells = readSheetCells(xml, () => strings);
  }
  const keyCell = cells.cells.find((c) => c.col === MARKER_STORE_KEY_COLUMN && c.value === CONFIRMATIONS_KEY);
  if (!keyCell) return EMPTY_CONFIRMATIONS;
  const json = cells.cells
    .filter((c) => c.row === keyCell.row && c.col > MARKER_STORE_KEY_COLUMN)
    .sort((a, b) => a.col - b.col)
    .map((c) => (typeof c.value === "string" ? c.value : ""))
    .join("");
  return normalizeConfirmations(JSON.parse(json) as unknown);
}

/** A GUID for the itemProps part's datastoreItem (any unique id; Excel makes its own when it saves). */
function itemId(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`.toUpperCase();
}

function itemPropsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${encodeXml(itemId())}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs/></ds:datastoreItem>`
  );
}

function freeName(index: PartIndex, stem: string, extension: string): number {
  let n = 1;
  while (index.has(`${stem}${n}${extension}`) || index.has(`${stem}Props${n}${extension}`)) n += 1;
  return n;
}

/**
 * The package with `store` as its 出错说明: our part replaced in place, added (with its itemProps part, relationships
 * and content types) when there is none, removed when the store is empty. Throws PackageWriteError for a package
 * without a workbook part.
 */
export async function writeConfirmationsToPackage(
  bytes: Uint8Array,
  store: ConfirmationStore,
): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new PackageWriteError("the workbook is not a readable zip package", { cause });
  }
  const index = new PartIndex(zip);
  const existing = await findOurPart(zip, index);
  const empty = store.confirmations.length === 0;
  if (existing === null && empty) return bytes;

  if (existing !== null && !empty) {
    zip.file(existing, confirmationsToXml(store));
  } else {
    const book = await readWorkbookPart(zip, index);
    const typesXml = await readText(zip, index, CONTENT_TYPES_PART);
    if (typesXml === null) throw new PackageWriteError("the package has no [Content_Types].xml");
    const types = new ContentTypes(typesXml);
    if (existing !== null) {
      // Empty: our part goes, with its itemProps part and the workbook's relationship to it.
      const ids = new Set(
        book.rels.relationships
          .filter((r) => isRelType(r.type, "customXml") && r.part?.toLowerCase() === existing.toLowerCase())
          .map((r) => r.id),
      );
      await removeParts(zip, index, types, [existing], new Map([[book.path.toLowerCase(), ids]]));
      removeRelationships(book.rels, ids);
    } else {
      const n = freeName(index, "customXml/item", ".xml");
      const item = `customXml/item${n}.xml`;
      const props = `customXml/itemProps${n}.xml`;
      zip.file(item, confirmationsToXml(store));
      index.add(item);
      zip.file(props, itemPropsXml());
      index.add(props);
      const rels = relsPathOf(item);
      zip.file(
        rels,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
      );
      index.add(rels);
      types.add(item, XML_TYPE);
      types.add(props, CUSTOM_XML_PROPS_TYPE);
      types.add(rels, RELATIONSHIPS_TYPE);
      addRelationship(book.rels, book.path, CUSTOM_XML_REL, item);
    }
    writeXml(zip, index, relsPathOf(book.path), book.rels.doc);
    writeXml(zip, index, CONTENT_TYPES_PART, types.doc);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
