/**
 * Checks the files of `selfeval review` on every core: this thread and a pool of worker threads take files from one
 * queue, and the results are collected in input order (so the rows, the JSON and the progress lines are the same
 * whatever finishes first). With one thread (or none asked for) the files are checked here, one after another.
 *
 * Why this shape (measured with `npm run bench -- --only-review`, 200 small workbooks on two cores): a file takes a few
 * milliseconds, so what a thread costs to start weighs as much as the checking. This thread has the checker loaded
 * already, so it checks files too and only threads - 1 workers are started; each worker is sent its files a few at a
 * time with the next few queued behind them, so it never waits for the main thread between files; and the main thread
 * yields to its event loop after each of its own files, so a worker's results and its next files are never held up.
 * The workers are started before this thread loads the checker (this module does not import it, review-check.ts is
 * loaded when the files are known), so their start-up overlaps this thread's loading; the CLI's entry point starts them
 * earlier still, before the command's modules are loaded (startWorkersEarly).
 */
import { availableParallelism } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import type { ReviewedFile } from "./review-check";
import type { ReviewJob, ReviewJobResult } from "./review-worker";

/** Called in input order as each file's result becomes final: `done` files of the run are checked. */
export type ReviewProgress = (done: number, result: ReviewedFile) => void;

/**
 * Workers started ahead of the run by `startWorkersEarly`, not yet handed files: each with whether it has died (failed
 * to load, say) while it waited, since its 'exit' would otherwise be heard by nobody.
 */
const early: { worker: Worker; gone: boolean }[] = [];

/**
 * Starts `count` workers now, before this thread has loaded the command's modules, parsed its options or listed the
 * folder: main.ts calls this as soon as it knows the command is `review` on a pool. A worker takes some 300 ms of its
 * own (its isolate's bootstrap, loading the checker, its first, slowest file) before it answers; started here it does
 * that while this thread does its own loading, instead of after it. They are unref'd until reviewFiles takes them, so a
 * run that stops early (wrong arguments, --help) exits at once and never waits for them.
 */
export function startWorkersEarly(count: number): readonly Worker[] {
  const started: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const entry = { worker: startWorker(), gone: false };
    entry.worker.unref();
    // Heard here only while it waits: an error is followed by 'exit', and a dead worker is never handed files.
    entry.worker.on("error", () => undefined);
    entry.worker.once("exit", () => (entry.gone = true));
    early.push(entry);
    started.push(entry.worker);
  }
  return started;
}

/** A worker started early and still alive, else a fresh one. */
function takeWorker(): Worker {
  for (let entry = early.shift(); entry !== undefined; entry = early.shift()) {
    if (entry.gone) continue;
    entry.worker.ref();
    return entry.worker;
  }
  return startWorker();
}

/** The early workers this run did not need (fewer files than threads) are stopped. */
function releaseEarlyWorkers(): void {
  for (const { worker } of early.splice(0)) void worker.terminate();
}

/** The most threads --workers accepts. */
export const MAX_THREADS = 64;

/** As many threads as cores (this one included); one core checks in this thread alone. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Reviews `files` (relative to `root`) on `threads` threads: this one and threads - 1 workers (0 or 1: this thread
 * alone). Never rejects for a file: each bad file comes back with its reason. `whileWaiting` is called once this
 * thread has checked its last file while workers are still on theirs: time it would otherwise spend waiting.
 */
export async function reviewFiles(
  root: string,
  files: readonly string[],
  threads: number,
  onProgress?: ReviewProgress,
  whileWaiting?: () => void,
): Promise<ReviewedFile[]> {
  const results: (ReviewedFile | undefined)[] = new Array(files.length);
  let reported = 0;
  const settle = (index: number, result: ReviewedFile): void => {
    results[index] = result;
    while (reported < files.length && results[reported] !== undefined) {
      reported += 1;
      onProgress?.(reported, results[reported - 1] as ReviewedFile);
    }
  };
  const queue = new JobQueue(root, files);
  const workers = Math.min(threads - 1, files.length - 1);
  const check = import("./review-check");
  // The workers first: each starts loading in its own thread while this one loads the checker.
  const pool = workers > 0 ? inWorkers(queue, workers, settle, check) : Promise.resolve();
  releaseEarlyWorkers();
  const { reviewFile } = await check;
  for (let job = queue.take(1)[0]; job !== undefined; job = queue.take(1)[0]) {
    settle(job.index, await reviewFile(job.path, job.file));
    // Let the workers' messages in (they arrive as events) before this thread takes its next file.
    if (workers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (workers > 0) whileWaiting?.();
  await pool;
  return results as ReviewedFile[];
}

/** The files not yet handed out, first come first served; a dead worker's unfinished files go back to the front. */
class JobQueue {
  private next = 0;
  private readonly returned: ReviewJob[] = [];

  constructor(
    private readonly root: string,
    private readonly files: readonly string[],
  ) {}

  get left(): number {
    return this.returned.length + this.files.length - this.next;
  }

  take(count: number): ReviewJob[] {
    const jobs = this.returned.splice(0, count);
    while (jobs.length < count && this.next < this.files.length) {
      const index = this.next++;
      jobs.push({ index, path: join(this.root, this.files[index]), file: this.files[index] });
    }
    return jobs;
  }

  giveBack(jobs: readonly ReviewJob[]): void {
    this.returned.unshift(...jobs);
  }
}

/** Files per message to a worker: a few, so that the last ones still spread over every thread. */
function batchSize(left: number, threads: number): number {
  return Math.max(1, Math.min(8, Math.floor(left / (threads * 4))));
}

function inWorkers(
  queue: JobQueue,
  count: number,
  settle: (index: number, result: ReviewedFile) => void,
  check: Promise<typeof import("./review-check")>,
): Promise<void> {
  return new Promise((resolve) => {
    let running = 0;
    const start = (): void => {
      running += 1;
      const worker = takeWorker();
      /** Sent and not yet answered, in the order the worker checks them. */
      const pending: ReviewJob[] = [];
      let done = false;
      const stop = (): void => {
        if (done) return;
        done = true;
        void worker.terminate();
        running -= 1;
        if (running === 0) resolve();
      };
      const send = (): void => {
        const jobs = queue.take(batchSize(queue.left, count + 1));
        if (jobs.length === 0) return;
        pending.push(...jobs);
        worker.postMessage(jobs);
      };
      worker.on("message", ({ index, result }: ReviewJobResult) => {
        pending.shift();
        settle(index, result);
        // Keep a second batch queued behind the one being checked.
        if (pending.length <= batchSize(queue.left, count + 1)) send();
        if (pending.length === 0) stop();
      });
      // A worker that dies (out of memory, a crash in a library) takes only the file it was on with it: that file gets
      // a row saying so, its other files go back to the queue, and a fresh worker carries on.
      const die = (detail: string): void => {
        if (done) return;
        const [job, ...rest] = pending.splice(0);
        queue.giveBack(rest);
        // The fresh worker first, so the pool is never empty (and never resolves) while files are left.
        if (queue.left > 0) start();
        if (job) {
          // Counted as running until its row is settled: the checker's module (which words it) is loaded by now in
          // all but a worker dying at once, so this waits at most for that load.
          running += 1;
          void check.then(({ failure, unreadable }) => {
            settle(job.index, unreadable(job.file, failure(detail)));
            running -= 1;
            if (running === 0) resolve();
          });
        }
        stop();
      };
      worker.on("error", (error) => die(error instanceof Error ? error.message : String(error)));
      worker.on("exit", (code) => die(`worker exited with code ${code}`));
      send();
      send();
      if (pending.length === 0) stop();
    };
    for (let i = 0; i < count; i++) start();
  });
}

/**
 * The worker runs the compiled lib/cli/review-worker.js when this module is compiled (the installed CLI), and the
 * TypeScript source through ts-node when this module runs from src (jest, the bench): a worker thread does not
 * inherit the parent's compiler hooks, so it registers its own before loading the entry. ts-node hands the transpile
 * to swc (a devDependency, as jest's transform): each thread would otherwise load the TypeScript compiler and compile
 * the engine with it, seconds of CPU per thread before the first file is checked.
 */
function startWorker(): Worker {
  if (__filename.endsWith(".js")) return new Worker(join(__dirname, "review-worker.js"));
  const entry = join(__dirname, "review-worker.ts");
  const project = join(__dirname, "..", "..", "tsconfig.json");
  const script =
    `require("ts-node").register({ transpileOnly: true, swc: true, project: ${JSON.stringify(project)} });\n` +
    `require(${JSON.stringify(entry)});`;
  return new Worker(script, { eval: true });
}
