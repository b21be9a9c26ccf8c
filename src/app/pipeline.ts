/**
 * One function per thing the user can ask for, shared by the task pane and the ribbon commands. Each takes a
 * WorkbookHost, so the same code runs against Excel and against the browser preview, and none of it knows about React.
 */
import {
  applyConfirmations,
  cleanText,
  makeConfirmation,
  withConfirmation,
  withoutConfirmationsOf,
  type ConfirmedEvaluation,
} from "../engine/confirmations";
import { rangeToA1 } from "../engine/a1";
import { evaluateWorkbook, type Evaluation } from "../engine/evaluate";
import type { ProjectEvaluation } from "../engine/project";
import type { CellAddress, Finding } from "../engine/findings";
import type { Lang, Localized } from "../engine/i18n";
import type { TemplateKind } from "../engine/template";
import { buildFindingsSheet } from "../engine/report/findings-sheet";
import { buildReport } from "../engine/report/index";
import type { ReportSheetKey, ReportSpec } from "../engine/report/spec";
import type { ScoreOptions } from "../engine/score/types";
import type { WorkbookSnapshot } from "../engine/snapshot";
import {
  MissingTablesError,
  emptyExplanationError,
  findingGoneError,
  missingTablesError,
  type RequiredTable,
} from "./errors";
import type { MarkOutcome, ReportSheetNames, WorkbookHost } from "./host";
import type { AppSettings } from "./settings";

/**
 * The stages a long action goes through, named on the progress bar (读取工作簿 / 核查 / 评分 / 写入报告).
 * The engine recognises, checks and scores in one pass (evaluateWorkbook); "score" is the stage that lays the scores
 * out as the 自评表 and the narrative, so the bar moves while the user waits for what they asked for.
 */
export type StepId = "read" | "check" | "score" | "write";

export const GENERATE_STEPS: readonly StepId[] = ["read", "check", "score", "write"];
export const CHECK_STEPS: readonly StepId[] = ["read", "check"];
export const SCORE_STEPS: readonly StepId[] = ["read", "check", "score"];

export interface Progress {
  /** The step now starting. */
  readonly step: StepId;
  /** Its position in `steps` (0-based). */
  readonly index: number;
  readonly steps: readonly StepId[];
}

export type ProgressListener = (progress: Progress) => void;

export interface EvaluationOutcome {
  /** The evaluation with the workbook's 出错说明 applied (and the lapsed ones listed). */
  readonly evaluation: ConfirmedEvaluation;
}

export interface GenerateOutcome extends EvaluationOutcome {
  /** The names the report's sheets got in the workbook. */
  readonly sheets: ReportSheetNames;
  /** What the host could not do while writing (shown to the user, the report is complete without it). */
  readonly notices: readonly Localized[];
  readonly lang: Lang;
}

/** Lets the browser paint the progress bar before a long synchronous stage (the engine runs on the UI thread). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function stepper(steps: readonly StepId[], onProgress: ProgressListener | undefined) {
  return async (step: StepId): Promise<void> => {
    // No listener, no progress bar to paint: no frame to wait for. The CLI passes none, and in Node a 0 ms timer
    // waits a whole millisecond, twice per workbook: idle time on every file of a `selfeval review` of hundreds.
    if (!onProgress) return;
    onProgress({ step, index: steps.indexOf(step), steps });
    await nextFrame();
  };
}

/** The tables without which the 自评表 cannot be filled in. */
export function missingForReport(evaluation: Evaluation): RequiredTable[] {
  const missing: RequiredTable[] = [];
  // A workbook of project forms only (issue 13): the report is the project sheets, their summary and 核查结果.
  const department = evaluation.recognized.budget !== null || evaluation.recognized.indicators !== null;
  if (!department && evaluation.projects.length > 0) return missing;
  if (!evaluation.recognized.budget) missing.push("budget");
  if (!evaluation.recognized.indicators) missing.push("indicators");
  return missing;
}

/**
 * 一键生成自评报告 (and `selfeval generate`): read, check, score and write the three report sheets. Nothing is written
 * when a table is missing: a MissingTablesError then carries the evaluation.
 */
export async function generate(
  host: WorkbookHost,
  options: ScoreOptions,
  lang: Lang,
  onProgress?: ProgressListener,
): Promise<GenerateOutcome> {
  const step = stepper(GENERATE_STEPS, onProgress);
  await step("read");
  const snapshot = await host.read();
  await step("check");
  const evaluation = await evaluateConfirmed(host, snapshot, options);
  const missing = missingForReport(evaluation);
  if (missing.length > 0) throw new MissingTablesError(missing, evaluation);
  await step("score");
  const spec = buildReport(evaluation, lang);
  await step("write");
  const written = await host.writeReport(spec);
  return { evaluation, sheets: written.sheets, notices: written.notices, lang };
}

/** The engine's evaluation with the 出错说明 stored in the workbook applied (an empty store changes nothing). */
async function evaluateConfirmed(
  host: WorkbookHost,
  snapshot: WorkbookSnapshot,
  options: ScoreOptions,
): Promise<ConfirmedEvaluation> {
  const evaluation = evaluateWorkbook(snapshot, options);
  return applyConfirmations(evaluation, snapshot, await host.loadConfirmations());
}

async function evaluateOnly(
  host: WorkbookHost,
  options: ScoreOptions,
  steps: readonly StepId[],
  onProgress: ProgressListener | undefined,
): Promise<EvaluationOutcome> {
  const step = stepper(steps, onProgress);
  await step("read");
  const snapshot = await host.read();
  await step("check");
  const evaluation = await evaluateConfirmed(host, snapshot, options);
  if (steps.includes("score")) await step("score");
  return { evaluation };
}

/**
 * 一致性检查: the findings of the checker and the scorer, without writing anything. A workbook with only some of the
 * tables is still checked (an expenditure table alone has its sums).
 */
export function check(
  host: WorkbookHost,
  options: ScoreOptions,
  onProgress?: ProgressListener,
): Promise<EvaluationOutcome> {
  return evaluateOnly(host, options, CHECK_STEPS, onProgress);
}

/** 评分: the indicators' scores, without writing anything. */
export function score(
  host: WorkbookHost,
  options: ScoreOptions,
  onProgress?: ProgressListener,
): Promise<EvaluationOutcome> {
  return evaluateOnly(host, options, SCORE_STEPS, onProgress);
}

/**
 * What a ribbon command wrote: the three report sheets, or the 核查结果 sheet alone when a table the 自评表 needs is
 * missing. Either way there is a 核查结果 sheet to show, so a user who clicked the ribbon always sees an outcome.
 */
export interface SheetsOutcome extends EvaluationOutcome {
  readonly sheets: ReportSheetNames | Readonly<Record<"findings", string>>;
  /** The tables the 自评表 needs that were not found (empty when the whole report was written). */
  readonly missing: readonly RequiredTable[];
}

/**
 * Says why there is no 自评表: the tables it needs that were not found, as a table.missing finding with no cell.
 * None when the checker's own table.missing already says that nothing at all was recognised (one problem, one finding).
 */
export function missingTablesFindings(evaluation: Evaluation, missing: readonly RequiredTable[]): Finding[] {
  if (missing.length === 0 || evaluation.findings.some((f) => f.rule === "table.missing")) return [];
  return [
    {
      rule: "table.missing",
      severity: "error",
      cells: [],
      expectedFen: null,
      actualFen: null,
      differenceFen: null,
      message: missingTablesError(missing).text,
    },
  ];
}

/** The 核查结果 sheet alone: the checker's and the scorer's findings, led by the one that names the missing tables. */
export function findingsOnlyReport(
  evaluation: Evaluation,
  missing: readonly RequiredTable[],
  lang: Lang,
): ReportSpec<"findings"> {
  const findings = [...missingTablesFindings(evaluation, missing), ...evaluation.findings];
  const sheet = buildFindingsSheet({ ...evaluation, findings }, lang);
  return { sheets: [{ ...sheet, key: "findings" }] };
}

/** Writes the whole report when the tables for it are there, else the 核查结果 sheet alone. */
async function writeReportOrFindings(
  host: WorkbookHost,
  evaluation: ConfirmedEvaluation,
  lang: Lang,
): Promise<SheetsOutcome> {
  const missing = missingForReport(evaluation);
  const written =
    missing.length === 0
      ? await host.writeReport(buildReport(evaluation, lang))
      : await host.writeReport(findingsOnlyReport(evaluation, missing, lang));
  return { evaluation, sheets: written.sheets, missing };
}

/**
 * The ribbon's 一致性检查: check, then write the report sheets, whose 核查结果 sheet lists the findings. A workbook
 * without the tables the 自评表 needs gets the 核查结果 sheet alone (an expenditure table alone still has its sums).
 */
export async function checkToSheet(
  host: WorkbookHost,
  options: ScoreOptions,
  lang: Lang,
): Promise<SheetsOutcome> {
  const { evaluation } = await check(host, options);
  return writeReportOrFindings(host, evaluation, lang);
}

/**
 * The ribbon's 一键生成自评: as `generate`, but a workbook without the tables the 自评表 needs gets the 核查结果 sheet
 * with the findings that say so, instead of an error that a command without the pane could not show.
 */
export async function generateToSheets(
  host: WorkbookHost,
  options: ScoreOptions,
  lang: Lang,
): Promise<SheetsOutcome> {
  const { evaluation } = await evaluateOnly(host, options, GENERATE_STEPS, undefined);
  return writeReportOrFindings(host, evaluation, lang);
}

/** The cells of a finding that sit on the sheet of its first cell: what one selection can show. */
export function cellsToSelect(
  finding: Finding,
): { readonly sheet: string; readonly addresses: string[] } | null {
  const first: CellAddress | undefined = finding.cells[0];
  if (!first) return null;
  const addresses: string[] = [];
  for (const cell of finding.cells) {
    if (cell.sheet === first.sheet && !addresses.includes(cell.address)) addresses.push(cell.address);
  }
  return { sheet: first.sheet, addresses };
}

/** A click on a finding: activate its sheet and select its cells. Returns false for a finding with no cell. */
export async function showFinding(host: WorkbookHost, finding: Finding): Promise<boolean> {
  const target = cellsToSelect(finding);
  if (!target) return false;
  await host.selectCells(target.sheet, target.addresses);
  return true;
}

/** A click on a project of the pane (issue 13): activate its sheet and select its whole form. */
export function showProject(host: WorkbookHost, project: ProjectEvaluation): Promise<void> {
  return host.selectCells(project.form.sheet, [rangeToA1(project.form.range)]);
}

/**
 * 打开自评表: the report sheet written last, top-left; a report of project forms only (issue 13) opens its 项目汇总,
 * else its 核查结果.
 */
export function openReportSheet(
  host: WorkbookHost,
  sheets: ReportSheetNames,
  key: ReportSheetKey = "table",
): Promise<void> {
  const name = sheets[key] ?? sheets.summary ?? sheets.findings;
  return name === undefined ? Promise.resolve() : host.selectCells(name, ["A1"]);
}

/** Shows what a ribbon command wrote: the 核查结果 sheet, top-left (activated first, as selectCells does). */
export function openFindingsSheet(host: WorkbookHost, outcome: SheetsOutcome): Promise<void> {
  const name = outcome.sheets.findings;
  return name === undefined ? Promise.resolve() : host.selectCells(name, ["A1"]);
}

/** Who and when a 出错说明 was written, when the caller knows (the pane passes the time; the author is optional). */
export interface ConfirmMeta {
  readonly at?: string;
  readonly author?: string;
}

/** The finding of `evaluation` that is `finding` (same rule, cells and message), as a re-check finds it again. */
function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.rule === b.rule &&
    a.message["zh-CN"] === b.message["zh-CN"] &&
    a.cells.length === b.cells.length &&
    a.cells.every((c, i) => c.sheet === b.cells[i].sheet && c.address === b.cells[i].address)
  );
}

/**
 * 说明并确认: stores the filer's explanation of a finding in the workbook and returns the check with it applied. The
 * workbook is read again, so the confirmation is keyed by the figures as they are now; a finding that is no longer
 * there (a figure changed since the check) is refused with a sentence that says so, and nothing is stored.
 */
export async function confirm(
  host: WorkbookHost,
  options: ScoreOptions,
  finding: Finding,
  text: string,
  meta: ConfirmMeta = {},
): Promise<EvaluationOutcome> {
  const explanation = cleanText(text);
  if (explanation === "") throw emptyExplanationError();
  const snapshot = await host.read();
  const evaluation = evaluateWorkbook(snapshot, options);
  const current = evaluation.findings.find((f) => sameFinding(f, finding));
  if (!current) throw findingGoneError();
  const store = withConfirmation(
    await host.loadConfirmations(),
    makeConfirmation(current, snapshot, explanation, meta),
    evaluation.findings,
  );
  await host.saveConfirmations(store);
  return { evaluation: applyConfirmations(evaluation, snapshot, store) };
}

/** 撤销说明: removes the finding's explanation (a lapsed one too) and returns the check without it. */
export async function unconfirm(
  host: WorkbookHost,
  options: ScoreOptions,
  finding: Finding,
): Promise<EvaluationOutcome> {
  const snapshot = await host.read();
  const evaluation = evaluateWorkbook(snapshot, options);
  const store = withoutConfirmationsOf(await host.loadConfirmations(), finding, evaluation.findings);
  await host.saveConfirmations(store);
  return { evaluation: applyConfirmations(evaluation, snapshot, store) };
}

/** 标记问题单元格: only findings that name cells can be marked. */
export function markFindings(host: WorkbookHost, findings: readonly Finding[]): Promise<MarkOutcome> {
  return host.highlight(findings.filter((f) => f.cells.length > 0));
}

/** 清除标记. */
export function clearMarks(host: WorkbookHost): Promise<MarkOutcome> {
  return host.clearHighlights();
}

/** 插入模板 (the department's four input sheets) or 插入项目模板 (kind "project": one 项目支出绩效自评表). */
export function insertTemplate(
  host: WorkbookHost,
  lang: Lang,
  kind: TemplateKind = "department",
): Promise<readonly string[]> {
  return host.insertTemplate(lang, kind);
}

export function loadSettings(host: WorkbookHost): Promise<AppSettings> {
  return host.loadSettings();
}

export function saveSettings(host: WorkbookHost, settings: AppSettings): Promise<void> {
  return host.saveSettings(settings);
}
