/** review.grade: the typed 评价等级 is not the grade of the total the scoring rules give. */
import { localized } from "../../i18n";
import { fromNumber, ZERO } from "../../score/exact";
import { defineRule } from "../rule";
import { GRADE_RANGES, gradeOfPoints, points, quoted } from "../typed-values";

export const reviewGrade = defineRule({
  id: "review.grade",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("等级与评分规则不符", "Grade differs from the rules"),
    description: localized(
      "填报的评价等级与按评分规则计算的总分对应的等级不一致",
      "The typed grade is not the grade of the total the scoring rules give",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const grade = workbook.typed?.grade;
    if (!grade) return;
    const rule = fromNumber(scores.result.total) ?? ZERO;
    const expected = gradeOfPoints(rule);
    if (expected === grade.grade) return;
    const t = points(rule);
    report({
      cells: [grade.cell.pos],
      message: localized(
        `评价等级填报 ${quoted(grade.cell.text)}，按评分规则总分为 ${t}，对应等级“${expected}”（${GRADE_RANGES[expected].zh}）：请核对各项得分，等级应为“${expected}”`,
        `The grade is typed as ${quoted(grade.cell.text)}; the scoring rules give a total of ${t}, which is “${expected}” (${GRADE_RANGES[expected].en}): check the scores; the grade should be “${expected}”`,
      ),
    });
  },
});
