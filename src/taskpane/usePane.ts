/**
 * The pane's state and the actions its buttons run, over a WorkbookHost. One action at a time: the buttons are
 * disabled while one runs, so two writes can never interleave in the workbook. Errors and notices are kept as data
 * and put into words when drawn, so switching the language re-words a message already on screen.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { noWorkbookError } from "../app/errors";
import type { MarkOutcome, ReportSheetNames, WorkbookHost } from "../app/host";
import * as pipeline from "../app/pipeline";
import type { Progress } from "../app/pipeline";
import { checkText, reportTextOf, type ReportTextSource, type TextCheckResult } from "../app/report-text";
import { DEFAULT_SETTINGS, reportLangOf, toScoreOptions, type AppSettings } from "../app/settings";
import type { ConfirmedEvaluation } from "../engine/confirmations";
import type { Finding } from "../engine/findings";
import type { ProjectEvaluation } from "../engine/project";
import type { Lang } from "../engine/i18n";
import type { TemplateKind } from "../engine/template";
import type { PaneAction, UiStrings } from "./strings";

export interface Running {
  readonly action: PaneAction;
  /** The step now under way, for actions that have steps. */
  readonly progress: Progress | null;
}

export interface PaneError {
  readonly action: PaneAction;
  readonly cause: unknown;
}

export type NoticeIntent = "success" | "warning" | "info";

export interface PaneNotice {
  readonly intent: NoticeIntent;
  readonly text: (s: UiStrings, lang: Lang) => string;
}

export interface PaneState {
  readonly running: Running | null;
  readonly error: PaneError | null;
  readonly notices: readonly PaneNotice[];
  /** The latest evaluation, whichever action made it (the check and score views both read it). */
  readonly evaluation: ConfirmedEvaluation | null;
  /** The sheets the last generate wrote. */
  readonly report: ReportSheetNames | null;
  readonly settings: AppSettings;
  /** The last 核对报告文字: its findings, and the file it read (null for pasted text). */
  readonly textCheck: { readonly result: TextCheckResult; readonly file: string | null } | null;
  /** What the user pasted or chose for 核对报告文字, kept while they switch views (the view unmounts). */
  readonly textDraft: TextDraft;
}

export interface TextDraft {
  readonly pasted: string;
  readonly file: File | null;
}

export interface PaneActions {
  generate(): Promise<void>;
  check(): Promise<void>;
  score(): Promise<void>;
  mark(): Promise<void>;
  clear(): Promise<void>;
  select(finding: Finding): Promise<void>;
  /** 核对报告文字: reads the workbook, then compares the report's figures with it. */
  checkText(source: ReportTextSource): Promise<void>;
  setTextDraft(draft: TextDraft): void;
  /** Selects a project's form in the workbook (issue 13). */
  selectProject(project: ProjectEvaluation): Promise<void>;
  openReport(): Promise<void>;
  /** 插入模板 (the department's four sheets) or, with "project", 插入项目模板. */
  insertTemplate(kind?: TemplateKind): Promise<void>;
  saveSettings(settings: AppSettings): Promise<void>;
  /** 说明并确认: stores the filer's explanation of a finding in the workbook; resolves true once saved. */
  confirm(finding: Finding, text: string): Promise<boolean>;
  /** 撤销说明. */
  unconfirm(finding: Finding): Promise<void>;
  dismissError(): void;
  dismissNotices(): void;
}

const INITIAL: PaneState = {
  running: null,
  error: null,
  notices: [],
  evaluation: null,
  report: null,
  settings: DEFAULT_SETTINGS,
  textCheck: null,
  textDraft: { pasted: "", file: null },
};

function markNotices(outcome: MarkOutcome, cleared: boolean): PaneNotice[] {
  const notices: PaneNotice[] = [
    {
      intent: "success",
      text: (s) => (cleared ? s.check.cleared(outcome.cells) : s.check.marked(outcome.cells)),
    },
  ];
  if (outcome.protectedSheets.length > 0) {
    const sheets = outcome.protectedSheets;
    notices.push({ intent: "warning", text: (s) => s.check.protectedSkipped(s.list(sheets)) });
  }
  if (outcome.truncated) notices.push({ intent: "warning", text: (s) => s.check.truncated });
  return notices;
}

/** What 说明并确认 and 撤销说明 say: done, and that a report written before does not show it yet. */
function confirmNotices(state: PaneState, done: "saved" | "removed"): PaneNotice[] {
  const notices: PaneNotice[] = [{ intent: "success", text: (s) => s.confirm[done] }];
  if (state.report) notices.push({ intent: "info", text: (s) => s.confirm.regenerate });
  return notices;
}

/**
 * @param host the workbook to work on; null in preview mode before a workbook is open (every action then explains)
 * @param lang the pane's language (the report follows it unless the settings choose another)
 */
export function usePane(host: WorkbookHost | null, lang: Lang): [PaneState, PaneActions] {
  const [state, setState] = useState<PaneState>(INITIAL);
  const live = useRef(true);
  const busy = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const update = useCallback((change: (previous: PaneState) => PaneState) => {
    if (live.current) setState(change);
  }, []);

  // The settings travel with the workbook: read them once the host is known.
  useEffect(() => {
    if (!host) return;
    let current = true;
    host.loadSettings().then(
      (settings) => {
        if (current) update((p) => ({ ...p, settings }));
      },
      (cause: unknown) => {
        if (current) update((p) => ({ ...p, error: { action: "loadSettings", cause } }));
      },
    );
    return () => {
      current = false;
    };
  }, [host, update]);

  // Another workbook under the same host (the preview opened a file): the results shown were about the last one.
  useEffect(
    () =>
      host?.onWorkbookChange?.(() =>
        update((p) => ({ ...INITIAL, settings: p.settings, textDraft: p.textDraft })),
      ),
    [host, update],
  );

  /** Runs one action: marks it running, clears old messages, records its failure; never throws. */
  const run = useCallback(
    async (action: PaneAction, work: (host: WorkbookHost) => Promise<void>): Promise<void> => {
      if (busy.current) return;
      if (!host) {
        update((p) => ({ ...p, error: { action, cause: noWorkbookError() }, notices: [] }));
        return;
      }
      busy.current = true;
      update((p) => ({ ...p, running: { action, progress: null }, error: null, notices: [] }));
      try {
        await work(host);
      } catch (cause) {
        // Kept for whoever debugs; the user sees a sentence (describeError), never this.
        console.error(`绩效自评助手: ${action} failed`, cause);
        update((p) => ({ ...p, error: { action, cause } }));
      } finally {
        busy.current = false;
        update((p) => ({ ...p, running: null }));
      }
    },
    [host, update],
  );

  const onProgress = useCallback(
    (action: PaneAction) => (progress: Progress) => update((p) => ({ ...p, running: { action, progress } })),
    [update],
  );

  const actions: PaneActions = {
    generate: () =>
      run("generate", async (h) => {
        const settings = stateRef.current.settings;
        const outcome = await pipeline.generate(
          h,
          toScoreOptions(settings),
          reportLangOf(settings, lang),
          onProgress("generate"),
        );
        const notices: PaneNotice[] = outcome.notices.map((text) => ({
          intent: "info",
          text: () => text[lang],
        }));
        update((p) => ({ ...p, evaluation: outcome.evaluation, report: outcome.sheets, notices }));
      }),
    check: () =>
      run("check", async (h) => {
        const outcome = await pipeline.check(
          h,
          toScoreOptions(stateRef.current.settings),
          onProgress("check"),
        );
        update((p) => ({ ...p, evaluation: outcome.evaluation }));
      }),
    score: () =>
      run("score", async (h) => {
        const outcome = await pipeline.score(
          h,
          toScoreOptions(stateRef.current.settings),
          onProgress("score"),
        );
        update((p) => ({ ...p, evaluation: outcome.evaluation }));
      }),
    mark: () =>
      run("mark", async (h) => {
        const outcome = await pipeline.markFindings(h, stateRef.current.evaluation?.findings ?? []);
        update((p) => ({ ...p, notices: markNotices(outcome, false) }));
      }),
    clear: () =>
      run("clear", async (h) => {
        const outcome = await pipeline.clearMarks(h);
        update((p) => ({ ...p, notices: markNotices(outcome, true) }));
      }),
    checkText: (source) =>
      run("checkText", async (h) => {
        // The text first: a file that is no report is said before the workbook is read.
        const text = await reportTextOf(source);
        const settings = stateRef.current.settings;
        const outcome = await pipeline.check(h, toScoreOptions(settings), onProgress("checkText"));
        const result = checkText(outcome.evaluation, text, { rules: toScoreOptions(settings).rules });
        const file = source.kind === "file" ? source.name : null;
        update((p) => ({ ...p, evaluation: outcome.evaluation, textCheck: { result, file } }));
      }),
    select: (finding) =>
      run("select", async (h) => {
        await pipeline.showFinding(h, finding);
      }),
    selectProject: (project) =>
      run("select", async (h) => {
        await pipeline.showProject(h, project);
      }),
    openReport: () =>
      run("open", async (h) => {
        const report = stateRef.current.report;
        if (report) await pipeline.openReportSheet(h, report);
      }),
    insertTemplate: (kind = "department") =>
      run("template", async (h) => {
        const names = await pipeline.insertTemplate(h, lang, kind);
        update((p) => ({
          ...p,
          notices: [{ intent: "success", text: (s) => s.template.inserted(s.list(names)) }],
        }));
      }),
    saveSettings: (settings) =>
      run("saveSettings", async (h) => {
        await pipeline.saveSettings(h, settings);
        update((p) => ({ ...p, settings, notices: [{ intent: "success", text: (s) => s.settings.saved }] }));
      }),
    confirm: async (finding, text) => {
      let saved = false;
      await run("confirm", async (h) => {
        const outcome = await pipeline.confirm(h, toScoreOptions(stateRef.current.settings), finding, text, {
          at: new Date().toISOString(),
        });
        saved = true;
        update((p) => ({
          ...p,
          evaluation: outcome.evaluation,
          notices: confirmNotices(p, "saved"),
        }));
      });
      return saved;
    },
    unconfirm: (finding) =>
      run("unconfirm", async (h) => {
        const outcome = await pipeline.unconfirm(h, toScoreOptions(stateRef.current.settings), finding);
        update((p) => ({
          ...p,
          evaluation: outcome.evaluation,
          notices: confirmNotices(p, "removed"),
        }));
      }),
    setTextDraft: (draft) => update((p) => ({ ...p, textDraft: draft })),
    dismissError: () => update((p) => ({ ...p, error: null })),
    dismissNotices: () => update((p) => ({ ...p, notices: [] })),
  };

  return [state, actions];
}
