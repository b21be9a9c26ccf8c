/**
 * How soon V8 hands a hot function to its optimizing compiler (TurboFan) during `selfeval review`: later than by
 * default, so that only the really hot functions (the XML parser, the cell reader, the checker's loops) are compiled.
 *
 * Why (measured with `perf record` on 200 workbooks, two cores): by default TurboFan compiles about 300 functions per
 * isolate, many of them large (the zip reader, the recogniser, the rules), each once: about as much CPU on V8's
 * background threads as the checking itself on the main thread. Checking one file after another leaves that work on
 * the otherwise idle second core; the worker pool checks files on both cores, and each worker is an isolate of its own
 * that compiles the same functions again, on the cores the files need. With a budget of 1,000,000 (the default is
 * 67,584) about 75 functions are compiled per isolate and their compile time drops to a quarter, while the files are
 * checked no slower one after another (bench part 6 and README "Reviewing a folder" give the figures).
 *
 * V8's flags are the process's: set here, they hold for every worker started afterwards. So this is applied by the
 * process's entry point (main.ts `main`) for `review` alone, before the checker is loaded, and never by `run`, which the
 * tests call in-process. `check` and `generate` read one workbook, whose compiling the idle core absorbs: they keep
 * V8's default.
 */
import { setFlagsFromString } from "v8";

export const REVIEW_INTERRUPT_BUDGET = 1_000_000;

export function tuneTieringForReview(): void {
  setFlagsFromString(`--interrupt-budget=${REVIEW_INTERRUPT_BUDGET}`);
}
