/**
 * project.fund-sum: in each amount column of a project form's fund block (issue 13), 年度资金总额 equals 当年财政拨款
 * + 上年结转资金 + 其他资金 (and any other source the form lists), wherever one of the parts has a value. Runs over each
 * project form's view, where the department's sum.breakdown does not.
 */
import { checkBreakdown } from "../../check/budget-breakdown";
import { hasValue } from "../../check/compare";
import { presentColumns, sourceRows, totalRow, type NamedRow } from "../../check/budget-view";
import { labelOr } from "../../check/labels";
import { localized } from "../../i18n";
import { toleranceFen } from "../../money";
import { defineRule } from "../rule";

export const projectFundSum = defineRule({
  id: "project.fund-sum",
  meta: {
    table: "project",
    severity: "error",
    name: localized("项目资金合计", "Project fund total"),
    description: localized(
      "项目支出绩效自评表的项目资金各列中，年度资金总额等于当年财政拨款、上年结转资金与其他资金之和",
      "In each column of a project form's fund block, the annual total equals this year's appropriation + the carry-over + other funds",
    ),
    also: ["sum.rounding"],
  },
  check(context) {
    const form = context.workbook.form;
    const block = form?.budget;
    if (!form || !block) return;
    const tolerance = toleranceFen(block.unit, context.options.toleranceInUnit);
    const total = totalRow(block);
    const parts: NamedRow[] = [...sourceRows(block)];
    if (form.carryover)
      parts.push({
        row: form.carryover,
        name: { zh: labelOr(form.carryover.label, "上年结转资金"), en: "carry-over" },
      });
    if (parts.length === 0) return;
    // In the form's own order (当年财政拨款, 上年结转资金, 其他资金), as the accountant reads it.
    parts.sort((a, b) => a.row.label.pos.row - b.row.label.pos.row);
    for (const column of presentColumns(block)) {
      // A 年度资金总额 left blank states no figure to be wrong (宁夏: the 全年执行数 is given only in the 自治区补助
      // column): there is no sum to compare, and the execution score already says the total's figure is missing.
      if (!hasValue(total.row.cells[column])) continue;
      checkBreakdown(context, "project", block, column, total, parts, tolerance);
    }
  },
});
