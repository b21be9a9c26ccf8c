/** Jest runs the TypeScript sources directly through ts-jest. */

// The engine imports the list of rule files, src/engine/rules/registry.generated.ts (ignored by git): write it before
// any test compiles the engine, so `npm test` and `npx jest <paths>` see every rule file, also a new one.
require("./scripts/rules-registry.js").writeRegistry();

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
  transform: {
    // Transpile only, no type check per test file: `npm run typecheck` (tsc --noEmit) is the type check. ts-jest 29.4
    // takes that mode from tsconfig.json's `isolatedModules: true` (its own option of that name is deprecated);
    // tests/lint/jest-config.test.ts keeps the tsconfig setting from being dropped unnoticed.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls ESM-only dependencies that jest cannot load; tests never need it.
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
  },
  // Jest's default is one worker fewer than the cores, which on a 2-core machine is a single worker: every suite in
  // a row. The suites are independent, so use every core.
  maxWorkers: "100%",
  // Only a hung test may fail on time. No test has a budget of its own: a busy machine is slower, not wrong.
  testTimeout: 10 * 60_000,
  // Testing Library's waits (tests/setup-dom.ts) and the Fluent style rules in jsdom.
  setupFilesAfterEnv: ["<rootDir>/tests/setup-dom.ts", "<rootDir>/tests/setup-properties.ts"],
};
