/**
 * The order formulas saved without results must be evaluated in: a formula can only be computed after the formulas it
 * refers to (on any sheet, through single cells or ranges). Cells on a reference cycle, or depending on one, cannot be
 * computed and keep their "recalculate in Excel" error. The formula engine itself sits behind FormulaEngine
 * (engine.ts); this part only knows references.
 */

/** A cell as "Sheet!A1" with the sheet name as written in the workbook (case kept). */
export type CellKey = string;

export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PendingFormula {
  readonly cell: CellRef;
  /** The ranges (a single cell is a 1×1 range) the formula reads. */
  readonly reads: readonly RangeRef[];
}

export interface EvaluationPlan {
  /** Formulas in an order where each comes after every pending formula it reads. */
  readonly order: readonly CellRef[];
  /** Formulas on a cycle, or reading one: not to be evaluated. */
  readonly cyclic: readonly CellRef[];
}

export const cellKey = (c: CellRef): CellKey => `${c.sheet.toUpperCase()}!${c.row},${c.col}`;

/** Pending cells by upper-cased sheet name, then column, each column's cells sorted by row. */
type ColumnIndex = Map<string, Map<number, CellRef[]>>;

function indexByColumn(cells: readonly CellRef[]): ColumnIndex {
  const index: ColumnIndex = new Map();
  for (const c of cells) {
    const sheet = c.sheet.toUpperCase();
    let columns = index.get(sheet);
    if (!columns) index.set(sheet, (columns = new Map()));
    const column = columns.get(c.col);
    if (column) column.push(c);
    else columns.set(c.col, [c]);
  }
  for (const columns of index.values())
    for (const column of columns.values()) column.sort((a, b) => a.row - b.row);
  return index;
}

/** The pending cells inside a range. */
function pendingIn(index: ColumnIndex, r: RangeRef): CellRef[] {
  const columns = index.get(r.sheet.toUpperCase());
  if (!columns) return [];
  const found: CellRef[] = [];
  for (const [col, column] of columns) {
    if (col < r.left || col > r.right) continue;
    // The first cell at or below the range's top row.
    let lo = 0;
    let hi = column.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (column[mid].row < r.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < column.length && column[i].row <= r.bottom; i++) found.push(column[i]);
  }
  return found;
}

/**
 * Orders the pending formulas (Kahn's algorithm over "reads a pending cell" edges). Ranges are matched against the
 * pending cells, not expanded: the pending cells are indexed by sheet and column with their rows sorted, so a range
 * costs a binary search per pending column it spans — a whole-column reference does not touch a million cells, and
 * 200,000 pending formulas do not test each other pairwise.
 */
export function planEvaluation(pending: readonly PendingFormula[]): EvaluationPlan {
  const dependents = new Map<CellKey, CellKey[]>();
  const waiting = new Map<CellKey, number>();
  const byKey = new Map<CellKey, CellRef>();
  for (const f of pending) byKey.set(cellKey(f.cell), f.cell);
  const index = indexByColumn(pending.map((f) => f.cell));
  for (const f of pending) {
    const key = cellKey(f.cell);
    const sources = new Set<CellKey>();
    for (const r of f.reads) for (const other of pendingIn(index, r)) sources.add(cellKey(other));
    for (const from of sources) {
      const list = dependents.get(from);
      if (list) list.push(key);
      else dependents.set(from, [key]);
    }
    waiting.set(key, sources.size);
  }
  const ready = [...waiting].filter(([, n]) => n === 0).map(([k]) => k);
  const order: CellRef[] = [];
  // A read position rather than shift(), which would make the loop quadratic.
  for (let i = 0; i < ready.length; i++) {
    const key = ready[i];
    order.push(byKey.get(key) as CellRef);
    for (const next of dependents.get(key) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  const done = new Set(order.map(cellKey));
  const cyclic = pending.map((f) => f.cell).filter((c) => !done.has(cellKey(c)));
  return { order, cyclic };
}
