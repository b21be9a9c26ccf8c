/**
 * The lean WorkbookHost `selfeval generate` runs on: the user's .xlsx package is kept as its bytes and never loaded
 * into a workbook model. The snapshot comes from the streaming reader (one sheet at a time), and writeReport adds our
 * sheets to the original package (package/add-report.ts), so every part of the user's file — charts, pivot tables,
 * VBA, custom XML, whatever exceljs does not model — is written back byte for byte, and a re-run replaces only ours.
 *
 * It has no window and no cell model: it cannot select, colour cells or insert the template (the CLI asks for none of
 * them); the preview, which does, keeps the exceljs-model host (host.ts).
 */
import { readFile } from "fs/promises";
import { reportMissingError } from "../../app/errors";
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../app/host";
import { DEFAULT_SETTINGS, normalizeSettings, type AppSettings } from "../../app/settings";
import {
  isOwnedSheet,
  withoutOwnedSheets,
  type ReportSheetKey,
  type ReportSpec,
} from "../../engine/report/index";
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { evaluateMissingFormulas } from "./formulas/evaluate-missing";
import type { ConfirmationStore } from "../../engine/confirmations";
import { writeConfirmationsToPackage } from "./package/confirmations-part";
import { readConfirmationsFile } from "./read-confirmations";
import { addReportToPackage, ownedSheetsInPackage } from "./package/index";
import { WorkbookReadError } from "./read-error";
import { readXlsxFileStreaming } from "./read-stream";

const noCellModel = (what: string): never => {
  // Only a programming error gets here: the CLI's generate runs read and writeReport alone on this host.
  throw new Error(`PackageWorkbookHost has no cell model to ${what}`);
};

export class PackageWorkbookHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  /** The output package once the report was written; until then toBytes() hands back the original. */
  private written: Uint8Array | null = null;
  private settings: AppSettings = DEFAULT_SETTINGS;
  /** Our sheets as they are now: the earlier run's, then the ones this host wrote. */
  private owned: readonly string[];
  /** 出错说明 saved through this host, written into the package by toBytes(); null while unchanged. */
  private confirmations: ConfirmationStore | null = null;

  private constructor(
    private readonly original: Uint8Array,
    private readonly snapshot: WorkbookSnapshot,
    /** Our sheets in the original package, from an earlier run. */
    private readonly ownedInOriginal: readonly string[],
    /** The 出错说明 in the original package (its custom XML part). */
    private readonly storedConfirmations: ConfirmationStore,
  ) {
    this.owned = ownedInOriginal;
  }

  /**
   * Opens the .xlsx file at `path`. Throws WorkbookReadError (localized, with a `code`) for a file that is missing or
   * not a readable workbook, and PackageWriteError for a readable workbook whose package cannot take our sheets.
   */
  static async open(path: string): Promise<PackageWorkbookHost> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      const code = (cause as { code?: unknown } | null)?.code;
      throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", {
        cause,
      });
    }
    // The streaming reader says first whether this is a workbook at all (its errors are the readers' errors); the
    // engine never looks at formulas, so they are not kept.
    const snapshot = await evaluateMissingFormulas(await readXlsxFileStreaming(path, { formulas: false }));
    const owned = await ownedSheetsInPackage(bytes);
    // Read from the file's zip directory, inflating only the custom XML items (review opens hundreds of files).
    const confirmations = await readConfirmationsFile(path);
    return new PackageWorkbookHost(bytes, withoutOwnedSheets(snapshot, owned), owned, confirmations);
  }

  /** Our report sheets as they are in the package now. */
  get reportSheetNames(): readonly string[] {
    return this.owned;
  }

  /** The user's package with our sheets added (or as it was, before writeReport), and any 出错说明 saved here. */
  async toBytes(): Promise<Uint8Array> {
    const bytes = this.written ?? this.original;
    if (this.confirmations) return writeConfirmationsToPackage(bytes, this.confirmations);
    // A workbook saved by WPS keeps them in the marker sheet, which the report's writer replaces: they go on in the
    // custom XML part (where the original had one already, it is rewritten with the same store).
    if (this.written && this.storedConfirmations.confirmations.length > 0)
      return writeConfirmationsToPackage(bytes, this.storedConfirmations);
    return bytes;
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.snapshot;
  }

  async writeReport<K extends ReportSheetKey = ReportSheetKey>(
    spec: ReportSpec<K>,
  ): Promise<WrittenReport<K>> {
    // Always into the original: a second writeReport replaces the first one's sheets, as in the other hosts.
    const result = await addReportToPackage(this.original, spec, { owned: this.ownedInOriginal });
    this.written = result.bytes;
    this.owned = Object.values<string>(result.sheetNames);
    return { sheets: result.sheetNames, notices: [] };
  }

  /** A file has no window: this only checks that the sheet is there to be shown. */
  async selectCells(sheet: string): Promise<void> {
    const known = this.snapshot.sheets.some((s) => s.name === sheet) || isOwnedSheet(sheet, this.owned);
    if (!known) throw reportMissingError(sheet);
  }

  highlight(): Promise<MarkOutcome> {
    return noCellModel("colour cells");
  }

  clearHighlights(): Promise<MarkOutcome> {
    return noCellModel("clear colours");
  }

  insertTemplate(): Promise<readonly string[]> {
    return noCellModel("insert the template");
  }

  async loadSettings(): Promise<AppSettings> {
    return this.settings;
  }

  async saveSettings(settings: AppSettings): Promise<void> {
    this.settings = normalizeSettings(settings);
  }

  /** From the package's custom XML part (the one Excel's add-in writes); the report's writer keeps that part. */
  async loadConfirmations(): Promise<ConfirmationStore> {
    return this.confirmations ?? this.storedConfirmations;
  }

  async saveConfirmations(store: ConfirmationStore): Promise<void> {
    this.confirmations = store;
  }
}
