/**
 * indicator.actual-word: a quantitative target ("≤30万元", "≥95%") answered by a word ("完成", "已完成") instead of a
 * figure. The word is scored by the tier it names (domain.md §5), but whether the figure was met cannot be checked.
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { TIER_NAMES } from "../../score/rules";
import { defineRule } from "../rule";

export const indicatorActualWord = defineRule({
  id: "indicator.actual-word",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("完成值不是数值", "Actual is a word"),
    description: localized(
      "数值目标的实际完成值写成文字（“完成”），已按文字所说的档次计分，是否达到目标无法核对",
      "A quantitative target's actual is a word (完成) rather than a figure: scored by the tier it names, but whether the figure was reached cannot be checked",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      if (d.target.kind !== "quantitative" || d.path !== "tier" || !d.tier) continue;
      const target = quoteText(d.result.target);
      const actual = quoteText(d.actualWritten);
      const tier = TIER_NAMES[d.tier.tier];
      report({
        cells: [d.row.actual.pos],
        message: localized(
          `${zhName(d.label)}的年度指标值 “${target}” 是数值，实际完成值 “${actual}” 不是数值，已按“${tier["zh-CN"]}”计分，无法核对是否达到目标：请填写实际数值`,
          `${enSubject(d.label)} has the figure "${target}" as its target but the word "${actual}" as its actual, scored as ${tier["en-US"]}; whether the target was reached cannot be checked: write the actual figure`,
        ),
      });
    }
  },
});
