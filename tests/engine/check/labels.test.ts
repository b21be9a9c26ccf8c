import { joinParts, normalizeLabel } from "../../../src/engine/check/labels";

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
