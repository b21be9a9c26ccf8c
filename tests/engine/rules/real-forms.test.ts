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

/** The Hunan 部门整体 form: both breakdowns side by side, each heading stating its subtotal, amounts in the labels. */
const hunan = (kindsSubtotal: string, basic: string): CellValue[][] => [
  ["年度预算申请(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 861.1, 2030.12, 2030.12, 10, "100%", 10],
  [null, "按收入性质分:2030.12", null, null, `按支出性质分:${kindsSubtotal}`, null, null, null],
  [null, "其中: 一般公共预算:1325.68", null, null, `其中:基本支出:${basic}`, null, null, null],
  [null, "政府性基金拨款:118.82", null, null, "项目支出:1025.20", null, null, null],
  [null, "其他资金:585.62", null, null, null, null, null, null],
];
const HUNAN_MERGES = ["A1:A6", "E3:H3", "E4:H4", "E5:H5"];

testRule("sum.breakdown", {
  valid: [
    {
      name: "the subtotals in the headings agree with their parts and with the total",
      workbook: read(hunan("2030.12", "1004.92"), HUNAN_MERGES),
    },
  ],
  invalid: [
    {
      name: "the filer's own subtotal agrees with its parts but misses the total: named first",
      workbook: read(hunan("1925.67", "900.47"), HUNAN_MERGES),
      findings: [
        {
          severity: "error",
          cells: ["Sheet1!E3", "Sheet1!E2", "Sheet1!E4", "Sheet1!E5"],
          message:
            "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，年度资金总额填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和",
        },
      ],
    },
    {
      name: "a subtotal that is not the sum of its parts is reported at the subtotal",
      workbook: read(hunan("2030.12", "900.47"), HUNAN_MERGES),
      findings: [
        {
          severity: "error",
          cells: ["Sheet1!E2", "Sheet1!E4", "Sheet1!E5"],
          message:
            "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，年度资金总额填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和",
        },
        {
          severity: "error",
          cells: ["Sheet1!E3", "Sheet1!E4", "Sheet1!E5"],
          message:
            "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，按支出性质分填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和",
        },
      ],
    },
  ],
});

/** A Hubei-style form: execution out of 20 in its header, no 分值 column, the indicators' points in a heading. */
const noWeights = (scores: CellValue[], heading = "年度目标1:(80分)"): CellValue[][] => [
  ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
  ["部门整体支出总额", 864.2, 864.2, "100%", 20],
  [heading, "增强政府工作效率", null, null, null, null, null],
  ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
  [null, "产出指标", "数量指标", "办结信访案件", "168起", "168起", scores[0]],
  [null, "满意度指标", "满意度指标", "群众对政府工作满意度", "≧90%", "95%", scores[1]],
];
const NO_WEIGHTS_MERGES = ["A4:A6"];

testRule("quality.weights-unstated", {
  valid: [
    {
      name: "the typed 得分 add up to the stated 80",
      workbook: read(noWeights([40, 40]), NO_WEIGHTS_MERGES),
    },
  ],
  invalid: [
    {
      name: "the typed 得分 do not add up to the stated points",
      workbook: read(noWeights([40, 45]), NO_WEIGHTS_MERGES),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!A3", "Sheet1!G4"],
          message:
            "绩效指标表没有分值（权重）列：“年度目标1:(80分)”只写明指标共 80 分，填报的得分合计与之不符，各指标的分值无法确定，未按分值计分：请列出每项指标的分值",
        },
      ],
    },
    {
      name: "nothing states the points",
      workbook: read(noWeights([40, 40], "年度目标1"), NO_WEIGHTS_MERGES),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!G4"],
          message: "绩效指标表没有分值（权重）列，也未写明各指标分值，未按分值计分：请列出每项指标的分值",
        },
      ],
    },
  ],
});

testRule("indicator.weights", {
  valid: [
    {
      name: "a form giving execution 20 of its own and its indicators 80 (the 20 is review.execution-weight's warning)",
      workbook: read(noWeights([40, 40]), NO_WEIGHTS_MERGES),
    },
    {
      name: "no weights stated at all: nothing to add up (quality.weights-unstated says so)",
      workbook: read(noWeights([40, 45]), NO_WEIGHTS_MERGES),
    },
  ],
  invalid: [
    {
      name: "a form's own execution points and its indicators' miss 100",
      workbook: read(
        [
          ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
          ["部门整体支出总额", 864.2, 864.2, "100%", 20],
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "办结信访案件", "168起", "168起", 40, 40],
          ["满意度指标", "满意度指标", "群众满意度", "≧90%", "95%", 30, 30],
        ],
        [],
      ),
      findings: [
        {
          severity: "error",
          cells: ["Sheet1!F3"],
          message: "指标分值合计 70，加预算执行率 20 分（表中所列）共 90 分，应为 100 分",
        },
      ],
    },
  ],
});

testRule("budget.overspend", {
  valid: [
    {
      name: "spending within the 年初预算数 of a block without 全年预算数",
      workbook: read([
        ["资金来源", "年初预算数(A)", "全年执行数(B)"],
        ["年度资金总额", 1172.55, 1000],
      ]),
    },
  ],
  invalid: [
    {
      name: "spending above the 年初预算数 when the block has no 全年预算数 column",
      workbook: read([
        ["资金来源", "年初预算数(A)", "全年执行数(B)"],
        ["年度资金总额", 1172.55, 1268.72],
      ]),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!C2", "Sheet1!B2"],
          message:
            "年度资金总额：全年执行数(B) 1,268.72 万元 超过年初预算数(A) 1,172.55 万元，超出 96.17 万元",
        },
      ],
    },
  ],
});
