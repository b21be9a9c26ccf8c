/**
 * The one end-to-end test of the real executable: compiles lib/ from tsconfig.cli.json as `npm install` does (prepare
 * → build:cli) and runs bin/selfeval.js in a child process, so the shebang, the require path and the exit status are
 * what users get. The compile is TypeScript's transpile of each file tsconfig.cli.json names, with its options, into
 * its outDir: the same JavaScript tsc emits for this project (tsconfig.json sets isolatedModules, so every file
 * compiles on its own), without the type check, which is `npm run typecheck`'s job — a few seconds less per run.
 *
 * The compile is a function of src/, the two tsconfig files, TypeScript's version and this file: a stamp in lib/
 * records their digest and the digest of every file written, and while neither has changed the compile would write
 * the same bytes again, so it is not run (nor TypeScript loaded). Any change to any of them, or to a written file,
 * compiles lib/ afresh.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, relative } from "path";
import type TypeScript from "typescript";

const ROOT = join(__dirname, "..", "..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
/** The sample workbook committed in assets/sample (as tests/cli/run-cli.ts names it, without loading the CLI here). */
const SAMPLE_XLSX = join(ROOT, "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");
/** lib/ is tsconfig.cli.json's outDir; the stamp of the last compile this test made. */
const STAMP = join(ROOT, "lib", ".bin-test-compile.json");

interface Stamp {
  /** The digest of everything the compile reads (inputsDigest). */
  readonly inputs: string;
  /** Each file the compile wrote, relative to the root, and the digest of its bytes. */
  readonly written: Record<string, string>;
}

const digest = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

/** The files under a folder, recursively, as paths relative to the root, in a stable order. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
    )
    .sort();
}

/** One digest of what the compile reads: every file under src/ (names and bytes), the configs, TypeScript, this file. */
function inputsDigest(): string {
  const hash = createHash("sha256");
  const inputs = [
    ...filesUnder("src"),
    "tsconfig.cli.json",
    "tsconfig.json",
    join("node_modules", "typescript", "package.json"),
    relative(ROOT, __filename),
  ];
  for (const file of inputs) hash.update(`${file}\0${digest(readFileSync(join(ROOT, file)))}\0`);
  return hash.digest("hex");
}

/** lib/ is what a compile of these very inputs wrote, byte for byte. */
function compiledFrom(inputs: string): boolean {
  if (!existsSync(STAMP)) return false;
  const stamp = JSON.parse(readFileSync(STAMP, "utf8")) as Stamp;
  return (
    stamp.inputs === inputs &&
    Object.entries(stamp.written).every(
      ([file, bytes]) => existsSync(join(ROOT, file)) && digest(readFileSync(join(ROOT, file))) === bytes,
    )
  );
}

function selfeval(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "selfeval.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes lib/ as `tsc -p tsconfig.cli.json` does, file by file; returns each file written and its digest. */
function buildCli(ts: typeof TypeScript): Record<string, string> {
  const written: Record<string, string> = {};
  const write = (target: string, text: string): void => {
    writeFileSync(target, text);
    written[relative(ROOT, target)] = digest(text);
  };
  const fail = (diagnostic: TypeScript.Diagnostic): never => {
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
      write(target, text); // an imported .json (resolveJsonModule) is copied as tsc copies it
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
    write(target, output.outputText);
  }
  return written;
}

beforeAll(async () => {
  // src/engine/rules/registry.generated.ts is among the files (jest.config.js wrote it).
  const inputs = inputsDigest();
  if (compiledFrom(inputs)) return;
  // Loaded only for a compile: TypeScript is a large module.
  const stamp: Stamp = { inputs, written: buildCli((await import("typescript")).default) };
  writeFileSync(STAMP, JSON.stringify(stamp));
});

it("runs the compiled CLI: version, an unreadable file, and the sample", () => {
  const version = selfeval(["--version"]);
  expect(version).toEqual({
    code: 0,
    stdout: `${VERSION}\n`,
    stderr: "",
  });

  const path = join(mkdtempSync(join(tmpdir(), "selfeval-bin-")), "not-a-workbook.xlsx");
  writeFileSync(path, "just text\n");
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
