/**
 * V8's settings for `selfeval review` when it checks files on a pool of threads. First, how soon V8 hands a hot
 * function to its optimizing compiler (TurboFan): later than by default, so that only the really hot functions (the
 * XML parser, the cell reader, the checker's loops) are compiled.
 *
 * Why (measured with `perf record` on 200 workbooks, two cores): by default TurboFan compiles about 300 functions per
 * isolate, many of them large (the zip reader, the recogniser, the rules), each once: about as much CPU on V8's
 * background threads as the checking itself on the main thread. Checking one file after another leaves that work to
 * the otherwise idle second core; the pool checks files on every core, and each worker is an isolate of its own that
 * compiles the same functions again, on the cores the files need. With a budget of 1,000,000 (V8's default is 67,584)
 * about 40 functions are compiled per isolate, and the background threads' CPU falls to a fifth.
 *
 * One thread alone (`--workers 0` or 1, or a single core) keeps V8's default: its compiling runs beside it on a core
 * the files do not use, and a later tier-up cost it some 5–10 % more CPU on its own thread (four runs each on a
 * loaded machine), so the one-thread mode, the bench's baseline, is left exactly as it was.
 *
 * Young-generation GC (scavenges) on one thread each, also on a pool only (`--no-parallel-scavenge`, read by V8 at each
 * scavenge, so it can be set while running). By default each scavenge is split into tasks for V8's background threads,
 * as many as Node's four platform threads plus one allow (scavenger.cc NumberOfScavengeTasks), on the two cores both
 * checking threads already use: the tasks only take the core of the other thread, and the thread whose heap is being
 * scavenged waits for them. Files allocate some 2 MB each, so about one scavenge every two files in each isolate.
 * Measured (200 workbooks, eight alternating runs each, per-thread CPU from /proc/thread-self/schedstat): V8's
 * background threads 447 -> 346 ms of CPU, the run 1,437 -> 1,362 ms; the checking threads' CPU unchanged. One thread
 * alone keeps the default: there the tasks run on the core its files do not use.
 *
 * V8's flags are the process's: set before the workers start, they hold for every worker. So this is applied by the
 * process's entry point (main.ts `main`) before the checker is loaded, and never by `run`, which the tests call
 * in-process. `check` and `generate` read one workbook and keep V8's default.
 */
import { availableParallelism } from "os";
import { setFlagsFromString } from "v8";

export const POOL_INTERRUPT_BUDGET = 1_000_000;

/** For a `selfeval review` that will run a pool (reviewThreads > 1): the raised budget and scavenges on one thread. */
export function tuneV8ForReview(): void {
  setFlagsFromString(`--interrupt-budget=${POOL_INTERRUPT_BUDGET}`);
  setFlagsFromString("--no-parallel-scavenge");
}

/** The threads `selfeval review` with these arguments will check files on, as its --workers option reads them. */
export function reviewThreads(argv: readonly string[]): number {
  return workersArgument(argv) ?? availableParallelism();
}

/**
 * The value of `--workers N` or `--workers=N` when it is a number; null when absent (the default, every core) or not a
 * number (which the command then refuses, so no file is checked either way).
 */
export function workersArgument(argv: readonly string[]): number | null {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") break;
    const value =
      token === "--workers"
        ? argv[i + 1]
        : token.startsWith("--workers=")
          ? token.slice("--workers=".length)
          : null;
    if (value !== null && value !== undefined) return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
  }
  return null;
}
