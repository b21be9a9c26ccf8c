/**
 * quality.direction: a target that is only a number ("100", "30万元") where the 一级/二级 heading does not say which
 * way is better. Under 数量, 质量 and 满意度 more is better and under 成本 less, so a bare number is clear there; under
 * 时效 or 效益 the scorer has to guess ≥.
 */
import { enName, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

const DIRECTION_FIXED = /数量|质量|满意|成本/;

export const qualityDirection = defineRule({
  id: "quality.direction",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("指标值缺少比较符号", "Target without an operator"),
    description: localized(
      "年度指标值只有数字、没有 ≥ ≤ 等符号，且所属一级/二级指标不能确定方向（时效、效益等）",
      "A target is a bare number with no ≥ or ≤, under a heading that does not fix the direction (时效, 效益 …)",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      if (d.target.kind !== "quantitative" || d.target.operator !== null) continue;
      if (DIRECTION_FIXED.test(`${d.row.level1}${d.row.level2}`)) continue;
      report({
        cells: [d.row.target.pos],
        message: localized(
          `${zhName(d.label)}的年度指标值 ${quoted(d.targetWritten)} 只有数字，没有“≥”“≤”等符号，所属指标也不能确定越高越好还是越低越好（已按 ≥ 计分）：请加上符号`,
          `The target of ${enName(d.label)} (${quoted(d.targetWritten)}) is a bare number with no “≥” or “≤”, and its heading does not say whether more or less is better (scored as ≥): add the operator`,
        ),
      });
    }
  },
});
