/** quality.placeholder: template placeholder text (XX, ××, 待填写, 待补充, TODO, ……) left where a value belongs. */
import { localized } from "../../i18n";
import { isPlaceholderText } from "../../recognize/typed-figures";
import type { RecognizedWorkbook, TextCell } from "../../tables";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const qualityPlaceholder = defineRule({
  id: "quality.placeholder",
  meta: {
    table: "any",
    severity: "error",
    name: localized("模板占位文字", "Placeholder text"),
    description: localized(
      "应填写内容的单元格仍是模板占位文字（XX、××、待填写、待补充、TODO、……）",
      "A cell that should hold a value still holds the template's placeholder (XX, ××, 待填写, 待补充, TODO, ……)",
    ),
  },
  check({ workbook, report }) {
    for (const cell of workbook.typed?.placeholders ?? []) {
      const table =
        workbook.info?.sheet === cell.pos.sheet && inInfo(workbook, cell.pos.row) ? "info" : "indicators";
      report({
        cells: [cell.pos],
        table,
        message: placeholderMessage(cell),
      });
    }
    // A project form's head (项目名称, 主管部门, 实施单位) left as the template's “××项目”.
    for (const form of workbook.projects ?? []) {
      for (const cell of [form.name, form.supervisor, form.implementer]) {
        if (!cell || !isPlaceholderText(cell.text)) continue;
        report({ cells: [cell.pos], table: "project", message: placeholderMessage(cell) });
      }
    }
  },
});

function placeholderMessage(cell: TextCell) {
  return localized(
    `单元格填写的是模板占位文字 ${quoted(cell.text)}：请填写实际内容（没有的写“无”），不要保留模板文字`,
    `The cell holds the template's placeholder ${quoted(cell.text)}: enter the real value (or 无 for none) instead of the template's text`,
  );
}

function inInfo(workbook: RecognizedWorkbook, row: number): boolean {
  const r = workbook.info?.range;
  return r !== undefined && row >= r.top && row <= r.bottom;
}
