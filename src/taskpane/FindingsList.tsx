/**
 * The findings grouped by severity, then by table. Each finding is a button: a click (or Enter) shows its cells in
 * the workbook. Amounts are printed in the unit of the table they were read from, exactly (from 分). Under each, when
 * the view offers it, the filer's 出错说明: 说明并确认 opens a text field (an explanation is required), a confirmed
 * finding shows its explanation and 撤销说明.
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Subtitle2,
  Body1,
  Textarea,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { lapsedFor, type Confirmation } from "../engine/confirmations";
import { SEVERITIES, type Finding, type Severity } from "../engine/findings";
import { amountWithUnit as amountText } from "../engine/format";
import type { Lang } from "../engine/i18n";
import { DEFAULT_UNIT } from "../engine/money";
import { ruleName } from "../engine/rules/index";
import { FINDING_GROUP_ORDER, tableKindName } from "../engine/table-kinds";
import type { UiStrings } from "./strings";

const SEVERITY_COLOR: Record<Severity, string> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  notice: tokens.colorBrandForeground1,
};

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tableName: { margin: `${tokens.spacingVerticalS} 0 0 0`, color: tokens.colorNeutralForeground3 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: `3px solid transparent`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":disabled": { cursor: "default" },
    ...createFocusOutlineStyle(),
  },
  where: { fontWeight: tokens.fontWeightSemibold },
  amounts: { color: tokens.colorNeutralForeground2 },
  explanation: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  explained: { color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap" },
  lapsed: { color: tokens.colorPaletteDarkOrangeForeground1, whiteSpace: "pre-wrap" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, width: "100%" },
  formButtons: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  readonly lang: Lang;
  readonly s: UiStrings;
  readonly disabled: boolean;
  readonly onSelect: (finding: Finding) => void;
  /** 说明并确认: resolves true once the explanation is saved (the field then closes). Absent: no 出错说明 controls. */
  readonly onConfirm?: (finding: Finding, text: string) => Promise<boolean>;
  readonly onUnconfirm?: (finding: Finding) => void;
  /** Explanations whose figures changed: shown on their finding, and the field starts from their text. */
  readonly lapsed?: readonly Confirmation[];
}

/** "表一 预算执行情况!D5" — where to look first. */
export function locationOf(finding: Finding): string {
  const cell = finding.cells[0];
  return cell ? `${cell.sheet}!${cell.address}` : "";
}

/** "应为 10,716.16 万元 · 实际 10,716.15 万元 · 差额 0.01 万元", or null for a finding about no amount. */
export function amountsLine(finding: Finding, lang: Lang, s: UiStrings): string | null {
  const unit = finding.unit ?? DEFAULT_UNIT;
  const parts: string[] = [];
  if (finding.expectedFen !== null)
    parts.push(`${s.check.expected} ${amountText(finding.expectedFen, unit, lang)}`);
  if (finding.actualFen !== null)
    parts.push(`${s.check.actual} ${amountText(finding.actualFen, unit, lang)}`);
  if (finding.differenceFen !== null)
    parts.push(`${s.check.difference} ${amountText(finding.differenceFen, unit, lang)}`);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** The 出错说明 under a finding: the explanation and 撤销说明, or 说明并确认 and its field. */
function Explanation({
  finding,
  s,
  disabled,
  onConfirm,
  onUnconfirm,
  lapsed,
}: { readonly finding: Finding } & Omit<FindingsListProps, "findings" | "lang" | "onSelect">) {
  const styles = useStyles();
  const previous = lapsedFor(finding, lapsed ?? []);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(previous?.text ?? "");
  const [tried, setTried] = useState(false);
  const empty = text.trim() === "";
  if (finding.confirmation) {
    return (
      <div className={styles.explanation}>
        <Caption1 className={styles.explained}>{s.confirm.explained(finding.confirmation.text)}</Caption1>
        <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onUnconfirm?.(finding)}>
          {s.confirm.undo}
        </Button>
      </div>
    );
  }
  const submit = async () => {
    setTried(true);
    if (empty || !onConfirm) return;
    if (await onConfirm(finding, text)) {
      setOpen(false);
      setTried(false);
    }
  };
  return (
    <div className={styles.explanation}>
      {previous && <Caption1 className={styles.lapsed}>{s.confirm.lapsed(previous.text)}</Caption1>}
      {!open ? (
        <Button size="small" disabled={disabled} onClick={() => setOpen(true)}>
          {s.confirm.open}
        </Button>
      ) : (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Field
            label={s.confirm.label}
            required
            validationState={tried && empty ? "error" : "none"}
            validationMessage={tried && empty ? s.confirm.required : undefined}
          >
            <Textarea
              value={text}
              placeholder={s.confirm.placeholder}
              resize="vertical"
              disabled={disabled}
              onChange={(_, data) => setText(data.value)}
            />
          </Field>
          <div className={styles.formButtons}>
            <Button type="submit" appearance="primary" size="small" disabled={disabled}>
              {s.confirm.save}
            </Button>
            <Button
              size="small"
              disabled={disabled}
              onClick={() => {
                setOpen(false);
                setTried(false);
              }}
            >
              {s.confirm.cancel}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function FindingItem({
  finding,
  lang,
  s,
  disabled,
  onSelect,
  onConfirm,
  onUnconfirm,
  lapsed,
}: { readonly finding: Finding } & Omit<FindingsListProps, "findings">) {
  const styles = useStyles();
  const where = locationOf(finding);
  const amounts = amountsLine(finding, lang, s);
  return (
    <li>
      <button
        type="button"
        className={styles.item}
        style={{ borderLeftColor: SEVERITY_COLOR[finding.severity] }}
        disabled={disabled || finding.cells.length === 0}
        title={where ? s.check.goTo(where) : undefined}
        onClick={() => onSelect(finding)}
      >
        <Caption1 className={styles.where}>
          {ruleName(finding.rule, lang)}
          {where ? ` · ${where}` : ""}
        </Caption1>
        <Body1>{finding.message[lang]}</Body1>
        {amounts && <Caption1 className={styles.amounts}>{amounts}</Caption1>}
      </button>
      {onConfirm && (
        <Explanation
          finding={finding}
          s={s}
          disabled={disabled}
          onConfirm={onConfirm}
          onUnconfirm={onUnconfirm}
          lapsed={lapsed}
        />
      )}
    </li>
  );
}

export function FindingsList(props: FindingsListProps) {
  const styles = useStyles();
  const { findings, s, lang } = props;
  return (
    <div className={styles.list}>
      {SEVERITIES.map((severity) => {
        const ofSeverity = findings.filter((f) => f.severity === severity);
        if (ofSeverity.length === 0) return null;
        const explained = ofSeverity.filter((f) => f.confirmation).length;
        const headingId = `findings-${severity}`;
        return (
          <section key={severity} className={styles.group} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId} style={{ color: SEVERITY_COLOR[severity] }}>
              {explained > 0
                ? `${s.check.severities[severity]}${s.confirm.count(ofSeverity.length, explained)}`
                : `${s.check.severities[severity]}（${ofSeverity.length}）`}
            </Subtitle2>
            {FINDING_GROUP_ORDER.map((table) => {
              const inTable = ofSeverity.filter((f) => (f.table ?? "other") === table);
              if (inTable.length === 0) return null;
              return (
                <div key={table}>
                  <Caption1 as="h4" className={styles.tableName}>
                    {tableKindName(table, lang)}
                  </Caption1>
                  <ul
                    className={styles.list}
                    aria-label={`${s.check.severities[severity]} · ${tableKindName(table, lang)}`}
                  >
                    {inTable.map((finding, i) => (
                      <FindingItem
                        key={`${finding.rule}-${locationOf(finding)}-${i}`}
                        finding={finding}
                        {...props}
                      />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
