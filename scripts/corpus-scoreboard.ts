/**
 * How well the product reads the real-filings corpus (issue 11): for each filing, its committed .xlsx goes through the
 * product's own reader (readXlsxBuffer) and engine (evaluateWorkbook), and the result is compared with the filing's
 * hand-worked `expected`:
 *   tables     the kinds expected, recognised a/b
 *   budget     each expected budget figure, equal in 分 a/b (the unit decision is part of the figure)
 *   execution  执行率 and its score as the rules give them a/b
 *   scores     each expected indicator's rule score, equal a/b
 *   mistakes   each of the filer's mistakes caught a/b (an error or warning finding naming its cell)
 *   false err  error findings naming none of the listed mistake cells (target 0); findings the page cannot judge
 *              (at a cell it does not show, or listed in expected.unjudged) are not counted
 * Not a test: the engine is not expected to pass it yet. Run:
 *   npx ts-node --transpile-only scripts/corpus-scoreboard.ts
 */
import { existsSync, readFileSync } from "fs";
import { evaluateWorkbook, type Evaluation } from "../src/engine/evaluate";
import type { Finding } from "../src/engine/findings";
import type { BudgetColumn, BudgetRow } from "../src/engine/tables";
import { readXlsxBuffer } from "../src/gateway/xlsx/read";
import { decimalToFen, type Amounts, type Filing } from "../tests/real/corpus-format";
import { judgeable, KIND_OF, SOURCE_OF, subjectOf } from "../tests/real/corpus-checks";
import { loadFilings, xlsxPathOf } from "../tests/real/corpus-files";

function lookup<T>(table: readonly [RegExp, T][], name: string): T | undefined {
  return table.find(([pattern]) => pattern.test(name))?.[1];
}

interface Tally {
  hit: number;
  of: number;
}

interface Line {
  readonly id: string;
  readonly tables: Tally;
  readonly budget: Tally;
  readonly execution: Tally;
  readonly scores: Tally;
  readonly mistakes: Tally;
  readonly falseErrors: number;
  readonly misses: string[];
}

const tally = (): Tally => ({ hit: 0, of: 0 });

function count(t: Tally, ok: boolean): boolean {
  t.of += 1;
  if (ok) t.hit += 1;
  return ok;
}

function compareRow(
  t: Tally,
  misses: string[],
  what: string,
  expected: Amounts,
  row: BudgetRow | undefined,
  unit: Filing["expected"]["unit"],
): void {
  if (!unit) return;
  for (const [column, decimal] of Object.entries(expected) as [BudgetColumn, string][]) {
    const want = decimalToFen(decimal, unit);
    const parsed = row?.cells[column]?.parsed;
    const got = parsed?.kind === "amount" ? parsed.fen : null;
    if (!count(t, got !== null && got === want)) {
      misses.push(
        `budget ${what}.${column}: want ${decimal} ${unit}, got ${got === null ? "nothing" : `${got} 分`}`,
      );
    }
  }
}

const normalized = (name: string): string => name.replace(/\s+/g, "");

function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

function names(finding: Finding, key: string): boolean {
  return finding.cells.some((c) => cellKey(c.sheet, c.address) === key);
}

function scoreLine(filing: Filing, evaluation: Evaluation): Line {
  const e = filing.expected;
  const misses: string[] = [];
  const tables = tally();
  const subject = subjectOf(evaluation);
  const found = subject.kinds;
  for (const kind of e.tables)
    if (!count(tables, found.has(kind))) misses.push(`table ${kind} not recognised`);

  const budget = tally();
  const block = subject.budget;
  if (e.budget) {
    if (e.budget.total) compareRow(budget, misses, "total", e.budget.total, block?.total, e.unit);
    for (const [name, amounts] of Object.entries(e.budget.sources ?? {})) {
      const source = lookup(SOURCE_OF, name);
      compareRow(budget, misses, name, amounts, source ? block?.sources[source] : undefined, e.unit);
    }
    for (const [name, amounts] of Object.entries(e.budget.nature ?? {})) {
      const kind = lookup(KIND_OF, name);
      compareRow(budget, misses, name, amounts, kind ? block?.kinds[kind] : undefined, e.unit);
    }
  }

  const execution = tally();
  if (e.execution) {
    const x = subject.score?.execution;
    const rate = x?.rate === null || x?.rate === undefined ? null : x.rate.toFixed(4);
    if (!count(execution, rate === e.execution.rate))
      misses.push(`执行率: want ${e.execution.rate}, got ${rate ?? "none"}`);
    const score = x ? x.score.toFixed(2) : null;
    if (!count(execution, score === e.execution.score)) {
      misses.push(`execution score: want ${e.execution.score}, got ${score ?? "none"}`);
    }
  }

  const scores = tally();
  const scored = subject.score?.indicators ?? [];
  const used = new Set<number>();
  for (const want of e.indicators) {
    // A row the rules cannot score from what the page shows is not counted either way.
    if (want.ruleScore === null) continue;
    // Rows are matched by their 三级指标; a row the page shows without a name, by its target and actual.
    const same = (s: (typeof scored)[number]): boolean =>
      want.name !== null
        ? normalized(s.name) === normalized(want.name)
        : normalized(s.target) === normalized(want.target ?? "") &&
          normalized(s.actual) === normalized(want.actual ?? "");
    const index = scored.findIndex((s, i) => !used.has(i) && same(s));
    if (index >= 0) used.add(index);
    const got = index >= 0 ? scored[index].score.toFixed(2) : null;
    if (!count(scores, got === want.ruleScore)) {
      const label = want.name ?? `${want.target ?? ""} → ${want.actual ?? ""}`;
      misses.push(`score “${normalized(label)}”: want ${want.ruleScore}, got ${got ?? "not read"}`);
    }
  }

  const mistakes = tally();
  const flagged = evaluation.findings.filter((f) => f.severity === "error" || f.severity === "warning");
  for (const m of e.mistakes) {
    if (
      !count(
        mistakes,
        flagged.some((f) => names(f, m.cell)),
      )
    )
      misses.push(`mistake missed at ${m.cell} (${m.kind})`);
  }
  const mistakeCells = e.mistakes.map((m) => m.cell);
  // Errors at cells the page does not show, or on totals over cut-off rows, are not judged (tests/real/corpus-checks).
  const canJudge = judgeable(filing);
  const falseErrors = evaluation.findings.filter(
    (f) => f.severity === "error" && !mistakeCells.some((cell) => names(f, cell)) && canJudge(f),
  );
  for (const f of falseErrors) {
    const at = f.cells[0] ? cellKey(f.cells[0].sheet, f.cells[0].address) : "(no cell)";
    misses.push(`false error ${f.rule} at ${at}: ${f.message["zh-CN"]}`);
  }
  return {
    id: filing.id,
    tables,
    budget,
    execution,
    scores,
    mistakes,
    falseErrors: falseErrors.length,
    misses,
  };
}

const ratio = (t: Tally): string => `${t.hit}/${t.of}`;

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - text.length));
}

function print(lines: readonly Line[], verbose: boolean): void {
  const header = ["filing", "tables", "budget", "execution", "scores", "mistakes", "false errors"];
  const rows = lines.map((l) => [
    l.id,
    ratio(l.tables),
    ratio(l.budget),
    ratio(l.execution),
    ratio(l.scores),
    ratio(l.mistakes),
    String(l.falseErrors),
  ]);
  const sum = (pick: (l: Line) => Tally): Tally =>
    lines.reduce((acc, l) => ({ hit: acc.hit + pick(l).hit, of: acc.of + pick(l).of }), tally());
  const totals = [
    `TOTAL (${lines.length} filings)`,
    ratio(sum((l) => l.tables)),
    ratio(sum((l) => l.budget)),
    ratio(sum((l) => l.execution)),
    ratio(sum((l) => l.scores)),
    ratio(sum((l) => l.mistakes)),
    String(lines.reduce((n, l) => n + l.falseErrors, 0)),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, totals].map((r) => r[i].length)) + 2);
  const format = (r: string[]): string =>
    r
      .map((c, i) => pad(c, widths[i]))
      .join("")
      .trimEnd();
  console.log(format(header));
  for (const r of rows) console.log(format(r));
  console.log(format(totals));
  if (!verbose) return;
  for (const l of lines) {
    if (l.misses.length === 0) continue;
    console.log(`\n${l.id}`);
    for (const m of l.misses) console.log(`  - ${m}`);
  }
}

async function main(): Promise<void> {
  const lines: Line[] = [];
  for (const filing of loadFilings()) {
    // A filing just added (another engineer's JSON) has no workbook until the builder runs; say so instead of failing.
    if (!existsSync(xlsxPathOf(filing))) {
      console.log(`${filing.id}: no workbook yet, run scripts/make-real-fixtures.ts`);
      continue;
    }
    const snapshot = await readXlsxBuffer(readFileSync(xlsxPathOf(filing)));
    lines.push(scoreLine(filing, evaluateWorkbook(snapshot)));
  }
  print(lines, process.argv.includes("--details"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
