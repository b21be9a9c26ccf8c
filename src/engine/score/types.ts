/** The scorer's results (domain.md §5), shared by the report, the CLI and the task pane. */
import type { Localized } from "../i18n";
import type { RuleProfile } from "../rules/run";
import type { TextCell } from "../tables";

export type Grade = "优" | "良" | "中" | "差";

export type Operator = ">=" | ">" | "=" | "<" | "<=";

export interface ScoreOptions {
  /** Tolerance for sums, in the table's unit (default 0.01). Shared with the checker. */
  readonly toleranceInUnit?: number;
  /** An actual ≥ this × target (for ≥ targets) counts as over-completion (default 1.3). */
  readonly overachieveThreshold?: number;
  /** Points deducted for over-completion without a reason (default 0: off; the official text leaves it to judgement). */
  readonly overachieveDeduction?: number;
  /** Cap the total by execution rate (70–80% → 89, 60–70% → 79, 50–60% → 69, below 50% → 59); default off. */
  readonly executionCaps?: boolean;
  /** Default share of the weight, in percent, for the qualitative tiers (default 100 / 70 / 30). */
  readonly qualitativeDefaults?: { readonly met: number; readonly partial: number; readonly unmet: number };
  /** Per rule: a severity other than the registry's, or "off" (checker and scorer rules alike). */
  readonly rules?: RuleProfile;
}

export type IndicatorKind = "quantitative" | "qualitative" | "invalid";

/** How an indicator came out: met in full, partly, not at all, or with no actual value given. */
export type IndicatorStatus = "full" | "partial" | "zero" | "missing" | "invalid";

export interface IndicatorScore {
  readonly row: number;
  readonly level1: string;
  readonly level2: string;
  /** 三级指标 as written. */
  readonly name: string;
  readonly nameCell: TextCell;
  /** Target and actual as written (operator and unit glued on when they stood in their own columns). */
  readonly target: string;
  readonly actual: string;
  readonly weight: number;
  /** Rounded to 2 decimals, half away from zero. */
  readonly score: number;
  readonly kind: IndicatorKind;
  readonly status: IndicatorStatus;
  readonly overachieved: boolean;
  /** 偏差原因 as written ("" when none). */
  readonly reason: string;
  /** How the score was computed, e.g. "17/15 ≥ 目标，满分". */
  readonly method: Localized;
}

export interface ExecutionScore {
  /**
   * 全年预算数 and 全年执行数 of the total row, in 分 (null when missing); the fund sources' added up when the total row
   * has no 全年预算数 but the sources do (score/execution.ts).
   */
  readonly budgetFen: number | null;
  readonly executedFen: number | null;
  /** 执行率 as a fraction (1 = 100%), null when it cannot be computed. */
  readonly rate: number | null;
  /** Always out of 10. */
  readonly weight: number;
  readonly score: number;
  readonly method: Localized;
}

export interface ScoreResult {
  readonly execution: ExecutionScore;
  readonly indicators: readonly IndicatorScore[];
  /** Σ indicator weights + the execution weight (should be 100). */
  readonly weightsTotal: number;
  /** Execution score + Σ rounded indicator scores, after any deduction and cap. */
  readonly total: number;
  readonly grade: Grade;
  /** The cap applied by the execution-rate option, when it lowered the total. */
  readonly cappedFrom?: number;
}
