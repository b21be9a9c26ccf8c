/**
 * sum.breakdown: in each amount column of the budget execution block (domain.md §3.1, §4), 年度资金总额 equals the sum
 * by fund source and the sum by spending kind.
 */
import {
  budgetColumnName,
  budgetPosition,
  kindRows,
  presentColumns,
  sourceRows,
  totalRow,
  type NamedRow,
} from "../../check/budget-view";
import { contribution, hasValue, judge, sumOf } from "../../check/compare";
import { joinParts } from "../../check/labels";
import { reportSum } from "../../check/sum-finding";
import { sumMessage } from "../../check/sum-message";
import { localized } from "../../i18n";
import { toleranceFen } from "../../money";
import type { AmountCell, BudgetBlock, BudgetColumn, CellPos } from "../../tables";
import { defineRule, type RuleContext } from "../rule";

export const sumBreakdown = defineRule({
  id: "sum.breakdown",
  meta: {
    table: "budget",
    severity: "error",
    name: localized("预算分项合计", "Budget breakdown"),
    description: localized(
      "预算执行情况各列中，年度资金总额等于按资金来源之和、也等于按支出性质之和",
      "In each column of the budget execution block, the total equals the sum by fund source and the sum by spending kind",
    ),
    also: ["sum.rounding"],
    // A project form's fund block has no 按支出性质分 and a 上年结转资金 part: project.fund-sum checks it.
    wholeWorkbookOnly: true,
  },
  check(context) {
    const block = context.workbook.budget;
    if (!block) return;
    const tolerance = toleranceFen(block.unit, context.options.toleranceInUnit);
    const total = totalRow(block);
    for (const column of presentColumns(block)) {
      const breakdowns = [
        ["sources", sourceRows(block)],
        ["kinds", kindRows(block)],
      ] as const;
      for (const [which, parts] of breakdowns) {
        // The heading's own subtotal ("按支出性质分：1925.67") stands in the 全年执行数 column.
        const subtotal = column === "executed" ? block.subtotals?.[which] : undefined;
        checkBreakdown(context, block, column, total, parts, tolerance, subtotal);
      }
    }
  },
});

/** "按支出性质分：1925.67" → "按支出性质分". */
function headingName(cell: AmountCell): string {
  const text = typeof cell.raw === "string" ? cell.raw : "";
  return text.replace(/[:：][^:：]*$/, "").trim() || "小计";
}

function checkBreakdown(
  context: RuleContext<"sum.rounding">,
  block: BudgetBlock,
  column: BudgetColumn,
  total: NamedRow,
  parts: readonly NamedRow[],
  tolerance: number,
  subtotal?: AmountCell,
): void {
  const partCells = parts.map((p) => p.row.cells[column]);
  // Many filings break the total down only in 全年执行数; a column with no part filled in is not a breakdown.
  if (!partCells.some(hasValue)) return;
  const expected = sumOf(partCells);
  const actual = contribution(total.row.cells[column]);
  if (expected === "bad" || actual === "bad") return;
  const totalPos = budgetPosition(block, total.row, column);
  if (!totalPos) return;
  const partPositions = partCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos);
  // The filer's own subtotal: checked against its parts; when it agrees with them, it is the figure that misses the
  // total, so the finding about the total names it first.
  let leading: CellPos[] = [];
  if (subtotal?.parsed.kind === "amount") {
    const stated = subtotal.parsed.fen;
    const name = headingName(subtotal);
    if (judge(stated, expected, tolerance) === "mismatch") {
      reportSum(context, {
        table: "budget",
        unit: block.unit,
        cells: [subtotal.pos, ...partPositions],
        expectedFen: expected,
        actualFen: stated,
        toleranceFen: tolerance,
        message: (rounding) =>
          sumMessage({
            context: budgetColumnName(block, column),
            parts: joinParts(parts.map((p) => p.name)),
            aggregate: { zh: name, en: "the subtotal" },
            expectedFen: expected,
            actualFen: stated,
            unit: block.unit,
            roundingToleranceFen: rounding,
          }),
      });
    } else {
      leading = [subtotal.pos];
    }
  }
  reportSum(context, {
    table: "budget",
    unit: block.unit,
    cells: [...leading, totalPos, ...partPositions],
    expectedFen: expected,
    actualFen: actual,
    toleranceFen: tolerance,
    message: (rounding) =>
      sumMessage({
        context: budgetColumnName(block, column),
        parts: joinParts(parts.map((p) => p.name)),
        aggregate: { zh: total.name.zh, en: "total" },
        expectedFen: expected,
        actualFen: actual,
        unit: block.unit,
        roundingToleranceFen: rounding,
      }),
  });
}
