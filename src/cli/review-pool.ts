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
 * The workers can be started (WorkerStarts) before the files are listed, and this module loads the checker only when
 * this thread starts checking, so a worker's start-up overlaps the listing and this thread's own loading.
 */
import { availableParallelism } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import type { ReviewedFile } from "./review-check";
import type { ReviewJob, ReviewJobResult } from "./review-worker";

/** Called in input order as each file's result becomes final: `done` files of the run are checked. */
export type ReviewProgress = (done: number, result: ReviewedFile) => void;

/** As many threads as cores (this one included); one core checks in this thread alone. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Beside the files: workers started already, and what to do while this thread has no file left to check. */
export interface ReviewRunOptions {
  readonly onProgress?: ReviewProgress;
  /** Taken first; those not needed are left in it for the caller to close. */
  readonly started?: WorkerStarts;
  /** Called once this thread has checked its last file while workers are still on theirs (it would only wait). */
  readonly whileWaiting?: () => void;
}

/**
 * Reviews `files` (relative to `root`) on `threads` threads: this one and threads - 1 workers (0 or 1: this thread
 * alone). Never rejects for a file: each bad file comes back with its reason.
 */
export async function reviewFiles(
  root: string,
  files: readonly string[],
  threads: number,
  { onProgress, started = new WorkerStarts(0), whileWaiting }: ReviewRunOptions = {},
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
  const pool = workers > 0 ? inWorkers(queue, workers, settle, started) : Promise.resolve();
  const { reviewFile } = await import("./review-check");
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

/**
 * Workers started ahead of their files. Each one's death is recorded from the moment it starts: a worker that fails
 * to load before it is taken would otherwise report its error to no one (and an unheard 'error' event throws).
 */
export class WorkerStarts {
  private readonly ready: StartedWorker[];

  constructor(count: number) {
    this.ready = Array.from({ length: count }, () => new StartedWorker());
  }

  /** A started worker, or a newly started one when none is left. */
  take(): StartedWorker {
    return this.ready.shift() ?? new StartedWorker();
  }

  /** Stops the workers not taken (fewer files than workers, or the run stopped on a usage error). */
  close(): void {
    for (const started of this.ready.splice(0)) void started.worker.terminate();
  }
}

class StartedWorker {
  readonly worker = startWorker();
  private death: string | null = null;
  private onDeath: ((detail: string) => void) | null = null;

  constructor() {
    this.worker.on("error", (error) => this.died(error instanceof Error ? error.message : String(error)));
    this.worker.on("exit", (code) => this.died(`worker exited with code ${code}`));
  }

  /** `handler` is called once, when the worker dies (at once when it has died already). */
  whenDead(handler: (detail: string) => void): void {
    this.onDeath = handler;
    if (this.death !== null) handler(this.death);
  }

  private died(detail: string): void {
    if (this.death !== null) return;
    this.death = detail;
    this.onDeath?.(detail);
  }
}

function inWorkers(
  queue: JobQueue,
  count: number,
  settle: (index: number, result: ReviewedFile) => void,
  started: WorkerStarts,
): Promise<void> {
  // Only a dead worker needs these: loaded here rather than at the top, so that starting the pool does not wait for it.
  const check = import("./review-check");
  return new Promise((resolve) => {
    let running = 0;
    const start = (): void => {
      running += 1;
      const taken = started.take();
      const worker = taken.worker;
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
        // The fresh worker first, so the pool is never empty (and never resolves) while files are left. The dead
        // one's file is settled after it, by when its result has been counted as owed by no worker.
        if (queue.left > 0) start();
        if (job) {
          running += 1;
          void check.then(({ failure, unreadable }) => {
            settle(job.index, unreadable(job.file, failure(detail)));
            running -= 1;
            if (running === 0) resolve();
          });
        }
        stop();
      };
      send();
      send();
      if (pending.length === 0) stop();
      else taken.whenDead(die);
    };
    for (let i = 0; i < count; i++) start();
  });
}

/**
 * The worker runs the compiled lib/cli/review-worker.js when this module is compiled (the installed CLI), and the
 * TypeScript source through ts-node when this module runs from src (ts-jest, the bench): a worker thread does not
 * inherit the parent's compiler hooks, so it registers its own before loading the entry.
 */
function startWorker(): Worker {
  if (__filename.endsWith(".js")) return new Worker(join(__dirname, "review-worker.js"));
  const entry = join(__dirname, "review-worker.ts");
  const project = join(__dirname, "..", "..", "tsconfig.json");
  const script =
    `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(project)} });\n` +
    `require(${JSON.stringify(entry)});`;
  return new Worker(script, { eval: true });
}
