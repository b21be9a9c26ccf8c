/** value.text: an amount stored as text; it is read as a number, but Excel's own sums would skip it. */
import { capitalize } from "../../check/labels";
import { valueSites } from "../../check/value-cells";
import { amountDigits, unitGloss } from "../../format";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const valueText = defineRule({
  id: "value.text",
  meta: {
    table: "any",
    severity: "notice",
    name: localized("文本型数字", "Number stored as text"),
    description: localized(
      "金额以文本形式存储（已按数值读取）",
      "An amount is stored as text (it was read as a number)",
    ),
  },
  check({ workbook, report }) {
    for (const { parsed, pos, where, table, unit } of valueSites(workbook)) {
      if (parsed.kind !== "amount" || !parsed.fromText || !unit) continue;
      const a = amountDigits(parsed.fen, unit);
      report({
        cells: [pos],
        table,
        actualFen: parsed.fen,
        unit,
        message: localized(
          `${where.zh}：金额 ${a} ${unit} 以文本形式存储，已按数值读取，建议改为数值格式`,
          `${capitalize(where.en)}: the amount ${a} ${unitGloss(unit)} is stored as text; it was read as a number, but should be entered as one`,
        ),
      });
    }
  },
});
