/**
 * sum.breakdown: in each amount column of the budget execution block (domain.md §3.1, §4), 年度资金总额 equals the sum
 * by fund source and the sum by spending kind.
 */
import { checkBreakdown } from "../../check/budget-breakdown";
import { kindRows, presentColumns, sourceRows, totalRow } from "../../check/budget-view";
import { localized } from "../../i18n";
import { toleranceFen } from "../../money";
import { defineRule } from "../rule";

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
        checkBreakdown(context, "budget", block, column, total, parts, tolerance, subtotal);
      }
    }
  },
});
