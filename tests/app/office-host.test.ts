/**
 * The add-in's WorkbookHost on the recording fake of the Excel API: the pipeline's actions end in the workbook as they
 * should (report sheets, selection, template, settings), cost a fixed number of syncs whatever the workbook's size,
 * and fail in words the user understands.
 */
import { AppError } from "../../src/app/errors";
import { createOfficeHost } from "../../src/app/hosts";
import { check, generate, openReportSheet, showFinding } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import { describeError } from "../../src/app/errors";
import type { WorkbookHost } from "../../src/app/host";
import { ExcelGatewayError, protectedError } from "../../src/gateway/office/errors";
import { FakeExcel } from "../fakes/excel-fake";
import { FIXTURE_SHEETS } from "./fixtures";

let fake: FakeExcel;
let restoreOffice: () => void;

function fixtureExcel(extraRows = 0): FakeExcel {
  const excel = new FakeExcel();
  for (const s of FIXTURE_SHEETS) excel.addSheet(s.name, { rows: s.rows as never, merges: s.merges });
  if (extraRows > 0) {
    // A ledger beside the tables, as accountants keep: many rows the recogniser reads past.
    const rows: (string | number)[][] = [["日期", "凭证号", "摘要", "金额"]];
    for (let i = 1; i <= extraRows; i++)
      rows.push([`2023-${String((i % 12) + 1).padStart(2, "0")}-01`, `记-${i}`, "办公用品", i % 997]);
    excel.addSheet("明细账", { rows });
  }
  return excel;
}

function hostOn(excel: FakeExcel): WorkbookHost {
  return createOfficeHost({
    run: (batch) => excel.run(batch),
    settings: excel.office.settings,
    today: () => new Date(2025, 2, 1),
  });
}

beforeEach(() => {
  fake = fixtureExcel();
  restoreOffice = fake.installOfficeGlobal();
});

afterEach(() => restoreOffice());

describe("generate through Office.js", () => {
  test("writes the three report sheets, shows the 自评表 and gives the engine's score", async () => {
    const outcome = await generate(hostOn(fake), {}, "zh-CN");
    expect(outcome.evaluation.score?.total).toBe(65);
    // The warning: the fixture's indicators cover 产出 only (quality.coverage).
    expect(outcome.evaluation.summary).toEqual({ error: 3, warning: 1, notice: 1 });
    expect(outcome.sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(fake.sheetNames()).toEqual([
      "表1 预算执行",
      "表2 绩效指标",
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    expect(fake.model.active?.name).toBe("绩效自评表");
  });

  test("a re-run evaluates the user's sheets only and replaces our sheets in place", async () => {
    const host = hostOn(fake);
    await generate(host, {}, "zh-CN");
    const again = await generate(host, {}, "zh-CN");
    expect(again.evaluation.tables.map((t) => [t.kind, t.sheet])).toEqual([
      ["info", "表1 预算执行"],
      ["budget", "表1 预算执行"],
      ["indicators", "表2 绩效指标"],
    ]);
    expect(again.evaluation.score?.total).toBe(65);
    expect(fake.sheetNames()).toEqual([
      "表1 预算执行",
      "表2 绩效指标",
      "_selfeval",
      "绩效自评表",
      "自评报告",
      "核查结果",
    ]);
  });

  test("costs the same number of syncs for the fixture and for a workbook with a 20,000-row ledger", async () => {
    fake.resetSyncLog();
    await generate(hostOn(fake), {}, "zh-CN");
    const small = fake.syncCount;

    const big = fixtureExcel(20_000);
    const restore = big.installOfficeGlobal();
    try {
      await generate(hostOn(big), {}, "zh-CN");
      expect(big.syncCount).toBe(small);
      expect(big.largestPayload).toBeLessThan(4_000_000);
    } finally {
      restore();
    }
    // One more than before issue 16 §3: the read loads the amount columns' number formats in a fourth sync; and one
    // more for the 出错说明 (issue 12 §3: the custom XML part is looked up, and there is none).
    expect(small).toBe(9);
  });

  test("check only reads: the same syncs for both sizes, and nothing is written", async () => {
    fake.resetSyncLog();
    await check(hostOn(fake), {});
    const small = fake.syncCount;
    expect(fake.sheetNames()).toEqual(["表1 预算执行", "表2 绩效指标"]);

    const big = fixtureExcel(20_000);
    const restore = big.installOfficeGlobal();
    try {
      await check(hostOn(big), {});
      expect(big.syncCount).toBe(small);
    } finally {
      restore();
    }
    // Names, used ranges, values, and the amount columns' number formats (issue 16 §3); then the 出错说明's part.
    expect(small).toBe(5);
  });

  test("while the user edits a cell, generate fails in plain words and writes nothing", async () => {
    fake.cellEditMode = true;
    const failure = generate(hostOn(fake), {}, "zh-CN");
    await expect(failure).rejects.toBeInstanceOf(ExcelGatewayError);
    const error = await failure.catch((e: unknown) => e);
    expect((error as ExcelGatewayError).problem).toBe("edit-mode");
    expect(describeError(error, "zh-CN")).toMatch(/^Excel 正在编辑单元格/);
    fake.cellEditMode = false;
    expect(fake.sheetNames()).toEqual(["表1 预算执行", "表2 绩效指标"]);
  });
});

describe("selection", () => {
  test("a finding's cells: the sheet is activated, then the rectangle over its cells selected", async () => {
    const host = hostOn(fake);
    const { evaluation } = await check(host, {});
    const breakdown = evaluation.findings[0];
    expect(breakdown.cells.map((c) => c.address)).toEqual(["D5", "D11", "D12"]);
    fake.resetSyncLog();
    await showFinding(host, breakdown);
    expect(fake.syncCount).toBe(1);
    expect(fake.model.active?.name).toBe("表1 预算执行");
    expect(fake.model.selection?.sheet.name).toBe("表1 预算执行");
    expect(fake.model.selection?.rect).toEqual({ top: 4, left: 3, bottom: 11, right: 3 });
  });

  test("opening the report selects A1 of the sheet that was written", async () => {
    const host = hostOn(fake);
    const { sheets } = await generate(host, {}, "en-US");
    await openReportSheet(host, sheets, "findings");
    expect(fake.model.active?.name).toBe("Check Results");
    expect(fake.model.selection?.rect).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  });
});

describe("insertTemplate", () => {
  test("adds the four sheets after the user's, never over an existing one, and shows the first", async () => {
    fake.addSheet("绩效指标", { rows: [["用户自己的表"]] });
    fake.resetSyncLog();
    const names = await hostOn(fake).insertTemplate("zh-CN");
    expect(names).toEqual(["预算执行情况", "支出决算表", "绩效指标 (2)", "部门基本情况"]);
    expect(fake.sheetNames()).toEqual([
      "表1 预算执行",
      "表2 绩效指标",
      "绩效指标",
      "预算执行情况",
      "支出决算表",
      "绩效指标 (2)",
      "部门基本情况",
    ]);
    expect(fake.sheet("绩效指标").at("A1").value).toBe("用户自己的表");
    expect(fake.model.active?.name).toBe("预算执行情况");
    const budget = fake.sheet("预算执行情况");
    expect(budget.at("A1").value).toBe("2024年度部门整体支出预算执行情况表");
    expect(budget.at("D2").value).toBe("单位：万元");
    expect(budget.at("B4").value).toBe("年初预算数");
    expect(budget.at("D5").value).toBe(110);
    expect(budget.at("D5").numberFormat).toBe("#,##0.00");
    expect(budget.at("A5").value).toBe("年度资金总额");
    // Input sheets keep their gridlines.
    expect(budget.showGridlines).toBe(true);
    expect(fake.sheet("绩效指标 (2)").at("D5").value).toBe("100%");
    expect(fake.sheet("绩效指标 (2)").at("D5").numberFormat).toBe("@");
    expect(fake.syncCount).toBe(3);
  });

  test("the inserted template is read back clean but for its placeholder 部门名称", async () => {
    const empty = new FakeExcel();
    empty.addSheet("Sheet1");
    const restore = empty.installOfficeGlobal();
    try {
      const host = hostOn(empty);
      await host.insertTemplate("zh-CN");
      const { evaluation } = await check(host, {});
      expect(evaluation.findings.map((f) => [f.rule, f.cells])).toEqual([
        ["quality.placeholder", [{ sheet: "部门基本情况", address: "B4" }]],
      ]);
      expect(evaluation.tables.map((t) => t.kind)).toEqual(["budget", "expenditure", "indicators", "info"]);
      expect(evaluation.score?.total).toBe(99.17);
    } finally {
      restore();
    }
  });

  test("a protected workbook structure: a clear message and no sheet added", async () => {
    fake.model.protected = true;
    const failure = hostOn(fake).insertTemplate("en-US");
    await expect(failure).rejects.toMatchObject({ problem: "protected" });
    const error = await failure.catch((e: unknown) => e);
    // The gateway words protection; the host must hand on the workbook-structure case, not a general failure.
    expect(describeError(error, "en-US")).toBe(protectedError({ workbook: true }).messageIn("en-US"));
    expect(describeError(error, "en-US")).toMatch(/^The workbook's structure is protected/);
    expect(fake.sheetNames()).toEqual(["表1 预算执行", "表2 绩效指标"]);
  });
});

describe("settings and marks", () => {
  test("settings are saved in the document settings and survive closing and reopening", async () => {
    const host = hostOn(fake);
    expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const chosen = {
      ...DEFAULT_SETTINGS,
      toleranceInUnit: 0.05,
      reportLang: "en-US" as const,
      executionCaps: true,
    };
    await host.saveSettings(chosen);
    expect(fake.office.settings.saveCount).toBe(1);
    fake.office.settings.reload();
    expect(await host.loadSettings()).toEqual(chosen);
  });

  test("marking colours the findings' cells and clearing gives the original fills back", async () => {
    fake.sheet("表1 预算执行").at("D11").fill = { color: "#92D050", pattern: "Solid" };
    const host = hostOn(fake);
    const { evaluation } = await check(host, {});
    const marked = await host.highlight(evaluation.findings);
    expect(marked).toEqual({ cells: 7, protectedSheets: [], truncated: false });
    expect(fake.sheet("表1 预算执行").at("D11").fill?.color).toBe("#FFC7CE");
    const cleared = await host.clearHighlights();
    expect(cleared).toEqual({ cells: 7, protectedSheets: [], truncated: false });
    expect(fake.sheet("表1 预算执行").at("D11").fill?.color).toBe("#92D050");
  });
});

test("without office.js the host says Excel is not ready instead of failing on an undefined", async () => {
  restoreOffice();
  restoreOffice = () => undefined;
  const host = createOfficeHost();
  await expect(host.read()).rejects.toBeInstanceOf(AppError);
  await expect(host.read()).rejects.toMatchObject({ problem: "office-not-ready" });
  await expect(host.loadSettings()).rejects.toMatchObject({ problem: "office-not-ready" });
});
