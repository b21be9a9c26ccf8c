/**
 * What the scorer learnt about each indicator besides its score: the facts the indicator rules (src/engine/rules/
 * indicator/) judge and word. The scorer decides scores; the rules decide what is worth a finding.
 */
import type { CellPos, IndicatorRow } from "../tables";
import type { Ratio } from "./exact";
import type { ActualParse, TargetParse, Tier } from "./target";
import type { IndicatorScore, ScoreResult } from "./types";

/** How an indicator is named in messages: its 三级指标 text, or its row when that is blank. */
export interface IndicatorLabel {
  readonly name: string;
  /** 0-based sheet row. */
  readonly row: number;
}

/** Why a row's 分值 cannot be used: left blank, not a number ("约5"), or below 0 ("-5"). */
export type WeightProblem =
  | { readonly kind: "blank" }
  | { readonly kind: "unparsed"; readonly text: string }
  | { readonly kind: "negative"; readonly text: string };

/** A row's 分值 as the rules may use it: a number of 0 or more, or why it cannot be used. */
export type WeightRead =
  | { readonly kind: "ok"; readonly value: Ratio }
  /** An error value (#REF!, a formula never calculated): the checker's value.error already names the cell. */
  | { readonly kind: "error" }
  /** The form has no 分值 column and states no weights (IndicatorsTable.weightsFrom "unstated"): not scored by weight. */
  | { readonly kind: "unstated" }
  | WeightProblem;

/** Which way the scorer went with a row. */
export type ScoringPath =
  /** The target cannot be read (blank, unreadable, an error value): scored 0. */
  | "target-unreadable"
  /** No actual value: scored 0. */
  | "actual-missing"
  /** A qualitative tier (达成 / 部分达成 / 未达成). */
  | "tier"
  /** The actual cannot be read against its target: scored 0. */
  | "actual-unreadable"
  /** Target and actual compared as quantities. */
  | "numbers"
  /** A 评分表 row judged against its 评分标准: the typed score stands, within 0–分值. */
  | "criteria";

export interface IndicatorDetail {
  readonly row: IndicatorRow;
  readonly label: IndicatorLabel;
  /** The public result (what the report and the pane show). */
  readonly result: IndicatorScore;
  readonly path: ScoringPath;
  readonly target: TargetParse;
  readonly actual: ActualParse;
  /** Target and actual as written in their cells (no operator or unit glued on). */
  readonly targetWritten: string;
  readonly actualWritten: string;
  readonly weightRead: WeightRead;
  /** The 分值 the rules use (0 when it cannot be used) and the final score, exactly. */
  readonly weight: Ratio;
  readonly score: Ratio;
  /** The user's 得分, null when blank or when there is no 得分 column. */
  readonly typed: Ratio | null;
  /** Set on the tier path: the tier, whether the typed score lay outside it, and the score the tier rule gave. */
  readonly tier: { readonly tier: Tier; readonly typedOutsideTier: boolean; readonly score: Ratio } | null;
  /** Set when target and actual carry units that do not convert (个 against 项). */
  readonly unitMismatch: { readonly targetUnit: string; readonly actualUnit: string } | null;
  /** Set when the actual reaches the over-completion threshold. */
  readonly overachieved: {
    /** actual / target in percent. */
    readonly percent: Ratio;
    /** The threshold as a multiple of the target (1.3). */
    readonly threshold: Ratio;
    /** The points deducted, null when none were. */
    readonly deduction: Ratio | null;
  } | null;
  /** Where the row's 偏差原因 is (or would be). */
  readonly reasonCell: CellPos;
}

export interface ScoreDetails {
  readonly result: ScoreResult;
  readonly indicators: readonly IndicatorDetail[];
  /** The weights of the indicators table, null when there is none. */
  readonly weights: {
    /** The 分值 header cell. */
    readonly header: CellPos;
    /** Σ usable indicator weights, and that plus the execution weight. */
    readonly indicators: Ratio;
    readonly total: Ratio;
  } | null;
}
