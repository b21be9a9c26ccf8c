/**
 * quality.template-row: rows of the indicators table left from the template with no figures — a numbering such as
 * "指标2" or "……", a 二级 heading with no indicator under it, a row of "/". They are no indicators; the printed form
 * should not show them. One finding per table (issue 11 §2), naming every such row: a template left whole has a dozen.
 */
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const qualityTemplateRow = defineRule({
  id: "quality.template-row",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("模板占位行未删除", "Template rows left in"),
    description: localized(
      "绩效指标表中留有模板的占位行（“指标2”“……”、没有指标的二级指标行或整行“/”），每张表报告一次",
      "The indicators table keeps placeholder rows of the template (“指标2”, “……”, a 二级 heading with no indicator, a row of “/”), reported once per table",
    ),
  },
  check({ workbook, report }) {
    const cells = workbook.indicators?.placeholderRows ?? [];
    if (cells.length === 0) return;
    const rows = cells.map((c) => c.pos.row + 1);
    const texts = [...new Set(cells.map((c) => c.text))].map(quoted);
    if (cells.length === 1) {
      report({
        cells: [cells[0].pos],
        message: localized(
          `第 ${rows[0]} 行是模板留下的空行 ${texts[0]}，没有指标值、完成值和分值：请填写该指标，或删除此行`,
          `Row ${rows[0]} is an empty row left from the template (${texts[0]}) with no target, actual or weight: fill in the indicator, or delete the row`,
        ),
      });
      return;
    }
    const enRows = `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
    report({
      cells: cells.map((c) => c.pos),
      message: localized(
        `第 ${rows.join("、")} 行是模板留下的空行（${texts.join("、")}），没有指标值、完成值和分值：请填写这些指标，或删除这些行`,
        `Rows ${enRows} are empty rows left from the template (${texts.join(", ")}) with no target, actual or weight: fill in the indicators, or delete the rows`,
      ),
    });
  },
});
