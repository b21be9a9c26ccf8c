/**
 * indicator.overachieved: the actual reaches the over-completion threshold (130% of a ≥ target by default), so the
 * target may have been set too low. A reason given in 偏差原因 makes it a step less severe.
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { fromInt, mul, toText } from "../../score/exact";
import { defineRule } from "../rule";

export const indicatorOverachieved = defineRule({
  id: "indicator.overachieved",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("超额完成", "Over-completion"),
    description: localized(
      "实际完成值达到目标的超额完成阈值（默认 130%），目标可能设定偏低；已说明原因时降低一级",
      "The actual reaches the over-completion threshold (130% of the target by default): the target may have been set too low; one step less severe when a reason is given",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      const over = d.overachieved;
      if (!over) continue;
      const reasonGiven = d.result.reason !== "";
      const actual = quoteText(d.result.actual);
      const target = quoteText(d.result.target);
      const percent = quoteText(`${toText(over.percent, 2)}%`);
      const threshold = `${toText(mul(over.threshold, fromInt(100)), 2)}%`;
      const zh = [
        `${zhName(d.label)}实际完成值 ${actual} 为目标 ${target} 的 ${percent}（达到 ${threshold} 及以上），目标可能设定偏低`,
      ];
      const en = [
        `${enSubject(d.label)}: the actual ${actual} is ${percent} of the target ${target} (${threshold} or more), so the target may have been set too low`,
      ];
      if (reasonGiven) {
        zh.push("；已说明原因");
        en.push("; a reason is given");
      } else if (over.deduction !== null) {
        const deduction = toText(over.deduction);
        zh.push(`；未说明原因，扣 ${deduction} 分`);
        en.push(`; no reason is given, ${deduction} points deducted`);
      }
      report({
        cells: [d.row.actual.pos],
        mitigated: reasonGiven,
        message: localized(zh.join(""), en.join("")),
      });
    }
  },
});
