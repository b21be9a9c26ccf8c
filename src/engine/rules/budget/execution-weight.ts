/**
 * budget.execution-weight: the form gives the execution score other points than the configured weight (a 分值 of 20
 * on the 年度资金总额 row, "预算执行情况（20分）"). The configured weight (default 10) stays the rule; the filer is told
 * at the cell where the form states its own, so a difference in the total is not a surprise.
 */
import { localized } from "../../i18n";
import { numberToDecimalString } from "../../money";
import { defineRule } from "../rule";

export const budgetExecutionWeight = defineRule({
  id: "budget.execution-weight",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率分值与设置不同", "Execution points differ from the setting"),
    description: localized(
      "表中预算执行率的分值与设置的执行率分值不同；评分按设置计算",
      "The form gives budget execution other points than the configured weight; scoring uses the configured weight",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const stated = workbook.budget?.executionWeight;
    const configured = scores.result.execution.weight;
    if (!stated || stated.points === configured) return;
    const s = numberToDecimalString(stated.points);
    const c = numberToDecimalString(configured);
    report({
      cells: [stated.cell],
      message: localized(
        `表中预算执行率为 ${s} 分，评分规则按设置的 ${c} 分计：如本地规定为 ${s} 分，请在设置中修改执行率分值`,
        `The form gives budget execution ${s} points; scoring uses the configured ${c} — if your rules say ${s}, change the execution weight in the settings`,
      ),
    });
  },
});
