/**
 * tests/jest-runtime.js reuses a module's compiled script and an installed package's text; what it must not reuse is
 * the module itself. Loading the same file twice (jest.isolateModules, as a new test file does) runs its body twice
 * and gives new objects, and a stack through the reused script still names the TypeScript line.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "selfeval-jest-runtime-"));
  writeFileSync(
    join(dir, "counted.ts"),
    [
      "const loads = ((globalThis as { loadsOfCounted?: number }).loadsOfCounted ?? 0) + 1;",
      "(globalThis as { loadsOfCounted?: number }).loadsOfCounted = loads;",
      "export const made = { loads };",
      "",
      "export function fail(): never {",
      '  const text: string = "the seventh line";',
      "  throw new Error(text);",
      "}",
    ].join("\n"),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Counted = { made: { loads: number }; fail: () => never };

function loadFresh<T>(path: string): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh registry's copy, on purpose
    loaded = require(path) as T;
  });
  return loaded as T;
}

test("a module loaded again runs again: its body twice, new objects", () => {
  const first = loadFresh<Counted>(join(dir, "counted.ts"));
  const second = loadFresh<Counted>(join(dir, "counted.ts"));
  expect([first.made.loads, second.made.loads]).toEqual([1, 2]);
  expect(second.made).not.toBe(first.made);
});

test("an installed package loaded again is a new instance too", () => {
  const first = loadFresh<{ XMLParser: unknown }>("fast-xml-parser");
  const second = loadFresh<{ XMLParser: unknown }>("fast-xml-parser");
  expect(typeof first.XMLParser).toBe("function");
  expect(second.XMLParser).not.toBe(first.XMLParser);
});

test("a stack through a reused script names the TypeScript file and line", () => {
  for (let i = 0; i < 2; i++) {
    const { fail } = loadFresh<Counted>(join(dir, "counted.ts"));
    let stack = "";
    try {
      fail();
    } catch (error) {
      stack = (error as Error).stack ?? "";
    }
    expect(stack).toContain("the seventh line");
    expect(stack).toContain(`${join(dir, "counted.ts")}:7:`);
  }
});
