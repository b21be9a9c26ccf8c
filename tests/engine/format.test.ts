import {
  amountDigits,
  amountGap,
  amountFixed,
  amountNumberFormat,
  amountWithUnit,
  percentText,
  rateText,
  round2,
  scoreFixed,
  scoreText,
  unitGloss,
} from "../../src/engine/format";
import {
  FINDING_GROUP_ORDER,
  TABLE_KINDS,
  TABLE_KIND_NAMES,
  tableKindName,
} from "../../src/engine/table-kinds";

describe("amountDigits (figures inside a finding's sentence)", () => {
  it("shows 2 decimals in the unit, more only when the amount holds more", () => {
    expect(amountDigits(10_716_160_000, "万元")).toBe("10,716.16");
    expect(amountDigits(10_716_160_100, "万元")).toBe("10,716.1601");
    expect(amountDigits(10_716_160_001, "万元")).toBe("10,716.160001");
    expect(amountDigits(-10_000, "万元")).toBe("-0.01");
    expect(amountDigits(-256_790_000, "元")).toBe("-2,567,900.00");
    expect(amountDigits(99_999, "元")).toBe("999.99");
    expect(amountDigits(256_790_000, "元")).toBe("2,567,900.00");
    expect(amountDigits(150, "千元")).toBe("0.0015");
    expect(amountDigits(1, "亿元")).toBe("0.0000000001");
  });
});

describe("amountGap (a difference said without a sign)", () => {
  it("gives the gap unsigned and which way it goes", () => {
    expect(amountGap(10_726_160_000, 10_716_160_000, "万元")).toEqual({ gap: "10.00", more: true });
    expect(amountGap(284_600_00, 294_600_00, "元")).toEqual({ gap: "10,000.00", more: false });
  });
});

describe("amountWithUnit (the pane's amounts)", () => {
  it("groups thousands, keeps at least 2 decimals and names the unit in the language", () => {
    expect(amountWithUnit(10_716_160_000, "万元", "zh-CN")).toBe("10,716.16 万元");
    expect(amountWithUnit(100, "万元", "zh-CN")).toBe("0.0001 万元");
    expect(amountWithUnit(-1, "元", "zh-CN")).toBe("-0.01 元");
    expect(amountWithUnit(256_790_000, "元", "en-US")).toBe("2,567,900.00 yuan");
    expect(amountWithUnit(0, "亿元", "en-US")).toBe("0.00 100m yuan");
  });
});

describe("the other amount forms", () => {
  it("prose, number formats and the English gloss", () => {
    expect(amountFixed(256_790_000, "万元")).toBe("256.79");
    expect(amountFixed(256_795_000, "万元")).toBe("256.80");
    expect(amountNumberFormat("万元")).toBe('#,##0.00" 万元"');
    expect(unitGloss("万元")).toBe("万元 (10,000 yuan)");
  });
});

describe("scores and rates", () => {
  it("rounds half away from zero at 2 decimals, as a person expects", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(scoreText(95)).toBe("95");
    expect(scoreText(99.78)).toBe("99.78");
    expect(scoreText(9.1666)).toBe("9.17");
    expect(scoreFixed(89)).toBe("89.00");
  });

  it("writes rates and shares as percentages with 2 decimals", () => {
    expect(rateText(1)).toBe("100.00%");
    expect(rateText(110 / 120)).toBe("91.67%");
    expect(percentText(24, 1000)).toBe("2.40%");
    expect(percentText(1, 0)).toBeNull();
    expect(percentText(null, 10)).toBeNull();
  });
});

describe("table kinds", () => {
  it("lists the kinds once, in display order, with one name per language", () => {
    expect(TABLE_KINDS).toEqual(["budget", "expenditure", "indicators", "info", "project"]);
    expect(FINDING_GROUP_ORDER).toEqual(["budget", "expenditure", "indicators", "info", "project", "other"]);
    expect(TABLE_KIND_NAMES.project).toEqual({
      "zh-CN": "项目支出绩效自评表",
      "en-US": "Project self-evaluation",
    });
    expect(TABLE_KIND_NAMES.indicators).toEqual({ "zh-CN": "绩效指标", "en-US": "Performance indicators" });
    expect(tableKindName("other", "zh-CN")).toBe("整个工作簿");
    expect(tableKindName("budget", "en-US")).toBe("Budget execution");
  });
});
