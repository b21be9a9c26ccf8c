/**
 * review.execution-weight: the points the form gives budget execution — its 分值 cell, or the points stated in the
 * block's header ("得分 (20分*执行率)") — are not the configured 10.
 */
import { localized } from "../../i18n";
import { EXECUTION_WEIGHT } from "../../score/execution";
import { cmp, fromInt } from "../../score/exact";
import { defineRule } from "../rule";
import { points, quoted, typedExecutionWeight } from "../typed-values";

export const reviewExecutionWeight = defineRule({
  id: "review.execution-weight",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率分值", "Execution weight"),
    description: localized(
      "预算执行率一行填报的分值（或表头标明的分值）不是评分规则规定的 10 分",
      "The weight typed on the budget execution row (or stated in its header) is not the 10 points of the scoring rules",
    ),
  },
  checkScores({ workbook, report }) {
    const stated = workbook.budget?.executionWeight;
    const typed = typedExecutionWeight(workbook);
    if (!stated || !typed || cmp(typed, fromInt(EXECUTION_WEIGHT)) === 0) return;
    const ten = EXECUTION_WEIGHT;
    const p = points(typed);
    // The score typed under those points is the figure that changes with them: named too, so the filer sees both.
    const typedScore = workbook.budget?.extra?.score;
    report({
      cells: typedScore ? [stated.cell, typedScore.pos] : [stated.cell],
      message: localized(
        `预算执行率按 ${quoted(p)} 分计，评分规则为 ${ten} 分（按 ${ten} 分计算执行率得分和总分）：请改为 ${ten} 分，并相应调整指标分值使合计为 100 分`,
        `Budget execution is given ${quoted(p)} points; the scoring rules give it ${ten} (the score and the total use ${ten}): change it to ${ten} and adjust the indicator weights so they total 100`,
      ),
    });
  },
});
