/**
 * sum.column: in each amount column of the expenditure table (domain.md §3.2, §4), a 类 is the sum of its 款, a 款 the
 * sum of its 项, and the 合计 row the sum of the 类 rows.
 */
import { contribution } from "../../check/compare";
import {
  buildHierarchy,
  cellIn,
  expenditureColumnName,
  expenditureColumns,
  expenditurePosition,
  type Aggregate,
  type ExpenditureColumn,
} from "../../check/expenditure-view";
import { expenditureRowName, type Name } from "../../check/labels";
import { reportSum } from "../../check/sum-finding";
import { sumMessage } from "../../check/sum-message";
import { localized } from "../../i18n";
import { toleranceFen } from "../../money";
import type { AmountCell, ExpenditureTable } from "../../tables";
import { defineRule, type RuleContext } from "../rule";

export const sumColumn = defineRule({
  id: "sum.column",
  meta: {
    table: "expenditure",
    severity: "error",
    name: localized("列合计", "Column total"),
    description: localized(
      "支出决算表各列中，类级科目等于其款级科目之和，款等于项之和，合计行等于各类之和",
      "In each column of the expenditure table, a category equals the sum of its items, and the total row the sum of the categories",
    ),
    also: ["sum.rounding"],
  },
  check(context) {
    for (const table of context.workbook.expenditures) {
      const tolerance = toleranceFen(table.unit, context.options.toleranceInUnit);
      const columns = expenditureColumns(table);
      for (const aggregate of buildHierarchy(table)) {
        if (aggregate.children.length === 0) continue;
        for (const column of columns) checkAggregate(context, table, aggregate, column, tolerance);
      }
    }
  },
});

function checkAggregate(
  context: RuleContext<"sum.rounding">,
  table: ExpenditureTable,
  { row, children }: Aggregate,
  column: ExpenditureColumn,
  tolerance: number,
): void {
  const actual = contribution(cellIn(row, column));
  if (actual === "bad") return;
  let expected = 0;
  for (const child of children) {
    const c = contribution(cellIn(child, column));
    if (c === "bad") return;
    expected += c;
  }
  if (expected === actual) return;
  const childCells = children.map((c) => cellIn(c, column));
  const rowName = expenditureRowName(row);
  const n = children.length;
  const parts: Name = row.isTotal
    ? {
        zh: `各类级科目（${n} 个）之和`,
        en: `the sum of the ${n} ${n === 1 ? "category" : "categories"} (类)`,
      }
    : {
        zh: `${rowName.zh}的下级科目（${n} 个）之和`,
        en: `the sum of the ${n} sub-item${n === 1 ? "" : "s"} of ${rowName.en}`,
      };
  const columnName = expenditureColumnName(table, column);
  reportSum(context, {
    table: "expenditure",
    unit: table.unit,
    cells: [
      expenditurePosition(table, row, column),
      ...childCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos),
    ],
    expectedFen: expected,
    actualFen: actual,
    toleranceFen: tolerance,
    message: (rounding) =>
      sumMessage({
        context: { zh: `“${columnName.zh}”列`, en: `${columnName.en} column` },
        parts,
        aggregate: row.isTotal ? { zh: `${rowName.zh}行`, en: rowName.en } : rowName,
        expectedFen: expected,
        actualFen: actual,
        unit: table.unit,
        roundingToleranceFen: rounding,
      }),
  });
}
