/**
 * The workbook part's edits: our old <sheet> entries out, the new ones in (after the user's, in our order), the
 * sheet-scoped defined names re-pointed (localSheetId is a position in <sheets>, so removing a sheet moves the ones
 * after it), our print titles added, and the view's active and first tab kept on the same sheets.
 */
import { MARKER_SHEET_NAME } from "../../../engine/report/index";
import type { SheetEntry, WorkbookPart } from "./workbook-part";
import { OFFICE_RELATIONSHIPS_NS } from "./workbook-part";
import {
  attr,
  childElement,
  childElements,
  childrenOf,
  cloneNode,
  element,
  insertInOrder,
  localName,
  prefixOf,
  setAttr,
  setChildren,
  tagOf,
  type XmlNode,
} from "./xml";

/** CT_Workbook's children after <definedNames>, in schema order: where a new <definedNames> goes before. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface AddedSheet {
  readonly name: string;
  readonly state: string;
  readonly relationshipId: string;
}

function retag(node: XmlNode, prefix: string): XmlNode {
  const tag = tagOf(node);
  if (!tag || prefix === "") return node;
  const renamed: XmlNode = {
    [prefixOf(tag) === "" ? prefix + tag : tag]: childrenOf(node).map((c) => retag(c, prefix)),
  };
  if (node[":@"]) renamed[":@"] = node[":@"];
  return renamed;
}

/** The prefix for r:id in the user's workbook part, declaring "r:" (or a free variant) on the root if needed. */
function relationshipsPrefix(book: WorkbookPart): string {
  if (book.relPrefix) return book.relPrefix;
  const attrs = (book.root[":@"] as Record<string, string> | undefined) ?? {};
  let name = "r";
  while (`xmlns:${name}` in attrs) name += "r";
  setAttr(book.root, `xmlns:${name}`, OFFICE_RELATIONSHIPS_NS[0]);
  return `${name}:`;
}

export function editWorkbook(
  book: WorkbookPart,
  ours: WorkbookPart,
  removed: readonly SheetEntry[],
  added: readonly AddedSheet[],
): void {
  const p = book.prefix;
  const sheetsNode = childElement(book.root, "sheets", p);
  if (!sheetsNode) throw new Error("workbook part has no <sheets>");

  // Old position → new position of every kept sheet; removed sheets have none.
  const removedNodes = new Set(removed.map((s) => s.node));
  const newIndex = new Map<number, number>();
  let next = 0;
  book.sheets.forEach((s, i) => {
    if (!removedNodes.has(s.node)) newIndex.set(i, next++);
  });
  const firstAdded = next;

  const r = relationshipsPrefix(book);
  // Our new sheets take the ids our old ones had (a re-run then writes the same workbook part), others the next free
  // ones. Nothing the user keeps refers to our old ids: the calculation chain, which would, is dropped with them.
  const reusable = removed.map((s) => s.sheetId).filter((id) => Number.isInteger(id) && id > 0);
  let highest = Math.max(0, ...book.sheets.map((s) => (Number.isInteger(s.sheetId) ? s.sheetId : 0)));
  const children = childrenOf(sheetsNode).filter((n) => !removedNodes.has(n));
  for (const s of added) {
    const sheetId = reusable.shift() ?? ++highest;
    const attributes: Record<string, string> = { name: s.name, sheetId: String(sheetId) };
    if (s.state !== "visible") attributes.state = s.state;
    attributes[`${r}id`] = s.relationshipId;
    children.push(element(`${p}sheet`, attributes));
  }
  setChildren(sheetsNode, children);

  // Defined names: the user's sheet-scoped ones follow their sheet (or go with a removed one); ours are added.
  let names = childElement(book.root, "definedNames", p);
  const ourNames = definedNamesOf(ours)
    .map(({ node, local }) => ({ node: retag(cloneNode(node), p), local }))
    .filter(({ local }) => local !== null && local < added.length);
  if (names || ourNames.length > 0) {
    if (!names) {
      names = element(`${p}definedNames`);
      insertInOrder(book.root, names, AFTER_DEFINED_NAMES);
    }
    const kept = childrenOf(names).filter((n) => {
      const tag = tagOf(n);
      if (!tag || localName(tag) !== "definedName") return true;
      const local = attr(n, "localSheetId");
      if (local === undefined) return true;
      const moved = newIndex.get(Number(local));
      if (moved === undefined) return false;
      if (moved !== Number(local)) setAttr(n, "localSheetId", String(moved));
      return true;
    });
    for (const { node, local } of ourNames) {
      setAttr(node, "localSheetId", String(firstAdded + (local as number)));
      kept.push(node);
    }
    setChildren(names, kept);
  }

  // The views: the same sheet stays active; if ours was, our first new sheet is (never the hidden marker).
  const views = childElement(book.root, "bookViews", p);
  for (const view of views ? childElements(views, "workbookView", p) : []) {
    for (const name of ["activeTab", "firstSheet"]) {
      const value = attr(view, name);
      if (value === undefined) continue;
      const moved = newIndex.get(Number(value)) ?? (name === "activeTab" ? firstAdded : 0);
      if (moved !== Number(value)) setAttr(view, name, String(moved));
    }
  }
}

/** Our fresh workbook's sheet-scoped defined names, with their sheet's position among our sheets (marker excluded). */
function definedNamesOf(ours: WorkbookPart): { node: XmlNode; local: number | null }[] {
  const names = childElement(ours.root, "definedNames", ours.prefix);
  if (!names) return [];
  return childElements(names, "definedName", ours.prefix).map((node) => {
    const local = attr(node, "localSheetId");
    const sheet = local === undefined ? undefined : ours.sheets[Number(local)];
    return { node, local: sheet && sheet.name !== MARKER_SHEET_NAME ? Number(local) : null };
  });
}
