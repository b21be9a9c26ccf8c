/**
 * `selfeval generate --json`: the check's envelope (tables, findings, summary) plus the budget block's figures in 元
 * and, when the report was written, the score of every indicator.
 */
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../engine/i18n";
import { fenToYuan } from "../engine/money";
import { projectName } from "../engine/project";
import type { ScoreResult } from "../engine/score/types";
import { FUND_SOURCE_LABELS, amountFen, presentSources } from "../engine/report/input";
import { bannerText } from "../engine/report/banner";
import type { CheckedWorkbook } from "./check-report";
import type { BudgetBlock, BudgetColumn, BudgetRow } from "../engine/tables";
import { checkEnvelope, type CheckEnvelope } from "./check-report";

type Amounts = Record<BudgetColumn, number | null>;

/** A project form names its sources by what they are: the year's appropriation and other funds. */
const PROJECT_SOURCE_NAMES: Partial<Record<string, string>> = { general: "当年财政拨款", other: "其他资金" };

type ScoreEnvelope = NonNullable<GenerateEnvelope["score"]>;

/** One project form in the --json envelope: its fund block in 元 and its score (issue 13). */
export interface ProjectEnvelope {
  readonly name: string;
  readonly sheet: string;
  readonly budget: {
    readonly unit: "元";
    readonly total: Amounts;
    /** By source: 当年财政拨款, 上年结转资金, 其他资金 (and any other source the form lists, by its name). */
    readonly sources: Record<string, Amounts>;
  } | null;
  readonly score: ScoreEnvelope | null;
}

export interface GenerateEnvelope {
  readonly file: string;
  /** The workbook written; null when nothing was written (exit 1). */
  readonly output: string | null;
  /** The Word report written (--docx); null when none was asked for or nothing was written. */
  readonly docx: string | null;
  readonly department: string;
  readonly year: string;
  readonly tables: CheckEnvelope["tables"];
  /** The budget block's figures in 元; null when the workbook has none. */
  readonly budget: {
    readonly unit: "元";
    readonly total: Amounts;
    readonly basic: Amounts | null;
    readonly project: Amounts | null;
    /** By source, keyed by the source's Chinese name (一般公共预算, 政府性基金预算, …). */
    readonly sources: Record<string, Amounts>;
    readonly executionRate: number | null;
  } | null;
  readonly score: {
    readonly total: number;
    readonly grade: string;
    readonly execution: number;
    readonly indicators: readonly {
      readonly level1: string;
      readonly level2: string;
      readonly name: string;
      readonly target: string;
      readonly actual: string;
      readonly weight: number;
      readonly score: number;
      readonly method: string;
    }[];
  } | null;
  /** Every project form (issue 13), in the workbook's order; an empty array when there is none. */
  readonly projects: readonly ProjectEnvelope[];
  readonly findings: CheckEnvelope["findings"];
  readonly summary: CheckEnvelope["summary"];
  readonly lapsed?: CheckEnvelope["lapsed"];
  /** The line the report carries above its tables while errors stand (bannerText), null on a clean workbook. */
  readonly banner: string | null;
}

function yuanAmounts(row: BudgetRow | undefined): Amounts {
  const yuan = (c: BudgetColumn): number | null => {
    const fen = amountFen(row?.cells[c]);
    return fen === null ? null : fenToYuan(fen);
  };
  return { initial: yuan("initial"), budget: yuan("budget"), executed: yuan("executed") };
}

/** 全年执行数 / 全年预算数 of the total row, as the scorer computes it; from the block when there is no score. */
function executionRate(evaluation: Evaluation, block: BudgetBlock): number | null {
  if (evaluation.score) return evaluation.score.execution.rate;
  const budget = amountFen(block.total.cells.budget);
  const executed = amountFen(block.total.cells.executed);
  return budget && executed !== null ? executed / budget : null;
}

function scoreEnvelope(s: ScoreResult, lang: Lang): ScoreEnvelope {
  return {
    total: s.total,
    grade: s.grade,
    execution: s.execution.score,
    indicators: s.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      actual: i.actual,
      weight: i.weight,
      score: i.score,
      method: i.method[lang],
    })),
  };
}

export function generateEnvelope(
  file: string,
  output: string | null,
  evaluation: CheckedWorkbook & Evaluation,
  lang: Lang,
  docx: string | null,
): GenerateEnvelope {
  const checked = checkEnvelope(file, evaluation, lang);
  const block = evaluation.recognized.budget;
  const budget: GenerateEnvelope["budget"] = block
    ? {
        unit: "元",
        total: yuanAmounts(block.total),
        basic: block.kinds.basic ? yuanAmounts(block.kinds.basic) : null,
        project: block.kinds.project ? yuanAmounts(block.kinds.project) : null,
        sources: Object.fromEntries(
          presentSources(block).map((s) => [FUND_SOURCE_LABELS[s]["zh-CN"], yuanAmounts(block.sources[s])]),
        ),
        executionRate: executionRate(evaluation, block),
      }
    : null;
  const written = output !== null || docx !== null;
  const score: GenerateEnvelope["score"] =
    written && evaluation.score ? scoreEnvelope(evaluation.score, lang) : null;
  const projects: ProjectEnvelope[] = evaluation.projects.map((p, index) => {
    const fund = p.form.budget;
    return {
      name: projectName(p, index, lang),
      sheet: p.form.sheet,
      budget: fund
        ? {
            unit: "元",
            total: yuanAmounts(fund.total),
            sources: {
              ...Object.fromEntries(
                presentSources(fund).map((s) => [
                  PROJECT_SOURCE_NAMES[s] ?? FUND_SOURCE_LABELS[s]["zh-CN"],
                  yuanAmounts(fund.sources[s]),
                ]),
              ),
              ...(p.form.carryover ? { 上年结转资金: yuanAmounts(p.form.carryover) } : {}),
            },
          }
        : null,
      score: written && p.score ? scoreEnvelope(p.score, lang) : null,
    };
  });
  return {
    file,
    output,
    docx,
    department: evaluation.department,
    year: evaluation.year,
    tables: checked.tables,
    budget,
    score,
    projects,
    findings: checked.findings,
    summary: checked.summary,
    ...(checked.lapsed ? { lapsed: checked.lapsed } : {}),
    banner: bannerText(evaluation.findings, lang),
  };
}
