/**
 * The text rules' tester, in the manner of tester.ts: each text.* rule gets valid texts (no finding) and invalid ones
 * (these findings, exactly), checked against the seed's workbook with every other rule turned off.
 */
import type { Evaluation } from "../../../src/engine/evaluate";
import type { RuleId } from "../../../src/engine/rules/index";
import { checkReportText } from "../../../src/engine/text/index";
import { seedEvaluation } from "../text/seed-workbook";
import type { ExpectedFinding } from "./tester";
import { only } from "./tester";

export interface TextCase {
  readonly name: string;
  readonly text: string;
}

export interface InvalidTextCase extends TextCase {
  readonly findings: readonly ExpectedFinding[];
}

export function testTextRule(
  id: RuleId,
  cases: { readonly valid: readonly TextCase[]; readonly invalid: readonly InvalidTextCase[] },
  evaluation: () => Evaluation = seedEvaluation,
): void {
  describe(id, () => {
    const run = (c: TextCase) => checkReportText(evaluation(), c.text, { rules: only(id) }).findings;
    describe("valid", () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(run(c).map((f) => f.message["zh-CN"])).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        const found = run(c);
        expect(
          found.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            cells: f.cells.map((x) => `${x.sheet}!${x.address}`),
            message: f.message["zh-CN"],
          })),
        ).toEqual(c.findings.map((f) => ({ ...f, rule: f.rule ?? id })));
        for (const f of found) expect(f.message["en-US"]).not.toBe("");
      });
    });
  });
}
