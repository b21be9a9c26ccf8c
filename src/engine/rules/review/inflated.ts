/**
 * review.inflated: the score patterns the 财政部 notices call 刻意抬高分数 —
 * every indicator at full marks while under 90% of the budget was spent; a row claimed at full marks whose own
 * 偏差原因 states a shortfall; 优 with execution below 80%; a 满意度 above 100%.
 * "Claimed" is the typed 得分 when the form has one on every row, else the rules' score.
 */
import { enSubject, zhName } from "../../check/indicator-label";
import { localized } from "../../i18n";
import { cmp, fromInt, ratio, sign, type Ratio } from "../../score/exact";
import type { CellPos } from "../../tables";
import { defineRule } from "../rule";
import {
  claimedScores,
  executionRatio,
  gradeOfPoints,
  percent,
  points,
  quoted,
  typedTotal,
} from "../typed-values";

/** Words that say a target was not (fully) met. "无" and "0" say nothing, and are no shortfall. */
const SHORTFALL =
  /未完成|未达到|未达成|未能|尚未|没有完成|滞后|延期|延迟|推迟|未全部|未按期|未按时|差距|不足|偏低|低于|剩余|未付|未支付|未拨付|未到位/;
const SATISFACTION = /满意/;

export const reviewInflated = defineRule({
  id: "review.inflated",
  meta: {
    table: "any",
    severity: "warning",
    name: localized("疑似抬高分数", "Possibly inflated score"),
    description: localized(
      "严禁刻意抬高分数：执行率低于 90% 而指标全部满分；满分指标的偏差原因写有未完成情况；执行率低于 80% 而评为“优”；满意度高于 100%",
      "Scores the notices warn about: every indicator at full marks with execution below 90%; a full-marks row whose reason states a shortfall; 优 with execution below 80%; a satisfaction above 100%",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const rate = executionRatio(scores);
    const claimed = claimedScores(scores);
    const rows = scores.indicators;
    const isFull = (i: number): boolean =>
      rows[i].weightRead.kind === "ok" &&
      sign(rows[i].weight) > 0 &&
      cmp(claimed.values[i], rows[i].weight) >= 0;
    const executedCell = workbook.budget?.total.cells.executed?.pos;
    const rateCells: CellPos[] = [
      ...(workbook.budget?.extra?.rate ? [workbook.budget.extra.rate.pos] : []),
      ...(executedCell ? [executedCell] : []),
    ];

    const weighted = rows.map((_, i) => i).filter((i) => sign(rows[i].weight) > 0);
    if (rate !== null && weighted.length > 0 && weighted.every(isFull) && cmp(rate, ratio(9n, 10n)) < 0) {
      const how = claimed.typed ? localized("填报", "typed") : localized("评为", "scored");
      const first = rows[weighted[0]];
      report({
        cells: [
          ...rateCells,
          claimed.typed && first.row.score ? first.row.score.cell.pos : first.row.name.pos,
        ],
        table: "budget",
        message: localized(
          `预算执行率仅 ${percent(rate)}（低于 90%），而全部 ${weighted.length} 项指标均${how["zh-CN"]}满分：资金未用完而目标全部完成，请核实各指标的实际完成值和得分，严禁刻意抬高分数`,
          `Only ${percent(rate)} of the budget was spent (below 90%), yet all ${weighted.length} indicators are ${how["en-US"]} at full marks: check each indicator's actual value and score; scores must not be inflated`,
        ),
      });
    }

    rows.forEach((d, i) => {
      if (!isFull(i) || d.result.reason === "" || !SHORTFALL.test(d.result.reason)) return;
      const cell = claimed.typed && d.row.score ? d.row.score.cell.pos : d.reasonCell;
      report({
        cells: [cell, d.reasonCell],
        table: "indicators",
        message: localized(
          `${zhName(d.label)}得满分 ${points(d.weight)}，但偏差原因写明 ${quoted(d.result.reason)}：有未完成的情况不应得满分，请按实际完成值评分`,
          `${enSubject(d.label)} has full marks (${points(d.weight)}), but its reason says ${quoted(d.result.reason)}: a shortfall does not earn full marks; score it by the actual value`,
        ),
      });
    });

    if (rate !== null && cmp(rate, ratio(8n, 10n)) < 0) {
      const typedGrade = workbook.typed?.grade;
      const total = typedTotal(workbook);
      const grade = typedGrade?.grade ?? (total ? gradeOfPoints(total.value) : null);
      if (grade === "优") {
        const cell = typedGrade?.cell.pos ?? total?.cell.pos;
        report({
          cells: [...(cell ? [cell] : []), ...rateCells],
          table: "indicators",
          message: localized(
            `预算执行率仅 ${percent(rate)}（低于 80%），却评为“优”：执行率偏低的自评一般不应为优，请核实各项得分`,
            `Only ${percent(rate)} of the budget was spent (below 80%), yet the grade is “优”: check the scores; a low execution rarely earns 优`,
          ),
        });
      }
    }

    for (const d of rows) {
      if (d.actual.kind !== "number") continue;
      const inText = `${d.row.level1}${d.row.level2}${d.row.name.text}`;
      if (!SATISFACTION.test(inText)) continue;
      const value = satisfactionPercent(d.actual.quantity.value, d.actual.quantity.unit, d.target);
      if (value === null || cmp(value, fromInt(100)) <= 0) continue;
      report({
        cells: [d.row.actual.pos],
        table: "indicators",
        message: localized(
          `${zhName(d.label)}实际完成值 ${quoted(d.actualWritten)} 高于 100%：满意度不可能超过 100%，请按调查结果填写`,
          `${enSubject(d.label)}: the actual ${quoted(d.actualWritten)} is above 100%; a satisfaction cannot exceed 100%, enter the survey's result`,
        ),
      });
    }
  },
});

/** The actual in percent when it is one: written with %, or a bare number against a target in %. */
function satisfactionPercent(
  value: Ratio,
  unit: string,
  target: { readonly kind: string; readonly quantity?: { readonly unit: string } },
): Ratio | null {
  if (unit === "%") return value;
  if (unit === "" && target.kind === "quantitative" && target.quantity?.unit === "%") return value;
  return null;
}
