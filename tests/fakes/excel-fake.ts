/**
 * A recording fake of the Excel JavaScript API, so the Office.js gateway is tested without Excel.
 *
 *   const fake = new FakeExcel();
 *   fake.addSheet("表一", { rows: [["项目", "金额"], ["合计", 12]] });
 *   const snapshot = await fake.run((context) => readWorkbook(context));
 *   expect(fake.syncCount).toBe(3);
 *
 * Pure TypeScript (no Node or jest APIs) so it can also be bundled for a browser harness. The proxies follow
 * Office.js: commands queue until `sync()`, reading an unloaded property throws, a failing command stops its batch.
 * Only what the gateway uses is modelled (see the modules under ./excel/).
 */
import { parseA1Range } from "../../src/engine/a1";
import { FakeRequestContext, type PlannedFailure, type SyncHost, type SyncRecord } from "./excel/client";
import type { FakeErrorCode } from "./excel/errors";
import {
  FakeWorkbookModel,
  normalizeColor,
  storeTyped,
  type FakeSheet,
  type FakeValue,
  type SheetVisibility,
} from "./excel/model";
import { FakeOffice } from "./excel/office";
import { FakeWorkbook } from "./excel/worksheet";

export { FakeOfficeError } from "./excel/errors";
export { fakeError, NO_FILL_COLOR, type FakeCell, type FakeSheet, type FakeValue } from "./excel/model";
export type { SyncRecord } from "./excel/client";
export { FakeOffice, FakeSettings } from "./excel/office";

export interface SheetInit {
  /** Cell values, row-major from `origin`; null leaves a cell empty. Text is stored as text, never parsed. */
  readonly rows?: readonly (readonly (FakeValue | null)[])[];
  /** Top-left cell of rows[0][0] (default "A1"). */
  readonly origin?: string;
  /** Merged areas as A1 ranges. */
  readonly merges?: readonly string[];
  readonly visibility?: SheetVisibility;
  readonly protected?: boolean;
  /** Solid fills by A1 address, e.g. { C5: "#FFFF00" }. */
  readonly fills?: Readonly<Record<string, string>>;
  /** Number formats by A1 address. */
  readonly numberFormats?: Readonly<Record<string, string>>;
}

/** Excel on the web's payload limit per request and per response. */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5_000_000;

export class FakeExcel implements SyncHost {
  readonly model = new FakeWorkbookModel();
  readonly office = new FakeOffice();
  /** Set to simulate the user typing in a cell: every batch then fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  /**
   * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
   * ResponsePayloadSizeLimitExceeded); counted in decimal megabytes, so the fake refuses no later than Excel does.
   * Tests lower it to exercise the gateway's answer to a refusal on small workbooks.
   */
  payloadLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
  private log: SyncRecord[] = [];
  private counter = 0;
  private readonly failures = new Map<number, PlannedFailure>();

  // ---- building the workbook a test starts from ----

  addSheet(name: string, init: SheetInit = {}): FakeSheet {
    const s = this.model.addSheet(name);
    const origin = parseA1Range(init.origin ?? "A1");
    // Stored as given: the test states what Excel holds, no coercion.
    (init.rows ?? []).forEach((row, i) =>
      row.forEach((v, j) => v !== null && s.cells.put(origin.top + i, origin.left + j, v)),
    );
    s.merges = (init.merges ?? []).map(parseA1Range);
    for (const [address, color] of Object.entries(init.fills ?? {})) {
      s.at(address).fill = { color: normalizeColor(color), pattern: "Solid" };
    }
    for (const [address, format] of Object.entries(init.numberFormats ?? {}))
      s.at(address).numberFormat = format;
    if (init.visibility) s.visibility = init.visibility;
    if (init.protected) s.protected = true;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.model.find(name);
    if (!s) throw new Error(`no sheet ${name} (have: ${this.sheetNames().join(", ")})`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Types a value into a cell as a user would (Excel's coercion applies). */
  type(sheet: string, address: string, value: string | number | boolean): void {
    storeTyped(this.sheet(sheet).at(address), value);
  }

  // ---- host capabilities ----

  /** Makes the host implement ExcelApi only up to this version (e.g. "1.8" hides RangeAreas and page layout). */
  setExcelApiVersion(version: string): void {
    this.office.supported.set("ExcelApi", version);
  }

  supportsExcelApi(version: string): boolean {
    return this.office.context.requirements.isSetSupported("ExcelApi", version);
  }

  /** Installs this fake's `Office` as a global (the gateway reads requirement sets from it); returns the undo. */
  installOfficeGlobal(
    target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
  ): () => void {
    const had = Object.prototype.hasOwnProperty.call(target, "Office");
    const before = target.Office;
    target.Office = this.office;
    return () => {
      if (had) target.Office = before;
      else delete target.Office;
    };
  }

  // ---- running batches and what they cost ----

  /** Like Excel.run: a fresh context per batch; commands still queued when the batch returns are synced. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this);
    context.workbook = new FakeWorkbook(context);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingOperations > 0) await context.sync();
    return result;
  }

  /** Makes the n-th sync (1-based, counted since the last `resetSyncLog`) fail with `code` after some commands ran. */
  failSync(n: number, options: { code?: FakeErrorCode; afterOperations?: number | "half" } = {}): void {
    this.failures.set(n, {
      code: options.code ?? "GeneralException",
      afterOperations: options.afterOperations ?? "half",
    });
  }

  beginSync(): { index: number; failure?: PlannedFailure } {
    this.counter += 1;
    const failure = this.failures.get(this.counter);
    this.failures.delete(this.counter);
    return { index: this.counter, failure };
  }

  recordSync(record: SyncRecord): void {
    this.log.push(record);
  }

  get syncs(): readonly SyncRecord[] {
    return this.log;
  }

  get syncCount(): number {
    return this.log.length;
  }

  /** The largest request or response of any successful sync, in bytes (a refused batch transferred no answer). */
  get largestPayload(): number {
    return this.log.reduce((m, r) => (r.failed ? m : Math.max(m, r.requestBytes, r.responseBytes)), 0);
  }

  resetSyncLog(): void {
    this.log = [];
    this.counter = 0;
    this.failures.clear();
  }
}
