/**
 * quality.template-row: a row of the indicators table left from the template with no figures — a numbering such as
 * "指标2" or "……", or a 二级 heading with no indicator under it. It is no indicator; the printed form should not show it.
 */
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const qualityTemplateRow = defineRule({
  id: "quality.template-row",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("模板空行", "Template row left in"),
    description: localized(
      "绩效指标表中留有模板的空行（“指标2”“……”或没有指标的二级指标行）",
      "The indicators table keeps an empty row of the template (“指标2”, “……”, or a 二级 heading with no indicator)",
    ),
  },
  check({ workbook, report }) {
    for (const cell of workbook.indicators?.placeholderRows ?? []) {
      report({
        cells: [cell.pos],
        message: localized(
          `第 ${cell.pos.row + 1} 行是模板留下的空行 ${quoted(cell.text)}，没有指标值、完成值和分值：请填写该指标，或删除此行`,
          `Row ${cell.pos.row + 1} is an empty row left from the template (${quoted(cell.text)}) with no target, actual or weight: fill in the indicator, or delete the row`,
        ),
      });
    }
  },
});
