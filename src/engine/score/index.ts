/**
 * The scorer (domain.md §5): the execution score, every indicator's score, the weights check, the total and the grade.
 * Totals are added in exact hundredths of a point, so 99.78 + 0.01 never prints as 99.78999999.
 */
import type { Finding } from "../findings";
import { runScoreRules } from "../rules/run";
import type { RecognizedWorkbook } from "../tables";
import type { IndicatorDetail, ScoreDetails } from "./details";
import { add, cmp, fromInt, fromNumber, ratio, toText, ZERO, type Ratio } from "./exact";
import { EXECUTION_WEIGHT, executionRate, scoreExecution } from "./execution";
import { scoreIndicator } from "./indicator";
import { resolveOptions } from "./options";
import type { Grade, IndicatorScore, ScoreOptions, ScoreResult } from "./types";

export type { Grade, IndicatorScore, ScoreOptions, ScoreResult } from "./types";
export { resolveOptions } from "./options";

/** 优 from 90, 良 from 80, 中 from 60, 差 below: each lower bound inclusive. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}

/** The cap on the total by execution rate (70–80% → 89, 60–70% → 79, 50–60% → 69, below 50% → 59), null above 80%. */
export function executionCap(rate: Ratio): number | null {
  if (cmp(rate, ratio(8n, 10n)) >= 0) return null;
  if (cmp(rate, ratio(7n, 10n)) >= 0) return 89;
  if (cmp(rate, ratio(6n, 10n)) >= 0) return 79;
  if (cmp(rate, ratio(5n, 10n)) >= 0) return 69;
  return 59;
}

function exact(value: number): Ratio {
  return fromNumber(value) ?? ZERO;
}

/**
 * Scores the workbook, then runs the rules that judge the scores (the registry's checkScores hooks, each enabled and
 * weighted by options.rules) over what the scorer learnt. Findings come sorted (compareFindings).
 */
export function scoreWorkbook(
  rec: RecognizedWorkbook,
  options: ScoreOptions = {},
): { score: ScoreResult | null; findings: Finding[] } {
  const details = scoreDetails(rec, options);
  if (!details) return { score: null, findings: [] };
  const findings = runScoreRules(rec, details, options);
  return { score: details.result, findings };
}

/** The scores with the facts the indicator rules judge; null when there is nothing to score. */
export function scoreDetails(rec: RecognizedWorkbook, options: ScoreOptions = {}): ScoreDetails | null {
  if (!rec.indicators && !rec.budget) return null;
  const resolved = resolveOptions(options);
  const execution = scoreExecution(rec.budget);

  const indicators: IndicatorScore[] = [];
  const details: IndicatorDetail[] = [];
  let weights = ZERO;
  if (rec.indicators) {
    for (const row of rec.indicators.rows) {
      const scored = scoreIndicator(row, rec.indicators, resolved);
      indicators.push(scored.score);
      details.push(scored.detail);
      // A weight that cannot be used (blank, not a number, below 0) counts as 0, as its indicator scores.
      weights = add(weights, scored.weight);
    }
  }

  let total = exact(execution.score);
  for (const s of indicators) total = add(total, exact(s.score));
  const uncapped = Number(toText(total, 2));
  const rate = executionRate(execution);
  const cap = resolved.executionCaps && rate !== null ? executionCap(rate) : null;
  const capped = cap !== null && uncapped > cap;
  const finalTotal = capped ? cap : uncapped;

  const withExecution = add(weights, fromInt(EXECUTION_WEIGHT));
  const result: ScoreResult = {
    execution,
    indicators,
    weightsTotal: Number(toText(withExecution, 4)),
    total: finalTotal,
    grade: gradeOf(finalTotal),
    ...(capped ? { cappedFrom: uncapped } : {}),
  };
  return {
    result,
    indicators: details,
    weights: rec.indicators
      ? { header: rec.indicators.headers.weight.pos, indicators: weights, total: withExecution }
      : null,
  };
}
