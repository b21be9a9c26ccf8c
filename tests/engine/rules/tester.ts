/**
 * A rule tester in the manner of ESLint's RuleTester: each rule gets valid cases (no finding) and invalid cases (these
 * findings, exactly), run through the registry with every other rule turned off by a RuleProfile — so a case shows
 * what this rule alone reports, with the severity the registry gives it.
 */
import { checkRecognized } from "../../../src/engine/check/index";
import type { Finding, Severity } from "../../../src/engine/findings";
import { RULES, type RuleId } from "../../../src/engine/rules/index";
import type { RuleProfile } from "../../../src/engine/rules/run";
import { scoreWorkbook } from "../../../src/engine/score/index";
import type { ScoreOptions } from "../../../src/engine/score/types";
import type { RecognizedWorkbook } from "../../../src/engine/tables";

export interface ValidCase {
  readonly name: string;
  readonly workbook: RecognizedWorkbook;
  readonly options?: ScoreOptions;
}

/** One expected finding: rule (when another than the tested one, e.g. sum.rounding), severity, cells, zh-CN message. */
export interface ExpectedFinding {
  readonly rule?: RuleId;
  readonly severity: Severity;
  /** "Sheet!A1" for each cell, first the cell to look at. */
  readonly cells: readonly string[];
  readonly message: string;
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
}

/** A profile that leaves only `id` (and the rules it reports under, its meta.also) switched on. */
export function only(id: RuleId, base: RuleProfile = {}): RuleProfile {
  const keep = new Set<string>([id, ...(RULES.find((r) => r.id === id)?.meta.also ?? [])]);
  const profile: Partial<Record<RuleId, Severity | "off">> = {};
  for (const rule of RULES) if (!keep.has(rule.id)) profile[rule.id] = "off";
  return { ...profile, ...base };
}

/** Both passes, as evaluateWorkbook runs them: the checker's rules, then the scorer's. */
export function findingsOf(workbook: RecognizedWorkbook, options: ScoreOptions = {}): Finding[] {
  return [...checkRecognized(workbook, options), ...scoreWorkbook(workbook, options).findings];
}

function shape(f: Finding): ExpectedFinding & { rule: RuleId } {
  return {
    rule: f.rule,
    severity: f.severity,
    cells: f.cells.map((c) => `${c.sheet}!${c.address}`),
    message: f.message["zh-CN"],
  };
}

export function testRule(
  id: RuleId,
  cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  describe(id, () => {
    const run = (c: ValidCase) => findingsOf(c.workbook, { ...c.options, rules: only(id, c.options?.rules) });
    describe("valid", () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(run(c).map(shape)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        const found = run(c);
        expect(found.map(shape)).toEqual(c.findings.map((f) => ({ ...f, rule: f.rule ?? id })));
        // Every finding carries both languages.
        for (const f of found) expect(f.message["en-US"]).not.toBe("");
      });
    });
  });
}
