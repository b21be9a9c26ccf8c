/**
 * indicator.qualitative-tier: a qualitative indicator's typed 得分 lies outside its tier (达成 80–100% of the weight,
 * 部分达成 60–80%, 未达成 below 60%); it is scored at the tier's default share instead.
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { toFixed, toText } from "../../score/exact";
import { TIER_NAMES, tierRange } from "../../score/rules";
import { defineRule } from "../rule";

export const indicatorQualitativeTier = defineRule({
  id: "indicator.qualitative-tier",
  meta: {
    table: "indicators",
    severity: "error",
    name: localized("定性得分档次", "Qualitative tier"),
    description: localized(
      "定性指标填报的得分不在其档次（达成、部分达成、未达成）的分值范围内",
      "A qualitative indicator's typed score lies outside the range of its tier (met, partly met, not met)",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      const scoreCell = d.row.score;
      // A tier's range is a share of the weight: without a usable weight there is no range to hold the typed score to.
      if (!d.tier?.typedOutsideTier || d.typed === null || !scoreCell || d.weightRead.kind !== "ok") continue;
      const name = TIER_NAMES[d.tier.tier];
      const range = tierRange(d.tier.tier, d.weight);
      const typed = quoteText(toText(d.typed));
      const used = toFixed(d.tier.score, 2);
      report({
        cells: [scoreCell.cell.pos],
        message: localized(
          `${zhName(d.label)}为“${name["zh-CN"]}”，该档得分应为 ${range["zh-CN"]}，填报得分 ${typed} 不在其内，按 ${used} 分计`,
          `${enSubject(d.label)} is ${name["en-US"]}, whose tier is ${range["en-US"]}; the typed score ${typed} is outside it: scored ${used}`,
        ),
      });
    }
  },
});
