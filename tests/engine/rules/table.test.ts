import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue } from "../../../src/engine/snapshot";
import type { RecognizedWorkbook } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";
import { recognized } from "../check/builder";
import { budget, budgetRows } from "./checker-fixtures";
import { testRule } from "./tester";

function read(rows: CellValue[][]): RecognizedWorkbook {
  return recognizeWorkbook(workbook(sheet("报告", rows)));
}

/** A 自评报告 pasted into Excel, one paragraph a row (as the 江西 filing of tests/fixtures/real). */
const report = read([
  ["2022年度项目支出绩效自评总报告"],
  ["为切实做好2022年度财政项目支出绩效评价工作，现将情况报告如下："],
  ["一、本部门项目绩效目标情况"],
]);

/** A 自评表 whose tables went unrecognised: its title names a 表. */
const form = read([["2022年度项目支出绩效自评表"], ["项目名称", "某某项目"]]);

testRule("table.missing", {
  valid: [
    { name: "a workbook with a budget block", workbook: budget(budgetRows()) },
    { name: "a 自评报告's text, which has no table by its nature", workbook: report },
  ],
  invalid: [
    {
      name: "a workbook with no table the engine knows",
      workbook: recognized({}),
      findings: [
        {
          severity: "error",
          cells: [],
          message:
            "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
        },
      ],
    },
    {
      name: "a 自评表 whose tables are not recognised",
      workbook: form,
      findings: [
        {
          severity: "error",
          cells: [],
          message:
            "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
        },
      ],
    },
  ],
});

testRule("table.report-only", {
  valid: [
    { name: "a workbook with a budget block", workbook: budget(budgetRows()) },
    { name: "a 自评表 whose tables are not recognised (table.missing's case)", workbook: form },
    {
      name: "a report's title above a table that is recognised",
      workbook: read([
        ["2023年度部门整体支出绩效自评报告"],
        ["项目", "全年预算数", "全年执行数"],
        ["年度资金总额", 100, 100],
      ]),
    },
  ],
  invalid: [
    {
      name: "a 自评报告's text",
      workbook: report,
      findings: [
        {
          severity: "notice",
          cells: ["报告!A1"],
          message:
            "工作簿是自评报告的文字（“2022年度项目支出绩效自评总报告”），没有可核查的预算执行情况、支出决算表或绩效指标表：核查数字请打开自评表所在的工作簿",
        },
      ],
    },
  ],
});
