/**
 * The property tests' fixed seed (tests/helpers/property-seed.ts): set by the module jest hands over for `fast-check`,
 * so a file loads fast-check only when it has property tests, and every one of those runs with the seed.
 */
import { join } from "node:path";
import fc from "fast-check";
import { FIXED_SEED, propertySeed } from "../helpers/property-seed";

const ROOT = join(__dirname, "..", "..");

test("the seed is the fixed one unless FC_SEED asks for another number or for random", () => {
  expect(FIXED_SEED).toBe(20261202);
  expect(propertySeed(undefined)).toBe(20261202);
  expect(propertySeed("42")).toBe(42);
  expect(propertySeed("-7")).toBe(-7);
  expect(propertySeed("random")).toBeUndefined();
  expect(propertySeed("4.2")).toBe(20261202);
  expect(propertySeed("")).toBe(20261202);
});

test("`fast-check` in a test file is the package with that seed set, and its properties draw by it", () => {
  const seed = propertySeed(process.env.FC_SEED);
  expect(fc.readConfigureGlobal().seed).toBe(seed);
  const draws = (parameters: { seed?: number }): number[] => {
    const seen: number[] = [];
    fc.assert(
      fc.property(fc.integer(), (n) => {
        seen.push(n);
      }),
      { ...parameters, numRuns: 20 },
    );
    return seen;
  };
  // The global seed is the one fc.assert used: the same draws as with that seed given explicitly, twice over.
  expect(draws({})).toEqual(draws({ seed }));
  expect(draws({})).toEqual(draws({}));
});

test("jest maps `fast-check` to the seeded module for every test file, and no setup file loads it for all", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.config.js is CommonJS
  const config = require(join(ROOT, "jest.config.js")) as {
    moduleNameMapper: Record<string, string>;
    setupFilesAfterEnv: string[];
  };
  expect(config.moduleNameMapper["^fast-check$"]).toBe("<rootDir>/tests/helpers/fast-check-seeded.ts");
  expect(config.setupFilesAfterEnv).toEqual(["<rootDir>/tests/setup-dom.ts"]);
});
