/**
 * One file of `selfeval review`, checked as `selfeval check` checks it (the pipeline's check) and boiled down to plain
 * data: what a worker thread posts back (structured clone keeps no classes) and what the summary workbook and the JSON
 * are built from. Messages stay in both languages, so a worker need not know the language of the output.
 */
import * as pipeline from "../app/pipeline";
import type { Evaluation } from "../engine/evaluate";
import { summarize, type CellAddress, type RuleId, type Severity } from "../engine/findings";
import type { Localized } from "../engine/i18n";
import type { Grade } from "../engine/score/types";
import { localized } from "../engine/i18n";
import { confirmationJson, type ConfirmationJson } from "./confirmation-json";
import { reviewMessages } from "./review-messages";
import { WorkbookReadError } from "../gateway/xlsx/read-error";
import { openWorkbookFileWhole } from "../gateway/xlsx/whole-file-host";

export interface ReviewedFinding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly cells: readonly CellAddress[];
  readonly message: Localized;
  /** The filer's 出错说明 of this finding, when the workbook carries one that still holds. */
  readonly confirmation?: ConfirmationJson;
}

export interface ReviewedFile {
  /** The path relative to the folder reviewed, with "/" between folders on every system. */
  readonly file: string;
  readonly department: string;
  readonly year: string;
  /** Which kind of 自评表: the 部门整体支出 form (with or without project forms beside it), project forms only. */
  readonly form: "department" | "project" | null;
  /** The rule total; null when the workbook has neither an indicators table nor a budget block. */
  readonly score: number | null;
  readonly grade: Grade | null;
  /** The filer's typed 总分 (总分, 自评得分 … beside the indicators table); null when the form has none. */
  readonly typedTotal: number | null;
  /** 预算执行率 as a fraction (1 = 100%). */
  readonly executionRate: number | null;
  readonly counts: Readonly<Record<Severity, number>>;
  /** In report order (severity first), so the first is the worst. */
  readonly findings: readonly ReviewedFinding[];
  /** Why the file could not be checked; null when it was. */
  readonly error: Localized | null;
  /** Each project form of the file (issue 13), in its order. */
  readonly projects: readonly ReviewedProject[];
}

export interface ReviewedProject {
  readonly name: string;
  readonly sheet: string;
  readonly score: number | null;
  readonly grade: Grade | null;
  readonly executionRate: number | null;
  readonly counts: Readonly<Record<Severity, number>>;
}

const NO_COUNTS: Readonly<Record<Severity, number>> = { error: 0, warning: 0, notice: 0 };

/**
 * Checks one workbook. Never throws: a file that cannot be read, or whose check fails, comes back with `error` set, so
 * one bad file never stops the run.
 */
export async function reviewFile(path: string, file: string): Promise<ReviewedFile> {
  try {
    // Not check's streaming host, which reads the file from disk part by part: this one reads each small file in one
    // go, in the sequential run and in every worker alike. Both leave out the report sheets `generate` wrote (a folder
    // sent to the bureau holds generated workbooks, whose 绩效自评表 would otherwise be read as a second filing).
    const host = await openWorkbookFileWhole(path);
    const { evaluation } = await pipeline.check(host, {});
    return reviewed(file, evaluation);
  } catch (error) {
    return unreadable(file, reasonOf(error));
  }
}

export function unreadable(file: string, reason: Localized): ReviewedFile {
  return {
    file,
    department: "",
    year: "",
    form: null,
    score: null,
    grade: null,
    typedTotal: null,
    executionRate: null,
    counts: NO_COUNTS,
    findings: [],
    error: reason,
    projects: [],
  };
}

export function reasonOf(error: unknown): Localized {
  if (error instanceof WorkbookReadError) return error.localized;
  const detail = (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0].trim();
  return failure(detail);
}

/** A check that failed for a reason the reader does not name (a bug, a worker that died). */
export function failure(detail: string): Localized {
  return localized(reviewMessages("zh-CN").checkFailed(detail), reviewMessages("en-US").checkFailed(detail));
}

function reviewed(file: string, evaluation: Evaluation): ReviewedFile {
  const score = evaluation.score;
  return {
    file,
    department: evaluation.department,
    year: evaluation.year,
    form: formOf(evaluation),
    score: score ? score.total : null,
    grade: score ? score.grade : null,
    typedTotal: evaluation.recognized.typed?.total?.value ?? null,
    executionRate: score ? score.execution.rate : null,
    counts: { ...evaluation.summary },
    findings: evaluation.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
      message: { "zh-CN": f.message["zh-CN"], "en-US": f.message["en-US"] },
      ...(f.confirmation ? { confirmation: confirmationJson(f.confirmation) } : {}),
    })),
    error: null,
    projects: evaluation.projects.map((p) => ({
      name: p.name,
      sheet: p.form.sheet,
      score: p.score ? p.score.total : null,
      grade: p.score ? p.score.grade : null,
      executionRate: p.score ? p.score.execution.rate : null,
      counts: summarize(p.findings),
    })),
  };
}

function formOf(evaluation: Evaluation): ReviewedFile["form"] {
  const department = evaluation.tables.some((t) => t.kind !== "project");
  if (department) return "department";
  return evaluation.projects.length > 0 ? "project" : null;
}
