/** text.grade: The grade the report's text states is not the grade of the rules' total. */
import { localized } from "../../i18n";
import { reportDisagreements } from "../../text/report";
import { defineRule } from "../rule";

export const textGrade = defineRule({
  id: "text.grade",
  meta: {
    table: "any",
    severity: "warning",
    name: localized("报告等级与评分不符", "Grade in the report differs from the scoring"),
    description: localized(
      "报告文字所写评价等级与按总分计算的等级不一致",
      "The grade the report's text states is not the grade of the rules' total",
    ),
  },
  checkText({ comparisons, report }) {
    reportDisagreements(comparisons, "grade", report);
  },
});
