/**
 * The WorkbookHost of the browser preview: the same pipeline the Excel add-in runs, over an .xlsx held in memory with
 * exceljs. The workbook is the user's file (or the bundled sample); the report sheets are rendered into it by the
 * .xlsx gateway, so 下载报告 saves exactly what `selfeval generate` writes.
 *
 * It also keeps what a workbook window shows — the sheet tabs, the active sheet and the selected cells — as an
 * observable state for the grid (React reads it with useSyncExternalStore). This module imports exceljs, so the task
 * pane loads it only in preview mode, through a dynamic import().
 */
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, normalizeSettings, type AppSettings } from "../app/settings";
import { noWorkbookError, reportMissingError } from "../app/errors";
import type { MarkOutcome, ReportSheetNames, WorkbookHost, WrittenReport } from "../app/host";
import { buildTemplate, evaluationYear, planTemplateNames, type TemplateSheet } from "../app/template";
import type { Finding, Severity } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import {
  MARKER_SHEET_NAME,
  REPORT_SHEET_KEYS,
  withoutOwnedSheets,
  type ReportSheetKey,
  type ReportSpec,
} from "../engine/report/index";
import type { WorkbookSnapshot } from "../engine/snapshot";
import { readXlsxBuffer } from "../gateway/xlsx/read";
import { argb, toExcelStyle } from "../gateway/xlsx/render-style";
import { ownedSheetNames, renderReport } from "../gateway/xlsx/write";
import { HIGHLIGHT_COLORS, MAX_HIGHLIGHTED_CELLS } from "../excel/highlight";
import { parseA1Range, toA1 } from "../engine/a1";
import type { SheetView } from "./sheet-view";
import { sheetView } from "./xlsx-view";

export interface PreviewSelection {
  readonly sheet: string;
  readonly addresses: readonly string[];
  /** Grows with every selection, so selecting the same cell again still scrolls to it. */
  readonly seq: number;
}

export interface PreviewState {
  /** Grows each time another workbook is opened (results of the last one no longer apply). */
  readonly revision: number;
  /** Grows whenever what the engine reads changes: another workbook, inserted sheets, new settings. */
  readonly inputVersion: number;
  readonly fileName: string | null;
  readonly isSample: boolean;
  readonly sheets: readonly SheetView[];
  readonly activeSheet: string | null;
  readonly selection: PreviewSelection | null;
  /** The names of the report sheets written in this session; null until the report is generated. */
  readonly reportSheets: ReportSheetNames | null;
}

const EMPTY_STATE: PreviewState = {
  revision: 0,
  inputVersion: 0,
  fileName: null,
  isSample: false,
  sheets: [],
  activeSheet: null,
  selection: null,
  reportSheets: null,
};

/** A cell's fill before we coloured it; undefined when it had none. */
type SavedFill = ExcelJS.Fill | undefined;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

function keyOf(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

export class PreviewWorkbookHost implements WorkbookHost {
  readonly kind = "preview" as const;
  private workbook: ExcelJS.Workbook | null = null;
  /** The user's sheets as the engine reads them; null when it must be read again (a template was inserted). */
  private snapshot: WorkbookSnapshot | null = null;
  private owned: string[] = [];
  private settings: AppSettings = DEFAULT_SETTINGS;
  private readonly savedFills = new Map<string, { sheet: string; address: string; fill: SavedFill }>();
  private state: PreviewState = EMPTY_STATE;
  private readonly listeners = new Set<() => void>();
  private selectionSeq = 0;

  // ---- the observable state the grid draws ----

  getState = (): PreviewState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Rebuilds the sheet views after the workbook changed; keeps the active sheet when it still exists. */
  private refreshViews(active?: string | null): void {
    const wb = this.requireWorkbook();
    const owned = new Set(this.owned.map((n) => n.toUpperCase()));
    const sheets = wb.worksheets
      .filter((ws) => ws.state !== "veryHidden" && ws.name !== MARKER_SHEET_NAME)
      .map((ws) => sheetView(ws, owned.has(ws.name.toUpperCase())));
    const wanted = active === undefined ? this.state.activeSheet : active;
    const activeSheet = sheets.some((s) => s.name === wanted) ? wanted : (sheets[0]?.name ?? null);
    this.setState({ sheets, activeSheet: activeSheet ?? null });
  }

  /**
   * Calls `listener` each time another workbook is opened, so the pane can drop results that were about the last one
   * (WorkbookHost's optional onWorkbookChange). Returns the unsubscribe.
   */
  onWorkbookChange(listener: () => void): () => void {
    let revision = this.state.revision;
    return this.subscribe(() => {
      if (this.state.revision === revision) return;
      revision = this.state.revision;
      listener();
    });
  }

  /** A tab click in the grid. */
  activate(sheet: string): void {
    if (this.state.sheets.some((s) => s.name === sheet)) this.setState({ activeSheet: sheet });
  }

  get fileName(): string | null {
    return this.state.fileName;
  }

  get hasWorkbook(): boolean {
    return this.workbook !== null;
  }

  // ---- opening a workbook ----

  /**
   * Opens .xlsx bytes in place of the current workbook. Throws WorkbookReadError (and keeps the current workbook)
   * when the bytes are not a readable .xlsx.
   */
  async open(bytes: Uint8Array, fileName: string, options: { sample?: boolean } = {}): Promise<void> {
    // Read first: readXlsxBuffer sniffs the bytes and throws a typed, localized error for a wrong or broken file.
    const snapshot = await readXlsxBuffer(bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    this.workbook = workbook;
    this.owned = ownedSheetNames(workbook);
    this.snapshot = withoutOwnedSheets(snapshot, this.owned);
    this.savedFills.clear();
    this.state = {
      ...EMPTY_STATE,
      revision: this.state.revision + 1,
      inputVersion: this.state.inputVersion + 1,
      fileName,
      isSample: options.sample === true,
    };
    this.refreshViews(null);
  }

  private requireWorkbook(): ExcelJS.Workbook {
    if (!this.workbook) throw noWorkbookError();
    return this.workbook;
  }

  /** The workbook as it is now (input sheets, report sheets, marks) as .xlsx bytes: what 下载报告 saves. */
  async toXlsx(): Promise<Uint8Array> {
    const out = await this.requireWorkbook().xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  // ---- WorkbookHost ----

  async read(): Promise<WorkbookSnapshot> {
    const wb = this.requireWorkbook();
    if (!this.snapshot) {
      // Sheets were added (插入模板): read the workbook again the way the CLI would read the saved file.
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      this.snapshot = withoutOwnedSheets(await readXlsxBuffer(bytes), this.owned);
    }
    return this.snapshot;
  }

  async writeReport<K extends ReportSheetKey = ReportSheetKey>(
    spec: ReportSpec<K>,
  ): Promise<WrittenReport<K>> {
    const names = renderReport(this.requireWorkbook(), spec);
    const written: Partial<Record<ReportSheetKey, string>> = names;
    this.owned = Object.values(names);
    // 下载报告 offers a report: the 核查结果 written alone (no tables for a 自评表) is not one.
    const complete = REPORT_SHEET_KEYS.every((key) => written[key] !== undefined);
    this.setState({ reportSheets: complete ? (written as ReportSheetNames) : null });
    // Show the 自评表 the user asked for, as the add-in's "open the report" does (or the sheet written alone).
    this.refreshViews(written.table ?? names[spec.sheets[0].key]);
    // exceljs renders every part of the spec (print setup included); only the chart is Excel's alone, and the
    // 自评表 is complete without it.
    return { sheets: names, notices: [] };
  }

  async selectCells(sheet: string, addresses: readonly string[]): Promise<void> {
    if (!this.state.sheets.some((s) => s.name === sheet)) throw reportMissingError(sheet);
    this.selectionSeq += 1;
    this.setState({
      activeSheet: sheet,
      selection: { sheet, addresses: [...addresses], seq: this.selectionSeq },
    });
  }

  async highlight(findings: readonly Finding[]): Promise<MarkOutcome> {
    const wb = this.requireWorkbook();
    // The most severe finding of a cell decides its colour.
    const wanted = new Map<string, { sheet: string; address: string; severity: Severity }>();
    let truncated = false;
    for (const f of findings) {
      for (const ref of f.cells) {
        const range = parseA1Range(ref.address);
        for (let r = range.top; r <= range.bottom; r++) {
          for (let c = range.left; c <= range.right; c++) {
            const address = toA1(r, c);
            const key = keyOf(ref.sheet, address);
            const had = wanted.get(key);
            if (!had && wanted.size >= MAX_HIGHLIGHTED_CELLS) {
              truncated = true;
              continue;
            }
            if (!had || SEVERITY_RANK[f.severity] < SEVERITY_RANK[had.severity])
              wanted.set(key, { sheet: ref.sheet, address, severity: f.severity });
          }
        }
      }
    }
    const owned = new Set(this.owned.map((n) => n.toUpperCase()));
    let cells = 0;
    for (const [key, { sheet, address, severity }] of wanted) {
      const ws = wb.getWorksheet(sheet);
      if (!ws || owned.has(sheet.toUpperCase())) continue;
      const cell = ws.getCell(address);
      // Only the first mark saves the fill: marking twice must not save our own colour as the "original".
      if (!this.savedFills.has(key)) {
        this.savedFills.set(key, {
          sheet,
          address,
          fill: cell.fill ? structuredClone(cell.fill) : undefined,
        });
      }
      unshareStyle(cell);
      cell.fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: argb(HIGHLIGHT_COLORS[severity]) },
      };
      cells += 1;
    }
    this.refreshViews();
    return { cells, protectedSheets: [], truncated };
  }

  async clearHighlights(): Promise<MarkOutcome> {
    const wb = this.requireWorkbook();
    let cells = 0;
    for (const { sheet, address, fill } of this.savedFills.values()) {
      const ws = wb.getWorksheet(sheet);
      if (!ws) continue;
      const cell = ws.getCell(address);
      unshareStyle(cell);
      // exceljs has no "remove fill"; a cell that had none gets the pattern "none", which is what Excel writes.
      cell.fill = fill ?? { type: "pattern", pattern: "none" };
      cells += 1;
    }
    this.savedFills.clear();
    this.refreshViews();
    return { cells, protectedSheets: [], truncated: false };
  }

  async insertTemplate(lang: Lang): Promise<readonly string[]> {
    const wb = this.requireWorkbook();
    const spec = buildTemplate(lang, evaluationYear(new Date()));
    const names = planTemplateNames(
      spec,
      wb.worksheets.map((ws) => ws.name),
    );
    spec.sheets.forEach((sheet, i) => renderTemplateSheet(wb, sheet, names[i]));
    this.snapshot = null;
    this.setState({ inputVersion: this.state.inputVersion + 1 });
    this.refreshViews(names[0]);
    return names;
  }

  async loadSettings(): Promise<AppSettings> {
    return this.settings;
  }

  async saveSettings(settings: AppSettings): Promise<void> {
    // The preview keeps settings for this page only: an .xlsx saved by exceljs cannot carry Office's document settings.
    this.settings = normalizeSettings(settings);
    this.setState({ inputVersion: this.state.inputVersion + 1 });
  }
}

/**
 * exceljs shares one style object among the cells loaded with the same style, so setting one cell's fill would colour
 * every cell that shares it; the cell gets its own copy first.
 */
function unshareStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

/** An input sheet of 插入模板: values, styles, merges and sizes (no print setup: the user fills it in first). */
function renderTemplateSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, name: string): void {
  const ws = wb.addWorksheet(name);
  sheet.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  for (const spec of sheet.cells) {
    const cell = ws.getCell(spec.row + 1, spec.col + 1);
    const style = sheet.styles[spec.styleId];
    if (style) cell.style = structuredClone(toExcelStyle(style));
    if (spec.text) cell.numFmt = "@";
    if (spec.value !== null) cell.value = spec.value;
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (sheet.freeze) ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
}
