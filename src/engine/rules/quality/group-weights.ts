/** quality.group-weights: a 一级 or 二级 heading states its points ("产出指标(50分)") and its rows' 分值 add up to another figure. */
import { localized } from "../../i18n";
import { abs, add, cmp, fromNumber, sub, toFixed, ZERO } from "../../score/exact";
import { defineRule } from "../rule";
import { points, quoted } from "../typed-values";

export const qualityGroupWeights = defineRule({
  id: "quality.group-weights",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("分组分值不符", "Group weights differ"),
    description: localized(
      "一级或二级指标标明的分值（如“产出指标(50分)”）与其下各指标分值之和不一致",
      "A 一级 or 二级 heading states its points (“产出指标(50分)”) and its rows' weights add up to another figure",
    ),
  },
  checkScores({ workbook, scores, report }) {
    for (const h of workbook.typed?.groupHeadings ?? []) {
      const rows = scores.indicators.filter(
        (d) => d.row.row >= h.firstRow && d.row.row <= h.lastRow && d.row.name.pos.sheet === h.cell.pos.sheet,
      );
      const weighted = rows.filter((d) => d.weightRead.kind === "ok");
      // A group whose rows state no weight at all cannot be added up; indicator.weights names those rows.
      if (weighted.length === 0) continue;
      const sum = weighted.reduce((s, d) => add(s, d.weight), ZERO);
      const stated = fromNumber(h.points) ?? ZERO;
      if (cmp(sum, stated) === 0) continue;
      const s = points(sum);
      report({
        cells: [h.cell.pos, ...weighted.map((d) => d.row.weight.cell.pos)],
        message: localized(
          `${quoted(h.cell.text)}标明 ${points(stated)} 分，其下 ${weighted.length} 项指标分值合计 ${s} 分，${cmp(sum, stated) > 0 ? "多" : "少"} ${toFixed(abs(sub(sum, stated)), 2)} 分：请调整指标分值或更正标题中的分值`,
          `${quoted(h.cell.text)} states ${points(stated)} points, but the weights of its ${weighted.length} indicator${weighted.length === 1 ? "" : "s"} add up to ${s}, ${toFixed(abs(sub(sum, stated)), 2)} ${cmp(sum, stated) > 0 ? "more" : "less"}: adjust the weights or the heading`,
        ),
      });
    }
  },
});
