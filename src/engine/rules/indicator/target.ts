/** indicator.target: an indicator's 年度指标值 is blank or cannot be read, so it cannot be scored. */
import { enName, enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { defineRule } from "../rule";

export const indicatorTarget = defineRule({
  id: "indicator.target",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("指标值无法识别", "Unreadable target"),
    description: localized(
      "年度指标值未填写或无法识别，该指标无法评分",
      "A target is blank or cannot be read, so the indicator cannot be scored",
    ),
  },
  checkScores({ workbook, scores, report }) {
    // A 评分表 has no 年度指标值: its 评分标准 column stands in the target's place and is the form's, not the filer's.
    if (workbook.indicators?.byCriteria) return;
    for (const d of scores.indicators) {
      // An error value (#REF!) is already the checker's value.error on the same cell; one finding per problem.
      if (d.target.kind !== "invalid" || d.target.reason === "error") continue;
      // A dash target judged by the outcome its actual states (score/indicator.ts) was scored: nothing to report.
      if (d.path === "tier") continue;
      const written = d.targetWritten;
      report({
        cells: [d.row.target.pos],
        message:
          written === ""
            ? localized(
                `${zhName(d.label)}未填写年度指标值，无法评分`,
                `${enSubject(d.label)} has no target: it cannot be scored`,
              )
            : localized(
                `${zhName(d.label)}的年度指标值“${quoteText(written)}”无法识别：应为数量（如 ≥15个）或定性描述`,
                `The target of ${enName(d.label)} ("${quoteText(written)}") cannot be read: write a quantity (e.g. ≥15个) or a qualitative description`,
              ),
      });
    }
  },
});
