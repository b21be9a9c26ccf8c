/**
 * tests/jest-worker-exit.js makes a jest worker process kill itself once it exits with code 0 after jest asked it to
 * stop, and leaves every other exit alone. Each case runs in a child process started the way it would be: the child
 * script is named as jest-worker's, or not; it has an IPC channel (fork), or not (spawn); it still listens for
 * messages, or not. What is compared is how the parent saw it end: a signal, or an exit code.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MODULE = join(__dirname, "..", "jest-worker-exit.js");
let dir: string;
/** A script at …/jest-worker/build/workers/processChild.js, as jest's worker processes run. */
let workerScript: string;
/** The same script under another name. */
let otherScript: string;

/**
 * The child: installs the hook, then (MODE) listens for one message and stops listening when it comes, as jest-worker
 * does (with exit code 0, or 1), or keeps listening and exits with code 0 or 3, or just ends.
 */
const CHILD = `
const { endAtOnceWhenJestIsDone } = require(${JSON.stringify(MODULE)});
endAtOnceWhenJestIsDone();
const mode = process.env.MODE;
if (mode === "asked-to-stop") {
  const listener = () => process.removeListener("message", listener);
  process.on("message", listener);
  process.send("ready");
} else if (mode === "asked-to-stop-failing") {
  const listener = () => {
    process.removeListener("message", listener);
    process.exitCode = 1;
  };
  process.on("message", listener);
  process.send("ready");
} else if (mode === "exit-0-while-listening") {
  process.on("message", () => undefined);
  process.send("ready");
  setImmediate(() => process.exit(0));
} else if (mode === "exit-3-while-listening") {
  process.on("message", () => undefined);
  process.exitCode = 3;
  process.send("ready");
  setImmediate(() => process.exit(3));
} else {
  process.stdout.write("ended\\n");
}
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "selfeval-jest-worker-exit-"));
  const workers = join(dir, "node_modules", "jest-worker", "build", "workers");
  mkdirSync(workers, { recursive: true });
  workerScript = join(workers, "processChild.js");
  otherScript = join(dir, "other.js");
  writeFileSync(workerScript, CHILD);
  writeFileSync(otherScript, CHILD);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ending {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
}

function ending(child: ChildProcess): Promise<Ending> {
  let stdout = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout })));
}

function forked(script: string, mode: string): ChildProcess {
  const child = fork(script, [], {
    env: { ...process.env, MODE: mode },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  // As jest does at the end: the one message that makes the worker stop listening.
  child.once("message", () => child.send("end"));
  return child;
}

describe("a jest worker process jest has asked to stop", () => {
  it("ends by its own SIGKILL, without Node's teardown", async () => {
    expect(await ending(forked(workerScript, "asked-to-stop"))).toEqual({
      code: null,
      signal: "SIGKILL",
      stdout: "",
    });
  });
});

describe("every other exit ends as it would have", () => {
  it.each([
    [
      "a worker that exits with code 3 while still listening (a test calling process.exit)",
      "exit-3-while-listening",
      3,
    ],
    [
      "a worker that exits with code 0 while still listening (process.exit(0) during a test)",
      "exit-0-while-listening",
      0,
    ],
    ["a worker asked to stop whose exit code is not 0", "asked-to-stop-failing", 1],
  ])("%s keeps its code, not killed", async (_, mode, code) => {
    expect(await ending(forked(workerScript, mode))).toEqual({ code, signal: null, stdout: "" });
  });

  it("a script with another name (not jest's worker) is left alone, asked to stop or not", async () => {
    expect(await ending(forked(otherScript, "asked-to-stop"))).toEqual({ code: 0, signal: null, stdout: "" });
  });

  it("a process with no IPC channel (jest in band, any program) ends with code 0 and its output", async () => {
    const child = spawn(process.execPath, [workerScript], {
      env: { ...process.env, MODE: "plain" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    expect(await ending(child)).toEqual({ code: 0, signal: null, stdout: "ended\n" });
  });
});
