/**
 * The worker thread of `selfeval review` (review-pool.ts starts it): checks the files it is sent, one at a time, and
 * posts each result back as plain data.
 */
import { parentPort } from "worker_threads";
import { reviewFile } from "./review-check";

/** What the pool sends: the file's index in the run, its absolute path and the name it is shown under. */
export interface ReviewJob {
  readonly index: number;
  readonly path: string;
  readonly file: string;
}

const port = parentPort;
if (port) {
  port.on("message", (job: ReviewJob) => {
    void reviewFile(job.path, job.file).then((result) => port.postMessage({ index: job.index, result }));
  });
}
