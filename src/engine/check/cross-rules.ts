/**
 * Across tables (domain.md §4): the expenditure table's 合计 row must equal the budget block's 全年执行数 for the total,
 * 基本支出 and 项目支出. Both are held in 分, so tables in different units compare directly; the tolerance is the
 * coarser table's, since that table could not have been more precise.
 */
import type { Finding } from "../findings";
import { toleranceFen as toleranceOf, type MoneyUnit } from "../money";
import type { AmountCell, BudgetBlock, BudgetRow, ExpenditureTable } from "../tables";
import { BUDGET_TOTAL_NAME, KIND_NAMES, labelOr, type Name } from "./labels";
import { budgetColumnName } from "./budget-rules";
import { expenditureColumnName, type ExpenditureColumn } from "./expenditure-rules";
import { crossMessage } from "./messages";
import { sumFinding } from "./sum-finding";

interface Pair {
  readonly column: ExpenditureColumn;
  readonly budgetRow: BudgetRow | undefined;
  readonly budgetRowName: Name;
}

export function checkCrossTables(
  budget: BudgetBlock,
  expenditures: readonly ExpenditureTable[],
  toleranceInUnit: number | undefined,
): Finding[] {
  const table = expenditures.find((t) => t.rows.some((r) => r.isTotal));
  if (!table) return [];
  const totalRow = table.rows.find((r) => r.isTotal);
  if (!totalRow) return [];
  const tolerance = Math.max(
    toleranceOf(table.unit, toleranceInUnit),
    toleranceOf(budget.unit, toleranceInUnit),
  );
  const toleranceUnit = coarser(table.unit, budget.unit);
  const pairs: Pair[] = [
    {
      column: "total",
      budgetRow: budget.total,
      budgetRowName: { zh: labelOr(budget.total.label, BUDGET_TOTAL_NAME.zh), en: BUDGET_TOTAL_NAME.en },
    },
    ...(["basic", "project"] as const).map((kind) => ({
      column: kind,
      budgetRow: budget.kinds[kind],
      budgetRowName: { zh: labelOr(budget.kinds[kind]?.label, KIND_NAMES[kind].zh), en: KIND_NAMES[kind].en },
    })),
  ];
  const findings: Finding[] = [];
  for (const pair of pairs) {
    const expenditureCell = pair.column === "total" ? totalRow.total : totalRow.parts[pair.column];
    const budgetCell = pair.budgetRow?.cells.executed;
    const x = amountFen(expenditureCell);
    const b = amountFen(budgetCell);
    // Both figures must be there: a blank on either side is an unfilled table, not a disagreement.
    if (x === null || b === null || !expenditureCell || !budgetCell) continue;
    const finding = sumFinding({
      rule: "cross.sheet",
      table: "expenditure",
      unit: table.unit,
      cells: [expenditureCell.pos, budgetCell.pos],
      expectedFen: b,
      actualFen: x,
      toleranceFen: tolerance,
      message: (rounding) =>
        crossMessage({
          expenditurePart: expenditureColumnName(table, pair.column),
          budgetRow: pair.budgetRowName,
          budgetColumn: budgetColumnName(budget, "executed"),
          expenditureFen: x,
          expenditureUnit: table.unit,
          budgetFen: b,
          budgetUnit: budget.unit,
          roundingToleranceFen: rounding,
          toleranceUnit,
        }),
    });
    if (finding) findings.push(finding);
  }
  return findings;
}

function amountFen(cell: AmountCell | undefined): number | null {
  return cell && cell.parsed.kind === "amount" ? cell.parsed.fen : null;
}

function coarser(a: MoneyUnit, b: MoneyUnit): MoneyUnit {
  return toleranceOf(a) >= toleranceOf(b) ? a : b;
}
