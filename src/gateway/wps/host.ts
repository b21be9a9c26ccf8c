/**
 * The WorkbookHost of the WPS 表格 add-in: the same pipeline, task pane and ribbon commands as in Excel, over ET's
 * synchronous object model. Settings, saved fills and the 出错说明 live in the very-hidden `_selfeval` sheet (store.ts).
 */
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../app/host";
import { normalizeSettings, SETTINGS_KEY, type AppSettings } from "../../app/settings";
import { parseA1Range, rangeToA1 } from "../../engine/a1";
import {
  CONFIRMATIONS_KEY,
  normalizeConfirmations,
  type ConfirmationStore,
} from "../../engine/confirmations";
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { ReportSheetKey, ReportSpec } from "../../engine/report/spec";
import type { CellRange, WorkbookSnapshot } from "../../engine/snapshot";
import { buildTemplateOf, evaluationYear, planTemplateNames, type TemplateKind } from "../../engine/template";
import { etApplication, type EtApplication, type EtWorksheet } from "./et-api";
import { noWorkbookError, protectedError, sheetNotFoundError, toWpsError } from "./errors";
import { clearWps, highlightWps } from "./highlight";
import { readWpsWorkbook, type ReadProgress, type WpsReadOptions } from "./read";
import { renderSheet } from "./render-sheet";
import { activeWorkbook, findSheet, worksheetsOf } from "./sheets";
import { markerStore } from "./store";
import { withoutAlerts, writeWpsReport } from "./write";

export interface WpsHostOptions {
  /** Default: the page's global `Application` (or `wps`) when it is WPS 表格's. */
  readonly app?: EtApplication;
  /** Rows read so far while reading (the pane's progress bar). */
  readonly onReadProgress?: (progress: ReadProgress) => void;
  /** How the reader yields between slices (tests count the pauses). */
  readonly pause?: WpsReadOptions["pause"];
  readonly sliceCells?: number;
  /** Today, for the template's evaluation year. */
  readonly today?: () => Date;
}

function boundingAddress(addresses: readonly string[]): string {
  const box: CellRange = addresses.map(parseA1Range).reduce((a, r) => ({
    top: Math.min(a.top, r.top),
    left: Math.min(a.left, r.left),
    bottom: Math.max(a.bottom, r.bottom),
    right: Math.max(a.right, r.right),
  }));
  return rangeToA1(box);
}

export class WpsWorkbookHost implements WorkbookHost {
  readonly kind = "wps" as const;

  constructor(private readonly options: WpsHostOptions = {}) {}

  private app(): EtApplication {
    const app = this.options.app ?? etApplication();
    if (!app) throw noWorkbookError();
    return app;
  }

  /** Every failure leaves as a WpsGatewayError, which words it for the user. */
  private async guarded<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toWpsError(error);
    }
  }

  read(): Promise<WorkbookSnapshot> {
    return this.guarded(async () => {
      const result = await readWpsWorkbook(this.app(), {
        onProgress: this.options.onReadProgress,
        pause: this.options.pause,
        sliceCells: this.options.sliceCells,
      });
      return result.snapshot;
    });
  }

  writeReport<K extends ReportSheetKey = ReportSheetKey>(spec: ReportSpec<K>): Promise<WrittenReport<K>> {
    return this.guarded(() => writeWpsReport(this.app(), spec));
  }

  selectCells(sheet: string, addresses: readonly string[]): Promise<void> {
    return this.guarded(() => {
      const ws = findSheet(activeWorkbook(this.app()), sheet);
      if (!ws) throw sheetNotFoundError(sheet);
      // ET selects only on the active sheet.
      ws.Activate();
      if (addresses.length > 0) ws.Range(boundingAddress(addresses)).Select();
    });
  }

  highlight(findings: readonly Finding[]): Promise<MarkOutcome> {
    return this.guarded(() => highlightWps(this.app(), markerStore(this.app()), findings));
  }

  clearHighlights(): Promise<MarkOutcome> {
    return this.guarded(() => clearWps(this.app(), markerStore(this.app())));
  }

  /**
   * Adds the four input sheets after the last sheet, under names no sheet has, and shows the first. They keep ET's
   * gridlines (input sheets, not a printed form). A failure part-way deletes what was added: nothing half-made stays.
   */
  insertTemplate(lang: Lang, kind: TemplateKind = "department"): Promise<readonly string[]> {
    return this.guarded(() => {
      const app = this.app();
      const wb = activeWorkbook(app);
      if (wb.ProtectStructure) throw protectedError({ workbook: true });
      const spec = buildTemplateOf(kind, lang, evaluationYear((this.options.today ?? (() => new Date()))()));
      const names = planTemplateNames(
        spec,
        worksheetsOf(wb).map((ws) => ws.Name),
      );
      return withoutAlerts(app, () => {
        const added: EtWorksheet[] = [];
        try {
          for (const [i, sheet] of spec.sheets.entries()) {
            const all = wb.Worksheets;
            const ws = all.Add(undefined, all.Item(all.Count));
            added.push(ws);
            ws.Name = names[i];
            renderSheet(app, ws, sheet, {}, { gridLines: true });
          }
        } catch (error) {
          for (const ws of added) ws.Delete();
          throw error;
        }
        added[0]?.Activate();
        return names;
      });
    });
  }

  loadSettings(): Promise<AppSettings> {
    return this.guarded(() => normalizeSettings(markerStore(this.app()).get(SETTINGS_KEY)));
  }

  saveSettings(settings: AppSettings): Promise<void> {
    return this.guarded(() => markerStore(this.app()).set(SETTINGS_KEY, normalizeSettings(settings)));
  }

  /** The 出错说明 live in the marker sheet's store beside the settings (ET's custom properties hold 255 characters). */
  loadConfirmations(): Promise<ConfirmationStore> {
    return this.guarded(() => normalizeConfirmations(markerStore(this.app()).get(CONFIRMATIONS_KEY)));
  }

  saveConfirmations(store: ConfirmationStore): Promise<void> {
    return this.guarded(() => {
      const s = markerStore(this.app());
      if (store.confirmations.length === 0) s.remove(CONFIRMATIONS_KEY);
      else s.set(CONFIRMATIONS_KEY, normalizeConfirmations(store));
    });
  }
}

export function createWpsHost(options: WpsHostOptions = {}): WpsWorkbookHost {
  return new WpsWorkbookHost(options);
}
