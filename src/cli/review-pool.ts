/**
 * Checks the files of `selfeval review` on every core: a pool of worker threads, each checking one file at a time and
 * posting back plain results, which the main thread collects in input order (so the rows, the JSON and the progress
 * lines are the same whatever finishes first). With no workers the files are checked here, one after another.
 */
import { availableParallelism } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import { failure, reviewFile, unreadable, type ReviewedFile } from "./review-check";
import type { ReviewJob } from "./review-worker";

/** Called in input order as each file's result becomes final: `done` files of the run are checked. */
export type ReviewProgress = (done: number, result: ReviewedFile) => void;

/** As many workers as cores; none on a single core, where a thread would only add its start-up. */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

/**
 * Reviews `files` (relative to `root`) with `workers` threads (0: in this thread). Never rejects for a file: each bad
 * file comes back with its reason.
 */
export async function reviewFiles(
  root: string,
  files: readonly string[],
  workers: number,
  onProgress?: ReviewProgress,
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

  if (workers <= 0) {
    for (let i = 0; i < files.length; i++) settle(i, await reviewFile(join(root, files[i]), files[i]));
  } else {
    await inWorkers(root, files, Math.min(workers, files.length), settle);
  }
  return results as ReviewedFile[];
}

function inWorkers(
  root: string,
  files: readonly string[],
  count: number,
  settle: (index: number, result: ReviewedFile) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let settled = 0;
    const finish = (index: number, result: ReviewedFile): void => {
      settle(index, result);
      settled += 1;
      if (settled === files.length) resolve();
    };

    const start = (): void => {
      const worker = startWorker();
      let current: ReviewJob | null = null;
      const feed = (): void => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        const index = next++;
        current = { index, path: join(root, files[index]), file: files[index] };
        worker.postMessage(current);
      };
      worker.on("message", (message: { index: number; result: ReviewedFile }) => {
        finish(message.index, message.result);
        feed();
      });
      // A worker that dies (out of memory, a crash in a library) takes only its file with it: that file gets a row
      // saying so, and a fresh worker carries on with the rest.
      let failed = false;
      const die = (detail: string): void => {
        if (failed) return;
        failed = true;
        const job = current;
        current = null;
        if (!job) return;
        finish(job.index, unreadable(job.file, failure(detail)));
        if (next < files.length) start();
      };
      worker.on("error", (error) => die(error instanceof Error ? error.message : String(error)));
      worker.on("exit", (code) => die(`worker exited with code ${code}`));
      feed();
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
