/**
 * review.execution-score: the 得分 typed on the budget block's total row differs from min(1, 执行率) × its 分值 (the
 * row's own 分值 when it states one, else the configured 10), or is typed where no rate can be computed.
 */
import { localized } from "../../i18n";
import { EXECUTION_WEIGHT } from "../../score/execution";
import { cmp, fromInt, max, min, mul, ONE, sign, toFixed, ZERO } from "../../score/exact";
import { roundScore } from "../../score/rules";
import { defineRule } from "../rule";
import {
  differs,
  executionRatio,
  percent,
  points,
  POINT_TOLERANCE,
  pointsGap,
  quoted,
  typedPoints,
  typedExecutionWeight,
  typedRate,
  writtenText,
} from "../typed-values";

export const reviewExecutionScore = defineRule({
  id: "review.execution-score",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率得分填报有误", "Typed execution score"),
    description: localized(
      "预算执行率的填报得分与 min(1, 执行率) × 分值 不一致",
      "The typed execution score differs from min(1, execution rate) × its weight",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const budget = workbook.budget;
    const cell = budget?.extra?.score;
    if (!budget || !cell) return;
    const typed = typedPoints(cell.raw, cell.text);
    if (typed === null) return;
    const written = writtenText(cell.raw, cell.text);
    const rate = executionRatio(scores);
    if (rate === null) {
      // With a typed rate beside it, review.execution-rate already says the rate cannot be computed.
      const rateCell = budget.extra?.rate;
      if (rateCell && typedRate(rateCell.raw, rateCell.text)) return;
      if (sign(typed) === 0) return;
      report({
        cells: [cell.pos],
        message: localized(
          `预算执行率得分填报 ${quoted(written)}，但全年预算数或全年执行数为空（或预算数为 0），无法计算执行率，应得 0 分：请补填预算数和执行数`,
          `The execution score is typed as ${quoted(written)}, but 全年预算数 or 全年执行数 is blank (or the budget is 0), so no rate can be computed and it scores 0: fill in both figures`,
        ),
      });
      return;
    }
    const weight = typedExecutionWeight(workbook) ?? fromInt(EXECUTION_WEIGHT);
    const expected = roundScore(mul(weight, max(min(rate, ONE), ZERO)));
    if (!differs(typed, expected, POINT_TOLERANCE)) return;
    const w = points(weight);
    const p = percent(rate);
    const capped = cmp(rate, ONE) > 0 ? "（执行率超过 100% 按 100% 计）" : "";
    const cappedEn = cmp(rate, ONE) > 0 ? " (a rate above 100% counts as 100%)" : "";
    const gap = pointsGap(typed, expected);
    report({
      cells: [cell.pos, ...(budget.extra?.rate ? [budget.extra.rate.pos] : [])],
      message: localized(
        `预算执行率得分填报 ${quoted(written)}，执行率 ${p}，按 ${w} × ${p} 应得 ${toFixed(expected, 2)} 分${capped}，${gap.zh}：请改为 ${toFixed(expected, 2)}`,
        `The execution score is typed as ${quoted(written)}; at an execution rate of ${p} it is ${w} × ${p} = ${toFixed(expected, 2)}${cappedEn}, ${gap.en}: change it to ${toFixed(expected, 2)}`,
      ),
    });
  },
});
