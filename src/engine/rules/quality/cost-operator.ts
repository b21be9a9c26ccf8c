/** quality.cost-operator: a 成本指标 written with ≥ or ＞ — a cost is a ceiling (≤), less is better. */
import { enName, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const qualityCostOperator = defineRule({
  id: "quality.cost-operator",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("成本指标方向", "Cost target direction"),
    description: localized(
      "成本指标的年度指标值写作 ≥ 或 ＞；成本应为上限（≤）",
      "A cost indicator's target is written with ≥ or ＞; a cost is a ceiling (≤)",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      if (d.target.kind !== "quantitative") continue;
      const op = d.target.operator;
      if (op !== ">=" && op !== ">") continue;
      if (!/成本/.test(d.row.level2) && !/成本/.test(d.row.level1)) continue;
      report({
        cells: [d.row.target.pos],
        message: localized(
          `${zhName(d.label)}是成本指标，年度指标值 ${quoted(d.result.target)} 却写作“${op === ">=" ? "≥" : "＞"}”：成本应控制在上限以内，请改为“≤”`,
          `${enName(d.label)} is a cost indicator, yet its target ${quoted(d.result.target)} is written with “${op === ">=" ? "≥" : "＞"}”: a cost is a ceiling, write “≤”`,
        ),
      });
    }
  },
});
