/**
 * The package (OPC) side of an .xlsx: part names, relationships and content types, as the ECMA-376 part 2 rules read
 * them — whichever program wrote the file. Targets may be relative to the source part ("worksheets/sheet1.xml",
 * "../media/image1.png") or absolute ("/xl/worksheets/sheet1.xml", as openpyxl writes them); part names compare
 * without regard to case.
 */
import type JSZip from "jszip";
import {
  attr,
  buildXml,
  childElements,
  childrenOf,
  element,
  parseXml,
  prefixOf,
  rootOf,
  setChildren,
  tagOf,
  type XmlDocument,
  type XmlNode,
} from "./xml";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part the target names (resolved against the source part), null for an external target. */
  readonly part: string | null;
  readonly node: XmlNode;
}

/** A relationships part, parsed; edit `doc` and write it with `buildXml`. */
export interface RelationshipsPart {
  readonly path: string;
  readonly doc: XmlDocument;
  readonly relationships: Relationship[];
}

/** Removes "./" and "x/../", and the leading "/" of an absolute name. */
export function normalizePartName(name: string): string {
  const out: string[] = [];
  for (const segment of name.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}

function directoryOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash + 1);
}

/** The part a relationship target names, for a relationship of `sourcePart` ("" for the package itself). */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray "%" is a literal character in the name
  }
  const path = decoded.split("#")[0];
  return normalizePartName(path.startsWith("/") ? path : directoryOf(sourcePart) + path);
}

/** The target to write in a relationship of `sourcePart` that points at `part`: relative, as Excel writes it. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = directoryOf(sourcePart).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml"; "_rels/.rels" for the package (""). */
export function relsPathOf(part: string): string {
  const dir = directoryOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** The zip's entries by lower-cased, normalized name: OPC part names are case-insensitive. */
export class PartIndex {
  private readonly byKey = new Map<string, string>();

  constructor(zip: JSZip) {
    zip.forEach((name, file) => {
      if (!file.dir) this.byKey.set(normalizePartName(name).toLowerCase(), name);
    });
  }

  /** The zip entry name of a part, or null when the package has no such part. */
  entryOf(part: string): string | null {
    return this.byKey.get(normalizePartName(part).toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.entryOf(part) !== null;
  }

  add(entry: string): void {
    this.byKey.set(normalizePartName(entry).toLowerCase(), entry);
  }

  remove(part: string): void {
    this.byKey.delete(normalizePartName(part).toLowerCase());
  }

  /** Every entry name, in no particular order. */
  entries(): string[] {
    return [...this.byKey.values()];
  }
}

export async function readText(zip: JSZip, index: PartIndex, part: string): Promise<string | null> {
  const entry = index.entryOf(part);
  return entry === null ? null : zip.file(entry)!.async("string");
}

/** The relationships of a part (an empty list when it has none). */
export async function readRelationships(
  zip: JSZip,
  index: PartIndex,
  sourcePart: string,
): Promise<RelationshipsPart> {
  const path = relsPathOf(sourcePart);
  const text = await readText(zip, index, path);
  const doc = parseXml(text ?? EMPTY_RELATIONSHIPS);
  return { path: index.entryOf(path) ?? path, doc, relationships: relationshipsIn(doc, sourcePart) };
}

export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const EMPTY_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}"></Relationships>`;

export function relationshipsIn(doc: XmlDocument, sourcePart: string): Relationship[] {
  const root = rootOf(doc);
  const prefix = prefixOf(tagOf(root) ?? "");
  return childElements(root, "Relationship", prefix).map((node) => {
    const target = attr(node, "Target") ?? "";
    const external = (attr(node, "TargetMode") ?? "").toLowerCase() === "external";
    return {
      id: attr(node, "Id") ?? "",
      type: attr(node, "Type") ?? "",
      target,
      external,
      part: external ? null : resolveTarget(sourcePart, target),
      node,
    };
  });
}

/** A relationship type by its last segment, so transitional and strict URIs both match ("worksheet"). */
export function isRelType(type: string, name: string): boolean {
  return type.endsWith(`/${name}`);
}

/** An Id not yet used in the part: "rId<n>" after the highest such number there. */
export function freeRelationshipId(relationships: readonly Relationship[]): string {
  const used = new Set(relationships.map((r) => r.id));
  let n = 0;
  for (const r of relationships) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  do n += 1;
  while (used.has(`rId${n}`));
  return `rId${n}`;
}

/** Adds a relationship from `part.path`'s source part to `targetPart`, under a free Id; returns the Id. */
export function addRelationship(
  part: RelationshipsPart,
  sourcePart: string,
  type: string,
  targetPart: string,
): string {
  const root = rootOf(part.doc);
  const id = freeRelationshipId(part.relationships);
  const target = relativeTarget(sourcePart, targetPart);
  const node = element(`${prefixOf(tagOf(root) ?? "")}Relationship`, { Id: id, Type: type, Target: target });
  setChildren(root, [...childrenOf(root), node]);
  part.relationships.push({ id, type, target, external: false, part: targetPart, node });
  return id;
}

/** Removes the relationships of these Ids. */
export function removeRelationships(part: RelationshipsPart, ids: ReadonlySet<string>): void {
  const root = rootOf(part.doc);
  const nodes = new Set(part.relationships.filter((r) => ids.has(r.id)).map((r) => r.node));
  setChildren(
    root,
    childrenOf(root).filter((n) => !nodes.has(n)),
  );
  const kept = part.relationships.filter((r) => !ids.has(r.id));
  part.relationships.splice(0, part.relationships.length, ...kept);
}

export function writeXml(zip: JSZip, index: PartIndex, part: string, doc: XmlDocument): void {
  const entry = index.entryOf(part) ?? part;
  zip.file(entry, buildXml(doc));
  index.add(entry);
}
