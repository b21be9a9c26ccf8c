/** The report spec's renderer-neutral CellStyle as an exceljs style. */
import type ExcelJS from "exceljs";
import type { BorderWeight, CellStyle } from "../../engine/report/spec";

/** "#RRGGBB" → exceljs's ARGB "FFRRGGBB". */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

const VERTICAL: Record<NonNullable<CellStyle["vertical"]>, ExcelJS.Alignment["vertical"]> = {
  top: "top",
  center: "middle",
  bottom: "bottom",
};

function border(weight: BorderWeight | undefined): Partial<ExcelJS.Border> | undefined {
  return weight ? { style: weight, color: { argb: "FF000000" } } : undefined;
}

export function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.font) {
    const f = style.font;
    out.font = {
      ...(f.name ? { name: f.name } : {}),
      ...(f.size ? { size: f.size } : {}),
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(f.underline ? { underline: true } : {}),
      ...(f.color ? { color: { argb: argb(f.color) } } : {}),
    };
  }
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.borders) {
    const b = style.borders;
    const borders: Partial<ExcelJS.Borders> = {};
    const top = border(b.top);
    const bottom = border(b.bottom);
    const left = border(b.left);
    const right = border(b.right);
    if (top) borders.top = top;
    if (bottom) borders.bottom = bottom;
    if (left) borders.left = left;
    if (right) borders.right = right;
    out.border = borders;
  }
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontal) alignment.horizontal = style.horizontal;
  if (style.vertical) alignment.vertical = VERTICAL[style.vertical];
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/**
 * A deep copy of a style as toExcelStyle makes it (nested plain objects of strings, numbers and booleans): what
 * structuredClone gives for it, built directly. The writer copies a style for every cell it writes, and structuredClone
 * serialises and parses each one again, several times the cost of building it.
 */
export function copyStyle<T>(style: T): T {
  if (typeof style !== "object" || style === null) return style;
  if (isArray(style)) return style.map(copyStyle) as T;
  const out: Record<string, unknown> = {};
  for (const key of keys(style)) out[key] = copyStyle((style as Record<string, unknown>)[key]);
  return out as T;
}

/** Read once: copyStyle runs for every cell, and each read of a global is slow inside a vm context (jest). */
const keys = Object.keys;
const isArray = Array.isArray;
