/**
 * Appends the cell formats our sheets use to the user's styles.xml, so their s="" indices can point into it.
 *
 * The user's entries are never changed or renumbered: their sheets keep pointing at the same formats. Each of our
 * formats is appended with its font, fill, border and number format (each appended too, or an identical entry already
 * there reused — so a re-run, which finds the entries the last run appended, adds nothing new). The schema's element
 * order is kept when a list the user's file lacks has to be created.
 */
import {
  attr,
  childElement,
  childElements,
  cloneNode,
  elementChildren,
  element,
  insertInOrder,
  nodeText,
  prefixOf,
  removeAttr,
  rootOf,
  setAttr,
  setChildren,
  childrenOf,
  tagOf,
  type XmlDocument,
  type XmlNode,
} from "./xml";

/** CT_Stylesheet's children, in schema order. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

/** Number formats below this id are built in (Excel's own table); custom ones start here. */
const FIRST_CUSTOM_NUMFMT = 164;

type ListName = "fonts" | "fills" | "borders" | "cellXfs";

/** Gives every unprefixed element of `node` the main namespace's prefix the target part uses. */
function retag(node: XmlNode, prefix: string): XmlNode {
  if (prefix === "") return node;
  const tag = tagOf(node);
  if (!tag) return node;
  const children = childrenOf(node).map((c) => retag(c, prefix));
  const renamed: XmlNode = { [prefixOf(tag) === "" ? prefix + tag : tag]: children };
  if (node[":@"]) renamed[":@"] = node[":@"];
  return renamed;
}

class UserStyles {
  private readonly root: XmlNode;
  readonly prefix: string;
  /** Canonical text of each entry of a list → its index, for reuse. */
  private readonly known = new Map<ListName, Map<string, number>>();

  constructor(doc: XmlDocument) {
    this.root = rootOf(doc);
    this.prefix = prefixOf(tagOf(this.root) ?? "");
  }

  list(name: string): XmlNode {
    const existing = childElement(this.root, name, this.prefix);
    if (existing) return existing;
    const created = element(`${this.prefix}${name}`, { count: "0" });
    const at = STYLESHEET_ORDER.indexOf(name as (typeof STYLESHEET_ORDER)[number]);
    insertInOrder(this.root, created, STYLESHEET_ORDER.slice(at + 1));
    return created;
  }

  private entries(name: ListName): Map<string, number> {
    let map = this.known.get(name);
    if (!map) {
      map = new Map();
      elementChildren(this.list(name)).forEach((entry, i) => {
        const key = nodeText(entry);
        if (!map!.has(key)) map!.set(key, i);
      });
      this.known.set(name, map);
    }
    return map;
  }

  /** The index of an entry equal to `entry` (already in the user's prefix), appending it when there is none. */
  indexOf(name: ListName, entry: XmlNode): number {
    const map = this.entries(name);
    const key = nodeText(entry);
    const found = map.get(key);
    if (found !== undefined) return found;
    const list = this.list(name);
    const children = childrenOf(list);
    children.push(entry);
    setChildren(list, children);
    const index = elementChildren(list).length - 1;
    setAttr(list, "count", String(index + 1));
    map.set(key, index);
    return index;
  }

  /** The id of a custom number format with this code, appending one when there is none. */
  numFmtId(formatCode: string): number {
    const list = this.list("numFmts");
    let highest = FIRST_CUSTOM_NUMFMT - 1;
    for (const fmt of childElements(list, "numFmt", this.prefix)) {
      const id = Number(attr(fmt, "numFmtId"));
      if (attr(fmt, "formatCode") === formatCode && Number.isInteger(id)) return id;
      if (Number.isInteger(id)) highest = Math.max(highest, id);
    }
    const id = highest + 1;
    const children = childrenOf(list);
    children.push(element(`${this.prefix}numFmt`, { numFmtId: String(id), formatCode }));
    setChildren(list, children);
    setAttr(list, "count", String(childElements(list, "numFmt", this.prefix).length));
    return id;
  }

  /** True when the user's file has a cell style format our formats can name as their parent (xfId="0"). */
  hasNormalStyle(): boolean {
    const list = childElement(this.root, "cellStyleXfs", this.prefix);
    return list !== undefined && elementChildren(list).length > 0;
  }
}

class OurStyles {
  private readonly root: XmlNode;
  private readonly prefix: string;

  constructor(doc: XmlDocument) {
    this.root = rootOf(doc);
    this.prefix = prefixOf(tagOf(this.root) ?? "");
  }

  entry(list: string, index: number): XmlNode {
    const container = childElement(this.root, list, this.prefix);
    const entry = container ? elementChildren(container)[index] : undefined;
    if (!entry) throw new Error(`styles: our ${list} has no entry ${index}`);
    return entry;
  }

  formatCode(numFmtId: number): string | undefined {
    const list = childElement(this.root, "numFmts", this.prefix);
    if (!list) return undefined;
    const fmt = childElements(list, "numFmt", this.prefix).find(
      (f) => Number(attr(f, "numFmtId")) === numFmtId,
    );
    return fmt ? attr(fmt, "formatCode") : undefined;
  }
}

/**
 * Appends the formats `usedXfs` (indices into our cellXfs) to the user's styles document, in place.
 * Returns our cellXfs index → the user's cellXfs index.
 */
export function appendStyles(
  user: XmlDocument,
  ours: XmlDocument,
  usedXfs: Iterable<number>,
): Map<number, number> {
  const target = new UserStyles(user);
  const source = new OurStyles(ours);
  const map = new Map<number, number>();
  const copy = (list: string, index: number): XmlNode =>
    retag(cloneNode(source.entry(list, index)), target.prefix);

  for (const ourIndex of [...new Set(usedXfs)].sort((a, b) => a - b)) {
    const xf = copy("cellXfs", ourIndex);
    const remap = (name: string, list: ListName): void => {
      const value = attr(xf, name);
      if (value === undefined) return;
      setAttr(xf, name, String(target.indexOf(list, copy(list, Number(value)))));
    };
    remap("fontId", "fonts");
    remap("fillId", "fills");
    remap("borderId", "borders");
    const numFmtId = Number(attr(xf, "numFmtId") ?? "0");
    if (numFmtId >= FIRST_CUSTOM_NUMFMT) {
      const code = source.formatCode(numFmtId);
      if (code === undefined) throw new Error(`styles: our number format ${numFmtId} is not defined`);
      setAttr(xf, "numFmtId", String(target.numFmtId(code)));
    }
    if (target.hasNormalStyle()) setAttr(xf, "xfId", "0");
    else removeAttr(xf, "xfId");
    map.set(ourIndex, target.indexOf("cellXfs", xf));
  }
  return map;
}
