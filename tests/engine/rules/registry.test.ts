/**
 * The registry is the only list of rules: every rule file under src/engine/rules/<family>/ is registered (found by
 * scripts/rules-registry.js, not listed by hand) under the id its path gives, in the order the rules always ran;
 * every rule is complete (names and descriptions in both languages, a known table and severity), and a RuleProfile —
 * not the rule — decides whether it runs and how severe its findings are. tests/engine/rules/adding-a-rule.test.ts
 * follows the README's walk-through in a copy of the engine.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";
import { isCurrent, renderRegistry } from "../../../scripts/rules-registry";
import { SEVERITIES, type RuleId } from "../../../src/engine/findings";
import { RULE_NAMES } from "../../../src/engine/report/findings-sheet";
import { RULES, isRuleId, ruleName } from "../../../src/engine/rules/index";
import type { Rule } from "../../../src/engine/rules/rule";
import { severityOf } from "../../../src/engine/rules/run";
import { TABLE_KINDS } from "../../../src/engine/table-kinds";
import { budgetRows, budget } from "./checker-fixtures";
import { indicatorsTable, recognized } from "../score/build";
import { findingsOf } from "./tester";

const RULES_DIR = join(__dirname, "../../../src/engine/rules");

/** src/engine/rules/<family>/<name>.ts for every family folder. */
function ruleFiles(): { path: string; id: string }[] {
  const out: { path: string; id: string }[] = [];
  for (const family of readdirSync(RULES_DIR)) {
    const dir = join(RULES_DIR, family);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir)) {
      if (!file.endsWith(".ts")) continue;
      out.push({ path: join(dir, file), id: `${family}.${file.slice(0, -3)}` });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

describe("the rule registry", () => {
  const all = RULES as readonly Rule[];

  it("has unique ids of the form family.name", () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z]+(?:-[a-z]+)*$/);
  });

  it("registers every rule file, under the id its path gives, and nothing that has no file", () => {
    const files = ruleFiles();
    for (const { path, id } of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(path) as Record<string, unknown>).filter(
        (v): v is Rule => typeof v === "object" && v !== null && "meta" in v && "id" in v,
      );
      expect({ file: relative(RULES_DIR, path), ids: exported.map((r) => r.id) }).toEqual({
        file: relative(RULES_DIR, path),
        ids: [id],
      });
      expect(all).toContain(exported[0]);
    }
    expect(files.map((f) => f.id).sort()).toEqual(all.map((r) => r.id).sort());
  });

  it("reads the list of rule files that scripts/rules-registry.js gives today (registry.generated.ts is current)", () => {
    expect(readFileSync(join(RULES_DIR, "registry.generated.ts"), "utf8")).toBe(renderRegistry(RULES_DIR));
    expect(isCurrent(RULES_DIR)).toBe(true);
  });

  it("runs the rules in the order they always ran (it decides the order of findings that sort equal)", () => {
    expect(all.map((r) => r.id)).toEqual([
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
      "project.fund-sum",
      "project.department-sum",
      "project.duplicate-name",
      "quality.placeholder",
      "quality.template-row",
      "quality.weights-unstated",
      "indicator.weights",
      "indicator.target",
      "value.missing",
      "indicator.qualitative-tier",
      "indicator.unit-mismatch",
      "indicator.overachieved",
      "indicator.score-mismatch",
      "indicator.reason-missing",
      "indicator.actual-word",
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
      // Rules added since run after these (see RUN_ORDER in src/engine/rules/index.ts).
      ...all.slice(48).map((r) => r.id),
    ]);
  });

  it.each(all.map((r) => [r.id, r] as const))("%s is complete", (_id, rule) => {
    for (const text of [rule.meta.name, rule.meta.description]) {
      expect(text["zh-CN"].trim()).not.toBe("");
      expect(text["en-US"].trim()).not.toBe("");
      expect(text["zh-CN"]).toMatch(/\p{Script=Han}/u);
    }
    expect([...TABLE_KINDS, "any"]).toContain(rule.meta.table);
    expect(SEVERITIES).toContain(rule.meta.severity);
    for (const other of rule.meta.also ?? []) expect(isRuleId(other)).toBe(true);
    // A rule without a hook of its own is reported by another rule in its place.
    if (!rule.check && !rule.checkScores && !rule.checkText) {
      expect(all.filter((r) => (r.meta.also ?? []).includes(rule.id)).length).toBeGreaterThan(0);
    }
  });

  it("gives the findings sheet, the pane and the CSV their names", () => {
    expect(Object.keys(RULE_NAMES).sort()).toEqual(all.map((r) => r.id).sort());
    expect(RULE_NAMES["sum.row"]).toEqual({ "zh-CN": "行合计", "en-US": "Row total" });
    expect(ruleName("indicator.reason-missing", "zh-CN")).toBe("缺少偏差原因");
    expect(ruleName("no.such-rule", "en-US")).toBe("no.such-rule");
  });

  it("derives RuleId from the registry", () => {
    const known: RuleId = "cross.sheet";
    expect(isRuleId(known)).toBe(true);
    // @ts-expect-error: an id that no rule has is not a RuleId
    const unknown: RuleId = "sum.nothing";
    expect(isRuleId(unknown)).toBe(false);
  });
});

describe("RuleProfile", () => {
  /** 项目支出 over its budget (budget.overspend, a warning) and 基本支出 + 项目支出 ≠ total (sum.breakdown, an error). */
  const workbook = budget(budgetRows({ project: [40, 40, 50] }));
  const facts = (rules = {}) => findingsOf(workbook, { rules }).map((f) => [f.rule, f.severity]);

  it("defaults every rule to its meta.severity", () => {
    expect(facts()).toEqual([
      ["sum.breakdown", "error"],
      ["budget.overspend", "warning"],
    ]);
    expect(severityOf("budget.overspend")).toBe("warning");
  });

  it("turns a rule off", () => {
    expect(facts({ "sum.breakdown": "off" })).toEqual([["budget.overspend", "warning"]]);
  });

  it("changes a rule's severity (and the findings re-sort by it)", () => {
    expect(facts({ "budget.overspend": "error", "sum.breakdown": "notice" })).toEqual([
      ["budget.overspend", "error"],
      ["sum.breakdown", "notice"],
    ]);
    expect(severityOf("budget.overspend", { "budget.overspend": "error" })).toBe("error");
  });

  it("governs what a rule reports in its place: sum.rounding off silences 尾差 only", () => {
    const rounding = budget(budgetRows({ basic: [60, 60, 59.99] }));
    expect(findingsOf(rounding).map((f) => [f.rule, f.severity])).toEqual([["sum.rounding", "notice"]]);
    expect(findingsOf(rounding, { rules: { "sum.rounding": "off" } })).toEqual([]);
    expect(findingsOf(rounding, { rules: { "sum.rounding": "warning" } }).map((f) => f.severity)).toEqual([
      "warning",
    ]);
  });

  it("lowers a mitigated finding one step from the configured severity", () => {
    const reasoned = recognized(
      indicatorsTable([
        { name: "新签约项目数", target: "≥15个", actual: "30个", weight: 90, reason: "新增招商政策" },
      ]),
    );
    const overachieved = (rules = {}) =>
      findingsOf(reasoned, { rules })
        .filter((f) => f.rule === "indicator.overachieved")
        .map((f) => f.severity);
    expect(overachieved()).toEqual(["notice"]);
    expect(overachieved({ "indicator.overachieved": "error" })).toEqual(["warning"]);
    expect(overachieved({ "indicator.overachieved": "off" })).toEqual([]);
  });
});
