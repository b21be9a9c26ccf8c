/**
 * project.department-sum: the projects' 全年执行数 together are at most the department's 项目支出 全年执行数 (issue 13).
 * A warning, not an error: not every project is evaluated, so less is normal and only more is suspicious.
 */
import { amountDigits, unitGloss } from "../../format";
import { localized } from "../../i18n";
import type { AmountCell, CellPos } from "../../tables";
import { defineRule } from "../rule";

export const projectDepartmentSum = defineRule({
  id: "project.department-sum",
  meta: {
    table: "project",
    severity: "warning",
    name: localized("项目执行数超部门项目支出", "Projects above project spending"),
    description: localized(
      "各项目支出绩效自评表的全年执行数之和不超过部门预算执行情况中项目支出的全年执行数",
      "The projects' full-year execution together does not exceed the department's project spending (full-year execution)",
    ),
  },
  check({ workbook, report }) {
    const projects = workbook.projects ?? [];
    const department = workbook.budget?.kinds.project?.cells.executed;
    if (projects.length === 0 || !department || department.parsed.kind !== "amount") return;
    const cells: CellPos[] = [];
    let sum = 0;
    for (const form of projects) {
      const executed: AmountCell | undefined = form.budget?.total.cells.executed;
      if (!executed || executed.parsed.kind !== "amount") continue;
      sum += executed.parsed.fen;
      cells.push(executed.pos);
    }
    const limit = department.parsed.fen;
    if (cells.length === 0 || sum <= limit) return;
    const unit = workbook.budget?.unit ?? "万元";
    const s = amountDigits(sum, unit);
    const l = amountDigits(limit, unit);
    const d = amountDigits(sum - limit, unit);
    report({
      cells: [department.pos, ...cells],
      expectedFen: limit,
      actualFen: sum,
      differenceFen: sum - limit,
      unit,
      message: localized(
        `${cells.length} 个项目的全年执行数合计 ${s} ${unit}，超过部门项目支出全年执行数 ${l} ${unit}，超出 ${d} ${unit}`,
        `The full-year execution of ${cells.length} projects adds up to ${s} ${unitGloss(unit)}, above the department's project spending of ${l}, by ${d}`,
      ),
    });
  },
});
