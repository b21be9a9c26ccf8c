import { errorValue } from "../../../src/engine/snapshot";
import { ratio, toText } from "../../../src/engine/score/exact";
import {
  parseActual,
  parseOperatorColumn,
  parseQuantityText,
  parseTarget,
  parseTier,
  parseUnitColumn,
  type OperatorColumn,
  type Quantity,
} from "../../../src/engine/score/target";
import { convert } from "../../../src/engine/score/units";

const NONE: OperatorColumn = { kind: "none" };

function quantity(text: string): { operator: string | null; value: string; unit: string } | null {
  const q = parseQuantityText(text);
  return q && { operator: q.operator, value: toText(q.value), unit: q.unit };
}

describe("parseQuantityText: operator? number unit? and nothing else", () => {
  it.each([
    ["≥15个", ">=", "15", "个"],
    ["≤260万元", "<=", "260", "万元"],
    ["＝12次", "=", "12", "次"],
    ["100%", null, "100", "%"],
    ["＞＝ 90 %", ">=", "90", "%"],
    ["＜＝100", "<=", "100", ""],
    [">= 95%", ">=", "95", "%"],
    ["<= 3 天", "<=", "3", "天"],
    ["> 0", ">", "0", ""],
    ["< 5‰", "<", "5", "‰"],
    ["≧１５ 个", ">=", "15", "个"],
    ["  ≥ 2,000 人次 ", ">=", "2000", "人次"],
    ["95%以上", ">=", "95", "%"],
    ["3个工作日以内", "<=", "3", "个工作日"],
    ["不低于95%", ">=", "95", "%"],
    ["不超过500元/人", "<=", "500", "元/人"],
    ["1.2万人次", null, "1.2", "万人次"],
    ["-3", null, "-3", ""],
  ])("%s", (text, operator, value, unit) => {
    expect(quantity(text)).toEqual({ operator, value, unit });
  });

  it.each([
    "2023年12月底前完成",
    "12月底前",
    "约15个",
    "15-20个",
    "≥约15个",
    "100左右",
    "按时完成",
    "≥",
    "15个以上及以下",
    "≥95%以上",
  ])("%s is not a quantity", (text) => {
    expect(parseQuantityText(text)).toBeNull();
  });
});

describe("parseTarget", () => {
  it("keeps quantities with their operator and unit", () => {
    expect(parseTarget("≥15个", "≥15个", NONE, "")).toEqual({
      kind: "quantitative",
      operator: ">=",
      quantity: { value: ratio(15n), unit: "个", fromNumberCell: false },
    });
  });

  it("takes the operator and unit from their own columns when the cell has none", () => {
    const op = parseOperatorColumn("≥");
    expect(parseTarget(15, "15", op, "个")).toEqual({
      kind: "quantitative",
      operator: ">=",
      quantity: { value: ratio(15n), unit: "个", fromNumberCell: true },
    });
    expect(parseTarget("15", "15", parseOperatorColumn("＜"), "天")).toEqual({
      kind: "quantitative",
      operator: "<",
      quantity: { value: ratio(15n), unit: "天", fromNumberCell: false },
    });
    // A glued operator wins over the column's.
    expect(parseTarget("≤15", "≤15", op, "")).toMatchObject({ kind: "quantitative", operator: "<=" });
  });

  it("reads 定性 in the operator column as qualitative whatever the cell says", () => {
    expect(parseTarget("≥90%", "≥90%", parseOperatorColumn("定性"), "")).toEqual({
      kind: "qualitative",
      text: "≥90%",
    });
  });

  it("treats dated or descriptive targets as qualitative", () => {
    expect(parseTarget("2023年12月底前完成", "2023年12月底前完成", NONE, "")).toEqual({
      kind: "qualitative",
      text: "2023年12月底前完成",
    });
    expect(parseTarget("不低于上年", "不低于上年", NONE, "")).toEqual({
      kind: "qualitative",
      text: "不低于上年",
    });
  });

  it("rejects empty targets, error values and operators without a quantity", () => {
    expect(parseTarget(null, "", NONE, "")).toEqual({ kind: "invalid", reason: "empty" });
    expect(parseTarget("—", "—", NONE, "")).toEqual({ kind: "invalid", reason: "empty" });
    expect(parseTarget(errorValue("#REF!"), "#REF!", NONE, "")).toEqual({ kind: "invalid", reason: "error" });
    expect(parseTarget("≥约15个", "≥约15个", NONE, "")).toEqual({ kind: "invalid", reason: "malformed" });
    expect(parseTarget("＞ 较好", "＞ 较好", NONE, "")).toEqual({ kind: "invalid", reason: "malformed" });
  });
});

describe("parseOperatorColumn and parseUnitColumn", () => {
  it.each([
    ["≥", { kind: "operator", operator: ">=" }],
    ["＞", { kind: "operator", operator: ">" }],
    ["＝", { kind: "operator", operator: "=" }],
    [" ＜ ", { kind: "operator", operator: "<" }],
    ["≤", { kind: "operator", operator: "<=" }],
    [">=", { kind: "operator", operator: ">=" }],
    ["定性", { kind: "qualitative" }],
    ["定性指标", { kind: "qualitative" }],
    ["正向", { kind: "operator", operator: ">=" }],
    ["反向", { kind: "operator", operator: "<=" }],
    ["", { kind: "none" }],
    ["定量", { kind: "none" }],
  ])("%s", (text, expected) => {
    expect(parseOperatorColumn(text)).toEqual(expected);
  });

  it("reads units, dashes as none", () => {
    expect(parseUnitColumn(" 万元 ")).toBe("万元");
    expect(parseUnitColumn("／")).toBe("");
    expect(parseUnitColumn(undefined)).toBe("");
  });
});

describe("parseTier and parseActual", () => {
  it.each([
    ["达成", "met"],
    ["达成年度指标", "met"],
    ["部分达成", "partial"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["未达成", "unmet"],
    ["未达成年度指标且效果较差", "unmet"],
    ["完成", "met"],
    ["已完成", "met"],
    ["按时完成。", "met"],
    ["2023年11月完成", "met"],
    ["基本完成", "partial"],
    ["未完成", "unmet"],
    ["没有完成", "unmet"],
    ["较好", null],
    ["", null],
  ])("%s", (text, tier) => {
    expect(parseTier(text)).toBe(tier);
  });

  it("reads actual values", () => {
    expect(parseActual(null, "", "")).toEqual({ kind: "missing" });
    expect(parseActual("  - ", "-", "")).toEqual({ kind: "missing" });
    expect(parseActual(17, "17", "个")).toEqual({
      kind: "number",
      quantity: { value: ratio(17n), unit: "个", fromNumberCell: true },
    });
    expect(parseActual("１７个", "１７个", "")).toEqual({
      kind: "number",
      quantity: { value: ratio(17n), unit: "个", fromNumberCell: false },
    });
    expect(parseActual("达成年度指标", "达成年度指标", "")).toEqual({ kind: "tier", tier: "met" });
    expect(parseActual("较好", "较好", "")).toEqual({ kind: "unparsed", text: "较好" });
    expect(parseActual(errorValue("#N/A"), "#N/A", "")).toEqual({ kind: "unparsed", text: "#N/A" });
  });
});

describe("convert", () => {
  const q = (value: string, unit: string, fromNumberCell = false): Quantity => ({
    value: parseQuantityText(value)!.value,
    unit,
    fromNumberCell,
  });
  const ok = (t: Quantity, a: Quantity) => {
    const c = convert(t, a);
    if (c.kind !== "ok") throw new Error("expected a conversion");
    return { target: toText(c.target), actual: toText(c.actual), unit: c.unit, converted: c.converted };
  };

  it("converts money units into the target's", () => {
    expect(ok(q("1.2", "亿元"), q("9000", "万元"))).toEqual({
      target: "1.2",
      actual: "0.9",
      unit: "亿元",
      converted: true,
    });
    expect(ok(q("260", "万元"), q("2,500,000", "元"))).toEqual({
      target: "260",
      actual: "250",
      unit: "万元",
      converted: true,
    });
    expect(ok(q("500", "千元"), q("60", "万元"))).toEqual({
      target: "500",
      actual: "600",
      unit: "千元",
      converted: true,
    });
  });

  it("scales any unit by 万 and 亿, and per mille into percent", () => {
    expect(ok(q("1.2", "万人次"), q("15000", "人次"))).toEqual({
      target: "1.2",
      actual: "1.5",
      unit: "万人次",
      converted: true,
    });
    expect(ok(q("5", "‰"), q("0.3", "%"))).toEqual({ target: "5", actual: "3", unit: "‰", converted: true });
  });

  it("gives a bare side the other side's unit", () => {
    expect(ok(q("15", "个"), q("17", ""))).toEqual({
      target: "15",
      actual: "17",
      unit: "个",
      converted: false,
    });
    expect(ok(q("90", "%"), q("88", ""))).toEqual({
      target: "90",
      actual: "88",
      unit: "%",
      converted: false,
    });
    expect(ok(q("100", ""), q("98", "%"))).toEqual({
      target: "100",
      actual: "98",
      unit: "%",
      converted: false,
    });
  });

  it("reads a percent-formatted number cell (0.98) as 98%", () => {
    expect(ok(q("90", "%"), q("0.88", "", true))).toEqual({
      target: "90",
      actual: "88",
      unit: "%",
      converted: true,
    });
    // …but not against a tiny percent target, nor when the number was typed as text.
    expect(ok(q("1.5", "%"), q("1.2", "", true))).toEqual({
      target: "1.5",
      actual: "1.2",
      unit: "%",
      converted: false,
    });
    expect(ok(q("90", "%"), q("0.88", "", false))).toEqual({
      target: "90",
      actual: "0.88",
      unit: "%",
      converted: false,
    });
  });

  it("refuses units with different bases", () => {
    expect(convert(q("10", "个"), q("12", "项"))).toEqual({
      kind: "mismatch",
      targetUnit: "个",
      actualUnit: "项",
    });
    expect(convert(q("90", "%"), q("88", "分"))).toEqual({
      kind: "mismatch",
      targetUnit: "%",
      actualUnit: "分",
    });
    expect(convert(q("1", "亿元"), q("5000", "人"))).toEqual({
      kind: "mismatch",
      targetUnit: "亿元",
      actualUnit: "人",
    });
  });
});
