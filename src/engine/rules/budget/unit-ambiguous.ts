/**
 * budget.unit-ambiguous: the budget block's unit is stated differently in different places (the header, the row label
 * beside it, a caption or title above) or an amount carries a unit of its own that is not the table's ("300万元" in a
 * 元 table). The recogniser reads the unit nearest the amounts; this rule says so and names every stating cell, so the
 * accountant settles it instead of the product guessing silently.
 */
import { toA1 } from "../../a1";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const budgetUnitAmbiguous = defineRule({
  id: "budget.unit-ambiguous",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("金额单位不明确", "Unclear money unit"),
    description: localized(
      "预算执行情况的表头、标签、表题或金额本身写出的金额单位不一致",
      "The budget block's header, labels, caption or amounts state different money units",
    ),
  },
  check({ workbook, report }) {
    const block = workbook.budget;
    const ambiguity = block?.unitAmbiguity;
    if (!block || !ambiguity || ambiguity.cells.length === 0) return;
    const units = ambiguity.units.join("、");
    const cells = ambiguity.cells.map((c) => toA1(c.row, c.col)).join("、");
    const cellsEn = ambiguity.cells.map((c) => toA1(c.row, c.col)).join(", ");
    report({
      cells: ambiguity.cells,
      unit: block.unit,
      message: localized(
        `金额单位不明确：${cells} 写出的单位不一致（${units}），已按 ${block.unit} 读取：请统一单位`,
        `Unclear money unit: ${cellsEn} state different units (${ambiguity.units.join(", ")}); read as ${block.unit} — state one unit`,
      ),
    });
  },
});
