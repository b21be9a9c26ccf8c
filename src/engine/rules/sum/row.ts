/** sum.row: on each row of the expenditure table (domain.md §3.2, §4), 合计 is the sum of the part columns. */
import { contribution, sumOf } from "../../check/compare";
import { expenditureColumnName, presentKinds } from "../../check/expenditure-view";
import { expenditureRowName, joinParts } from "../../check/labels";
import { reportSum } from "../../check/sum-finding";
import { sumMessage } from "../../check/sum-message";
import { localized } from "../../i18n";
import { toleranceFen } from "../../money";
import type { AmountCell } from "../../tables";
import { defineRule } from "../rule";

export const sumRow = defineRule({
  id: "sum.row",
  meta: {
    table: "expenditure",
    severity: "error",
    name: localized("行合计", "Row total"),
    description: localized(
      "支出决算表每一行的合计等于基本支出、项目支出等各列之和",
      "On each row of the expenditure table, the total equals the sum of the part columns",
    ),
    also: ["sum.rounding"],
  },
  check(context) {
    for (const table of context.workbook.expenditures) {
      const kinds = presentKinds(table);
      if (kinds.length === 0) continue;
      const tolerance = toleranceFen(table.unit, context.options.toleranceInUnit);
      const parts = joinParts(kinds.map((k) => expenditureColumnName(table, k)));
      const totalName = expenditureColumnName(table, "total");
      for (const row of table.rows) {
        const partCells = kinds.map((k) => row.parts[k]);
        const expected = sumOf(partCells);
        const actual = contribution(row.total);
        // Almost every row adds up: decide that before building names and cell lists.
        if (expected === "bad" || actual === "bad" || expected === actual) continue;
        const rowName = expenditureRowName(row);
        reportSum(context, {
          table: "expenditure",
          unit: table.unit,
          cells: [
            row.total.pos,
            ...partCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos),
          ],
          expectedFen: expected,
          actualFen: actual,
          toleranceFen: tolerance,
          message: (rounding) =>
            sumMessage({
              context: row.isTotal ? { zh: `${rowName.zh}行`, en: rowName.en } : rowName,
              parts,
              aggregate: { zh: totalName.zh, en: "total" },
              expectedFen: expected,
              actualFen: actual,
              unit: table.unit,
              roundingToleranceFen: rounding,
            }),
        });
      }
    }
  },
});
