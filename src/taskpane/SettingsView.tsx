/**
 * 设置: tolerance, report language and the scoring options. Edited as a draft and saved with the workbook only on
 * 保存设置, so a half-typed number never reaches a check. The number fields, their labels, hints and limits come from
 * the settings table (src/engine/settings.ts), the one the workbook-settings loader and the CLI check with, and a
 * field outside its limits says which.
 */
import { useState } from "react";
import {
  Button,
  Field,
  Input,
  Select,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowResetRegular, SaveRegular } from "@fluentui/react-icons";
import { DEFAULT_SETTINGS, settingValue, withSettingValues, type AppSettings } from "../app/settings";
import { parseLang, type Lang } from "../engine/i18n";
import {
  SETTINGS,
  inSettingRange,
  settingNumberText,
  type SettingDefinition,
  type SettingGroup,
  type SettingKey,
} from "../engine/settings";
import type { UiStrings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  tiers: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: tokens.spacingHorizontalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** The form's text for each number, as shown (the threshold in percent, 130, stored as the multiple 1.3). */
interface Draft {
  readonly reportLang: string;
  readonly executionCaps: boolean;
  readonly numbers: Readonly<Record<SettingKey, string>>;
}

function draftOf(settings: AppSettings): Draft {
  return {
    reportLang: settings.reportLang ?? "",
    executionCaps: settings.executionCaps,
    numbers: Object.fromEntries(
      SETTINGS.map((d) => [d.key, settingNumberText(settingValue(settings, d.key) * d.display.scale)]),
    ) as Record<SettingKey, string>,
  };
}

/** The stored value of a field, or null when its text is not a number inside the table's limits. */
function valueOf(definition: SettingDefinition, text: string): number | null {
  const shown = definition.parse(text);
  if (shown === null) return null;
  const value = shown / definition.display.scale;
  return inSettingRange(definition.key, value) ? value : null;
}

function settingsOf(draft: Draft): AppSettings | null {
  const values: Partial<Record<SettingKey, number>> = {};
  for (const d of SETTINGS) {
    const value = valueOf(d, draft.numbers[d.key]);
    if (value === null) return null;
    values[d.key] = value;
  }
  return withSettingValues(
    { ...DEFAULT_SETTINGS, reportLang: parseLang(draft.reportLang), executionCaps: draft.executionCaps },
    values as Record<SettingKey, number>,
  );
}

function inGroup(group: SettingGroup): readonly SettingDefinition[] {
  return SETTINGS.filter((d) => d.group === group);
}

export interface SettingsViewProps {
  /** The saved settings; the form starts from them (give the view a new key when they change). */
  readonly settings: AppSettings;
  readonly s: UiStrings;
  /** The pane's language, for the labels the settings table carries. */
  readonly lang: Lang;
  readonly disabled: boolean;
  readonly onSave: (settings: AppSettings) => void;
}

export function SettingsView({ settings, s, lang, disabled, onSave }: SettingsViewProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const valid = settingsOf(draft);

  const numberField = (d: SettingDefinition) => {
    const bad = valueOf(d, draft.numbers[d.key]) === null;
    const min = settingNumberText(d.min * d.display.scale);
    const max = settingNumberText(d.max * d.display.scale);
    const message = d.belowMax ? s.settings.belowRange(min, max) : s.settings.outOfRange(min, max);
    return (
      <Field
        key={d.key}
        label={d.label[lang]}
        hint={d.hint?.[lang]}
        validationState={bad ? "error" : "none"}
        validationMessage={bad ? message : undefined}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={d.display.step}
          min={min}
          max={max}
          value={draft.numbers[d.key]}
          onChange={(_, data) =>
            setDraft((prev) => ({ ...prev, numbers: { ...prev.numbers, [d.key]: data.value } }))
          }
        />
      </Field>
    );
  };

  return (
    <form
      className={styles.root}
      aria-labelledby="settings-heading"
      // The table's limits are the only ones: the browser's own step check would refuse 79.5 in a field stepping by 1.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSave(valid);
      }}
    >
      <Subtitle2 as="h2" id="settings-heading">
        {s.settings.heading}
      </Subtitle2>
      {inGroup("general").map(numberField)}
      <Field label={s.settings.reportLang}>
        <Select
          value={draft.reportLang}
          onChange={(_, data) => setDraft((d) => ({ ...d, reportLang: data.value }))}
        >
          <option value="">{s.settings.followUi}</option>
          <option value="zh-CN">{s.settings.zh}</option>
          <option value="en-US">{s.settings.en}</option>
        </Select>
      </Field>
      {inGroup("scoring").map(numberField)}
      <Field hint={s.settings.capsHint}>
        <Switch
          label={s.settings.caps}
          checked={draft.executionCaps}
          onChange={(_, data) => setDraft((d) => ({ ...d, executionCaps: data.checked }))}
        />
      </Field>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{s.settings.qualitative}</legend>
        <div className={styles.tiers}>{inGroup("qualitative").map(numberField)}</div>
      </fieldset>
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          icon={<SaveRegular />}
          disabled={disabled || valid === null}
        >
          {s.settings.save}
        </Button>
        <Button
          type="button"
          icon={<ArrowResetRegular />}
          onClick={() => setDraft(draftOf(DEFAULT_SETTINGS))}
        >
          {s.settings.reset}
        </Button>
      </div>
    </form>
  );
}
