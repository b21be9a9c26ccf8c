/** @jest-environment jsdom */
/**
 * The 设置 view on its own: its fields, labels and limits come from the settings table, and it refuses exactly the
 * values the workbook-settings loader refuses. Every change is applied synchronously (fireEvent runs in act), so the
 * assertions read the state right after it; nothing waits on a clock.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { DEFAULT_SETTINGS, normalizeSettings, settingValue, type AppSettings } from "../../src/app/settings";
import type { Lang } from "../../src/engine/i18n";
import { SETTINGS, settingNumberText, type SettingDefinition } from "../../src/engine/settings";
import { SettingsView } from "../../src/taskpane/SettingsView";
import { STRINGS } from "../../src/taskpane/strings";

// A failure cap for a busy machine, not a budget: nothing here waits on time.

function renderView(lang: Lang = "zh-CN", settings: AppSettings = DEFAULT_SETTINGS) {
  const onSave = jest.fn<void, [AppSettings]>();
  render(<SettingsView settings={settings} s={STRINGS[lang]} lang={lang} disabled={false} onSave={onSave} />);
  return onSave;
}

function field(d: SettingDefinition, lang: Lang = "zh-CN"): HTMLInputElement {
  return screen.getByLabelText(d.label[lang]) as HTMLInputElement;
}

function type(input: HTMLInputElement, text: string): void {
  fireEvent.change(input, { target: { value: text } });
}

function saveButton(lang: Lang = "zh-CN"): HTMLButtonElement {
  return screen.getByText(STRINGS[lang].settings.save).closest("button") as HTMLButtonElement;
}

/** Whether the loader keeps a stored value of one setting (it falls back to the default otherwise). */
function loaderKeeps(d: SettingDefinition, stored: number): boolean {
  const tier = d.group === "qualitative";
  const settings = normalizeSettings(
    tier ? { qualitativeDefaults: { [d.key]: stored } } : { [d.key]: stored },
  );
  // The default itself is always kept; no candidate below is a default.
  return settingValue(settings, d.key) === stored && stored !== d.default;
}

/** Values around each limit, none of them the default. */
function candidates(d: SettingDefinition): number[] {
  const around = [d.min - 0.01, d.min, d.min + 0.01, d.max - 0.01, d.max, d.max + 0.01];
  return around.map((n) => Math.round(n * 100) / 100).filter((n) => n !== d.default);
}

test("every setting of the table is a field with its label, its hint and its value as shown", () => {
  renderView();
  for (const d of SETTINGS) {
    expect(field(d).value).toBe(settingNumberText(d.default * d.display.scale));
    if (d.hint) expect(screen.getByText(d.hint["zh-CN"])).toBeTruthy();
  }
  expect(field(SETTINGS[1]).value).toBe("130");
});

test.each(SETTINGS.map((d) => [d.key, d] as const))(
  "%s: the view refuses exactly what the loader refuses",
  (_key, d) => {
    renderView();
    const input = field(d);
    const save = saveButton();
    const verdicts = candidates(d).map((stored) => {
      type(input, settingNumberText(stored * d.display.scale));
      const viewKeeps = input.getAttribute("aria-invalid") !== "true" && !save.disabled;
      return [stored, viewKeeps, loaderKeeps(d, stored)];
    });
    expect(verdicts.map(([stored, view]) => [stored, view])).toEqual(
      verdicts.map(([stored, , loader]) => [stored, loader]),
    );
    // Each limit is met from both sides: something is kept and something is refused.
    expect(new Set(verdicts.map(([, view]) => view))).toEqual(new Set([true, false]));
  },
);

test("the field names its limits, an excluded upper limit as such, and saving waits for valid numbers", () => {
  const onSave = renderView();
  const [tolerance, threshold, , , partial] = SETTINGS;
  type(field(tolerance), "3");
  expect(screen.getByText("请输入 0 到 1 之间的数。")).toBeTruthy();
  type(field(threshold), "100");
  expect(screen.getByText("请输入 101 到 1000 之间的数。")).toBeTruthy();
  type(field(partial), "80");
  expect(screen.getByText("请输入不小于 60 且小于 80 的数。")).toBeTruthy();
  type(field(tolerance), "1e-2");
  expect(field(tolerance).getAttribute("aria-invalid")).toBe("true");
  expect(saveButton().disabled).toBe(true);

  type(field(tolerance), "0.02");
  type(field(threshold), "150");
  type(field(partial), "79.5");
  expect(screen.queryByText(/请输入/)).toBeNull();
  fireEvent.click(saveButton());
  expect(onSave.mock.calls).toEqual([
    [
      {
        toleranceInUnit: 0.02,
        reportLang: null,
        overachieveThreshold: 1.5,
        overachieveDeduction: 0,
        executionCaps: false,
        qualitativeDefaults: { met: 100, partial: 79.5, unmet: 30 },
      },
    ],
  ]);
});

test("in English the labels, hints and range messages are English", () => {
  renderView("en-US", { ...DEFAULT_SETTINGS, overachieveDeduction: 2 });
  const deduction = SETTINGS[2];
  expect(field(deduction, "en-US").value).toBe("2");
  expect(screen.getByText("Default 0 (no deduction).")).toBeTruthy();
  type(field(deduction, "en-US"), "11");
  expect(screen.getByText("Enter a number from 0 to 10.")).toBeTruthy();
  type(field(SETTINGS[5], "en-US"), "60");
  expect(screen.getByText("Enter a number from 0 to below 60.")).toBeTruthy();
  expect(saveButton("en-US").disabled).toBe(true);
});
