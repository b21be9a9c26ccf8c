/**
 * What the pipeline needs from wherever the workbook lives. Each host lives beside its gateway: Excel's over Office.js
 * (src/gateway/office/host.ts), and the .xlsx one over a file held in memory (src/gateway/xlsx/host.ts), which the CLI
 * saves and the browser preview shows. The pipeline, the task pane and the CLI only ever talk to this interface, so
 * none knows which one it drives — and nothing here may import React, Office or exceljs.
 */
import type { ConfirmationStore } from "../engine/confirmations";
import type { Finding } from "../engine/findings";
import type { Lang, Localized } from "../engine/i18n";
import type { TemplateKind } from "../engine/template";
import type { ReportSheetKey, ReportSpec } from "../engine/report/spec";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { AppSettings } from "./settings";

/** Excel's Office.js host, the browser preview (an .xlsx host behind a window of its own), a bare .xlsx host, WPS 表格. */
export type HostKind = "excel" | "preview" | "xlsx" | "wps";

/** Where the task pane runs: inside Excel, inside WPS 表格, or in a plain browser (the preview over an .xlsx). */
export type HostMode = "excel" | "wps" | "preview";

/** Office's theme colours (Office.context.officeTheme), which the pane takes on inside Office. */
export interface HostTheme {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

export interface HostInfo {
  readonly mode: HostMode;
  /** The Office host name ("Excel"), or null outside Office. */
  readonly host: string | null;
  readonly lang: Lang;
  /** Office's theme colours, inside Office when the host reports them. */
  readonly theme?: HostTheme | null;
  /** Office's platform ("PC", "Mac", "OfficeOnline", "iOS", …) inside Office; what a download can do depends on it. */
  readonly platform?: string | null;
}

/** The names our sheets got in the workbook (a collision with a user's sheet gives "核查结果 (2)"). */
/** The names our sheets got; a report of project forms only (issue 13) has no 绩效自评表 or 自评报告. */
export type ReportSheetNames = Readonly<Partial<Record<ReportSheetKey, string>>>;

export interface WrittenReport<K extends ReportSheetKey = ReportSheetKey> {
  /** The names the spec's sheets got: all three for a full report, the 核查结果 alone when that is all it held. */
  readonly sheets: Readonly<Record<K, string>>;
  /** What this host could not do but the user should know (e.g. print setup on an old Excel). */
  readonly notices: readonly Localized[];
}

export interface MarkOutcome {
  /** Cells coloured (highlight) or given their fill back (clear). */
  readonly cells: number;
  /** Sheets left alone because they are protected. */
  readonly protectedSheets: readonly string[];
  /** True when the findings named more cells than the host colours at once. */
  readonly truncated: boolean;
}

export interface WorkbookHost {
  readonly kind: HostKind;
  /**
   * The user's own sheets as the engine's snapshot. The report sheets an earlier run wrote are left out, so a re-run
   * evaluates the user's tables and not the 自评表 we made (which the recogniser would take for input).
   */
  read(): Promise<WorkbookSnapshot>;
  /**
   * Adds the spec's sheets, replacing all the ones an earlier run made (and only those), and shows the 自评表 — or the
   * spec's first sheet when it has none (the 核查结果 written alone). Nothing is left half-written when it fails (a
   * protected sheet, the user editing a cell).
   */
  writeReport<K extends ReportSheetKey = ReportSheetKey>(spec: ReportSpec<K>): Promise<WrittenReport<K>>;
  /** Shows cells to the user: activates the sheet first (Excel selects only on the active sheet), then selects. */
  selectCells(sheet: string, addresses: readonly string[]): Promise<void>;
  /** Colours the cells the findings name, remembering their fills first. */
  highlight(findings: readonly Finding[]): Promise<MarkOutcome>;
  /** Puts back exactly the fills the marked cells had. */
  clearHighlights(): Promise<MarkOutcome>;
  /**
   * Adds the blank input sheets of `kind` (default the department's four; "project": one 项目支出绩效自评表) under
   * names no sheet has yet; returns the names used, in tab order.
   */
  insertTemplate(lang: Lang, kind?: TemplateKind): Promise<readonly string[]>;
  loadSettings(): Promise<AppSettings>;
  saveSettings(settings: AppSettings): Promise<void>;
  /**
   * The filer's 出错说明 (engine/confirmations.ts), kept in the workbook but in no sheet the user sees: a custom XML
   * part in Excel and in the .xlsx package, the very-hidden marker sheet in WPS. The empty store when there is none.
   */
  loadConfirmations(): Promise<ConfirmationStore>;
  /** Replaces the stored 出错说明 with `store` (the empty store removes them). */
  saveConfirmations(store: ConfirmationStore): Promise<void>;
  /**
   * For a host whose workbook can be swapped under the pane (the browser preview opens another file): calls
   * `listener` when that happens and returns the unsubscribe. Excel's add-in lives in one workbook and has none.
   */
  onWorkbookChange?(listener: () => void): () => void;
}
