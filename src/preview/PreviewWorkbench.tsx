/**
 * The browser preview's workbook side, shown beside the task pane when the page runs outside Excel: the workbook open
 * (WorkbookLoader), the two downloads (Downloads) and the sheets as read-only grids (WorkbookGrid).
 *
 * It evaluates nothing itself: the pane drives the same PreviewWorkbookHost through the pipeline, and what the pane's
 * last check, score or generate found is what the grid marks and the CSV holds — one evaluation, whose failures the
 * pane reports. The pane's other actions (generate, a click on a finding) show up here through the host's store.
 */
import { useSyncExternalStore } from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../engine/i18n";
import { DownloadButtons, type SaveFile } from "./Downloads";
import { saveFile } from "./download";
import type { PreviewWorkbookHost } from "./preview-host";
import { SAMPLE_URL } from "./sample";
import { previewStrings } from "./strings";
import {
  DropOverlay,
  FileLine,
  LoadFailed,
  OpenButtons,
  useFileDrop,
  useWorkbookLoader,
} from "./WorkbookLoader";
import { WorkbookGrid } from "./WorkbookGrid";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  heading: { margin: 0 },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The host's view state as React state. */
export function usePreviewState(host: PreviewWorkbookHost) {
  return useSyncExternalStore(host.subscribe, host.getState);
}

export interface PreviewWorkbenchProps {
  readonly host: PreviewWorkbookHost;
  readonly lang: Lang;
  /** The pane's last evaluation of this workbook (check, score or generate); null before one ran. */
  readonly evaluation: Evaluation | null;
  /** Where the sample lives (tests point elsewhere). */
  readonly sampleUrl?: string;
  readonly fetchImpl?: typeof fetch;
  /** Saves a file; the default starts a browser download. */
  readonly save?: SaveFile;
}

export function PreviewWorkbench({
  host,
  lang,
  evaluation,
  sampleUrl = SAMPLE_URL,
  fetchImpl,
  save = saveFile,
}: PreviewWorkbenchProps) {
  const styles = useStyles();
  const s = previewStrings(lang);
  const state = usePreviewState(host);
  const loader = useWorkbookLoader(host, lang, sampleUrl, fetchImpl);
  const dragging = useFileDrop(loader.openFile);
  const findings = evaluation?.findings ?? null;

  return (
    <section className={styles.root} aria-labelledby="preview-heading" data-testid="preview-workbench">
      <Subtitle2 as="h2" id="preview-heading" className={styles.heading}>
        {s.viewerTitle}
      </Subtitle2>
      <Caption1 className={styles.hint}>{s.viewerIntro}</Caption1>
      <FileLine load={loader.load} state={state} lang={lang} />
      <div className={styles.toolbar}>
        <OpenButtons loader={loader} state={state} lang={lang} />
        <DownloadButtons host={host} state={state} findings={findings} lang={lang} save={save} />
      </div>
      <Caption1 className={styles.hint}>{s.openFileHint}</Caption1>
      <LoadFailed load={loader.load} lang={lang} />
      <WorkbookGrid
        state={state}
        findings={findings}
        lang={lang}
        onActivate={(sheet) => host.activate(sheet)}
      />
      <Caption1 className={styles.hint}>{s.privacy}</Caption1>
      <DropOverlay dragging={dragging} lang={lang} />
    </section>
  );
}
