/** Reading figures out of prose: sentences, Chinese numerals, and which digits are figures at all. */
import { chineseNumeral, findFigures, splitSentences } from "../../../src/engine/text/figures";
import { toText } from "../../../src/engine/score/exact";

const read = (sentence: string, units: string[] = []) =>
  findFigures(sentence, units).map((f) => [
    f.kind,
    f.written,
    f.value ? toText(f.value) : f.grade,
    f.decimals,
    f.unit,
  ]);

/** `text` splits into exactly these sentences. */
function splitsInto(text: string, sentences: readonly string[]): void {
  expect(splitSentences(text).map((s) => s.text)).toEqual(sentences);
}

describe("splitSentences", () => {
  it("ends sentences at 。！？； and line breaks, and keeps full-width digits' offsets", () => {
    expect(
      splitSentences("支出１０７１６．１６万元。其中：\n基本支出256.79万元；完成！").map((s) => [
        s.text,
        s.normalized,
      ]),
    ).toEqual([
      ["支出１０７１６．１６万元", "支出10716.16万元"],
      ["其中：", "其中："],
      ["基本支出256.79万元", "基本支出256.79万元"],
      ["完成", "完成"],
    ]);
  });

  // Our report's 核查结果 quotes each finding with its cells ("（表三 绩效指标!F3）："): the "!" of a reference is no
  // sentence end, or the words before the reference and the figures after it land in two sentences.
  it.each([
    [
      "1. “指标分值”（表三 绩效指标!F3）：指标分值合计 85，加预算执行率 20 分共 105 分。下一句",
      ["1. “指标分值”（表三 绩效指标!F3）：指标分值合计 85，加预算执行率 20 分共 105 分", "下一句"],
    ],
    [
      "1. “执行率分值”（Sheet1!A4、Sheet1!G7）：预算执行率按 “20” 分计。",
      ["1. “执行率分值”（Sheet1!A4、Sheet1!G7）：预算执行率按 “20” 分计"],
    ],
    ["合计见'表 三'!$A$1:$B$2，共 105 分；下一句", ["合计见'表 三'!$A$1:$B$2，共 105 分", "下一句"]],
    ["见sheet1!g7的得分", ["见sheet1!g7的得分"]],
  ])("keeps a cell reference's “!” inside the sentence: %s", splitsInto);

  it.each([
    ["错误值 #DIV/0!，请修正公式或引用。下一句", ["错误值 #DIV/0!，请修正公式或引用", "下一句"]],
    ["C12 为 #REF!，D12 为 #VALUE!；下一句", ["C12 为 #REF!，D12 为 #VALUE!", "下一句"]],
    ["公式返回 #SPILL! 下一句", ["公式返回 #SPILL! 下一句"]],
  ])("keeps the “!” of an Excel error value inside the sentence: %s", splitsInto);

  it.each([
    ["Done! 下一句。", ["Done", "下一句"]],
    ["完成！下一句", ["完成", "下一句"]],
    ["完成!下一句", ["完成", "下一句"]],
    ["Done!", ["Done"]],
    // A space before it: no sheet name, so no reference.
    ["Done !A1 下一句", ["Done", "A1 下一句"]],
    // Letters or digits run on past an address: not one ("F3" is, "F3x" and "ABCD1" are not).
    ["完成!F3x", ["完成", "F3x"]],
    ["完成!ABCD1", ["完成", "ABCD1"]],
  ])("still ends a sentence at a real “!”: %s", splitsInto);
});

describe("chineseNumeral", () => {
  it.each([
    ["五", 5],
    ["十", 10],
    ["十七", 17],
    ["二十", 20],
    ["一百二十", 120],
    ["两千零五", 2005],
    ["三万五千", 35000],
  ])("%s = %d", (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it.each(["", "二三", "五好", "万"])("%s is no numeral", (text) => {
    expect(chineseNumeral(text)).toBeNull();
  });
});

describe("findFigures", () => {
  it("reads amounts in every money unit, with thousands separators", () => {
    expect(read("收入10,716.16万元、1.07亿元、2,567,900元和300千元")).toEqual([
      ["amount", "10,716.16万元", "10716.16", 2, "万元"],
      ["amount", "1.07亿元", "1.07", 2, "亿元"],
      ["amount", "2,567,900元", "2567900", 0, "元"],
      ["amount", "300千元", "300", 0, "千元"],
    ]);
  });

  it("reads percentages, scores, grades and counts", () => {
    expect(
      read("执行率为100%，满意度百分之九十，评分为95分，评价等级为“优”，新签约项目十七个、企业9家"),
    ).toEqual([
      ["percent", "100%", "100", 0, "%"],
      ["percent", "百分之九十", "90", 0, "%"],
      ["score", "95分", "95", 0, "分"],
      ["grade", "优", "优", 0, ""],
      ["quantity", "十七个", "17", 0, "个"],
      ["quantity", "9家", "9", 0, "家"],
    ]);
  });

  it("reads the units the workbook's indicators use", () => {
    expect(read("供气能力翻番至75吨/小时", ["吨/小时"])).toEqual([
      ["quantity", "75吨/小时", "75", 0, "吨/小时"],
    ]);
    expect(read("供气能力翻番至75吨/小时")).toEqual([]);
  });

  it("leaves years, dates, ordinals, names, 分析 and 百分点 alone", () => {
    expect(
      read("2023年4月份，第一次对“五好园区”二期部分项目分析，提高2个百分点，十分重要，一般公共预算支出情况"),
    ).toEqual([]);
  });

  it("reads a grade only where the text says it is one", () => {
    expect(read("优化营商环境，评为优秀单位，评价等级：良好")).toEqual([["grade", "良好", "良", 0, ""]]);
  });
});
