/**
 * Removes our sheets of an earlier run from the package: each sheet's part, its relationships part, and the parts only
 * they pointed at (a drawing, a comments part…), found by following every relationships part of the package, so a
 * part that some kept part also uses stays.
 */
import type JSZip from "jszip";
import type { ContentTypes } from "./content-types";
import { normalizePartName, readRelationships, relsPathOf, type PartIndex, type Relationship } from "./opc";

/** The part a relationships part belongs to ("xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml"). */
function sourceOf(relsPath: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(normalizePartName(relsPath));
  return m ? m[1] + m[2] : null;
}

const key = (part: string): string => normalizePartName(part).toLowerCase();

/**
 * @param parts the parts to remove (our old worksheets)
 * @param dropped relationships (by source part key → ids) that are being removed and no longer count as references
 * @returns the keys of every part removed
 */
export async function removeParts(
  zip: JSZip,
  index: PartIndex,
  types: ContentTypes,
  parts: readonly string[],
  dropped: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Set<string>> {
  const relsOf = new Map<string, Relationship[]>();
  for (const entry of index.entries()) {
    const source = sourceOf(entry);
    if (source === null) continue;
    const rels = await readRelationships(zip, index, source);
    const ignore = dropped.get(key(source));
    relsOf.set(
      key(source),
      rels.relationships.filter((r) => !ignore?.has(r.id)),
    );
  }
  const gone = new Set(parts.map(key));
  const referencedByKept = (part: string): boolean =>
    [...relsOf].some(
      ([source, rels]) => !gone.has(source) && rels.some((r) => r.part && key(r.part) === part),
    );

  // Follow the removed parts' own relationships: a target nobody else points at goes too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const source of [...gone]) {
      for (const r of relsOf.get(source) ?? []) {
        if (!r.part || gone.has(key(r.part)) || !index.has(r.part)) continue;
        if (referencedByKept(key(r.part))) continue;
        gone.add(key(r.part));
        grew = true;
      }
    }
  }
  for (const part of gone) {
    for (const name of [part, relsPathOf(part)]) {
      const entry = index.entryOf(name);
      if (entry === null) continue;
      zip.remove(entry);
      index.remove(name);
    }
    types.remove(part);
  }
  return gone;
}
