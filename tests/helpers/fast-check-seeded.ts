/**
 * fast-check as every test file sees it: jest.config.js maps the name `fast-check` here, and this hands over the
 * package itself with its global seed set (tests/helpers/property-seed.ts), so each property test draws the same cases
 * on every run.
 *
 * A mapping rather than a setup file run before each test file: jest loads a module again for every test file that
 * uses it, and only the few files with property tests need fast-check at all.
 */
import { dirname, join } from "node:path";
import { propertySeed } from "./property-seed";

// The package by its path (its name leads back here): the CommonJS build, which jest's `require` would pick.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's own module object is handed over
const fc = require(
  join(dirname(require.resolve("fast-check/package.json")), "lib", "cjs", "fast-check.js"),
) as typeof import("fast-check");

const seed = propertySeed(process.env.FC_SEED);
if (seed !== undefined) fc.configureGlobal({ seed });

export = fc;
