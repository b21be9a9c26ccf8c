/**
 * exceljs's cell values as the engine's CellValue: the half of read.ts the streaming reader shares. Kept apart, with
 * exceljs's types only, so a reader that never builds exceljs's workbook model (the streaming reader, `selfeval
 * review`'s worker threads) does not load all of exceljs to convert a cell.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../engine/snapshot";
import { errorValue } from "../../engine/snapshot";

/**
 * exceljs's cell value (or a formula's cached result) as the engine's CellValue. Given a formula value alone it cannot
 * tell a result exceljs dropped (0, "", FALSE) from none, so it reads both as empty; cellValueOf can.
 */
export function toCellValue(value: ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"]): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : errorValue("#NUM!");
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return dateValue(value);
  if ("error" in value) return errorValue(String(value.error));
  if ("richText" in value) return richTextToString(value.richText);
  if ("hyperlink" in value) return hyperlinkText(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? null : toCellValue(value.result);
  }
  return null;
}

function richTextToString(runs: readonly ExcelJS.RichText[] | undefined): string {
  return (runs ?? []).map((r) => r.text ?? "").join("");
}

/** A hyperlink's display text may itself be rich text. */
function hyperlinkText(text: unknown): CellValue {
  if (typeof text === "string") return text;
  if (typeof text === "number" || typeof text === "boolean") return text;
  if (text && typeof text === "object" && "richText" in text) {
    return richTextToString((text as ExcelJS.CellRichTextValue).richText);
  }
  return null;
}

/**
 * Excel dates carry no time zone; exceljs builds them as UTC. A whole day reads "2023-12-31", a time
 * "2023-12-31T08:30:00" (rounded to the second, since Excel's serial numbers carry float noise).
 */
function dateValue(date: Date): CellValue {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return { kind: "date", iso: time === "00:00:00" ? day : `${day}T${time}` };
}
