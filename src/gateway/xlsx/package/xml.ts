/**
 * The XML of the few package parts the package writer edits (workbook.xml and its relationships, [Content_Types].xml,
 * styles.xml) and of our own small sheets, through fast-xml-parser in its order-preserving mode.
 *
 * Text and attribute values are kept exactly as written (entities not decoded, whitespace not trimmed, values not
 * turned into numbers), so what we do not edit is written back as it was read: element order, attribute order,
 * namespace declarations, extension elements, comments. Values we read or write go through `decodeXml`/`encodeXml`.
 * Elements are matched by local name and namespace prefix, so a part written with a prefix (`<x:workbook>`) or
 * without one is read the same way, and new elements take the prefix the part already uses.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";

/** One node in fast-xml-parser's preserveOrder shape: `{ tag: children, ":@": attributes }` or `{ "#text": … }`. */
export type XmlNode = Record<string, unknown>;
export type XmlAttributes = Record<string, string>;

const ATTRIBUTES = ":@";
const TEXT = "#text";

const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
} as const;

export interface XmlDocument {
  /** The top-level nodes: the declaration, comments, the root element. */
  readonly nodes: XmlNode[];
  /** What stood between the declaration and the root ("\r\n" in Excel's parts), kept on writing. */
  readonly afterDeclaration: string;
}

export function parseXml(text: string): XmlDocument {
  const nodes = new XMLParser(OPTIONS).parse(text) as XmlNode[];
  // The parser drops the line break after "<?xml …?>"; keep it so an unedited prolog is written as it was.
  const prolog = /^<\?xml[^>]*\?>(\s*)/.exec(text);
  return { nodes, afterDeclaration: prolog ? prolog[1] : "" };
}

export function buildXml(doc: XmlDocument): string {
  const text = new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true }).build(doc.nodes) as string;
  if (!doc.afterDeclaration || !text.startsWith("<?xml")) return text;
  const end = text.indexOf("?>") + 2;
  return text.slice(0, end) + doc.afterDeclaration + text.slice(end);
}

/** The element name of a node ("x:sheet"), null for text, comments, CDATA and the declaration. */
export function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) {
    if (key === ATTRIBUTES || key.startsWith("#") || key.startsWith("?")) continue;
    return key;
  }
  return null;
}

export function localName(tag: string): string {
  const colon = tag.indexOf(":");
  return colon < 0 ? tag : tag.slice(colon + 1);
}

/** "x:" for "x:sheet", "" for "sheet". */
export function prefixOf(tag: string): string {
  const colon = tag.indexOf(":");
  return colon < 0 ? "" : tag.slice(0, colon + 1);
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  if (!tag) return [];
  const children = node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function setChildren(node: XmlNode, children: XmlNode[]): void {
  const tag = tagOf(node);
  if (tag) node[tag] = children;
}

export function attrsOf(node: XmlNode): XmlAttributes {
  let attrs = node[ATTRIBUTES] as XmlAttributes | undefined;
  if (!attrs) {
    attrs = {};
    node[ATTRIBUTES] = attrs;
  }
  return attrs;
}

/** An attribute's value, decoded; undefined when absent. */
export function attr(node: XmlNode, name: string): string | undefined {
  const raw = (node[ATTRIBUTES] as XmlAttributes | undefined)?.[name];
  return raw === undefined ? undefined : decodeXml(raw);
}

/** Sets an attribute (value encoded), keeping its place among the others when it exists. */
export function setAttr(node: XmlNode, name: string, value: string): void {
  attrsOf(node)[name] = encodeXml(value);
}

export function removeAttr(node: XmlNode, name: string): void {
  const attrs = node[ATTRIBUTES] as XmlAttributes | undefined;
  if (attrs) delete attrs[name];
}

/** A new element; attribute values are encoded here. */
export function element(
  tag: string,
  attributes: Record<string, string> = {},
  children: XmlNode[] = [],
): XmlNode {
  const node: XmlNode = { [tag]: children };
  const encoded: XmlAttributes = {};
  for (const [k, v] of Object.entries(attributes)) encoded[k] = encodeXml(v);
  if (Object.keys(encoded).length > 0) node[ATTRIBUTES] = encoded;
  return node;
}

export function textNode(raw: string): XmlNode {
  return { [TEXT]: raw };
}

/** The text content of an element (its text nodes, decoded, descendants included). */
export function textOf(node: XmlNode): string {
  if (TEXT in node) return decodeXml(String(node[TEXT]));
  return childrenOf(node).map(textOf).join("");
}

/** The document's root element. */
export function rootOf(doc: XmlDocument): XmlNode {
  const root = doc.nodes.find((n) => tagOf(n) !== null);
  if (!root) throw new Error("XML part has no root element");
  return root;
}

/** Children of `node` that are elements of `local` name in the namespace written with `prefix`. */
export function childElements(node: XmlNode, local: string, prefix: string): XmlNode[] {
  return childrenOf(node).filter((c) => {
    const tag = tagOf(c);
    return tag !== null && localName(tag) === local && prefixOf(tag) === prefix;
  });
}

export function childElement(node: XmlNode, local: string, prefix: string): XmlNode | undefined {
  return childElements(node, local, prefix)[0];
}

/** The element children of a node (no text, comments or CDATA). */
export function elementChildren(node: XmlNode): XmlNode[] {
  return childrenOf(node).filter((c) => tagOf(c) !== null);
}

/** The prefix ("r:") a node declares for a namespace URI among `uris`, "" for the default namespace, else null. */
export function declaredPrefix(node: XmlNode, uris: readonly string[]): string | null {
  for (const [name, raw] of Object.entries((node[ATTRIBUTES] as XmlAttributes | undefined) ?? {})) {
    if (!uris.includes(decodeXml(raw))) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return `${name.slice("xmlns:".length)}:`;
  }
  return null;
}

/**
 * Inserts `child` among `parent`'s children before the first element whose local name is in `before` (the elements
 * the schema puts after it), else at the end. OOXML parts are validated against their schema's element order.
 */
export function insertInOrder(parent: XmlNode, child: XmlNode, before: readonly string[]): void {
  const children = childrenOf(parent);
  const at = children.findIndex((c) => {
    const tag = tagOf(c);
    return tag !== null && before.includes(localName(tag));
  });
  if (at < 0) children.push(child);
  else children.splice(at, 0, child);
  setChildren(parent, children);
}

/** A deep copy of a node (structuredClone keeps the plain-object shape). */
export function cloneNode(node: XmlNode): XmlNode {
  return structuredClone(node);
}

/** The node written out alone: a canonical key to compare two style entries, attribute order included. */
export function nodeText(node: XmlNode): string {
  return new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true }).build([node]) as string;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character and entity references → text (the five predefined entities and numeric references). */
export function decodeXml(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

/** Text → XML attribute or text content. */
export function encodeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`);
}
