/**
 * The workbook part of a package: where it is, its sheets in tab order with the parts they point at, and the prefixes
 * its XML uses. Read the same way for the user's file (any writer) and for the one exceljs writes for our sheets.
 */
import type JSZip from "jszip";
import { localized, type Lang, type Localized } from "../../../engine/i18n";
import {
  isRelType,
  readRelationships,
  readText,
  type PartIndex,
  type Relationship,
  type RelationshipsPart,
} from "./opc";
import {
  attr,
  childElement,
  childElements,
  declaredPrefix,
  parseXml,
  prefixOf,
  rootOf,
  tagOf,
  type XmlDocument,
  type XmlNode,
} from "./xml";

/** The relationships namespace of r:id attributes, transitional and strict. */
export const OFFICE_RELATIONSHIPS_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly state: string;
  readonly relationshipId: string | null;
  /** The worksheet (or chartsheet…) part, null when the relationship is missing. */
  readonly part: string | null;
  readonly node: XmlNode;
}

export interface WorkbookPart {
  readonly path: string;
  readonly doc: XmlDocument;
  readonly root: XmlNode;
  /** The prefix of the spreadsheetml namespace in this part ("" when it is the default namespace). */
  readonly prefix: string;
  /** The prefix bound to the relationships namespace on the root ("r:"), null when the root declares none. */
  readonly relPrefix: string | null;
  readonly rels: RelationshipsPart;
  readonly sheets: SheetEntry[];
}

/** Reads the workbook part the package's officeDocument relationship names. */
export async function readWorkbookPart(zip: JSZip, index: PartIndex): Promise<WorkbookPart> {
  const packageRels = await readRelationships(zip, index, "");
  const office = packageRels.relationships.find((r) => isRelType(r.type, "officeDocument") && r.part);
  const path = office?.part ?? "xl/workbook.xml";
  const text = await readText(zip, index, path);
  if (text === null) throw new PackageWriteError(`the package has no workbook part (${path})`);
  const doc = parseXml(text);
  const root = rootOf(doc);
  const prefix = prefixOf(tagOf(root) ?? "");
  // Strict Open XML (ISO 29500 strict, "Strict Open XML Spreadsheet" in Excel's Save As) uses other namespaces
  // throughout; our sheets are transitional, and a package mixing the two is not one Excel opens.
  if (declaredPrefix(root, [STRICT_MAIN_NS]) !== null) {
    throw new PackageWriteError(
      "the workbook is saved as Strict Open XML, which the package writer does not write",
    );
  }
  const relPrefix = declaredPrefix(root, OFFICE_RELATIONSHIPS_NS);
  const rels = await readRelationships(zip, index, path);
  const sheetsNode = childElement(root, "sheets", prefix);
  // The first relationship of each id, as a search from the start finds it: looked up once per sheet, where a search
  // per sheet cost a workbook of ten thousand sheets fifty million comparisons.
  const relById = new Map<string, Relationship>();
  for (const r of rels.relationships) if (!relById.has(r.id)) relById.set(r.id, r);
  const sheets = (sheetsNode ? childElements(sheetsNode, "sheet", prefix) : []).map((node): SheetEntry => {
    const relationshipId = relationshipIdOf(node, relPrefix, sheetsNode!);
    const rel = relationshipId === null ? undefined : relById.get(relationshipId);
    return {
      name: attr(node, "name") ?? "",
      sheetId: Number(attr(node, "sheetId")),
      state: attr(node, "state") ?? "visible",
      relationshipId,
      part: rel?.part ?? null,
      node,
    };
  });
  return { path, doc, root, prefix, relPrefix, rels, sheets };
}

/** A <sheet>'s r:id, whichever prefix the relationships namespace is bound to (on the root or nearer). */
function relationshipIdOf(sheet: XmlNode, rootPrefix: string | null, sheetsNode: XmlNode): string | null {
  const prefix =
    declaredPrefix(sheet, OFFICE_RELATIONSHIPS_NS) ??
    declaredPrefix(sheetsNode, OFFICE_RELATIONSHIPS_NS) ??
    rootPrefix;
  if (prefix) return attr(sheet, `${prefix}id`) ?? null;
  const fallback = Object.keys((sheet[":@"] as Record<string, string> | undefined) ?? {}).find((k) =>
    k.endsWith(":id"),
  );
  return fallback ? (attr(sheet, fallback) ?? null) : null;
}

/**
 * A package the writer cannot add sheets to (not a zip, no workbook part, a part it needs unreadable). The message
 * names the technical cause (for logs); `localized` is the sentence for the user, in both languages.
 */
export class PackageWriteError extends Error {
  readonly localized: Localized = localized(
    "无法把报告写入这个工作簿文件：文件结构不完整。请在 Excel 中打开并另存为 .xlsx 后重试。",
    "The report cannot be written into this workbook file: its structure is incomplete. Open it in Excel, save it as .xlsx and try again.",
  );

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message);
    this.name = "PackageWriteError";
    // Kept for debugging only; the user sees `localized`.
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  messageIn(lang: Lang): string {
    return this.localized[lang];
  }
}
