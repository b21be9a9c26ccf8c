/**
 * A jest worker process ends at once when jest has told it to, instead of spending half a second tearing down its heap.
 *
 * Why: jest ends a run by asking each worker process to stop (jest-worker removes the worker's IPC 'message' listener,
 * so its event loop empties and it exits), and kills any worker not gone 500 ms later with "A worker process has failed
 * to exit gracefully and has been force exited … tests leaking due to improper teardown". Nothing leaked here: measured
 * (a globalSetup timing child_process.fork's 'exit' against the worker's own 'exit' event, six runs of the UI suites),
 * the worker's last JavaScript ran 1–5 ms after the request, and Node's teardown after it — freeing a heap of some
 * 200 MB used, 420 MB resident (V8 frees it page by page; a plain Node process with 300 MB of small objects takes
 * ~190 ms) — took 440–550 ms: so jest killed the worker in about half the runs, printed that warning, and every run
 * waited out the 500 ms.
 *
 * So when a jest worker process (jest-worker's child script, with its IPC channel) exits with code 0 after jest has
 * asked it to stop (no 'message' listener left), it kills itself, which skips only that teardown: jest had every result
 * before it asked, and nothing is left to write — jest's request only removes the listener, so 'exit' comes after the
 * event loop ran empty, and an unfinished write to stdout or stderr (pipes: asynchronous on POSIX) would have kept it
 * running. Any other exit — a test calling process.exit(3), a crash while a test file runs, jest in band (the runtime
 * then loads in jest's own process), any other program — ends as it would have. tests/lint/jest-worker-exit.test.ts
 * runs each case in a child process.
 */
const JEST_WORKER_CHILD = /[\\/]jest-worker[\\/]build[\\/]workers[\\/]processChild\.js$/;

function endAtOnceWhenJestIsDone(proc = process, script = proc.argv[1] ?? "") {
  if (!JEST_WORKER_CHILD.test(script)) return;
  proc.on("exit", (code) => {
    const askedToStop = typeof proc.send === "function" && proc.listenerCount("message") === 0;
    if (askedToStop && code === 0) proc.kill(proc.pid, "SIGKILL");
  });
}

module.exports = { endAtOnceWhenJestIsDone };
