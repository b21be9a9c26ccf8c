/** text.rate: The budget execution rate or an indicator's percentage the report's text states differs from the tables'. */
import { localized } from "../../i18n";
import { reportDisagreements } from "../../text/report";
import { defineRule } from "../rule";

export const textRate = defineRule({
  id: "text.rate",
  meta: {
    table: "any",
    severity: "error",
    name: localized("报告百分比与表不符", "Percentage in the report differs from the tables"),
    description: localized(
      "报告文字所写预算执行率或指标百分比与表中数值不一致",
      "The budget execution rate or an indicator's percentage the report's text states differs from the tables'",
    ),
  },
  checkText({ comparisons, report }) {
    reportDisagreements(comparisons, "rate", report);
  },
});
