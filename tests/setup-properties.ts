/**
 * Jest setup for every suite (jest.config.js): the property tests (fast-check) draw the same cases on every run, so
 * `npm test` passes or fails the same way each time — a random seed made a rare counterexample a red CI on a change
 * that had nothing to do with it. To explore new cases on purpose, run with FC_SEED=<number> (or FC_SEED=random);
 * fast-check prints the seed of a failure, and the fix comes with a test of that counterexample.
 */
import fc from "fast-check";

const FIXED_SEED = 20261202;

const requested = process.env.FC_SEED;
if (requested !== "random") {
  const seed = requested !== undefined && /^-?\d+$/.test(requested) ? Number(requested) : FIXED_SEED;
  fc.configureGlobal({ seed });
}
