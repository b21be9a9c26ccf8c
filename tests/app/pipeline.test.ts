/**
 * The pipeline over a fake host: what each user action reads, computes and writes, the progress steps it reports,
 * and that the engine's results reach the caller unchanged.
 */
import { AppError } from "../../src/app/errors";
import {
  cellsToSelect,
  check,
  checkToSheet,
  clearMarks,
  generate,
  generateToSheets,
  markFindings,
  missingTablesFindings,
  openReportSheet,
  score,
  showFinding,
  type Progress,
} from "../../src/app/pipeline";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { Finding } from "../../src/engine/findings";
import { localized } from "../../src/engine/i18n";
import { buildReport, type SheetSpec } from "../../src/engine/report/index";
import { sheet, workbook } from "../helpers/grid";
import { INDICATOR_HEADER_REQUIRED } from "../fixtures/seed";
import { FakeWorkbookHost } from "./fake-host";
import { BUDGET_SHEET, fixtureSnapshot } from "./fixtures";

/** The 说明 column (H) of a 核查结果 sheet, below its header row: one message per finding, in the sheet's order. */
function messagesOf(findingsSheet: SheetSpec): string[] {
  return findingsSheet.cells
    .filter((c) => c.col === 7 && c.row > 2 && typeof c.value === "string")
    .sort((a, b) => a.row - b.row)
    .map((c) => c.value as string);
}

function progressLog(): { log: string[]; listener: (p: Progress) => void } {
  const log: string[] = [];
  return { log, listener: (p) => log.push(`${p.index + 1}/${p.steps.length} ${p.step}`) };
}

describe("generate", () => {
  test("reads, evaluates, writes the report and reports the four steps in order", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const { log, listener } = progressLog();
    const outcome = await generate(host, {}, "zh-CN", listener);

    expect(log).toEqual(["1/4 read", "2/4 check", "3/4 score", "4/4 write"]);
    expect(host.calls).toEqual(["read", "writeReport"]);
    expect(outcome.evaluation.score?.total).toBe(65);
    expect(outcome.evaluation.score?.grade).toBe("中");
    expect(outcome.evaluation.score?.execution.rate).toBe(1);
    // The warning: the fixture's indicators cover 产出 only (quality.coverage).
    expect(outcome.evaluation.summary).toEqual({ error: 3, warning: 1, notice: 1 });
    expect(outcome.evaluation.department).toBe("衡山县贯塘乡人民政府");
    expect(outcome.sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(outcome.notices).toEqual([]);
    expect(outcome.lang).toBe("zh-CN");
  });

  test("writes exactly the spec the engine builds for the evaluation, in the asked language", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await generate(host, {}, "en-US");
    const expected = buildReport(evaluateWorkbook(fixtureSnapshot()), "en-US");
    expect(host.written).toEqual([expected]);
    expect(host.written[0].sheets.map((s) => s.name)).toEqual([
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
    ]);
  });

  test("passes the scoring options through: execution caps lower the total of a 76% execution", async () => {
    const low = workbook(
      sheet(BUDGET_SHEET.name, [
        ["年度预算申请", "全年预算数", "全年执行数"],
        ["年度资金总额", 100, 76],
      ]),
      sheet("指标", [
        [...INDICATOR_HEADER_REQUIRED],
        ["产出指标", "数量指标", "完成项目数", "≥5个", "5个", 90],
      ]),
    );
    const plain = await generate(new FakeWorkbookHost(low), {}, "zh-CN");
    const capped = await generate(new FakeWorkbookHost(low), { executionCaps: true }, "zh-CN");
    expect(plain.evaluation.score?.total).toBe(97.6);
    expect(capped.evaluation.score?.total).toBe(89);
    expect(capped.evaluation.score?.cappedFrom).toBe(97.6);
  });

  test("a workbook without the indicators writes nothing and says which table is missing", async () => {
    const host = new FakeWorkbookHost(
      workbook(sheet(BUDGET_SHEET.name, BUDGET_SHEET.rows, { merges: BUDGET_SHEET.merges })),
    );
    const { log, listener } = progressLog();
    const failure = generate(host, {}, "zh-CN", listener);
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ problem: "missing-tables" });
    await expect(failure).rejects.toThrow(
      'The workbook has no indicators table (indicator, target, actual, weight), so the report cannot be written. Check the header labels, or use "Insert template" and fill it in.',
    );
    expect(host.calls).toEqual(["read"]);
    expect(host.written).toEqual([]);
    expect(log).toEqual(["1/4 read", "2/4 check"]);
  });

  test("a host failure while writing reaches the caller as it was thrown", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const protectedSheet = Object.assign(new Error("protected"), { messageIn: () => "受保护" });
    host.fail("writeReport", protectedSheet);
    await expect(generate(host, {}, "zh-CN")).rejects.toBe(protectedSheet);
  });
});

describe("check and score", () => {
  test("check reads and evaluates without writing, in two steps", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const { log, listener } = progressLog();
    const { evaluation } = await check(host, {}, listener);
    expect(log).toEqual(["1/2 read", "2/2 check"]);
    expect(host.calls).toEqual(["read"]);
    expect(evaluation.findings.map((f) => [f.rule, f.cells[0].address])).toEqual([
      ["sum.breakdown", "D5"],
      ["value.missing", "E4"],
      ["indicator.qualitative-tier", "G5"],
      ["quality.coverage", "B2"],
      ["value.text", "D7"],
    ]);
  });

  test("the tolerance reaches the checker: 104.45 万元 within a tolerance of 200 is a notice", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const { evaluation } = await check(host, { toleranceInUnit: 200 });
    const breakdown = evaluation.findings.find((f) => f.rule !== "value.text" && f.table === "budget");
    expect(breakdown?.rule).toBe("sum.rounding");
    expect(breakdown?.severity).toBe("notice");
    expect(breakdown?.differenceFen).toBe(104_450_000);
  });

  test("score reports three steps and the indicators' scores", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const { log, listener } = progressLog();
    const { evaluation } = await score(host, {}, listener);
    expect(log).toEqual(["1/3 read", "2/3 check", "3/3 score"]);
    expect(evaluation.score?.indicators.map((i) => [i.name, i.score, i.status])).toEqual([
      ["完成道路硬化", 24, "partial"],
      ["工程验收合格率", 0, "missing"],
      ["群众出行条件", 21, "partial"],
      ["群众满意度", 10, "full"],
    ]);
    expect(host.written).toEqual([]);
  });

  test("checkToSheet writes the report when the tables are there, and the 核查结果 sheet alone when they are not", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const done = await checkToSheet(host, {}, "zh-CN");
    expect(done.sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(done.missing).toEqual([]);
    expect(host.calls).toEqual(["read", "writeReport"]);

    const partial = new FakeWorkbookHost(
      workbook(sheet("表1", BUDGET_SHEET.rows, { merges: BUDGET_SHEET.merges })),
    );
    const none = await checkToSheet(partial, {}, "zh-CN");
    expect(none.sheets).toEqual({ findings: "核查结果" });
    expect(none.missing).toEqual(["indicators"]);
    expect(none.evaluation.summary).toEqual({ error: 1, warning: 0, notice: 1 });
    expect(partial.calls).toEqual(["read", "writeReport"]);
    expect(partial.written.map((spec) => spec.sheets.map((s) => s.key))).toEqual([["findings"]]);
    // The sheet's 说明 column, by severity then table (as the pane groups them): the budget block's error, the missing
    // indicators table, then the budget block's notice.
    expect(messagesOf(partial.written[0].sheets[0])).toEqual([
      "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，年度资金总额填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和\n相关单元格：表1!D11、表1!D12",
      "工作簿中没有找到绩效指标表（指标、指标值、完成值、分值），无法生成自评报告。请检查表头文字，或点击“插入模板”按模板填写。",
      "一般公共预算（全年执行数）：金额 1,325.68 万元 以文本形式存储，已按数值读取，建议改为数值格式",
    ]);
  });

  test("generateToSheets writes the whole report, or the 核查结果 sheet alone in the report's language", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const done = await generateToSheets(host, {}, "zh-CN");
    expect(done.sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(host.written[0]).toEqual(buildReport(done.evaluation, "zh-CN"));

    const partial = new FakeWorkbookHost(
      workbook(sheet("表1", BUDGET_SHEET.rows, { merges: BUDGET_SHEET.merges })),
    );
    const none = await generateToSheets(partial, {}, "en-US");
    expect(none.sheets).toEqual({ findings: "Check Results" });
    expect(none.missing).toEqual(["indicators"]);
    expect(messagesOf(partial.written[0].sheets[0])[1]).toBe(
      'The workbook has no indicators table (indicator, target, actual, weight), so the report cannot be written. Check the header labels, or use "Insert template" and fill it in.',
    );
  });

  test("a workbook with no known table at all: the checker's table.missing says it, once", async () => {
    const host = new FakeWorkbookHost(workbook(sheet("Sheet1", [["会议纪要"], ["2023年12月"]])));
    const outcome = await checkToSheet(host, {}, "zh-CN");
    expect(outcome.missing).toEqual(["budget", "indicators"]);
    expect(missingTablesFindings(outcome.evaluation, outcome.missing)).toEqual([]);
    expect(messagesOf(host.written[0].sheets[0])).toEqual([
      "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
    ]);
  });
});

describe("cells", () => {
  const finding = (cells: { sheet: string; address: string }[]): Finding => ({
    rule: "cross.sheet",
    severity: "error",
    cells,
    expectedFen: null,
    actualFen: null,
    differenceFen: null,
    message: localized("跨表不符", "Tables disagree"),
  });

  test("a finding's cells on the sheet of its first cell are selected, that sheet first", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const f = finding([
      { sheet: "表2 支出决算", address: "C5" },
      { sheet: "表1 预算执行", address: "D5" },
      { sheet: "表2 支出决算", address: "D5" },
      { sheet: "表2 支出决算", address: "C5" },
    ]);
    expect(cellsToSelect(f)).toEqual({ sheet: "表2 支出决算", addresses: ["C5", "D5"] });
    expect(await showFinding(host, f)).toBe(true);
    expect(host.selections).toEqual([{ sheet: "表2 支出决算", addresses: ["C5", "D5"] }]);
  });

  test("a finding without cells selects nothing", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    expect(await showFinding(host, finding([]))).toBe(false);
    expect(host.calls).toEqual([]);
  });

  test("marking passes only findings with cells; clearing and opening the report go to the host", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const withCells = finding([{ sheet: "表1 预算执行", address: "D5" }]);
    expect(await markFindings(host, [withCells, finding([])])).toEqual({
      cells: 4,
      protectedSheets: [],
      truncated: false,
    });
    expect(host.highlighted).toEqual([[withCells]]);
    await clearMarks(host);
    await openReportSheet(
      host,
      { table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" },
      "findings",
    );
    expect(host.calls).toEqual(["highlight", "clearHighlights", "selectCells"]);
    expect(host.selections).toEqual([{ sheet: "核查结果 (2)", addresses: ["A1"] }]);
  });
});
