/**
 * 设置: tolerance, report language and the scoring options. Edited as a draft and saved with the workbook only on
 * 保存设置, so a half-typed number never reaches a check. Every number is checked against the range the engine
 * accepts, and the field says which range when it is outside.
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
import { DEFAULT_SETTINGS, settingLimits, type AppSettings, type NumericSetting } from "../app/settings";
import { parseLang } from "../engine/i18n";
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

/** The form's text for each number; the threshold is shown in percent (130) and stored as a multiple (1.3). */
interface Draft {
  readonly toleranceInUnit: string;
  readonly reportLang: string;
  readonly overachieveThreshold: string;
  readonly overachieveDeduction: string;
  readonly executionCaps: boolean;
  readonly met: string;
  readonly partial: string;
  readonly unmet: string;
}

type DraftNumber = Exclude<keyof Draft, "reportLang" | "executionCaps">;

function tidy(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

function draftOf(settings: AppSettings): Draft {
  return {
    toleranceInUnit: tidy(settings.toleranceInUnit),
    reportLang: settings.reportLang ?? "",
    overachieveThreshold: tidy(settings.overachieveThreshold * 100),
    overachieveDeduction: tidy(settings.overachieveDeduction),
    executionCaps: settings.executionCaps,
    met: tidy(settings.qualitativeDefaults.met),
    partial: tidy(settings.qualitativeDefaults.partial),
    unmet: tidy(settings.qualitativeDefaults.unmet),
  };
}

/** How a field's text maps to the stored value, and the stored setting whose limits apply. */
const FIELDS: Readonly<Record<DraftNumber, { readonly setting: NumericSetting; readonly scale: number }>> = {
  toleranceInUnit: { setting: "toleranceInUnit", scale: 1 },
  overachieveThreshold: { setting: "overachieveThreshold", scale: 100 },
  overachieveDeduction: { setting: "overachieveDeduction", scale: 1 },
  met: { setting: "met", scale: 1 },
  partial: { setting: "partial", scale: 1 },
  unmet: { setting: "unmet", scale: 1 },
};

function limitsShown(field: DraftNumber): { min: string; max: string } {
  const { setting, scale } = FIELDS[field];
  const { min, max } = settingLimits(setting);
  return { min: tidy(min * scale), max: tidy(max * scale) };
}

/** The stored value of a field, or null when the text is not a number in range. */
function valueOf(draft: Draft, field: DraftNumber): number | null {
  const text = draft[field].trim();
  if (text === "") return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  const { setting, scale } = FIELDS[field];
  const value = n / scale;
  const { min, max } = settingLimits(setting);
  return value >= min && value <= max ? value : null;
}

function settingsOf(draft: Draft): AppSettings | null {
  const v = (field: DraftNumber) => valueOf(draft, field);
  const numbers = (Object.keys(FIELDS) as DraftNumber[]).map(v);
  if (numbers.some((n) => n === null)) return null;
  return {
    toleranceInUnit: v("toleranceInUnit") as number,
    reportLang: parseLang(draft.reportLang),
    overachieveThreshold: v("overachieveThreshold") as number,
    overachieveDeduction: v("overachieveDeduction") as number,
    executionCaps: draft.executionCaps,
    qualitativeDefaults: {
      met: v("met") as number,
      partial: v("partial") as number,
      unmet: v("unmet") as number,
    },
  };
}

export interface SettingsViewProps {
  /** The saved settings; the form starts from them (give the view a new key when they change). */
  readonly settings: AppSettings;
  readonly s: UiStrings;
  readonly disabled: boolean;
  readonly onSave: (settings: AppSettings) => void;
}

export function SettingsView({ settings, s, disabled, onSave }: SettingsViewProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const valid = settingsOf(draft);

  const numberField = (field: DraftNumber, label: string, hint?: string, step = "any") => {
    const bad = valueOf(draft, field) === null;
    const { min, max } = limitsShown(field);
    return (
      <Field
        label={label}
        hint={hint}
        validationState={bad ? "error" : "none"}
        validationMessage={bad ? s.settings.outOfRange(min, max) : undefined}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          max={max}
          value={draft[field]}
          onChange={(_, data) => setDraft((d) => ({ ...d, [field]: data.value }))}
        />
      </Field>
    );
  };

  return (
    <form
      className={styles.root}
      aria-labelledby="settings-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSave(valid);
      }}
    >
      <Subtitle2 as="h2" id="settings-heading">
        {s.settings.heading}
      </Subtitle2>
      {numberField("toleranceInUnit", s.settings.tolerance, s.settings.toleranceHint, "0.01")}
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
      {numberField("overachieveThreshold", s.settings.threshold, s.settings.thresholdHint, "1")}
      {numberField("overachieveDeduction", s.settings.deduction, s.settings.deductionHint, "0.5")}
      <Field hint={s.settings.capsHint}>
        <Switch
          label={s.settings.caps}
          checked={draft.executionCaps}
          onChange={(_, data) => setDraft((d) => ({ ...d, executionCaps: data.checked }))}
        />
      </Field>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{s.settings.qualitative}</legend>
        <div className={styles.tiers}>
          {numberField("met", s.settings.met, undefined, "1")}
          {numberField("partial", s.settings.partial, undefined, "1")}
          {numberField("unmet", s.settings.unmet, undefined, "1")}
        </div>
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
