/**
 * `npm run bench`: generates the benchmark workbooks, measures the five parts of issue 6 and prints one table per
 * part, then the targets; writes bench/results.json. Each measurement runs in a child process of its own; figures are
 * medians of several runs, since the machine may be busy with other work.
 *
 *   npm run bench                      the full run (5,000, 50,000 and 200,000 rows)
 *   npm run bench -- --quick           5,000 rows only, fewer runs, results in bench/out/ (a smoke test)
 *   npm run bench -- --no-taskpane     skip the webpack build of part 5
 *   npm run bench -- --only-review     part 6 alone (selfeval review of 200 workbooks, workers vs one by one)
 */
import { spawn } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { cpus, tmpdir, totalmem } from "os";
import { join } from "path";
import type { EngineTiming } from "./engine-timing";
import type { ExcelCosts } from "./excel-round-trips";
import { GENERATOR_VERSION, INDICATOR_COUNT, generateWorkbook } from "./generate";
import { REVIEW_FILES, REVIEW_RUNS, REVIEW_TARGET, reviewPart, type ReviewPart } from "./review";
import { median, ratio, round, table } from "./stats";
import { taskpaneWeight, type TaskpaneWeight } from "./taskpane-weight";

const ROOT = join(__dirname, "..");
const OUT = join(__dirname, "out");
const MB = 1024 * 1024;
/** Excel on the web refuses responses over 5 MB; the gateway budgets 4 MB a batch. */
const BATCH_LIMIT_BYTES = 4_000_000;
const FIRST_LOAD_LIMIT_BYTES = 300 * 1024;
const CHILD_TIMEOUT_MS = 10 * 60 * 1000;

interface SizePlan {
  readonly rows: number;
  /** selfeval check / floor pairs. */
  readonly cliRuns: number;
  readonly warmups: number;
  readonly engineRuns: number;
  /** 0: the HyperFormula route is not run at this size (it takes minutes at 200,000 rows). */
  readonly formulaRuns: number;
}

const FULL: readonly SizePlan[] = [
  { rows: 5_000, cliRuns: 5, warmups: 5, engineRuns: 9, formulaRuns: 3 },
  { rows: 50_000, cliRuns: 5, warmups: 3, engineRuns: 7, formulaRuns: 5 },
  { rows: 200_000, cliRuns: 3, warmups: 1, engineRuns: 3, formulaRuns: 0 },
];
const QUICK: readonly SizePlan[] = [{ rows: 5_000, cliRuns: 2, warmups: 2, engineRuns: 3, formulaRuns: 1 }];

// ---------------------------------------------------------------- child processes

interface ChildResult {
  readonly wallMs: number;
  readonly stdout: string;
  readonly code: number | null;
}

function runChild(args: readonly string[], timeoutMs = CHILD_TIMEOUT_MS): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (signal) reject(new Error(`node ${args.join(" ")} stopped by ${signal}`));
      else resolve({ wallMs, stdout: Buffer.concat(out).toString("utf8"), code });
      if (code !== 0 && code !== 1) process.stderr.write(Buffer.concat(err).toString("utf8"));
    });
  });
}

function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as T;
}

const TS_CHILD = ["-r", "ts-node/register/transpile-only", join("bench", "child.ts")];

// ---------------------------------------------------------------- workbooks

interface Workbook {
  readonly rows: number;
  readonly path: string;
  readonly bytes: number;
}

/** Generates bench/out/rows-N.xlsx unless an up-to-date one is there (the generator is deterministic). */
async function workbook(rows: number): Promise<Workbook> {
  const path = join(OUT, `rows-${rows}.xlsx`);
  const stamp = join(OUT, `rows-${rows}.json`);
  const fresh =
    existsSync(path) &&
    existsSync(stamp) &&
    (JSON.parse(readFileSync(stamp, "utf8")) as { version?: number }).version === GENERATOR_VERSION;
  if (!fresh) {
    const generated = await generateWorkbook(path, rows);
    writeFileSync(stamp, JSON.stringify({ version: GENERATOR_VERSION, ...generated }));
  }
  return { rows, path, bytes: statSync(path).size };
}

// ---------------------------------------------------------------- part 1: selfeval check against the floor

interface Sample {
  readonly wallMs: number;
  readonly peakMb: number;
}

interface CliPart {
  readonly rows: number;
  readonly runs: number;
  readonly check: { wallMs: number; peakMb: number; samples: Sample[] };
  readonly floor: { wallMs: number; peakMb: number; samples: Sample[] };
  readonly timeRatio: number;
  readonly memoryRatio: number;
  readonly findings: { error: number; warning: number; notice: number };
}

async function measured(script: string, args: readonly string[]): Promise<Sample & { stdout: string }> {
  const report = join(OUT, `measure-${process.pid}.json`);
  rmSync(report, { force: true });
  const result = await runChild([join("bench", "measure.js"), report, script, ...args]);
  if (result.code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${result.code}`);
  const r = JSON.parse(readFileSync(report, "utf8")) as { maxRssKb: number };
  rmSync(report, { force: true });
  return { wallMs: result.wallMs, peakMb: r.maxRssKb / 1024, stdout: result.stdout };
}

async function cliPart(wb: Workbook, runs: number): Promise<CliPart> {
  const check: Sample[] = [];
  const floor: Sample[] = [];
  let findings = { error: -1, warning: -1, notice: -1 };
  const runCheck = async () => {
    const s = await measured(join("bin", "selfeval.js"), ["check", wb.path, "--json"]);
    findings = (JSON.parse(s.stdout) as { summary: typeof findings }).summary;
    if (findings.error !== 0) throw new Error(`selfeval check found ${findings.error} errors in ${wb.path}`);
    check.push({ wallMs: s.wallMs, peakMb: s.peakMb });
  };
  const runFloor = async () => {
    const s = await measured(join("bench", "floor.js"), [wb.path]);
    floor.push({ wallMs: s.wallMs, peakMb: s.peakMb });
  };
  for (let i = 0; i < runs; i++) {
    // Alternating, and swapping which goes first, so neither profits from the other's warm file cache.
    if (i % 2 === 0) {
      await runCheck();
      await runFloor();
    } else {
      await runFloor();
      await runCheck();
    }
  }
  const med = (s: Sample[]) => ({
    wallMs: round(median(s.map((x) => x.wallMs)), 0),
    peakMb: round(median(s.map((x) => x.peakMb)), 1),
    samples: s.map((x) => ({ wallMs: round(x.wallMs, 0), peakMb: round(x.peakMb, 1) })),
  });
  const c = med(check);
  const f = med(floor);
  return {
    rows: wb.rows,
    runs,
    check: c,
    floor: f,
    timeRatio: ratio(c.wallMs, f.wallMs),
    memoryRatio: ratio(c.peakMb, f.peakMb),
    findings,
  };
}

// ---------------------------------------------------------------- parts 2 and 3: the engine

interface EnginePart {
  readonly rows: number;
  readonly engineMs: number;
  readonly perRowUs: number;
  readonly faultyMs: number;
  readonly faultyPerRowUs: number;
  readonly faultyFindings: number;
  readonly formulaMs: number | null;
  readonly speedup: number | null;
  readonly formulaChecks: number;
  readonly samples: { engineMs: number[]; faultyMs: number[]; formulaMs: number[] };
}

async function enginePart(wb: Workbook, plan: SizePlan): Promise<EnginePart> {
  const args = ["engine", wb.path, wb.rows, plan.warmups, plan.engineRuns, plan.formulaRuns].map(String);
  const result = await runChild([...TS_CHILD, ...args]);
  if (result.code !== 0) throw new Error(`engine timing failed at ${wb.rows} rows`);
  const t = lastJsonLine<EngineTiming>(result.stdout);
  if (t.summary.error !== 0) throw new Error(`the engine found ${t.summary.error} errors in ${wb.path}`);
  if (t.formulaMismatches !== 0) throw new Error(`the formula route found ${t.formulaMismatches} mismatches`);
  const engineMs = median(t.engineMs);
  const faultyMs = median(t.faultyMs);
  const formulaMs = t.formulaMs.length > 0 ? median(t.formulaMs) : null;
  return {
    rows: wb.rows,
    engineMs: round(engineMs, 1),
    perRowUs: round((engineMs * 1000) / wb.rows, 2),
    faultyMs: round(faultyMs, 1),
    faultyPerRowUs: round((faultyMs * 1000) / wb.rows, 2),
    faultyFindings: t.faultyFindings,
    formulaMs: formulaMs === null ? null : round(formulaMs, 0),
    speedup: formulaMs === null ? null : ratio(formulaMs, engineMs),
    formulaChecks: t.formulaChecks,
    samples: {
      engineMs: t.engineMs.map((x) => round(x, 1)),
      faultyMs: t.faultyMs.map((x) => round(x, 1)),
      formulaMs: t.formulaMs.map((x) => round(x, 0)),
    },
  };
}

// ---------------------------------------------------------------- part 4: Excel round trips

async function excelPart(wb: Workbook): Promise<ExcelCosts & { rows: number }> {
  const result = await runChild([...TS_CHILD, "excel", wb.path]);
  if (result.code !== 0) throw new Error(`the Excel round trips failed at ${wb.rows} rows`);
  return { rows: wb.rows, ...lastJsonLine<ExcelCosts>(result.stdout) };
}

// ---------------------------------------------------------------- the run

interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

function targets(
  cli: readonly CliPart[],
  engine: readonly EnginePart[],
  excel: readonly (ExcelCosts & { rows: number })[],
  pane: TaskpaneWeight | null,
): Target[] {
  const out: Target[] = [];
  const cli50 = cli.find((c) => c.rows === 50_000);
  if (cli50) {
    out.push({
      target: "selfeval check on 50,000 rows: wall time ≤ 1.5 × floor",
      measured: `${cli50.timeRatio} ×`,
      met: cli50.timeRatio <= 1.5,
    });
    out.push({
      target: "selfeval check on 50,000 rows: peak memory ≤ 1.5 × floor",
      measured: `${cli50.memoryRatio} ×`,
      met: cli50.memoryRatio <= 1.5,
    });
  }
  const e50 = engine.find((e) => e.rows === 50_000);
  if (e50?.speedup != null) {
    out.push({
      target: "engine ≥ 10 × faster than HyperFormula at 50,000 rows",
      measured: `${e50.speedup} ×`,
      met: e50.speedup >= 10,
    });
  }
  const e5 = engine.find((e) => e.rows === 5_000);
  const e200 = engine.find((e) => e.rows === 200_000);
  if (e5 && e200) {
    const r = ratio(e200.perRowUs, e5.perRowUs);
    const rf = ratio(e200.faultyPerRowUs, e5.faultyPerRowUs);
    out.push({ target: "engine time per row at 200k ≤ 1.5 × at 5k", measured: `${r} ×`, met: r <= 1.5 });
    out.push({
      target: "the same with one row in ten wrong (findings at scale)",
      measured: `${rf} ×`,
      met: rf <= 1.5,
    });
  }
  if (excel.length > 0) {
    // Physics allows a fixed count only while the whole read fits one batch (a 4 MB response); past that, each
    // further 4 MB is one more sync by design. The target is checked on the sizes whose read fits.
    const fits = excel.filter((x) => x.check.responseBytes <= BATCH_LIMIT_BYTES);
    for (const kind of ["check", "generate"] as const) {
      const syncs = new Set(fits.map((x) => x[kind].syncs));
      out.push({
        target: `Excel ${kind}: the same number of syncs at every size whose read fits one 4 MB batch`,
        measured: excel
          .map((x) => `${x[kind].syncs}${x.check.responseBytes <= BATCH_LIMIT_BYTES ? "" : "*"}`)
          .join(" / "),
        met: syncs.size <= 1,
      });
    }
    const largest = Math.max(
      ...excel.flatMap((x) => [x.check.largestBatchBytes, x.generate.largestBatchBytes]),
    );
    out.push({
      target: "Excel: no batch over 4 MB (4,000,000 bytes)",
      measured: `${largest.toLocaleString("en-US")} bytes`,
      met: largest <= BATCH_LIMIT_BYTES,
    });
  }
  if (pane) {
    out.push({
      target: "task pane first load ≤ 300 KB gzip",
      measured: `${round(pane.totalGzipBytes / 1024, 1)} KB`,
      met: pane.totalGzipBytes <= FIRST_LOAD_LIMIT_BYTES,
    });
  }
  return out;
}

async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const withPane = !argv.includes("--no-taskpane");
  const plans = quick ? QUICK : FULL;
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const log = (text: string) =>
    process.stderr.write(`[bench ${round((Date.now() - started) / 1000, 0)} s] ${text}\n`);
  const reviewRuns = quick ? 1 : REVIEW_RUNS;

  log("building the CLI (npm run build:cli)");
  const build = await new Promise<number | null>((resolve) => {
    const child = spawn("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
    child.on("close", resolve);
  });
  if (build !== 0 && !existsSync(join(ROOT, "lib", "cli", "main.js")))
    throw new Error("the CLI did not build");

  if (argv.includes("--only-review")) {
    const review = await reviewPart(reviewRuns, log);
    process.stdout.write(reviewTable(review) + "\n");
    const file = join(OUT, "results-review.json");
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), review }, null, 2) + "\n");
    log(`wrote ${file}`);
    return;
  }

  const workbooks: Workbook[] = [];
  for (const p of plans) {
    log(`workbook with ${p.rows.toLocaleString("en-US")} rows`);
    workbooks.push(await workbook(p.rows));
  }

  const cli: CliPart[] = [];
  const engine: EnginePart[] = [];
  const excel: (ExcelCosts & { rows: number })[] = [];
  for (const [i, p] of plans.entries()) {
    log(`part 1 at ${p.rows} rows: selfeval check vs the floor, ${p.cliRuns} runs each`);
    cli.push(await cliPart(workbooks[i], p.cliRuns));
  }
  for (const [i, p] of plans.entries()) {
    log(`parts 2–3 at ${p.rows} rows: engine${p.formulaRuns > 0 ? " and HyperFormula" : ""}`);
    engine.push(await enginePart(workbooks[i], p));
  }
  for (const wb of workbooks) {
    log(`part 4 at ${wb.rows} rows: Excel round trips`);
    excel.push(await excelPart(wb));
  }
  let pane: TaskpaneWeight | null = null;
  if (withPane) {
    const dist = join(tmpdir(), "selfeval-bench-dist");
    log(`part 5: task pane weight (webpack --mode production into ${dist} when stale)`);
    pane = taskpaneWeight(ROOT, dist, CHILD_TIMEOUT_MS);
  }

  const review = await reviewPart(reviewRuns, log);

  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3, 0),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const output: string[] = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`,
    `Workbooks: ${workbooks.map((w) => `${w.rows.toLocaleString("en-US")} rows (${round(w.bytes / MB, 1)} MB)`).join(", ")}; ${INDICATOR_COUNT} indicators each`,
    "",
    table(
      "(1) selfeval check vs the floor (exceljs load + touch every cell): medians",
      ["rows", "check ms", "floor ms", "time ×", "check MB", "floor MB", "memory ×", "runs", "errors"],
      cli.map((c) => [
        c.rows,
        c.check.wallMs,
        c.floor.wallMs,
        c.timeRatio,
        c.check.peakMb,
        c.floor.peakMb,
        c.memoryRatio,
        c.runs,
        c.findings.error,
      ]),
    ),
    table(
      "(2) engine (snapshot → findings, scores, report spec) vs HyperFormula (the same checks as SUM formulas): medians",
      ["rows", "engine ms", "HyperFormula ms", "speed-up ×", "formula checks"],
      engine.map((e) => [
        e.rows,
        e.engineMs,
        e.formulaMs ?? "not run",
        e.speedup ?? "—",
        e.formulaChecks || "—",
      ]),
    ),
    table(
      "(3) scaling: engine time per row (consistent workbook; and with one row in ten wrong)",
      ["rows", "engine ms", "µs/row", "faulty ms", "findings", "faulty µs/row"],
      engine.map((e) => [e.rows, e.engineMs, e.perRowUs, e.faultyMs, e.faultyFindings, e.faultyPerRowUs]),
    ),
    table(
      "(4) round trips in Excel (recording fake): context.sync() calls and the largest batch",
      ["rows", "read bytes", "check syncs", "check largest B", "generate syncs", "generate largest B"],
      excel.map((x) => [
        x.rows,
        x.check.responseBytes,
        x.check.syncs,
        x.check.largestBatchBytes,
        x.generate.syncs,
        x.generate.largestBatchBytes,
      ]),
    ),
  ];
  if (pane) {
    output.push(
      table(
        `(5) task pane first load (scripts of the production taskpane.html${pane.built ? ", built now" : ""}; office.js from the CDN not counted)`,
        ["script", "bytes", "gzip bytes"],
        [
          ...pane.scripts.map((s) => [s.file, s.bytes, s.gzipBytes]),
          ["total", pane.totalBytes, pane.totalGzipBytes],
        ],
      ),
    );
  }
  output.push(reviewTable(review));
  const goals = [
    ...targets(cli, engine, excel, pane),
    {
      target: `selfeval review of ${REVIEW_FILES} workbooks on worker threads ≤ ${REVIEW_TARGET}× one after another`,
      measured: `${review.ratio}×`,
      met: review.ratio <= REVIEW_TARGET,
    },
  ];
  output.push(
    table(
      "Targets",
      ["target", "measured", "met"],
      goals.map((g) => [g.target, g.measured, g.met ? "yes" : "NO"]),
    ),
  );
  output.push("* the read is over 4 MB, so it takes more than one values batch by design.\n");
  process.stdout.write(output.join("\n"));

  const results = {
    date: new Date().toISOString(),
    machine,
    quick,
    workbooks: workbooks.map((w) => ({ rows: w.rows, bytes: w.bytes, indicators: INDICATOR_COUNT })),
    cli,
    engine,
    excel,
    taskpane: pane,
    review,
    targets: goals,
    seconds: round((Date.now() - started) / 1000, 0),
  };
  const file = quick ? join(OUT, "results-quick.json") : join(__dirname, "results.json");
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  log(`wrote ${file}`);
}

function reviewTable(review: ReviewPart): string {
  const summary = table(
    `(6) selfeval review of ${review.files} workbooks: worker threads vs one after another (median of ${review.runs})`,
    ["files", "one by one ms", "workers", "workers ms", "ratio ×", `target ≤ ${REVIEW_TARGET}`],
    [
      [
        review.files,
        review.sequentialMs,
        review.workers,
        review.workersMs,
        review.ratio,
        review.ratio <= REVIEW_TARGET ? "met" : "NOT met",
      ],
    ],
  );
  // Every sample, in the order run, so a drift of the machine during the part can be seen.
  const samples = table(
    "(6) every run, ms (the two modes alternate, which goes first swapping from run to run)",
    ["run", "one by one", "workers"],
    review.samples.sequentialMs.map((ms, i) => [i + 1, ms, review.samples.workersMs[i]]),
  );
  return summary + "\n" + samples;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
