/** review.total-sum: the typed 总分 is not the sum of the scores typed on the form (the execution row's and each indicator's). */
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { differs, points, POINT_TOLERANCE, pointsGap, quoted, typedSum, typedTotal } from "../typed-values";

export const reviewTotalSum = defineRule({
  id: "review.total-sum",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("总分与得分合计不符", "Total ≠ sum of scores"),
    description: localized(
      "填报的总分不等于表内各项填报得分之和（预算执行率得分 + 各指标得分）",
      "The typed total is not the sum of the scores typed on the form (execution score + each indicator's)",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const total = typedTotal(workbook);
    const sum = total ? typedSum(workbook, scores) : null;
    if (!total || !sum || !differs(total.value, sum.total, POINT_TOLERANCE)) return;
    const parts = sum.execution
      ? localized(
          `预算执行率 ${points(sum.execution)} + 指标 ${points(sum.indicators)}`,
          `execution ${points(sum.execution)} + indicators ${points(sum.indicators)}`,
        )
      : localized(`指标得分之和`, `the indicators' scores`);
    const s = points(sum.total);
    report({
      cells: [total.cell.pos],
      message: localized(
        `总分填报 ${quoted(total.written)}，表内各项填报得分合计为 ${s}（${parts["zh-CN"]}），填报${pointsGap(total.value, sum.total).zh}：请改为 ${s}，或更正有误的得分`,
        `The total is typed as ${quoted(total.written)}, but the scores typed on the form add up to ${s} (${parts["en-US"]}), so the typed total is ${pointsGap(total.value, sum.total).en}: change it to ${s}, or correct the wrong score`,
      ),
    });
  },
});
