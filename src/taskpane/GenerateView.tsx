/** The first view: 一键生成自评报告 with its progress and result, and 插入模板 for a user who has no tables yet. */
import { Button, Caption1, Divider, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTableCheckmark24Regular, TableAdd24Regular } from "@fluentui/react-icons";
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
}

export function GenerateView({ state, actions, s }: GenerateViewProps) {
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
