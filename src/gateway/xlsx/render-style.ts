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
