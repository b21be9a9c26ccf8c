/**
 * The step after reading an .xlsx: fills the cells the readers read as UNCALCULATED_CODE (a formula saved without a
 * cached result) with values computed here, in dependency order (cell-graph.ts), each formula reading the snapshot's
 * values and the results computed before it. Cycles, formulas the engine cannot evaluate and formulas reading such a
 * cell keep UNCALCULATED_CODE (value.error asks for a recalculation in Excel); a formula yielding an Excel error (#DIV/0!)
 * gets that error. The computed cells are listed in each sheet's computedCells for the checker's notice.
 *
 * The engine is imported only when some cell needs it, so a workbook Excel saved never loads it.
 */
import {
  cellAt,
  errorValue,
  isErrorValue,
  isUncalculated,
  sheetBounds,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../../engine/snapshot";
import { cellKey, planEvaluation, type CellRef, type PendingFormula } from "./cell-graph";
import type { FormulaEngine, FormulaInput } from "./engine";

export type LoadFormulaEngine = () => Promise<FormulaEngine>;

const loadFastFormula: LoadFormulaEngine = async () =>
  (await import("./fast-formula")).createFastFormulaEngine();

/** The snapshot with its uncalculated formulas computed where possible; the same object when there are none. */
export async function evaluateMissingFormulas(
  snapshot: WorkbookSnapshot,
  loadEngine: LoadFormulaEngine = loadFastFormula,
): Promise<WorkbookSnapshot> {
  const missing = uncalculatedFormulas(snapshot);
  if (missing.length === 0) return snapshot;
  const engine = await loadEngine();

  const pending: PendingFormula[] = [];
  const formulaOf = new Map<string, string>();
  for (const { cell, formula } of missing) {
    const reads = engine.references(formula, cell);
    if (reads === null) continue;
    pending.push({ cell, reads });
    formulaOf.set(cellKey(cell), formula);
  }
  const plan = planEvaluation(pending);

  // Rows are copied on first write: the snapshot the reader gave stays as it was.
  const sheets = snapshot.sheets.map((s) => ({
    sheet: s,
    rows: [...s.values] as CellValue[][],
    computed: [] as CellRef[],
  }));
  const byName = new Map(sheets.map((s) => [s.sheet.name.toUpperCase(), s]));
  const copied = new Set<string>();
  const valueOf = (sheet: string, row: number, col: number): CellValue => {
    const s = byName.get(sheet.toUpperCase());
    if (!s) return null;
    const line = s.rows[row - s.sheet.originRow];
    const v = line?.[col - s.sheet.originCol];
    return v === undefined ? null : v;
  };
  const cells = {
    valueAt(sheet: string, row: number, col: number): FormulaInput {
      const v = valueOf(sheet, row, col);
      if (isUncalculated(v)) return "unknown";
      if (isErrorValue(v)) return { error: v.code };
      if (v !== null && typeof v === "object") return v.iso;
      return v;
    },
    extent(sheet: string) {
      const s = byName.get(sheet.toUpperCase());
      const b = s ? sheetBounds(s.sheet) : null;
      return b ? { bottom: b.bottom, right: b.right } : null;
    },
  };

  for (const cell of plan.order) {
    const result = engine.evaluate(formulaOf.get(cellKey(cell)) ?? "", cell, cells);
    if (result === null) continue;
    const s = byName.get(cell.sheet.toUpperCase());
    if (!s) continue;
    const r = cell.row - s.sheet.originRow;
    const key = `${s.sheet.name}\u0000${r}`;
    if (!copied.has(key)) {
      s.rows[r] = [...s.rows[r]];
      copied.add(key);
    }
    s.rows[r][cell.col - s.sheet.originCol] =
      result.kind === "value" ? result.value : errorValue(result.code);
    if (result.kind === "value") s.computed.push({ sheet: s.sheet.name, row: cell.row, col: cell.col });
  }

  return {
    ...snapshot,
    sheets: sheets.map(({ sheet, rows, computed }): SheetSnapshot =>
      computed.length === 0 && !rows.some((line, i) => line !== sheet.values[i])
        ? sheet
        : {
            ...sheet,
            values: rows,
            ...(computed.length > 0 ? { computedCells: computed.map(({ row, col }) => ({ row, col })) } : {}),
          },
    ),
  };
}

/** Every cell read as UNCALCULATED_CODE whose formula text the reader kept. */
function uncalculatedFormulas(snapshot: WorkbookSnapshot): { cell: CellRef; formula: string }[] {
  const found: { cell: CellRef; formula: string }[] = [];
  for (const sheet of snapshot.sheets) {
    if (!sheet.formulas) continue;
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (!isUncalculated(v)) return;
        const formula = sheet.formulas?.[r]?.[c];
        const row = r + sheet.originRow;
        const col = c + sheet.originCol;
        if (formula && cellAt(sheet, row, col) === v)
          found.push({ cell: { sheet: sheet.name, row, col }, formula });
      }),
    );
  }
  return found;
}
