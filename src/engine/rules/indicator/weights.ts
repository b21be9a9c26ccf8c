/**
 * indicator.weights: each indicator's 分值 must be a number of 0 or more (else it scores 0), and the weights with the
 * 10 points of budget execution must add up to 100.
 */
import { enName, enSubject, zhName } from "../../check/indicator-label";
import { localized, type Localized } from "../../i18n";
import { quoteText } from "../../quote";
import { add, cmp, fromInt, fromNumber, toText } from "../../score/exact";
import { EXECUTION_WEIGHT } from "../../score/execution";
import type { IndicatorLabel, WeightProblem } from "../../score/details";
import { defineRule } from "../rule";

export const indicatorWeights = defineRule({
  id: "indicator.weights",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("指标分值", "Indicator weights"),
    description: localized(
      "指标分值应为不小于 0 的数，且指标分值合计加预算执行率 10 分应为 100 分",
      "Each indicator's weight is a number of 0 or more, and the weights with the 10 points of budget execution total 100",
    ),
  },
  checkScores({ workbook, scores, report }) {
    // No 分值 column and no weights stated: quality.weights-unstated says so once; there is no total to check.
    if (workbook.indicators?.weightsFrom?.kind === "unstated") return;
    for (const d of scores.indicators) {
      const read = d.weightRead;
      if (read.kind === "ok" || read.kind === "error" || read.kind === "unstated") continue;
      report({ cells: [d.row.weight.cell.pos], message: weightMessage(d.label, read) });
    }
    const weights = scores.weights;
    if (!weights) return;
    // A form that gives budget execution points of its own ("(20分)") is checked against them: that those points
    // differ from the configured 10 is review.execution-weight's warning, one finding for one difference.
    const stated = workbook.budget?.executionWeight?.points;
    const execution = stated !== undefined && stated !== EXECUTION_WEIGHT ? stated : EXECUTION_WEIGHT;
    const total = add(weights.indicators, fromNumber(execution) ?? fromInt(EXECUTION_WEIGHT));
    if (cmp(total, fromInt(100)) === 0) return;
    const w = toText(weights.indicators);
    const t = toText(total);
    const x = toText(fromNumber(execution) ?? fromInt(EXECUTION_WEIGHT));
    const own = execution !== EXECUTION_WEIGHT;
    report({
      cells: [weights.header],
      message: localized(
        `指标分值合计 ${w}，加预算执行率 ${x} 分${own ? "（表中所列）" : ""}共 ${t} 分，应为 100 分`,
        `The indicator weights total ${w}; with ${x} for budget execution${own ? " (as the form gives it)" : ""} that is ${t}, not 100`,
      ),
    });
  },
});

/** One row's 分值 that cannot be used: the indicator scores 0 (never below), and the cell says why. */
function weightMessage(label: IndicatorLabel, problem: WeightProblem): Localized {
  switch (problem.kind) {
    case "blank":
      return localized(
        `${zhName(label)}未填写分值，按 0 分计：请填写该指标的分值`,
        `${enSubject(label)} has no weight: scored 0; enter the indicator's points`,
      );
    case "unparsed":
      return localized(
        `${zhName(label)}的分值“${quoteText(problem.text)}”不是数字，按 0 分计：请填写分值，如 10`,
        `The weight of ${enName(label)} ("${quoteText(problem.text)}") is not a number: scored 0; enter the points, e.g. 10`,
      );
    case "negative":
      return localized(
        `${zhName(label)}的分值 ${quoteText(problem.text)} 为负数，按 0 分计：分值应为 0 或正数`,
        `The weight of ${enName(label)} is ${quoteText(problem.text)}, a negative number: scored 0; a weight must be 0 or more`,
      );
  }
}
