/** value.negative: a negative amount, rare enough in a budget table to be worth a second look. */
import { capitalize } from "../../check/labels";
import { valueSites } from "../../check/value-cells";
import { amountDigits, unitGloss } from "../../format";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const valueNegative = defineRule({
  id: "value.negative",
  meta: {
    table: "any",
    severity: "warning",
    name: localized("负数", "Negative amount"),
    description: localized("金额为负数", "An amount is negative"),
  },
  check({ workbook, report }) {
    for (const { parsed, pos, where, table, unit } of valueSites(workbook)) {
      if (parsed.kind !== "amount" || parsed.fen >= 0 || !unit) continue;
      const a = amountDigits(parsed.fen, unit);
      report({
        cells: [pos],
        table,
        actualFen: parsed.fen,
        unit,
        message: localized(
          `${where.zh}：金额为负数 ${a} ${unit}，请确认`,
          `${capitalize(where.en)}: negative amount ${a} ${unitGloss(unit)}; please confirm it`,
        ),
      });
    }
  },
});
