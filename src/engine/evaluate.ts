/**
 * One pass over a workbook for everything downstream (the report, the CLI's generate, the task pane): the checker's
 * consistency findings and the scorer's, in one sorted list, with the score and who and when it is about.
 */
import { checkWorkbook } from "./check";
import { compareFindings, summarize, type Finding, type Severity } from "./findings";
import { toHalfWidth } from "./money";
import { evaluateProjects, type ProjectEvaluation } from "./project";
import { scoreWorkbook } from "./score/index";
import type { ScoreOptions, ScoreResult } from "./score/types";
import type { WorkbookSnapshot } from "./snapshot";
import type { InfoBlock, RecognizedWorkbook, TableSummary } from "./tables";

export interface Evaluation {
  readonly recognized: RecognizedWorkbook;
  readonly tables: readonly TableSummary[];
  /** Checker and scorer findings together, in report order (compareFindings). */
  readonly findings: readonly Finding[];
  readonly summary: Record<Severity, number>;
  /** null when the workbook has neither an indicators table nor a budget block. */
  readonly score: ScoreResult | null;
  /** 部门名称 as written ("" when none is found). */
  readonly department: string;
  /** The evaluation year as four digits ("2023"), "" when none is found. */
  readonly year: string;
  /** Every project form (issue 13), checked and scored on its own; its findings are also in `findings`. */
  readonly projects: readonly ProjectEvaluation[];
}

export function evaluateWorkbook(workbook: WorkbookSnapshot, options: ScoreOptions = {}): Evaluation {
  const checked = checkWorkbook(workbook, {
    toleranceInUnit: options.toleranceInUnit,
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const scored = scoreWorkbook(checked.recognized, options);
  const projects = evaluateProjects(checked.recognized, options);
  const findings = [...checked.findings, ...scored.findings, ...projects.flatMap((p) => p.findings)].sort(
    compareFindings,
  );
  const title = titleLine(workbook);
  return {
    recognized: checked.recognized,
    tables: checked.tables,
    findings,
    summary: summarize(findings),
    score: scored.score,
    department: departmentOf(checked.recognized.info, title),
    year: yearOf(checked.recognized.info, title),
    projects,
  };
}

const YEAR = /((?:19|20)\d{2})\s*年/;

/** The year in a 评价年度 value ("2023", "2023年度", "２０２３年") or a title, as four digits. */
function yearIn(text: string): string | null {
  const t = toHalfWidth(text);
  const m = YEAR.exec(t) ?? /^\s*((?:19|20)\d{2})\s*$/.exec(t);
  return m ? m[1] : null;
}

/**
 * Workbooks without a 评价年度 cell still carry the year, and often the unit's name, in the title row
 * ("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评表") or in a subtitle row of its own ("（2022年度）").
 * Only the first rows of each sheet are titles. A form title with the year after it ("部门预算项目支出绩效自评表
 * （2023年度）") names no department.
 */
export function titleLine(workbook: WorkbookSnapshot): { year: string; department: string } | null {
  const TITLE_ROWS = 5;
  let subtitleYear: string | null = null;
  for (const sheet of workbook.sheets) {
    for (const row of sheet.values.slice(0, TITLE_ROWS)) {
      for (const value of row) {
        if (typeof value !== "string") continue;
        const text = toHalfWidth(value).trim();
        const subtitle = SUBTITLE_YEAR.exec(text);
        if (subtitle) subtitleYear ??= subtitle[1];
        const m = TITLE_YEAR.exec(text);
        if (m && /绩效|自评|评价/.test(text)) return { year: m[2], department: departmentInTitle(m[1]) };
      }
    }
  }
  return subtitleYear ? { year: subtitleYear, department: "" } : null;
}

const TITLE_YEAR = /^(.*?)\s*((?:19|20)\d{2})\s*年度/;
/** A subtitle row holding only the year: "(2022年度)", "（2021年）", "2019年度)". */
const SUBTITLE_YEAR = /^[(]?\s*((?:19|20)\d{2})\s*年度?\s*[)]?$/;

/** What stands before the year in a title, when it is a unit's name (not the form's own name). */
function departmentInTitle(before: string): string {
  // "附件1：" in front of a title is the attachment number of the filing, not part of the name.
  const name = before
    .replace(/^附件\s*\d*\s*[:：]?/, "")
    .replace(/[(（\s]+$/, "")
    .trim();
  return /绩效|自评|评价|表$/.test(name) ? "" : name;
}

function departmentOf(info: InfoBlock | null, title: { department: string } | null): string {
  const written = info?.fields.department?.value.text.trim() ?? "";
  return written || title?.department || "";
}

function yearOf(info: InfoBlock | null, title: { year: string } | null): string {
  const value = info?.fields.year?.value;
  const written = value ? yearIn(typeof value.raw === "number" ? String(value.raw) : value.text) : null;
  return written ?? title?.year ?? "";
}
