/**
 * What the preview's workbook window shows — which file is open, its sheet tabs, the active sheet, the selected cells,
 * the report sheets written — as a small observable store. React reads it with useSyncExternalStore; the preview's
 * host writes it after each action. It holds no workbook: that is the .xlsx host's.
 */
import type { ReportSheetNames } from "../app/host";
import type { SheetView } from "../app/sheet-view";

export interface PreviewSelection {
  readonly sheet: string;
  readonly addresses: readonly string[];
  /** Grows with every selection, so selecting the same cell again still scrolls to it. */
  readonly seq: number;
}

export interface PreviewState {
  /** Grows each time another workbook is opened (results of the last one no longer apply). */
  readonly revision: number;
  readonly fileName: string | null;
  readonly isSample: boolean;
  readonly sheets: readonly SheetView[];
  readonly activeSheet: string | null;
  readonly selection: PreviewSelection | null;
  /** The names of the report sheets written in this session; null until the whole report is written. */
  readonly reportSheets: ReportSheetNames | null;
}

export const EMPTY_PREVIEW_STATE: PreviewState = {
  revision: 0,
  fileName: null,
  isSample: false,
  sheets: [],
  activeSheet: null,
  selection: null,
  reportSheets: null,
};

export class PreviewStore {
  private state: PreviewState = EMPTY_PREVIEW_STATE;
  private readonly listeners = new Set<() => void>();
  private selectionSeq = 0;

  getState = (): PreviewState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Another workbook: everything about the last one goes, the revision grows. */
  opened(fileName: string, isSample: boolean, sheets: readonly SheetView[]): void {
    this.set({
      ...EMPTY_PREVIEW_STATE,
      revision: this.state.revision + 1,
      fileName,
      isSample,
      sheets,
      activeSheet: sheets[0]?.name ?? null,
    });
  }

  /** New sheet views; the active sheet becomes `active` when given, else stays while it still exists. */
  showSheets(sheets: readonly SheetView[], active?: string | null): void {
    const wanted = active === undefined ? this.state.activeSheet : active;
    const activeSheet = sheets.some((s) => s.name === wanted) ? wanted : (sheets[0]?.name ?? null);
    this.set({ sheets, activeSheet });
  }

  /** A tab click. */
  activate(sheet: string): void {
    if (this.state.sheets.some((s) => s.name === sheet)) this.set({ activeSheet: sheet });
  }

  /** Cells shown to the user: their sheet becomes the active one. */
  select(sheet: string, addresses: readonly string[]): void {
    this.selectionSeq += 1;
    this.set({ activeSheet: sheet, selection: { sheet, addresses: [...addresses], seq: this.selectionSeq } });
  }
}
