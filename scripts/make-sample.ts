/**
 * Writes assets/sample/2023年度部门整体支出绩效自评-样例.xlsx: the workbook an accountant of 岳阳市君山产业开发区管委会
 * would have for FY2023, built from the figures of the user's own report (the seed). Run with `npm run sample`.
 *
 * It is laid out the way real workbooks are (title rows, unit captions, a two-row header, label prefixes, a 支出决算表
 * in 元 beside a budget block in 万元) so it exercises the recogniser, and it is consistent, so `selfeval check`
 * finds no error in it. Every amount of the expenditure table is derived from its 项 rows here, never typed twice.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "fs";
import { join } from "path";
import { decimalToScaledInteger } from "../src/engine/money";

export const SAMPLE_PATH = join(
  __dirname,
  "..",
  "assets",
  "sample",
  "2023年度部门整体支出绩效自评-样例.xlsx",
);

const DEPARTMENT = "岳阳市君山产业开发区管委会";
const FONT = "宋体";
const AMOUNT_FORMAT = "#,##0.00";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** 万元 text → 元 as an exact integer (万元 amounts have 2 decimals, so 元 amounts are whole). */
function wanToYuan(wan: string): number {
  const yuan = decimalToScaledInteger(wan, 4);
  if (yuan === null) throw new Error(`bad amount ${wan}`);
  return yuan;
}

// ---------------------------------------------------------------- 表一 预算执行情况 (万元)

function addBudgetSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("表一 预算执行情况");
  ws.columns = [
    { width: 28 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 8 },
    { width: 10 },
    { width: 8 },
  ];

  title(ws, "A1:G1", "2023年度部门整体支出预算执行情况表");
  ws.getCell("A2").value = `预算部门名称：${DEPARTMENT}`;
  ws.mergeCells("A2:D2");
  caption(ws, "G2", "单位：万元");

  header(ws, {
    A3: "年度预算申请",
    B3: "资金执行情况",
    E3: "分值",
    F3: "执行率",
    G3: "得分",
    B4: "年初预算数",
    C4: "全年预算数",
    D4: "全年执行数",
  });
  for (const range of ["A3:A4", "B3:D3", "E3:E4", "F3:F4", "G3:G4"]) ws.mergeCells(range);

  // The seed: "年初预算数与全年预算数相差较大" (project funds and enterprise subsidies were added mid-year).
  const rows: [string, string | null, string | null, string | null][] = [
    ["年度资金总额", "3000.00", "10716.16", "10716.16"],
    ["按收入性质分：", null, null, null],
    ["  其中：一般公共预算", "3000.00", "9716.16", "9716.16"],
    ["        政府性基金", "—", "1000.00", "1000.00"],
    ["        国有资本经营预算", "—", "—", "—"],
    ["        社会保险基金", "—", "—", "—"],
    ["按支出性质分：", null, null, null],
    ["  其中：基本支出", "260.00", "256.79", "256.79"],
    ["        项目支出", "2740.00", "10459.37", "10459.37"],
  ];
  rows.forEach(([label, initial, budget, executed], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = label;
    [initial, budget, executed].forEach((amount, j) => {
      const cell = ws.getCell(r, 2 + j);
      // Amounts are numbers; the dash that budget systems print for "none" stays text.
      cell.value = amount === null ? null : amount === "—" ? "—" : Number(amount);
      cell.numFmt = AMOUNT_FORMAT;
      cell.alignment = { horizontal: "right" };
    });
    for (let c = 1; c <= 7; c++) ws.getCell(r, c).border = THIN;
  });
  ws.getCell("E5").value = 10;
  ws.getCell("F5").value = { formula: "IF(C5=0,0,D5/C5)", result: 1 } as ExcelJS.CellFormulaValue;
  ws.getCell("F5").numFmt = "0.00%";

  finishSheet(ws, "3:4", "portrait");
}

// ---------------------------------------------------------------- 表二 支出决算表 (元)

interface SubjectLine {
  readonly code: string;
  readonly name: string;
  /** 万元, on 项 rows only. */
  readonly basic?: string;
  readonly project?: string;
}

/** Functional classification (2023 政府收支分类科目) of the unit's spending; 项 rows carry the amounts. */
const SUBJECTS: readonly SubjectLine[] = [
  { code: "201", name: "一般公共服务支出" },
  { code: "20113", name: "商贸事务" },
  { code: "2011301", name: "行政运行", basic: "180.35" },
  { code: "2011308", name: "招商引资", project: "1850.00" },
  { code: "208", name: "社会保障和就业支出" },
  { code: "20805", name: "行政事业单位养老支出" },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出", basic: "28.46" },
  { code: "210", name: "卫生健康支出" },
  { code: "21011", name: "行政事业单位医疗" },
  { code: "2101102", name: "事业单位医疗", basic: "12.58" },
  { code: "212", name: "城乡社区支出" },
  { code: "21203", name: "城乡社区公共设施" },
  { code: "2120399", name: "其他城乡社区公共设施支出", project: "5309.37" },
  { code: "21208", name: "国有土地使用权出让收入安排的支出" },
  // The 1000 万元 of 政府性基金: the 国泰食品 退二进三 conversion compensation.
  { code: "2120899", name: "其他国有土地使用权出让收入安排的支出", project: "1000.00" },
  { code: "215", name: "资源勘探工业信息等支出" },
  { code: "21508", name: "支持中小企业发展和管理支出" },
  { code: "2150805", name: "中小企业发展专项", project: "2300.00" },
  { code: "221", name: "住房保障支出" },
  { code: "22102", name: "住房改革支出" },
  { code: "2210201", name: "住房公积金", basic: "35.40" },
];

interface Amounts {
  basic: number;
  project: number;
}

/** 元 per code: each 项 its own amounts, each 款 and 类 the sum of the 项 under it. */
function subjectAmounts(): Map<string, Amounts> {
  const out = new Map<string, Amounts>();
  for (const line of SUBJECTS) out.set(line.code, { basic: 0, project: 0 });
  for (const line of SUBJECTS.filter((l) => l.code.length === 7)) {
    const basic = line.basic ? wanToYuan(line.basic) : 0;
    const project = line.project ? wanToYuan(line.project) : 0;
    for (const prefix of [line.code, line.code.slice(0, 5), line.code.slice(0, 3)]) {
      const a = out.get(prefix);
      if (!a) throw new Error(`${line.code} has no parent ${prefix}`);
      a.basic += basic;
      a.project += project;
    }
  }
  return out;
}

function addExpenditureSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("表二 支出决算表");
  ws.columns = [{ width: 12 }, { width: 40 }, { width: 18 }, { width: 16 }, { width: 18 }];

  title(ws, "A1:E1", "2023年度部门支出决算表");
  ws.getCell("A2").value = `编制单位：${DEPARTMENT}`;
  ws.mergeCells("A2:C2");
  caption(ws, "E2", "金额单位：元");

  header(ws, { A3: "科目编码", B3: "科目名称", C3: "本年支出", C4: "合计", D4: "基本支出", E4: "项目支出" });
  for (const range of ["A3:A4", "B3:B4", "C3:E3"]) ws.mergeCells(range);

  const amounts = subjectAmounts();
  const classes = SUBJECTS.filter((l) => l.code.length === 3);
  const totalBasic = sum(classes.map((c) => amounts.get(c.code)?.basic ?? 0));
  const totalProject = sum(classes.map((c) => amounts.get(c.code)?.project ?? 0));
  // The seed's own totals; the script refuses to write a sample that contradicts them.
  if (totalBasic !== wanToYuan("256.79") || totalProject !== wanToYuan("10459.37")) {
    throw new Error(`subjects sum to ${totalBasic} + ${totalProject} 元, not 256.79 + 10459.37 万元`);
  }

  // The 合计 row sits on top, as 财政部's 决算 tables print it; its cells are formulas over the 类 rows.
  const totalRow = 5;
  ws.getCell(totalRow, 1).value = "合计";
  ws.mergeCells(totalRow, 1, totalRow, 2);
  ws.getCell(totalRow, 1).alignment = { horizontal: "center" };
  ws.getRow(totalRow).font = { name: FONT, size: 10, bold: true };
  const classRows: number[] = [];

  SUBJECTS.forEach((line, i) => {
    const r = totalRow + 1 + i;
    const a = amounts.get(line.code) ?? { basic: 0, project: 0 };
    if (line.code.length === 3) classRows.push(r);
    const indent = line.code.length === 3 ? "" : line.code.length === 5 ? "  " : "    ";
    ws.getCell(r, 1).value = line.code;
    ws.getCell(r, 2).value = indent + line.name;
    ws.getCell(r, 3).value = a.basic + a.project;
    // The budget system leaves a part blank rather than printing 0.00.
    ws.getCell(r, 4).value = a.basic === 0 ? null : a.basic;
    ws.getCell(r, 5).value = a.project === 0 ? null : a.project;
  });

  const columnTotals = [totalBasic + totalProject, totalBasic, totalProject];
  ["C", "D", "E"].forEach((col, j) => {
    const f = classRows.map((r) => `${col}${r}`).join("+");
    ws.getCell(`${col}${totalRow}`).value = {
      formula: f,
      result: columnTotals[j],
    } as ExcelJS.CellFormulaValue;
  });

  const lastRow = totalRow + SUBJECTS.length;
  for (let r = totalRow; r <= lastRow; r++) {
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      if (c >= 3) cell.numFmt = AMOUNT_FORMAT;
    }
  }
  finishSheet(ws, "3:4", "portrait");
}

// ---------------------------------------------------------------- 表三 绩效指标

interface Indicator {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly weight: number;
  readonly reason?: string;
}

/** The seed's results as indicators. Weights: 产出 50, 效益 30, 满意度 10 (with 预算执行 10, 100 in all). */
const INDICATORS: readonly Indicator[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新签约项目数",
    target: "≥15个",
    actual: "17个",
    weight: 8,
  },
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "合同引资额",
    target: "≥20亿元",
    actual: "22.12亿元",
    weight: 8,
  },
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新培育规模以上工业企业",
    target: "≥8家",
    actual: "9家",
    weight: 6,
  },
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "新培育高新技术企业",
    target: "≥6家",
    actual: "7家",
    weight: 6,
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "集中供热站供气能力",
    target: "≥60吨/小时",
    actual: "75吨/小时",
    weight: 6,
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "冷链物流项目主体厂房建设",
    target: "完成主体厂房建设",
    actual: "达成",
    weight: 5,
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "集中供热站扩容项目完成时间",
    target: "2023年12月底前完成",
    actual: "达成",
    weight: 5,
  },
  {
    level1: "产出指标",
    level2: "成本指标",
    name: "机关运行经费",
    target: "≤300万元",
    actual: "256.79万元",
    weight: 6,
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    name: "技工贸总收入",
    target: "≥90亿元",
    actual: "98.96亿元",
    weight: 8,
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    name: "税收收入",
    target: "≥3.2亿元",
    actual: "3.5亿元",
    weight: 7,
  },
  {
    level1: "效益指标",
    level2: "经济效益指标",
    name: "固定资产投资",
    target: "≥50亿元",
    actual: "54.07亿元",
    weight: 5,
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "引导企业启动扩能扩产项目",
    target: "≥8家",
    actual: "9家",
    weight: 5,
  },
  {
    level1: "效益指标",
    level2: "可持续影响指标",
    name: "食品加工、电子信息产业集聚发展",
    target: "产业集聚度持续提升",
    actual: "达成",
    weight: 5,
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "入园企业满意度",
    target: "≥90%",
    actual: "88%",
    weight: 10,
    reason:
      "部分企业对园区配套设施建设进度不够满意。下一步加快“五好园区”、昌泰明渠二期等配套项目建设，提升服务企业水平。",
  },
];

function addIndicatorsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("表三 绩效指标");
  ws.columns = [
    { width: 11 },
    { width: 14 },
    { width: 26 },
    { width: 18 },
    { width: 12 },
    { width: 7 },
    { width: 7 },
    { width: 36 },
  ];
  title(ws, "A1:H1", "2023年度部门整体支出绩效指标完成情况表");
  ws.getCell("A2").value = `预算部门名称：${DEPARTMENT}`;
  ws.mergeCells("A2:E2");
  header(ws, {
    A3: "一级指标",
    B3: "二级指标",
    C3: "三级指标",
    D3: "年度指标值",
    E3: "实际完成值",
    F3: "分值",
    G3: "得分",
    H3: "偏差原因分析及改进措施",
  });

  const first = 4;
  INDICATORS.forEach((ind, i) => {
    const r = first + i;
    const values = [
      ind.level1,
      ind.level2,
      ind.name,
      ind.target,
      ind.actual,
      ind.weight,
      null,
      ind.reason ?? null,
    ];
    values.forEach((v, j) => {
      const cell = ws.getCell(r, j + 1);
      cell.value = v;
      cell.border = THIN;
      cell.alignment = {
        vertical: "middle",
        wrapText: true,
        horizontal: j >= 3 && j <= 6 ? "center" : "left",
      };
    });
  });
  // 一级/二级 merged down over their groups, as the 自评表 prints them.
  mergeRuns(
    ws,
    first,
    INDICATORS.map((x) => x.level1),
    1,
  );
  mergeRuns(
    ws,
    first,
    INDICATORS.map((x) => `${x.level1}/${x.level2}`),
    2,
  );
  finishSheet(ws, "3:3", "landscape");
}

/** Merges each run of equal keys in `col`, starting at row `first`. */
function mergeRuns(ws: ExcelJS.Worksheet, first: number, keys: readonly string[], col: number): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - 1 > start) ws.mergeCells(first + start, col, first + i - 1, col);
    start = i;
  }
}

// ---------------------------------------------------------------- 部门基本情况

const FUNCTIONS =
  "岳阳市君山产业开发区党工委、管委会贯彻执行中央和省、市关于产业开发区的方针政策和决策部署，根据相关法律法规和区委、区政府授权" +
  "履行组织领导、发展规划、区域开发、产业发展、投资促进、协调服务等职能。主要职责：1.贯彻执行党和国家关于开发区建设的方针政策、" +
  "法律法规和决策部署；2.研究拟订和组织实施君山产业开发区重大发展战略、发展规划和工作计划；3.统筹开发区建设发展空间布局，拟订产业" +
  "发展规划、产业布局、产业政策、项目准入标准等重要事项并组织实施；4.负责招商引资工作，组织对外经济技术合作与交流，负责基础设施、" +
  "公用事业、重大项目等建设管理；5.负责优化营商环境，依法承担有关行政审批工作，构建创新创业服务体系；6.负责科技创新和高新技术产业" +
  "管理和服务；7.负责开发区党的建设和非公有制经济组织党建工作；8.承担或协助综合管理、统计、审计、信息、安全生产监督管理、生态环境" +
  "保护、财政收支管理及国有资产管理等工作；9.承办区委、区人民政府交办的其他事项。";

const ORGANIZATION =
  "岳阳市君山产业开发区管委会属于区财政全额预算拨款类事业单位，内设机构5个：综合管理部、经济合作部、开发建设部、产业发展部、" +
  "财政金融部。";

const OVERALL_GOAL =
  "围绕打造食品加工百亿产业，全年新签约项目不少于15个、合同引资额不低于20亿元，新培育规模以上工业企业不少于8家；完成技工贸总收入" +
  "90亿元以上、税收3.2亿元以上；完成集中供热站扩容等园区配套项目建设，持续优化营商环境。";

const GOAL_COMPLETION =
  "全年完成技工贸总收入98.96亿元，同比增长27.9%；完成税收约3.5亿元，同比增长62.33%；新签约项目17个，合同引资额22.12亿元；新培育" +
  "规模以上工业企业9家、高新技术企业7家；集中供热站扩容项目全面建成并交付使用，供气能力翻番至75吨/小时。";

const PROBLEMS = "年初预算数与全年预算数相差较大，部分项目经费及对企业的补助经费为年中预算追加。";

const MEASURES =
  "制定年初预算时，将全年项目经费及对企业的补助经费列入预算批复内，减少年中追加预算数，提升资金到位效率。";

const APPLICATION =
  "以党工委班子成员及部室长为主组建自评小组，对全年绩效目标完成情况进行讨论汇总；自评结果将用于改进预算编制和资金管理，并按规定在" +
  "单位门户网站公开。";

function addInfoSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("部门基本情况");
  ws.columns = [{ width: 16 }, { width: 90 }];
  title(ws, "A1:B1", "部门（单位）基本情况");
  const pairs: [string, string | number][] = [
    ["部门名称", DEPARTMENT],
    ["评价年度", 2023],
    ["职能职责", FUNCTIONS],
    ["机构设置", ORGANIZATION],
    ["年度总体目标", OVERALL_GOAL],
    ["实际完成情况", GOAL_COMPLETION],
    ["存在的问题", PROBLEMS],
    ["改进措施", MEASURES],
    ["结果应用", APPLICATION],
    ["其他说明", "无。"],
  ];
  pairs.forEach(([label, value], i) => {
    const r = 3 + i;
    const l = ws.getCell(r, 1);
    const v = ws.getCell(r, 2);
    l.value = label;
    v.value = value;
    l.font = { name: FONT, size: 11, bold: true };
    l.alignment = { vertical: "middle", horizontal: "center" };
    v.alignment = { vertical: "top", horizontal: "left", wrapText: true };
    l.border = THIN;
    v.border = THIN;
  });
  finishSheet(ws, null, "portrait");
}

// ---------------------------------------------------------------- shared layout

function title(ws: ExcelJS.Worksheet, range: string, text: string): void {
  const first = range.split(":")[0];
  ws.getCell(first).value = text;
  ws.mergeCells(range);
  ws.getCell(first).font = { name: FONT, size: 16, bold: true };
  ws.getCell(first).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(Number(ws.getCell(first).row)).height = 30;
}

function caption(ws: ExcelJS.Worksheet, address: string, text: string): void {
  ws.getCell(address).value = text;
  ws.getCell(address).alignment = { horizontal: "right" };
}

function header(ws: ExcelJS.Worksheet, cells: Record<string, string>): void {
  for (const [address, text] of Object.entries(cells)) {
    const cell = ws.getCell(address);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  }
}

/** A4, one page wide, header rows repeated, page numbers in the footer, no gridlines (domain.md §6.3). */
function finishSheet(
  ws: ExcelJS.Worksheet,
  titleRows: string | null,
  orientation: "portrait" | "landscape",
): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.font?.name) cell.font = { name: FONT, size: 10 };
    }),
  );
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  ws.headerFooter = { oddFooter: "&C第 &P 页 共 &N 页" };
  ws.views = [{ showGridLines: false }];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export async function makeSample(path = SAMPLE_PATH): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = DEPARTMENT;
  // Fixed document dates: regenerating the sample changes no property a user can see.
  wb.created = new Date(Date.UTC(2024, 2, 15));
  wb.modified = new Date(Date.UTC(2024, 2, 15));
  addBudgetSheet(wb);
  addExpenditureSheet(wb);
  addIndicatorsSheet(wb);
  addInfoSheet(wb);
  mkdirSync(join(path, ".."), { recursive: true });
  await wb.xlsx.writeFile(path);
}

if (require.main === module) {
  makeSample().then(
    () => console.log(`wrote ${SAMPLE_PATH}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
