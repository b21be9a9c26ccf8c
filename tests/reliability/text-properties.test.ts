/**
 * Property-based tests of the text check (文数一致): arbitrary prose built from a report's vocabulary never throws,
 * gives the same findings twice, and every finding quotes a figure the text holds and names a cell of the workbook;
 * a 基本支出 written with any other amount is found, exactly once, and the right one never is.
 */
import fc from "fast-check";
import { normalizeDigits } from "../../src/engine/text/figures";
import { checkReportText } from "../../src/engine/text/index";
import { seedEvaluation } from "../engine/text/seed-workbook";

const RUNS = { numRuns: 200 };
const evaluation = seedEvaluation();

const WORDS = [
  "本年度",
  "基本支出",
  "项目支出",
  "一般公共预算",
  "政府性基金预算",
  "全年预算收入",
  "支出",
  "预算执行率",
  "新签约项目",
  "合同引资额",
  "入园企业满意度",
  "评分为",
  "得分",
  "评价等级为",
  "其中",
  "同比增长",
  "指标1",
  "五好园区",
  "十七",
  "一百二十",
  "为",
  "约",
];
const UNITS = ["万元", "亿元", "元", "千元", "%", "％", "分", "个", "家", "项", "吨/小时", "“优”", "良", ""];
const PUNCT = ["，", "、", "。", "；", "：", "\n", " ", ",", "（", "）"];
const NUMBER = fc.oneof(
  fc.integer({ min: 0, max: 20_000_000 }).map((n) => (n / 100).toFixed(n % 3)),
  fc.constantFrom("256.79", "10,716.16", "1,000", "１００", "17", "99.78", "9716.16", "0"),
);
const TOKEN = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...PUNCT),
  fc.tuple(NUMBER, fc.constantFrom(...UNITS)).map(([n, u]) => n + u),
  fc.string({ maxLength: 4 }),
);
const TEXT = fc.array(TOKEN, { maxLength: 40 }).map((t) => t.join(""));

describe("the text check on arbitrary prose", () => {
  it("never throws, gives the same result twice, quotes figures the text holds and cells the workbook has", () => {
    const cells = new Set(["表一 预算执行情况", "表三 绩效指标"]);
    fc.assert(
      fc.property(TEXT, (text) => {
        const a = checkReportText(evaluation, text);
        const b = checkReportText(evaluation, text);
        if (JSON.stringify(a) !== JSON.stringify(b)) return false;
        const normalized = normalizeDigits(text);
        return a.findings.every(
          (f) =>
            f.rule.startsWith("text.") &&
            f.text !== undefined &&
            normalized.includes(f.text.stated) &&
            f.cells.every((c) => cells.has(c.sheet) && /^[A-Z]+\d+$/.test(c.address)),
        );
      }),
      RUNS,
    );
  });
});

describe("a 基本支出 written with any amount", () => {
  it("is found exactly when it differs from 256.79 万元 at 2 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (hundredths) => {
        const written = (hundredths / 100).toFixed(2);
        const result = checkReportText(evaluation, `本年度基本支出为${written}万元，主要为人员经费。`);
        const expected = written === "256.79" ? [] : [["text.amount", "表一 预算执行情况!D11"]];
        return (
          JSON.stringify(
            result.findings.map((f) => [f.rule, `${f.cells[0].sheet}!${f.cells[0].address}`]),
          ) === JSON.stringify(expected)
        );
      }),
      RUNS,
    );
    expect(checkReportText(evaluation, "本年度基本支出为256.79万元。").findings).toEqual([]);
  });
});
