/**
 * The one end-to-end test of the real executable: compiles lib/ as `npm install` does (prepare → build:cli) and runs
 * bin/selfeval.js in a child process, so the shebang, the require path and the exit status are what users get.
 */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { writeTempFile } from "../fixtures/xlsx-builders";
import { SAMPLE_XLSX } from "./run-cli";

const ROOT = join(__dirname, "..", "..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function selfeval(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "selfeval.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
});

it("runs the compiled CLI: version, an unreadable file, and the sample", () => {
  const version = selfeval(["--version"]);
  expect(version).toEqual({
    code: 0,
    stdout: `${VERSION}\n`,
    stderr: "",
  });

  const path = writeTempFile("not-a-workbook.xlsx", "just text\n");
  expect(selfeval(["check", path])).toEqual({
    code: 2,
    stdout: "",
    stderr: `selfeval check: cannot read "${path}": This is a text file (such as CSV), not an .xlsx workbook; save it as .xlsx in Excel and try again.\n`,
  });

  const sample = selfeval(["check", SAMPLE_XLSX, "--json"]);
  expect(sample.stderr).toBe("");
  expect(sample.code).toBe(0);
  expect(JSON.parse(sample.stdout).summary.error).toBe(0);
});
