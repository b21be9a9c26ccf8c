/**
 * The expenditure table as the rules read it (domain.md §3.2): its amount columns with their display names, where a
 * row meets a column, and the code hierarchy (类 → 款 → 项, and the 合计 row over the 类 rows).
 */
import {
  SPENDING_KINDS,
  type AmountCell,
  type CellPos,
  type ExpenditureRow,
  type ExpenditureTable,
  type SpendingKind,
} from "../tables";
import { EXPENDITURE_TOTAL_COLUMN_NAME, KIND_NAMES, expenditureRowName, labelOr, type Name } from "./labels";

/** An amount column of the expenditure table: the 合计 column or one of the spending kinds. */
export type ExpenditureColumn = "total" | SpendingKind;

export function presentKinds(table: ExpenditureTable): SpendingKind[] {
  return SPENDING_KINDS.filter((k) => table.partColumns[k] !== undefined);
}

export function expenditureColumns(table: ExpenditureTable): ExpenditureColumn[] {
  return ["total", ...presentKinds(table)];
}

export function cellIn(row: ExpenditureRow, column: ExpenditureColumn): AmountCell | undefined {
  return column === "total" ? row.total : row.parts[column];
}

export function expenditureColumnName(table: ExpenditureTable, column: ExpenditureColumn): Name {
  if (column === "total") {
    return {
      zh: labelOr(table.totalColumn, EXPENDITURE_TOTAL_COLUMN_NAME.zh),
      en: EXPENDITURE_TOTAL_COLUMN_NAME.en,
    };
  }
  return { zh: labelOr(table.partColumns[column], KIND_NAMES[column].zh), en: KIND_NAMES[column].en };
}

/** A row's cell in a column, or where it would be when the recogniser kept none (the header gives the column). */
export function expenditurePosition(
  table: ExpenditureTable,
  row: ExpenditureRow,
  column: ExpenditureColumn,
): CellPos {
  const cell = cellIn(row, column);
  if (cell) return cell.pos;
  const header = column === "total" ? table.totalColumn : table.partColumns[column];
  return { sheet: table.sheet, row: row.row, col: header ? header.pos.col : row.total.pos.col };
}

/** A row that has children in the code hierarchy (or the 合计 row), with its children in sheet order. */
export interface Aggregate {
  readonly row: ExpenditureRow;
  readonly children: ExpenditureRow[];
}

/**
 * One pass over the rows with a map by code, so 200,000 rows cost 200,000 look-ups: a row's parent is the latest
 * preceding row whose code is its own minus the last two digits (类 3 → 款 5 → 项 7 digits). Child lists are made
 * only for rows that turn out to be parents.
 */
export function buildHierarchy(table: ExpenditureTable): Aggregate[] {
  const byCode = new Map<string, ExpenditureRow>();
  const childrenOf = new Map<ExpenditureRow, ExpenditureRow[]>();
  const totals: ExpenditureRow[] = [];
  const categories: ExpenditureRow[] = [];
  for (const row of table.rows) {
    if (row.isTotal) {
      totals.push(row);
      continue;
    }
    const code = row.code;
    if (!code) continue;
    if (code.length === 3) categories.push(row);
    if (code.length >= 5) {
      const parent = byCode.get(code.slice(0, -2));
      if (parent) {
        const siblings = childrenOf.get(parent);
        if (siblings) siblings.push(row);
        else childrenOf.set(parent, [row]);
      }
    }
    byCode.set(code, row);
  }
  const aggregates: Aggregate[] = [];
  for (const [row, children] of childrenOf) aggregates.push({ row, children });
  // The 合计 row may sit above or below the 类 rows: either way it is the sum of all of them.
  for (const row of totals) aggregates.push({ row, children: categories });
  return aggregates;
}

/** "合计行（合计）" reads better than "合计（合计）" when the row and the column share a name. */
export function totalRowAware(row: ExpenditureRow): Name {
  const name = expenditureRowName(row);
  return row.isTotal ? { zh: `${name.zh}行`, en: name.en } : name;
}
