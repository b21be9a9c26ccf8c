/** text.score: The total, execution or indicator score the report's text states differs from the rules' score. */
import { localized } from "../../i18n";
import { reportDisagreements } from "../../text/report";
import { defineRule } from "../rule";

export const textScore = defineRule({
  id: "text.score",
  meta: {
    table: "any",
    severity: "warning",
    name: localized("报告分数与评分不符", "Score in the report differs from the scoring"),
    description: localized(
      "报告文字所写总分、预算执行率得分或指标得分与按评分规则计算的分数不一致",
      "The total, execution or indicator score the report's text states differs from the rules' score",
    ),
  },
  checkText({ comparisons, report }) {
    reportDisagreements(comparisons, "score", report);
  },
});
