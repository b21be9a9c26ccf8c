/**
 * What a check rule is: an object with its id, its meta (table, default severity, name and description in both
 * languages) and the hooks that look at the workbook. A rule never decides its own severity or whether it runs: the
 * registry's meta and the caller's RuleProfile do (see run.ts), so a profile can turn a rule off or change its weight.
 */
import type { CellAddress, Severity, TextEvidence } from "../findings";
import type { Localized } from "../i18n";
import type { MoneyUnit } from "../money";
import type { ScoreDetails } from "../score/details";
import type { TableKind } from "../table-kinds";
import type { CellPos, RecognizedWorkbook } from "../tables";
import type { TextComparison } from "../text/match";

/** The table a rule is about; "any" for rules whose findings each name their own table (or none). */
export type RuleTable = TableKind | "any";

export interface RuleMeta<Also extends string = never> {
  readonly table: RuleTable;
  /** The default severity; a RuleProfile may change it or turn the rule off. */
  readonly severity: Severity;
  /** What the findings sheet, the pane and the CSV call the rule. */
  readonly name: Localized;
  /** One sentence on what the rule checks, for documentation and the registry's listing. */
  readonly description: Localized;
  /**
   * Other rules this rule may report under in place of its own (a sum within tolerance is reported as sum.rounding).
   * Their severity and enablement come from their own registry entry.
   */
  readonly also?: readonly Also[];
  /**
   * The rule is about the whole workbook (a table missing, the department's breakdowns, the tables across sheets):
   * it is not run again over each project form (issue 13), whose own rules stand in for it where needed.
   */
  readonly wholeWorkbookOnly?: true;
}

/** What a rule hands to `report`: everything of the Finding except the rule id and the severity. */
export interface ReportDescriptor<Also extends string = never> {
  /** The first cell is where to look; the rest are the other cells involved. */
  readonly cells: readonly (CellPos | CellAddress)[];
  readonly message: Localized;
  /** Defaults to the rule's meta.table (none for an "any" rule that gives none). */
  readonly table?: TableKind;
  readonly expectedFen?: number | null;
  readonly actualFen?: number | null;
  readonly differenceFen?: number | null;
  readonly unit?: MoneyUnit;
  /** One step less severe than the configured severity (error → warning → notice): the filer has explained it. */
  readonly mitigated?: boolean;
  /** Report under one of meta.also instead of the rule's own id. */
  readonly as?: Also;
  /** The prose a text.* finding is about. */
  readonly text?: TextEvidence;
}

export interface CheckOptionsForRules {
  /** How far a sum may miss before it is an error rather than 尾差, in each table's own unit. Default 0.01. */
  readonly toleranceInUnit?: number;
}

/** What a `check` hook sees: the recognised tables and the options. */
export interface RuleContext<Also extends string = never> {
  readonly workbook: RecognizedWorkbook;
  readonly options: CheckOptionsForRules;
  report(descriptor: ReportDescriptor<Also>): void;
}

/** What a `checkScores` hook sees besides: the scorer's results with the facts its rules need. */
export interface ScoreRuleContext<Also extends string = never> extends RuleContext<Also> {
  readonly scores: ScoreDetails;
}

/** What a `checkText` hook sees besides: every figure of the report's prose compared with the workbook's. */
export interface TextRuleContext<Also extends string = never> extends RuleContext<Also> {
  readonly comparisons: readonly TextComparison[];
}

export interface Rule<Id extends string = string, Also extends string = string> {
  readonly id: Id;
  readonly meta: RuleMeta<Also>;
  /** Looks at the recognised tables (the checker's pass). */
  readonly check?: (context: RuleContext<Also>) => void;
  /** Looks at the scorer's results (the scorer's pass, after every indicator is scored). */
  readonly checkScores?: (context: ScoreRuleContext<Also>) => void;
  /** Looks at the report's prose against the workbook (the text check, src/engine/text/). */
  readonly checkText?: (context: TextRuleContext<Also>) => void;
}

/** Declares a rule, keeping its id as a literal type so the registry can derive RuleId from it. */
export function defineRule<const Id extends string, const Also extends string = never>(
  rule: Rule<Id, Also>,
): Rule<Id, Also> {
  return rule;
}
