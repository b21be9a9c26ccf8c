/**
 * quality.weights-unstated: the indicators table has no 分值 (权重) column, only 得分, and nothing on the form states
 * each indicator's points (or the typed 得分 do not add up to the points a heading states): the rules have no weight to
 * take a share of, so no indicator is scored by weight and the weights cannot add up to 100. A form without the column
 * (湖北, 云南 项目 forms) is the province's template, not the filer's slip: a warning, said once for the table.
 */
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const qualityWeightsUnstated = defineRule({
  id: "quality.weights-unstated",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("未列指标分值", "No indicator weights"),
    description: localized(
      "绩效指标表没有分值（权重）列，也未写明各指标分值，指标无法按分值计分",
      "The indicators table has no weight column and states no weights, so no indicator can be scored by weight",
    ),
  },
  check({ workbook, report }) {
    const table = workbook.indicators;
    if (table?.weightsFrom?.kind !== "unstated") return;
    const stated = table.weightsFrom.stated;
    const cells = stated ? [stated.cell.pos, table.headers.weight.pos] : [table.headers.weight.pos];
    const heading = stated ? quoted(stated.cell.text) : "";
    const value = stated ? String(stated.points) : "";
    report({
      cells,
      message: stated
        ? localized(
            `绩效指标表没有分值（权重）列：${heading}只写明指标共 ${value} 分，填报的得分合计与之不符，各指标的分值无法确定，未按分值计分：请列出每项指标的分值`,
            `The indicators table has no weight column: ${heading} states ${value} points for the indicators, the scores entered do not add up to them, so no indicator's weight is known and none is scored by weight; list each indicator's points`,
          )
        : localized(
            "绩效指标表没有分值（权重）列，也未写明各指标分值，未按分值计分：请列出每项指标的分值",
            "The indicators table has no weight column and states no weights, so no indicator is scored by weight; list each indicator's points",
          ),
    });
  },
});
