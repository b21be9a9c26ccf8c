/**
 * The README's "Adding a check rule", done for real in a copy: the engine and the rule tester are copied to a
 * temporary folder, the rule file and its test are taken word for word from the README's two code blocks and written
 * there — nothing else is edited — and scripts/rules-registry.js is run on the copy as every build and test run does.
 * The copy's registry then holds the new rule (after the existing ones), the checker reports it, and the README's own
 * test of the rule runs here, against the copy.
 */
import { createHash } from "crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { isCurrent, renderRegistry, writeRegistry } from "../../../scripts/rules-registry";
import { RULES } from "../../../src/engine/rules/index";

const ROOT = join(__dirname, "..", "..", "..");

/** The README's code blocks in "Adding a check rule", each with the last path named before it. */
function walkThrough(): { path: string; code: string }[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("### Adding a check rule");
  const section = readme.slice(start, readme.indexOf("\n### ", start + 1));
  const steps: { path: string; code: string }[] = [];
  let from = 0;
  for (const block of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const paths = [...section.slice(from, block.index).matchAll(/`((?:src|tests)\/[^`\s]+\.ts)`/g)];
    steps.push({ path: paths[paths.length - 1][1], code: block[1] });
    from = block.index + block[0].length;
  }
  return steps;
}

const steps = walkThrough();
// One folder per checkout, the same on every run, so that jest's transform cache serves the copy's files next time.
const copy = join(
  tmpdir(),
  `selfeval-add-rule-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`,
);
rmSync(copy, { recursive: true, force: true });
const copyRules = join(copy, "src", "engine", "rules");

// The copy: the engine (without the generated list) and the rule tester with the fixtures it imports.
cpSync(join(ROOT, "src", "engine"), join(copy, "src", "engine"), {
  recursive: true,
  filter: (source) => !source.endsWith("registry.generated.ts"),
});
for (const file of ["rules/tester.ts", "rules/checker-fixtures.ts", "check/builder.ts"]) {
  mkdirSync(dirname(join(copy, "tests", "engine", file)), { recursive: true });
  cpSync(join(ROOT, "tests", "engine", file), join(copy, "tests", "engine", file));
}
writeRegistry(copyRules);
const before = readFileSync(join(copyRules, "registry.generated.ts"), "utf8");

// The walk-through: its two files, and nothing else.
for (const { path, code } of steps) {
  mkdirSync(dirname(join(copy, path)), { recursive: true });
  writeFileSync(join(copy, path), code);
}
const staleBeforeRun = !isCurrent(copyRules);
writeRegistry(copyRules);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("the README's walk-through of adding a check rule, in a copy of the engine", () => {
  it("is a rule file and its test", () => {
    expect(steps.map((s) => s.path)).toEqual([
      "src/engine/rules/budget/executed-blank.ts",
      "tests/engine/rules/budget-executed-blank.test.ts",
    ]);
  });

  it("registers the new file with no other edit: the generated list gains its import, the rules it", () => {
    expect(before).toBe(renderRegistry(join(ROOT, "src", "engine", "rules")));
    expect(staleBeforeRun).toBe(true);
    const after = readFileSync(join(copyRules, "registry.generated.ts"), "utf8");
    expect(after).toContain('import { budgetExecutedBlank } from "./budget/executed-blank";\n');
    expect(after).toContain("  budgetExecutedBlank,\n");

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const registry = require(join(copyRules, "index.ts")) as typeof import("../../../src/engine/rules/index");
    const ids = registry.RULES.map((r) => r.id as string);
    // The rules that were there keep their order; the new one, named nowhere else, runs after them.
    expect(ids).toEqual([...RULES.map((r) => r.id), "budget.executed-blank"]);
    expect(registry.isRuleId("budget.executed-blank")).toBe(true);
    expect(registry.ruleName("budget.executed-blank", "zh-CN")).toBe("缺少全年执行数");
    expect(registry.ruleName("budget.executed-blank", "en-US")).toBe("Missing full-year execution");
    expect(registry.defaultSeverity("budget.executed-blank" as never)).toBe("warning");
  });

  it("puts the new rule's name on the findings sheet, in the pane and in the CSV", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sheet = require(join(copy, "src", "engine", "report", "findings-sheet.ts")) as {
      RULE_NAMES: Record<string, unknown>;
    };
    expect(sheet.RULE_NAMES["budget.executed-blank"]).toEqual({
      "zh-CN": "缺少全年执行数",
      "en-US": "Missing full-year execution",
    });
  });

  it("refuses a rule file that declares no rule, naming it", () => {
    const odd = mkdtempSync(join(tmpdir(), "selfeval-odd-rule-"));
    try {
      mkdirSync(join(odd, "budget"));
      writeFileSync(join(odd, "budget", "helper.ts"), "export const half = (n: number) => n / 2;\n");
      expect(() => renderRegistry(odd)).toThrow(
        'src/engine/rules/budget/helper.ts: a rule file declares exactly one rule as "export const <name> = ' +
          'defineRule({ … })"; found 0.',
      );
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });
});

describe("the README's test of the new rule, run against the copy", () => {
  // The README's test file, as written there: its testRule adds the valid and invalid cases here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(copy, steps[1].path));
});
