/** Settings read back from the workbook: defaults, field-by-field repair of bad values, and the engine's options. */
import { DEFAULT_SETTINGS, normalizeSettings, reportLangOf, toScoreOptions } from "../../src/app/settings";

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
