/**
 * 核对报告文字: the accountant's own report (a Word .docx or .txt they open, or text they paste) checked against the
 * workbook — every amount, rate, score, grade and count that disagrees with the tables, listed as the check's findings
 * are, each showing its cell on a click.
 */
import { useRef } from "react";
import { Body1, Button, Field, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentSearchRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { ReportTextSource } from "../app/report-text";
import type { Lang } from "../engine/i18n";
import { FindingsList } from "./FindingsList";
import { StepProgress } from "./StepProgress";
import type { UiStrings } from "./strings";
import type { PaneActions, PaneState } from "./usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  file: { display: "none" },
});

/** A file's bytes: Blob.arrayBuffer where the webview has it, FileReader where it does not (older IE-based hosts). */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

export interface ReportTextViewProps {
  readonly state: PaneState;
  readonly actions: PaneActions;
  readonly lang: Lang;
  readonly s: UiStrings;
}

export function ReportTextView({ state, actions, lang, s }: ReportTextViewProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  // The draft lives in the pane's state: switching views unmounts this one, and what was pasted must not be lost.
  const { file, pasted } = state.textDraft;
  const setFile = (next: File | null) => actions.setTextDraft({ pasted, file: next });
  const setPasted = (next: string) => actions.setTextDraft({ pasted: next, file });
  const busy = state.running !== null;
  const running = state.running?.action === "checkText" ? state.running : null;
  const result = state.textCheck?.result ?? null;

  const source = (): ReportTextSource | null => {
    if (file) return { kind: "file", name: file.name, read: () => bytesOf(file) };
    return pasted.trim() === "" ? null : { kind: "pasted", text: pasted };
  };
  const ready = file !== null || pasted.trim() !== "";

  return (
    <section className={styles.root} aria-labelledby="report-text-heading">
      <Subtitle2 as="h2" id="report-text-heading" className={styles.heading}>
        {s.text.heading}
      </Subtitle2>
      <Body1 className={styles.hint}>{s.text.hint}</Body1>
      <div className={styles.buttons}>
        <Button icon={<FolderOpenRegular />} onClick={() => input.current?.click()} disabled={busy}>
          {s.text.open}
        </Button>
        <input
          ref={input}
          className={styles.file}
          type="file"
          accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          aria-label={s.text.open}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            // The same file may be chosen again after it was edited.
            e.target.value = "";
          }}
        />
        {file && (
          <>
            <Body1>{s.text.opened(file.name)}</Body1>
            <Button appearance="subtle" onClick={() => setFile(null)} disabled={busy}>
              {s.text.removeFile}
            </Button>
          </>
        )}
      </div>
      {!file && (
        <Field label={s.text.pasteLabel}>
          <Textarea
            value={pasted}
            placeholder={s.text.pastePlaceholder}
            resize="vertical"
            rows={6}
            onChange={(_e, data) => setPasted(data.value)}
          />
        </Field>
      )}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<DocumentSearchRegular />}
          disabled={busy || !ready}
          onClick={() => {
            const chosen = source();
            if (chosen) void actions.checkText(chosen);
          }}
        >
          {s.text.run}
        </Button>
      </div>
      {running && <StepProgress progress={running.progress} s={s} />}
      {!running && result && (
        <div role="region" aria-label={s.text.resultsLabel}>
          <Body1>{s.text.read(result.sentences, result.compared)}</Body1>
          {result.findings.length === 0 ? (
            <Body1 as="p">{result.compared === 0 ? s.text.nothingCompared : s.text.agrees}</Body1>
          ) : (
            <FindingsList
              findings={result.findings}
              lang={lang}
              s={s}
              disabled={busy}
              onSelect={(finding) => void actions.select(finding)}
            />
          )}
        </div>
      )}
    </section>
  );
}
