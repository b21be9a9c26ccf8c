/** value.error: a cell a table uses holds an Excel error value, or a formula saved without its result. */
import { valueSites } from "../../check/value-cells";
import { capitalize } from "../../check/labels";
import { localized } from "../../i18n";
import { UNCALCULATED_CODE } from "../../snapshot";
import { defineRule } from "../rule";

export const valueError = defineRule({
  id: "value.error",
  meta: {
    table: "any",
    severity: "error",
    name: localized("错误值", "Error value"),
    description: localized(
      "表格用到的单元格是错误值（#REF!、#DIV/0! 等）或未计算的公式",
      "A cell a table uses holds an error value (#REF!, #DIV/0!, …) or an uncalculated formula",
    ),
  },
  check({ workbook, report }) {
    for (const site of valueSites(workbook)) {
      if (site.parsed.kind !== "error") continue;
      const { where } = site;
      // Not an error in the formula: the workbook was saved without calculating it, so there is no value to check.
      const message =
        site.parsed.code === UNCALCULATED_CODE
          ? localized(
              `${where.zh}：公式没有计算结果，请在 Excel 中重新计算并保存后再检查`,
              `${capitalize(where.en)}: the formula has no calculated result; recalculate and save the workbook in Excel, then check again`,
            )
          : localized(
              `${where.zh}：错误值 ${site.parsed.code}，请修正公式或引用`,
              `${capitalize(where.en)}: error value ${site.parsed.code}; fix the formula or its reference`,
            );
      report({ cells: [site.pos], table: site.table, ...(site.unit ? { unit: site.unit } : {}), message });
    }
  },
});
