/**
 * The WorkbookHost of the browser preview: the pane's pipeline runs on the .xlsx host of the file open now (the same
 * host `selfeval generate` uses, got from the host factory), and after each action this host tells the preview's
 * store what the workbook window should show — tabs, active sheet, selection, report sheets. Opening another file
 * swaps the .xlsx host; the settings stay for the page.
 */
import { noWorkbookError, reportMissingError } from "../app/errors";
import type { ConfirmationStore } from "../engine/confirmations";
import type { MarkOutcome, ReportSheetNames, WorkbookHost, WrittenReport } from "../app/host";
import { openXlsxHost, type SavedWorkbook, type XlsxWorkbookHost } from "../app/xlsx-hosts";
import { DEFAULT_SETTINGS, normalizeSettings, type AppSettings } from "../app/settings";
import type { Finding } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import type { TemplateKind } from "../engine/template";
import type { ReportSheetKey, ReportSpec } from "../engine/report/index";
import type { WorkbookSnapshot } from "../engine/snapshot";
import { PreviewStore, type PreviewState } from "./store";

export class PreviewWorkbookHost implements WorkbookHost {
  readonly kind = "preview" as const;
  private workbook: XlsxWorkbookHost | null = null;
  private settings: AppSettings = DEFAULT_SETTINGS;
  private readonly store = new PreviewStore();

  // ---- the view state, for the grid (useSyncExternalStore) ----

  getState = (): PreviewState => this.store.getState();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  /** A tab click in the grid. */
  activate(sheet: string): void {
    this.store.activate(sheet);
  }

  get fileName(): string | null {
    return this.store.getState().fileName;
  }

  get hasWorkbook(): boolean {
    return this.workbook !== null;
  }

  /**
   * Calls `listener` each time another workbook is opened, so the pane can drop results that were about the last one
   * (WorkbookHost's optional onWorkbookChange). Returns the unsubscribe.
   */
  onWorkbookChange(listener: () => void): () => void {
    let revision = this.store.getState().revision;
    return this.store.subscribe(() => {
      const now = this.store.getState().revision;
      if (now === revision) return;
      revision = now;
      listener();
    });
  }

  /**
   * Opens .xlsx bytes in place of the current workbook. Throws WorkbookReadError (and keeps the current workbook)
   * when the bytes are not a readable .xlsx.
   */
  async open(bytes: Uint8Array, fileName: string, options: { sample?: boolean } = {}): Promise<void> {
    const workbook = await openXlsxHost(bytes);
    this.workbook = workbook;
    this.store.opened(fileName, options.sample === true, workbook.sheetViews());
  }

  /** The workbook as it is now (input sheets, report sheets, marks) as .xlsx bytes: what 下载报告 saves. */
  toBytes(): Promise<Uint8Array> {
    return this.requireWorkbook().toBytes();
  }

  /**
   * What 下载报告 saves: the user's own package with the report added (nothing of theirs lost), or, when the preview's
   * marks or the template are in the workbook, the copy re-saved by exceljs, its route saying so.
   */
  saveForDownload(): Promise<SavedWorkbook> {
    return this.requireWorkbook().saveForDownload();
  }

  private requireWorkbook(): XlsxWorkbookHost {
    if (!this.workbook) throw noWorkbookError();
    return this.workbook;
  }

  private showSheets(active?: string | null): void {
    this.store.showSheets(this.requireWorkbook().sheetViews(), active);
  }

  // ---- WorkbookHost ----

  async read(): Promise<WorkbookSnapshot> {
    return this.requireWorkbook().read();
  }

  async writeReport<K extends ReportSheetKey = ReportSheetKey>(
    spec: ReportSpec<K>,
  ): Promise<WrittenReport<K>> {
    const written = await this.requireWorkbook().writeReport(spec);
    const names: Partial<Record<ReportSheetKey, string>> = written.sheets;
    // 下载报告 offers a report: the 核查结果 written alone (no tables for a 自评表) is not one.
    // A report is the 绩效自评表 and 自评报告, or (project forms only, issue 13) the 项目汇总, with the 核查结果.
    const complete =
      names.findings !== undefined &&
      ((names.table !== undefined && names.report !== undefined) || names.summary !== undefined);
    this.store.set({ reportSheets: complete ? (names as ReportSheetNames) : null });
    // Show the 自评表 the user asked for, as the add-in's "open the report" does (or the sheet written alone).
    this.showSheets(names.table ?? written.sheets[spec.sheets[0].key]);
    return written;
  }

  async selectCells(sheet: string, addresses: readonly string[]): Promise<void> {
    if (!this.store.getState().sheets.some((s) => s.name === sheet)) throw reportMissingError(sheet);
    this.store.select(sheet, addresses);
  }

  async highlight(findings: readonly Finding[]): Promise<MarkOutcome> {
    const outcome = await this.requireWorkbook().highlight(findings);
    this.showSheets();
    return outcome;
  }

  async clearHighlights(): Promise<MarkOutcome> {
    const outcome = await this.requireWorkbook().clearHighlights();
    this.showSheets();
    return outcome;
  }

  async insertTemplate(lang: Lang, kind: TemplateKind = "department"): Promise<readonly string[]> {
    const names = await this.requireWorkbook().insertTemplate(lang, kind);
    this.showSheets(names[0]);
    return names;
  }

  async loadSettings(): Promise<AppSettings> {
    return this.settings;
  }

  async saveSettings(settings: AppSettings): Promise<void> {
    // The preview keeps settings for this page only: an .xlsx saved by exceljs cannot carry Office's document settings.
    this.settings = normalizeSettings(settings);
  }

  /** The open file's 出错说明 (its custom XML part); 下载报告 saves them with the workbook. */
  async loadConfirmations(): Promise<ConfirmationStore> {
    return this.requireWorkbook().loadConfirmations();
  }

  async saveConfirmations(store: ConfirmationStore): Promise<void> {
    await this.requireWorkbook().saveConfirmations(store);
  }
}
