/**
 * table.report-only: the workbook holds the text of a 自评报告 (its title names a 报告, not a 表) and no table, so there
 * is nothing to add up or score. Not an error of the filing: a narrative report has no table by its nature.
 */
import { localized } from "../../i18n";
import { defineRule } from "../rule";
import { quoted } from "../typed-values";

export const tableReportOnly = defineRule({
  id: "table.report-only",
  meta: {
    table: "any",
    severity: "notice",
    name: localized("仅有报告文字", "Report text only"),
    description: localized(
      "工作簿是自评报告的文字，没有可核查的预算执行情况、支出决算表或绩效指标表",
      "The workbook holds a self-evaluation report's text, with no budget execution block, expenditure table or indicators table to check",
    ),
  },
  check({ workbook, report }) {
    const title = workbook.narrative;
    if (!title) return;
    report({
      cells: [title.pos],
      message: localized(
        `工作簿是自评报告的文字（${quoted(title.text)}），没有可核查的预算执行情况、支出决算表或绩效指标表：核查数字请打开自评表所在的工作簿`,
        `The workbook holds the text of a self-evaluation report (${quoted(title.text)}) and no budget execution block, expenditure table or indicators table: to check the figures, open the workbook with the 自评表`,
      ),
    });
  },
});
