/**
 * The .xlsx gateway, write side: renders the report spec into an exceljs workbook — the user's own workbook, loaded
 * from their file, so every input sheet is carried over as it was and only our sheets are added or replaced.
 */
import * as ExcelJS from "./exceljs";
import {
  MARKER_SHEET_NAME,
  buildMarkerRows,
  hyperlinkTarget,
  ownedSheetsFrom,
  parseMarkerRows,
  planSheetNamesFrom,
  reportFingerprints,
  type CellSpec,
  type ReportSheetKey,
  type ReportSpec,
  type SheetSpec,
  type SheetState,
} from "../../engine/report/index";
import type { CellRange } from "../../engine/snapshot";
import type { TemplateSheet } from "../../engine/template";
import { installInternalHyperlinkFix } from "./render-hyperlinks";
import { copyStyle, toExcelStyle } from "./render-style";

installInternalHyperlinkFix();

/** ExcelJS paperSize for A4. */
const PAPER_A4 = 9;

/**
 * Our sheets from an earlier run: those the marker sheet lists that still carry the fingerprint recorded for them
 * (see ownedSheetsFrom). A sheet the user made under one of the listed names is not among them.
 */
export function ownedSheetNames(workbook: ExcelJS.Workbook): string[] {
  const marker = workbook.getWorksheet(MARKER_SHEET_NAME);
  if (!marker) return [];
  const rows: unknown[][] = [];
  marker.eachRow({ includeEmpty: false }, (row) => {
    rows.push([1, 2, 3].map((c) => heldValue(row.getCell(c).value)));
  });
  const listed = new Set(parseMarkerRows(rows).map((n) => n.toUpperCase()));
  const states = new Map<string, SheetState>();
  for (const ws of workbook.worksheets)
    if (listed.has(ws.name.toUpperCase())) states.set(ws.name, worksheetState(ws));
  return ownedSheetsFrom(rows, states);
}

/**
 * What Excel holds in a cell for an exceljs value: formulas their cached result, rich text and links their text;
 * null for an empty cell, an empty string included (Office.js stores "" as an empty cell, and the fingerprint counts
 * it as none). Dates only occur in the user's sheets, whose fingerprints are never compared with a date.
 */
function heldValue(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return heldValue(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) return heldValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value)
    return heldValue((value.result ?? null) as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

/**
 * A worksheet as the fingerprint compares it, the way Office.js sees it: A1's value, and the bounding box of the cells
 * that hold a value (the values-only used range) — the cells a merge covers hold none of their own.
 */
export function worksheetState(ws: ExcelJS.Worksheet): SheetState {
  let a1: unknown = null;
  let used: CellRange | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = heldValue(cell.value);
      // A formula with no cached result still makes the cell used, as in Excel.
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      if (value === null && !isFormula) return;
      if (r === 1 && c === 1) a1 = value;
      used = used
        ? {
            top: Math.min(used.top, r - 1),
            left: Math.min(used.left, c - 1),
            bottom: Math.max(used.bottom, r - 1),
            right: Math.max(used.right, c - 1),
          }
        : { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 };
    }),
  );
  return { a1, used };
}

/**
 * Adds the report's sheets to `workbook`, replacing the ones an earlier run made (and only those: listed in the marker
 * and still carrying their fingerprint), and records them with their fingerprints in the very-hidden `_selfeval`
 * marker sheet. A sheet the marker lists that is no longer ours stays as it is, and ours takes the next free name.
 * Every old sheet of ours goes, also one of a key this spec has not (the 核查结果 written alone, without the tables for a
 * 自评表, must not stand beside a 自评表 from an earlier run). Returns the names the spec's sheets got.
 */
export function renderReport<K extends ReportSheetKey = ReportSheetKey>(
  workbook: ExcelJS.Workbook,
  spec: ReportSpec<K>,
): Record<K, string> {
  const owned = ownedSheetNames(workbook);
  if (spec.sheets.length === 0) throw new Error("report spec has no sheet");
  const bases = Object.fromEntries(spec.sheets.map((s) => [s.key, s.name])) as Record<K, string>;
  const names = planSheetNamesFrom(
    workbook.worksheets.map((ws) => ws.name),
    owned,
    bases,
  );

  // Remove our old sheets (and the old marker) before adding the new ones, so their names are free again.
  const ownedKeys = new Set([...owned, MARKER_SHEET_NAME].map((n) => n.toUpperCase()));
  for (const ws of [...workbook.worksheets]) {
    if (ownedKeys.has(ws.name.toUpperCase())) workbook.removeWorksheet(ws.id);
  }

  for (const sheet of spec.sheets)
    renderSheet(workbook, sheet, names[sheet.key], names, { gridLines: false });

  const marker = workbook.addWorksheet(MARKER_SHEET_NAME, { state: "veryHidden" });
  for (const row of buildMarkerRows(names, reportFingerprints(spec))) marker.addRow(row);
  return names;
}

/**
 * Adds the template's input sheets under `names` (one per sheet, in order), drawn by the same renderer as the report.
 * They keep the gridlines an input sheet has, as the Office.js host leaves them too.
 */
export function renderTemplate(
  workbook: ExcelJS.Workbook,
  sheets: readonly TemplateSheet[],
  names: readonly string[],
): void {
  sheets.forEach((sheet, i) => renderSheet(workbook, sheet, names[i], {}, { gridLines: true }));
}

/** What the renderer draws: a report sheet, or a template sheet (no hyperlinks, no chart). */
type RenderedSheet = Omit<SheetSpec, "key" | "chart" | "showGridLines"> & { readonly key: string };

function renderSheet(
  workbook: ExcelJS.Workbook,
  sheet: RenderedSheet,
  name: string,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
  options: { readonly gridLines: boolean },
): void {
  const grid = options.gridLines ? {} : { showGridLines: false };
  const ws = workbook.addWorksheet(name, {
    views: [
      sheet.freeze
        ? { state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, ...grid }
        : { ...grid },
    ],
  });

  sheet.columnWidths.forEach((w, i) => {
    // exceljs takes a width of exactly 9 for its default and leaves it out of the file (Excel then uses 8.43).
    ws.getColumn(i + 1).width = w === 9 ? 9.01 : w;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row) + 1).height = height;

  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (id: string): Partial<ExcelJS.Style> => {
    let s = styles.get(id);
    if (!s) {
      const spec = sheet.styles[id];
      if (!spec) throw new Error(`report spec: sheet "${sheet.key}" has no style "${id}"`);
      s = toExcelStyle(spec);
      styles.set(id, s);
    }
    return s;
  };

  // Values and styles first, merges after: writing to a covered cell of a merge in exceljs writes to its master.
  for (const cell of sheet.cells)
    writeCell(ws.getCell(cell.row + 1, cell.col + 1), cell, styleOf(cell.styleId), names);
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  const p = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: p.centerHorizontally,
    margins: { ...p.margins },
    ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
}

function writeCell(
  cell: ExcelJS.Cell,
  spec: CellSpec,
  style: Partial<ExcelJS.Style>,
  names: Readonly<Partial<Record<ReportSheetKey, string>>>,
): void {
  // Each cell gets its own copy: exceljs shares style objects by reference, and a later numFmt change must not leak.
  cell.style = copyStyle(style);
  if (spec.text) cell.numFmt = "@"; // user text stays text if someone edits the cell later
  // No value for "" either: Office.js writes it as an empty cell, and the sheet's fingerprint counts it as none.
  if (spec.value === null || spec.value === "") return;
  if (spec.hyperlink) {
    cell.value = { text: String(spec.value), hyperlink: `#${hyperlinkTarget(spec.hyperlink, names)}` };
  } else if (spec.formula && !spec.text) {
    cell.value = { formula: spec.formula.replace(/^=/, ""), result: spec.value };
  } else {
    // A JS string is always written as a shared string by exceljs, never parsed: "=HYPERLINK(…)" stays text.
    cell.value = spec.value;
  }
}
