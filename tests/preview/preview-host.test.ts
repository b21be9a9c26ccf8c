/**
 * The preview's WorkbookHost over an in-memory .xlsx: it reads what the CLI reads, writes the same report sheets as
 * `selfeval generate`, selects and marks cells, restores fills exactly, inserts the template, and refuses a file that
 * is not a workbook without losing the one that is open.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { generate, showFinding } from "../../src/app/pipeline";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport } from "../../src/engine/report/index";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { WorkbookReadError } from "../../src/gateway/xlsx/read-error";
import { HIGHLIGHT_COLORS } from "../../src/engine/marks";
import { PreviewWorkbookHost } from "../../src/preview/preview-host";
import { generateXlsx } from "../gateway/generate-xlsx";
import { BROKEN_CELL, BROKEN_SHEET, brokenSampleBytes, sampleBytes } from "./sample-workbook";

const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];
const REPORT_SHEETS = ["绩效自评表", "自评报告", "核查结果"];

async function openSample(): Promise<PreviewWorkbookHost> {
  const host = new PreviewWorkbookHost();
  await host.open(sampleBytes(), "样例.xlsx", { sample: true });
  return host;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

describe("PreviewWorkbookHost: opening", () => {
  it("has no workbook until one is opened, and says so in the user's words", async () => {
    const host = new PreviewWorkbookHost();
    expect(host.hasWorkbook).toBe(false);
    expect(host.getState().sheets).toEqual([]);
    await expect(host.read()).rejects.toMatchObject({ problem: "no-workbook" });
  });

  it("opens the sample: the sheet tabs, the first one active, the file name and a new revision", async () => {
    const host = new PreviewWorkbookHost();
    const seen: number[] = [];
    host.subscribe(() => seen.push(host.getState().revision));
    await host.open(sampleBytes(), "样例.xlsx", { sample: true });
    const state = host.getState();
    expect(state.sheets.map((s) => s.name)).toEqual(INPUT_SHEETS);
    expect(state.sheets.every((s) => !s.report)).toBe(true);
    expect(state.activeSheet).toBe("表一 预算执行情况");
    expect(state.fileName).toBe("样例.xlsx");
    expect(state.isSample).toBe(true);
    expect(state.revision).toBe(1);
    expect(state.reportSheets).toBeNull();
    expect(seen.at(-1)).toBe(1);
  });

  it("reads the same snapshot as the .xlsx reader", async () => {
    const host = await openSample();
    expect(await host.read()).toEqual(await readXlsxBuffer(sampleBytes()));
  });

  it("keeps the open workbook when the new file is not an .xlsx", async () => {
    const host = await openSample();
    const csv = new TextEncoder().encode("项目,金额\n合计,1\n");
    const error = await host.open(csv, "export.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe("text-file");
    expect(host.getState().fileName).toBe("样例.xlsx");
    expect(host.getState().revision).toBe(1);
  });
});

describe("PreviewWorkbookHost: the report", () => {
  it("writes the three report sheets through the pipeline and shows the 自评表", async () => {
    const host = await openSample();
    const outcome = await generate(host, {}, "zh-CN");
    expect(outcome.sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(outcome.notices).toEqual([]);
    expect(outcome.evaluation.score?.total).toBe(99.78);
    const state = host.getState();
    expect(state.sheets.map((s) => [s.name, s.report])).toEqual([
      ...INPUT_SHEETS.map((n) => [n, false]),
      ...REPORT_SHEETS.map((n) => [n, true]),
    ]);
    expect(state.activeSheet).toBe("绩效自评表");
    expect(state.reportSheets).toEqual(outcome.sheets);
  });

  it("saves exactly the cells `selfeval generate` writes", async () => {
    const host = await openSample();
    await generate(host, {}, "zh-CN");
    const ours = await loadWorkbook(await host.toBytes());
    const cli = await generateXlsx(sampleBytes(), {}, "zh-CN");
    const theirs = await loadWorkbook(cli.buffer!);
    expect(ours.worksheets.map((w) => w.name)).toEqual(theirs.worksheets.map((w) => w.name));
    expect(ours.worksheets.map((w) => w.name)).toEqual([...INPUT_SHEETS, ...REPORT_SHEETS, "_selfeval"]);
    for (const name of REPORT_SHEETS) {
      const a = ours.getWorksheet(name)!;
      const b = theirs.getWorksheet(name)!;
      expect(a.rowCount).toBe(b.rowCount);
      const cells: [string, unknown][] = [];
      const expected: [string, unknown][] = [];
      a.eachRow((row) => row.eachCell((c) => cells.push([c.address, c.value])));
      b.eachRow((row) => row.eachCell((c) => expected.push([c.address, c.value])));
      expect(cells).toEqual(expected);
    }
  });

  it("replaces its own sheets on a re-run and reads the user's sheets only", async () => {
    const host = await openSample();
    await generate(host, {}, "zh-CN");
    const again = await generate(host, {}, "en-US");
    expect(again.sheets).toEqual({
      table: "Self-Evaluation Table",
      report: "Self-Evaluation Report",
      findings: "Check Results",
    });
    expect(host.getState().sheets.map((s) => s.name)).toEqual([
      ...INPUT_SHEETS,
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
    ]);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(INPUT_SHEETS);
  });

  it("opened again from its own download, it leaves the earlier report sheets out of what it reads", async () => {
    const first = await openSample();
    await generate(first, {}, "zh-CN");
    const host = new PreviewWorkbookHost();
    await host.open(await first.toBytes(), "报告.xlsx");
    expect(
      host
        .getState()
        .sheets.filter((s) => s.report)
        .map((s) => s.name),
    ).toEqual(REPORT_SHEETS);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(INPUT_SHEETS);
  });
});

describe("PreviewWorkbookHost: showing and marking cells", () => {
  it("a click on a finding activates its sheet and selects its cell", async () => {
    const host = new PreviewWorkbookHost();
    await host.open(await brokenSampleBytes(), "改动.xlsx");
    const evaluation = evaluateWorkbook(await host.read());
    const finding = evaluation.findings.find((f) => f.rule === "sum.breakdown")!;
    // The total first, then the parts it was compared with (一般公共预算, 政府性基金, …, in the same column).
    expect(finding.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(
      ["D5", "D7", "D8", "D9", "D10"].map((a) => `${BROKEN_SHEET}!${a}`),
    );
    host.activate("表三 绩效指标");
    expect(await showFinding(host, finding)).toBe(true);
    const state = host.getState();
    expect(state.activeSheet).toBe(BROKEN_SHEET);
    expect(state.selection).toEqual({
      sheet: BROKEN_SHEET,
      addresses: ["D5", "D7", "D8", "D9", "D10"],
      seq: 1,
    });
    await host.selectCells(BROKEN_SHEET, [BROKEN_CELL]);
    expect(host.getState().selection?.seq).toBe(2);
  });

  it("refuses to select on a sheet that is not there", async () => {
    const host = await openSample();
    await expect(host.selectCells("绩效自评表", ["A1"])).rejects.toMatchObject({ problem: "report-missing" });
  });

  it("colours the findings' cells and puts back exactly the fills they had", async () => {
    const host = await openSample();
    const before = await loadWorkbook(await host.toBytes());
    const fillOf = (wb: ExcelJS.Workbook, sheet: string, address: string) =>
      JSON.parse(JSON.stringify(wb.getWorksheet(sheet)!.getCell(address).fill ?? null)) as unknown;
    const findings = [
      {
        rule: "sum.row" as const,
        severity: "warning" as const,
        cells: [{ sheet: "表二 支出决算表", address: "C5:D5" }],
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        message: { "zh-CN": "", "en-US": "" },
      },
      {
        rule: "sum.breakdown" as const,
        severity: "error" as const,
        cells: [
          { sheet: "表一 预算执行情况", address: "B4" },
          { sheet: "表二 支出决算表", address: "D5" },
        ],
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        message: { "zh-CN": "", "en-US": "" },
      },
    ];
    // B4 is a header with a fill of its own; C5 and D5 have none.
    const headerFill = fillOf(before, "表一 预算执行情况", "B4");
    const marked = await host.highlight(findings);
    expect(marked).toEqual({ cells: 3, protectedSheets: [], truncated: false });
    const during = await loadWorkbook(await host.toBytes());
    const argbOf = (sheet: string, address: string) =>
      (during.getWorksheet(sheet)!.getCell(address).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(argbOf("表二 支出决算表", "C5")).toBe(`FF${HIGHLIGHT_COLORS.warning.slice(1)}`);
    // The error wins over the warning on D5.
    expect(argbOf("表二 支出决算表", "D5")).toBe(`FF${HIGHLIGHT_COLORS.error.slice(1)}`);
    expect(argbOf("表一 预算执行情况", "B4")).toBe(`FF${HIGHLIGHT_COLORS.error.slice(1)}`);
    // The grid shows the colour too.
    const view = host.getState().sheets.find((s) => s.name === "表二 支出决算表")!;
    const c5 = view.rows[4][2];
    expect(typeof c5 === "object" && c5?.style?.fill).toBe(HIGHLIGHT_COLORS.warning);

    // Marking twice must not save our own colour as the original.
    await host.highlight(findings);
    const cleared = await host.clearHighlights();
    expect(cleared).toEqual({ cells: 3, protectedSheets: [], truncated: false });
    const after = await loadWorkbook(await host.toBytes());
    expect(fillOf(after, "表一 预算执行情况", "B4")).toEqual(headerFill);
    for (const address of ["C5", "D5"]) {
      const fill = after.getWorksheet("表二 支出决算表")!.getCell(address).fill as
        ExcelJS.FillPattern | undefined;
      expect(fill === undefined || fill.pattern === "none").toBe(true);
    }
    expect(await host.clearHighlights()).toEqual({ cells: 0, protectedSheets: [], truncated: false });
  });
});

describe("PreviewWorkbookHost: template and settings", () => {
  it("inserts the template under free names, shows it and reads it with the user's sheets", async () => {
    const host = await openSample();
    const names = await host.insertTemplate("zh-CN");
    expect(names).toEqual(["预算执行情况", "支出决算表", "绩效指标", "部门基本情况 (2)"]);
    expect(host.getState().activeSheet).toBe("预算执行情况");
    expect(host.getState().sheets.map((s) => s.name)).toEqual([...INPUT_SHEETS, ...names]);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual([...INPUT_SHEETS, ...names]);
  });

  it("keeps settings for the page, normalised, also when another workbook is opened", async () => {
    const host = await openSample();
    const defaults = await host.loadSettings();
    expect(defaults.toleranceInUnit).toBe(0.01);
    await host.saveSettings({ ...defaults, toleranceInUnit: 5, executionCaps: true });
    const saved = await host.loadSettings();
    expect(saved.toleranceInUnit).toBe(0.01); // out of range: back to the default
    expect(saved.executionCaps).toBe(true);
    await host.open(await brokenSampleBytes(), "改动.xlsx");
    expect(await host.loadSettings()).toEqual(saved);
  });
});

describe("PreviewWorkbookHost: the report spec written directly", () => {
  it("returns the planned names, avoiding a user's sheet called 核查结果", async () => {
    const wb = await loadWorkbook(sampleBytes());
    wb.addWorksheet("核查结果").getCell("A1").value = "我的笔记";
    const host = new PreviewWorkbookHost();
    await host.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "x.xlsx");
    const evaluation = evaluateWorkbook(await host.read());
    const written = await host.writeReport(buildReport(evaluation, "zh-CN"));
    expect(written.sheets.findings).toBe("核查结果 (2)");
    const out = await loadWorkbook(await host.toBytes());
    expect(out.getWorksheet("核查结果")!.getCell("A1").value).toBe("我的笔记");
  });

  it("a 核查结果 written alone replaces the report, shows itself and offers no report to download", async () => {
    const host = await openSample();
    await generate(host, {}, "zh-CN");
    const evaluation = evaluateWorkbook(await host.read());
    const full = buildReport(evaluation, "zh-CN");
    const written = await host.writeReport({ sheets: full.sheets.filter((s) => s.key === "findings") });
    expect(written.sheets).toEqual({ findings: "核查结果" });
    const state = host.getState();
    expect(state.sheets.map((s) => [s.name, s.report])).toEqual([
      ...INPUT_SHEETS.map((n) => [n, false]),
      ["核查结果", true],
    ]);
    expect(state.activeSheet).toBe("核查结果");
    expect(state.reportSheets).toBeNull();
  });
});

describe("PreviewWorkbookHost: another workbook", () => {
  it("tells the pane when another workbook is opened, not when the same one changes", async () => {
    const host = await openSample();
    const changes: number[] = [];
    const stop = host.onWorkbookChange(() => changes.push(host.getState().revision));
    await generate(host, {}, "zh-CN");
    await host.selectCells("表一 预算执行情况", ["A1"]);
    expect(changes).toEqual([]);
    await host.open(await brokenSampleBytes(), "改动.xlsx");
    expect(changes).toEqual([2]);
    // A file that cannot be read changes nothing.
    await host.open(new Uint8Array([1, 2, 3]), "坏.xlsx").catch(() => undefined);
    expect(changes).toEqual([2]);
    stop();
    await host.open(sampleBytes(), "样例.xlsx");
    expect(changes).toEqual([2]);
  });
});
