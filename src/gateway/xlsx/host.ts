/**
 * The WorkbookHost over an .xlsx held in memory: the workbook `selfeval generate` writes and the browser preview shows.
 * The bytes are parsed once (exceljs's model); the engine's snapshot is read from that model, and the report sheets,
 * the marks and the template are rendered into it, so `toBytes()` saves the user's workbook with exactly what the
 * pipeline wrote. The same class serves the CLI (Node) and the preview (exceljs's browser build).
 *
 * It has no window: it keeps no active sheet or selection (the preview keeps those in its own store), and its
 * settings live for the session only — an .xlsx saved by exceljs cannot carry Office's document settings.
 */
import type ExcelJS from "exceljs";
import { reportMissingError } from "../../app/errors";
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../app/host";
import { DEFAULT_SETTINGS, normalizeSettings, type AppSettings } from "../../app/settings";
import type { SheetView } from "../../app/sheet-view";
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { HIGHLIGHT_COLORS, worstMarks } from "../../engine/marks";
import {
  MARKER_SHEET_NAME,
  isOwnedSheet,
  withoutOwnedSheets,
  type ReportSheetKey,
  type ReportSpec,
} from "../../engine/report/index";
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { buildTemplateOf, evaluationYear, planTemplateNames, type TemplateKind } from "../../engine/template";
import { EMPTY_CONFIRMATIONS, type ConfirmationStore } from "../../engine/confirmations";
import { readConfirmationsFromPackage, writeConfirmationsToPackage } from "./package/confirmations-part";
import { addReportToPackage } from "./package/index";
import { evaluateMissingFormulas } from "./formulas/evaluate-missing";
import { loadXlsxWorkbook, snapshotOfWorkbook } from "./read";
import { argb } from "./render-style";
import { sheetView } from "./sheet-view";
import { ownedSheetNames, renderReport, renderTemplate } from "./write";

export interface XlsxHostOptions {
  /** Today, for the template's evaluation year. */
  readonly today?: () => Date;
}

/**
 * The workbook saved for download, and how: "package" is the user's own package with our sheets added, every part of
 * it kept byte for byte; "model" is the workbook re-saved by exceljs (with the marks or the template the preview put
 * into it), which drops what exceljs does not model — charts, pivot tables, form controls…
 */
export interface SavedWorkbook {
  readonly bytes: Uint8Array;
  readonly route: "package" | "model";
}

/** A cell's fill before we coloured it; undefined when it had none. */
interface SavedFill {
  readonly sheet: string;
  readonly address: string;
  readonly fill: ExcelJS.Fill | undefined;
}

export class XlsxWorkbookHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  /** The user's sheets as the engine reads them; null until read, and again after sheets were added (插入模板). */
  private snapshot: WorkbookSnapshot | null = null;
  /** Our report sheets in the workbook now (from an earlier run, then the ones this host wrote). */
  private owned: string[];
  private settings: AppSettings = DEFAULT_SETTINGS;
  private readonly savedFills = new Map<string, SavedFill>();
  private readonly today: () => Date;
  /** Our sheets in the bytes loaded (from an earlier run): the package writer replaces them. */
  private readonly ownedInOriginal: readonly string[];
  /** The report last written, for the package route of saveForDownload(). */
  private lastSpec: ReportSpec | null = null;
  private templateInserted = false;
  /** The 出错说明: read from the package's custom XML part, then as saved through this host. */
  private confirmations: ConfirmationStore = EMPTY_CONFIRMATIONS;
  /** True once saveConfirmations changed them: the saved bytes then carry the part. */
  private confirmationsChanged = false;

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** The bytes loaded, kept as they are for the package route. */
    private readonly original: Uint8Array,
    options: XlsxHostOptions,
  ) {
    this.owned = ownedSheetNames(workbook);
    this.ownedInOriginal = this.owned;
    this.today = options.today ?? (() => new Date());
  }

  /**
   * Parses .xlsx bytes (a Node Buffer is a Uint8Array). Throws WorkbookReadError, localized and with a `code`, when
   * they are not a readable workbook; the snapshot is read here too, so a workbook exceljs loads but cannot be read
   * fails now, not in the middle of an action.
   */
  static async load(
    bytes: Uint8Array | ArrayBuffer,
    options: XlsxHostOptions = {},
  ): Promise<XlsxWorkbookHost> {
    const original = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const host = new XlsxWorkbookHost(await loadXlsxWorkbook(bytes), original, options);
    host.snapshot = await evaluateMissingFormulas(host.readModel());
    host.confirmations = await readConfirmationsFromPackage(original);
    return host;
  }

  /** Our report sheets as they are in the workbook now. */
  get reportSheetNames(): readonly string[] {
    return this.owned;
  }

  /**
   * The workbook as it is now (input sheets, report sheets, marks) as .xlsx bytes, with its 出错说明 (exceljs does not
   * keep custom XML parts, so the part is written into exceljs's package afterwards).
   */
  async toBytes(): Promise<Uint8Array> {
    const out = new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    return this.confirmations.confirmations.length > 0
      ? writeConfirmationsToPackage(out, this.confirmations)
      : out;
  }

  /**
   * What the preview's 下载报告 saves. With only the report added, the user's own package plus our sheets (the
   * package writer: nothing of theirs is lost). When marks or the template are in the workbook too, those live in
   * exceljs's model alone, so it is re-saved by exceljs and the route says so (the caller tells the user that
   * objects exceljs does not model, charts among them, may be missing from that copy).
   */
  async saveForDownload(): Promise<SavedWorkbook> {
    if (this.savedFills.size > 0 || this.templateInserted)
      return { bytes: await this.toBytes(), route: "model" };
    const report = this.lastSpec
      ? (await addReportToPackage(this.original, this.lastSpec, { owned: this.ownedInOriginal })).bytes
      : this.original;
    // Written when changed here, and after a report: the report's writer replaces the marker sheet, where a workbook
    // saved by WPS keeps them (one with the custom XML part gets the same store back).
    const carry = this.lastSpec !== null && this.confirmations.confirmations.length > 0;
    const bytes =
      this.confirmationsChanged || carry
        ? await writeConfirmationsToPackage(report, this.confirmations)
        : report;
    return { bytes, route: "package" };
  }

  /** The sheets a person would see (not the very hidden marker), drawn for a grid; ours flagged as report sheets. */
  sheetViews(): SheetView[] {
    return this.workbook.worksheets
      .filter((ws) => ws.state !== "veryHidden" && ws.name !== MARKER_SHEET_NAME)
      .map((ws) => sheetView(ws, isOwnedSheet(ws.name, this.owned)));
  }

  private readModel(): WorkbookSnapshot {
    return withoutOwnedSheets(snapshotOfWorkbook(this.workbook), this.owned);
  }

  // ---- WorkbookHost ----

  async read(): Promise<WorkbookSnapshot> {
    // Formulas saved without a result are computed here too (the preview reads the same figures as the CLI).
    this.snapshot ??= await evaluateMissingFormulas(this.readModel());
    return this.snapshot;
  }

  async writeReport<K extends ReportSheetKey = ReportSheetKey>(
    spec: ReportSpec<K>,
  ): Promise<WrittenReport<K>> {
    const names = renderReport(this.workbook, spec);
    this.owned = Object.values<string>(names);
    this.lastSpec = spec;
    // exceljs renders every part of the spec (print setup included); only the chart is Excel's alone, and the
    // 自评表 is complete without it.
    return { sheets: names, notices: [] };
  }

  /** A file has no window to show cells in: this only checks that the sheet is there to be shown. */
  async selectCells(sheet: string, _addresses: readonly string[]): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws || ws.state === "veryHidden" || ws.name === MARKER_SHEET_NAME) throw reportMissingError(sheet);
  }

  async highlight(findings: readonly Finding[]): Promise<MarkOutcome> {
    const { cells: marks, truncated } = worstMarks(findings);
    let cells = 0;
    for (const [key, { sheet, address, severity }] of marks) {
      const ws = this.workbook.getWorksheet(sheet);
      if (!ws || isOwnedSheet(sheet, this.owned)) continue;
      const cell = ws.getCell(address);
      // Only the first mark saves the fill: marking twice must not save our own colour as the "original".
      if (!this.savedFills.has(key))
        this.savedFills.set(key, {
          sheet,
          address,
          fill: cell.fill ? structuredClone(cell.fill) : undefined,
        });
      unshareStyle(cell);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HIGHLIGHT_COLORS[severity]) } };
      cells += 1;
    }
    return { cells, protectedSheets: [], truncated };
  }

  async clearHighlights(): Promise<MarkOutcome> {
    let cells = 0;
    for (const { sheet, address, fill } of this.savedFills.values()) {
      const ws = this.workbook.getWorksheet(sheet);
      if (!ws) continue;
      const cell = ws.getCell(address);
      unshareStyle(cell);
      // exceljs has no "remove fill"; a cell that had none gets the pattern "none", which is what Excel writes.
      cell.fill = fill ?? { type: "pattern", pattern: "none" };
      cells += 1;
    }
    this.savedFills.clear();
    return { cells, protectedSheets: [], truncated: false };
  }

  async insertTemplate(lang: Lang, kind: TemplateKind = "department"): Promise<readonly string[]> {
    const spec = buildTemplateOf(kind, lang, evaluationYear(this.today()));
    const names = planTemplateNames(
      spec,
      this.workbook.worksheets.map((ws) => ws.name),
    );
    renderTemplate(this.workbook, spec.sheets, names);
    this.templateInserted = true;
    this.snapshot = null; // the new input sheets are read with the next read()
    return names;
  }

  async loadSettings(): Promise<AppSettings> {
    return this.settings;
  }

  async saveSettings(settings: AppSettings): Promise<void> {
    this.settings = normalizeSettings(settings);
  }

  async loadConfirmations(): Promise<ConfirmationStore> {
    return this.confirmations;
  }

  /** Kept with the workbook: toBytes() and saveForDownload() write them into the package's custom XML part. */
  async saveConfirmations(store: ConfirmationStore): Promise<void> {
    this.confirmations = store;
    this.confirmationsChanged = true;
  }
}

/**
 * exceljs shares one style object among the cells loaded with the same style, so setting one cell's fill would colour
 * every cell that shares it; the cell gets its own copy first.
 */
function unshareStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}
