/**
 * A fund block written as label | amount pairs side by side (河北's 项目 form, issue 11 §2):
 *
 *   预算安排情况(调整后) | 资金到位情况     | 资金执行情况
 *   预算数      | 6.84   | 到位数      | 6.84 | 执行数      | 6.84
 *   其中:财政资金 | 6.84   | 其中:财政资金 | 6.84 | 其中:财政资金 | 6.84
 *   其他        | 0      | 其他        | 0    | 其他        | 0
 *
 * The first row names each amount column in its label cell (预算数, 执行数) with the total's amount just right of it;
 * the rows under it repeat their label in every pair. A pair whose label names no amount column (到位数: the funds
 * that arrived) is not read. The block is the total row and the fund-source and spending-kind rows under it.
 */
import { parseAmount } from "../money";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  BudgetRow,
  FundSource,
  SpendingKind,
  TextCell,
} from "../tables";
import { amountCell, isBlankRow } from "./cells";
import {
  BUDGET_HEADER,
  LABEL_MAX_LENGTH,
  classifyBudgetRow,
  isBudgetAmountField,
  lookup,
  normalizeLabel,
} from "./labels";
import type { Anchor } from "./scan";
import type { SheetView } from "./sheet-view";
import { readTableUnit } from "./unit";

/** A block of pairs is a few rows: the total and its breakdown. */
const MAX_PAIR_ROWS = 12;

interface Pair {
  readonly column: BudgetColumn;
  readonly labelCol: number;
  readonly amountCol: number;
}

/** The fund block of label | amount pairs whose first row holds the anchor, or null when the row is not one. */
export function recognizeBudgetPairs(view: SheetView, anchor: Anchor): BudgetBlock | null {
  const row = anchor.row;
  const pairs = pairsOf(view, row);
  // Two amount columns at least (预算数 and 执行数): one label beside one number is any caption's "label | value".
  if (pairs.length < 2) return null;
  const left = Math.min(...pairs.map((p) => p.labelCol));
  const right = Math.max(...pairs.map((p) => p.amountCol));
  const unitRead = readTableUnit(view, { top: row, bottom: row, left, right });
  const unit = unitRead.unit;
  const cellsOf = (r: number): Partial<Record<BudgetColumn, AmountCell>> => {
    const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
    for (const p of pairs) cells[p.column] = amountCell(view, r, p.amountCol, unit);
    return cells;
  };
  const first = pairs[0];
  const total: BudgetRow = { label: view.textCell(row, first.labelCol), cells: cellsOf(row) };
  const sources: Partial<Record<FundSource, BudgetRow>> = {};
  const kinds: Partial<Record<SpendingKind, BudgetRow>> = {};
  let bottom = row;
  const end = Math.min(view.bottom, row + MAX_PAIR_ROWS);
  for (let r = row + 1; r <= end; r++) {
    if (isBlankRow(view, r, left, right)) break;
    const v = view.raw(r, first.labelCol);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) break;
    const cls = classifyBudgetRow(normalizeLabel(v));
    if (!cls || cls.role === "total") break;
    if (cls.role === "heading") continue;
    const budgetRow: BudgetRow = { label: view.textCell(r, first.labelCol), cells: cellsOf(r) };
    if (cls.role === "source") sources[cls.source] ??= budgetRow;
    else kinds[cls.kind] ??= budgetRow;
    bottom = r;
  }
  const columns: Partial<Record<BudgetColumn, TextCell>> = {};
  for (const p of pairs) columns[p.column] ??= view.textCell(row, p.labelCol);
  return {
    kind: "budget",
    sheet: view.name,
    range: { top: row, left, bottom, right },
    unit,
    columns,
    total,
    sources,
    kinds,
    ...(unitRead.ambiguous
      ? {
          unitAmbiguity: {
            units: [...new Set(unitRead.statements.map((s) => s.unit))],
            cells: unitRead.statements.map((s) => s.pos),
          },
        }
      : {}),
  };
}

/** Each "amount-column label | amount" on the row, left to right, one per column kind. */
function pairsOf(view: SheetView, row: number): Pair[] {
  const pairs: Pair[] = [];
  for (let c = view.left; c < view.right; c++) {
    const v = view.raw(row, c);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
    const field = lookup(BUDGET_HEADER, normalizeLabel(v));
    if (!field || !isBudgetAmountField(field) || pairs.some((p) => p.column === field)) continue;
    const amountCol = (view.merge(row, c)?.right ?? c) + 1;
    if (amountCol > view.right || parseAmount(view.raw(row, amountCol), "元").kind !== "amount") continue;
    pairs.push({ column: field, labelCol: c, amountCol });
  }
  return pairs;
}
