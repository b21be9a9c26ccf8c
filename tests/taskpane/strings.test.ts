/** The UI strings exist in both languages, and neither language is a forgotten copy of the other. */
import { STRINGS, type UiStrings } from "../../src/taskpane/strings";

const CJK = /[\u4e00-\u9fff]/;

function texts(strings: UiStrings): Record<string, string> {
  return {
    title: strings.title,
    intro: strings.intro,
    privacy: strings.privacy,
    generate: strings.actions.generate.label,
    generateHint: strings.actions.generate.hint,
    check: strings.actions.check.label,
    checkHint: strings.actions.check.hint,
    connecting: strings.status.connecting,
    excel: strings.status.excel,
    preview: strings.status.preview,
    actionTitleExcel: strings.actionTitleExcel,
    actionTitlePreview: strings.actionTitlePreview,
    actionInExcel: strings.actionInExcel("X"),
    actionInPreview: strings.actionInPreview("X"),
    switchLanguageLabel: strings.switchLanguageLabel,
    logoAlt: strings.logoAlt,
  };
}

test("every zh-CN text is Chinese and every en-US text is not", () => {
  const zh = Object.entries(texts(STRINGS["zh-CN"])).filter(([, text]) => !CJK.test(text));
  const en = Object.entries(texts(STRINGS["en-US"])).filter(([, text]) => CJK.test(text));
  expect(zh).toEqual([]);
  expect(en).toEqual([]);
});

test("the language switch names the other language in that language", () => {
  expect(STRINGS["zh-CN"].switchLanguage).toBe("English");
  expect(STRINGS["en-US"].switchLanguage).toBe("中文");
});

test("the action messages quote the action's label", () => {
  expect(STRINGS["zh-CN"].actionInPreview("一致性检查")).toBe(
    "当前页面未在 Excel 中运行。请在 Excel 中加载本加载项后使用“一致性检查”。",
  );
  expect(STRINGS["en-US"].actionInExcel("Consistency check")).toBe(
    '"Consistency check" is being built and arrives in a later version.',
  );
});
