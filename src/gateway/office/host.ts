/**
 * The WorkbookHost of the add-in: every call is one Excel.run batch over this Office.js gateway, and the settings live
 * in Office.context.document.settings so they travel with the workbook. This module is on the Excel path of both
 * bundles (task pane and ribbon commands): it must not import React or exceljs.
 */
import { parseA1Range, rangeToA1 } from "../../engine/a1";
import type { ConfirmationStore } from "../../engine/confirmations";
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { ReportSheetKey, ReportSpec, SheetSpec } from "../../engine/report/spec";
import type { CellRange, WorkbookSnapshot } from "../../engine/snapshot";
import { requireExcelApi, supportsExcelApi } from "./api";
import { protectedError, toGatewayError } from "./errors";
import { readConfirmations, writeConfirmations } from "./confirmations";
import { clearHighlights, highlightFindings } from "./highlight";
import { readWorkbook } from "./read";
import { officeSettingsStore, type KeyValueStore, type OfficeSettingsLike } from "./store";
import { writeReport } from "./write";
import { renderPrintSetup, renderSheetContent, type HostFeatures } from "./write-sheet";
import { AppError, officeNotReadyError } from "../../app/errors";
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../app/host";
import { normalizeSettings, SETTINGS_KEY, type AppSettings } from "../../app/settings";
import {
  buildTemplateOf,
  evaluationYear,
  planTemplateNames,
  type TemplateKind,
  type TemplateSheet,
} from "../../engine/template";

/** Excel.run's shape, so tests can run the host on the recording fake. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  /** Default: the global Excel.run. */
  readonly run?: ExcelRunner;
  /** Default: Office.context.document.settings. */
  readonly settings?: OfficeSettingsLike;
  /** Today, for the template's evaluation year. */
  readonly today?: () => Date;
}

function globalRunner(): ExcelRunner {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw officeNotReadyError();
  return (batch) => Excel.run(batch);
}

function globalSettings(): OfficeSettingsLike {
  const settings = typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  if (!settings) throw officeNotReadyError();
  return settings as unknown as OfficeSettingsLike;
}

/** The smallest rectangle holding every address ("D5", "D7:D8" → D5:D8). */
export function boundingAddress(addresses: readonly string[]): string {
  const rects = addresses.map(parseA1Range);
  const box: CellRange = rects.reduce((a, r) => ({
    top: Math.min(a.top, r.top),
    left: Math.min(a.left, r.left),
    bottom: Math.max(a.bottom, r.bottom),
    right: Math.max(a.right, r.right),
  }));
  return rangeToA1(box);
}

/**
 * A template sheet is a report sheet spec without hyperlinks, so the report's renderer draws it. The key only picks
 * hyperlink targets, which a template has none of; gridlines are left as Excel makes them (see insertTemplate).
 */
function asSheetSpec(sheet: TemplateSheet): SheetSpec {
  return { ...sheet, key: "table", showGridLines: false };
}

/** Deletes the sheets of these names that exist (a failed batch may have added some of them): nothing half-made stays. */
async function removeSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const wanted = new Set(names.map((n) => n.toUpperCase()));
  for (const ws of worksheets.items) if (wanted.has(ws.name.toUpperCase())) ws.delete();
  await context.sync();
}

export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  const run: ExcelRunner = (batch) => (options.run ?? globalRunner())(batch);
  const store = (): KeyValueStore => officeSettingsStore(options.settings ?? globalSettings());
  const today = options.today ?? (() => new Date());

  /** Every failure leaves as a gateway error, which words it for the user (edit mode, protection, old Excel…). */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toGatewayError(error);
    }
  }

  return {
    kind: "excel",

    read: (): Promise<WorkbookSnapshot> => guarded(() => run((context) => readWorkbook(context))),

    writeReport: <K extends ReportSheetKey = ReportSheetKey>(
      spec: ReportSpec<K>,
    ): Promise<WrittenReport<K>> =>
      guarded(() =>
        run(async (context) => {
          const result = await writeReport(context, spec);
          return { sheets: result.names, notices: result.notices };
        }),
      ),

    selectCells: (sheet: string, addresses: readonly string[]): Promise<void> =>
      guarded(() =>
        run(async (context) => {
          requireExcelApi();
          const ws = context.workbook.worksheets.getItem(sheet);
          // Excel selects only on the active sheet: activate first. One rectangle over the cells keeps them in view
          // together (a total and its parts sit in one row or column), with the first as the active cell.
          ws.activate();
          if (addresses.length > 0) ws.getRange(boundingAddress(addresses)).select();
          await context.sync();
        }),
      ),

    highlight: (findings: readonly Finding[]): Promise<MarkOutcome> =>
      guarded(() =>
        run(async (context) => {
          const result = await highlightFindings(context, findings, store());
          return {
            cells: result.highlighted,
            protectedSheets: result.protectedSheets,
            truncated: result.truncated,
          };
        }),
      ),

    clearHighlights: (): Promise<MarkOutcome> =>
      guarded(() =>
        run(async (context) => {
          const result = await clearHighlights(context, store());
          return { cells: result.restored, protectedSheets: result.protectedSheets, truncated: false };
        }),
      ),

    insertTemplate: (lang: Lang, kind: TemplateKind = "department"): Promise<readonly string[]> =>
      guarded(() =>
        run(async (context) => {
          requireExcelApi();
          const spec = buildTemplateOf(kind, lang, evaluationYear(today()));
          const worksheets = context.workbook.worksheets;
          worksheets.load("items/name");
          const protection = context.workbook.protection;
          protection.load("protected");
          await context.sync();
          if (protection.protected) throw protectedError({ workbook: true });

          const names = planTemplateNames(
            spec,
            worksheets.items.map((ws) => ws.name),
          );
          // Input sheets keep Excel's gridlines: a renderer told the host cannot hide them leaves them on.
          const features: HostFeatures = { api19: supportsExcelApi("1.9"), api18: false };
          const noLinks = {} as Record<ReportSheetKey, string>;
          const added = spec.sheets.map((sheet, i) => {
            const ws = worksheets.add(names[i]);
            renderSheetContent(ws, asSheetSpec(sheet), noLinks, features);
            return ws;
          });
          added[0]?.activate();
          try {
            await context.sync();
          } catch (error) {
            await removeSheets(context, names).catch(() => undefined);
            throw error;
          }

          // Print setup is a nicety: an Excel that refuses it still has the complete sheets.
          if (features.api19) {
            spec.sheets.forEach((sheet, i) => renderPrintSetup(added[i], sheet.print));
            await context.sync().catch(() => undefined);
          }
          return names;
        }),
      ),

    loadSettings: async (): Promise<AppSettings> => normalizeSettings(store().get(SETTINGS_KEY)),

    saveSettings: async (settings: AppSettings): Promise<void> => {
      const s = store();
      s.set(SETTINGS_KEY, normalizeSettings(settings));
      await s.save();
    },

    loadConfirmations: (): Promise<ConfirmationStore> =>
      guarded(() => run((context) => readConfirmations(context, store))),

    saveConfirmations: (confirmations: ConfirmationStore): Promise<void> =>
      guarded(() => run((context) => writeConfirmations(context, confirmations, store))),
  };
}
