/**
 * 绩效自评表: the Hunan FY2023 部门整体支出绩效自评表 layout (domain.md §6.1) filled from the evaluation.
 *
 *   A        B        C            D           E           F     G       H
 *   ─────────────── 2023年度部门整体支出绩效自评表 ───────────────────────────
 *                                                          单位：万元
 *   预算部门名称    │ {department}
 *   年度预算申请（万元）│ 年初预算数 │ 全年预算数 │ 全年执行数 │ 分值 │ 执行率 │ 得分
 *   年度资金总额     │ …          │ …         │ …         │ 10   │ 100%  │ 10     (分值/执行率/得分 merged down)
 *   按收入性质分：   …  按支出性质分： …
 *   年度总体目标     │ 预期目标 (C:E)                  │ 实际完成情况 (F:H)
 *   一级指标 │ 二级指标 │ 三级指标 │ 年度指标值 │ 实际完成值 │ 分值 │ 得分 │ 偏差原因分析及改进措施
 *   总分 … 评价等级 …, then the signature line.
 */
import { scoreFixed } from "../format";
import type { Lang } from "../i18n";
import type { BudgetColumn, BudgetRow } from "../tables";
import type { ProjectSheetKey } from "./spec";
import {
  FUND_SOURCE_LABELS,
  SPENDING_KIND_LABELS,
  infoText,
  nonAmountText,
  presentKinds,
  presentSources,
  wan,
  type ReportInput,
} from "./input";
import { bannerLink, bannerStyle, bannerText } from "./banner";
import { SheetGrid } from "./layout";
import { DEFAULT_SHEET_NAMES } from "./sheet-names";
import type { ChartSpec, CellStyle, SheetSpec } from "./spec";
import {
  AMOUNT_FORMAT,
  RATE_FORMAT,
  SCORE_FORMAT,
  TABLE_MARGINS,
  WEIGHT_FORMAT,
  a4Print,
  boxed,
  fontsFor,
} from "./styles";

const COLUMN_WIDTHS = [10, 12, 24, 13, 13, 7, 9.5, 26];
const LAST_COL = COLUMN_WIDTHS.length - 1;
const BODY_SIZE = 10.5;
const BODY_MIN_HEIGHT = 20;
const BUDGET_COLUMNS: readonly BudgetColumn[] = ["initial", "budget", "executed"];

/** One indicator line as the table shows it, from the scorer's result or, without one, from the recognised table. */
interface IndicatorLine {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly weight: number | null;
  readonly score: number | null;
  readonly reason: string;
}

function tableTexts(lang: Lang) {
  const zh = lang === "zh-CN";
  return {
    title: (year: string) =>
      zh
        ? `${year ? `${year}年度` : ""}部门整体支出绩效自评表`
        : `${year ? `FY${year} ` : ""}Department Overall Expenditure Performance Self-Evaluation`,
    unitCaption: zh ? "单位：万元" : "Unit: 10,000 yuan",
    department: zh ? "预算部门名称" : "Budget department",
    budgetHeader: zh
      ? ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
      : [
          "Annual budget (10,000 yuan)",
          "Initial budget",
          "Full-year budget",
          "Executed",
          "Weight",
          "Rate",
          "Score",
        ],
    total: zh ? "年度资金总额" : "Total funds",
    bySource: zh ? "按收入性质分：" : "By source of funds:",
    byKind: zh ? "按支出性质分：" : "By nature of spending:",
    goals: zh ? "年度总体目标" : "Overall annual goals",
    expected: zh ? "预期目标" : "Expected goals",
    achieved: zh ? "实际完成情况" : "Actual results",
    indicatorHeader: zh
      ? [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ]
      : [
          "Level 1",
          "Level 2",
          "Indicator",
          "Target",
          "Actual",
          "Weight",
          "Score",
          "Reasons for deviation and measures",
        ],
    totalScore: zh ? "总分" : "Total score",
    grade: zh ? "评价等级" : "Grade",
    capped: (from: number) =>
      zh
        ? `按预算执行率上限由 ${scoreFixed(from)} 分调整`
        : `Capped by the execution rate from ${scoreFixed(from)}`,
    signatures: zh
      ? ["单位负责人：", "财务负责人：", "填表人：", "填报日期：    年    月    日"]
      : ["Head of unit:", "Head of finance:", "Prepared by:", "Date:"],
    execution: zh ? "预算执行率" : "Budget execution",
    projectTitle: (year: string) =>
      zh
        ? `${year ? `${year}年度` : ""}项目支出绩效自评表`
        : `${year ? `FY${year} ` : ""}Project Expenditure Performance Self-Evaluation`,
    projectName: zh ? "项目名称" : "Project",
    supervisor: zh ? "主管部门" : "Supervising department",
    implementer: zh ? "实施单位" : "Implementing unit",
    projectFunds: zh ? "项目资金（万元）" : "Project funds (10,000 yuan)",
    appropriation: zh ? "其中：当年财政拨款" : "Of which: this year's appropriation",
    carryover: zh ? "上年结转资金" : "Carried over from last year",
    otherFunds: zh ? "其他资金" : "Other funds",
    chartTitle: zh ? "得分与分值" : "Score against weight",
    scoreSeries: zh ? "得分" : "Score",
    weightSeries: zh ? "分值" : "Weight",
  };
}

function styles(lang: Lang): Record<string, CellStyle> {
  const f = fontsFor(lang).table;
  return {
    title: {
      font: { name: fontsFor(lang).title, size: 18, bold: true },
      horizontal: "center",
      vertical: "center",
    },
    caption: { font: { name: f, size: BODY_SIZE }, horizontal: "right", vertical: "center" },
    header: boxed(f, BODY_SIZE, { font: { bold: true }, horizontal: "center" }),
    label: boxed(f, BODY_SIZE, { horizontal: "left" }),
    labelCenter: boxed(f, BODY_SIZE, { horizontal: "center" }),
    subLabel: boxed(f, BODY_SIZE, { horizontal: "left", indent: 1 }),
    text: boxed(f, BODY_SIZE, { horizontal: "left" }),
    textTop: boxed(f, BODY_SIZE, { horizontal: "left", vertical: "top" }),
    textCenter: boxed(f, BODY_SIZE, { horizontal: "center" }),
    amount: boxed(f, BODY_SIZE, { horizontal: "right", indent: 1, numberFormat: AMOUNT_FORMAT }),
    amountText: boxed(f, BODY_SIZE, { horizontal: "right", indent: 1 }),
    rate: boxed(f, BODY_SIZE, { horizontal: "center", numberFormat: RATE_FORMAT }),
    weight: boxed(f, BODY_SIZE, { horizontal: "center", numberFormat: WEIGHT_FORMAT }),
    score: boxed(f, BODY_SIZE, { horizontal: "center", numberFormat: SCORE_FORMAT }),
    totalLabel: boxed(f, BODY_SIZE, { font: { bold: true }, horizontal: "center" }),
    totalScore: boxed(f, BODY_SIZE, {
      font: { bold: true },
      horizontal: "center",
      numberFormat: SCORE_FORMAT,
    }),
    totalWeight: boxed(f, BODY_SIZE, {
      font: { bold: true },
      horizontal: "center",
      numberFormat: WEIGHT_FORMAT,
    }),
    signature: { font: { name: f, size: BODY_SIZE }, horizontal: "left", vertical: "bottom" },
    banner: bannerStyle(f, 12),
  };
}

function indicatorLines(input: ReportInput): IndicatorLine[] {
  if (input.score) {
    return input.score.indicators.map((s) => ({
      level1: s.level1,
      level2: s.level2,
      name: s.name,
      target: s.target,
      actual: s.actual,
      weight: s.weight,
      score: s.score,
      reason: s.reason,
    }));
  }
  return (input.recognized.indicators?.rows ?? []).map((r) => ({
    level1: r.level1,
    level2: r.level2,
    name: r.name.text,
    target: r.target.text,
    actual: r.actual.text,
    weight: r.weight.value,
    score: null,
    reason: r.reason?.text ?? "",
  }));
}

/** Runs of equal, non-empty keys: [start, end] index pairs (inclusive) to merge down. */
export function runsOf(keys: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i += 1) {
    if (i === keys.length || keys[i] !== keys[start] || keys[start] === "") {
      runs.push([start, i - 1]);
      start = i;
    }
  }
  return runs;
}

/** What a project's 项目支出绩效自评表 shows besides the department's layout (issue 13). */
export interface ProjectHead {
  readonly key: ProjectSheetKey;
  /** The sheet's default name (projectSheetName). */
  readonly sheetName: string;
  readonly name: string;
  readonly supervisor: string;
  readonly implementer: string;
  readonly carryover: BudgetRow | null;
  readonly goal: { readonly expected: string; readonly actual: string };
}

/**
 * The 绩效自评表, or with `project` a project's 项目支出绩效自评表 in the same layout: 项目名称, 主管部门 and 实施单位 in
 * place of 预算部门名称, the fund block by 当年财政拨款 / 上年结转资金 / 其他资金, the project's own goal.
 */
export function buildTableSheet(input: ReportInput, lang: Lang, project?: ProjectHead): SheetSpec {
  const t = tableTexts(lang);
  const g = new SheetGrid(COLUMN_WIDTHS);
  let row = 0;

  // While errors stand, a red line above the title (inside the printed area) says so; the table shifts down a row.
  const banner = bannerText(input.findings, lang);
  if (banner !== null) {
    g.area(row, 0, row, LAST_COL, banner, "banner", { hyperlink: bannerLink(lang) });
    g.height(row, 24);
    row += 1;
  }
  const titleRow = row + 1;
  g.area(row, 0, row, LAST_COL, project ? t.projectTitle(input.year) : t.title(input.year), "title", {
    text: true,
  });
  g.height(row, 36);
  row += 1;
  g.area(row, 5, row, LAST_COL, t.unitCaption, "caption");
  g.height(row, 20);
  row += 1;

  if (project) {
    g.area(row, 0, row, 1, t.projectName, "labelCenter");
    g.area(row, 2, row, LAST_COL, project.name, "label", { text: true });
    g.fitRow(row, project.name, 2, LAST_COL, BODY_SIZE, 24);
    row += 1;
    g.area(row, 0, row, 1, t.supervisor, "labelCenter");
    g.area(row, 2, row, 3, project.supervisor, "label", { text: true });
    g.area(row, 4, row, 5, t.implementer, "labelCenter");
    g.area(row, 6, row, LAST_COL, project.implementer, "label", { text: true });
    g.height(row, 24);
    row += 1;
  } else {
    g.area(row, 0, row, 1, t.department, "labelCenter");
    g.area(row, 2, row, LAST_COL, input.department, "label", { text: true });
    g.fitRow(row, input.department, 2, LAST_COL, BODY_SIZE, 24);
    row += 1;
  }

  row = writeBudget(g, input, lang, row, project);
  row = writeGoals(g, input, lang, row, project);
  row = writeIndicators(g, input, lang, row);

  // 总分 and 评价等级.
  const score = input.score;
  g.area(row, 0, row, 4, t.totalScore, "totalLabel");
  g.set(row, 5, score ? score.weightsTotal : null, "totalWeight");
  g.set(row, 6, score ? score.total : null, "totalScore");
  g.set(row, 7, score?.cappedFrom !== undefined ? t.capped(score.cappedFrom) : null, "text");
  g.height(row, 24);
  row += 1;
  g.area(row, 0, row, 4, t.grade, "totalLabel");
  g.area(row, 5, row, LAST_COL, score ? score.grade : null, "totalLabel");
  g.height(row, 24);
  row += 2;

  // Signature line, outside the box.
  const spans: [number, number][] = [
    [0, 1],
    [2, 2],
    [3, 4],
    [5, 7],
  ];
  spans.forEach(([l, r], i) => g.area(row, l, row, r, t.signatures[i], "signature"));
  g.height(row, 30);

  return {
    key: project ? project.key : "table",
    name: project ? project.sheetName : DEFAULT_SHEET_NAMES[lang].table,
    cells: g.cells,
    merges: g.merges,
    styles: styles(lang),
    columnWidths: COLUMN_WIDTHS,
    rowHeights: g.rowHeights,
    print: a4Print(lang, "portrait", TABLE_MARGINS, `${titleRow}:${titleRow + 1}`),
    showGridLines: false,
    ...(input.score ? { chart: chartOf(input, lang, row + 2) } : {}),
  };
}

function writeBudget(
  g: SheetGrid,
  input: ReportInput,
  lang: Lang,
  top: number,
  project: ProjectHead | undefined,
): number {
  const t = tableTexts(lang);
  let row = top;
  t.budgetHeader.forEach((h, i) => {
    if (i === 0) g.area(row, 0, row, 1, project ? t.projectFunds : h, "header");
    else g.set(row, i + 1, h, "header");
  });
  g.fitRow(row, t.budgetHeader[0], 0, 1, BODY_SIZE, BODY_MIN_HEIGHT + 4);
  row += 1;

  const block = input.recognized.budget;
  const firstDataRow = row;
  const writeAmounts = (r: number, budgetRow: BudgetRow | undefined): void => {
    BUDGET_COLUMNS.forEach((c, i) => {
      const cell = budgetRow?.cells[c];
      const col = 2 + i;
      if (!cell || cell.parsed.kind === "none") g.set(r, col, null, "amount");
      else if (cell.parsed.kind === "amount") g.set(r, col, wan(cell.parsed.fen), "amount");
      else g.set(r, col, nonAmountText(cell.parsed, lang), "amountText", { text: true });
    });
  };
  const line = (label: string, style: string, budgetRow: BudgetRow | undefined): void => {
    g.area(row, 0, row, 1, label, style);
    writeAmounts(row, budgetRow);
    g.height(row, BODY_MIN_HEIGHT);
    row += 1;
  };

  line(t.total, "label", block?.total);
  if (project) {
    // The official project form: 其中：当年财政拨款, 上年结转资金, 其他资金, whether filled or not, then any other source.
    line(t.appropriation, "subLabel", block?.sources.general);
    line(t.carryover, "subLabel", project.carryover ?? undefined);
    line(t.otherFunds, "subLabel", block?.sources.other);
    for (const s of block ? presentSources(block) : [])
      if (s !== "general" && s !== "other") line(FUND_SOURCE_LABELS[s][lang], "subLabel", block?.sources[s]);
  } else if (block) {
    const sources = presentSources(block);
    if (sources.length > 0) {
      line(t.bySource, "label", undefined);
      for (const s of sources) line(FUND_SOURCE_LABELS[s][lang], "subLabel", block.sources[s]);
    }
    const kinds = presentKinds(block);
    if (kinds.length > 0) {
      line(t.byKind, "label", undefined);
      for (const k of kinds) line(SPENDING_KIND_LABELS[k][lang], "subLabel", block.kinds[k]);
    }
  }
  // 分值, 执行率 and 得分 belong to the block as a whole: merged down beside all its rows.
  const execution = input.score?.execution;
  const bottom = row - 1;
  g.area(firstDataRow, 5, bottom, 5, execution ? execution.weight : 10, "weight");
  g.area(firstDataRow, 6, bottom, 6, execution?.rate ?? null, "rate");
  g.area(firstDataRow, 7, bottom, 7, execution ? execution.score : null, "score");
  return row;
}

function writeGoals(
  g: SheetGrid,
  input: ReportInput,
  lang: Lang,
  top: number,
  project: ProjectHead | undefined,
): number {
  const t = tableTexts(lang);
  const expected = project ? project.goal.expected : infoText(input, "overallGoal");
  const achieved = project ? project.goal.actual : infoText(input, "goalCompletion");
  g.area(top, 0, top + 1, 1, t.goals, "labelCenter");
  g.area(top, 2, top, 4, t.expected, "header");
  g.area(top, 5, top, 7, t.achieved, "header");
  g.height(top, BODY_MIN_HEIGHT + 2);
  g.area(top + 1, 2, top + 1, 4, expected, "textTop", { text: true });
  g.area(top + 1, 5, top + 1, 7, achieved, "textTop", { text: true });
  g.fitRow(top + 1, expected, 2, 4, BODY_SIZE, 40);
  g.fitRow(top + 1, achieved, 5, 7, BODY_SIZE, 40);
  return top + 2;
}

function writeIndicators(g: SheetGrid, input: ReportInput, lang: Lang, top: number): number {
  const t = tableTexts(lang);
  t.indicatorHeader.forEach((h, i) => g.set(top, i, h, "header"));
  t.indicatorHeader.forEach((h, i) => g.fitRow(top, h, i, i, BODY_SIZE, BODY_MIN_HEIGHT + 4));
  const first = top + 1;
  const lines = indicatorLines(input);
  lines.forEach((l, i) => {
    const r = first + i;
    g.set(r, 2, l.name, "text", { text: true });
    g.set(r, 3, l.target, "textCenter", { text: true });
    g.set(r, 4, l.actual, "textCenter", { text: true });
    g.set(r, 5, l.weight, "weight");
    g.set(r, 6, l.score, "score");
    g.set(r, 7, l.reason, "text", { text: true });
    g.fitRow(r, l.name, 2, 2, BODY_SIZE, BODY_MIN_HEIGHT);
    g.fitRow(r, l.target, 3, 3, BODY_SIZE, BODY_MIN_HEIGHT);
    g.fitRow(r, l.actual, 4, 4, BODY_SIZE, BODY_MIN_HEIGHT);
    g.fitRow(r, l.reason, 7, 7, BODY_SIZE, BODY_MIN_HEIGHT);
  });
  // 一级 merged over its group; 二级 over its group within the 一级 group.
  for (const [a, b] of runsOf(lines.map((l) => l.level1))) {
    g.area(first + a, 0, first + b, 0, lines[a].level1, "textCenter", { text: true });
    fitMergedDown(g, lines[a].level1, first + a, first + b, 0);
  }
  for (const [a, b] of runsOf(lines.map((l) => (l.level2 === "" ? "" : `${l.level1}\u0000${l.level2}`)))) {
    g.area(first + a, 1, first + b, 1, lines[a].level2, "textCenter", { text: true });
    fitMergedDown(g, lines[a].level2, first + a, first + b, 1);
  }
  return first + lines.length;
}

/** A label merged down over rows top..bottom: if the rows are too short for it, grow the last row. */
function fitMergedDown(g: SheetGrid, text: string, top: number, bottom: number, col: number): void {
  const needed = g.neededHeight(text, col, col, BODY_SIZE);
  let have = 0;
  for (let r = top; r <= bottom; r += 1) have += g.rowHeights[r] ?? BODY_MIN_HEIGHT;
  if (needed > have) g.rowHeights[bottom] = (g.rowHeights[bottom] ?? BODY_MIN_HEIGHT) + (needed - have);
}

/**
 * The chart of the scores — 得分 against 分值 for the execution and per 一级指标 — as every output draws it: beside the
 * 自评表 in Excel, in the Word report, in the task pane's 评分 view. Null when nothing was scored.
 */
export function scoreChart(input: ReportInput, lang: Lang): ChartSpec | null {
  return input.score ? chartOf(input, lang, 0) : null;
}

function chartOf(input: ReportInput, lang: Lang, anchorRow: number): ChartSpec {
  const t = tableTexts(lang);
  const score = input.score;
  const categories: string[] = [t.execution];
  const scores: number[] = [score?.execution.score ?? 0];
  const weights: number[] = [score?.execution.weight ?? 10];
  for (const s of score?.indicators ?? []) {
    const name = s.level1 || "—";
    let i = categories.indexOf(name, 1);
    if (i < 0) {
      categories.push(name);
      scores.push(0);
      weights.push(0);
      i = categories.length - 1;
    }
    scores[i] = Math.round((scores[i] + s.score) * 100) / 100;
    weights[i] = Math.round((weights[i] + s.weight) * 100) / 100;
  }
  return {
    title: t.chartTitle,
    lang,
    categories,
    series: [
      { name: t.scoreSeries, values: scores },
      { name: t.weightSeries, values: weights },
    ],
    anchor: { row: anchorRow, col: 0 },
  };
}
