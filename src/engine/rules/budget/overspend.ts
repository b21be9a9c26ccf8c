/** budget.overspend: 全年执行数 above 全年预算数 on a row of the budget execution block — spending beyond the budget. */
import { budgetColumnName, namedBudgetRows } from "../../check/budget-view";
import { capitalize } from "../../check/labels";
import { amountDigits, unitGloss } from "../../format";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const budgetOverspend = defineRule({
  id: "budget.overspend",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行数超预算", "Spending above budget"),
    description: localized(
      "预算执行情况某一行的全年执行数大于全年预算数",
      "On a row of the budget execution block, the full-year execution exceeds the full-year budget",
    ),
  },
  check({ workbook, report }) {
    const block = workbook.budget;
    if (!block) return;
    // With no 全年预算数 column (贵州's form), the 年初预算数 is the only budget the spending can exceed.
    const against = !block.columns.budget && block.columns.initial ? "initial" : "budget";
    for (const { row, name } of namedBudgetRows(block)) {
      const executed = row.cells.executed;
      const budget = row.cells[against];
      if (!executed || !budget || executed.parsed.kind !== "amount" || budget.parsed.kind !== "amount")
        continue;
      const executedFen = executed.parsed.fen;
      const budgetFen = budget.parsed.fen;
      if (executedFen <= budgetFen) continue;
      const executedColumn = budgetColumnName(block, "executed");
      const budgetColumn = budgetColumnName(block, against);
      const u = block.unit;
      const a = amountDigits(executedFen, u);
      const e = amountDigits(budgetFen, u);
      const d = amountDigits(executedFen - budgetFen, u);
      report({
        cells: [executed.pos, budget.pos],
        expectedFen: budgetFen,
        actualFen: executedFen,
        differenceFen: executedFen - budgetFen,
        unit: u,
        message: localized(
          `${name.zh}：${executedColumn.zh} ${a} ${u} 超过${budgetColumn.zh} ${e} ${u}，超出 ${d} ${u}`,
          `${capitalize(name.en)}: ${executedColumn.en} ${a} ${unitGloss(u)} exceeds the ${budgetColumn.en} ${e}, by ${d}`,
        ),
      });
    }
  },
});
