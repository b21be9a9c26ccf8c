/** The rules for real forms (issue 11 §2) as valid/invalid cases, on workbooks recognised from literal grids. */
import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue } from "../../../src/engine/snapshot";
import type { RecognizedWorkbook } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";
import { testRule } from "./tester";

function read(rows: CellValue[][], merges: string[] = []): RecognizedWorkbook {
  return recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges })));
}

const block = (label: string, caption: string | null, amount: CellValue): CellValue[][] => [
  [caption, null, null, null],
  [label, null, "全年预算数", "全年执行数"],
  [null, "年度资金总额", amount, amount],
];

testRule("budget.unit-ambiguous", {
  valid: [
    {
      name: "the label and the caption agree",
      workbook: read(block("项目资金(元)", "单位：元", 100), ["A2:A3"]),
    },
    {
      name: "a glued unit that is the table's",
      workbook: read(block("项目资金(元)", null, "100元"), ["A2:A3"]),
    },
  ],
  invalid: [
    {
      name: "the merged label says 元, the caption 万元",
      workbook: read(block("项目资金\n（元）", "单位：万元", 100), ["A2:A3"]),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!A2", "Sheet1!A1"],
          message: "金额单位不明确：A2、A1 写出的单位不一致（元、万元），已按 元 读取：请统一单位",
        },
      ],
    },
    {
      name: "an amount glued with 万元 in a 元 table",
      workbook: read(block("项目资金(元)", null, "300万元"), ["A2:A3"]),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!A2", "Sheet1!C3", "Sheet1!D3"],
          message: "金额单位不明确：A2、C3、D3 写出的单位不一致（元、万元），已按 元 读取：请统一单位",
        },
      ],
    },
  ],
});
