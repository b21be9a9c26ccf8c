/**
 * The budget execution block as the rules read it (domain.md §3.1): its rows with their display names (total, then
 * sources and kinds in canonical order), its columns, and where a row meets a column.
 */
import {
  FUND_SOURCES,
  SPENDING_KINDS,
  type BudgetBlock,
  type BudgetColumn,
  type BudgetRow,
  type CellPos,
} from "../tables";
import {
  BUDGET_COLUMN_NAMES,
  BUDGET_TOTAL_NAME,
  KIND_NAMES,
  SOURCE_NAMES,
  labelOr,
  type Name,
} from "./labels";

export const BUDGET_COLUMNS: readonly BudgetColumn[] = ["initial", "budget", "executed"];

export interface NamedRow {
  readonly row: BudgetRow;
  readonly name: Name;
}

/** Every row of the block with its display name, total first, then sources and kinds in canonical order. */
export function namedBudgetRows(block: BudgetBlock): NamedRow[] {
  return [totalRow(block), ...sourceRows(block), ...kindRows(block)];
}

export function totalRow(block: BudgetBlock): NamedRow {
  return {
    row: block.total,
    name: { zh: labelOr(block.total.label, BUDGET_TOTAL_NAME.zh), en: BUDGET_TOTAL_NAME.en },
  };
}

export function sourceRows(block: BudgetBlock): NamedRow[] {
  const out: NamedRow[] = [];
  for (const source of FUND_SOURCES) {
    const row = block.sources[source];
    if (row)
      out.push({
        row,
        name: { zh: labelOr(row.label, SOURCE_NAMES[source].zh), en: SOURCE_NAMES[source].en },
      });
  }
  return out;
}

export function kindRows(block: BudgetBlock): NamedRow[] {
  const out: NamedRow[] = [];
  for (const kind of SPENDING_KINDS) {
    const row = block.kinds[kind];
    if (row)
      out.push({ row, name: { zh: labelOr(row.label, KIND_NAMES[kind].zh), en: KIND_NAMES[kind].en } });
  }
  return out;
}

export function budgetColumnName(block: BudgetBlock, column: BudgetColumn): Name {
  return {
    zh: labelOr(block.columns[column], BUDGET_COLUMN_NAMES[column].zh),
    en: BUDGET_COLUMN_NAMES[column].en,
  };
}

/** The columns the block has: by header, or by any row holding a cell there. */
export function presentColumns(block: BudgetBlock): BudgetColumn[] {
  const rows = namedBudgetRows(block);
  return BUDGET_COLUMNS.filter((c) => block.columns[c] !== undefined || rows.some((r) => r.row.cells[c]));
}

/** Where a row meets a column, even when the recogniser kept no cell there (the header gives the column). */
export function budgetPosition(block: BudgetBlock, row: BudgetRow, column: BudgetColumn): CellPos | null {
  const cell = row.cells[column];
  if (cell) return cell.pos;
  const header = block.columns[column];
  return header ? { sheet: row.label.pos.sheet, row: row.label.pos.row, col: header.pos.col } : null;
}
