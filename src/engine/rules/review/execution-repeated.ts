/**
 * review.execution-repeated: the budget block's 分值 / 得分 are typed on its breakdown rows (基本支出, 项目支出 …)
 * as well as on the total row. Only the total row is the execution score; a reader adding the 分值 or 得分 column
 * counts it once per row (贵州 太白: 10 | 10 on three rows, read as 30 points).
 */
import { toA1 } from "../../a1";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const reviewExecutionRepeated = defineRule({
  id: "review.execution-repeated",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率分值重复填报", "Execution points repeated"),
    description: localized(
      "预算执行情况的分值或得分除合计行外，又填在了分项行上",
      "The budget block's 分值 or 得分 is typed on its breakdown rows as well as on the total row",
    ),
  },
  check({ workbook, report }) {
    const block = workbook.budget;
    const cells = block?.partRowPoints ?? [];
    if (!block || cells.length === 0) return;
    const where = cells.map((c) => toA1(c.row, c.col)).join("、");
    const total = block.total.label.text.replace(/[:：]\s*$/, "") || "合计";
    report({
      cells,
      message: localized(
        `预算执行率的分值和得分只属于“${total}”一行，分项行上又填了（${where}），合计时会重复计算：请删去分项行上的分值和得分`,
        `The execution points belong to the “${total}” row alone, yet the breakdown rows carry them too (${where}), so a column total counts them again: clear them on the breakdown rows`,
      ),
    });
  },
});
