/** indicator.score-mismatch: a quantitative indicator's typed 得分 differs from the score its rule gives. */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { abs, cmp, ratio, sub, toFixed, toText } from "../../score/exact";
import { defineRule } from "../rule";

/** A user's 得分 may differ from the rule's by rounding noise up to half a cent of a point. */
const SCORE_TOLERANCE = ratio(5n, 1000n);

export const indicatorScoreMismatch = defineRule({
  id: "indicator.score-mismatch",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("得分不一致", "Score differs"),
    description: localized(
      "定量指标填报的得分与按评分规则计算的得分不一致",
      "A quantitative indicator's typed score differs from the score the scoring rule gives",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      const { kind, status, method } = d.result;
      // Missing and unreadable values have their own findings; a typed score beside them adds nothing to fix.
      if (kind !== "quantitative" || d.typed === null || !d.row.score) continue;
      if (status === "missing" || status === "invalid") continue;
      if (cmp(abs(sub(d.typed, d.score)), SCORE_TOLERANCE) <= 0) continue;
      const typed = quoteText(toText(d.typed));
      const rule = toFixed(d.score, 2);
      report({
        cells: [d.row.score.cell.pos],
        message: localized(
          `${zhName(d.label)}填报得分 ${typed}，按评分规则应为 ${rule}（${method["zh-CN"]}）`,
          `${enSubject(d.label)}: the typed score is ${typed}, the scoring rule gives ${rule} (${method["en-US"]})`,
        ),
      });
    }
  },
});
