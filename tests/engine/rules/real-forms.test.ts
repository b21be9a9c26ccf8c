/** The rules for real forms (issue 11 §2) as valid/invalid cases, on workbooks recognised from literal grids. */
import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue } from "../../../src/engine/snapshot";
import type { RecognizedWorkbook } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";
import { testRule } from "./tester";

function read(rows: CellValue[][], merges: string[] = []): RecognizedWorkbook {
  return recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges })));
}

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];

testRule("indicator.placeholder", {
  valid: [
    {
      name: "every row filled in, one named 指标3",
      workbook: read([HEADER, ["产出指标", "数量指标", "指标3", 8, 8, 90, 90]]),
    },
  ],
  invalid: [
    {
      name: "指标2 and …… rows and a spare 二级 row left in: one warning naming them all",
      workbook: read(
        [
          HEADER,
          ["产出指标", "数量指标", "指标1工程完工率", 100, 100, 90, 90],
          [null, null, "指标2", null, null, null, null],
          [null, null, "……", null, null, null, null],
          [null, "生态效益指标", null, null, null, null, null],
          [null, "质量指标", "指标2：", "/", "/", "/", "/"],
        ],
        ["A2:A6"],
      ),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!C3", "Sheet1!C4", "Sheet1!B5", "Sheet1!C6"],
          message: "模板占位行未删除：绩效指标表中有 4 行模板占位行（C3、C4、B5 等），未参与评分，请删除",
        },
      ],
    },
  ],
});

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

const execution = (points: CellValue): CellValue[][] => [
  ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 100, 100, points, "100%", points],
];

testRule("budget.execution-weight", {
  valid: [
    { name: "the form's 分值 10 is the configured weight", workbook: read(execution(10)) },
    {
      name: "no points stated",
      workbook: read([
        ["项目资金(万元)", null, "全年预算数", "全年执行数"],
        [null, "年度资金总额", 100, 100],
      ]),
    },
  ],
  invalid: [
    {
      name: "the form gives execution 20 points",
      workbook: read(execution(20)),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!E2"],
          message:
            "表中预算执行率为 20 分，评分规则按设置的 10 分计：如本地规定为 20 分，请在设置中修改执行率分值",
        },
      ],
    },
    {
      name: "a “(20分)” in the block's label",
      workbook: read([
        ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)"],
        ["年度财政资金总额", 650, 94],
      ]),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!A1"],
          message:
            "表中预算执行率为 20 分，评分规则按设置的 10 分计：如本地规定为 20 分，请在设置中修改执行率分值",
        },
      ],
    },
  ],
});

const typedExecution = (executed: CellValue, typed: CellValue): CellValue[][] => [
  ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 43.2, 43.2, executed, 10, "86%", typed],
];

testRule("budget.execution-score", {
  valid: [
    { name: "86.20% typed as 8.62", workbook: read(typedExecution(37.24, 8.62)) },
    { name: "100% typed as 10", workbook: read(typedExecution(43.2, "10")) },
    {
      name: "no rate can be computed: the typed score is not judged",
      workbook: read(typedExecution(null, 10)),
    },
  ],
  invalid: [
    {
      name: "86.20% typed as 9",
      workbook: read(typedExecution(37.24, 9)),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!H2"],
          message:
            "预算执行率得分填报 9，按评分规则应为 8.62（执行率 = 37.24/43.20 = 86.20%，10×86.20%=8.62）",
        },
      ],
    },
  ],
});
