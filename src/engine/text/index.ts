/**
 * 文数一致 (issue 14 §2): the report a unit wrote by hand, checked against its own workbook. Every amount, percentage,
 * score, grade and count the prose states is attached to its subject (match.ts) and compared with the workbook's
 * figure; each disagreement is a finding of a text.* rule (src/engine/rules/text/), quoting the sentence.
 */
import { compareFindings, summarize, type Finding, type Severity } from "../findings";
import { runTextRules, type RuleProfile } from "../rules/run";
import type { TextCheckInput } from "./held";
import { compareText } from "./match";
import { splitSentences } from "./figures";

export type { TextCheckInput } from "./held";
export type { TextComparison } from "./match";

export interface TextCheckResult {
  readonly findings: readonly Finding[];
  readonly summary: Record<Severity, number>;
  /** How many sentences were read and how many of their figures the workbook holds (compared). */
  readonly sentences: number;
  readonly compared: number;
}

export function checkReportText(
  input: TextCheckInput,
  text: string,
  options: { readonly rules?: RuleProfile } = {},
): TextCheckResult {
  const comparisons = compareText(input, text);
  const findings = runTextRules(input.recognized, comparisons, options).sort(compareFindings);
  return {
    findings,
    summary: summarize(findings),
    sentences: splitSentences(text).length,
    compared: comparisons.length,
  };
}
