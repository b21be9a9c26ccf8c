/**
 * FormulaEngine over fast-formula-parser (MIT): it parses Excel formulas and asks for the cells and ranges they read
 * through callbacks, other sheets included. Imported only by evaluate-missing.ts's dynamic import(), so a workbook
 * whose formulas all carry results never loads it.
 */
import FormulaParser from "fast-formula-parser";
import type { CellRef, RangeRef } from "./cell-graph";
import type { FormulaCells, FormulaEngine, FormulaInput, FormulaResult } from "./engine";

const { FormulaError, DepParser } = FormulaParser;

/** Excel's own error literals: a formula that yields one has a value (an error value) Excel would show too. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

const position = (at: CellRef) => ({ sheet: at.sheet, row: at.row + 1, col: at.col + 1 });
const text = (formula: string): string => formula.replace(/^=/, "");

export function createFastFormulaEngine(): FormulaEngine {
  const deps = new DepParser();
  // One parser for the workbook (building one costs as much as evaluating thousands of formulas); its callbacks read
  // the formula being evaluated now.
  let current: { at: CellRef; cells: FormulaCells; readUnknown: boolean } | null = null;
  const input = (v: FormulaInput): unknown => {
    if (v === "unknown") {
      // A formula reading a cell still without a result has no value either; the parser cannot be told so mid-way.
      if (current) current.readUnknown = true;
      return null;
    }
    if (v !== null && typeof v === "object") return new FormulaError(v.error);
    return v;
  };
  const parser = new FormulaParser({
    onCell: (ref) => {
      if (!current) return null;
      return input(current.cells.valueAt(ref.sheet ?? current.at.sheet, ref.row - 1, ref.col - 1));
    },
    onRange: (ref) => {
      if (!current) return [];
      const sheet = ref.sheet ?? current.at.sheet;
      const extent = current.cells.extent(sheet);
      if (!extent) return [];
      // Whole-column and whole-row references stop at the used range, not at row 1,048,576.
      const bottom = Math.min(ref.to.row - 1, extent.bottom);
      const right = Math.min(ref.to.col - 1, extent.right);
      const rows: unknown[][] = [];
      for (let r = ref.from.row - 1; r <= bottom; r++) {
        const line: unknown[] = [];
        for (let c = ref.from.col - 1; c <= right; c++) line.push(input(current.cells.valueAt(sheet, r, c)));
        rows.push(line);
      }
      return rows;
    },
  });
  return {
    references(formula: string, at: CellRef): readonly RangeRef[] | null {
      try {
        return deps.parse(text(formula), position(at)).map((ref) => {
          const sheet = ref.sheet ?? at.sheet;
          if ("from" in ref) {
            return {
              sheet,
              top: ref.from.row - 1,
              left: ref.from.col - 1,
              bottom: ref.to.row - 1,
              right: ref.to.col - 1,
            };
          }
          return { sheet, top: ref.row - 1, left: ref.col - 1, bottom: ref.row - 1, right: ref.col - 1 };
        });
      } catch {
        return null;
      }
    },

    evaluate(formula: string, at: CellRef, cells: FormulaCells): FormulaResult | null {
      current = { at, cells, readUnknown: false };
      let result: unknown;
      try {
        result = parser.parse(text(formula), position(at));
      } catch {
        // An unknown function, a syntax the parser does not read: not evaluated.
        return null;
      }
      if (current.readUnknown) return null;
      if (result instanceof FormulaError) {
        return EXCEL_ERRORS.has(result.error) ? { kind: "error", code: result.error } : null;
      }
      // An empty cell read by a formula shows 0 in Excel (=B1 with B1 empty).
      if (result === null || result === undefined) return { kind: "value", value: 0 };
      if (typeof result === "number") {
        return Number.isFinite(result) ? { kind: "value", value: result } : { kind: "error", code: "#NUM!" };
      }
      if (typeof result === "string" || typeof result === "boolean") return { kind: "value", value: result };
      // An array (a formula returning a range) or anything else: not a single value.
      return null;
    },
  };
}
