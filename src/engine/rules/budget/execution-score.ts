/**
 * budget.execution-score: the 得分 typed on the budget block's total row differs from the execution score the rules
 * give (min(1, 执行率) × the configured weight). Seen in published filings: 86.20% typed as 9, 100% typed as 9, a
 * full 10 typed where no rate can be computed. Only when the rules can compute a rate; a typed score beside a block
 * without 全年预算数 or 全年执行数 is left to the reviewer.
 */
import { localized } from "../../i18n";
import { numberToDecimalString } from "../../money";
import { pointsOf } from "../../recognize/indicators";
import { defineRule } from "../rule";

/** Rounding noise between a typed 2-decimal score and the rule's. */
const TOLERANCE = 0.005;

export const budgetExecutionScore = defineRule({
  id: "budget.execution-score",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率得分", "Execution score"),
    description: localized(
      "预算执行情况填报的得分与按执行率计算的得分不同",
      "The score typed for budget execution differs from the one the execution rate gives",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const cell = workbook.budget?.extra?.score;
    const execution = scores.result.execution;
    if (!cell || execution.rate === null) return;
    const typed = pointsOf(cell);
    if (typed === null || Math.abs(typed - execution.score) <= TOLERANCE) return;
    const t = numberToDecimalString(typed);
    const s = execution.score.toFixed(2);
    report({
      cells: [cell.pos],
      message: localized(
        `预算执行率得分填报 ${t}，按评分规则应为 ${s}（${execution.method["zh-CN"]}）`,
        `Budget execution is typed as ${t}; the rules give ${s} (${execution.method["en-US"]})`,
      ),
    });
  },
});
