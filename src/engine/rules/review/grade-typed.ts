/** review.grade-typed: the typed 评价等级 is not the grade of the typed 总分 (the form contradicts itself). */
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { GRADE_RANGES, gradeOfPoints, points, quoted, typedTotal } from "../typed-values";

export const reviewGradeTyped = defineRule({
  id: "review.grade-typed",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("等级与填报总分不符", "Grade ≠ typed total"),
    description: localized(
      "填报的评价等级与填报总分对应的等级不一致（优 90 分及以上，良 80–90，中 60–80，差 60 以下）",
      "The typed grade is not the grade of the typed total (优 from 90, 良 from 80, 中 from 60, 差 below)",
    ),
  },
  checkScores({ workbook, report }) {
    const grade = workbook.typed?.grade;
    const total = typedTotal(workbook);
    if (!grade || !total) return;
    const expected = gradeOfPoints(total.value);
    if (expected === grade.grade) return;
    const t = points(total.value);
    report({
      cells: [grade.cell.pos, total.cell.pos],
      message: localized(
        `评价等级填报 ${quoted(grade.cell.text)}，但填报总分 ${t} 对应的等级为“${expected}”（${GRADE_RANGES[expected].zh}）：请改为“${expected}”，或更正总分`,
        `The grade is typed as ${quoted(grade.cell.text)}, but the typed total ${t} is “${expected}” (${GRADE_RANGES[expected].en}): change it to “${expected}”, or correct the total`,
      ),
    });
  },
});
