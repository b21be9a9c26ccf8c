/**
 * Renders our report sheets alone, with exceljs, into a workbook of their own — the same renderReport the exceljs
 * route uses, so the cells, styles, merges and print setup are exactly that route's. The user's sheets that could
 * clash with our names stand in as empty placeholders (and are dropped before saving), so the names planned are the
 * ones the user's workbook leaves free.
 */
import * as ExcelJS from "../exceljs";
import { mayBeReportSheetName, type ReportSheetKey, type ReportSpec } from "../../../engine/report/index";
import { renderReport } from "../write";

export interface RenderedSheets<K extends ReportSheetKey> {
  readonly bytes: Uint8Array;
  readonly sheetNames: Record<K, string>;
}

/**
 * @param userSheetNames the names of the sheets that stay in the user's workbook (ours from an earlier run left out)
 */
export async function renderOurSheets<K extends ReportSheetKey>(
  userSheetNames: readonly string[],
  spec: ReportSpec<K>,
): Promise<RenderedSheets<K>> {
  const workbook = new ExcelJS.Workbook();
  const bases = spec.sheets.map((s) => s.name);
  const placeholders: ExcelJS.Worksheet[] = [];
  // Only a name we could give matters to the plan; the others (any name Excel allows) need no stand-in.
  for (const name of userSheetNames)
    if (mayBeReportSheetName(name, bases)) placeholders.push(workbook.addWorksheet(name));
  const sheetNames = renderReport(workbook, spec);
  for (const ws of placeholders) workbook.removeWorksheet(ws.id);
  // Stored, not deflated: the package is unzipped again at once (addReport) and never saved as it is; compressing it
  // was a third of the time exceljs took to write it.
  const out = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return { bytes: new Uint8Array(out as ArrayBuffer), sheetNames };
}
