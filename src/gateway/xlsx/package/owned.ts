/**
 * Which sheets of a package are ours from an earlier run: the marker sheet `_selfeval` lists them with their
 * fingerprints, and a listed sheet is ours only while it still matches (engine/report/sheet-names.ts). The marker and
 * the listed sheets are read from their parts; the shared string table is parsed only when one of them uses it (our
 * package writer writes inline strings, but Excel turns them into shared ones when the user saves).
 */
import type JSZip from "jszip";
import {
  MARKER_SHEET_NAME,
  ownedSheetsFrom,
  parseMarkerRows,
  type SheetState,
} from "../../../engine/report/index";
import { isRelType, readText, type PartIndex } from "./opc";
import {
  markerRowsOf,
  parseSharedStrings,
  readSheetCells,
  sheetStateOf,
  type SheetCells,
} from "./sheet-cells";
import type { WorkbookPart } from "./workbook-part";

export async function ownedSheetsOf(zip: JSZip, index: PartIndex, book: WorkbookPart): Promise<string[]> {
  const byName = new Map(book.sheets.map((s) => [s.name.toUpperCase(), s]));
  const marker = byName.get(MARKER_SHEET_NAME.toUpperCase());
  if (!marker?.part) return [];

  let strings: string[] | null = null;
  const loadStrings = async (): Promise<string[]> => {
    if (strings) return strings;
    const rel = book.rels.relationships.find((r) => isRelType(r.type, "sharedStrings") && r.part);
    const xml = rel?.part ? await readText(zip, index, rel.part) : null;
    strings = xml === null ? [] : parseSharedStrings(xml);
    return strings;
  };
  const cellsOf = async (part: string): Promise<SheetCells | null> => {
    const xml = await readText(zip, index, part);
    if (xml === null) return null;
    const first = readSheetCells(xml, () => strings ?? []);
    if (!first.usesSharedStrings || strings) return first;
    await loadStrings();
    return readSheetCells(xml, () => strings ?? []);
  };

  const markerCells = await cellsOf(marker.part);
  if (!markerCells) return [];
  const rows = markerRowsOf(markerCells);
  const states = new Map<string, SheetState>();
  for (const name of parseMarkerRows(rows)) {
    const sheet = byName.get(name.toUpperCase());
    if (!sheet?.part) continue;
    const cells = await cellsOf(sheet.part);
    if (cells) states.set(sheet.name, sheetStateOf(cells));
  }
  return ownedSheetsFrom(rows, states);
}
