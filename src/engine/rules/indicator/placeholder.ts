/**
 * indicator.placeholder: template rows left in the indicators table ("指标1", "指标2：", "……", rows of "/", empty spare
 * rows inside a 一级/二级 group). The recogniser keeps them out of the scores; this rule tells the filer once per table,
 * naming every such row, so a reviewer does not send the form back for them.
 */
import { toA1 } from "../../a1";
import { localized } from "../../i18n";
import { defineRule } from "../rule";

/** How many rows the message lists by address before it says "等". */
const LISTED = 3;

export const indicatorPlaceholder = defineRule({
  id: "indicator.placeholder",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("模板占位行未删除", "Template rows left in"),
    description: localized(
      "绩效指标表中留有模板的占位行（如“指标1”“……”、整行“/”、空白备用行），不参与评分，应删除",
      "The indicators table still holds the template's placeholder rows (“指标1”, “……”, rows of “/”, empty spare rows); they are not scored and should be deleted",
    ),
  },
  check({ workbook, report }) {
    const rows = workbook.indicators?.placeholderRows ?? [];
    if (rows.length === 0) return;
    const shown = rows.slice(0, LISTED).map((c) => toA1(c.pos.row, c.pos.col));
    const more = rows.length > LISTED;
    const list = shown.join("、") + (more ? " 等" : "");
    const listEn = shown.join(", ") + (more ? " and others" : "");
    report({
      cells: rows.map((c) => c.pos),
      message: localized(
        `模板占位行未删除：绩效指标表中有 ${rows.length} 行模板占位行（${list}），未参与评分，请删除`,
        `Template rows left in: the indicators table holds ${rows.length} placeholder row(s) (${listEn}); they are not scored — delete them`,
      ),
    });
  },
});
