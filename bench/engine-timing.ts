/**
 * Parts 2 and 3 of the bench: the engine alone (snapshot → findings, scores and the report spec) timed on one
 * workbook, on a copy with one subject row in ten put wrong (so finding building and grouping are timed at scale too),
 * and the HyperFormula route on the same grid. Runs in its own process per size, warmed up.
 */
import { evaluateWorkbook } from "../src/engine/evaluate";
import { buildReport } from "../src/engine/report/index";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/engine/snapshot";
import { formulaSheet, runFormulaRoute } from "./formula-route";
import { EXPENDITURE_TOTAL_ROW, SHEETS } from "./generate";

export interface EngineTiming {
  readonly rows: number;
  /** Milliseconds per run, after warm-up. */
  readonly engineMs: readonly number[];
  readonly summary: { error: number; warning: number; notice: number };
  /** The copy with one row in ten wrong. */
  readonly faultyMs: readonly number[];
  readonly faultyFindings: number;
  /** The HyperFormula route, when it was run at this size. */
  readonly formulaMs: readonly number[];
  readonly formulaChecks: number;
  readonly formulaMismatches: number;
}

export interface TimingPlan {
  readonly warmups: number;
  readonly runs: number;
  /** 0 leaves the HyperFormula route out. */
  readonly formulaRuns: number;
}

/**
 * Wall time of one run. No GC is forced before it: after a forced full GC V8 shrinks its young generation and the run
 * pays to grow it again (1.7 times slower in this bench) — neither the add-in nor the CLI runs that way.
 */
function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function engineOnce(snapshot: WorkbookSnapshot): ReturnType<typeof evaluateWorkbook> {
  const evaluation = evaluateWorkbook(snapshot);
  buildReport(evaluation, "zh-CN");
  return evaluation;
}

function repeat(plan: { warmups: number; runs: number }, run: () => void): number[] {
  for (let i = 0; i < plan.warmups; i++) run();
  return Array.from({ length: plan.runs }, () => timed(run));
}

/**
 * The same workbook with every tenth subject row's 基本支出 one 元 more: its row sum and its parent's column sum
 * break, so about one finding per five rows.
 */
export function withFaults(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s): SheetSnapshot => {
      if (s.name !== SHEETS.expenditure) return s;
      const first = EXPENDITURE_TOTAL_ROW; // 0-based index of the first subject row (the 合计 row is 1-based 5)
      const values = s.values.map((row, r): readonly CellValue[] => {
        if (r < first || (r - first) % 10 !== 9) return row;
        const copy = [...row];
        const basic = copy[3];
        copy[3] = typeof basic === "number" ? basic + 1 : 1;
        return copy;
      });
      return { ...s, values };
    }),
  };
}

export function timeEngine(snapshot: WorkbookSnapshot, rows: number, plan: TimingPlan): EngineTiming {
  let summary = { error: 0, warning: 0, notice: 0 };
  const engine = () => {
    summary = { ...engineOnce(snapshot).summary };
  };
  let formulaChecks = 0;
  let formulaMismatches = 0;
  let formula: (() => void) | null = null;
  if (plan.formulaRuns > 0) {
    const sheet = snapshot.sheets.find((s) => s.name === SHEETS.expenditure);
    if (!sheet) throw new Error("no expenditure sheet");
    // Writing the formulas is the user's work in the spreadsheet; the timed part is HyperFormula evaluating them.
    const formulas = formulaSheet(sheet, EXPENDITURE_TOTAL_ROW);
    formula = () => {
      const result = runFormulaRoute(formulas);
      formulaChecks = result.checks;
      formulaMismatches = result.mismatches;
    };
  }

  for (let i = 0; i < plan.warmups; i++) engine();
  formula?.();
  // Engine and formula runs alternate, so a burst of load on the machine falls on both alike.
  const engineMs: number[] = [];
  const formulaMs: number[] = [];
  for (let i = 0; i < Math.max(plan.runs, plan.formulaRuns); i++) {
    if (i < plan.runs) engineMs.push(timed(engine));
    if (formula && i < plan.formulaRuns) formulaMs.push(timed(formula));
  }

  const faulty = withFaults(snapshot);
  let faultyFindings = 0;
  const faultyMs = repeat({ warmups: 1, runs: plan.runs }, () => {
    faultyFindings = engineOnce(faulty).findings.length;
  });
  return { rows, engineMs, summary, faultyMs, faultyFindings, formulaMs, formulaChecks, formulaMismatches };
}
