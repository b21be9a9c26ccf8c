/**
 * cross.sheet (domain.md §4): the expenditure table's 合计 row equals the budget block's 全年执行数 for the total,
 * 基本支出 and 项目支出. Both are held in 分, so tables in different units compare directly; the tolerance is the
 * coarser table's, since that table could not have been more precise.
 *
 * The expenditure table is the reference: it is the final accounts (决算) as the budget system exports them, while the
 * budget block's breakdown is usually typed in. So the finding points first at the budget block's cell (the one to
 * correct), names both cells, states both figures in the budget block's unit and says which one is the reference.
 */
import { budgetColumnName } from "../../check/budget-view";
import { expenditureColumnName, type ExpenditureColumn } from "../../check/expenditure-view";
import { BUDGET_TOTAL_NAME, KIND_NAMES, labelOr, type Name } from "../../check/labels";
import { reportSum } from "../../check/sum-finding";
import { toA1 } from "../../a1";
import { amountDigits, amountGap, unitGloss } from "../../format";
import { localized, type Localized } from "../../i18n";
import { toleranceFen as toleranceOf, type MoneyUnit } from "../../money";
import type { AmountCell, BudgetRow, CellPos } from "../../tables";
import { defineRule } from "../rule";

interface Pair {
  readonly column: ExpenditureColumn;
  readonly budgetRow: BudgetRow | undefined;
  readonly budgetRowName: Name;
}

export const crossSheet = defineRule({
  id: "cross.sheet",
  meta: {
    table: "budget",
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
        table: "budget",
        unit: budget.unit,
        cells: [budgetCell.pos, expenditureCell.pos],
        expectedFen: x,
        actualFen: b,
        toleranceFen: tolerance,
        message: (rounding) =>
          crossMessage({
            expenditurePart: expenditureColumnName(table, pair.column),
            budgetRow: pair.budgetRowName,
            budgetColumn: budgetColumnName(budget, "executed"),
            expenditureFen: x,
            expenditureCell: expenditureCell.pos,
            budgetFen: b,
            budgetCell: budgetCell.pos,
            unit: budget.unit,
            roundingToleranceFen: rounding,
          }),
      });
    }
  },
});

function amountFen(cell: AmountCell | undefined): number | null {
  return cell && cell.parsed.kind === "amount" ? cell.parsed.fen : null;
}

interface CrossMessage {
  /** The expenditure table's column on its 合计 row, and the budget block's row in its 全年执行数 column. */
  readonly expenditurePart: Name;
  readonly budgetRow: Name;
  readonly budgetColumn: Name;
  readonly expenditureFen: number;
  readonly expenditureCell: CellPos;
  readonly budgetFen: number;
  readonly budgetCell: CellPos;
  /** The budget block's unit: both figures and the gap are stated in it, so a sentence never mixes 元 and 万元. */
  readonly unit: MoneyUnit;
  readonly roundingToleranceFen?: number;
}

function cellRef(pos: CellPos): string {
  return `${pos.sheet}!${toA1(pos.row, pos.col)}`;
}

function crossMessage(m: CrossMessage): Localized {
  const u = m.unit;
  const b = amountDigits(m.budgetFen, u);
  const x = amountDigits(m.expenditureFen, u);
  const { gap, more } = amountGap(m.budgetFen, m.expenditureFen, u);
  let zh =
    `预算执行情况“${m.budgetColumn.zh}”${m.budgetRow.zh}（${cellRef(m.budgetCell)}）为 ${b} ${u}，` +
    `支出决算表合计行“${m.expenditurePart.zh}”（${cellRef(m.expenditureCell)}）为 ${x} ${u}，` +
    `相差 ${gap} ${u}，预算执行情况${more ? "多" : "少"}；以支出决算表为准`;
  let en =
    `The budget execution block's ${m.budgetColumn.en} of ${m.budgetRow.en} (${cellRef(m.budgetCell)}) is ${b} ${unitGloss(u)}, ` +
    `the expenditure table's total row shows ${m.expenditurePart.en} of ${x} (${cellRef(m.expenditureCell)}): ` +
    `${gap} ${more ? "more" : "less"} in the budget block; the expenditure table is the reference`;
  if (m.roundingToleranceFen !== undefined) {
    const t = amountDigits(m.roundingToleranceFen, u);
    zh += `（尾差，在允许误差 ${t} ${u} 以内）`;
    en += `; a rounding difference (尾差) within the tolerance of ${t} ${u}`;
  }
  return localized(zh, en);
}
