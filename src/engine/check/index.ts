/**
 * The consistency checker: every rule of the registry (src/engine/rules) with a `check` hook, over the recognised
 * tables. Pure: the same model and options give the same findings, sorted (compareFindings).
 */
import type { Finding } from "../findings";
import { runCheckRules, type RuleProfile } from "../rules/run";
import type { RecognizedWorkbook } from "../tables";

export interface CheckOptions {
  /** How far a sum may miss before it is an error rather than 尾差, in each table's own unit. Default 0.01. */
  toleranceInUnit?: number;
  /** Per rule: a severity other than the registry's, or "off". */
  rules?: RuleProfile;
}

export function checkRecognized(rec: RecognizedWorkbook, options: CheckOptions): Finding[] {
  return runCheckRules(rec, options);
}
