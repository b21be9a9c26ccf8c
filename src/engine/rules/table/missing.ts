/** table.missing: the workbook holds nothing the checker can work on. */
import { localized, type Localized } from "../../i18n";
import { defineRule } from "../rule";

export const tableMissing = defineRule({
  id: "table.missing",
  meta: {
    table: "any",
    severity: "error",
    name: localized("缺少表格", "Missing table"),
    description: localized(
      "工作簿中没有可识别的预算执行情况、支出决算表或绩效指标表",
      "The workbook holds no recognisable budget execution block, expenditure table or indicators table",
    ),
  },
  check({ workbook, report }) {
    if (workbook.budget || workbook.expenditures.length > 0 || workbook.indicators) return;
    // A 自评报告's text has no table by its nature: table.report-only says so, as a notice.
    if (workbook.narrative) return;
    // A workbook of project forms only (issue 13) holds tables: the forms'.
    if ((workbook.projects?.length ?? 0) > 0 || workbook.form) return;
    report({ cells: [], message: tableMissingMessage() });
  },
});

export function tableMissingMessage(): Localized {
  return localized(
    "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
    "No known table was found (budget execution, expenditure table or performance indicators); check that the header labels use the usual wording",
  );
}
