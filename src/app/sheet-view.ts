/**
 * What a host without a window of its own shows of a sheet (the browser preview's grid): display text, merges as
 * spans and a few visual cues (bold, fill, alignment). Built by a gateway (the .xlsx one: src/gateway/xlsx/sheet-view.ts)
 * and drawn by the preview's SheetGrid; kept free of exceljs and React so either side and its tests need neither.
 */
import { columnName } from "../engine/a1";
import type { DateValue } from "../engine/snapshot";

export interface GridCellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** CSS colour "#RRGGBB". */
  readonly fill?: string;
  readonly color?: string;
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
}

export interface GridCell {
  readonly text: string;
  readonly style?: GridCellStyle;
  /** Set on the top-left cell of a merged area. */
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/** A cell hidden under a merge: the grid draws nothing there. */
export const COVERED = "covered" as const;

export type GridSlot = GridCell | null | typeof COVERED;

export interface SheetView {
  readonly name: string;
  /** One of the report sheets this tool wrote. */
  readonly report: boolean;
  readonly hidden: boolean;
  /** Slots row-major from A1, at most MAX_VIEW_ROWS × MAX_VIEW_COLS. */
  readonly rows: readonly (readonly GridSlot[])[];
  /** Column widths in CSS pixels, one per drawn column. */
  readonly columnWidths: readonly number[];
  /** The sheet's real extent, to say when it was cut. */
  readonly totalRows: number;
  readonly totalCols: number;
}

/** The grid draws at most this much of a sheet: enough for any 自评 table, small enough to stay responsive. */
export const MAX_VIEW_ROWS = 1000;
export const MAX_VIEW_COLS = 60;

/** Excel's default column width (8.43 characters) in pixels, and its character-to-pixel rule. */
export const DEFAULT_COLUMN_PX = 64;
export function columnWidthToPx(widthInChars: number | undefined): number {
  if (!widthInChars || !Number.isFinite(widthInChars) || widthInChars <= 0) return DEFAULT_COLUMN_PX;
  return Math.min(480, Math.round(widthInChars * 7 + 5));
}

export function isCut(view: SheetView): boolean {
  return view.totalRows > view.rows.length || view.totalCols > view.columnWidths.length;
}

/** "A", "B", … for the header row. */
export function columnLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => columnName(i));
}

function decimalsIn(format: string, before: RegExp): number {
  const m = before.exec(format);
  return m ? m[1].length : 0;
}

function grouped(fixed: string): string {
  const negative = fixed.startsWith("-");
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (negative ? "-" : "") + withCommas + (frac !== undefined ? `.${frac}` : "");
}

/** One piece of a number format: text shown as it is, or a character of the number's pattern (0 # ? , . %). */
type FormatToken = { readonly literal: string } | { readonly pattern: string };

/**
 * A format section as tokens: "…" and \x are text, [Red] / [$-804] are dropped, _x (a space as wide as x) and *x (x
 * repeated to fill the cell) add nothing here; 0 # ? , . % are the number's pattern; any other character is text
 * (Excel shows "元" or "-" written bare in a format as they are).
 */
function formatTokens(section: string): FormatToken[] {
  const out: FormatToken[] = [];
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ literal: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ literal: section[i + 1] ?? "" });
      i += 1;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === "_" || ch === "*") {
      i += 1;
    } else if ("0#?,.%".includes(ch)) {
      out.push({ pattern: ch });
    } else {
      out.push({ literal: ch });
    }
  }
  return out;
}

/**
 * A number as Excel would show it under the formats a budget workbook uses: percentages ("0.00%"), thousands
 * separators ("#,##0.00"), fixed decimals ("0.00"), with the text the format puts around the number (#,##0.00" 万元"
 * → "10,716.16 万元", as the report's 核查结果 shows amounts), and a negative section of its own ("0.00;(0.00)");
 * anything else like General (up to 15 significant digits, which hides binary noise such as 0.30000000000000004).
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const general = () => String(Number(value.toPrecision(15)));
  const sections = (numFmt ?? "").split(";");
  // The second section, when there is one, is for negative numbers (shown without their sign); the third for zero.
  let section = sections[0];
  let shown = value;
  if (value < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    shown = -value;
  } else if (value === 0 && sections.length > 2 && sections[2] !== "") {
    section = sections[2];
  }
  if (/^\s*(general|@)?\s*$/i.test(section)) return general();
  const tokens = formatTokens(section);
  const first = tokens.findIndex((t) => "pattern" in t && /[0#?]/.test(t.pattern));
  if (first < 0) return tokens.map((t) => ("literal" in t ? t.literal : t.pattern)).join("");
  let last = first;
  tokens.forEach((t, i) => {
    if ("pattern" in t && i > last) last = i;
  });
  const text = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((t) => ("literal" in t ? t.literal : ""))
      .join("");
  const core = tokens
    .slice(first, last + 1)
    .map((t) => ("pattern" in t ? t.pattern : ""))
    .join("");
  let number: string;
  if (core.includes("%")) {
    number = `${(shown * 100).toFixed(decimalsIn(core, /\.([0#?]+)/))}%`;
  } else {
    const fixed = shown.toFixed(decimalsIn(core, /\.([0#?]+)/));
    number = core.includes(",") ? grouped(fixed) : fixed;
  }
  return text(0, first) + number + text(last + 1, tokens.length);
}

export function formatDate(value: DateValue): string {
  return value.iso.replace("T", " ");
}
