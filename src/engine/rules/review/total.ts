/** review.total: the typed 总分 differs from the total the scoring rules give (execution score + Σ indicator scores). */
import { localized } from "../../i18n";
import { fromNumber, sub, toFixed, ZERO } from "../../score/exact";
import { defineRule } from "../rule";
import { differs, points, POINT_TOLERANCE, pointsGap, quoted, typedTotal } from "../typed-values";

export const reviewTotal = defineRule({
  id: "review.total",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("总分与评分规则不符", "Total differs from the rules"),
    description: localized(
      "填报的总分与按评分规则计算的总分不一致",
      "The typed total differs from the total the scoring rules give",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const total = typedTotal(workbook);
    if (!total) return;
    const rule = fromNumber(scores.result.total) ?? ZERO;
    if (!differs(total.value, rule, POINT_TOLERANCE)) return;
    const r = toFixed(rule, 2);
    const execution = points(fromNumber(scores.result.execution.score) ?? ZERO);
    const indicators = toFixed(sub(rule, fromNumber(scores.result.execution.score) ?? ZERO), 2);
    report({
      cells: [total.cell.pos],
      message: localized(
        `总分填报 ${quoted(total.written)}，按评分规则计算为 ${r}（预算执行率 ${execution} + 指标 ${indicators}），填报${pointsGap(total.value, rule).zh}：请核对各项得分，总分应为 ${r}`,
        `The total is typed as ${quoted(total.written)}; the scoring rules give ${r} (execution ${execution} + indicators ${indicators}), so the typed total is ${pointsGap(total.value, rule).en}: check each score; the total should be ${r}`,
      ),
    });
  },
});
