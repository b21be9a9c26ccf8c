/**
 * Adds the report's sheets to the user's own .xlsx/.xlsm package instead of re-saving the workbook through exceljs
 * (which drops what it does not model: charts, pivot tables, slicers, form controls, custom XML, threaded comments…).
 *
 * Every part of the user's package is copied as it is — JSZip hands unchanged entries over still compressed, so the
 * user's sheets are never inflated or parsed — except the four the new sheets have to be announced in: the workbook
 * part (its <sheet> entries, defined names, active tab), its relationships, [Content_Types].xml and styles.xml (our
 * formats appended). Those four are edited through an XML parser that keeps everything it is not asked to change.
 * A re-run (the package already holds our sheets, listed in the marker) removes exactly our old parts first.
 *
 * Our sheets themselves are rendered by exceljs into a package of their own (render-ours.ts) and transplanted: their
 * worksheet parts with their relationships and whatever those point at, their shared strings inlined, their style
 * indices mapped onto the appended formats, and their print titles as defined names.
 */
import JSZip from "jszip";
import { MARKER_SHEET_NAME, type ReportSheetKey, type ReportSpec } from "../../../engine/report/index";
import { ContentTypes } from "./content-types";
import {
  CONTENT_TYPES_PART,
  PartIndex,
  addRelationship,
  isRelType,
  readRelationships,
  readText,
  relativeTarget,
  relsPathOf,
  removeRelationships,
  writeXml,
} from "./opc";
import { addChartToSheet } from "./chart-part";
import { adaptOurSheet, sharedStringItems, usedStyleIndices } from "./our-sheet";
import { ownedSheetsOf } from "./owned";
import { removeParts } from "./remove-parts";
import { appendStyles } from "./styles";
import { editWorkbook } from "./workbook-edit";
import { PackageWriteError, readWorkbookPart, type WorkbookPart } from "./workbook-part";
import { buildXml, parseXml } from "./xml";

export interface AddReportOptions {
  /**
   * Our sheets from an earlier run, when the caller has already worked them out (e.g. from the snapshot it read);
   * otherwise the marker is read from the package.
   */
  readonly owned?: readonly string[];
}

export interface AddReportResult<K extends ReportSheetKey> {
  /** The output package: the user's parts as they were, plus our sheets. */
  readonly bytes: Uint8Array;
  /** The names our sheets got. */
  readonly sheetNames: Record<K, string>;
  /** The sheets of an earlier run that were replaced. */
  readonly replaced: readonly string[];
}

/** Reads which sheets of an .xlsx package are ours from an earlier run (see ownedSheetsFrom). */
export async function ownedSheetsInPackage(original: Uint8Array): Promise<string[]> {
  const zip = await openPackage(original);
  const index = new PartIndex(zip);
  return ownedSheetsOf(zip, index, await readWorkbookPart(zip, index));
}

async function openPackage(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new PackageWriteError("the workbook is not a readable zip package", { cause });
  }
}

/**
 * Adds the report's sheets (and the marker sheet) to the package `original`, replacing ours from an earlier run.
 * Throws PackageWriteError when the package has no workbook part to add them to.
 */
export async function addReportToPackage<K extends ReportSheetKey>(
  original: Uint8Array,
  spec: ReportSpec<K>,
  options: AddReportOptions = {},
): Promise<AddReportResult<K>> {
  try {
    return await addReport(original, spec, options);
  } catch (cause) {
    // A part we had to parse was not well-formed, or referred to something missing: one typed error for the caller
    // to word for the user (the cause is kept for the log), never a parser's stack trace.
    if (cause instanceof PackageWriteError) throw cause;
    throw new PackageWriteError(`the package could not be edited: ${String(cause)}`, { cause });
  }
}

async function addReport<K extends ReportSheetKey>(
  original: Uint8Array,
  spec: ReportSpec<K>,
  options: AddReportOptions,
): Promise<AddReportResult<K>> {
  const zip = await openPackage(original);
  const index = new PartIndex(zip);
  const book = await readWorkbookPart(zip, index);
  const typesXml = await readText(zip, index, CONTENT_TYPES_PART);
  if (typesXml === null) throw new PackageWriteError("the package has no [Content_Types].xml");
  const types = new ContentTypes(typesXml);

  const owned = options.owned ?? (await ownedSheetsOf(zip, index, book));
  const ours = new Set([...owned, MARKER_SHEET_NAME].map((n) => n.toUpperCase()));
  const removed = book.sheets.filter((s) => ours.has(s.name.toUpperCase()));
  const kept = book.sheets.filter((s) => !ours.has(s.name.toUpperCase()));

  // exceljs's workbook model renders our sheets, loaded on the first write: `selfeval check` opens the package (to
  // read the 出错说明) without loading exceljs. In the browser's bundle it stays where it was ("eager": no chunk).
  const { renderOurSheets } = await import(/* webpackMode: "eager" */ "./render-ours");
  const rendered = await renderOurSheets(
    kept.map((s) => s.name),
    spec,
  );
  const fresh = await openPackage(rendered.bytes);
  const freshIndex = new PartIndex(fresh);
  const freshBook = await readWorkbookPart(fresh, freshIndex);
  const freshTypes = new ContentTypes((await readText(fresh, freshIndex, CONTENT_TYPES_PART)) ?? "");

  // 1. Our old parts go (and the calculation chain, which may list their cells; Excel rebuilds it).
  const droppedIds = new Set(removed.map((s) => s.relationshipId).filter((id): id is string => id !== null));
  if (removed.length > 0) {
    const calcChain = book.rels.relationships.find((r) => isRelType(r.type, "calcChain"));
    if (calcChain) droppedIds.add(calcChain.id);
    const parts = [...removed.map((s) => s.part), calcChain?.part ?? null].filter(
      (p): p is string => p !== null,
    );
    await removeParts(zip, index, types, parts, new Map([[book.path.toLowerCase(), droppedIds]]));
  }
  removeRelationships(book.rels, droppedIds);

  // 2. Styles: ours appended to the user's styles.xml (or, when the package has none, ours become its styles part).
  const freshSheets = await Promise.all(
    freshBook.sheets.map(async (s) => ({
      entry: s,
      doc: parseXml((await readText(fresh, freshIndex, s.part ?? "")) ?? ""),
    })),
  );
  const used = new Set<number>();
  for (const s of freshSheets) for (const i of usedStyleIndices(s.doc)) used.add(i);
  const xfMap = await transplantStyles(
    zip,
    index,
    types,
    book,
    fresh,
    freshIndex,
    freshBook,
    freshTypes,
    used,
  );

  // 3. Our worksheet parts, their relationships and what those point at.
  const strings = freshBook.rels.relationships.find((r) => isRelType(r.type, "sharedStrings"));
  const items = sharedStringItems(strings?.part ? await readText(fresh, freshIndex, strings.part) : null);
  const directory = book.path.slice(0, book.path.lastIndexOf("/") + 1);
  const added: { name: string; state: string; relationshipId: string }[] = [];
  for (const s of freshSheets) {
    adaptOurSheet(s.doc, xfMap, items);
    const part = freePartName(index, `${directory}worksheets/sheet`, ".xml");
    writeXml(zip, index, part, s.doc);
    types.add(part, freshTypes.typeOf(s.entry.part ?? "") ?? WORKSHEET_TYPE);
    await transplantRelationships(zip, index, types, fresh, freshIndex, freshTypes, s.entry.part ?? "", part);
    // The sheet's chart (the 绩效自评表's scores, the 项目汇总's projects), drawn in its own part: exceljs writes none.
    const chart = spec.sheets.find((sheet) => rendered.sheetNames[sheet.key] === s.entry.name)?.chart;
    if (chart) {
      await addChartToSheet(zip, index, types, part, s.doc, chart);
      writeXml(zip, index, part, s.doc);
    }
    const id = addRelationship(book.rels, book.path, WORKSHEET_REL, part);
    added.push({ name: s.entry.name, state: s.entry.state, relationshipId: id });
  }

  // 4. The workbook part: sheet entries, defined names, views; then the parts edited above.
  editWorkbook(book, freshBook, removed, added);
  writeXml(zip, index, book.path, book.doc);
  writeXml(zip, index, relsPathOf(book.path), book.rels.doc);
  types.add(relsPathOf(book.path), RELATIONSHIPS_TYPE);
  writeXml(zip, index, CONTENT_TYPES_PART, types.doc);

  const bytes = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return { bytes, sheetNames: rendered.sheetNames, replaced: removed.map((s) => s.name) };
}

const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";

/** "<stem><n><ext>" with the smallest n ≥ 1 that no part of the package has. */
function freePartName(index: PartIndex, stem: string, extension: string): string {
  let n = 1;
  while (index.has(`${stem}${n}${extension}`)) n += 1;
  return `${stem}${n}${extension}`;
}

async function transplantStyles(
  zip: JSZip,
  index: PartIndex,
  types: ContentTypes,
  book: WorkbookPart,
  fresh: JSZip,
  freshIndex: PartIndex,
  freshBook: WorkbookPart,
  freshTypes: ContentTypes,
  used: ReadonlySet<number>,
): Promise<Map<number, number>> {
  const ourRel = freshBook.rels.relationships.find((r) => isRelType(r.type, "styles") && r.part);
  const ourXml = ourRel?.part ? await readText(fresh, freshIndex, ourRel.part) : null;
  if (ourXml === null) throw new PackageWriteError("exceljs wrote no styles part for our sheets");
  const userRel = book.rels.relationships.find((r) => isRelType(r.type, "styles") && r.part);
  const userXml = userRel?.part ? await readText(zip, index, userRel.part) : null;
  if (userRel?.part && userXml !== null) {
    const doc = parseXml(userXml);
    const map = appendStyles(doc, parseXml(ourXml), used);
    writeXml(zip, index, userRel.part, doc);
    return map;
  }
  // No styles part (or a relationship to a missing one): ours becomes the package's, indices unchanged.
  const directory = book.path.slice(0, book.path.lastIndexOf("/") + 1);
  const part =
    userRel?.part ??
    (index.has(`${directory}styles.xml`)
      ? freePartName(index, `${directory}styles`, ".xml")
      : `${directory}styles.xml`);
  zip.file(part, ourXml);
  index.add(part);
  types.add(part, freshTypes.typeOf(ourRel!.part!) ?? STYLES_TYPE);
  if (!userRel) addRelationship(book.rels, book.path, STYLES_REL, part);
  return new Map([...used].map((i) => [i, i]));
}

/**
 * Copies the relationships of our part `from` (in the fresh package) to the part `to` (in the user's), and every
 * internal part they point at, recursively, each under a name the user's package does not use yet.
 */
async function transplantRelationships(
  zip: JSZip,
  index: PartIndex,
  types: ContentTypes,
  fresh: JSZip,
  freshIndex: PartIndex,
  freshTypes: ContentTypes,
  from: string,
  to: string,
): Promise<void> {
  const rels = await readRelationships(fresh, freshIndex, from);
  if (rels.relationships.length === 0) return;
  for (const r of rels.relationships) {
    if (r.external || !r.part) continue;
    const source = freshIndex.entryOf(r.part);
    if (source === null) continue;
    const dot = r.part.lastIndexOf(".");
    const stem = r.part.slice(0, dot < 0 ? r.part.length : dot).replace(/\d+$/, "");
    const copy = freePartName(index, stem, dot < 0 ? "" : r.part.slice(dot));
    zip.file(copy, await fresh.file(source)!.async("uint8array"));
    index.add(copy);
    types.add(copy, freshTypes.typeOf(r.part) ?? "application/octet-stream");
    await transplantRelationships(zip, index, types, fresh, freshIndex, freshTypes, r.part, copy);
    r.node[":@"] = { ...(r.node[":@"] as Record<string, string>), Target: relativeTarget(to, copy) };
  }
  const path = relsPathOf(to);
  zip.file(path, buildXml(rels.doc));
  index.add(path);
  types.add(path, RELATIONSHIPS_TYPE);
}
