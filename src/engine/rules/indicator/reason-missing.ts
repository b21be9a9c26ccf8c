/**
 * indicator.reason-missing: an indicator scored below its weight, or over-completed, gives no 偏差原因 (the reason and
 * the measures to improve, or why the target was set so low).
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { cmp, toFixed, toText } from "../../score/exact";
import { defineRule } from "../rule";

export const indicatorReasonMissing = defineRule({
  id: "indicator.reason-missing",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("缺少偏差原因", "Missing reason"),
    description: localized(
      "指标未得满分或超额完成，但未填写偏差原因分析及改进措施",
      "An indicator below full marks, or over-completed, gives no reason for the deviation",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      const { status, reason } = d.result;
      // Missing and unreadable values have their own findings; a missing reason beside them adds nothing to fix.
      if (status === "missing" || status === "invalid" || reason !== "") continue;
      if (d.overachieved) {
        report({
          cells: [d.reasonCell],
          message: localized(
            `${zhName(d.label)}超额完成，未填写偏差原因（说明目标为何设定偏低）`,
            `${enSubject(d.label)} was over-completed and gives no reason (why the target was set so low)`,
          ),
        });
      } else if (cmp(d.score, d.weight) < 0) {
        const score = toFixed(d.score, 2);
        const weight = toText(d.weight);
        report({
          cells: [d.reasonCell],
          message: localized(
            `${zhName(d.label)}得分 ${score} 低于分值 ${weight}，未填写偏差原因分析及改进措施`,
            `${enSubject(d.label)} scores ${score} of ${weight} and gives no reason for the shortfall or measures to improve`,
          ),
        });
      }
    }
  },
});
