/**
 * The report's sheets for project forms (issue 13): one printable 项目支出绩效自评表 per project, in the layout of the
 * 绩效自评表 and computed the same way (table-sheet.ts), and the 项目汇总: one row per project — name, 全年预算数,
 * 全年执行数, 执行率, 总分, 等级, errors — with the totals, and a chart of the projects' scores for the renderers that
 * draw one (Office.js and the .xlsx package writer; not WPS).
 */
import type { Finding } from "../findings";
import type { Lang } from "../i18n";
import type { ProjectEvaluation } from "../project";
import { projectDisplayName } from "../recognize/project";
import type { ReportInput } from "./input";
import { amountFen, wan } from "./input";
import { SheetGrid } from "./layout";
import { DEFAULT_SHEET_NAMES, projectSheetName } from "./sheet-names";
import { projectSheetKey, type CellStyle, type SheetSpec } from "./spec";
import { AMOUNT_FORMAT, RATE_FORMAT, SCORE_FORMAT, TABLE_MARGINS, a4Print, boxed, fontsFor } from "./styles";
import { buildTableSheet } from "./table-sheet";

/** What the project sheets are built from: the evaluation's projects, its findings and year. */
export interface ProjectReportInput {
  readonly projects: readonly ProjectEvaluation[];
  readonly year: string;
}

/** One 项目支出绩效自评表 per project, named "项目-<项目名称>" (shortened; the renderer numbers a taken name). */
export function buildProjectSheets(input: ProjectReportInput, lang: Lang): SheetSpec[] {
  return input.projects.map((p, index) => {
    const name = projectDisplayName(p.form, index, lang);
    const asInput: ReportInput = {
      recognized: p.view,
      findings: p.findings,
      score: p.score,
      department: name,
      year: input.year,
    };
    // No chart on a project's sheet: the 项目汇总 charts the projects' scores, and 30 charts would crowd the workbook.
    const { chart: _chart, ...sheet } = buildTableSheet(asInput, lang, {
      key: projectSheetKey(index),
      sheetName: projectSheetName(name, lang),
      name,
      supervisor: p.form.supervisor?.text ?? "",
      implementer: p.form.implementer?.text ?? "",
      carryover: p.form.carryover,
      goal: { expected: p.form.goal.expected?.text ?? "", actual: p.form.goal.actual?.text ?? "" },
    });
    return sheet;
  });
}

const COLUMN_WIDTHS = [6, 30, 14, 14, 10, 9, 7, 7];
const LAST_COL = COLUMN_WIDTHS.length - 1;
const BODY_SIZE = 10.5;

function texts(lang: Lang) {
  const zh = lang === "zh-CN";
  return {
    title: (year: string) =>
      zh
        ? `${year ? `${year}年度` : ""}项目支出绩效自评汇总表`
        : `${year ? `FY${year} ` : ""}Project Self-Evaluations: Summary`,
    caption: zh ? "单位：万元" : "Unit: 10,000 yuan",
    header: zh
      ? ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "总分", "等级", "错误"]
      : ["No.", "Project", "Full-year budget", "Executed", "Rate", "Score", "Grade", "Errors"],
    total: zh ? "合计" : "Total",
    chartTitle: zh ? "各项目得分" : "Score of each project",
    scoreSeries: zh ? "总分" : "Score",
    weightSeries: zh ? "满分" : "Full marks",
  };
}

function styles(lang: Lang): Record<string, CellStyle> {
  const f = fontsFor(lang).table;
  return {
    title: {
      font: { name: fontsFor(lang).title, size: 16, bold: true },
      horizontal: "center",
      vertical: "center",
    },
    caption: { font: { name: f, size: BODY_SIZE }, horizontal: "right", vertical: "center" },
    header: boxed(f, BODY_SIZE, { font: { bold: true }, horizontal: "center" }),
    index: boxed(f, BODY_SIZE, { horizontal: "center" }),
    name: boxed(f, BODY_SIZE, { horizontal: "left", font: { underline: true, color: "#0563C1" } }),
    label: boxed(f, BODY_SIZE, { font: { bold: true }, horizontal: "center" }),
    amount: boxed(f, BODY_SIZE, { horizontal: "right", numberFormat: AMOUNT_FORMAT }),
    rate: boxed(f, BODY_SIZE, { horizontal: "center", numberFormat: RATE_FORMAT }),
    score: boxed(f, BODY_SIZE, { horizontal: "center", numberFormat: SCORE_FORMAT }),
    center: boxed(f, BODY_SIZE, { horizontal: "center" }),
  };
}

/** The project's 全年预算数 and 全年执行数 in 分, from its own fund block (null where the form has none). */
export function projectFunds(p: ProjectEvaluation): { budget: number | null; executed: number | null } {
  const total = p.form.budget?.total.cells;
  return { budget: amountFen(total?.budget), executed: amountFen(total?.executed) };
}

const errorsOf = (findings: readonly Finding[]): number =>
  findings.filter((f) => f.severity === "error").length;

/** The 项目汇总 sheet: one row per project, linked to its sheet, then the totals. */
export function buildProjectSummarySheet(input: ProjectReportInput, lang: Lang): SheetSpec {
  const t = texts(lang);
  const g = new SheetGrid(COLUMN_WIDTHS);
  g.area(0, 0, 0, LAST_COL, t.title(input.year), "title", { text: true });
  g.height(0, 32);
  g.area(1, 5, 1, LAST_COL, t.caption, "caption");
  t.header.forEach((h, col) => g.set(2, col, h, "header"));
  g.height(2, 24);
  let row = 3;
  let budgetSum = 0;
  let executedSum = 0;
  let errorSum = 0;
  input.projects.forEach((p, index) => {
    const name = projectDisplayName(p.form, index, lang);
    const funds = projectFunds(p);
    const errors = errorsOf(p.findings);
    budgetSum += funds.budget ?? 0;
    executedSum += funds.executed ?? 0;
    errorSum += errors;
    g.set(row, 0, index + 1, "index");
    g.set(row, 1, name, "name", {
      text: true,
      hyperlink: { sheet: projectSheetName(name, lang), address: "A1", reportSheet: projectSheetKey(index) },
    });
    g.set(row, 2, funds.budget === null ? null : wan(funds.budget), "amount");
    g.set(row, 3, funds.executed === null ? null : wan(funds.executed), "amount");
    g.set(row, 4, p.score?.execution.rate ?? null, "rate");
    g.set(row, 5, p.score ? p.score.total : null, "score");
    g.set(row, 6, p.score ? p.score.grade : null, "center");
    g.set(row, 7, errors, "center");
    g.height(row, 22);
    row += 1;
  });
  g.area(row, 0, row, 1, t.total, "label");
  g.set(row, 2, wan(budgetSum), "amount");
  g.set(row, 3, wan(executedSum), "amount");
  g.set(row, 4, budgetSum > 0 ? executedSum / budgetSum : null, "rate");
  g.set(row, 5, null, "score");
  g.set(row, 6, null, "center");
  g.set(row, 7, errorSum, "center");
  g.height(row, 22);
  const scored = input.projects.map((p, i) => ({ p, i })).filter(({ p }) => p.score !== null);
  return {
    key: "summary",
    name: DEFAULT_SHEET_NAMES[lang].summary,
    cells: g.cells,
    merges: g.merges,
    styles: styles(lang),
    columnWidths: COLUMN_WIDTHS,
    rowHeights: g.rowHeights,
    freeze: { rows: 3, cols: 0 },
    print: a4Print(lang, "portrait", TABLE_MARGINS, "3:3"),
    showGridLines: false,
    ...(scored.length > 0
      ? {
          chart: {
            title: t.chartTitle,
            lang,
            categories: scored.map(({ p, i }) => projectDisplayName(p.form, i, lang)),
            series: [
              { name: t.scoreSeries, values: scored.map(({ p }) => p.score?.total ?? 0) },
              { name: t.weightSeries, values: scored.map(() => 100) },
            ],
            anchor: { row: row + 2, col: 0 },
          },
        }
      : {}),
  };
}
