/**
 * Which workbook the preview has open and how to open another: the bundled sample first (by itself, once per host),
 * then a file picked from disk or dropped anywhere on the page. Everything happens in the page; nothing is uploaded.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentTable20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { describeError } from "../app/errors";
import type { Lang } from "../engine/i18n";
import type { PreviewWorkbookHost } from "./preview-host";
import { SAMPLE_FILE_NAME, fetchWorkbook } from "./sample";
import type { PreviewState } from "./store";
import { previewStrings } from "./strings";

const useStyles = makeStyles({
  fileLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hiddenInput: { display: "none" },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(15, 108, 189, 0.12)",
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
    fontSize: tokens.fontSizeBase500,
    color: tokens.colorBrandForeground1,
  },
});

/** Reads a picked or dropped file; FileReader where Blob.arrayBuffer is missing (older web views). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

export type LoadState =
  | { readonly kind: "idle" }
  | { readonly kind: "loading" }
  | { readonly kind: "failed"; readonly text: string };

export interface WorkbookLoader {
  readonly load: LoadState;
  openFile(file: File): Promise<void>;
  openSample(): Promise<void>;
}

/** Opens workbooks into the host; the sample opens by itself the first time, so a new user sees the product work. */
export function useWorkbookLoader(
  host: PreviewWorkbookHost,
  lang: Lang,
  sampleUrl: string,
  fetchImpl: typeof fetch | undefined,
): WorkbookLoader {
  const [load, setLoad] = useState<LoadState>({ kind: "idle" });
  const langRef = useRef(lang);
  langRef.current = lang;

  const openBytes = useCallback(
    async (getBytes: () => Promise<Uint8Array>, fileName: string, sample: boolean) => {
      setLoad({ kind: "loading" });
      try {
        await host.open(await getBytes(), fileName, { sample });
        setLoad({ kind: "idle" });
      } catch (error) {
        // A sample the server does not have is our problem, not a broken file of the user's.
        const text =
          sample && !(error instanceof Error && "messageIn" in error)
            ? previewStrings(langRef.current).sampleMissing
            : describeError(error, langRef.current);
        setLoad({ kind: "failed", text });
      }
    },
    [host],
  );

  const openSample = useCallback(
    () => openBytes(() => fetchWorkbook(sampleUrl, fetchImpl), SAMPLE_FILE_NAME, true),
    [openBytes, sampleUrl, fetchImpl],
  );

  const openFile = useCallback(
    (file: File) => openBytes(() => readFileBytes(file), file.name, false),
    [openBytes],
  );

  useEffect(() => {
    if (!host.hasWorkbook) void openSample();
    // Once per host: reopening the sample later is the user's choice (a button).
  }, [host]);

  return { load, openFile, openSample };
}

/** True while a file is dragged over the page; a file dropped anywhere on it goes to `onFile`. */
export function useFileDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      if (file) onFile(file);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [onFile]);
  return dragging;
}

/** The open workbook's name (and "样例" for the sample), or a spinner while one opens. */
export function FileLine({ load, state, lang }: { load: LoadState; state: PreviewState; lang: Lang }) {
  const styles = useStyles();
  const s = previewStrings(lang);
  return (
    <div className={styles.fileLine} aria-live="polite">
      {load.kind === "loading" ? (
        <Spinner size="tiny" labelPosition="after" label={s.loadingSample} />
      ) : state.fileName ? (
        <>
          <DocumentTable20Regular aria-hidden="true" />
          <Body1 data-testid="preview-file-name">{s.currentFile(state.fileName)}</Body1>
          {state.isSample && (
            <Badge appearance="tint" color="informative">
              {s.sampleLabel}
            </Badge>
          )}
        </>
      ) : null}
    </div>
  );
}

/** 打开工作簿… (a file picker) and, once another file is open, 重新打开样例. */
export function OpenButtons({
  loader,
  state,
  lang,
}: {
  loader: WorkbookLoader;
  state: PreviewState;
  lang: Lang;
}) {
  const styles = useStyles();
  const s = previewStrings(lang);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()}>
        {s.openFile}
      </Button>
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.openFile}
        data-testid="preview-file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ""; // picking the same file again must still open it
          if (file) void loader.openFile(file);
        }}
      />
      {!state.isSample && state.fileName !== null && (
        <Button appearance="subtle" onClick={() => void loader.openSample()}>
          {s.openSample}
        </Button>
      )}
    </>
  );
}

/** Why the last workbook did not open, in the user's words. */
export function LoadFailed({ load, lang }: { load: LoadState; lang: Lang }) {
  if (load.kind !== "failed") return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{previewStrings(lang).openFailedTitle}</MessageBarTitle>
        {load.text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Says "drop to open" over the whole page while a file is dragged over it. */
export function DropOverlay({ dragging, lang }: { dragging: boolean; lang: Lang }) {
  const styles = useStyles();
  if (!dragging) return null;
  return (
    <div className={styles.overlay} aria-hidden="true">
      {previewStrings(lang).dropHere}
    </div>
  );
}
