/**
 * The rule registry: every check rule, in the order they run. The checker, the scorer, the findings sheet, the pane
 * and the CSV read rules (ids, names, severities) from here and nowhere else; RuleId is derived from the rule files.
 *
 * Adding a rule: write src/engine/rules/<family>/<name>.ts (id "<family>.<name>", `export const … = defineRule(…)`)
 * with its test, and nothing else. scripts/rules-registry.js writes registry.generated.ts, the list of every rule file,
 * before anything compiles the engine (jest, tsc, webpack, ts-node, npm install); this file only orders that list.
 *
 * The order matters only for findings that sort equal (same severity, same first cell): the value rules run before
 * the sum rules, the checker's rules before the scorer's, as they always have. RUN_ORDER keeps that order; a rule it
 * does not name runs after the named ones, in path order. Name a new rule in it only when its findings must come
 * before an older rule's among findings that sort equal.
 */
import type { Severity } from "../findings";
import type { Lang } from "../i18n";
import { DISCOVERED_RULES } from "./registry.generated";
import type { Rule, RuleMeta } from "./rule";

type DiscoveredRule = (typeof DISCOVERED_RULES)[number];

/** Every rule id the engine reports: the ids of the rule files, nothing else. */
export type RuleId = DiscoveredRule["id"];

/** The rules that run first, in this order; the others follow in path order (family folder, then file name). */
const RUN_ORDER: readonly RuleId[] = [
  // The checker's rules (check hooks), over the recognised tables.
  "table.missing",
  "table.report-only",
  "value.error",
  "value.computed",
  "value.unparsed",
  "value.text",
  "value.negative",
  "sum.breakdown",
  "budget.overspend",
  "budget.unit-ambiguous",
  "sum.row",
  "sum.column",
  "cross.sheet",
  "sum.rounding",
  // Project forms (issue 13): each form's fund block (over the form's view), then the forms together.
  "project.fund-sum",
  "project.department-sum",
  "project.duplicate-name",
  // The reviewer's checks on what the template left behind (issue 12 §2).
  "quality.placeholder",
  "quality.template-row",
  "quality.weights-unstated",
  // The scorer's rules (checkScores hooks), over the scores.
  "indicator.weights",
  "indicator.target",
  "value.missing",
  "indicator.qualitative-tier",
  "indicator.unit-mismatch",
  "indicator.overachieved",
  "indicator.score-mismatch",
  "indicator.reason-missing",
  "indicator.actual-word",
  // The reviewer's re-scoring of what the filer typed (issue 12 §1) and judgement of the indicators (§2).
  "review.execution-weight",
  "review.execution-repeated",
  "review.execution-rate",
  "review.execution-score",
  "review.unfounded-score",
  "review.score-range",
  "review.total-sum",
  "review.total",
  "review.grade-typed",
  "review.grade",
  "review.inflated",
  "quality.group-weights",
  "quality.parent-row",
  "quality.heading-total",
  "quality.coverage",
  "quality.target-unit",
  "quality.cost-operator",
  "quality.direction",
  "quality.vague",
  // The report's own prose against the tables (文数一致, issue 14 §2; checkText hooks, run only on a text).
  "text.amount",
  "text.rate",
  "text.count",
  "text.score",
  "text.grade",
];

/** The rule files' rules in run order: RUN_ORDER's first, then the rest in the path order they were found in. */
export const RULES: readonly DiscoveredRule[] = DISCOVERED_RULES.map((rule, found) => {
  const named = RUN_ORDER.indexOf(rule.id);
  return { rule, rank: named < 0 ? RUN_ORDER.length : named, found };
})
  .sort((a, b) => a.rank - b.rank || a.found - b.found)
  .map(({ rule }) => rule);

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
