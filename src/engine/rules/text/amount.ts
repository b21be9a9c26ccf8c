/** text.amount: An amount the report's text states (budget, spending by source or nature, an indicator's amount) differs from the tables' after rounding to the text's precision. */
import { localized } from "../../i18n";
import { reportDisagreements } from "../../text/report";
import { defineRule } from "../rule";

export const textAmount = defineRule({
  id: "text.amount",
  meta: {
    table: "any",
    severity: "error",
    name: localized("报告金额与表不符", "Amount in the report differs from the tables"),
    description: localized(
      "报告文字所写金额（预算收支、按来源和性质分列的支出、指标的金额）与表中数额不一致（按文字所写位数取舍后比较）",
      "An amount the report's text states (budget, spending by source or nature, an indicator's amount) differs from the tables' after rounding to the text's precision",
    ),
  },
  checkText({ comparisons, report }) {
    reportDisagreements(comparisons, "amount", report);
  },
});
