import { joinParts, normalizeLabel } from "../../../src/engine/check/labels";
import { amountText } from "../../../src/engine/check/messages";

describe("normalizeLabel", () => {
  it.each([
    ["  其中：一般公共预算", "一般公共预算"],
    ["（一）基本支出", "基本支出"],
    ["(二)项目支出", "项目支出"],
    ["1.基本支出", "基本支出"],
    ["１．基本支出", "基本支出"],
    ["二、项目支出", "项目支出"],
    ["  项  目  支  出  ", "项目支出"],
    ["全年预算数(万元)", "全年预算数"],
    ["全年执行数（单位：元）", "全年执行数"],
    ["年度资金总额：", "年度资金总额"],
    ["一般公共预算财政拨款", "一般公共预算财政拨款"],
    ["十一、其他资金", "其他资金"],
  ])("%s → %s", (input, output) => {
    expect(normalizeLabel(input)).toBe(output);
  });
});

describe("joinParts", () => {
  it("says 'spending' once when every part is a kind of spending", () => {
    expect(
      joinParts([
        { zh: "基本支出", en: "basic spending" },
        { zh: "项目支出", en: "project spending" },
      ]),
    ).toEqual({ zh: "基本支出 + 项目支出", en: "basic + project spending" });
  });
});

describe("amountText", () => {
  it("shows 2 decimals in the unit, more only when the amount holds more", () => {
    expect(amountText(10_716_160_000, "万元")).toBe("10716.16");
    expect(amountText(10_716_160_100, "万元")).toBe("10716.1601");
    expect(amountText(10_716_160_001, "万元")).toBe("10716.160001");
    expect(amountText(-10_000, "万元")).toBe("-0.01");
    expect(amountText(256_790_000, "元")).toBe("2567900.00");
    expect(amountText(150, "千元")).toBe("0.0015");
    expect(amountText(1, "亿元")).toBe("0.0000000001");
  });
});
