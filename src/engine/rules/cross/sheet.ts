/**
 * cross.sheet (domain.md §4): the expenditure table's 合计 row equals the budget block's 全年执行数 for the total,
 * 基本支出 and 项目支出. Both are held in 分, so tables in different units compare directly; the tolerance is the
 * coarser table's, since that table could not have been more precise.
 */
import { budgetColumnName } from "../../check/budget-view";
import { expenditureColumnName, type ExpenditureColumn } from "../../check/expenditure-view";
import { BUDGET_TOTAL_NAME, KIND_NAMES, labelOr, type Name } from "../../check/labels";
import { reportSum } from "../../check/sum-finding";
import { amountDigits, unitGloss } from "../../format";
import { localized, type Localized } from "../../i18n";
import { toleranceFen as toleranceOf, type MoneyUnit } from "../../money";
import type { AmountCell, BudgetRow } from "../../tables";
import { defineRule } from "../rule";

interface Pair {
  readonly column: ExpenditureColumn;
  readonly budgetRow: BudgetRow | undefined;
  readonly budgetRowName: Name;
}

export const crossSheet = defineRule({
  id: "cross.sheet",
  meta: {
    table: "expenditure",
    severity: "error",
    name: localized("跨表核对", "Across tables"),
    description: localized(
      "支出决算表合计行的合计、基本支出、项目支出等于预算执行情况相应行的全年执行数",
      "The expenditure table's total row equals the budget block's full-year execution for the total, basic and project spending",
    ),
    also: ["sum.rounding"],
  },
  check(context) {
    const { budget, expenditures } = context.workbook;
    if (!budget) return;
    const table = expenditures.find((t) => t.rows.some((r) => r.isTotal));
    if (!table) return;
    const totalRow = table.rows.find((r) => r.isTotal);
    if (!totalRow) return;
    const toleranceInUnit = context.options.toleranceInUnit;
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
        budgetRowName: {
          zh: labelOr(budget.kinds[kind]?.label, KIND_NAMES[kind].zh),
          en: KIND_NAMES[kind].en,
        },
      })),
    ];
    for (const pair of pairs) {
      const expenditureCell = pair.column === "total" ? totalRow.total : totalRow.parts[pair.column];
      const budgetCell = pair.budgetRow?.cells.executed;
      const x = amountFen(expenditureCell);
      const b = amountFen(budgetCell);
      // Both figures must be there: a blank on either side is an unfilled table, not a disagreement.
      if (x === null || b === null || !expenditureCell || !budgetCell) continue;
      reportSum(context, {
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
    }
  },
});

function amountFen(cell: AmountCell | undefined): number | null {
  return cell && cell.parsed.kind === "amount" ? cell.parsed.fen : null;
}

function coarser(a: MoneyUnit, b: MoneyUnit): MoneyUnit {
  return toleranceOf(a) >= toleranceOf(b) ? a : b;
}

interface CrossMessage {
  /** The expenditure table's column on its 合计 row, and the budget block's row in its 全年执行数 column. */
  readonly expenditurePart: Name;
  readonly budgetRow: Name;
  readonly budgetColumn: Name;
  readonly expenditureFen: number;
  readonly expenditureUnit: MoneyUnit;
  readonly budgetFen: number;
  readonly budgetUnit: MoneyUnit;
  readonly roundingToleranceFen?: number;
  /** The unit the tolerance is stated in (the coarser of the two). */
  readonly toleranceUnit: MoneyUnit;
}

function crossMessage(m: CrossMessage): Localized {
  const x = amountDigits(m.expenditureFen, m.expenditureUnit);
  const b = amountDigits(m.budgetFen, m.budgetUnit);
  const d = amountDigits(m.expenditureFen - m.budgetFen, m.expenditureUnit);
  const xu = m.expenditureUnit;
  const bu = m.budgetUnit;
  let zh =
    `支出决算表合计行「${m.expenditurePart.zh}」填列 ${x} ${xu}，` +
    `预算执行情况「${m.budgetColumn.zh}」${m.budgetRow.zh}为 ${b} ${bu}，相差 ${d} ${xu}`;
  let en =
    `The expenditure table's total row shows ${m.expenditurePart.en} of ${x} ${unitGloss(xu)}, ` +
    `but the budget execution block's ${m.budgetColumn.en} of ${m.budgetRow.en} is ${b} ${unitGloss(bu)}; ` +
    `difference ${d} ${xu}`;
  if (m.roundingToleranceFen !== undefined) {
    const t = amountDigits(m.roundingToleranceFen, m.toleranceUnit);
    zh += `（尾差，在允许误差 ${t} ${m.toleranceUnit} 以内）`;
    en += `; a rounding difference (尾差) within the tolerance of ${t} ${m.toleranceUnit}`;
  }
  return localized(zh, en);
}
