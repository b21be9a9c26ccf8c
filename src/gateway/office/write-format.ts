/**
 * Formats of the report's cells, applied per style rather than per cell: the cells of one style are gathered into
 * rectangles, and one RangeAreas (ExcelApi 1.9) per batch of rectangles takes the style's properties — or one Range per
 * rectangle on older hosts.
 */
import { rangeToA1 } from "../../engine/a1";
import type {
  BorderWeight,
  CellBorders,
  CellStyle,
  HorizontalAlignment,
  VerticalAlignment,
} from "../../engine/report/spec";
import type { CellRange } from "../../engine/snapshot";

/** Stays well below the ~8,200 characters at which Excel starts rejecting Worksheet.getRanges addresses. */
export const MAX_AREAS_ADDRESS_LENGTH = 2_000;

/**
 * Covers a set of cells with rectangles: runs of adjacent columns in each row, then equal runs in consecutive rows
 * stacked into one rectangle. Report layouts are regular, so a style usually ends up as a handful of rectangles.
 */
export function rectanglesOf(cells: readonly { readonly row: number; readonly col: number }[]): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row) ?? [];
    cols.push(c.col);
    byRow.set(c.row, cols);
  }
  const done: CellRange[] = [];
  // Open rectangles by their column run "left:right", extended while the next row has the same run.
  let open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    let start = 0;
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      const left = cols[start];
      const right = cols[i - 1];
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { top: row, left, bottom: row, right });
      start = i;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Comma-joined A1 addresses, each string within `maxLength` characters. */
export function addressBatches(rects: readonly CellRange[], maxLength = MAX_AREAS_ADDRESS_LENGTH): string[] {
  const out: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rangeToA1(r);
    if (current && current.length + 1 + a.length > maxLength) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

const HORIZONTAL: Record<HorizontalAlignment, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
  justify: "Justify" as Excel.HorizontalAlignment,
};

const VERTICAL: Record<VerticalAlignment, Excel.VerticalAlignment> = {
  top: "Top" as Excel.VerticalAlignment,
  center: "Center" as Excel.VerticalAlignment,
  bottom: "Bottom" as Excel.VerticalAlignment,
};

type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

const HEAVIER: Record<BorderWeight, number> = { thin: 1, medium: 2 };

/**
 * Which border lines to draw over a rectangle whose every cell has `borders`. A cell's top line is also the bottom
 * line of the cell above, so inside lines come from either side; where both sides ask, the heavier weight wins.
 */
export function borderLines(
  borders: CellBorders,
  multiRow: boolean,
  multiCol: boolean,
): Map<BorderIndex, BorderWeight> {
  const lines = new Map<BorderIndex, BorderWeight>();
  const put = (index: BorderIndex, w: BorderWeight | undefined) => {
    if (!w) return;
    const had = lines.get(index);
    if (!had || HEAVIER[w] > HEAVIER[had]) lines.set(index, w);
  };
  put("EdgeTop", borders.top);
  put("EdgeBottom", borders.bottom);
  put("EdgeLeft", borders.left);
  put("EdgeRight", borders.right);
  if (multiRow) {
    put("InsideHorizontal", borders.top);
    put("InsideHorizontal", borders.bottom);
  }
  if (multiCol) {
    put("InsideVertical", borders.left);
    put("InsideVertical", borders.right);
  }
  return lines;
}

/** Sets a style's font, fill, alignment, wrap and indent on a format (number formats are written with the values). */
export function applyStyle(format: Excel.RangeFormat, style: CellStyle, withIndent: boolean): void {
  const f = style.font;
  if (f) {
    if (f.name !== undefined) format.font.name = f.name;
    if (f.size !== undefined) format.font.size = f.size;
    if (f.bold !== undefined) format.font.bold = f.bold;
    if (f.italic !== undefined) format.font.italic = f.italic;
    if (f.underline !== undefined) {
      format.font.underline = (f.underline ? "Single" : "None") as Excel.RangeUnderlineStyle;
    }
    if (f.color !== undefined) format.font.color = f.color;
  }
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (withIndent && style.indent) format.indentLevel = style.indent;
}

/** Draws the lines chosen by borderLines: continuous, black, thin or medium. */
export function applyBorders(format: Excel.RangeFormat, lines: ReadonlyMap<BorderIndex, BorderWeight>): void {
  for (const [index, weight] of lines) {
    const b = format.borders.getItem(index as Excel.BorderIndex);
    b.style = "Continuous" as Excel.BorderLineStyle;
    b.weight = (weight === "medium" ? "Medium" : "Thin") as Excel.BorderWeight;
    b.color = "#000000";
  }
}
