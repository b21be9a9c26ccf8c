/**
 * Nothing lost inside Excel (through the recording fake of the Excel API): the user's sheets — names, order,
 * visibility, protection, every cell's value, formula, number format, fill, font, borders, alignment, merges, sizes,
 * page layout — are the same before and after 一键生成 (twice), 一致性检查 (pane and ribbon), 标记 + 清除标记 and
 * 插入模板; and a sync that fails at any point of writing leaves no half-written report behind.
 */
import { readFileSync } from "fs";
import { createOfficeHost } from "../../src/app/hosts";
import {
  check,
  checkToSheet,
  clearMarks,
  generate,
  insertTemplate,
  markFindings,
} from "../../src/app/pipeline";
import type { WorkbookHost } from "../../src/app/host";
import { MARKER_SHEET_NAME } from "../../src/engine/report/sheet-names";
import { SAMPLE_XLSX } from "../cli/run-cli";
import { xlsxInFake } from "../excel/xlsx-in-fake";
import { FakeExcel, type FakeCell, type FakeSheet } from "../fakes/excel-fake";

const USER_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况", "底稿", "封面"];
const REPORT_SHEETS = ["绩效自评表", "自评报告", "核查结果", MARKER_SHEET_NAME];

/** The sample as opened in Excel, with what a real workbook also carries: fills, formats, a formula, a hidden and a
 * protected sheet, sizes, a frozen header, and text that must stay text. Two figures are off so there is something to
 * mark. */
async function accountantsWorkbook(): Promise<FakeExcel> {
  const fake = await xlsxInFake(readFileSync(SAMPLE_XLSX));
  const budget = fake.sheet("表一 预算执行情况");
  budget.at("D5").fill = { color: "#FFFF00", pattern: "Solid" }; // the user's own highlight on a cell we will mark
  budget.at("D12").fill = { color: "#C6EFCE", pattern: "Solid" };
  for (const a of ["B5", "C5", "D5", "D12", "D13"]) budget.at(a).numberFormat = "#,##0.00";
  budget.at("D5").formula = "=D12+D13";
  budget.at("D12").value = 256.8; // 基本支出 + 项目支出 no longer equals 年度资金总额
  budget.columnWidths.set(0, 180);
  budget.rowHeights.set(0, 30);
  budget.freeze = { rows: 4, cols: 1 };
  budget.pageLayout.orientation = "Landscape";
  const exp = fake.sheet("表二 支出决算表");
  exp.at("C8").value = 1803600; // a 项 that does not add up
  exp.at("C8").font = { ...exp.at("C8").font, bold: true, color: "#FF0000" };
  exp.at("B8").borders = { EdgeBottom: { style: "Continuous", weight: "Thin", color: "#000000" } };
  // The department's name as the title caption gives it, and reasons, written like formulas: they stay text.
  budget.at("A2").value = '预算部门名称：=HYPERLINK("http://example.invalid","点我")';
  const indicators = fake.sheet("表三 绩效指标");
  indicators.at("H17").value = "=1+1 部分企业对园区配套设施建设进度不够满意";
  indicators.at("H5").value = "-2 偏差：合同引资额统计口径调整";
  const info = fake.sheet("部门基本情况");
  info.at("B3").value = '=HYPERLINK("http://example.invalid","点我")';
  info.at("B3").numberFormat = "@";
  info.at("B9").value = "-1+2 年初预算与全年预算相差较大";
  info.at("B9").numberFormat = "@";
  fake.addSheet("底稿", {
    rows: [
      ["凭证号", "金额"],
      ["记-1", 100],
    ],
    visibility: "Hidden",
  });
  fake.addSheet("封面", { rows: [["2023年度部门整体支出绩效自评"]], protected: true, merges: ["A1:F3"] });
  return fake;
}

function hostOn(fake: FakeExcel): WorkbookHost {
  return createOfficeHost({
    run: (batch) => fake.run(batch),
    settings: fake.office.settings,
    today: () => new Date(2024, 2, 1),
  });
}

const PRISTINE = JSON.stringify(new FakeExcel().addSheet("x").cell(0, 0));

/** Everything the user can see or print of a sheet, as JSON text (cells the gateway only touched are left out). */
function sheetState(s: FakeSheet): string {
  // Our hidden marker sheet is compared by its contents: a rolled-back run may leave the text format ("@") on empty
  // cells below its list, which nobody sees and which changes nothing the next run reads.
  const marker = s.name === MARKER_SHEET_NAME;
  const cells: [number, FakeCell][] = [...s.cells]
    .filter(([, c]) => (marker ? c.value !== null || c.formula !== null : JSON.stringify(c) !== PRISTINE))
    .sort(([a], [b]) => a - b);
  return JSON.stringify({
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    showGridlines: s.showGridlines,
    tabColor: s.tabColor,
    cells,
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    columnWidths: [...s.columnWidths].sort(([a], [b]) => a - b),
    rowHeights: [...s.rowHeights].sort(([a], [b]) => a - b),
    freeze: s.freeze,
    pageLayout: s.pageLayout,
    charts: s.charts.map((c) => ({ ...c, source: { sheet: c.source.sheet.name, rect: c.source.rect } })),
    customProperties: [...s.customProperties],
  });
}

/**
 * The user's sheets first, in their order; our sheets after them in any order (a re-run may leave the marker before
 * the new report sheets). Returned as one sorted list once the user's come first.
 */
function sheetsInOrder(fake: FakeExcel): string[] {
  const names = fake.sheetNames();
  expect(names.slice(0, USER_SHEETS.length)).toEqual(USER_SHEETS);
  return [...names].sort();
}

/** The user's sheets, in tab order, each in full. */
function userState(fake: FakeExcel): string[] {
  return fake.model.sheets.filter((s) => USER_SHEETS.includes(s.name)).map(sheetState);
}

/** Every sheet of the workbook, ours included, in tab order. */
function wholeState(fake: FakeExcel): string[] {
  return fake.model.sheets.map(sheetState);
}

/** Compares sheet by sheet, so a failure names the sheet rather than printing the whole workbook. */
function expectSame(after: string[], before: string[]): void {
  expect(after.length).toBe(before.length);
  after.forEach((s, i) => {
    const name = (JSON.parse(before[i]) as { name: string }).name;
    expect({ sheet: name, same: s === before[i] }).toEqual({ sheet: name, same: true });
  });
}

let fake: FakeExcel;
let host: WorkbookHost;
let restoreOffice: () => void;

beforeEach(async () => {
  fake = await accountantsWorkbook();
  host = hostOn(fake);
  restoreOffice = fake.installOfficeGlobal();
});

afterEach(() => restoreOffice());

describe("the user's sheets are identical before and after", () => {
  it("一键生成, run twice: only our sheets are added, then replaced", async () => {
    const before = userState(fake);
    const first = await generate(host, {}, "zh-CN");
    expect(first.evaluation.summary.error).toBeGreaterThan(0);
    expect(fake.sheetNames()).toEqual([...USER_SHEETS, ...REPORT_SHEETS]);
    expectSame(userState(fake), before);

    await generate(host, {}, "zh-CN");
    expect(sheetsInOrder(fake)).toEqual([...USER_SHEETS, ...REPORT_SHEETS].sort());
    expectSame(userState(fake), before);
  });

  it("一键生成 writes the user's text as text: no formula anywhere in our sheets, '@' on text that looks like one", async () => {
    await generate(host, {}, "zh-CN");
    const risky: string[] = [];
    for (const name of REPORT_SHEETS) {
      for (const c of fake.sheet(name).cells.values()) {
        expect(c.formula).toBeNull();
        if (typeof c.value === "string" && /^[=+\-@\t\r]/.test(c.value)) {
          expect(c.numberFormat).toBe("@");
          risky.push(c.value.slice(0, 5));
        }
      }
    }
    expect(risky).toEqual(expect.arrayContaining(["=HYPE", "=1+1 ", "-2 偏差"]));
  });

  it("一致性检查 in the pane changes nothing at all", async () => {
    const before = wholeState(fake);
    const { evaluation } = await check(host, {});
    expect(evaluation.findings.length).toBeGreaterThan(0);
    expectSame(wholeState(fake), before);
  });

  it("一致性检查 from the ribbon adds the report sheets and nothing else", async () => {
    const before = userState(fake);
    const { sheets } = await checkToSheet(host, {}, "zh-CN");
    expect(sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expectSame(userState(fake), before);
  });

  it("标记问题单元格 then 清除标记 gives every cell its fill back, the user's yellow included", async () => {
    const before = wholeState(fake);
    const { evaluation } = await check(host, {});
    const marked = await markFindings(host, evaluation.findings);
    expect(marked.cells).toBeGreaterThan(0);
    expect(marked.protectedSheets).toEqual([]);
    expect(fake.sheet("表一 预算执行情况").at("D5").fill?.color).not.toBe("#FFFF00");
    await clearMarks(host);
    expectSame(wholeState(fake), before);
  });

  it("插入模板 adds sheets under new names and touches none of the user's", async () => {
    const before = userState(fake);
    const added = await insertTemplate(host, "zh-CN");
    expect(added.length).toBeGreaterThan(0);
    for (const name of added) expect(USER_SHEETS).not.toContain(name);
    expectSame(userState(fake), before);
  });
});

describe("a sync that fails part-way through writing leaves no half-written report", () => {
  /** How many syncs a successful 一键生成 takes on this workbook (reads included). */
  async function syncsOfGenerate(prepare: (f: FakeExcel, h: WorkbookHost) => Promise<void>): Promise<number> {
    const probe = await accountantsWorkbook();
    const undo = probe.installOfficeGlobal();
    try {
      const h = hostOn(probe);
      await prepare(probe, h);
      probe.resetSyncLog();
      await generate(h, {}, "zh-CN");
      return probe.syncCount;
    } finally {
      undo();
    }
  }

  async function everyFailure(
    prepare: (f: FakeExcel, h: WorkbookHost) => Promise<void>,
  ): Promise<{ failedAt: number; outcome: string }[]> {
    const total = await syncsOfGenerate(prepare);
    expect(total).toBeGreaterThan(3);
    const outcomes: { failedAt: number; outcome: string }[] = [];
    for (let n = 1; n <= total; n++) {
      const f = await accountantsWorkbook();
      const undo = f.installOfficeGlobal();
      try {
        const h = hostOn(f);
        await prepare(f, h);
        const before = wholeState(f);
        const userBefore = userState(f);
        f.resetSyncLog();
        f.failSync(n, { afterOperations: "half" });
        let outcome: string;
        try {
          const done = await generate(h, {}, "zh-CN");
          // Only the finishing touches (print setup, chart) may fail without failing the run: the report is complete
          // and the user is told what is missing.
          expect(done.notices.length).toBeGreaterThan(0);
          expect(sheetsInOrder(f)).toEqual([...USER_SHEETS, ...REPORT_SHEETS].sort());
          expectSame(userState(f), userBefore);
          outcome = "complete, with a notice";
        } catch {
          // Anything else: the workbook is exactly as it was — no new sheet, no temporary sheet, old report intact.
          expectSame(wholeState(f), before);
          outcome = "rolled back";
        }
        outcomes.push({ failedAt: n, outcome });
      } finally {
        undo();
      }
    }
    return outcomes;
  }

  it("on the first run: the workbook is as it was, or the report is complete", async () => {
    const outcomes = await everyFailure(async () => undefined);
    expect(outcomes.filter((o) => o.outcome === "rolled back").length).toBeGreaterThan(2);
  });

  it("on a re-run: the previous report survives whole, or the new one is complete", async () => {
    const outcomes = await everyFailure(async (_f, h) => {
      await generate(h, {}, "zh-CN");
    });
    expect(outcomes.filter((o) => o.outcome === "rolled back").length).toBeGreaterThan(2);
  });
});
