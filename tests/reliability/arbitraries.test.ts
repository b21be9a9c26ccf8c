/**
 * The generators' own promise: binaryUnit (tests/reliability/arbitraries.ts) draws what fast-check's `unit: "binary"`
 * draws, case for case and shrink for shrink, so the property tests that use it test what they did with fast-check's.
 * This file is the one that pays for fast-check's table of every code point.
 */
import fc from "fast-check";
import { binaryUnit } from "./arbitraries";

const SEED = 20261202;

describe("binaryUnit", () => {
  it.each([12, 30, 40])(
    "draws fast-check's binary strings of up to %i units, the same ones in order",
    (maxLength) => {
      const ours = fc.sample(fc.string({ unit: binaryUnit, maxLength }), { seed: SEED, numRuns: 2000 });
      const theirs = fc.sample(fc.string({ unit: "binary", maxLength }), { seed: SEED, numRuns: 2000 });
      expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
      // The strings fast-check slips in on purpose ("__proto__", "constructor", …) are among them.
      expect(ours).toContain("__proto__");
    },
  );

  it("shrinks a counterexample to the one fast-check's unit shrinks it to", () => {
    const failure = (unit: fc.Arbitrary<string> | "binary"): string => {
      const details = fc.check(
        fc.property(fc.string({ unit, maxLength: 40 }), (s) => s.length < 5),
        { seed: SEED },
      );
      return JSON.stringify([details.counterexample, details.counterexamplePath]);
    };
    expect(failure(binaryUnit)).toBe(failure("binary"));
  });

  it("knows its units and nothing else: one code point, never a lone surrogate", () => {
    for (const unit of ["a", "\u0000", "\ud7ff", "\ue000", "𠀀", "\u{10ffff}"])
      expect({ unit, known: binaryUnit.canShrinkWithoutContext(unit) }).toEqual({ unit, known: true });
    for (const other of ["", "ab", "\ud800", "\udfff", "𠀀a", "e\u0301", 1, null])
      expect({ other, known: binaryUnit.canShrinkWithoutContext(other) }).toEqual({ other, known: false });
  });
});
