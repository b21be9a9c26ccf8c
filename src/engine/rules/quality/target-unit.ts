/** quality.target-unit: a quantitative 年度指标值 with no unit ("≥100", "43.2"): 100 what — 个, 万元, %? */
import { enName, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const qualityTargetUnit = defineRule({
  id: "quality.target-unit",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("指标值缺少单位", "Target without a unit"),
    description: localized(
      "定量的年度指标值没有计量单位，无法判断其口径",
      "A quantitative target has no unit of measure",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      if (d.target.kind !== "quantitative" || d.target.quantity.unit !== "") continue;
      report({
        cells: [d.row.target.pos],
        message: localized(
          `${zhName(d.label)}的年度指标值 ${quoted(d.targetWritten)} 没有计量单位：请写明单位，如“≥15个”“≤260万元”“≥95%”`,
          `The target of ${enName(d.label)} (${quoted(d.targetWritten)}) has no unit: write it, e.g. “≥15个”, “≤260万元”, “≥95%”`,
        ),
      });
    }
  },
});
