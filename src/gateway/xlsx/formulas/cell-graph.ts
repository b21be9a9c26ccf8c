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

function inRange(c: CellRef, r: RangeRef): boolean {
  return (
    c.sheet.toUpperCase() === r.sheet.toUpperCase() &&
    c.row >= r.top &&
    c.row <= r.bottom &&
    c.col >= r.left &&
    c.col <= r.right
  );
}

/**
 * Orders the pending formulas (Kahn's algorithm over "reads a pending cell" edges). Ranges are matched against the
 * pending cells, not expanded, so a whole-column reference costs one test per pending formula, not a million cells.
 */
export function planEvaluation(pending: readonly PendingFormula[]): EvaluationPlan {
  const dependents = new Map<CellKey, CellKey[]>();
  const waiting = new Map<CellKey, number>();
  const byKey = new Map<CellKey, CellRef>();
  for (const f of pending) byKey.set(cellKey(f.cell), f.cell);
  for (const f of pending) {
    const key = cellKey(f.cell);
    let count = 0;
    for (const other of pending) {
      if (!f.reads.some((r) => inRange(other.cell, r))) continue;
      const from = cellKey(other.cell);
      dependents.set(from, [...(dependents.get(from) ?? []), key]);
      count += 1;
    }
    waiting.set(key, count);
  }
  const ready = [...waiting].filter(([, n]) => n === 0).map(([k]) => k);
  const order: CellRef[] = [];
  while (ready.length > 0) {
    const key = ready.shift() as CellKey;
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
