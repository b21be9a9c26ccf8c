/**
 * The 出错说明 in an .xlsx: written by the preview's host (download, package and model routes) and the package host,
 * read back by every reader (the in-memory host, the CLI's streaming reader, Excel's custom XML parts), without any
 * other part of the user's package changing; and the Office.js store's fixed syncs.
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { check, confirm, generate, unconfirm } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS, toScoreOptions } from "../../src/app/settings";
import { reviewFile } from "../../src/cli/review-check";
import { streamingWorkbookFile } from "../../src/cli/workbook";
import { columnName } from "../../src/engine/a1";
import { MARKER_SHEET_NAME, MARKER_STORE_KEY_COLUMN } from "../../src/engine/report/sheet-names";
import { createWpsHost } from "../../src/gateway/wps/host";
import { xlsxInWps } from "../fakes/wps/from-xlsx";
import type { WorkbookHost } from "../../src/app/host";
import { SETTINGS_KEY } from "../../src/app/settings";
import {
  CONFIRMATION_TEXT_MAX,
  CONFIRMATIONS_KEY,
  CONFIRMATIONS_NAMESPACE,
  EMPTY_CONFIRMATIONS,
  confirmationsToXml,
  makeConfirmation,
  normalizeConfirmations,
  type ConfirmationStore,
} from "../../src/engine/confirmations";
import type { FakeExcel } from "../fakes/excel-fake";
import { createOfficeHost } from "../../src/gateway/office/host";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";
import {
  readConfirmationsFromPackage,
  writeConfirmationsToPackage,
} from "../../src/gateway/xlsx/package/confirmations-part";
import { PackageWorkbookHost } from "../../src/gateway/xlsx/package-host";
import { readConfirmationsFile } from "../../src/gateway/xlsx/read-confirmations";
import { BUDGET_SHEET, INDICATORS_SHEET } from "../app/fixtures";
import { xlsxInFake } from "../excel/xlsx-in-fake";
import { buildXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { fixtureXlsxSheet } from "../hosts/contract";

const OPTIONS = toScoreOptions(DEFAULT_SETTINGS);
const TEXT = "乡镇合并后支出口径调整，差额为上年结转";

function fixture(): Promise<Buffer> {
  return buildXlsx([BUDGET_SHEET, INDICATORS_SHEET].map(fixtureXlsxSheet));
}

async function entries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  }
  return out;
}

/** A workbook explained in the preview (the sum.breakdown error), as 下载报告 saves it. */
async function explainedBytes(): Promise<Uint8Array> {
  const host = await XlsxWorkbookHost.load(await fixture());
  const { evaluation } = await check(host, OPTIONS);
  await confirm(
    host,
    OPTIONS,
    evaluation.findings.find((f) => f.rule === "sum.breakdown")!,
    TEXT,
    {
      at: "2024-03-01T08:00:00.000Z",
    },
  );
  const saved = await host.saveForDownload();
  expect(saved.route).toBe("package");
  return saved.bytes;
}

function explainedRules(findings: readonly { rule: string; confirmation?: { text: string } }[]): string[][] {
  return findings.filter((f) => f.confirmation).map((f) => [f.rule, f.confirmation!.text]);
}

describe("the .xlsx round trip", () => {
  test("the preview saves the custom XML part; the in-memory host, the CLI's reader and Excel read it back", async () => {
    const bytes = await explainedBytes();
    const parts = await entries(bytes);
    expect(parts.get("customXml/item1.xml")).toContain(`<confirmations xmlns="${CONFIRMATIONS_NAMESPACE}">`);
    expect(parts.get("customXml/itemProps1.xml")).toContain("ds:datastoreItem");
    expect(parts.get("customXml/_rels/item1.xml.rels")).toContain('Target="itemProps1.xml"');
    expect(parts.get("xl/_rels/workbook.xml.rels")).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/customXml" Target="..\/customXml\/item1.xml"/,
    );
    expect(parts.get("[Content_Types].xml")).toContain(
      'PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"',
    );

    const reopened = await XlsxWorkbookHost.load(bytes);
    expect(explainedRules((await check(reopened, OPTIONS)).evaluation.findings)).toEqual([
      ["sum.breakdown", TEXT],
    ]);

    const file = writeTempFile("explained.xlsx", bytes);
    const cli = await check(streamingWorkbookFile(file), OPTIONS);
    expect(explainedRules(cli.evaluation.findings)).toEqual([["sum.breakdown", TEXT]]);
    expect(cli.evaluation.summary.error).toBe(3);

    const excel = await xlsxInFake(bytes);
    const restore = excel.installOfficeGlobal();
    try {
      const office = createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
      expect(explainedRules((await check(office, OPTIONS)).evaluation.findings)).toEqual([
        ["sum.breakdown", TEXT],
      ]);
    } finally {
      restore();
    }
  });

  test("writing the part changes no other part of the user's package; generate keeps it", async () => {
    const original = await fixture();
    const store = (await readConfirmationsFromPackage(await explainedBytes())) as ConfirmationStore;
    const written = await writeConfirmationsToPackage(original, store);
    const before = await entries(original);
    const after = await entries(written);
    for (const [name, text] of before) {
      if (name === "xl/_rels/workbook.xml.rels" || name === "[Content_Types].xml") continue;
      expect([name, after.get(name)]).toEqual([name, text]);
    }
    expect([...after.keys()].filter((n) => !before.has(n))).toEqual([
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
    ]);

    // The CLI's generate adds its sheets around the part, and reads the explanation for its banner.
    const host = await PackageWorkbookHost.open(writeTempFile("explained-generate.xlsx", written));
    const outcome = await generate(host, OPTIONS, "zh-CN");
    expect(explainedRules(outcome.evaluation.findings)).toEqual([["sum.breakdown", TEXT]]);
    const out = await host.toBytes();
    expect((await entries(out)).get("customXml/item1.xml")).toBe(after.get("customXml/item1.xml"));
    expect(await readConfirmationsFromPackage(out)).toEqual(store);
  });

  test("replaced in place, and removed whole with the empty store", async () => {
    const bytes = await explainedBytes();
    const store = await readConfirmationsFromPackage(bytes);
    const edited: ConfirmationStore = {
      version: 1,
      confirmations: [{ ...store.confirmations[0], text: "改写后的说明" }],
    };
    const replaced = await writeConfirmationsToPackage(bytes, edited);
    expect([...(await entries(replaced)).keys()].filter((n) => n.startsWith("customXml/"))).toEqual([
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
    ]);
    expect(await readConfirmationsFromPackage(replaced)).toEqual(edited);

    const removed = await entries(await writeConfirmationsToPackage(bytes, EMPTY_CONFIRMATIONS));
    expect([...removed.keys()].filter((n) => n.startsWith("customXml/"))).toEqual([]);
    expect(removed.get("xl/_rels/workbook.xml.rels")).not.toContain("customXml");
    expect(removed.get("[Content_Types].xml")).not.toContain("customXml");
    // A package without the part, given the empty store, is handed back as it is.
    const plain = await fixture();
    expect(await writeConfirmationsToPackage(plain, EMPTY_CONFIRMATIONS)).toBe(plain);
  });

  test("the model route (marks in the workbook) carries the part too; unconfirming all leaves none", async () => {
    const host = await XlsxWorkbookHost.load(await explainedBytes());
    const { evaluation } = await check(host, OPTIONS);
    await host.highlight(evaluation.findings);
    const saved = await host.saveForDownload();
    expect(saved.route).toBe("model");
    expect((await readConfirmationsFromPackage(saved.bytes)).confirmations.map((c) => c.text)).toEqual([
      TEXT,
    ]);

    await unconfirm(
      host,
      OPTIONS,
      evaluation.findings.find((f) => f.confirmation)!,
    );
    expect(await readConfirmationsFromPackage((await host.saveForDownload()).bytes)).toEqual(
      EMPTY_CONFIRMATIONS,
    );
  });

  test("review counts a filing's explanations as check does", async () => {
    const file = writeTempFile("review-explained.xlsx", await explainedBytes());
    const plain = await reviewFile(writeTempFile("review-plain.xlsx", await fixture()), "plain.xlsx");
    const explained = await reviewFile(file, "explained.xlsx");
    expect(plain.counts).toEqual({ error: 3, warning: 1, notice: 1 });
    // The explained one is the sum.breakdown error: it stays counted.
    expect(explained.counts).toEqual({ error: 3, warning: 1, notice: 1 });
    const store = await readConfirmationsFromPackage(readFileSync(file));
    const coverage = (await check(await PackageWorkbookHost.open(file), OPTIONS)).evaluation.findings.find(
      (f) => f.rule === "quality.coverage",
    )!;
    const host = await XlsxWorkbookHost.load(readFileSync(file));
    await confirm(host, OPTIONS, coverage, "本单位无成本指标");
    const both = writeTempFile("review-explained-2.xlsx", (await host.saveForDownload()).bytes);
    expect((await reviewFile(both, "both.xlsx")).counts).toEqual({ error: 3, warning: 0, notice: 1 });
    expect(store.confirmations).toHaveLength(1);
  });

  test("the CLI reads no store from a file without one, or from a file that is not a workbook", async () => {
    expect(await readConfirmationsFile(writeTempFile("plain.xlsx", await fixture()))).toEqual(
      EMPTY_CONFIRMATIONS,
    );
    expect(await readConfirmationsFile(writeTempFile("notes.xlsx", "not a zip"))).toEqual(
      EMPTY_CONFIRMATIONS,
    );
  });
});

/** The store's cells of WPS's marker sheet (key in Z, JSON from AA on), by address, as WPS saves them. */
function storeCells(at: (row: number, col: number) => unknown): Record<string, string> {
  const cells: Record<string, string> = {};
  for (let row = 0; row < 20; row++)
    for (let col = MARKER_STORE_KEY_COLUMN; col < MARKER_STORE_KEY_COLUMN + 4; col++) {
      const value = at(row, col);
      if (typeof value === "string" && value !== "") cells[`${columnName(col)}${row + 1}`] = value;
    }
  return cells;
}

/**
 * The fixture as WPS 表格 saves it after `work` ran on it in WPS: the user's sheets and the very-hidden marker with its
 * store.
 */
async function savedByWps(work: (wps: WorkbookHost) => Promise<void>): Promise<Buffer> {
  const app = await xlsxInWps(await fixture());
  await work(createWpsHost({ app, pause: () => Promise.resolve() }));
  const marker = app.workbook.sheet(MARKER_SHEET_NAME);
  return buildXlsx([
    ...[BUDGET_SHEET, INDICATORS_SHEET].map(fixtureXlsxSheet),
    {
      name: MARKER_SHEET_NAME,
      state: "veryHidden",
      cells: storeCells((row, col) => marker.cell(row, col).value),
    },
  ]);
}

/** In WPS: the sum.breakdown error explained with `text`, and a tolerance of 0.02 saved. */
function explainInWps(text: string, at?: string): (wps: WorkbookHost) => Promise<void> {
  return async (wps) => {
    await wps.saveSettings({ ...DEFAULT_SETTINGS, toleranceInUnit: 0.02 });
    const { evaluation } = await check(wps, OPTIONS);
    const finding = evaluation.findings.find((f) => f.rule === "sum.breakdown")!;
    await confirm(wps, OPTIONS, finding, text, at ? { at } : {});
  };
}

/** The Office.js host over the workbook in the Excel fake (the Office global installed until `restore`). */
function officeOver(excel: FakeExcel): WorkbookHost {
  return createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
}

describe("a workbook explained in WPS 表格", () => {
  test("the CLI reads the 出错说明 WPS keeps in the very-hidden marker sheet", async () => {
    // A long explanation is cut to CONFIRMATION_TEXT_MAX characters when stored.
    const long = TEXT + "。".repeat(400);
    const saved = await savedByWps(explainInWps(long));
    const file = writeTempFile("wps-explained.xlsx", saved);
    expect((await readConfirmationsFile(file)).confirmations.map((c) => c.text)).toEqual([
      long.slice(0, CONFIRMATION_TEXT_MAX),
    ]);
    const cli = await check(streamingWorkbookFile(file), OPTIONS);
    expect(cli.evaluation.findings.filter((f) => f.confirmation).map((f) => f.rule)).toEqual([
      "sum.breakdown",
    ]);
  });

  test("Excel shows them, in two syncs, and reads the marker as no sheet of the user's", async () => {
    const saved = await savedByWps(explainInWps(TEXT, "2024-03-02T08:00:00.000Z"));
    const excel = await xlsxInFake(saved);
    const restore = excel.installOfficeGlobal();
    try {
      const office = officeOver(excel);
      excel.resetSyncLog();
      const store = await office.loadConfirmations();
      expect(excel.syncCount).toBe(2);
      expect(store.confirmations.map((c) => [c.rule, c.text, c.at])).toEqual([
        ["sum.breakdown", TEXT, "2024-03-02T08:00:00.000Z"],
      ]);
      const { evaluation } = await check(office, OPTIONS);
      expect(explainedRules(evaluation.findings)).toEqual([["sum.breakdown", TEXT]]);
      expect(evaluation.summary.error).toBe(3);
      // The marker is read as no table, and neither Excel's reader nor the preview's sheet tabs list it.
      const names = [BUDGET_SHEET.name, INDICATORS_SHEET.name];
      expect((await office.read()).sheets.map((s) => s.name)).toEqual(names);
      const preview = await XlsxWorkbookHost.load(saved);
      expect(preview.sheetViews().map((v) => v.name)).toEqual(names);
      expect((await preview.read()).sheets.map((s) => s.name)).toEqual(names);
    } finally {
      restore();
    }
  });

  test("with both stores: merged by key, the later written wins; a save in Excel writes the same into both", async () => {
    const wpsText = "WPS 中改写后的说明";
    const wpsAt = "2024-03-02T08:00:00.000Z";
    const saved = await savedByWps(explainInWps(wpsText, wpsAt));
    // Excel's part, written before: its own older explanation of the same finding, and one of a warning WPS never saw.
    const host = await XlsxWorkbookHost.load(saved);
    const { evaluation } = await check(host, OPTIONS);
    const snapshot = await host.read();
    const error = evaluation.findings.find((f) => f.rule === "sum.breakdown")!;
    const warning = evaluation.findings.find((f) => f.severity === "warning")!;
    const older = makeConfirmation(error, snapshot, TEXT, { at: "2024-03-01T08:00:00.000Z" });
    const onlyExcel = makeConfirmation(warning, snapshot, "已与主管部门核对", {
      at: "2024-02-01T08:00:00.000Z",
    });
    const both = await writeConfirmationsToPackage(saved, { version: 1, confirmations: [older, onlyExcel] });

    const excel = await xlsxInFake(both);
    const restore = excel.installOfficeGlobal();
    try {
      const office = officeOver(excel);
      const marker = excel.sheet(MARKER_SHEET_NAME);
      const settingsRow = storeCells((row, col) => marker.at(`${columnName(col)}${row + 1}`).value);
      const merged = await office.loadConfirmations();
      expect(merged.confirmations.map((c) => [c.key, c.text, c.at])).toEqual([
        [older.key, wpsText, wpsAt],
        [onlyExcel.key, "已与主管部门核对", "2024-02-01T08:00:00.000Z"],
      ]);

      // Withdrawn in Excel: gone from the part and from WPS's copy alike, in three syncs (the marker's rows are read
      // before they are written); the settings WPS keeps beside it are left as they were.
      await unconfirm(office, OPTIONS, error);
      const left: ConfirmationStore = { version: 1, confirmations: [merged.confirmations[1]] };
      // Saved again as it is: three syncs, and nothing changes.
      excel.resetSyncLog();
      await officeOver(excel).saveConfirmations(left);
      expect(excel.syncCount).toBe(3);
      expect(excel.model.customXmlParts.map((p) => p.xml)).toEqual([confirmationsToXml(left)]);
      const after = storeCells((row, col) => marker.at(`${columnName(col)}${row + 1}`).value);
      const keyCell = Object.keys(after).find((a) => after[a] === CONFIRMATIONS_KEY)!;
      const row = keyCell.slice(1);
      expect(normalizeConfirmations(JSON.parse(after[`AA${row}`]))).toEqual(left);
      const settingsCell = Object.keys(settingsRow).find((a) => settingsRow[a] === SETTINGS_KEY)!;
      const settingsLine = settingsCell.slice(1);
      expect([after[`Z${settingsLine}`], after[`AA${settingsLine}`]]).toEqual([
        SETTINGS_KEY,
        settingsRow[`AA${settingsLine}`],
      ]);
      expect((await officeOver(excel).loadConfirmations()).confirmations.map((c) => c.key)).toEqual([
        onlyExcel.key,
      ]);

      // Withdrawn too: no part, the store's row emptied (as WPS removes a key), the marker and the settings kept.
      await unconfirm(officeOver(excel), OPTIONS, warning);
      expect(excel.model.customXmlParts).toEqual([]);
      const emptied = storeCells((r, c) => marker.at(`${columnName(c)}${r + 1}`).value);
      expect(Object.values(emptied)).not.toContain(CONFIRMATIONS_KEY);
      expect(emptied[`Z${settingsLine}`]).toBe(SETTINGS_KEY);
      expect(await officeOver(excel).loadConfirmations()).toEqual(EMPTY_CONFIRMATIONS);
    } finally {
      restore();
    }
  });

  test("a report written in Excel keeps the store WPS keeps in the marker", async () => {
    const saved = await savedByWps(explainInWps(TEXT));
    const excel = await xlsxInFake(saved);
    const restore = excel.installOfficeGlobal();
    try {
      const marker = excel.sheet(MARKER_SHEET_NAME);
      const before = storeCells((row, col) => marker.at(`${columnName(col)}${row + 1}`).value);
      expect(Object.values(before)).toEqual(expect.arrayContaining([SETTINGS_KEY, CONFIRMATIONS_KEY]));
      await generate(officeOver(excel), OPTIONS, "zh-CN");
      expect(excel.sheet("绩效自评表").at("A1").value).toBe(
        "核查发现 3 项错误，其中 1 项已说明，详见核查结果",
      );
      expect(storeCells((row, col) => marker.at(`${columnName(col)}${row + 1}`).value)).toEqual(before);
      expect(marker.at("A1").value).toBe("绩效自评表");
    } finally {
      restore();
    }
  });
});

describe("Excel's store: a fixed number of syncs", () => {
  test("reading takes one sync without a part and two with one; writing two; the part holds the store's XML", async () => {
    const excel = await xlsxInFake(await fixture());
    const restore = excel.installOfficeGlobal();
    try {
      const host = createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
      excel.resetSyncLog();
      expect(await host.loadConfirmations()).toEqual(EMPTY_CONFIRMATIONS);
      expect(excel.syncCount).toBe(1);

      const store = await readConfirmationsFromPackage(await explainedBytes());
      excel.resetSyncLog();
      await host.saveConfirmations(store);
      expect(excel.syncCount).toBe(2);
      expect(excel.model.customXmlParts.map((p) => p.xml)).toEqual([confirmationsToXml(store)]);

      excel.resetSyncLog();
      expect(await host.loadConfirmations()).toEqual(store);
      expect(excel.syncCount).toBe(2);

      // Saved again: still one part. The empty store removes it.
      await host.saveConfirmations(store);
      expect(excel.model.customXmlParts).toHaveLength(1);
      await host.saveConfirmations(EMPTY_CONFIRMATIONS);
      expect(excel.model.customXmlParts).toEqual([]);
      expect(excel.office.settings.saveCount).toBe(0);
    } finally {
      restore();
    }
  });

  test("an Excel without ExcelApi 1.5 keeps them in the document settings", async () => {
    const excel = await xlsxInFake(await fixture());
    const restore = excel.installOfficeGlobal();
    excel.office.supported.set("ExcelApi", "1.4");
    try {
      const host = createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
      const store = await readConfirmationsFromPackage(await explainedBytes());
      await host.saveConfirmations(store);
      excel.office.settings.reload();
      expect(await host.loadConfirmations()).toEqual(store);
      expect(excel.model.customXmlParts).toEqual([]);
    } finally {
      restore();
    }
  });
});
