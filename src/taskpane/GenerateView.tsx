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
import {
  DocumentArrowDown24Regular,
  DocumentTableCheckmark24Regular,
  TableAdd24Regular,
} from "@fluentui/react-icons";
import { useState } from "react";
import { DOCX_MIME, buildWordReport } from "../app/word-report";
import type { Lang } from "../engine/i18n";
import { bannerText } from "../engine/report/banner";
import type { ReportInput } from "../engine/report/input";
import { saveFile } from "../preview/download";
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
  /** Office's platform inside Excel ("PC", "Mac", "OfficeOnline", …); null in the browser preview. */
  readonly platform?: string | null;
}

export function GenerateView({ state, actions, s, lang, onShowFindings, platform }: GenerateViewProps) {
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
      {!running && state.evaluation && state.report && (
        <WordDownload
          evaluation={state.evaluation}
          lang={lang}
          s={s}
          disabled={busy}
          platform={platform ?? null}
        />
      )}
      <Divider />
      <div className={styles.action}>
        <Button icon={<TableAdd24Regular />} onClick={() => void actions.insertTemplate()} disabled={busy}>
          {s.template.insert}
        </Button>
        <Caption1 className={styles.hint}>{s.template.hint}</Caption1>
      </div>
      <div className={styles.action}>
        <Button
          icon={<TableAdd24Regular />}
          onClick={() => void actions.insertTemplate("project")}
          disabled={busy}
        >
          {s.template.insertProject}
        </Button>
        <Caption1 className={styles.hint}>{s.template.projectHint}</Caption1>
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

/**
 * 下载 Word 报告: the .docx is made in the page (the docx gateway loads on the first click) and handed to the browser as
 * a download (a Blob behind a temporary <a download>). That works in a browser (the preview, Excel on the web) and in
 * Excel for Windows (WebView2 shows its save prompt); Excel for Mac and iPad may not save files from an add-in, so
 * there the button also says where the report can be had (README, "The task pane").
 */
function WordDownload(props: {
  evaluation: ReportInput;
  lang: Lang;
  s: UiStrings;
  disabled: boolean;
  platform: string | null;
}) {
  const styles = useStyles();
  const { s } = props;
  const [making, setMaking] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setMaking(true);
    setFailed(false);
    try {
      const file = await buildWordReport(props.evaluation, props.lang);
      saveFile(file.bytes, file.fileName, DOCX_MIME);
    } catch (error) {
      console.error("绩效自评助手: the Word report could not be made", error);
      setFailed(true);
    } finally {
      setMaking(false);
    }
  };
  const restricted = props.platform === "Mac" || props.platform === "iOS";
  return (
    <div className={styles.action}>
      <Button
        icon={<DocumentArrowDown24Regular />}
        onClick={() => void download()}
        disabled={props.disabled || making}
      >
        {s.word.download}
      </Button>
      <Caption1 className={styles.hint}>{s.word.hint}</Caption1>
      {restricted && <Caption1 className={styles.hint}>{s.word.desktopNote}</Caption1>}
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{s.word.failed}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
