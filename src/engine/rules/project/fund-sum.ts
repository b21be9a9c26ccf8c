/**
 * project.fund-sum: in each amount column of a project form's fund block (issue 13), 年度资金总额 equals 当年财政拨款
 * + 上年结转资金 + 其他资金 (and any other source the form lists), wherever one of the parts has a value. Runs over each
 * project form's view, where the department's sum.breakdown does not.
 */
import {
  budgetColumnName,
  budgetPosition,
  presentColumns,
  sourceRows,
  totalRow,
  type NamedRow,
} from "../../check/budget-view";
import { contribution, hasValue, sumOf } from "../../check/compare";
import { joinParts, labelOr } from "../../check/labels";
import { reportSum } from "../../check/sum-finding";
import { sumMessage } from "../../check/sum-message";
import { localized } from "../../i18n";
import { toleranceFen } from "../../money";
import type { AmountCell } from "../../tables";
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
      const partCells = parts.map((p) => p.row.cells[column]);
      if (!partCells.some(hasValue)) continue;
      const expected = sumOf(partCells);
      const actual = contribution(total.row.cells[column]);
      if (expected === "bad" || actual === "bad") continue;
      const totalPos = budgetPosition(block, total.row, column);
      if (!totalPos) continue;
      reportSum(context, {
        table: "project",
        unit: block.unit,
        cells: [totalPos, ...partCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos)],
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
  },
});
