/**
 * The expenditure table (domain.md §3.2, §4): each row's 合计 is the sum of its part columns; in each column a 类 is
 * the sum of its 款, a 款 the sum of its 项, and the 合计 row the sum of the 类 rows.
 */
import type { Finding } from "../findings";
import {
  SPENDING_KINDS,
  type AmountCell,
  type CellPos,
  type ExpenditureRow,
  type ExpenditureTable,
  type SpendingKind,
} from "../tables";
import { contribution, sumOf } from "./compare";
import {
  EXPENDITURE_TOTAL_COLUMN_NAME,
  KIND_NAMES,
  expenditureRowName,
  joinParts,
  labelOr,
  type Name,
} from "./labels";
import { sumMessage } from "./messages";
import { sumFinding } from "./sum-finding";

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
function positionIn(table: ExpenditureTable, row: ExpenditureRow, column: ExpenditureColumn): CellPos {
  const cell = cellIn(row, column);
  if (cell) return cell.pos;
  const header = column === "total" ? table.totalColumn : table.partColumns[column];
  return { sheet: table.sheet, row: row.row, col: header ? header.pos.col : row.total.pos.col };
}

// ---------------------------------------------------------------- sum.row

export function checkRowSums(table: ExpenditureTable, toleranceFen: number): Finding[] {
  const kinds = presentKinds(table);
  if (kinds.length === 0) return [];
  const parts = joinParts(kinds.map((k) => expenditureColumnName(table, k)));
  const totalName = expenditureColumnName(table, "total");
  const findings: Finding[] = [];
  for (const row of table.rows) {
    const partCells = kinds.map((k) => row.parts[k]);
    const expected = sumOf(partCells);
    const actual = contribution(row.total);
    // Almost every row adds up: decide that before building names and cell lists.
    if (expected === "bad" || actual === "bad" || expected === actual) continue;
    const rowName = expenditureRowName(row);
    const finding = sumFinding({
      rule: "sum.row",
      table: "expenditure",
      unit: table.unit,
      cells: [row.total.pos, ...partCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos)],
      expectedFen: expected,
      actualFen: actual,
      toleranceFen,
      message: (rounding) =>
        sumMessage({
          context: row.isTotal ? { zh: `${rowName.zh}行`, en: rowName.en } : rowName,
          parts,
          aggregate: { zh: totalName.zh, en: "total" },
          expectedFen: expected,
          actualFen: actual,
          unit: table.unit,
          roundingToleranceFen: rounding,
        }),
    });
    if (finding) findings.push(finding);
  }
  return findings;
}

// ---------------------------------------------------------------- sum.column

/** A row that has children in the code hierarchy (or the 合计 row), with its children in sheet order. */
interface Aggregate {
  readonly row: ExpenditureRow;
  readonly children: ExpenditureRow[];
}

/**
 * One pass over the rows with a map by code, so 200,000 rows cost 200,000 look-ups: a row's parent is the latest
 * preceding row whose code is its own minus the last two digits (类 3 → 款 5 → 项 7 digits). Child lists are made
 * only for rows that turn out to be parents.
 */
function buildHierarchy(table: ExpenditureTable): Aggregate[] {
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

export function checkColumnSums(table: ExpenditureTable, toleranceFen: number): Finding[] {
  const columns = expenditureColumns(table);
  const findings: Finding[] = [];
  for (const aggregate of buildHierarchy(table)) {
    if (aggregate.children.length === 0) continue;
    for (const column of columns) {
      const finding = checkAggregate(table, aggregate, column, toleranceFen);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function checkAggregate(
  table: ExpenditureTable,
  { row, children }: Aggregate,
  column: ExpenditureColumn,
  toleranceFen: number,
): Finding | null {
  const own = cellIn(row, column);
  const actual = contribution(own);
  if (actual === "bad") return null;
  let expected = 0;
  for (const child of children) {
    const c = contribution(cellIn(child, column));
    if (c === "bad") return null;
    expected += c;
  }
  if (expected === actual) return null;
  const childCells = children.map((c) => cellIn(c, column));
  const rowName = expenditureRowName(row);
  const n = children.length;
  const parts: Name = row.isTotal
    ? {
        zh: `各类级科目（${n} 个）之和`,
        en: `the sum of the ${n} ${n === 1 ? "category" : "categories"} (类)`,
      }
    : {
        zh: `${rowName.zh}的下级科目（${n} 个）之和`,
        en: `the sum of the ${n} sub-item${n === 1 ? "" : "s"} of ${rowName.en}`,
      };
  const columnName = expenditureColumnName(table, column);
  return sumFinding({
    rule: "sum.column",
    table: "expenditure",
    unit: table.unit,
    cells: [
      positionIn(table, row, column),
      ...childCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos),
    ],
    expectedFen: expected,
    actualFen: actual,
    toleranceFen,
    message: (rounding) =>
      sumMessage({
        context: { zh: `「${columnName.zh}」列`, en: `${columnName.en} column` },
        parts,
        aggregate: row.isTotal ? { zh: `${rowName.zh}行`, en: rowName.en } : rowName,
        expectedFen: expected,
        actualFen: actual,
        unit: table.unit,
        roundingToleranceFen: rounding,
      }),
  });
}
