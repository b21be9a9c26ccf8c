/**
 * Part 6 of `npm run bench` (issue 12 §4): `selfeval review` over a folder of 200 workbooks — copies and faulty
 * variants of the sample, in ten subfolders — on every core (the default) against the same run with `--workers 0` (one
 * file after another in the main thread, through the same reviewFile: the same reading and checking of each file).
 * Each run is a fresh `node bin/selfeval.js` (the compiled CLI main.ts has just built), timed wall to wall, start-up
 * and the summary workbook included; the target is a ratio of at most 0.7.
 */
import { spawn } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import { join } from "path";
import { median, ratio, round } from "./stats";

const ROOT = join(__dirname, "..");
const SAMPLE = join(ROOT, "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");
export const REVIEW_FILES = 200;
export const REVIEW_TARGET = 0.7;
/** Runs per mode: the machine's speed drifts ±30 % from minute to minute, so a median of fewer says little. */
export const REVIEW_RUNS = 5;

export interface ReviewPart {
  readonly files: number;
  readonly workers: number;
  readonly runs: number;
  readonly sequentialMs: number;
  readonly workersMs: number;
  /** workersMs / sequentialMs. */
  readonly ratio: number;
  readonly samples: { readonly sequentialMs: number[]; readonly workersMs: number[] };
}

async function variant(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 200 workbooks: every fifth with a wrong 合计 (errors), every seventh with a 尾差, the rest plain copies. */
async function folder(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "selfeval-bench-review-"));
  const plain = readFileSync(SAMPLE);
  const faulty = await variant((wb) => (wb.getWorksheet("表二 支出决算表")!.getCell("C12").value = 294600));
  const rounding = await variant(
    (wb) => (wb.getWorksheet("表一 预算执行情况")!.getCell("D12").value = 256.8),
  );
  for (let i = 0; i < REVIEW_FILES; i++) {
    const unit = join(root, `单位${String(Math.floor(i / 20) + 1).padStart(2, "0")}`);
    mkdirSync(unit, { recursive: true });
    const bytes = i % 5 === 0 ? faulty : i % 7 === 0 ? rounding : plain;
    writeFileSync(join(unit, `${String(i + 1).padStart(3, "0")}-自评表.xlsx`), bytes);
  }
  return root;
}

/** `workers` null: the CLI's default pool (one thread per core). */
function timedReview(folderPath: string, out: string, workers: number | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const args = [join(ROOT, "bin", "selfeval.js"), "review", folderPath, "--out", out, "--force"];
    const child = spawn(process.execPath, workers === null ? args : [...args, "--workers", String(workers)], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const err: Buffer[] = [];
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      // 1 is expected: every fifth workbook has errors.
      if (code !== 0 && code !== 1) reject(new Error(Buffer.concat(err).toString("utf8")));
      else resolve(Number(process.hrtime.bigint() - start) / 1e6);
    });
  });
}

/**
 * Runs alternate (one after another, then workers, …) so a change in the machine's load hits both alike, and which mode
 * goes first swaps from run to run, so neither always meets the file cache the other just warmed.
 */
export async function reviewPart(runs: number, log: (text: string) => void): Promise<ReviewPart> {
  const root = await folder();
  const out = join(mkdtempSync(join(tmpdir(), "selfeval-bench-summary-")), "汇总.xlsx");
  const workers = availableParallelism();
  const sequential: number[] = [];
  const parallel: number[] = [];
  const oneByOne = async (run: number) => {
    log(`part 6, run ${run}/${runs}: selfeval review of ${REVIEW_FILES} workbooks, one after another`);
    sequential.push(await timedReview(root, out, 0));
  };
  const pooled = async (run: number) => {
    log(
      `part 6, run ${run}/${runs}: the same on ${workers} threads (the main one and ${workers - 1} workers)`,
    );
    parallel.push(await timedReview(root, out, null));
  };
  try {
    for (let run = 1; run <= runs; run++) {
      if (run % 2 === 1) {
        await oneByOne(run);
        await pooled(run);
      } else {
        await pooled(run);
        await oneByOne(run);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(join(out, ".."), { recursive: true, force: true });
  }
  const sequentialMs = round(median(sequential), 0);
  const workersMs = round(median(parallel), 0);
  return {
    files: REVIEW_FILES,
    workers,
    runs,
    sequentialMs,
    workersMs,
    ratio: ratio(workersMs, sequentialMs),
    samples: {
      sequentialMs: sequential.map((v) => round(v, 0)),
      workersMs: parallel.map((v) => round(v, 0)),
    },
  };
}
