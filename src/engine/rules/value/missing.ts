/** value.missing: an indicator has no actual value; it scores 0 (missing, which is not the same as not met). */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const valueMissing = defineRule({
  id: "value.missing",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("缺少实际完成值", "Missing actual value"),
    description: localized(
      "指标未填写实际完成值，按 0 分计",
      "An indicator has no actual value and scores 0",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const byCriteria = workbook.indicators?.byCriteria === true;
    for (const d of scores.indicators) {
      if (d.actual.kind !== "missing") continue;
      // A 评分表 row's "actual" is its 自评得分 (tables.ts byCriteria).
      if (byCriteria) {
        report({
          cells: [d.row.actual.pos],
          message: localized(
            `${zhName(d.label)}未填写自评得分，按 0 分计`,
            `${enSubject(d.label)} has no score entered: scored 0`,
          ),
        });
        continue;
      }
      report({
        cells: [d.row.actual.pos],
        message: localized(
          `${zhName(d.label)}未填写实际完成值，按 0 分计（属缺失，不等同于未完成）`,
          `${enSubject(d.label)} has no actual value: scored 0 (missing, which is not the same as not met)`,
        ),
      });
    }
  },
});
