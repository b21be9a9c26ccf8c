/** The UI strings exist in both languages, and neither language is a forgotten copy of the other. */
import { STRINGS, type UiStrings } from "../../src/taskpane/strings";

const CJK = /[\u4e00-\u9fff]/;

/** Every text of the strings, by path; functions are called with sample arguments. */
function texts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => unknown;
    const args =
      fn.length === 1 && path.endsWith("list")
        ? [["甲", "乙"]]
        : [2, 4, "X"].slice(0, Math.max(fn.length, 1));
    return texts(fn(...args), `${path}()`);
  }
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

/** Texts that are meant to be in the other language (the switch) or carry no words (a dash, a list of names). */
const LANGUAGE_NEUTRAL = new Set(["switchLanguage", "settings.zh", "settings.en", "summary.none", "list()"]);

test("every zh-CN text is Chinese and every en-US text is not", () => {
  const zh = texts(STRINGS["zh-CN"]).filter(([path, text]) => !LANGUAGE_NEUTRAL.has(path) && !CJK.test(text));
  const en = texts(STRINGS["en-US"]).filter(([path, text]) => !LANGUAGE_NEUTRAL.has(path) && CJK.test(text));
  expect(zh).toEqual([]);
  expect(en).toEqual([]);
});

test("both languages have the same texts", () => {
  const paths = (s: UiStrings) => texts(s).map(([path]) => path);
  expect(paths(STRINGS["en-US"])).toEqual(paths(STRINGS["zh-CN"]));
});

test("the language switch names the other language in that language", () => {
  expect(STRINGS["zh-CN"].switchLanguage).toBe("English");
  expect(STRINGS["en-US"].switchLanguage).toBe("中文");
});

test("the step names are the ones on the progress bar", () => {
  expect(STRINGS["zh-CN"].steps).toEqual({
    read: "读取工作簿",
    check: "核查",
    score: "评分",
    write: "写入报告",
  });
  expect(STRINGS["zh-CN"].stepOf(2, 4, "核查")).toBe("第 2/4 步：核查");
  expect(STRINGS["en-US"].stepOf(2, 4, "Checking")).toBe("Step 2 of 4: Checking");
});

test("messages with numbers and lists read naturally", () => {
  expect(STRINGS["zh-CN"].check.marked(12)).toBe("已标记 12 个单元格。");
  expect(STRINGS["en-US"].check.marked(1)).toBe("1 cell marked.");
  expect(STRINGS["en-US"].check.marked(12)).toBe("12 cells marked.");
  expect(STRINGS["zh-CN"].list(["绩效自评表", "自评报告"])).toBe("“绩效自评表”、“自评报告”");
  expect(STRINGS["en-US"].list(["Table", "Report"])).toBe('"Table", "Report"');
  expect(STRINGS["zh-CN"].settings.outOfRange("0", "1")).toBe("请输入 0 到 1 之间的数。");
});
