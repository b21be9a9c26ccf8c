/** 一致性检查: run the check, see the findings, show their cells, and mark or unmark them in the workbook. */
import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ClipboardTaskListLtrRegular, EraserRegular, HighlightRegular } from "@fluentui/react-icons";
import type { Lang } from "../engine/i18n";
import { FindingsList } from "./FindingsList";
import { ReportTextView } from "./ReportTextView";
import { StepProgress } from "./StepProgress";
import type { UiStrings } from "./strings";
import type { PaneActions, PaneState } from "./usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface CheckViewProps {
  readonly state: PaneState;
  readonly actions: PaneActions;
  readonly lang: Lang;
  readonly s: UiStrings;
}

export function CheckView({ state, actions, lang, s }: CheckViewProps) {
  const styles = useStyles();
  const busy = state.running !== null;
  const running = state.running?.action === "check" ? state.running : null;
  const findings = state.evaluation?.findings ?? null;
  const lapsed = state.evaluation?.lapsed ?? [];
  const markable = findings !== null && findings.some((f) => f.cells.length > 0);
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<ClipboardTaskListLtrRegular />}
          onClick={() => void actions.check()}
          disabled={busy}
        >
          {s.check.run}
        </Button>
        <Button icon={<HighlightRegular />} onClick={() => void actions.mark()} disabled={busy || !markable}>
          {s.check.mark}
        </Button>
        <Button icon={<EraserRegular />} onClick={() => void actions.clear()} disabled={busy}>
          {s.check.clear}
        </Button>
      </div>
      {running && <StepProgress progress={running.progress} s={s} />}
      {!running && findings === null && <Body1 className={styles.hint}>{s.actions.check.hint}</Body1>}
      {!running && findings !== null && findings.length === 0 && <Body1>{s.check.empty}</Body1>}
      {!running && lapsed.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.confirm.lapsedNotice(lapsed.length)}</MessageBarBody>
        </MessageBar>
      )}
      {findings !== null && findings.length > 0 && (
        <FindingsList
          findings={findings}
          lang={lang}
          s={s}
          disabled={busy}
          onSelect={(finding) => void actions.select(finding)}
          onConfirm={(finding, text) => actions.confirm(finding, text)}
          onUnconfirm={(finding) => void actions.unconfirm(finding)}
          lapsed={lapsed}
        />
      )}
      <ReportTextView state={state} actions={actions} lang={lang} s={s} />
    </div>
  );
}
