/**
 * A one-sheet 自评表 as the Hunan form lays it out, for the reviewer's rules (review.*, quality.*): the budget block with
 * its 分值 | 执行率 | 得分 columns, the indicators with a typed 得分, and the 总分 line under them. Each test changes the
 * cells it is about; the untouched form is clean (95 of 100 spent, rule total 99.5 = the typed total, 优).
 */
import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue } from "../../../src/engine/snapshot";
import type { RecognizedWorkbook } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";

export const FORM = "自评表";

export type Grid = CellValue[][];

/** Rows 1–15 of the form (0-based indices in comments). */
export function formGrid(): Grid {
  return [
    ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null, null], // 0
    ["单位：万元", null, null, null, null, null, null, null], // 1
    ["年度预算申请", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null], // 2
    ["年度资金总额", 100, 100, 95, 10, "95%", 9.5, null], // 3
    ["基本支出", 40, 40, 40, null, null, null, null], // 4
    ["项目支出", 60, 60, 55, null, null, null, null], // 5
    [null, null, null, null, null, null, null, null], // 6
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ], // 7
    ["产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 20, 20, null], // 8
    [null, "质量指标", "验收合格率", "≥95%", "96%", 10, 10, null], // 9
    [null, "时效指标", "完工及时率", "≥90%", "90%", 10, 10, null], // 10
    [null, "成本指标", "机关运行经费", "≤300万元", "256.79万元", 10, 10, null], // 11
    ["效益指标", "社会效益指标", "带动就业人数", "≥100人", "100人", 30, 30, null], // 12
    ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "92%", 10, 10, null], // 13
    [null, null, null, null, "总分", 100, 99.5, "优"], // 14
  ];
}

/** The form with `edits` applied: "G15" → value, in A1 addresses. */
export function form(
  edits: Readonly<Record<string, CellValue>> = {},
  grid: Grid = formGrid(),
): RecognizedWorkbook {
  const rows = grid.map((r) => [...r]);
  for (const [address, value] of Object.entries(edits)) {
    const m = /^([A-Z])(\d+)$/.exec(address);
    if (!m) throw new Error(`bad address ${address}`);
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = value;
  }
  return recognizeWorkbook(workbook(sheet(FORM, rows)));
}

/** "自评表!G15" */
export function at(address: string): string {
  return `${FORM}!${address}`;
}
