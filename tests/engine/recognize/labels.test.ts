import {
  classifyBudgetRow,
  isKnownLabel,
  isNoteText,
  normalizeLabel,
} from "../../../src/engine/recognize/labels";

describe("normalizeLabel", () => {
  it.each([
    ["  项  目", "项目"],
    ["其中：一般公共预算", "一般公共预算"],
    ["1.基本支出", "基本支出"],
    ["2、项目支出", "项目支出"],
    ["（一）职能职责", "职能职责"],
    ["一、部门名称：", "部门名称"],
    ["(1)其中：政府性基金", "政府性基金"],
    ["①经营支出", "经营支出"],
    ["全年预算数（万元）", "全年预算数"],
    ["年度预算申请(万元)", "年度预算申请"],
    ["全年（调整）预算数", "全年(调整)预算数"],
    ["ＡＢＣ　合计", "ABC合计"],
    ["其中：", "其中"],
    ["1.5", "1.5"],
    ["一般公共预算", "一般公共预算"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

describe("classifyBudgetRow", () => {
  it.each([
    ["年度资金总额", { role: "total" }],
    ["总计", { role: "total" }],
    ["一般公共预算财政拨款", { role: "source", source: "general" }],
    ["政府性基金拨款", { role: "source", source: "govFund" }],
    ["国有资本经营预算", { role: "source", source: "stateCapital" }],
    ["社会保险基金", { role: "source", source: "socialInsurance" }],
    ["纳入专户管理的非税收入", { role: "source", source: "specialAccount" }],
    ["财政专户管理资金", { role: "source", source: "specialAccount" }],
    ["单位资金", { role: "source", source: "other" }],
    ["对附属单位补助支出", { role: "kind", kind: "subsidiary" }],
    ["上缴上级支出", { role: "kind", kind: "remitted" }],
    ["按收入性质分", { role: "heading" }],
    ["按支出性质分", { role: "heading" }],
  ])("%s", (label, expected) => {
    expect(classifyBudgetRow(normalizeLabel(label))).toEqual(expected);
  });

  it("leaves other text alone", () => {
    expect(classifyBudgetRow(normalizeLabel("人员经费"))).toBeNull();
  });
});

describe("isKnownLabel / isNoteText", () => {
  it("knows labels of every table", () => {
    expect(isKnownLabel("预期目标")).toBe(true);
    expect(isKnownLabel("绩效指标")).toBe(true);
    expect(isKnownLabel("全年执行数")).toBe(true);
    expect(isKnownLabel("岳阳市君山产业开发区管委会")).toBe(false);
  });

  it("recognises notes", () => {
    expect(isNoteText("注：本表金额单位为万元")).toBe(true);
    expect(isNoteText("注1: 说明")).toBe(true);
    expect(isNoteText("注")).toBe(true);
    expect(isNoteText("注册登记")).toBe(false);
  });
});
