/** Jest runs the TypeScript sources directly, transpiled by swc (@swc/jest). */

// The engine imports the list of rule files, src/engine/rules/registry.generated.ts (ignored by git): write it before
// any test compiles the engine, so `npm test` and `npx jest <paths>` see every rule file, also a new one.
require("./scripts/rules-registry.js").writeRegistry();

/** swc's options for a .ts (`<T>(x) =>` is a generic there) or a .tsx file (JSX there). */
function swcOptions({ tsx }) {
  return {
    jsc: {
      parser: { syntax: "typescript", tsx },
      target: "es2020", // tsconfig.json's target
      transform: {
        react: { runtime: "automatic" }, // "jsx": "react-jsx"
        useDefineForClassFields: false, // tsc's default for target ES2020
      },
    },
    module: { type: "commonjs" }, // "module": "commonjs" with esModuleInterop
    sourceMaps: "inline", // stack traces point at the TypeScript lines
  };
}

module.exports = {
  testEnvironment: "node",
  // jest's runtime, with what is the same for every test file (compiled modules, installed packages' text, a few of
  // jest's own stateless helpers) kept for the worker's next file instead of redone: tests/jest-runtime.js.
  runtime: "<rootDir>/tests/jest-runtime.js",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
  transform: {
    // Transpile only, no type check per test file: `npm run typecheck` (tsc --noEmit) is the type check. swc strips
    // the types of each file on its own (what tsconfig.json's `isolatedModules: true` guarantees is safe), at a
    // fraction of the cost of ts-jest's TypeScript compiler when the cache is cold (a fresh clone, CI); the options
    // are tsconfig.json's where they change the emitted JavaScript. tests/lint/test-suite-rules.test.ts keeps them so.
    "^.+\\.ts$": ["@swc/jest", swcOptions({ tsx: false })],
    "^.+\\.tsx$": ["@swc/jest", swcOptions({ tsx: true })],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls ESM-only dependencies that jest cannot load; tests never need it.
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
    // The same components, each package loaded when first used instead of all ~60 for every UI test file.
    "^@fluentui/react-components$": "<rootDir>/tests/stubs/fluent-components-lazy.js",
    // fast-check with the property tests' fixed seed set, loaded only by the files that have property tests.
    "^fast-check$": "<rootDir>/tests/helpers/fast-check-seeded.ts",
    // The same icons, each read from the package's module for its family instead of all of them for every UI test file.
    "^@fluentui/react-icons$": "<rootDir>/tests/stubs/fluent-icons-lazy.js",
  },
  // Jest's default is one worker fewer than the cores, which on a 2-core machine is a single worker: every suite in
  // a row. The suites are independent, so use every core.
  maxWorkers: "100%",
  // Only a hung test may fail on time. No test has a budget of its own: a busy machine is slower, not wrong.
  testTimeout: 10 * 60_000,
  // Testing Library's waits (tests/setup-dom.ts) and the Fluent style rules in jsdom.
  setupFilesAfterEnv: ["<rootDir>/tests/setup-dom.ts"],
};
