/**
 * The seed's workbook as grids (the figures of assets/sample, built by scripts/make-sample.ts): the budget block in
 * 万元 and the fourteen indicators, so the text check is tested on the engine alone. Its rule total is 99.78 (优).
 */
import { evaluateWorkbook, type Evaluation } from "../../../src/engine/evaluate";
import type { CellValue, WorkbookSnapshot } from "../../../src/engine/snapshot";
import { INDICATOR_HEADER, SEED } from "../../fixtures/seed";
import { sheet, workbook } from "../../helpers/grid";

export const BUDGET_SHEET = "表一 预算执行情况";
export const INDICATOR_SHEET = "表三 绩效指标";

/** Rows 3–12: header, then 年度资金总额 (row 5) … 项目支出 (row 12); columns B 年初, C 全年预算, D 全年执行. */
function budgetRows(): CellValue[][] {
  return [
    [`预算部门名称：${SEED.department}`, null, null, null, null, null, "单位：万元"],
    ["年度预算申请", "资金执行情况", null, null, "分值", "执行率", "得分"],
    [null, "年初预算数", "全年预算数", "全年执行数", null, null, null],
    ["年度资金总额", 3000, SEED.total, SEED.total, 10, 1, null],
    ["按收入性质分：", null, null, null, null, null, null],
    ["  其中：一般公共预算", 3000, SEED.general, SEED.general, null, null, null],
    ["        政府性基金", "—", SEED.fund, SEED.fund, null, null, null],
    ["        国有资本经营预算", "—", "—", "—", null, null, null],
    ["按支出性质分：", null, null, null, null, null, null],
    ["  其中：基本支出", 260, SEED.basic, SEED.basic, null, null, null],
    ["        项目支出", 2740, SEED.project, SEED.project, null, null, null],
  ];
}

/** [二级, 三级, target, actual, weight] under their 一级; the sample's indicators. */
const INDICATORS: readonly (readonly [string, string, string, string, string, number])[] = [
  ["产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 8],
  ["产出指标", "数量指标", "合同引资额", "≥20亿元", "22.12亿元", 8],
  ["产出指标", "数量指标", "新培育规模以上工业企业", "≥8家", "9家", 6],
  ["产出指标", "数量指标", "新培育高新技术企业", "≥6家", "7家", 6],
  ["产出指标", "质量指标", "集中供热站供气能力", "≥60吨/小时", "75吨/小时", 6],
  ["产出指标", "质量指标", "冷链物流项目主体厂房建设", "完成主体厂房建设", "达成", 5],
  ["产出指标", "时效指标", "集中供热站扩容项目完成时间", "2023年12月底前完成", "达成", 5],
  ["产出指标", "成本指标", "机关运行经费", "≤300万元", "256.79万元", 6],
  ["效益指标", "经济效益指标", "技工贸总收入", "≥90亿元", "98.96亿元", 8],
  ["效益指标", "经济效益指标", "税收收入", "≥3.2亿元", "3.5亿元", 7],
  ["效益指标", "经济效益指标", "固定资产投资", "≥50亿元", "54.07亿元", 5],
  ["效益指标", "社会效益指标", "引导企业启动扩能扩产项目", "≥8家", "9家", 5],
  ["效益指标", "可持续影响指标", "食品加工、电子信息产业集聚发展", "产业集聚度持续提升", "达成", 5],
  ["满意度指标", "服务对象满意度指标", "入园企业满意度", "≥90%", "88%", 10],
];

/** The title (with the year) on row 1, the header on row 3, indicators on rows 4–17 (E: 实际完成值, G: 得分). */
function indicatorRows(): CellValue[][] {
  return [
    [`${SEED.year}年度部门整体支出绩效指标完成情况表`],
    [`预算部门名称：${SEED.department}`],
    [...INDICATOR_HEADER],
    ...INDICATORS.map(([l1, l2, name, target, actual, weight]) => [
      l1,
      l2,
      name,
      target,
      actual,
      weight,
      null,
      name === "入园企业满意度" ? "部分企业对园区配套设施建设进度不够满意" : null,
    ]),
  ];
}

export function seedSnapshot(): WorkbookSnapshot {
  return workbook(
    sheet(BUDGET_SHEET, budgetRows(), { origin: "A2" }),
    sheet(INDICATOR_SHEET, indicatorRows()),
  );
}

export function seedEvaluation(): Evaluation {
  return evaluateWorkbook(seedSnapshot());
}
