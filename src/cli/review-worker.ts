/**
 * The worker thread of `selfeval review` (review-pool.ts starts it): is sent its files a few at a time, checks them one
 * after another, in the order sent, and posts each result back as plain data as soon as it has it (so a worker that
 * dies is known to have died on the first file it has not answered).
 */
import { parentPort } from "worker_threads";
import { reviewFile, type ReviewedFile } from "./review-check";

/** What the pool sends: the file's index in the run, its absolute path and the name it is shown under. */
export interface ReviewJob {
  readonly index: number;
  readonly path: string;
  readonly file: string;
}

export interface ReviewJobResult {
  readonly index: number;
  readonly result: ReviewedFile;
}

const port = parentPort;
if (port) {
  // Batches that arrive while one is being checked wait their turn: one file at a time, in order.
  let chain = Promise.resolve();
  port.on("message", (jobs: readonly ReviewJob[]) => {
    chain = chain.then(async () => {
      for (const job of jobs) {
        const message: ReviewJobResult = { index: job.index, result: await reviewFile(job.path, job.file) };
        port.postMessage(message);
      }
    });
  });
}
