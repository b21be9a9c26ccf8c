/** The first view: 一键生成自评报告 with its progress and result, and 插入模板 for a user who has no tables yet. */
import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentTableCheckmark24Regular, TableAdd24Regular } from "@fluentui/react-icons";
import type { Lang } from "../engine/i18n";
import { bannerText } from "../engine/report/banner";
import { StepProgress } from "./StepProgress";
import type { UiStrings } from "./strings";
import { SummaryCard } from "./SummaryCard";
import type { PaneActions, PaneState } from "./usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface GenerateViewProps {
  readonly state: PaneState;
  readonly actions: PaneActions;
  readonly s: UiStrings;
  readonly lang: Lang;
  /** Opens the findings (the 一致性检查 view), from the banner's button. */
  readonly onShowFindings: () => void;
}

export function GenerateView({ state, actions, s, lang, onShowFindings }: GenerateViewProps) {
  const styles = useStyles();
  const busy = state.running !== null;
  const running = state.running?.action === "generate" ? state.running : null;
  return (
    <div className={styles.root}>
      <div className={styles.action}>
        <Button
          appearance="primary"
          size="large"
          icon={<DocumentTableCheckmark24Regular />}
          onClick={() => void actions.generate()}
          disabled={busy}
        >
          {s.actions.generate.label}
        </Button>
        <Caption1 className={styles.hint}>{s.actions.generate.hint}</Caption1>
      </div>
      {running && <StepProgress progress={running.progress} s={s} />}
      {!running && state.evaluation && state.report && (
        <ErrorBanner
          text={bannerText(state.evaluation.findings, lang)}
          action={s.banner.showFindings}
          onShowFindings={onShowFindings}
        />
      )}
      {!running && state.evaluation && state.report && (
        <SummaryCard
          evaluation={state.evaluation}
          report={state.report}
          s={s}
          disabled={busy}
          onOpenReport={() => void actions.openReport()}
        />
      )}
      <Divider />
      <div className={styles.action}>
        <Button icon={<TableAdd24Regular />} onClick={() => void actions.insertTemplate()} disabled={busy}>
          {s.template.insert}
        </Button>
        <Caption1 className={styles.hint}>{s.template.hint}</Caption1>
      </div>
    </div>
  );
}

/** The report's banner in the pane: the same words as the sheets', and a way to the findings (issue 12 §3). */
function ErrorBanner(props: { text: string | null; action: string; onShowFindings: () => void }) {
  if (props.text === null) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.text}</MessageBarTitle>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={props.onShowFindings}>
          {props.action}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
