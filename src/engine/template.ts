/**
 * 插入模板: the four input sheets an accountant who starts from nothing fills in — the budget execution block, the
 * 支出决算表, the performance indicators and the department's information — laid out as domain.md §3 describes and
 * as the recogniser reads them. Described as plain data in the report spec's vocabulary (cells, styles, merges,
 * widths), so any gateway can render it.
 *
 * The labels stay Chinese in both languages: they are what the finance bureau's forms print and what the checker
 * recognises. The example figures (in blue) are consistent — every sum adds up, the 支出决算表 matches the 全年执行数 and
 * the weights total 100 — so a check of the untouched template is clean and any finding later is the user's to fix.
 */
import type { Lang } from "./i18n";
import { SheetGrid } from "./report/layout";
import type { CellStyle, PrintSpec, SheetSpec } from "./report/spec";
import { AMOUNT_FORMAT, TABLE_MARGINS, THIN_BOX, footerText } from "./report/styles";

export type TemplateSheetKey = "budget" | "expenditure" | "indicators" | "info" | "project";

/** What 插入模板 inserts: the department's four input sheets, or one 项目支出绩效自评表 (issue 13 §4). */
export type TemplateKind = "department" | "project";

export const TEMPLATE_SHEET_KEYS: readonly TemplateSheetKey[] = [
  "budget",
  "expenditure",
  "indicators",
  "info",
];

/** A report sheet spec without the report's own key, chart and gridline rule (an input sheet keeps its gridlines). */
export interface TemplateSheet extends Omit<SheetSpec, "key" | "chart" | "showGridLines"> {
  readonly key: TemplateSheetKey;
}

export interface TemplateSpec {
  readonly sheets: readonly TemplateSheet[];
}

export const TEMPLATE_SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<TemplateSheetKey, string>>>> = {
  "zh-CN": {
    budget: "预算执行情况",
    expenditure: "支出决算表",
    indicators: "绩效指标",
    info: "部门基本情况",
    project: "项目支出绩效自评表",
  },
  "en-US": {
    budget: "Budget Execution",
    expenditure: "Expenditure",
    indicators: "Indicators",
    info: "Department Info",
    project: "Project Form",
  },
};

const FONT = "宋体";
const SIZE = 10.5;
/** Example figures are blue, the way financial models mark inputs, so the user sees what to overwrite. */
const EXAMPLE_BLUE = "#1F4E79";
const HEADER_FILL = "#DDEBF7";

const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { font: { name: FONT, size: 16, bold: true }, horizontal: "center", vertical: "center" },
  caption: { font: { name: FONT, size: SIZE }, horizontal: "right", vertical: "center" },
  note: { font: { name: FONT, size: 9, italic: true, color: "#595959" }, vertical: "top", wrap: true },
  header: {
    font: { name: FONT, size: SIZE, bold: true },
    fill: HEADER_FILL,
    borders: THIN_BOX,
    horizontal: "center",
    vertical: "center",
    wrap: true,
  },
  label: { font: { name: FONT, size: SIZE }, borders: THIN_BOX, vertical: "center", wrap: true },
  labelBold: { font: { name: FONT, size: SIZE, bold: true }, borders: THIN_BOX, vertical: "center" },
  amount: {
    font: { name: FONT, size: SIZE, color: EXAMPLE_BLUE },
    borders: THIN_BOX,
    horizontal: "right",
    vertical: "center",
    numberFormat: AMOUNT_FORMAT,
  },
  /** Text inputs keep what is typed: "100%" or "2010301" must not turn into a number. */
  input: {
    font: { name: FONT, size: SIZE, color: EXAMPLE_BLUE },
    borders: THIN_BOX,
    vertical: "center",
    wrap: true,
    numberFormat: "@",
  },
  inputCenter: {
    font: { name: FONT, size: SIZE, color: EXAMPLE_BLUE },
    borders: THIN_BOX,
    horizontal: "center",
    vertical: "center",
    numberFormat: "@",
  },
  weight: {
    font: { name: FONT, size: SIZE, color: EXAMPLE_BLUE },
    borders: THIN_BOX,
    horizontal: "center",
    vertical: "center",
  },
  blank: {
    font: { name: FONT, size: SIZE },
    borders: THIN_BOX,
    vertical: "center",
    wrap: true,
    numberFormat: "@",
  },
};

function print(orientation: "portrait" | "landscape", titleRows: string, lang: Lang): PrintSpec {
  return {
    paper: "A4",
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: titleRows,
    footer: footerText(lang),
    margins: TABLE_MARGINS,
    centerHorizontally: true,
  };
}

const NOTES: Readonly<Record<Lang, string>> = {
  "zh-CN": "说明：蓝色数字和文字为示例，请替换为本单位的数据；表头文字请勿修改，检查和评分按表头识别各列。",
  "en-US":
    "Note: the blue figures and texts are examples; replace them with your unit's data. Keep the Chinese headers as they are: the check and the scoring find the columns by them.",
};

function sheetOf(
  key: TemplateSheetKey,
  lang: Lang,
  grid: SheetGrid,
  freezeRows: number,
  orientation: "portrait" | "landscape",
): TemplateSheet {
  return {
    key,
    name: TEMPLATE_SHEET_NAMES[lang][key],
    cells: grid.cells,
    merges: grid.merges,
    styles: STYLES,
    columnWidths: grid.columnWidths,
    rowHeights: grid.rowHeights,
    freeze: { rows: freezeRows, cols: 0 },
    print: print(orientation, `1:${freezeRows}`, lang),
  };
}

/** A title over the table's width, and a note under the table, a blank row away so it is never read as a row. */
function frame(grid: SheetGrid, title: string, lastCol: number, noteRow: number, lang: Lang): void {
  grid.area(0, 0, 0, lastCol, title, "title");
  grid.height(0, 30);
  grid.area(noteRow, 0, noteRow, lastCol, NOTES[lang], "note");
  grid.fitRow(noteRow, NOTES[lang], 0, lastCol, 9);
}

// ---------------------------------------------------------------- 预算执行情况 (万元)

type Amounts = readonly [number | string | null, number | string | null, number | string | null];

const BUDGET_ROWS: readonly (readonly [string, Amounts | null])[] = [
  ["年度资金总额", [100, 120, 110]],
  ["按收入性质分：", null],
  ["  其中：一般公共预算", [100, 110, 100]],
  ["        政府性基金", ["—", 10, 10]],
  ["        国有资本经营预算", ["—", "—", "—"]],
  ["        社会保险基金", ["—", "—", "—"]],
  ["按支出性质分：", null],
  ["  其中：基本支出", [60, 60, 58]],
  ["        项目支出", [40, 60, 52]],
];

function budgetSheet(lang: Lang, year: number): TemplateSheet {
  const grid = new SheetGrid([28, 14, 14, 14]);
  grid.set(1, 3, "单位：万元", "caption");
  grid.area(2, 0, 3, 0, "年度预算申请", "header");
  grid.area(2, 1, 2, 3, "资金执行情况", "header");
  ["年初预算数", "全年预算数", "全年执行数"].forEach((label, i) => grid.set(3, 1 + i, label, "header"));
  BUDGET_ROWS.forEach(([label, amounts], i) => {
    const row = 4 + i;
    grid.set(row, 0, label, amounts ? "label" : "labelBold");
    for (let c = 0; c < 3; c += 1)
      grid.set(row, 1 + c, amounts ? amounts[c] : null, amounts ? "amount" : "label");
  });
  frame(grid, `${year}年度部门整体支出预算执行情况表`, 3, 4 + BUDGET_ROWS.length + 1, lang);
  return sheetOf("budget", lang, grid, 4, "portrait");
}

// ---------------------------------------------------------------- 支出决算表 (万元)

const EXPENDITURE_ROWS: readonly (readonly [string, string, Amounts])[] = [
  ["合计", "", [110, 58, 52]],
  ["201", "一般公共服务支出", [110, 58, 52]],
  ["20103", "  政府办公厅（室）及相关机构事务", [110, 58, 52]],
  ["2010301", "    行政运行", [58, 58, null]],
  ["2010302", "    一般行政管理事务", [52, null, 52]],
];

function expenditureSheet(lang: Lang, year: number): TemplateSheet {
  const grid = new SheetGrid([12, 36, 16, 16, 16]);
  grid.set(1, 4, "单位：万元", "caption");
  grid.area(2, 0, 3, 0, "科目编码", "header");
  grid.area(2, 1, 3, 1, "科目名称", "header");
  grid.area(2, 2, 2, 4, "本年支出", "header");
  ["合计", "基本支出", "项目支出"].forEach((label, i) => grid.set(3, 2 + i, label, "header"));
  EXPENDITURE_ROWS.forEach(([code, name, amounts], i) => {
    const row = 4 + i;
    if (code === "合计") grid.area(row, 0, row, 1, code, "labelBold");
    else {
      grid.set(row, 0, code, "inputCenter", { text: true });
      grid.set(row, 1, name, "input", { text: true });
    }
    amounts.forEach((amount, c) => grid.set(row, 2 + c, amount, "amount"));
  });
  frame(grid, `${year}年度部门支出决算表`, 4, 4 + EXPENDITURE_ROWS.length + 1, lang);
  return sheetOf("expenditure", lang, grid, 4, "portrait");
}

// ---------------------------------------------------------------- 绩效指标

/** One indicator per kind the rules weigh, so the example shows each operator: ≥, a percentage, ≤ for a cost. */
const INDICATOR_ROWS: readonly (readonly [string, string, string, string, string, number])[] = [
  ["产出指标", "数量指标", "完成项目数", "≥5个", "5个", 20],
  ["产出指标", "质量指标", "项目验收合格率", "100%", "100%", 10],
  ["产出指标", "时效指标", "按期完成率", "≥95%", "96%", 10],
  ["产出指标", "成本指标", "公用经费支出", "≤20万元", "18万元", 10],
  ["效益指标", "社会效益指标", "服务群众人次", "≥1000人次", "1200人次", 30],
  ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92%", 10],
];

const INDICATOR_HEADERS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];

function indicatorsSheet(lang: Lang, year: number): TemplateSheet {
  const grid = new SheetGrid([11, 16, 22, 14, 14, 7, 7, 36]);
  INDICATOR_HEADERS.forEach((label, c) => grid.set(2, c, label, "header"));
  grid.height(2, 30);
  INDICATOR_ROWS.forEach(([level1, level2, name, target, actual, weight], i) => {
    const row = 3 + i;
    [level1, level2, name].forEach((text, c) => grid.set(row, c, text, "input", { text: true }));
    grid.set(row, 3, target, "inputCenter", { text: true });
    grid.set(row, 4, actual, "inputCenter", { text: true });
    grid.set(row, 5, weight, "weight");
    grid.set(row, 6, null, "blank");
    grid.set(row, 7, null, "blank");
  });
  frame(grid, `${year}年度部门整体支出绩效指标完成情况表`, 7, 3 + INDICATOR_ROWS.length + 1, lang);
  return sheetOf("indicators", lang, grid, 3, "landscape");
}

// ---------------------------------------------------------------- 部门基本情况

const INFO_LABELS = [
  "部门名称",
  "评价年度",
  "职能职责",
  "机构设置",
  "年度总体目标",
  "实际完成情况",
  "存在的问题",
  "改进措施",
  "结果应用",
  "其他说明",
];

function infoSheet(lang: Lang, year: number): TemplateSheet {
  const grid = new SheetGrid([16, 80]);
  grid.set(2, 0, "项目", "header");
  grid.set(2, 1, "内容", "header");
  const examples: Readonly<Record<string, string>> = {
    部门名称: "××单位",
    评价年度: String(year),
  };
  INFO_LABELS.forEach((label, i) => {
    const row = 3 + i;
    grid.set(row, 0, label, "labelBold");
    const example = examples[label];
    grid.set(row, 1, example ?? null, example ? "input" : "blank", { text: true });
    // Long texts go here: a taller row invites a paragraph.
    if (!example) grid.height(row, 48);
  });
  frame(grid, "部门（单位）基本情况", 1, 3 + INFO_LABELS.length + 1, lang);
  return sheetOf("info", lang, grid, 3, "portrait");
}

// ---------------------------------------------------------------- 项目支出绩效自评表 (万元)

/** 年初预算数, 全年预算数, 全年执行数 of each fund row: 108 / 120 = 90% → 执行率 score 9 of 10. */
const PROJECT_FUND_ROWS: readonly (readonly [string, Amounts])[] = [
  ["年度资金总额", [100, 120, 108]],
  ["其中：当年财政拨款", [100, 100, 90]],
  ["上年结转资金", [null, 20, 18]],
  ["其他资金", [null, null, null]],
];

/** Every example indicator met, so each scores its weight: 20 + 10 + 10 + 10 + 20 + 20 = 90, plus 执行率's 10 = 100. */
const PROJECT_INDICATOR_ROWS: readonly (readonly [string, string, string, string, string, number])[] = [
  ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 20],
  ["产出指标", "质量指标", "培训合格率", "≥95%", "96%", 10],
  ["产出指标", "时效指标", "按期完成率", "≥95%", "100%", 10],
  ["产出指标", "成本指标", "人均培训成本", "≤2400元", "2300元", 10],
  ["效益指标", "社会效益指标", "带动就业人数", "≥100人", "120人", 20],
  ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 20],
];

/** The example's 执行率 and its score, as the filer types them on the 年度资金总额 row. */
const PROJECT_RATE = "90%";
const PROJECT_EXECUTION_SCORE = 9;

/**
 * One 项目支出绩效自评表 in the finance bureau's layout (8 columns): title, 项目名称 (the placeholder “××项目” the filer
 * replaces), 主管部门 | 实施单位, the fund block, 年度总体目标, the indicators and 总分.
 */
function projectSheet(lang: Lang, year: number): TemplateSheet {
  const grid = new SheetGrid([14, 18, 20, 14, 14, 12, 12, 30]);
  grid.area(1, 0, 1, 1, "项目名称", "labelBold");
  grid.area(1, 2, 1, 7, "××项目", "input", { text: true });
  grid.area(2, 0, 2, 1, "主管部门", "labelBold");
  grid.area(2, 2, 2, 4, "某某县人力资源和社会保障局", "input", { text: true });
  grid.set(2, 5, "实施单位", "labelBold");
  grid.area(2, 6, 2, 7, "某某县就业服务中心", "input", { text: true });
  grid.area(3, 0, 7, 0, "项目资金（万元）", "header");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((label, i) =>
    grid.set(3, 2 + i, label, "header"),
  );
  grid.set(3, 1, null, "header");
  PROJECT_FUND_ROWS.forEach(([label, amounts], i) => {
    const row = 4 + i;
    grid.set(row, 1, label, "label");
    amounts.forEach((amount, c) => grid.set(row, 2 + c, amount, "amount"));
    const total = i === 0;
    grid.set(row, 5, total ? 10 : null, total ? "weight" : "blank");
    grid.set(row, 6, total ? PROJECT_RATE : null, total ? "inputCenter" : "blank", { text: true });
    grid.set(row, 7, total ? PROJECT_EXECUTION_SCORE : null, total ? "weight" : "blank");
  });
  grid.area(8, 0, 9, 0, "年度总体目标", "labelBold");
  grid.area(8, 1, 8, 3, "预期目标", "header");
  grid.area(8, 4, 8, 7, "实际完成情况", "header");
  grid.area(9, 1, 9, 3, "完成职业技能培训500人次，带动就业100人。", "input", { text: true });
  grid.area(9, 4, 9, 7, "完成培训520人次，带动就业120人。", "input", { text: true });
  grid.height(9, 48);
  INDICATOR_HEADERS.forEach((label, c) => grid.set(10, c, label, "header"));
  grid.height(10, 30);
  PROJECT_INDICATOR_ROWS.forEach(([level1, level2, name, target, actual, weight], i) => {
    const row = 11 + i;
    [level1, level2, name].forEach((text, c) => grid.set(row, c, text, "input", { text: true }));
    grid.set(row, 3, target, "inputCenter", { text: true });
    grid.set(row, 4, actual, "inputCenter", { text: true });
    grid.set(row, 5, weight, "weight");
    grid.set(row, 6, weight, "weight");
    grid.set(row, 7, null, "blank");
  });
  const totalRow = 11 + PROJECT_INDICATOR_ROWS.length;
  const weights = PROJECT_INDICATOR_ROWS.reduce((sum, r) => sum + r[5], 0);
  grid.area(totalRow, 0, totalRow, 4, "总分", "labelBold");
  grid.set(totalRow, 5, 10 + weights, "weight");
  grid.set(totalRow, 6, PROJECT_EXECUTION_SCORE + weights, "weight");
  grid.set(totalRow, 7, null, "blank");
  frame(grid, `${year}年度项目支出绩效自评表`, 7, totalRow + 2, lang);
  return sheetOf("project", lang, grid, 1, "landscape");
}

/** The sheets 插入模板 inserts for `kind`, in tab order (the department's four unless a project form is asked for). */
export function buildTemplateOf(kind: TemplateKind, lang: Lang, year: number): TemplateSpec {
  return kind === "project" ? { sheets: [projectSheet(lang, year)] } : buildTemplate(lang, year);
}

/** The four template sheets, in tab order, for the evaluation year `year` (last year is what accountants evaluate). */
export function buildTemplate(lang: Lang, year: number): TemplateSpec {
  return {
    sheets: [
      budgetSheet(lang, year),
      expenditureSheet(lang, year),
      indicatorsSheet(lang, year),
      infoSheet(lang, year),
    ],
  };
}

/** The year a self-evaluation made today is about: the one that has just ended. */
export function evaluationYear(today: Date): number {
  return today.getFullYear() - 1;
}

/** "名" → "名 (2)", "(3)"… until no sheet has it, compared without case as Excel does; within 31 characters. */
export function nextFreeName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toUpperCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toUpperCase())) return name;
  }
}

/** The names the template's sheets get in a workbook that has `existing` sheets: never one that is taken. */
export function planTemplateNames(spec: TemplateSpec, existing: readonly string[]): string[] {
  const taken = [...existing];
  return spec.sheets.map((sheet) => {
    const name = nextFreeName(sheet.name, taken);
    taken.push(name);
    return name;
  });
}
