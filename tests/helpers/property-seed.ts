/**
 * The seed of the property tests (fast-check): the same cases on every run, so `npm test` passes or fails the same way
 * each time — a random seed made a rare counterexample a red CI on a change that had nothing to do with it. To explore
 * new cases on purpose, run with FC_SEED=<number> (or FC_SEED=random); fast-check prints the seed of a failure, and
 * the fix comes with a test of that counterexample. Applied by tests/helpers/fast-check-seeded.ts.
 */

/** The seed of every property test unless FC_SEED says otherwise. */
export const FIXED_SEED = 20261202;

/** The seed FC_SEED asks for: a number, none for "random", the fixed seed when unset (or not a whole number). */
export function propertySeed(requested: string | undefined): number | undefined {
  if (requested === "random") return undefined;
  return requested !== undefined && /^-?\d+$/.test(requested) ? Number(requested) : FIXED_SEED;
}
