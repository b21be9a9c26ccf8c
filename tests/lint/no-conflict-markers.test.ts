/**
 * A merge conflict left inside a comment compiles, lints and passes every test — one did, in a header comment. This
 * test reads every text file of the repository and fails on a conflict marker at the start of a line.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SKIP = new Set(["node_modules", ".git", "dist", "dist-wps", "lib", "out", "coverage"]);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|html|xml|css|py|sh|yml|yaml|txt)$|^run$/;
// Built from parts so this file does not match itself.
const MARKER = new RegExp(`^(${"<".repeat(7)}|${">".repeat(7)})( |$)`, "m");

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) return textFiles(full);
    return TEXT.test(name) && stat.size < 5_000_000 ? [full] : [];
  });
}

test("no merge-conflict marker is left in any text file", () => {
  const files = textFiles(ROOT);
  expect(files.length).toBeGreaterThan(100);
  const marked = files.filter((f) => MARKER.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
  expect(marked).toEqual([]);
});
