/**
 * Each hand-worked expectation of a real filing as one named check against the engine's evaluation (issue 11 §1):
 * the tables recognised, each budget figure in 分 (so in 元, whatever the table's unit), the execution rate and score,
 * each indicator's rule score, each of the filer's mistakes caught at its cell, and no error finding elsewhere.
 * The keys are stable ("budget:total.executed", "score:保障人数", "mistake:Sheet1!G14", "false-error:rule@Sheet1!E5"),
 * so a test can say exactly which expectations the engine does not meet yet.
 */
import type { Evaluation } from "../../src/engine/evaluate";
import type { Finding } from "../../src/engine/findings";
import { formatFen } from "../../src/engine/money";
import type { BudgetColumn, BudgetRow, FundSource, SpendingKind } from "../../src/engine/tables";
import { decimalToFen, unshownCells, type Amounts, type Filing } from "./corpus-format";

export interface Check {
  readonly key: string;
  readonly want: string;
  readonly got: string;
}

/** The corpus names fund rows as each filing does; the engine sorts them into its sources (first match wins). */
export const SOURCE_OF: readonly [RegExp, FundSource][] = [
  [/一般公共预算/, "general"],
  [/政府性基金/, "govFund"],
  [/国有资本/, "stateCapital"],
  [/社会保险/, "socialInsurance"],
  [/专户/, "specialAccount"],
  [/财政拨款|财政资金/, "general"],
  [/其他资金|单位资金|自有资金|^其他$/, "other"],
  // By level of government (宁夏: 中央补助 | 自治区补助 | 市县资金).
  [/^中央/, "central"],
  [/^自治区|^省级/, "provincial"],
  [/^市县/, "local"],
];

export const KIND_OF: readonly [RegExp, SpendingKind][] = [
  [/基本支出/, "basic"],
  [/项目支出/, "project"],
  [/上缴上级/, "remitted"],
  [/经营支出/, "business"],
  [/附属单位/, "subsidiary"],
];

const find = <T>(table: readonly [RegExp, T][], name: string): T | undefined =>
  table.find(([p]) => p.test(name))?.[1];

const squeeze = (text: string): string => text.replace(/\s+/g, "");

const cellKey = (f: Finding): string[] => f.cells.map((c) => `${c.sheet}!${c.address}`);

/**
 * Whether the page lets anyone judge a finding: not when it names a cell the page does not show (illegible, cut off),
 * nor one the filing lists as unjudged (a total over cut-off rows), nor — when the filing says so — when it names no
 * cell at all (no table on a form cut before its tables). Such findings are neither caught mistakes nor false errors.
 */
export function judgeable(filing: Filing): (f: Finding) => boolean {
  const unknown = unshownCells(filing.sheets);
  const unjudged = filing.expected.unjudged ?? [];
  for (const u of unjudged) if (u.cell !== null) unknown.add(u.cell);
  const workbookUnjudged = unjudged.some((u) => u.cell === null);
  return (f) => (f.cells.length === 0 ? !workbookUnjudged : !cellKey(f).some((c) => unknown.has(c)));
}

function budgetChecks(
  out: Check[],
  name: string,
  expected: Amounts,
  row: BudgetRow | undefined,
  unit: NonNullable<Filing["expected"]["unit"]>,
): void {
  for (const [column, decimal] of Object.entries(expected) as [BudgetColumn, string][]) {
    const want = decimalToFen(decimal, unit);
    const parsed = row?.cells[column]?.parsed;
    const got = parsed?.kind === "amount" ? parsed.fen : null;
    out.push({
      key: `budget:${name}.${column}`,
      want: want === null ? "?" : `${formatFen(want, "元")} 元`,
      got: got === null ? "nothing" : `${formatFen(got, "元")} 元`,
    });
  }
}

/**
 * What the expectations are compared with: the department's tables and score, or, for a filing holding a project form
 * and no department tables (issue 13), the first project form's fund block, indicators and score — a project form's
 * fund block and indicators are its "budget" and "indicators" tables.
 */
export function subjectOf(evaluation: Evaluation): {
  readonly kinds: ReadonlySet<string>;
  readonly budget: Evaluation["recognized"]["budget"];
  readonly score: Evaluation["score"];
} {
  const kinds = new Set<string>(evaluation.tables.map((t) => t.kind));
  const project = evaluation.projects[0];
  if (!project || evaluation.recognized.budget || evaluation.recognized.indicators)
    return { kinds, budget: evaluation.recognized.budget, score: evaluation.score };
  for (const t of project.view.tables) kinds.add(t.kind);
  return { kinds, budget: project.form.budget, score: project.score };
}

export function corpusChecks(filing: Filing, evaluation: Evaluation): Check[] {
  const e = filing.expected;
  const out: Check[] = [];
  const subject = subjectOf(evaluation);
  const kinds = subject.kinds;
  for (const kind of e.tables)
    out.push({ key: `table:${kind}`, want: "recognised", got: kinds.has(kind) ? "recognised" : "not found" });

  const block = subject.budget;
  if (e.budget && e.unit) {
    if (e.budget.total) budgetChecks(out, "total", e.budget.total, block?.total, e.unit);
    for (const [name, amounts] of Object.entries(e.budget.sources ?? {})) {
      const source = find(SOURCE_OF, name);
      budgetChecks(out, name, amounts, source ? block?.sources[source] : undefined, e.unit);
    }
    for (const [name, amounts] of Object.entries(e.budget.nature ?? {})) {
      const kind = find(KIND_OF, name);
      budgetChecks(out, name, amounts, kind ? block?.kinds[kind] : undefined, e.unit);
    }
  }

  if (e.execution) {
    const x = subject.score?.execution;
    out.push({
      key: "execution:rate",
      want: e.execution.rate,
      got: x?.rate === null || x?.rate === undefined ? "none" : x.rate.toFixed(4),
    });
    out.push({ key: "execution:score", want: e.execution.score, got: x ? x.score.toFixed(2) : "none" });
  }

  const scored = subject.score?.indicators ?? [];
  const used = new Set<number>();
  for (const want of e.indicators) {
    if (want.ruleScore === null) continue;
    const same = (s: (typeof scored)[number]): boolean =>
      want.name !== null
        ? squeeze(s.name) === squeeze(want.name)
        : squeeze(s.target) === squeeze(want.target ?? "") &&
          squeeze(s.actual) === squeeze(want.actual ?? "");
    const index = scored.findIndex((s, i) => !used.has(i) && same(s));
    if (index >= 0) used.add(index);
    const label = want.name ?? `${want.target ?? ""}→${want.actual ?? ""}`;
    out.push({
      key: `score:${squeeze(label)}`,
      want: want.ruleScore,
      got: index >= 0 ? scored[index].score.toFixed(2) : "not read",
    });
  }

  const flagged = evaluation.findings.filter((f) => f.severity === "error" || f.severity === "warning");
  for (const m of e.mistakes) {
    const hit = flagged.find((f) => cellKey(f).includes(m.cell));
    out.push({ key: `mistake:${m.cell}`, want: "caught", got: hit ? "caught" : "missed" });
  }
  const mistakeCells = new Set(e.mistakes.map((m) => m.cell));
  const canJudge = judgeable(filing);
  for (const f of evaluation.findings) {
    if (f.severity !== "error" || cellKey(f).some((c) => mistakeCells.has(c)) || !canJudge(f)) continue;
    out.push({
      key: `false-error:${f.rule}@${cellKey(f)[0] ?? "(no cell)"}`,
      want: "no error",
      got: f.message["zh-CN"],
    });
  }
  return out;
}
