/**
 * quality.heading-total: every 一级 heading of the indicators states its points ("产出指标(40分)", "效益指标(40分)",
 * "满意度指标(20分)") and with budget execution's points they do not make 100 (原州: 40 + 40 + 20 = 100 for the
 * indicators alone, 110 with the rules' 10 for execution). The rows' own 分值 are indicator.weights' concern; this is
 * the form's stated split, which holds even where the rows are cut off or illegible.
 */
import { localized } from "../../i18n";
import { EXECUTION_WEIGHT } from "../../score/execution";
import { add, cmp, fromInt, fromNumber, toText, ZERO } from "../../score/exact";
import { defineRule } from "../rule";

export const qualityHeadingTotal = defineRule({
  id: "quality.heading-total",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("一级指标分值合计", "Heading points total"),
    description: localized(
      "每个一级指标都标明了分值，其合计加预算执行率的分值不是 100 分",
      "Every 一级 heading states its points, and with budget execution's points they do not total 100",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const headings = (workbook.typed?.groupHeadings ?? []).filter((h) => h.level === 1);
    const rows = scores.indicators;
    if (headings.length < 2 || rows.length === 0) return;
    const covered = rows.every((d) =>
      headings.some(
        (h) => h.cell.pos.sheet === d.row.name.pos.sheet && d.row.row >= h.firstRow && d.row.row <= h.lastRow,
      ),
    );
    if (!covered) return;
    const stated = workbook.budget?.executionWeight?.points;
    const execution = fromNumber(stated ?? EXECUTION_WEIGHT) ?? fromInt(EXECUTION_WEIGHT);
    const sum = headings.reduce((s, h) => add(s, fromNumber(h.points) ?? ZERO), ZERO);
    const total = add(sum, execution);
    if (cmp(total, fromInt(100)) === 0) return;
    const parts = headings.map((h) => toText(fromNumber(h.points) ?? ZERO)).join(" + ");
    const x = toText(execution);
    const own = stated !== undefined && stated !== EXECUTION_WEIGHT;
    const header = workbook.indicators?.headers.level1?.pos ?? headings[0].cell.pos;
    report({
      cells: [header, ...headings.map((h) => h.cell.pos)],
      message: localized(
        `一级指标标明的分值 ${parts} = ${toText(sum)} 分，加预算执行率 ${x} 分${own ? "（表中所列）" : ""}共 ${toText(total)} 分，应为 100 分：请核对一级指标的分值`,
        `The 一级 headings state ${parts} = ${toText(sum)} points; with ${x} for budget execution${own ? " (as the form gives it)" : ""} that is ${toText(total)}, not 100: check the headings' points`,
      ),
    });
  },
});
