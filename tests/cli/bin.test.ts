/**
 * The one end-to-end test of the real executable: compiles lib/ from tsconfig.cli.json as `npm install` does (prepare
 * → build:cli) and runs bin/selfeval.js in a child process, so the shebang, the require path and the exit status are
 * what users get. The compile is TypeScript's transpile of each file tsconfig.cli.json names, with its options, into
 * its outDir: the same JavaScript tsc emits for this project (tsconfig.json sets isolatedModules, so every file
 * compiles on its own), without the type check, which is `npm run typecheck`'s job — a few seconds less per run.
 */
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";
import ts from "typescript";
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

/** Writes lib/ as `tsc -p tsconfig.cli.json` does, file by file. */
function buildCli(): void {
  const fail = (diagnostic: ts.Diagnostic): never => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  };
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.cli.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail },
  );
  if (!config) throw new Error("tsconfig.cli.json cannot be read");
  for (const diagnostic of config.errors) fail(diagnostic);
  const { outDir, rootDir } = config.options;
  if (!outDir || !rootDir) throw new Error("tsconfig.cli.json names no outDir or rootDir");
  // The files tsc emits: those the config names and, followed through their relative imports, the rest of the
  // project they reach (app/ and gateway/docx from the CLI); not declaration files, not packages. No type check.
  const queue = [...config.fileNames];
  const done = new Set<string>();
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (done.has(file) || file.endsWith(".d.ts")) continue;
    done.add(file);
    const text = readFileSync(file, "utf8");
    const target = join(outDir, relative(rootDir, file)).replace(/\.tsx?$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith(".json")) {
      writeFileSync(target, text); // an imported .json (resolveJsonModule) is copied as tsc copies it
      continue;
    }
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, file, config.options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport) queue.push(resolved.resolvedFileName);
    }
    const output = ts.transpileModule(text, {
      compilerOptions: config.options,
      fileName: file,
      reportDiagnostics: true,
    });
    for (const diagnostic of output.diagnostics ?? []) fail(diagnostic);
    writeFileSync(target, output.outputText);
  }
}

beforeAll(() => {
  // src/engine/rules/registry.generated.ts is among the files (jest.config.js wrote it).
  buildCli();
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
