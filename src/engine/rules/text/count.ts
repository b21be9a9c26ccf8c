/** text.count: A count the report's text states (in digits or Chinese numerals) differs from the indicator's actual value. */
import { localized } from "../../i18n";
import { reportDisagreements } from "../../text/report";
import { defineRule } from "../rule";

export const textCount = defineRule({
  id: "text.count",
  meta: {
    table: "any",
    severity: "error",
    name: localized("报告数量与表不符", "Count in the report differs from the tables"),
    description: localized(
      "报告文字所写数量（个、项、家…，含汉字数字）与指标实际完成值不一致",
      "A count the report's text states (in digits or Chinese numerals) differs from the indicator's actual value",
    ),
  },
  checkText({ comparisons, report }) {
    reportDisagreements(comparisons, "count", report);
  },
});
