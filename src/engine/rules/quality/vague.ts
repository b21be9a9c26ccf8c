/**
 * quality.vague: a target worded as an intention ("进一步加强", "有所提高", "稳步推进", "逐步完善") with no figure and no
 * clear 达成 criterion, so nobody can say whether it was met (财预〔2021〕101号 asks for measurable targets).
 */
import { enName, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { toHalfWidth } from "../../money";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

const VAGUE =
  /进一步(?:加强|提高|提升|完善|改善|规范|优化|推进)|有所(?:提高|提升|改善|增加|增长|加强|下降|降低)|稳步(?:推进|提升|提高|增长)|逐步(?:完善|提高|提升|推进|改善|规范)|不断(?:完善|提高|提升|加强)/;
/** A clear criterion: something that is done or not, by a date, to a standard. */
const CRITERION = /完成|达到|达标|建成|通过|验收|实现|按时|合格|全覆盖|零|无/;

export const qualityVague = defineRule({
  id: "quality.vague",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("指标值表述模糊", "Vague target"),
    description: localized(
      "年度指标值只写“进一步加强”“有所提高”“稳步推进”“逐步完善”等，没有数值或明确的达成标准",
      "A target says only “进一步加强”, “有所提高”, “稳步推进”, “逐步完善” and the like, with no figure or clear criterion",
    ),
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      if (d.target.kind !== "qualitative") continue;
      const text = toHalfWidth(d.targetWritten);
      const vague = VAGUE.exec(text);
      if (!vague || /\d/.test(text) || CRITERION.test(text)) continue;
      report({
        cells: [d.row.target.pos],
        message: localized(
          `${zhName(d.label)}的年度指标值 ${quoted(d.targetWritten)} 只写了“${vague[0]}”，没有数值或明确的达成标准，无法衡量：请写成可衡量的目标，如“≥95%”“2023年12月底前完成”`,
          `The target of ${enName(d.label)} (${quoted(d.targetWritten)}) says only “${vague[0]}”, with no figure or clear criterion, so it cannot be measured: write a measurable target, e.g. “≥95%” or “2023年12月底前完成”`,
        ),
      });
    }
  },
});
