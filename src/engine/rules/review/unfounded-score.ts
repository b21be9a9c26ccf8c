/**
 * review.unfounded-score: points typed for an indicator whose 年度指标值 or 实际完成值 is blank. The rules score such a
 * row 0 (real filings give such rows full marks, several at a time); the typed score has nothing to rest on.
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { cmp, sign } from "../../score/exact";
import { defineRule } from "../rule";
import { points, quoted } from "../typed-values";

export const reviewUnfoundedScore = defineRule({
  id: "review.unfounded-score",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("无依据得分", "Score without figures"),
    description: localized(
      "指标未填写年度指标值或实际完成值，却填报了得分（常见为满分）",
      "An indicator with no target or no actual value has a typed score (often full marks)",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      const cell = d.row.score;
      if (!cell || d.typed === null || sign(d.typed) <= 0) continue;
      // A dash target judged by the outcome its actual states was scored on that (score/indicator.ts).
      const noTarget = d.target.kind === "invalid" && d.target.reason === "empty" && d.path !== "tier";
      const noActual = d.actual.kind === "missing";
      if (!noTarget && !noActual) continue;
      const typed = quoted(points(d.typed));
      const full = d.weightRead.kind === "ok" && cmp(d.typed, d.weight) >= 0;
      const what =
        noTarget && noActual
          ? { zh: "年度指标值和实际完成值", en: "neither a target nor an actual value", fill: "fill them in" }
          : noTarget
            ? { zh: "年度指标值", en: "no target", fill: "fill in the target" }
            : { zh: "实际完成值", en: "no actual value", fill: "fill in the actual value" };
      report({
        cells: [cell.cell.pos, noTarget ? d.row.target.pos : d.row.actual.pos],
        message: localized(
          `${zhName(d.label)}未填写${what.zh}，却填报得分 ${typed}${full ? "（满分）" : ""}：按评分规则得 0 分；请补填${what.zh}，或将得分改为 0`,
          `${enSubject(d.label)} has ${what.en} yet a typed score of ${typed}${full ? " (full marks)" : ""}: the rules give 0; ${what.fill}, or change the score to 0`,
        ),
      });
    }
  },
});
