/**
 * A small real-looking workbook for the pipeline, the pane and the commands: the budget block of 衡山县贯塘乡 FY2023
 * (domain.md §7: by nature 900.47 + 1025.20 = 1925.67 against a 全年执行数 of 2030.12) under a title and a unit
 * caption with a two-row header, and an indicators table with a shortfall, a missing actual value and a typed
 * qualitative score outside its tier. The same rows build an engine snapshot and the recording Excel fake.
 */
import { buildTemplateOf, type TemplateKind } from "../../src/engine/template";
import type { Lang } from "../../src/engine/i18n";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { sheet, workbook } from "../helpers/grid";
import { INDICATOR_HEADER } from "../fixtures/seed";

export interface FixtureSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  readonly merges: string[];
}

export const BUDGET_SHEET: FixtureSheet = {
  name: "表1 预算执行",
  rows: [
    ["2023年度衡山县贯塘乡人民政府部门整体支出绩效自评表", null, null, null],
    ["预算部门名称：衡山县贯塘乡人民政府", null, null, "单位：万元"],
    ["年度预算申请", "资金执行情况", null, null],
    [null, "年初预算数", "全年预算数", "全年执行数"],
    ["年度资金总额", 861.1, 2030.12, 2030.12],
    ["按收入性质分：", null, null, null],
    ["  其中：一般公共预算", null, null, "1,325.68"],
    ["        政府性基金", null, null, 118.82],
    ["        其他资金", null, null, 585.62],
    ["按支出性质分：", null, null, null],
    ["  其中：基本支出", null, null, 900.47],
    ["        项目支出", null, null, 1025.2],
  ],
  merges: ["A1:D1", "A3:A4", "B3:D3"],
};

export const INDICATORS_SHEET: FixtureSheet = {
  name: "表2 绩效指标",
  rows: [
    ["2023年度部门整体支出绩效指标完成情况表", null, null, null, null, null, null, null],
    [...INDICATOR_HEADER],
    [
      "产出指标",
      "数量指标",
      "完成道路硬化",
      "≥10公里",
      "8公里",
      30,
      null,
      "部分路段因雨季延期，次年一季度完成。",
    ],
    [null, "质量指标", "工程验收合格率", "100%", null, 20, null, null],
    ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "部分达成", 30, 27, "部分村组道路尚未连通。"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, null, null],
  ],
  merges: ["A1:H1", "A3:A4"],
};

export const FIXTURE_SHEETS: readonly FixtureSheet[] = [BUDGET_SHEET, INDICATORS_SHEET];

export function fixtureSnapshot(): WorkbookSnapshot {
  return workbook(...FIXTURE_SHEETS.map((s) => sheet(s.name, s.rows, { merges: s.merges })));
}

/** What Excel holds after the template is written and left as it is: the spec's values at their cells. */
export function templateSnapshot(
  lang: Lang = "zh-CN",
  year = 2024,
  kind: TemplateKind = "department",
): WorkbookSnapshot {
  return {
    sheets: buildTemplateOf(kind, lang, year).sheets.map((s): SheetSnapshot => {
      const rows = Math.max(...s.cells.map((c) => c.row)) + 1;
      const cols = Math.max(...s.cells.map((c) => c.col)) + 1;
      const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
      for (const c of s.cells) values[c.row][c.col] = c.value;
      return { name: s.name, originRow: 0, originCol: 0, values, merges: s.merges };
    }),
  };
}

/** The template once the filer has put in the department's name for the template's “××单位”: a clean workbook. */
export function filledTemplateSnapshot(lang: Lang = "zh-CN", year = 2024): WorkbookSnapshot {
  const snapshot = templateSnapshot(lang, year);
  return {
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      values: s.values.map((row) => row.map((v) => (v === "××单位" ? "岳阳市君山产业开发区管委会" : v))),
    })),
  };
}
