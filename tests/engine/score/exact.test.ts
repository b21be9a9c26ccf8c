import {
  add,
  cmp,
  div,
  fromDecimal,
  fromNumber,
  fromNumberText,
  mul,
  ratio,
  roundTo,
  toFixed,
  toNumber,
  toText,
} from "../../../src/engine/score/exact";
import { roundScore } from "../../../src/engine/score/rules";

describe("exact ratios", () => {
  it("reads decimals and typed numbers exactly", () => {
    expect(fromDecimal("12.50")).toEqual(ratio(25n, 2n));
    expect(fromDecimal("-0.75")).toEqual(ratio(-3n, 4n));
    expect(fromDecimal(".5")).toEqual(ratio(1n, 2n));
    expect(fromDecimal("abc")).toBeNull();
    expect(fromDecimal("")).toBeNull();
    expect(fromNumber(2.675)).toEqual(ratio(2675n, 1000n));
    expect(fromNumber(1e-7)).toEqual(ratio(1n, 10_000_000n));
    expect(fromNumber(Number.NaN)).toBeNull();
    expect(fromNumberText("２,５６７,９００.００")).toEqual(ratio(2567900n));
    expect(fromNumberText("25,67")).toBeNull();
  });

  it("adds without binary noise: 10716.17 − 10716.16 is exactly 0.01", () => {
    const a = fromDecimal("10716.17")!;
    const b = fromDecimal("10716.16")!;
    expect(toText(add(a, ratio(-b.n, b.d)))).toBe("0.01");
    expect(cmp(mul(fromDecimal("0.1")!, ratio(3n)), fromDecimal("0.3")!)).toBe(0);
  });

  it("rounds half away from zero where Math.round(x*100)/100 does not", () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the naive way loses the half
    expect(toFixed(fromNumber(1.005)!, 2)).toBe("1.01");
    expect((2.675).toFixed(2)).toBe("2.67"); // so does toFixed
    expect(toNumber(roundScore(fromNumber(2.675)!))).toBe(2.68);
    expect(toFixed(fromNumber(-2.675)!, 2)).toBe("-2.68");
    expect(toFixed(fromNumber(2.6749)!, 2)).toBe("2.67");
    expect(toFixed(div(ratio(88n), ratio(9n)), 2)).toBe("9.78");
    expect(toText(roundTo(ratio(1n, 3n), 4))).toBe("0.3333");
    expect(toText(ratio(10n))).toBe("10");
    expect(toText(fromDecimal("1.20")!)).toBe("1.2");
    expect(toText(fromDecimal("-0.0000001")!)).toBe("0");
  });
});
