/** The settings table: complete in both languages, defaults inside their limits, and text read the same for everyone. */
import {
  SETTINGS,
  SETTING_DEFAULTS,
  acceptStoredSetting,
  inSettingRange,
  parseQualitativeShares,
  parseSetting,
  settingNumberText,
  type SettingKey,
} from "../../src/engine/settings";

const CJK = /[\u4e00-\u9fff]/;

test("the table holds the six numeric settings once each, in the order the 设置 view shows them", () => {
  expect(SETTINGS.map((s) => [s.key, s.group])).toEqual([
    ["toleranceInUnit", "general"],
    ["overachieveThreshold", "scoring"],
    ["overachieveDeduction", "scoring"],
    ["met", "qualitative"],
    ["partial", "qualitative"],
    ["unmet", "qualitative"],
  ]);
});

test("every entry has its label, hint and noun in Chinese and in English", () => {
  for (const s of SETTINGS) {
    for (const text of [s.label, s.noun, ...(s.hint ? [s.hint] : [])]) {
      expect([s.key, CJK.test(text["zh-CN"])]).toEqual([s.key, true]);
      expect([s.key, text["en-US"] !== "" && !CJK.test(text["en-US"])]).toEqual([s.key, true]);
    }
  }
});

test("every default lies inside its own limits and is the one domain.md gives", () => {
  for (const s of SETTINGS) expect([s.key, inSettingRange(s.key, s.default)]).toEqual([s.key, true]);
  expect(SETTING_DEFAULTS).toEqual({
    toleranceInUnit: 0.01,
    overachieveThreshold: 1.3,
    overachieveDeduction: 0,
    met: 100,
    partial: 70,
    unmet: 30,
  });
});

test("a hint that names the default names the one in the table, as the 设置 view shows it", () => {
  for (const s of SETTINGS.filter((d) => d.hint !== null)) {
    const shown = settingNumberText(s.default * s.display.scale);
    expect([s.key, s.hint?.["zh-CN"].includes(`默认 ${shown}`)]).toEqual([s.key, true]);
    expect([s.key, s.hint?.["en-US"].includes(`Default ${shown}`)]).toEqual([s.key, true]);
  }
});

describe("parseSetting at and beyond each limit", () => {
  test.each<[SettingKey, string, number]>([
    ["toleranceInUnit", "0", 0],
    ["toleranceInUnit", "1", 1],
    ["toleranceInUnit", " .5 ", 0.5],
    ["overachieveThreshold", "1.01", 1.01],
    ["overachieveThreshold", "10", 10],
    ["overachieveDeduction", "0", 0],
    ["overachieveDeduction", "10", 10],
    ["met", "80", 80],
    ["met", "100", 100],
    ["partial", "60", 60],
    ["partial", "79.99", 79.99],
    ["unmet", "0", 0],
    ["unmet", "59.99", 59.99],
  ])("%s %p is taken as %p", (key, text, value) => {
    expect(parseSetting(key, text)).toEqual({ ok: true, value });
  });

  test.each<[SettingKey, string]>([
    ["toleranceInUnit", "1.01"],
    ["toleranceInUnit", "-0.01"],
    ["overachieveThreshold", "1"],
    ["overachieveThreshold", "10.01"],
    ["overachieveDeduction", "10.5"],
    ["overachieveDeduction", "100"],
    ["met", "79.99"],
    ["met", "100.01"],
    ["partial", "59.99"],
    ["partial", "80"],
    ["unmet", "60"],
    // Not plain decimals: Number() would read the last four as 0, 16, 0.01 and 1.
    ["toleranceInUnit", "abc"],
    ["toleranceInUnit", ""],
    ["overachieveThreshold", "0x10"],
    ["toleranceInUnit", "1e-2"],
    ["overachieveDeduction", "+1"],
  ])("%s %p is refused", (key, text) => {
    expect(parseSetting(key, text).ok).toBe(false);
  });

  test("a refusal says what the value must be, alone and in a sentence, in both languages", () => {
    expect(parseSetting("toleranceInUnit", "5")).toEqual({
      ok: false,
      expected: { "zh-CN": "介于 0 到 1 之间的数，如 0.01", "en-US": "a number from 0 to 1, such as 0.01" },
      message: {
        "zh-CN": "“5”无效，应为介于 0 到 1 之间的数，如 0.01。",
        "en-US": '"5" is not valid; it must be a number from 0 to 1, such as 0.01.',
      },
    });
    const expected = (key: SettingKey) => {
      const r = parseSetting(key, "x");
      return r.ok ? null : r.expected;
    };
    expect(expected("overachieveThreshold")).toEqual({
      "zh-CN": "介于 1.01 到 10 之间的倍数，如 1.3",
      "en-US": "a multiple from 1.01 to 10, such as 1.3",
    });
    expect(expected("overachieveDeduction")).toEqual({
      "zh-CN": "介于 0 到 10 之间的分数，如 2",
      "en-US": "points from 0 to 10, such as 2",
    });
    expect(expected("partial")).toEqual({
      "zh-CN": "不小于 60 且小于 80 的百分数，如 70",
      "en-US": "a percentage from 60 to below 80, such as 70",
    });
  });
});

describe("parseQualitativeShares", () => {
  test("three shares, each inside its tier, with a half- or full-width comma", () => {
    expect(parseQualitativeShares("90,70,30")).toEqual({
      ok: true,
      value: { met: 90, partial: 70, unmet: 30 },
    });
    expect(parseQualitativeShares("80， 60，0")).toEqual({
      ok: true,
      value: { met: 80, partial: 60, unmet: 0 },
    });
  });

  test.each(["100,50,30", "100,80,30", "100,70", "100,70,30,10", "100,70,", "a,b,c"])(
    "%p is refused",
    (text) => {
      expect(parseQualitativeShares(text)).toEqual({
        ok: false,
        expected: {
          "zh-CN": "三个百分数，如 100,70,30（达成 80–100，部分达成 60–80，未达成 0–60）",
          "en-US": "three percentages such as 100,70,30 (met 80–100, partly met 60–80, not met 0–60)",
        },
        message: {
          "zh-CN": `“${text}”无效，应为三个百分数，如 100,70,30（达成 80–100，部分达成 60–80，未达成 0–60）。`,
          "en-US": `"${text}" is not valid; it must be three percentages such as 100,70,30 (met 80–100, partly met 60–80, not met 0–60).`,
        },
      });
    },
  );
});

test("a stored value is a number or a number kept as text, inside the limits", () => {
  expect(acceptStoredSetting("toleranceInUnit", 0.05)).toBe(0.05);
  expect(acceptStoredSetting("toleranceInUnit", "0.05")).toBe(0.05);
  expect(acceptStoredSetting("toleranceInUnit", 2)).toBeNull();
  expect(acceptStoredSetting("toleranceInUnit", Number.NaN)).toBeNull();
  expect(acceptStoredSetting("toleranceInUnit", Infinity)).toBeNull();
  expect(acceptStoredSetting("toleranceInUnit", true)).toBeNull();
  expect(acceptStoredSetting("toleranceInUnit", null)).toBeNull();
  expect(acceptStoredSetting("partial", 80)).toBeNull();
  expect(acceptStoredSetting("partial", 79.5)).toBe(79.5);
});
