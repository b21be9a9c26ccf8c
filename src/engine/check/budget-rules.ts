/**
 * The budget execution block (domain.md §3.1, §4): in each amount column the total equals the sum by source and the
 * sum by spending kind; 全年执行数 above 全年预算数 is worth a look.
 */
import type { Finding } from "../findings";
import {
  FUND_SOURCES,
  SPENDING_KINDS,
  type AmountCell,
  type BudgetBlock,
  type BudgetColumn,
  type BudgetRow,
  type CellPos,
} from "../tables";
import { contribution, hasValue, sumOf } from "./compare";
import {
  BUDGET_COLUMN_NAMES,
  BUDGET_TOTAL_NAME,
  KIND_NAMES,
  SOURCE_NAMES,
  joinParts,
  labelOr,
  type Name,
} from "./labels";
import { overspendMessage, sumMessage } from "./messages";
import { addressOf, sumFinding } from "./sum-finding";

export const BUDGET_COLUMNS: readonly BudgetColumn[] = ["initial", "budget", "executed"];

interface NamedRow {
  readonly row: BudgetRow;
  readonly name: Name;
}

/** Every row of the block with its display name, total first, then sources and kinds in canonical order. */
export function namedBudgetRows(block: BudgetBlock): NamedRow[] {
  return [totalRow(block), ...sourceRows(block), ...kindRows(block)];
}

function totalRow(block: BudgetBlock): NamedRow {
  return {
    row: block.total,
    name: { zh: labelOr(block.total.label, BUDGET_TOTAL_NAME.zh), en: BUDGET_TOTAL_NAME.en },
  };
}

function sourceRows(block: BudgetBlock): NamedRow[] {
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

function kindRows(block: BudgetBlock): NamedRow[] {
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
function presentColumns(block: BudgetBlock): BudgetColumn[] {
  const rows = namedBudgetRows(block);
  return BUDGET_COLUMNS.filter((c) => block.columns[c] !== undefined || rows.some((r) => r.row.cells[c]));
}

/** Where a row meets a column, even when the recogniser kept no cell there (the header gives the column). */
function positionIn(block: BudgetBlock, row: BudgetRow, column: BudgetColumn): CellPos | null {
  const cell = row.cells[column];
  if (cell) return cell.pos;
  const header = block.columns[column];
  return header ? { sheet: row.label.pos.sheet, row: row.label.pos.row, col: header.pos.col } : null;
}

export function checkBudgetBreakdowns(block: BudgetBlock, toleranceFen: number): Finding[] {
  const findings: Finding[] = [];
  const total = totalRow(block);
  for (const column of presentColumns(block)) {
    for (const parts of [sourceRows(block), kindRows(block)]) {
      const finding = checkBreakdown(block, column, total, parts, toleranceFen);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function checkBreakdown(
  block: BudgetBlock,
  column: BudgetColumn,
  total: NamedRow,
  parts: readonly NamedRow[],
  toleranceFen: number,
): Finding | null {
  const partCells = parts.map((p) => p.row.cells[column]);
  // Many filings break the total down only in 全年执行数; a column with no part filled in is not a breakdown.
  if (!partCells.some(hasValue)) return null;
  const totalCell = total.row.cells[column];
  const expected = sumOf(partCells);
  const actual = contribution(totalCell);
  if (expected === "bad" || actual === "bad") return null;
  const totalPos = positionIn(block, total.row, column);
  if (!totalPos) return null;
  const partPositions = partCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos);
  return sumFinding({
    rule: "sum.breakdown",
    table: "budget",
    unit: block.unit,
    cells: [totalPos, ...partPositions],
    expectedFen: expected,
    actualFen: actual,
    toleranceFen,
    message: (rounding) =>
      sumMessage({
        context: budgetColumnName(block, column),
        parts: joinParts(parts.map((p) => p.name)),
        aggregate: { zh: total.name.zh, en: "total" },
        expectedFen: expected,
        actualFen: actual,
        unit: block.unit,
        roundingToleranceFen: rounding,
      }),
  });
}

/** 全年执行数 above 全年预算数 on any row where both are amounts: spending beyond the adjusted budget. */
export function checkOverspend(block: BudgetBlock): Finding[] {
  const findings: Finding[] = [];
  for (const { row, name } of namedBudgetRows(block)) {
    const executed = row.cells.executed;
    const budget = row.cells.budget;
    if (!executed || !budget || executed.parsed.kind !== "amount" || budget.parsed.kind !== "amount")
      continue;
    const executedFen = executed.parsed.fen;
    const budgetFen = budget.parsed.fen;
    if (executedFen <= budgetFen) continue;
    findings.push({
      rule: "budget.overspend",
      severity: "warning",
      cells: [addressOf(executed.pos), addressOf(budget.pos)],
      table: "budget",
      expectedFen: budgetFen,
      actualFen: executedFen,
      differenceFen: executedFen - budgetFen,
      unit: block.unit,
      message: overspendMessage({
        row: name,
        executedColumn: budgetColumnName(block, "executed"),
        budgetColumn: budgetColumnName(block, "budget"),
        executedFen,
        budgetFen,
        unit: block.unit,
      }),
    });
  }
  return findings;
}
