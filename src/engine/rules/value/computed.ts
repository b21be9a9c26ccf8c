/** value.computed: formulas saved without a result (openpyxl, report exporters) whose values this tool computed. */
import { rangeToA1 } from "../../a1";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

/** How many cells the message names before it says "等 N 个". */
const NAMED = 10;

export const valueComputed = defineRule({
  id: "value.computed",
  meta: {
    table: "any",
    severity: "notice",
    name: localized("公式由本工具计算", "Formula computed by this tool"),
    description: localized(
      "工作簿保存时公式没有计算结果，其值由本工具计算",
      "The workbook was saved without formula results; this tool computed their values",
    ),
  },
  check({ workbook, report }) {
    for (const { sheet, cells } of workbook.computed ?? []) {
      if (cells.length === 0) continue;
      const named = cells
        .slice(0, NAMED)
        .map((c) => rangeToA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }));
      const more = cells.length - named.length;
      const list = named.join("、");
      report({
        cells,
        message: localized(
          `“${sheet}”：公式未保存计算结果，已由本工具计算：${list}${more > 0 ? ` 等 ${cells.length} 个单元格` : ""}`,
          `“${sheet}”: formulas saved without results were computed by this tool: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
        ),
      });
    }
  },
});
