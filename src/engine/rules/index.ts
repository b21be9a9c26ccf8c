/**
 * The rule registry: every check rule, in the order they run. The checker, the scorer, the findings sheet, the pane
 * and the CSV read rules (ids, names, severities) from here and nowhere else; RuleId is derived from this list.
 *
 * Adding a rule: write src/engine/rules/<family>/<name>.ts (id "<family>.<name>") with its test, and add it below.
 * tests/engine/rules/registry.test.ts fails when a rule file in the folder is not listed here.
 *
 * The order matters only for findings that sort equal (same severity, same first cell): the value rules run before
 * the sum rules, the checker's rules before the scorer's, as they always have.
 */
import type { Severity } from "../findings";
import type { Lang } from "../i18n";
import { budgetOverspend } from "./budget/overspend";
import { budgetUnitAmbiguous } from "./budget/unit-ambiguous";
import { crossSheet } from "./cross/sheet";
import { indicatorOverachieved } from "./indicator/overachieved";
import { indicatorQualitativeTier } from "./indicator/qualitative-tier";
import { indicatorReasonMissing } from "./indicator/reason-missing";
import { indicatorScoreMismatch } from "./indicator/score-mismatch";
import { indicatorTarget } from "./indicator/target";
import { indicatorUnitMismatch } from "./indicator/unit-mismatch";
import { indicatorWeights } from "./indicator/weights";
import { projectDepartmentSum } from "./project/department-sum";
import { projectDuplicateName } from "./project/duplicate-name";
import { projectFundSum } from "./project/fund-sum";
import { qualityCostOperator } from "./quality/cost-operator";
import { qualityCoverage } from "./quality/coverage";
import { qualityDirection } from "./quality/direction";
import { qualityGroupWeights } from "./quality/group-weights";
import { qualityPlaceholder } from "./quality/placeholder";
import { qualityTargetUnit } from "./quality/target-unit";
import { qualityTemplateRow } from "./quality/template-row";
import { qualityVague } from "./quality/vague";
import { reviewExecutionRate } from "./review/execution-rate";
import { reviewExecutionScore } from "./review/execution-score";
import { reviewExecutionWeight } from "./review/execution-weight";
import { reviewGrade } from "./review/grade";
import { reviewGradeTyped } from "./review/grade-typed";
import { reviewInflated } from "./review/inflated";
import { reviewScoreRange } from "./review/score-range";
import { reviewTotal } from "./review/total";
import { reviewTotalSum } from "./review/total-sum";
import { reviewUnfoundedScore } from "./review/unfounded-score";
import type { Rule, RuleMeta } from "./rule";
import { sumBreakdown } from "./sum/breakdown";
import { sumColumn } from "./sum/column";
import { sumRounding } from "./sum/rounding";
import { sumRow } from "./sum/row";
import { tableMissing } from "./table/missing";
import { valueComputed } from "./value/computed";
import { valueError } from "./value/error";
import { valueMissing } from "./value/missing";
import { valueNegative } from "./value/negative";
import { valueText } from "./value/text";
import { valueUnparsed } from "./value/unparsed";

export const RULES = [
  // The checker's rules (check hooks), over the recognised tables.
  tableMissing,
  valueError,
  valueComputed,
  valueUnparsed,
  valueText,
  valueNegative,
  sumBreakdown,
  budgetOverspend,
  budgetUnitAmbiguous,
  sumRow,
  sumColumn,
  crossSheet,
  sumRounding,
  // Project forms (issue 13): each form's fund block (over the form's view), then the forms together.
  projectFundSum,
  projectDepartmentSum,
  projectDuplicateName,
  // The reviewer's checks on what the template left behind (issue 12 §2).
  qualityPlaceholder,
  qualityTemplateRow,
  // The scorer's rules (checkScores hooks), over the scores.
  indicatorWeights,
  indicatorTarget,
  valueMissing,
  indicatorQualitativeTier,
  indicatorUnitMismatch,
  indicatorOverachieved,
  indicatorScoreMismatch,
  indicatorReasonMissing,
  // The reviewer's re-scoring of what the filer typed (issue 12 §1) and judgement of the indicators (§2).
  reviewExecutionWeight,
  reviewExecutionRate,
  reviewExecutionScore,
  reviewUnfoundedScore,
  reviewScoreRange,
  reviewTotalSum,
  reviewTotal,
  reviewGradeTyped,
  reviewGrade,
  reviewInflated,
  qualityGroupWeights,
  qualityCoverage,
  qualityTargetUnit,
  qualityCostOperator,
  qualityDirection,
  qualityVague,
] as const;

/** Every rule id the engine reports: the registry's ids, nothing else. */
export type RuleId = (typeof RULES)[number]["id"];

const BY_ID = new Map<string, Rule<RuleId, RuleId>>(RULES.map((r) => [r.id, r as Rule<RuleId, RuleId>]));

export function ruleById(id: RuleId): Rule<RuleId, RuleId> {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

export function isRuleId(text: string): text is RuleId {
  return BY_ID.has(text);
}

export function ruleMeta(id: RuleId): RuleMeta<RuleId> {
  return ruleById(id).meta;
}

/** What the findings sheet, the pane and the CSV call a rule, in `lang`; the id itself for an unknown one. */
export function ruleName(id: string, lang: Lang): string {
  return BY_ID.get(id)?.meta.name[lang] ?? id;
}

/** A rule's default severity (before any profile). */
export function defaultSeverity(id: RuleId): Severity {
  return ruleById(id).meta.severity;
}
