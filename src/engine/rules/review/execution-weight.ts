/** review.execution-weight: the 分值 typed on the budget block's total row is not the configured 10 points. */
import { localized } from "../../i18n";
import { EXECUTION_WEIGHT } from "../../score/execution";
import { cmp, fromInt } from "../../score/exact";
import { defineRule } from "../rule";
import { quoted, typedPoints, writtenText } from "../typed-values";

export const reviewExecutionWeight = defineRule({
  id: "review.execution-weight",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率分值", "Execution weight"),
    description: localized(
      "预算执行率一行填报的分值不是评分规则规定的 10 分",
      "The weight typed on the budget execution row is not the 10 points of the scoring rules",
    ),
  },
  checkScores({ workbook, report }) {
    const cell = workbook.budget?.extra?.weight;
    if (!cell) return;
    const written = writtenText(cell.raw, "");
    const typed = typedPoints(cell.raw, written);
    const configured = fromInt(EXECUTION_WEIGHT);
    if (typed === null || cmp(typed, configured) === 0) return;
    report({
      cells: [cell.pos],
      message: localized(
        `预算执行率分值填报 ${quoted(written)}，评分规则为 ${EXECUTION_WEIGHT} 分（按 ${EXECUTION_WEIGHT} 分计算执行率得分和总分）：请改为 ${EXECUTION_WEIGHT}，并相应调整指标分值使合计为 100 分`,
        `The execution row's weight is typed as ${quoted(written)}; the scoring rules give it ${EXECUTION_WEIGHT} points (the score and the total use ${EXECUTION_WEIGHT}): change it to ${EXECUTION_WEIGHT} and adjust the indicator weights so they total 100`,
      ),
    });
  },
});
