/**
 * Makes a worksheet part exceljs wrote for us fit into the user's package:
 * - its cells' style indices (c/@s, row/@s, col/@style) are mapped onto the formats appended to the user's styles.xml;
 * - its shared strings become inline strings (<is>), since the shared string table is the user's part and stays as it
 *   was. Excel reads inline strings as it reads shared ones (and makes them shared again when it next saves).
 * Our sheets are small (a few hundred cells), so they are parsed whole.
 */
import {
  attr,
  childElement,
  childElements,
  cloneNode,
  childrenOf,
  element,
  parseXml,
  prefixOf,
  rootOf,
  setAttr,
  setChildren,
  tagOf,
  type XmlDocument,
  type XmlNode,
} from "./xml";

/** The cellXfs indices a worksheet part uses. */
export function usedStyleIndices(doc: XmlDocument): Set<number> {
  const used = new Set<number>();
  walkStyled(doc, (node, name) => used.add(Number(attr(node, name))));
  return used;
}

function walkStyled(doc: XmlDocument, visit: (node: XmlNode, attribute: string) => void): void {
  const root = rootOf(doc);
  const prefix = prefixOf(tagOf(root) ?? "");
  const cols = childElement(root, "cols", prefix);
  for (const col of cols ? childElements(cols, "col", prefix) : [])
    if (attr(col, "style") !== undefined) visit(col, "style");
  const sheetData = childElement(root, "sheetData", prefix);
  for (const row of sheetData ? childElements(sheetData, "row", prefix) : []) {
    if (attr(row, "s") !== undefined) visit(row, "s");
    for (const c of childElements(row, "c", prefix)) if (attr(c, "s") !== undefined) visit(c, "s");
  }
}

/** Our sheet's shared string items (the <si> elements), for inlining. */
export function sharedStringItems(xml: string | null): XmlNode[] {
  if (xml === null) return [];
  const root = rootOf(parseXml(xml));
  return childElements(root, "si", prefixOf(tagOf(root) ?? ""));
}

/** Rewrites our worksheet part in place: styles mapped through `xfMap`, shared strings inlined. */
export function adaptOurSheet(
  doc: XmlDocument,
  xfMap: ReadonlyMap<number, number>,
  items: readonly XmlNode[],
): void {
  walkStyled(doc, (node, name) => {
    const mapped = xfMap.get(Number(attr(node, name)));
    if (mapped === undefined)
      throw new Error(`our sheet uses style ${attr(node, name)}, which was not transplanted`);
    setAttr(node, name, String(mapped));
  });
  const root = rootOf(doc);
  const prefix = prefixOf(tagOf(root) ?? "");
  const sheetData = childElement(root, "sheetData", prefix);
  for (const row of sheetData ? childElements(sheetData, "row", prefix) : []) {
    for (const c of childElements(row, "c", prefix)) {
      if (attr(c, "t") !== "s") continue;
      const v = childElement(c, "v", prefix);
      const item = v
        ? items[
            Number(
              childrenOf(v)
                .map((n) => String(n["#text"] ?? ""))
                .join(""),
            )
          ]
        : undefined;
      if (!item) throw new Error(`our sheet refers to a shared string that is not there (${attr(c, "r")})`);
      setAttr(c, "t", "inlineStr");
      // <is> takes the place of <v>; a shared-string cell has no formula, so nothing else moves.
      const children = childrenOf(c).map((child) =>
        child === v ? element(`${prefix}is`, {}, childrenOf(cloneNode(item))) : child,
      );
      setChildren(c, children);
    }
  }
}
