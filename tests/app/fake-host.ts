/**
 * A WorkbookHost for tests of the pipeline, the pane and the commands: it serves a snapshot, records every call with
 * its arguments, can fail any method with a given error, and can hold a call open so a test sees the "running" state.
 */
import type { MarkOutcome, WorkbookHost, WrittenReport } from "../../src/app/host";
import { DEFAULT_SETTINGS, type AppSettings } from "../../src/app/settings";
import { EMPTY_CONFIRMATIONS, type ConfirmationStore } from "../../src/engine/confirmations";
import type { Finding } from "../../src/engine/findings";
import type { Lang } from "../../src/engine/i18n";
import type { ReportSheetKey, ReportSpec } from "../../src/engine/report/spec";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import type { TemplateKind } from "../../src/engine/template";

/** The store of 出错说明 is recorded apart (`storeCalls`), so `calls` lists what the user's action did to the sheets. */
type StoreMethod = "loadConfirmations" | "saveConfirmations";
type Method = Exclude<keyof WorkbookHost, "kind" | StoreMethod>;

export interface Gate {
  /** Lets the held call go on. */
  release(): void;
}

export class FakeWorkbookHost implements WorkbookHost {
  readonly kind = "excel" as const;
  /** Method names in call order. */
  readonly calls: Method[] = [];
  readonly written: ReportSpec[] = [];
  readonly selections: { sheet: string; addresses: readonly string[] }[] = [];
  readonly highlighted: (readonly Finding[])[] = [];
  readonly templates: Lang[] = [];
  /** The kind of each template asked for, in order. */
  readonly templateKinds: TemplateKind[] = [];
  readonly saved: AppSettings[] = [];
  settings: AppSettings = DEFAULT_SETTINGS;
  /** The 出错说明 in the workbook, and every call to their store in order. */
  confirmations: ConfirmationStore = EMPTY_CONFIRMATIONS;
  readonly storeCalls: StoreMethod[] = [];
  markOutcome: MarkOutcome = { cells: 4, protectedSheets: [], truncated: false };
  templateNames: readonly string[] = ["预算执行情况", "支出决算表", "绩效指标", "部门基本情况"];
  private readonly failures = new Map<Method, unknown>();
  private readonly gates = new Map<Method, Promise<void>>();

  constructor(public snapshot: WorkbookSnapshot) {}

  /** The next and every later call of `method` rejects with `error`. */
  fail(method: Method, error: unknown): void {
    this.failures.set(method, error);
  }

  /** Calls of `method` wait until the gate is released. */
  hold(method: Method): Gate {
    let release: () => void = () => undefined;
    this.gates.set(
      method,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return { release: () => release() };
  }

  private async enter(method: Method): Promise<void> {
    this.calls.push(method);
    const gate = this.gates.get(method);
    if (gate) await gate;
    if (this.failures.has(method)) throw this.failures.get(method);
  }

  async read(): Promise<WorkbookSnapshot> {
    await this.enter("read");
    return this.snapshot;
  }

  async writeReport(spec: ReportSpec): Promise<WrittenReport> {
    await this.enter("writeReport");
    this.written.push(spec);
    const sheets = Object.fromEntries(spec.sheets.map((s) => [s.key, s.name])) as Record<
      ReportSheetKey,
      string
    >;
    return { sheets, notices: [] };
  }

  async selectCells(sheet: string, addresses: readonly string[]): Promise<void> {
    await this.enter("selectCells");
    this.selections.push({ sheet, addresses });
  }

  async highlight(findings: readonly Finding[]): Promise<MarkOutcome> {
    await this.enter("highlight");
    this.highlighted.push(findings);
    return this.markOutcome;
  }

  async clearHighlights(): Promise<MarkOutcome> {
    await this.enter("clearHighlights");
    return this.markOutcome;
  }

  async insertTemplate(lang: Lang, kind: TemplateKind = "department"): Promise<readonly string[]> {
    await this.enter("insertTemplate");
    this.templates.push(lang);
    this.templateKinds.push(kind);
    return this.templateNames;
  }

  async loadSettings(): Promise<AppSettings> {
    await this.enter("loadSettings");
    return this.settings;
  }

  async saveSettings(settings: AppSettings): Promise<void> {
    await this.enter("saveSettings");
    this.saved.push(settings);
    this.settings = settings;
  }

  async loadConfirmations(): Promise<ConfirmationStore> {
    this.storeCalls.push("loadConfirmations");
    return this.confirmations;
  }

  async saveConfirmations(store: ConfirmationStore): Promise<void> {
    this.storeCalls.push("saveConfirmations");
    this.confirmations = store;
  }
}
