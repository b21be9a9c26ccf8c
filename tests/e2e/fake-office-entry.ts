/**
 * The "Excel" of the end-to-end tests: served in place of office.js, it installs `Office` and `Excel` globals backed by
 * the recording fake of tests/fakes before the task pane's bundle runs, so the page takes the Excel path with a
 * workbook the test controls. The workbook is the one the runner puts in `window.__selfevalE2E.workbook` (an engine
 * snapshot of the sample, read in Node), and the fake stays reachable for the test to read back what was written.
 */
import { toA1 } from "../../src/engine/a1";
import { isDateValue, isErrorValue, type CellValue, type WorkbookSnapshot } from "../../src/engine/snapshot";
import { FakeExcel, fakeError, type FakeValue } from "../fakes/excel-fake";

interface E2EConfig {
  readonly workbook: WorkbookSnapshot;
  readonly displayLanguage?: string;
}

interface E2EWindow {
  __selfevalE2E?: E2EConfig & { fake?: FakeExcel; cells?: (sheet: string) => Record<string, unknown> };
  Office?: unknown;
  Excel?: unknown;
}

function fakeValue(value: CellValue): FakeValue | null {
  if (value === null) return null;
  if (isErrorValue(value)) return fakeError(value.code);
  if (isDateValue(value)) return value.iso;
  return value;
}

function install(win: E2EWindow): void {
  const config = win.__selfevalE2E;
  if (!config) throw new Error("fake-office: window.__selfevalE2E.workbook was not set before the script");
  const fake = new FakeExcel();
  if (config.displayLanguage) fake.office.displayLanguage = config.displayLanguage;
  for (const sheet of config.workbook.sheets) {
    fake.addSheet(sheet.name, {
      origin: toA1(sheet.originRow, sheet.originCol),
      rows: sheet.values.map((row) => row.map(fakeValue)),
      merges: sheet.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`),
      ...(sheet.hidden ? { visibility: "Hidden" as const } : {}),
    });
  }
  fake.model.active = fake.model.sheets[0] ?? null;

  const office = fake.office;
  win.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: office.context,
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  win.Excel = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.run(batch),
  };

  config.fake = fake;
  /** Every non-empty cell of a sheet by A1 address: what a test compares with the .xlsx rendering. */
  config.cells = (name: string) => {
    const sheet = fake.sheet(name);
    const out: Record<string, unknown> = {};
    for (const [key, cell] of sheet.cells) {
      if (cell.value === null || cell.value === "") continue;
      const row = Math.floor(key / 16_384);
      const col = key % 16_384;
      out[toA1(row, col)] = cell.value;
    }
    return out;
  };
}

install(window as unknown as E2EWindow);
