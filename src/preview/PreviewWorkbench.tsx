/**
 * The browser preview's workbook side, shown beside the task pane when the page runs outside Excel: which workbook is
 * open (the bundled sample first), a way to open another (file picker or drop anywhere on the page), the sheets as
 * read-only grids with the finding cells marked, and the two downloads — 下载报告 (the workbook with the report
 * sheets, once generated) and 导出核查结果 (the findings as CSV). Everything happens in the page; nothing is uploaded.
 *
 * The pane drives the same PreviewWorkbookHost through the pipeline, so its clicks (generate, a finding) show up here
 * through the host's state. The findings marked here come from the same engine call with the same settings.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentTable20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { describeError } from "../app/errors";
import { toScoreOptions } from "../app/settings";
import { evaluateWorkbook } from "../engine/evaluate";
import type { Finding, Severity } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { findingsToCsv } from "./csv";
import { CSV_MIME, XLSX_MIME, baseName, saveFile } from "./download";
import { SAMPLE_FILE_NAME, SAMPLE_URL, fetchWorkbook } from "./sample";
import { MARK_COLORS, SheetGrid, expandAddresses } from "./SheetGrid";
import { isCut } from "./sheet-view";
import { previewStrings } from "./strings";
import type { PreviewWorkbookHost } from "./xlsx-host";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  heading: { margin: 0 },
  fileLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginRight: "4px",
    verticalAlign: "-1px",
  },
  tabs: { overflowX: "auto" },
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
  hiddenInput: { display: "none" },
  page: {
    display: "grid",
    gridTemplateColumns: "minmax(320px, 380px) minmax(0, 1fr)",
    alignItems: "start",
    minHeight: "100vh",
    "@media (max-width: 860px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  paneColumn: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: "100vh",
    "@media (max-width: 860px)": { borderRight: "none", minHeight: "auto" },
  },
});

/** The preview page: the task pane in a pane-wide column on the left, the workbook on the right (stacked when narrow). */
export function PreviewPage({
  pane,
  workbench,
}: {
  readonly pane: ReactNode;
  readonly workbench: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-testid="preview-page">
      <div className={styles.paneColumn}>{pane}</div>
      {workbench}
    </div>
  );
}

/** The host's state as React state. */
export function usePreviewState(host: PreviewWorkbookHost) {
  return useSyncExternalStore(host.subscribe, host.getState);
}

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

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Per sheet, the most severe finding of each cell (the colour it is outlined in). */
export function marksBySheet(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const out = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    for (const ref of f.cells) {
      let sheet = out.get(ref.sheet);
      if (!sheet) {
        sheet = new Map();
        out.set(ref.sheet, sheet);
      }
      for (const address of expandAddresses([ref.address], 2_000)) {
        const had = sheet.get(address);
        if (!had || SEVERITY_RANK[f.severity] < SEVERITY_RANK[had]) sheet.set(address, f.severity);
      }
    }
  }
  return out;
}

export interface PreviewWorkbenchProps {
  readonly host: PreviewWorkbookHost;
  readonly lang: Lang;
  /** Where the sample lives (tests point elsewhere). */
  readonly sampleUrl?: string;
  readonly fetchImpl?: typeof fetch;
  /** Saves a file; the default starts a browser download. */
  readonly save?: (data: Uint8Array | string, fileName: string, mime: string) => void;
}

type LoadState =
  { readonly kind: "idle" } | { readonly kind: "loading" } | { readonly kind: "failed"; text: string };

export function PreviewWorkbench({
  host,
  lang,
  sampleUrl = SAMPLE_URL,
  fetchImpl,
  save = saveFile,
}: PreviewWorkbenchProps) {
  const styles = useStyles();
  const s = previewStrings(lang);
  const state = usePreviewState(host);
  const [load, setLoad] = useState<LoadState>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const [findings, setFindings] = useState<readonly Finding[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const openBytes = useCallback(
    async (getBytes: () => Promise<Uint8Array>, fileName: string, sample: boolean) => {
      setLoad({ kind: "loading" });
      try {
        await host.open(await getBytes(), fileName, { sample });
        setLoad({ kind: "idle" });
      } catch (error) {
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

  // The sample opens by itself the first time, so a new user sees the product work before choosing a file.
  useEffect(() => {
    if (!host.hasWorkbook) void openSample();
    // Once per host: reopening the sample later is the user's choice (a button).
  }, [host]);

  // The findings of the open workbook with the current settings, for the marks and the CSV.
  useEffect(() => {
    if (!host.hasWorkbook) {
      setFindings(null);
      return;
    }
    let live = true;
    void (async () => {
      try {
        const [snapshot, settings] = await Promise.all([host.read(), host.loadSettings()]);
        const evaluation = evaluateWorkbook(snapshot, toScoreOptions(settings));
        if (live) setFindings(evaluation.findings);
      } catch {
        if (live) setFindings(null); // the pane reports what went wrong; the viewer just shows no marks
      }
    })();
    return () => {
      live = false;
    };
  }, [host, state.inputVersion]);

  // A workbook dropped anywhere on the page opens; the overlay says so while a file is dragged over.
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
      if (file) void openFile(file);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [openFile]);

  const marks = useMemo(() => marksBySheet(findings ?? []), [findings]);
  const active = state.sheets.find((v) => v.name === state.activeSheet) ?? null;
  const base = baseName(state.fileName ?? "workbook");

  const downloadReport = async () => {
    const bytes = await host.toXlsx();
    save(bytes, s.reportFileName(base), XLSX_MIME);
  };
  const exportFindings = () => {
    if (findings) save(findingsToCsv(findings, lang), s.findingsFileName(base), CSV_MIME);
  };

  const selected =
    state.selection && active && state.selection.sheet === active.name ? state.selection.addresses : [];
  const usedSeverities = new Set<Severity>();
  for (const sheet of marks.values()) for (const sev of sheet.values()) usedSeverities.add(sev);

  return (
    <section className={styles.root} aria-labelledby="preview-heading" data-testid="preview-workbench">
      <Subtitle2 as="h2" id="preview-heading" className={styles.heading}>
        {s.viewerTitle}
      </Subtitle2>
      <Caption1 className={styles.hint}>{s.viewerIntro}</Caption1>

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

      <div className={styles.toolbar}>
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
            if (file) void openFile(file);
          }}
        />
        {!state.isSample && state.fileName !== null && (
          <Button appearance="subtle" onClick={() => void openSample()}>
            {s.openSample}
          </Button>
        )}
        <Button
          icon={<ArrowDownload20Regular />}
          appearance={state.reportSheets ? "primary" : "secondary"}
          disabled={!state.reportSheets}
          title={state.reportSheets ? undefined : s.downloadReportHint}
          onClick={() => void downloadReport()}
        >
          {s.downloadReport}
        </Button>
        <Button
          icon={<ArrowDownload20Regular />}
          disabled={!findings}
          title={findings ? undefined : s.exportFindingsHint}
          onClick={exportFindings}
        >
          {s.exportFindings}
        </Button>
      </div>
      <Caption1 className={styles.hint}>{s.openFileHint}</Caption1>

      {load.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.openFailedTitle}</MessageBarTitle>
            {load.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.sheets.length > 0 && (
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={s.sheetsLabel}
          selectedValue={state.activeSheet ?? undefined}
          onTabSelect={(_, data) => host.activate(String(data.value))}
        >
          {state.sheets.map((v) => (
            <Tab key={v.name} value={v.name} data-sheet={v.name}>
              {v.name}
              {v.report && (
                <>
                  {" "}
                  <Badge size="small" appearance="tint" color="brand">
                    {s.reportSheetBadge}
                  </Badge>
                </>
              )}
            </Tab>
          ))}
        </TabList>
      )}

      {usedSeverities.size > 0 && (
        <Caption1 className={styles.legend}>
          <span>{s.markLegend}</span>
          {(["error", "warning", "notice"] as const)
            .filter((sev) => usedSeverities.has(sev))
            .map((sev) => (
              <span key={sev}>
                <span
                  className={styles.swatch}
                  style={{ boxShadow: `inset 0 0 0 2px ${MARK_COLORS[sev]}` }}
                />
                {s.severity[sev]}
              </span>
            ))}
        </Caption1>
      )}

      {active && isCut(active) && (
        <Caption1 className={styles.hint}>
          {s.truncated(active.rows.length, active.columnWidths.length)}
        </Caption1>
      )}

      {active && (
        <SheetGrid
          view={active}
          marks={marks.get(active.name) ?? new Map()}
          selected={selected}
          selectionSeq={state.selection?.seq ?? 0}
          label={s.gridLabel(active.name)}
          emptyText={s.emptySheet}
        />
      )}

      <Caption1 className={styles.hint}>{s.privacy}</Caption1>

      {dragging && (
        <div className={styles.overlay} aria-hidden="true">
          {s.dropHere}
        </div>
      )}
    </section>
  );
}
