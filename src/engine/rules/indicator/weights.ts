/**
 * indicator.weights: each indicator's 分值 must be a number of 0 or more (else it scores 0), and the weights with the
 * 10 points of budget execution must add up to 100.
 */
import { enName, enSubject, zhName } from "../../check/indicator-label";
import { localized, type Localized } from "../../i18n";
import { quoteText } from "../../quote";
import { cmp, fromInt, toText } from "../../score/exact";
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
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      const read = d.weightRead;
      if (read.kind === "ok" || read.kind === "error") continue;
      report({ cells: [d.row.weight.cell.pos], message: weightMessage(d.label, read) });
    }
    const weights = scores.weights;
    if (weights && cmp(weights.total, fromInt(100)) !== 0) {
      const w = toText(weights.indicators);
      const t = toText(weights.total);
      report({
        cells: [weights.header],
        message: localized(
          `指标分值合计 ${w}，加预算执行率 10 分共 ${t} 分，应为 100 分`,
          `The indicator weights total ${w}; with 10 for budget execution that is ${t}, not 100`,
        ),
      });
    }
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
