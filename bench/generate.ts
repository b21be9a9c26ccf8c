/**
 * Generates the benchmark workbooks: a budget block (万元), a 支出决算表 (元) of 5,000 to 200,000 类/款/项 rows, 500
 * performance indicators and the department information, laid out like real filings (title rows, unit captions, a
 * merged two-row header, codes stored as text, a 合计 row of formulas with cached results, 一级/二级 merged down).
 *
 * Everything adds up, so `selfeval check` must report no error on them. Written with exceljs's streaming writer
 * (rows are committed as they are written), so a 200,000-row workbook never sits in memory as a whole.
 *
 *   npx ts-node --transpile-only bench/generate.ts 5000 bench/out/rows-5000.xlsx
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "fs";
import { dirname } from "path";
import { fenToUnitNumber } from "../src/engine/money";
import { buildSubjectTree, prng, type SubjectTree } from "./subjects";

/** Bumped whenever the generated content changes, so cached workbooks in bench/out/ are rebuilt. */
export const GENERATOR_VERSION = 1;

export const DEPARTMENT = "某某市财政局";
export const YEAR = "2023";
export const INDICATOR_COUNT = 500;

export const SHEETS = {
  budget: "表一 预算执行情况",
  expenditure: "表二 支出决算表",
  indicators: "表三 绩效指标",
  info: "部门基本情况",
} as const;

/** The expenditure table's first data row (1-based): title, caption, two header rows, then the 合计 row at row 5. */
export const EXPENDITURE_TOTAL_ROW = 5;

export interface GeneratedWorkbook {
  readonly path: string;
  /** 类/款/项 rows of the expenditure table (the 合计 row not counted). */
  readonly expenditureRows: number;
  readonly indicators: number;
  readonly branching: number;
  /** The 合计 row, in 分. */
  readonly totalBasicFen: number;
  readonly totalProjectFen: number;
  /** Grid of the expenditure sheet: first data row (1-based) and the columns 科目编码 … 项目支出 (A–E). */
  readonly expenditureSheet: string;
}

const FONT = "宋体";
const AMOUNT = "#,##0.00";
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10 };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10, bold: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  border: BORDER,
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 16, bold: true },
  alignment: { horizontal: "center", vertical: "middle" },
};
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, border: BORDER };
const AMOUNT_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, border: BORDER, numFmt: AMOUNT };

/** Fen as a number in 元 or 万元 (exact to the printed decimals). */
function yuan(fen: number): number {
  return fenToUnitNumber(fen, "元");
}
function wan(fen: number): number {
  return fenToUnitNumber(fen, "万元");
}

/** A multiple of 100 元 (1,000,000 分 = 1 万元 is too coarse for shares; 10,000 分 keeps 万元 at 2 decimals). */
function roundToHundredYuan(fen: number): number {
  return Math.round(fen / 10_000) * 10_000;
}

function setRow(
  ws: ExcelJS.Worksheet,
  r: number,
  values: readonly (ExcelJS.CellValue | undefined)[],
  style?: Partial<ExcelJS.Style>,
): ExcelJS.Row {
  const row = ws.getRow(r);
  values.forEach((v, j) => {
    if (v === undefined) return;
    const cell = row.getCell(j + 1);
    cell.value = v;
    if (style) cell.style = style;
  });
  return row;
}

// ---------------------------------------------------------------- 表一 预算执行情况 (万元)

interface BudgetFigures {
  readonly initial: { basic: number; project: number; govFund: number };
  readonly budget: { basic: number; project: number; govFund: number };
  readonly executed: { basic: number; project: number; govFund: number };
}

/** Budget figures around the executed totals: 全年预算数 ≥ 执行数 (no overspend), 年初 below 全年 (mid-year additions). */
function budgetFigures(tree: SubjectTree): BudgetFigures {
  const basic = tree.totalBasicFen;
  const project = tree.totalProjectFen;
  const executed = { basic, project, govFund: roundToHundredYuan((basic + project) * 0.1) };
  const budget = {
    basic,
    project: project + roundToHundredYuan(project * 0.03),
    govFund: executed.govFund,
  };
  const initial = {
    basic,
    project: roundToHundredYuan(budget.project * 0.8),
    govFund: roundToHundredYuan(executed.govFund * 0.5),
  };
  return { initial, budget, executed };
}

function writeBudgetSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, tree: SubjectTree): void {
  const ws = wb.addWorksheet(SHEETS.budget, { views: [{ showGridLines: false }] });
  ws.columns = [
    { width: 28 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 8 },
    { width: 10 },
    { width: 8 },
  ];
  setRow(ws, 1, [`${YEAR}年度部门整体支出预算执行情况表`], TITLE_STYLE).height = 30;
  ws.mergeCells("A1:G1");
  setRow(ws, 2, [`预算部门名称：${DEPARTMENT}`]);
  ws.mergeCells("A2:D2");
  ws.getCell("G2").value = "单位：万元";
  setRow(ws, 3, ["年度预算申请", "资金执行情况", null, null, "分值", "执行率", "得分"], HEADER_STYLE);
  setRow(ws, 4, [null, "年初预算数", "全年预算数", "全年执行数", null, null, null], HEADER_STYLE);
  for (const range of ["A3:A4", "B3:D3", "E3:E4", "F3:F4", "G3:G4"]) ws.mergeCells(range);

  const f = budgetFigures(tree);
  const cols = [f.initial, f.budget, f.executed];
  const total = (c: BudgetFigures["budget"]) => c.basic + c.project;
  const lines: [string, ((c: BudgetFigures["budget"]) => number) | null][] = [
    ["年度资金总额", total],
    ["按收入性质分：", null],
    ["  其中：一般公共预算", (c) => total(c) - c.govFund],
    ["        政府性基金", (c) => c.govFund],
    ["按支出性质分：", null],
    ["  其中：基本支出", (c) => c.basic],
    ["        项目支出", (c) => c.project],
  ];
  lines.forEach(([label, amount], i) => {
    const r = 5 + i;
    setRow(ws, r, [label], TEXT_STYLE);
    cols.forEach((c, j) => {
      const cell = ws.getCell(r, 2 + j);
      cell.value = amount ? wan(amount(c)) : null;
      cell.style = AMOUNT_STYLE;
    });
  });
  ws.getCell("E5").value = 10;
  ws.getCell("F5").value = { formula: "IF(C5=0,0,D5/C5)", result: total(f.executed) / total(f.budget) };
  ws.getCell("F5").numFmt = "0.00%";
  ws.commit();
}

// ---------------------------------------------------------------- 表二 支出决算表 (元)

function writeExpenditureSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, tree: SubjectTree): void {
  const ws = wb.addWorksheet(SHEETS.expenditure, {
    views: [{ state: "frozen", ySplit: 4, showGridLines: false }],
  });
  ws.columns = [{ width: 12 }, { width: 40 }, { width: 18 }, { width: 18 }, { width: 18 }];
  setRow(ws, 1, [`${YEAR}年度部门支出决算表`], TITLE_STYLE).height = 30;
  ws.mergeCells("A1:E1");
  setRow(ws, 2, [`编制单位：${DEPARTMENT}`]);
  ws.mergeCells("A2:C2");
  ws.getCell("E2").value = "金额单位：元";
  setRow(ws, 3, ["科目编码", "科目名称", "本年支出", null, null], HEADER_STYLE);
  setRow(ws, 4, [null, null, "合计", "基本支出", "项目支出"], HEADER_STYLE);
  for (const range of ["A3:A4", "B3:B4", "C3:E3"]) ws.mergeCells(range);

  // The 合计 row on top, as 财政部's 决算 tables print it: formulas over the 类 rows, with their cached results.
  const first = EXPENDITURE_TOTAL_ROW + 1;
  const classRows = tree.classIndexes.map((i) => first + i);
  const totals = [tree.totalBasicFen + tree.totalProjectFen, tree.totalBasicFen, tree.totalProjectFen];
  setRow(ws, EXPENDITURE_TOTAL_ROW, ["合计"], { ...TEXT_STYLE, font: { ...BODY_FONT, bold: true } });
  ws.mergeCells(EXPENDITURE_TOTAL_ROW, 1, EXPENDITURE_TOTAL_ROW, 2);
  ["C", "D", "E"].forEach((col, j) => {
    const cell = ws.getCell(`${col}${EXPENDITURE_TOTAL_ROW}`);
    cell.value = { formula: classRows.map((r) => `${col}${r}`).join("+"), result: yuan(totals[j]) };
    cell.style = { ...AMOUNT_STYLE, font: { ...BODY_FONT, bold: true } };
  });
  ws.getRow(EXPENDITURE_TOTAL_ROW).commit();

  const indent = ["", "", "  ", "    "];
  tree.rows.forEach((s, i) => {
    const row = ws.getRow(first + i);
    // Budget systems export codes as text and leave a part blank rather than printing 0.00.
    row.getCell(1).value = s.code;
    row.getCell(2).value = indent[s.level] + s.name;
    row.getCell(3).value = yuan(s.basicFen + s.projectFen);
    row.getCell(4).value = s.basicFen === 0 ? null : yuan(s.basicFen);
    row.getCell(5).value = s.projectFen === 0 ? null : yuan(s.projectFen);
    row.getCell(1).style = TEXT_STYLE;
    row.getCell(2).style = TEXT_STYLE;
    for (let c = 3; c <= 5; c++) row.getCell(c).style = AMOUNT_STYLE;
    row.commit();
  });
  ws.commit();
}

// ---------------------------------------------------------------- 表三 绩效指标

interface IndicatorGroup {
  readonly level1: string;
  readonly level2: string;
  readonly count: number;
  /** Weight of each indicator, as decimal text (groups add up to 50, 30 and 10). */
  readonly weight: number;
  readonly make: (i: number, random: () => number) => { name: string; target: string; actual: string };
}

function pick<T>(items: readonly T[], i: number): T {
  return items[i % items.length];
}

/** Actuals between 100% and 125% of a ≥ target: met, never over the 130% over-completion threshold. */
function above(target: number, random: () => number): number {
  return Math.ceil(target * (1 + random() * 0.25));
}

const GROUPS: readonly IndicatorGroup[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    count: 100,
    weight: 0.2,
    make: (i, random) => {
      const [name, unit] = pick(
        [
          ["新签约项目数", "个"],
          ["开展培训", "场次"],
          ["检查企业", "户"],
          ["政策宣传", "次"],
          ["资助学生", "人次"],
        ],
        i,
      );
      const t = 10 + ((i * 7) % 90);
      return { name: `${name}（${i + 1}）`, target: `≥${t}${unit}`, actual: `${above(t, random)}${unit}` };
    },
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    count: 60,
    weight: 0.2,
    make: (i, random) => {
      const t = 90 + (i % 6);
      const a = Math.min(100, t + Math.floor(random() * 5));
      return {
        name: `${pick(["验收合格率", "资料归档率", "问题整改率"], i)}（${i + 1}）`,
        target: `≥${t}%`,
        actual: `${a}%`,
      };
    },
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    count: 40,
    weight: 0.2,
    make: (i) => ({
      name: `${pick(["项目完成时间", "资金拨付时限", "报告报送时间"], i)}（${i + 1}）`,
      target: `${YEAR}年${(i % 12) + 1}月底前完成`,
      actual: "达成",
    }),
  },
  {
    level1: "产出指标",
    level2: "成本指标",
    count: 50,
    weight: 0.2,
    make: (i, random) => {
      const t = 20 + ((i * 13) % 480);
      const a = (t * (0.8 + random() * 0.2)).toFixed(2);
      return {
        name: `${pick(["机关运行经费", "项目建设成本", "会议培训费"], i)}（${i + 1}）`,
        target: `≤${t}万元`,
        actual: `${a}万元`,
      };
    },
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    count: 60,
    weight: 0.15,
    make: (i, random) => {
      const t = 100 + ((i * 37) % 900);
      return {
        name: `${pick(["带动社会投资", "税收收入", "企业营业收入"], i)}（${i + 1}）`,
        target: `≥${t}万元`,
        actual: `${above(t, random)}万元`,
      };
    },
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    count: 80,
    weight: 0.15,
    make: (i) => ({
      name: `${pick(["公共服务水平", "群众办事便利度", "政策知晓度"], i)}（${i + 1}）`,
      target: "有效提升",
      actual: "达成",
    }),
  },
  {
    level1: "效益指标",
    level2: "生态效益指标",
    count: 30,
    weight: 0.15,
    make: (i, random) => {
      const t = 80 + (i % 10);
      return {
        name: `空气质量优良天数比例（${i + 1}）`,
        target: `≥${t}%`,
        actual: `${Math.min(100, t + Math.floor(random() * 8))}%`,
      };
    },
  },
  {
    level1: "效益指标",
    level2: "可持续影响指标",
    count: 30,
    weight: 0.15,
    make: (i) => ({ name: `长效管理机制（${i + 1}）`, target: "持续发挥作用", actual: "达成" }),
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    count: 50,
    weight: 0.2,
    make: (i, random) => {
      const t = 85 + (i % 6);
      return {
        name: `${pick(["服务对象满意度", "企业满意度", "群众满意度"], i)}（${i + 1}）`,
        target: `≥${t}%`,
        actual: `${Math.min(100, t + Math.floor(random() * 6))}%`,
      };
    },
  },
];

function writeIndicatorsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): number {
  const ws = wb.addWorksheet(SHEETS.indicators, { views: [{ showGridLines: false }] });
  ws.columns = [
    { width: 11 },
    { width: 16 },
    { width: 30 },
    { width: 20 },
    { width: 14 },
    { width: 7 },
    { width: 7 },
    { width: 36 },
  ];
  setRow(ws, 1, [`${YEAR}年度部门整体支出绩效指标完成情况表`], TITLE_STYLE).height = 30;
  ws.mergeCells("A1:H1");
  setRow(ws, 2, [`预算部门名称：${DEPARTMENT}`]);
  ws.mergeCells("A2:E2");
  setRow(
    ws,
    3,
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    HEADER_STYLE,
  );
  const random = prng(500);
  let r = 4;
  let level1Start = r;
  let count = 0;
  GROUPS.forEach((g, gi) => {
    const start = r;
    for (let i = 0; i < g.count; i++) {
      const ind = g.make(i, random);
      setRow(ws, r, [g.level1, g.level2, ind.name, ind.target, ind.actual, g.weight, null, null], TEXT_STYLE);
      r++;
      count++;
    }
    // 二级 merged down over its group, 一级 over its groups, as the 自评表 prints them.
    if (g.count > 1) ws.mergeCells(start, 2, r - 1, 2);
    const next = GROUPS[gi + 1];
    if (!next || next.level1 !== g.level1) {
      if (r - 1 > level1Start) ws.mergeCells(level1Start, 1, r - 1, 1);
      level1Start = r;
    }
  });
  ws.commit();
  return count;
}

// ---------------------------------------------------------------- 部门基本情况

function writeInfoSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(SHEETS.info);
  ws.columns = [{ width: 16 }, { width: 90 }];
  setRow(ws, 1, ["部门（单位）基本情况"], TITLE_STYLE);
  ws.mergeCells("A1:B1");
  const pairs: [string, string | number][] = [
    ["部门名称", DEPARTMENT],
    ["评价年度", Number(YEAR)],
    [
      "职能职责",
      "贯彻执行国家财政方针政策，拟订本市财政发展规划，编制年度预决算草案并组织执行，管理政府债务和国有资产。",
    ],
    ["机构设置", "内设机构 12 个，下属事业单位 3 个。"],
    ["存在的问题", "部分项目预算执行进度不均衡。"],
    ["改进措施", "加强预算执行监控，按月通报执行进度。"],
    ["结果应用", "自评结果用于改进下年度预算编制，并在部门门户网站公开。"],
    ["其他说明", "无。"],
  ];
  pairs.forEach(([label, value], i) => setRow(ws, 3 + i, [label, value], TEXT_STYLE));
  ws.commit();
}

// ---------------------------------------------------------------- the workbook

export async function generateWorkbook(path: string, expenditureRows: number): Promise<GeneratedWorkbook> {
  mkdirSync(dirname(path), { recursive: true });
  const tree = buildSubjectTree(expenditureRows);
  const fixed = new Date(Date.UTC(2024, 2, 15));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = DEPARTMENT;
  wb.created = fixed;
  wb.modified = fixed;
  writeBudgetSheet(wb, tree);
  writeExpenditureSheet(wb, tree);
  const indicators = writeIndicatorsSheet(wb);
  writeInfoSheet(wb);
  await wb.commit();
  return {
    path,
    expenditureRows: tree.rows.length,
    indicators,
    branching: tree.branching,
    totalBasicFen: tree.totalBasicFen,
    totalProjectFen: tree.totalProjectFen,
    expenditureSheet: SHEETS.expenditure,
  };
}

if (require.main === module) {
  const [rows, out] = process.argv.slice(2);
  const n = Number(rows);
  if (!Number.isInteger(n) || n < 1 || !out) {
    console.error("usage: ts-node bench/generate.ts <rows> <out.xlsx>");
    process.exit(2);
  }
  generateWorkbook(out, n).then(
    (g) => console.log(JSON.stringify(g)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
