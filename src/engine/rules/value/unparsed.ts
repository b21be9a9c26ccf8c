/**
 * value.unparsed: a value the engine cannot read — an amount cell of the budget block or the expenditure table (left
 * out of the sums), or an indicator's actual value (scored 0).
 */
import { enName, zhName } from "../../check/indicator-label";
import { capitalize } from "../../check/labels";
import { valueSites } from "../../check/value-cells";
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { isErrorValue } from "../../snapshot";
import { defineRule } from "../rule";

export const valueUnparsed = defineRule({
  id: "value.unparsed",
  meta: {
    table: "any",
    severity: "error",
    name: localized("无法识别的金额", "Unreadable amount"),
    description: localized(
      "金额单元格或指标的实际完成值无法识别",
      "An amount cell, or an indicator's actual value, cannot be read",
    ),
  },
  check({ workbook, report }) {
    for (const { parsed, pos, where, table, unit } of valueSites(workbook)) {
      if (parsed.kind !== "unparsed") continue;
      const text = quoteText(parsed.text);
      report({
        cells: [pos],
        table,
        ...(unit ? { unit } : {}),
        message: localized(
          `${where.zh}：“${text}”不是金额，该单元格未参与求和校验`,
          `${capitalize(where.en)}: "${text}" is not an amount; the cell was left out of the sum checks`,
        ),
      });
    }
  },
  checkScores({ scores, report }) {
    for (const d of scores.indicators) {
      // An error value is already value.error on the same cell; one finding per problem.
      if (d.path !== "actual-unreadable" || isErrorValue(d.row.actual.raw)) continue;
      const quantitative = d.target.kind === "quantitative";
      const zhHint = quantitative
        ? "应填写数值（如 17个）或 达成 / 部分达成 / 未达成"
        : "定性指标应填写 达成 / 部分达成 / 未达成";
      const enHint = quantitative
        ? "write a number (e.g. 17个) or 达成 / 部分达成 / 未达成"
        : "a qualitative indicator takes 达成 / 部分达成 / 未达成";
      const actual = quoteText(d.actualWritten);
      report({
        cells: [d.row.actual.pos],
        table: "indicators",
        message: localized(
          `${zhName(d.label)}的实际完成值“${actual}”无法识别，按 0 分计：${zhHint}`,
          `The actual value of ${enName(d.label)} ("${actual}") cannot be read, scored 0: ${enHint}`,
        ),
      });
    }
  },
});
