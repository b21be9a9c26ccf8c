/** indicator.unit-mismatch: target and actual carry units that do not convert (个 against 项); compared as written. */
import { enName, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { defineRule } from "../rule";

export const indicatorUnitMismatch = defineRule({
  id: "indicator.unit-mismatch",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("单位不一致", "Unit mismatch"),
    description: localized(
      "年度指标值与实际完成值的单位无法换算，已按数值直接比较",
      "The target's and the actual's units cannot be converted; the numbers were compared as written",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      if (!d.unitMismatch) continue;
      const t = quoteText(d.unitMismatch.targetUnit);
      const a = quoteText(d.unitMismatch.actualUnit);
      report({
        cells: [d.row.actual.pos],
        message: localized(
          `${zhName(d.label)}的目标单位“${t}”与实际完成值单位“${a}”无法换算，已按数值直接比较，请核对`,
          `The target unit of ${enName(d.label)} ("${t}") and the actual's unit ("${a}") cannot be converted; the numbers were compared as written, please check`,
        ),
      });
    }
  },
});
