/** Amounts, scores and rates as the pane prints them: exact from 分, grouped, in the table's unit. */
import { amountText, rateText, scoreText } from "../../src/taskpane/format";

test("amounts keep two decimals, gain more only when a small difference needs them, and are grouped", () => {
  expect(amountText(10_716_160_000, "万元", "zh-CN")).toBe("10,716.16 万元");
  expect(amountText(104_450_000, "万元", "zh-CN")).toBe("104.45 万元");
  expect(amountText(100, "万元", "zh-CN")).toBe("0.0001 万元");
  expect(amountText(-1, "元", "zh-CN")).toBe("-0.01 元");
  expect(amountText(256_790_000, "元", "en-US")).toBe("2,567,900.00 yuan");
  expect(amountText(0, "亿元", "en-US")).toBe("0.00 100m yuan");
});

test("scores print as the report prints them, rates with two decimals", () => {
  expect(scoreText(95)).toBe("95");
  expect(scoreText(99.78)).toBe("99.78");
  expect(scoreText(9.1666)).toBe("9.17");
  expect(rateText(1)).toBe("100.00%");
  expect(rateText(110 / 120)).toBe("91.67%");
});
