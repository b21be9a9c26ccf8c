/**
 * review.score-range: a typed 得分 above its row's 分值, or below 0 — on an indicator row or on the budget block's
 * execution row (whose 分值 is its own, else the configured 10).
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { EXECUTION_WEIGHT } from "../../score/execution";
import { cmp, fromInt, sign, sub, toFixed, type Ratio } from "../../score/exact";
import type { CellPos } from "../../tables";
import { defineRule } from "../rule";
import { points, quoted, typedExecutionWeight, typedPoints } from "../typed-values";

export const reviewScoreRange = defineRule({
  id: "review.score-range",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("得分超出范围", "Score out of range"),
    description: localized(
      "填报得分高于该行分值，或为负数",
      "A typed score is above its row's weight, or below 0",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const check = (
      cell: CellPos,
      typed: Ratio,
      weight: Ratio | null,
      zh: string,
      en: string,
      table: "indicators" | "budget",
    ): void => {
      const t = quoted(points(typed));
      if (sign(typed) < 0) {
        report({
          cells: [cell],
          table,
          message: localized(
            `${zh}填报得分 ${t} 为负数：得分应在 0 至分值之间`,
            `${en}: the typed score ${t} is negative; a score lies between 0 and the weight`,
          ),
        });
      } else if (weight !== null && cmp(typed, weight) > 0) {
        const over = toFixed(sub(typed, weight), 2);
        report({
          cells: [cell],
          table,
          message: localized(
            `${zh}填报得分 ${t} 高于分值 ${points(weight)}，多出 ${over} 分：得分不能超过分值`,
            `${en}: the typed score ${t} is above the weight ${points(weight)} by ${over}; a score cannot exceed its weight`,
          ),
        });
      }
    };
    for (const d of scores.indicators) {
      // A qualitative row's typed score outside its tier is indicator.qualitative-tier's finding: one per problem.
      if (!d.row.score || d.typed === null || d.tier?.typedOutsideTier) continue;
      const weight = d.weightRead.kind === "ok" ? d.weight : null;
      check(d.row.score.cell.pos, d.typed, weight, zhName(d.label), enSubject(d.label), "indicators");
    }
    const extra = workbook.budget?.extra;
    if (extra?.score) {
      const typed = typedPoints(extra.score.raw, extra.score.text);
      const weight = typedExecutionWeight(workbook) ?? fromInt(EXECUTION_WEIGHT);
      if (typed !== null) check(extra.score.pos, typed, weight, "预算执行率", "Budget execution", "budget");
    }
  },
});
