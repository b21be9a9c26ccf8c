/**
 * jest's module runtime (jest-runtime) with the work that is the same for every test file done once per worker
 * (jest.config.js, `runtime`). Jest builds a fresh runtime for each test file — a new module registry in a new
 * global — and that isolation stays: every module still runs anew in each file's own global. What this keeps between
 * the files a worker runs is only what cannot differ between them:
 *
 * - The compiled form of a module: V8 compiles a script independently of any global (runInContext binds it to one),
 *   so the script compiled for the first file serves every later one with the same source; jest compiled each module
 *   again for every file (about 400 modules even for a file that tests one function: jest's own expect, snapshot and
 *   circus are loaded into each file's global too).
 * - The text of a file under node_modules: nothing changes the installed packages during a run, yet jest read and
 *   stat()ed each of them again for every test file. The project's own files are still read each time (jest's own
 *   transform cache keeps their transpiled form), so a file that changes during the run is seen as it is.
 * - A few of the packages that jest's own test framework uses inside each file's global, loaded once in the worker
 *   instead (jest does the same for chalk): they keep no state and do not depend on the global they run in —
 *   version comparison (semver, for inline snapshots), glob matching, source maps, the value printer and differ of
 *   failure messages, the random order of --randomize. What a test itself requires is not touched.
 */
const { createRequire } = require("module");
const Runtime = require("jest-runtime").default;
const { endAtOnceWhenJestIsDone } = require("./jest-worker-exit");

// This module loads once in each jest worker process: the place to make the worker end as soon as jest is done with it.
endAtOnceWhenJestIsDone();

/** Loaded once per worker (outside the test file's global) when jest's own modules require them. */
const SHARED_WITH_THE_WORKER = new Set([
  "semver",
  "pure-rand",
  "picomatch",
  "micromatch",
  "braces",
  "graceful-fs",
  "source-map",
  "react-is",
  "@jest/transform",
  "jest-regex-util",
  "pretty-format",
  "jest-diff",
]);

/** The installed packages, which do not change while jest runs. */
const INSTALLED = /[\\/]node_modules[\\/]/;

/** filename → the script compiled from `source` (jest's module wrapper around the module's code). */
const compiled = new Map();
/** filename of an installed package's file → what transformFile returned for it (and recorded) the first time. */
const installed = new Map();

/**
 * The runtime of the test file this worker runs now (a worker runs one at a time). A compiled script's dynamic
 * import() callback asks it, not the runtime of the file that happened to compile the script first: that one is
 * finished, and holding on to it would keep its whole module registry alive.
 */
const now = { runtime: null };
const currentRuntime = new Proxy(
  {},
  {
    get(_, key) {
      const value = now.runtime[key];
      return typeof value === "function" ? value.bind(now.runtime) : value;
    },
  },
);

class WorkerRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    now.runtime = this;
  }

  createScriptFromCode(scriptSource, filename) {
    const columnOffset = this._fileTransforms.get(filename)?.wrapperLength;
    const hit = compiled.get(filename);
    if (hit !== undefined && hit.source === scriptSource && hit.columnOffset === columnOffset)
      return hit.script;
    const script = super.createScriptFromCode.call(currentRuntime, scriptSource, filename);
    compiled.set(filename, { source: scriptSource, columnOffset, script });
    return script;
  }

  transformFile(filename, options) {
    if (!INSTALLED.test(filename) || this._coverageOptions.collectCoverage)
      return super.transformFile(filename, options);
    const key = `${options?.isInternalModule ? "internal" : "module"}:${filename}`;
    const seen = installed.get(key);
    if (seen === undefined) {
      const code = super.transformFile(filename, options);
      installed.set(key, {
        code,
        transformed: options?.isInternalModule ? undefined : this._fileTransforms.get(filename),
      });
      return code;
    }
    // What jest's transformFile records besides returning the code: the wrapper's length (stack columns) and the
    // source map of a transformed file (stack lines).
    if (seen.transformed !== undefined) {
      this._fileTransforms.set(filename, seen.transformed);
      if (seen.transformed.sourceMapPath)
        this._sourceMapRegistry.set(filename, seen.transformed.sourceMapPath);
    }
    return seen.code;
  }

  requireInternalModule(from, to) {
    if (to !== undefined && SHARED_WITH_THE_WORKER.has(to)) return createRequire(from)(to);
    return super.requireInternalModule(from, to);
  }
}

module.exports = WorkerRuntime;
