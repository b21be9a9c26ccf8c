/**
 * Marking the cells the findings name: which severity a cell shows when several findings name it (the worst one),
 * how many cells a host marks at most, and the colours. Every host marks the same cells the same way — the Office.js
 * gateway's fills, the .xlsx host's fills and the preview grid's outlines all come from here.
 */
import { parseA1Range, toA1 } from "./a1";
import { SEVERITIES, type Finding, type Severity } from "./findings";

/** Excel's own "bad / neutral / note" pastel fills, so the marks read as warnings without hiding the numbers. */
export const HIGHLIGHT_COLORS: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  notice: "#DDEBF7",
};

/** Outline colours of marked cells in the preview grid: Fluent's status colours, strong enough on any fill. */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: "#C50F1F",
  warning: "#DA3B01",
  notice: "#0F6CBD",
};

/**
 * Where a host keeps the fills it replaced, so 清除标记 puts them back — the same key in every host's store, so a
 * workbook marked in Excel can be cleared in WPS and the other way round.
 */
export const HIGHLIGHT_STORE_KEY = "selfeval.highlights";

/** A range in a finding can be large; colouring more than this many cells helps nobody and bloats the settings. */
export const MAX_HIGHLIGHTED_CELLS = 5_000;

/** True when `a` is more severe than `b` (error before warning before notice). */
export function isWorse(a: Severity, b: Severity): boolean {
  return SEVERITIES.indexOf(a) < SEVERITIES.indexOf(b);
}

/** One cell to mark, with the severity of the worst finding that names it. */
export interface CellMark {
  readonly sheet: string;
  /** A single cell, A1 ("C8"). */
  readonly address: string;
  readonly severity: Severity;
}

export interface CellMarks {
  /** By sheet and address (see markKey), in the order the findings first name them. */
  readonly cells: ReadonlyMap<string, CellMark>;
  /** True when the findings named more cells than the limit; the cells beyond it are left out. */
  readonly truncated: boolean;
}

/** The map key of a cell: sheet and address, which no sheet name or address can contain. */
export function markKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

/**
 * Every cell the findings name, ranges expanded, each with its worst finding's severity; at most `limit` cells (a cell
 * already counted can still turn worse). An address that is not one ("not a cell") names no cell.
 */
export function worstMarks(findings: readonly Finding[], limit: number = MAX_HIGHLIGHTED_CELLS): CellMarks {
  const cells = new Map<string, CellMark>();
  let truncated = false;
  for (const f of findings) {
    for (const ref of f.cells) {
      let range;
      try {
        range = parseA1Range(ref.address);
      } catch {
        continue;
      }
      for (let row = range.top; row <= range.bottom; row++) {
        for (let col = range.left; col <= range.right; col++) {
          const address = toA1(row, col);
          const key = markKey(ref.sheet, address);
          const had = cells.get(key);
          if (had) {
            if (isWorse(f.severity, had.severity)) cells.set(key, { ...had, severity: f.severity });
          } else if (cells.size >= limit) truncated = true;
          else cells.set(key, { sheet: ref.sheet, address, severity: f.severity });
        }
      }
    }
  }
  return { cells, truncated };
}

/** The marks grouped by sheet: address → severity, what a grid of one sheet draws. */
export function marksBySheet(marks: CellMarks): Map<string, Map<string, Severity>> {
  const out = new Map<string, Map<string, Severity>>();
  for (const { sheet, address, severity } of marks.cells.values()) {
    let onSheet = out.get(sheet);
    if (!onSheet) {
      onSheet = new Map();
      out.set(sheet, onSheet);
    }
    onSheet.set(address, severity);
  }
  return out;
}
