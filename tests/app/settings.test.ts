/** Settings read back from the workbook: defaults, field-by-field repair of bad values, and the engine's options. */
import {
  DEFAULT_SETTINGS,
  normalizeSettings,
  reportLangOf,
  settingValue,
  toScoreOptions,
} from "../../src/app/settings";
import { SETTING_DEFAULTS, type SettingKey } from "../../src/engine/settings";

test("nothing stored gives the defaults of domain.md (0.01, 130%, no deduction, no caps, 100/70/30)", () => {
  expect(normalizeSettings(null)).toEqual({
    toleranceInUnit: 0.01,
    reportLang: null,
    overachieveThreshold: 1.3,
    overachieveDeduction: 0,
    executionCaps: false,
    qualitativeDefaults: { met: 100, partial: 70, unmet: 30 },
  });
  expect(normalizeSettings("garbage")).toEqual(DEFAULT_SETTINGS);
  expect(normalizeSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
});

test("good values are kept, numbers typed as text are read, and every bad field falls back alone", () => {
  expect(
    normalizeSettings({
      toleranceInUnit: "0.05",
      reportLang: "en",
      overachieveThreshold: 1.5,
      overachieveDeduction: 2,
      executionCaps: true,
      qualitativeDefaults: { met: 90, partial: 65, unmet: 40 },
    }),
  ).toEqual({
    toleranceInUnit: 0.05,
    reportLang: "en-US",
    overachieveThreshold: 1.5,
    overachieveDeduction: 2,
    executionCaps: true,
    qualitativeDefaults: { met: 90, partial: 65, unmet: 40 },
  });
  expect(
    normalizeSettings({
      toleranceInUnit: 5,
      reportLang: "fr-FR",
      overachieveThreshold: 1,
      overachieveDeduction: -1,
      executionCaps: "yes",
      qualitativeDefaults: { met: 70, partial: 85, unmet: 60 },
    }),
  ).toEqual(DEFAULT_SETTINGS);
});

test("the engine's options carry every scoring setting; the report follows the pane unless chosen", () => {
  const settings = normalizeSettings({ toleranceInUnit: 0.02, executionCaps: true, reportLang: "zh-CN" });
  expect(toScoreOptions(settings)).toEqual({
    toleranceInUnit: 0.02,
    overachieveThreshold: 1.3,
    overachieveDeduction: 0,
    executionCaps: true,
    qualitativeDefaults: { met: 100, partial: 70, unmet: 30 },
  });
  expect(reportLangOf(settings, "en-US")).toBe("zh-CN");
  expect(reportLangOf(DEFAULT_SETTINGS, "en-US")).toBe("en-US");
});

describe("the loader checks each field against the settings table's limits", () => {
  /** The stored value of one setting as the loader keeps it, the tier shares read from inside qualitativeDefaults. */
  function loaded(key: SettingKey, stored: unknown): number {
    const tier = key === "met" || key === "partial" || key === "unmet";
    const settings = normalizeSettings(tier ? { qualitativeDefaults: { [key]: stored } } : { [key]: stored });
    return settingValue(settings, key);
  }

  test.each<[SettingKey, number, number]>([
    // [setting, a value just inside each limit, just outside it]
    ["toleranceInUnit", 1, 1.01],
    ["overachieveThreshold", 1.01, 1],
    ["overachieveThreshold", 10, 10.01],
    ["overachieveDeduction", 10, 10.5],
    ["met", 80, 79.99],
    ["met", 100, 100.01],
    ["partial", 60, 59.99],
    ["partial", 79.99, 80],
    ["unmet", 59.99, 60],
  ])("%s keeps %p and drops %p for its default", (key, inside, outside) => {
    expect(loaded(key, inside)).toBe(inside);
    expect(loaded(key, String(inside))).toBe(inside);
    expect(loaded(key, outside)).toBe(SETTING_DEFAULTS[key]);
    expect(loaded(key, String(outside))).toBe(SETTING_DEFAULTS[key]);
  });

  test("a deduction of 100, once accepted by the command line, is now refused everywhere", () => {
    expect(loaded("overachieveDeduction", 100)).toBe(0);
  });

  test("text that only Number() would read as a number is not taken", () => {
    expect(loaded("toleranceInUnit", "1e-2")).toBe(0.01);
    expect(loaded("overachieveThreshold", "0x2")).toBe(1.3);
    expect(loaded("overachieveDeduction", " ")).toBe(0);
  });
});
