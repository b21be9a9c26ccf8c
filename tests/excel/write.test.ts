import { reportFingerprints } from "../../src/engine/report/sheet-names";
import { columnWidthToPoints, type ReportSpec, type SheetSpec } from "../../src/engine/report/spec";
import { ExcelGatewayError } from "../../src/gateway/office/errors";
import { writeReport } from "../../src/gateway/office/write";
import { readWorkbookDetailed } from "../../src/gateway/office/read";
import { FakeExcel, type FakeSheet } from "../fakes/excel-fake";
import {
  HOSTILE_DEPARTMENT,
  HOSTILE_NAME,
  HOSTILE_REASON,
  accountantWorkbook,
  generate,
  specFor,
} from "./report-fixture";

const sortRanges = <T extends { top: number; left: number }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.top - b.top || a.left - b.left);

/**
 * Every cell of the spec landed with its value, number format and style; merges, sizes and freeze as specified.
 * Differences are collected and compared once, so a 40,000-cell sheet is checked quickly and reported readably.
 */
function expectRendered(ws: FakeSheet, spec: SheetSpec): void {
  const diffs: string[] = [];
  const check = (at: string, what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      diffs.push(`${at} ${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };
  const sides = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" } as const;
  for (const c of spec.cells) {
    const cell = ws.cell(c.row, c.col);
    const style = spec.styles[c.styleId];
    const at = `${spec.key}!${c.row},${c.col}`;
    check(at, "formula", cell.formula, null);
    check(at, "value", cell.value, c.value);
    check(
      at,
      "numberFormat",
      cell.numberFormat,
      c.text || typeof c.value === "string" ? "@" : (style.numberFormat ?? "General"),
    );
    const f = style.font ?? {};
    if (f.name !== undefined) check(at, "font.name", cell.font.name, f.name);
    if (f.size !== undefined) check(at, "font.size", cell.font.size, f.size);
    if (f.bold !== undefined) check(at, "font.bold", cell.font.bold, f.bold);
    if (f.italic !== undefined) check(at, "font.italic", cell.font.italic, f.italic);
    if (f.color !== undefined) check(at, "font.color", cell.font.color, f.color.toUpperCase());
    check(at, "fill", cell.fill, style.fill ? { color: style.fill.toUpperCase(), pattern: "Solid" } : null);
    if (style.wrap !== undefined) check(at, "wrap", cell.wrapText, style.wrap);
    if (style.horizontal) check(at, "horizontal", cell.horizontalAlignment.toLowerCase(), style.horizontal);
    if (style.vertical) check(at, "vertical", cell.verticalAlignment.toLowerCase(), style.vertical);
    if (style.indent) check(at, "indent", cell.indentLevel, style.indent);
    for (const side of Object.keys(sides) as (keyof typeof sides)[]) {
      const want = style.borders?.[side];
      if (want)
        check(at, `border.${side}`, cell.borders[sides[side]]?.weight, want === "medium" ? "Medium" : "Thin");
    }
  }
  expect(diffs.slice(0, 20)).toEqual([]);
  expect(sortRanges(ws.merges)).toEqual(sortRanges(spec.merges));
  expect(spec.columnWidths.map((_, i) => ws.columnWidths.get(i))).toEqual(
    spec.columnWidths.map(columnWidthToPoints),
  );
  const rows = Object.keys(spec.rowHeights).map(Number);
  expect(rows.map((r) => ws.rowHeights.get(r))).toEqual(rows.map((r) => spec.rowHeights[r]));
  expect(ws.freeze).toEqual(
    spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0) ? spec.freeze : null,
  );
  expect(ws.showGridlines).toBe(false);
}

/** The marker's [name, key] rows (columns A:B, non-empty). */
function markerList(fake: FakeExcel): unknown[][] {
  const marker = fake.sheet("_selfeval");
  const rows: unknown[][] = [];
  for (let r = 0; r < 50; r++) {
    const a = marker.peek(r, 0)?.value ?? null;
    if (a !== null) rows.push([a, marker.peek(r, 1)?.value ?? null]);
  }
  return rows;
}

function sheetOf(spec: ReportSpec, key: SheetSpec["key"]): SheetSpec {
  return spec.sheets.find((s) => s.key === key) as SheetSpec;
}

/** A deep copy of what the user's sheets hold, to prove they were not touched. */
function userState(fake: FakeExcel, names: string[]): string {
  return JSON.stringify(
    names.map((n) => {
      const s = fake.sheet(n);
      return [n, s.visibility, [...s.cells.entries()], s.merges];
    }),
  );
}

describe("writeReport", () => {
  let restore: () => void;
  let fake: FakeExcel;
  beforeEach(() => {
    fake = accountantWorkbook(10);
    restore = fake.installOfficeGlobal();
  });
  afterEach(() => restore());

  test("values, number formats, styles, merges, sizes, links, print setup and chart land; four syncs", async () => {
    const before = userState(fake, ["自评表", "基本情况"]);
    const { spec, result } = await generate(fake);

    expect(result).toEqual({
      names: { table: "绩效自评表", report: "自评报告", findings: "核查结果" },
      notices: [],
    });
    expect(fake.sheetNames()).toEqual([
      "自评表",
      "基本情况",
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    expect(fake.syncCount).toBe(4);
    for (const sheet of spec.sheets) expectRendered(fake.sheet(result.names[sheet.key]), sheet);
    expect(userState(fake, ["自评表", "基本情况"])).toBe(before);

    const marker = fake.sheet("_selfeval");
    expect(marker.visibility).toBe("VeryHidden");
    const prints = reportFingerprints(spec);
    expect([0, 1, 2].map((r) => [0, 1, 2].map((c) => marker.cell(r, c).value))).toEqual([
      ["绩效自评表", "table", prints.table],
      ["自评报告", "report", prints.report],
      ["核查结果", "findings", prints.findings],
    ]);
    // The fingerprints describe the sheets as written: the title in A1 and where the values are.
    expect(prints.findings).toBe(`A1:H${fake.sheet("核查结果").usedRect(true)!.bottom + 1}|核查结果`);
    expect(fake.sheet("核查结果").at("A1").value).toBe("核查结果");
    expect(fake.model.active?.name).toBe("绩效自评表");

    const table = fake.sheet("绩效自评表");
    expect(table.pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$1:$2",
      centerFooter: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      printGridlines: false,
      leftMargin: 0.4 * 72,
      topMargin: 0.6 * 72,
    });
    expect(fake.sheet("核查结果").pageLayout.printTitleRows).toBe("$1:$3");

    // Links from 核查结果 point into the user's sheets with the cell's own text shown.
    const linked = sheetOf(spec, "findings").cells.filter((c) => c.hyperlink);
    expect(linked.length).toBeGreaterThan(0);
    for (const c of linked) {
      const cell = fake.sheet("核查结果").cell(c.row, c.col);
      expect(cell.hyperlink).toEqual({
        documentReference: `'${c.hyperlink?.sheet}'!${c.hyperlink?.address}`,
        textToDisplay: String(c.value),
      });
    }

    // The chart plots 得分 against 分值 per 一级指标 from data kept on the marker sheet.
    const chartSpec = sheetOf(spec, "table").chart;
    expect(chartSpec).toBeDefined();
    expect(table.charts).toHaveLength(1);
    const chart = table.charts[0];
    expect(chart).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", title: "得分与分值" });
    expect(chart.position).toEqual({
      start: `A${chartSpec!.anchor.row + 1}`,
      end: `H${chartSpec!.anchor.row + 16}`,
    });
    expect(chart.source.sheet).toBe(marker);
    const { rect } = chart.source;
    const plotted: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: unknown[] = [];
      for (let c = rect.left; c <= rect.right; c++) line.push(marker.cell(r, c).value);
      plotted.push(line);
    }
    expect(plotted).toEqual([
      [null, "得分", "分值"],
      ...chartSpec!.categories.map((cat, i) => [
        cat,
        chartSpec!.series[0].values[i],
        chartSpec!.series[1].values[i],
      ]),
    ]);
    expect(plotted[1]).toEqual(["预算执行率", 10, 10]);
  });

  test("user text is written with the text format first and stays text, never a formula", async () => {
    const { spec } = await generate(fake);
    const table = sheetOf(spec, "table");
    const department = table.cells.find((c) => c.value === HOSTILE_DEPARTMENT);
    const reason = table.cells.find((c) => c.value === HOSTILE_REASON);
    expect(department?.text).toBe(true);
    expect(reason?.text).toBe(true);
    for (const c of [department!, reason!]) {
      const cell = fake.sheet("绩效自评表").cell(c.row, c.col);
      expect(cell).toMatchObject({ value: c.value, formula: null, numberFormat: "@" });
    }
    const code = table.cells.find((c) => c.value === HOSTILE_NAME);
    expect(code?.text).toBe(true);
    expect(fake.sheet("绩效自评表").cell(code!.row, code!.col)).toMatchObject({
      value: "007",
      numberFormat: "@",
    });
    // The same texts typed without "@" would have become a formula and a number: the format is what protects them.
    fake.type("基本情况", "D1", HOSTILE_DEPARTMENT);
    fake.type("基本情况", "D2", HOSTILE_NAME);
    expect(fake.sheet("基本情况").at("D1")).toMatchObject({ formula: HOSTILE_DEPARTMENT, value: null });
    expect(fake.sheet("基本情况").at("D2")).toMatchObject({ formula: null, value: 7 });
  });

  test("the number of syncs does not grow with the report: 10 and 5,000 indicator rows, payloads under 4 MB", async () => {
    const small = await generate(fake);
    const smallSyncs = fake.syncCount;
    restore();
    const large = accountantWorkbook(5_000);
    restore = large.installOfficeGlobal();
    const big = await generate(large);

    expect(sheetOf(big.spec, "table").cells.length).toBeGreaterThan(
      20 * sheetOf(small.spec, "table").cells.length,
    );
    expect(large.syncCount).toBe(smallSyncs);
    expect(large.largestPayload).toBeLessThan(4_000_000);
    expectRendered(large.sheet("绩效自评表"), sheetOf(big.spec, "table"));
  });

  test("a name taken by the user's own sheet gets the next free number; the user's sheet is untouched", async () => {
    fake.addSheet("核查结果", { rows: [["我的核查记录", "2024-03-01"]] });
    const before = userState(fake, ["核查结果"]);
    const { result } = await generate(fake);
    expect(result.names).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" });
    expect(userState(fake, ["核查结果"])).toBe(before);
    expect(fake.sheetNames()).toEqual([
      "自评表",
      "基本情况",
      "核查结果",
      "绩效自评表",
      "自评报告",
      "核查结果 (2)",
      "_selfeval",
    ]);
  });

  test("re-running replaces only our sheets and keeps the user's", async () => {
    fake.addSheet("自评报告", { rows: [["用户自己写的报告草稿"]] });
    const first = await generate(fake);
    expect(first.result.names.report).toBe("自评报告 (2)");
    const userBefore = userState(fake, ["自评表", "基本情况", "自评报告"]);
    // A change inside our cells keeps the sheet ours (its fingerprint holds): it is replaced like the rest.
    fake.type("绩效自评表", "C5", "上次生成后手工改写的内容");

    const second = await generate(fake);
    expect(second.result.names).toEqual(first.result.names);
    expect(fake.sheetNames()).toEqual([
      "自评表",
      "基本情况",
      "自评报告",
      "_selfeval",
      "绩效自评表",
      "自评报告 (2)",
      "核查结果",
    ]);
    expect(userState(fake, ["自评表", "基本情况", "自评报告"])).toBe(userBefore);
    // The old 绩效自评表 (with the hand-made change) was replaced by a fresh one.
    expect(fake.sheet("绩效自评表").at("C5").value).not.toBe("上次生成后手工改写的内容");
    for (const sheet of second.spec.sheets) expectRendered(fake.sheet(second.result.names[sheet.key]), sheet);
    // One more sync than the first run: reading the marker's list of our sheets.
    expect(fake.syncCount).toBe(5);
    const marker = fake.sheet("_selfeval");
    expect(markerList(fake)).toEqual([
      ["绩效自评表", "table"],
      ["自评报告 (2)", "report"],
      ["核查结果", "findings"],
    ]);
    expect(fake.sheet("绩效自评表").charts).toHaveLength(1);
    expect(fake.sheet("绩效自评表").charts[0].source.sheet).toBe(marker);
  });

  test("a sheet the user made under the name of our deleted 核查结果 is never replaced; ours becomes 核查结果 (2)", async () => {
    await generate(fake);
    fake.model.deleteSheet(fake.sheet("核查结果"));
    // Their own record, even titled like ours.
    fake.addSheet("核查结果", {
      rows: [["核查结果"], ["日期", "核查事项", "结论"], ["2024-03-01", "预算执行数与决算表核对", "一致"]],
    });
    const before = userState(fake, ["核查结果"]);

    const second = await generate(fake);
    expect(second.result.names).toEqual({
      table: "绩效自评表",
      report: "自评报告",
      findings: "核查结果 (2)",
    });
    expect(fake.syncCount).toBe(5);
    expect(userState(fake, ["核查结果"])).toBe(before);
    expect(fake.sheetNames()).toEqual([
      "自评表",
      "基本情况",
      "_selfeval",
      "核查结果",
      "绩效自评表",
      "自评报告",
      "核查结果 (2)",
    ]);
    for (const sheet of second.spec.sheets) expectRendered(fake.sheet(second.result.names[sheet.key]), sheet);
    expect(markerList(fake)).toEqual([
      ["绩效自评表", "table"],
      ["自评报告", "report"],
      ["核查结果 (2)", "findings"],
    ]);
    // The reader takes it for the user's sheet it is.
    const read = await fake.run((context) => readWorkbookDetailed(context));
    expect(read.ownedSheets).toEqual(["绩效自评表", "自评报告", "核查结果 (2)"]);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(["自评表", "基本情况", "核查结果"]);

    // A third run replaces our 核查结果 (2) in place and leaves theirs alone.
    const third = await generate(fake);
    expect(third.result.names).toEqual(second.result.names);
    expect(fake.syncCount).toBe(5);
    expect(userState(fake, ["核查结果"])).toBe(before);
    expect(fake.sheetNames()).toEqual([
      "自评表",
      "基本情况",
      "_selfeval",
      "核查结果",
      "绩效自评表",
      "自评报告",
      "核查结果 (2)",
    ]);
  });

  test("our sheet with the user's notes beyond its cells is left to them; a protected one no longer blocks", async () => {
    const first = await generate(fake);
    fake.type("绩效自评表", "A60", "备注：此表已报财政局，请勿改动");
    fake.sheet("绩效自评表").protected = true;
    const before = userState(fake, ["绩效自评表"]);

    const second = await generate(fake);
    expect(second.result.names).toEqual({ ...first.result.names, table: "绩效自评表 (2)" });
    expect(userState(fake, ["绩效自评表"])).toBe(before);
    expect(fake.sheetNames()).toEqual([
      "自评表",
      "基本情况",
      "绩效自评表",
      "_selfeval",
      "绩效自评表 (2)",
      "自评报告",
      "核查结果",
    ]);
    expectRendered(fake.sheet("绩效自评表 (2)"), sheetOf(second.spec, "table"));
  });

  test("a protected workbook: a clear error before anything is written", async () => {
    fake.model.protected = true;
    const spec = await specFor(fake);
    fake.resetSyncLog();
    const before = JSON.stringify(fake.sheetNames());
    const error = (await fake
      .run((context) => writeReport(context, spec))
      .catch((e: unknown) => e)) as ExcelGatewayError;
    expect(error).toBeInstanceOf(ExcelGatewayError);
    expect(error.problem).toBe("protected");
    expect(error.messageIn("zh-CN")).toBe(
      "工作簿结构受保护，无法添加或删除工作表。未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
    );
    expect(JSON.stringify(fake.sheetNames())).toBe(before);
    expect(fake.syncCount).toBe(1);
  });

  test("our earlier report sheet protected: the error names it and nothing is written", async () => {
    await generate(fake);
    fake.sheet("核查结果").protected = true;
    const state = userState(fake, fake.sheetNames());
    const spec = await specFor(fake);
    const error = (await fake
      .run((context) => writeReport(context, spec))
      .catch((e: unknown) => e)) as ExcelGatewayError;
    expect(error.problem).toBe("protected");
    expect(error.messageIn("en-US")).toBe(
      'The worksheet "核查结果" is protected. Nothing was written. Remove the protection on the Review tab and try again.',
    );
    expect(userState(fake, fake.sheetNames())).toBe(state);
  });

  test("a protected user sheet does not matter: we never write to it", async () => {
    fake.sheet("自评表").protected = true;
    const { result } = await generate(fake);
    expect(result.names.table).toBe("绩效自评表");
  });

  test("the build sync failing halfway leaves no report sheet and no marker (first run)", async () => {
    const spec = await specFor(fake);
    fake.resetSyncLog();
    fake.failSync(2); // inspect, then build
    const error = await fake.run((context) => writeReport(context, spec)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelGatewayError);
    expect((error as ExcelGatewayError).problem).toBe("general");
    expect(fake.sheetNames()).toEqual(["自评表", "基本情况"]);
  });

  test("on a re-run, a failing build keeps the previous report as it was", async () => {
    const first = await generate(fake);
    const names = fake.sheetNames();
    const state = userState(
      fake,
      names.filter((n) => n !== "_selfeval"),
    );
    const spec = await specFor(fake);
    fake.resetSyncLog();
    fake.failSync(3); // inspect, marker, then build
    await expect(fake.run((context) => writeReport(context, spec))).rejects.toBeInstanceOf(ExcelGatewayError);
    expect(fake.sheetNames()).toEqual(names);
    expect(
      userState(
        fake,
        names.filter((n) => n !== "_selfeval"),
      ),
    ).toBe(state);
    for (const sheet of first.spec.sheets) expectRendered(fake.sheet(first.result.names[sheet.key]), sheet);
    expect(markerList(fake)).toEqual([
      ["绩效自评表", "table"],
      ["自评报告", "report"],
      ["核查结果", "findings"],
    ]);
  });

  test.each([0, 2, 3, 5, 7, 9, 10])(
    "a commit failing after %i of its commands puts the workbook back as it was",
    async (afterOperations) => {
      const first = await generate(fake);
      const names = fake.sheetNames();
      const state = userState(
        fake,
        names.filter((n) => n !== "_selfeval"),
      );
      const spec = await specFor(fake);
      fake.resetSyncLog();
      fake.failSync(4, { afterOperations }); // inspect, marker, build, then the commit
      await expect(fake.run((context) => writeReport(context, spec))).rejects.toBeInstanceOf(
        ExcelGatewayError,
      );
      expect(fake.sheetNames()).toEqual(names);
      expect(
        userState(
          fake,
          names.filter((n) => n !== "_selfeval"),
        ),
      ).toBe(state);
      expect(markerList(fake)).toEqual([
        ["绩效自评表", "table"],
        ["自评报告", "report"],
        ["核查结果", "findings"],
      ]);
      for (const sheet of first.spec.sheets) expectRendered(fake.sheet(first.result.names[sheet.key]), sheet);
      // And the next run goes through.
      const again = await generate(fake);
      expect(fake.sheetNames()).toEqual([
        "自评表",
        "基本情况",
        "_selfeval",
        "绩效自评表",
        "自评报告",
        "核查结果",
      ]);
      for (const sheet of again.spec.sheets) expectRendered(fake.sheet(again.result.names[sheet.key]), sheet);
    },
  );

  test.each([12, 13])(
    "a commit failing after %i commands, while deleting the old sheets, is finished instead",
    async (afterOperations) => {
      await generate(fake);
      const spec = await specFor(fake);
      fake.resetSyncLog();
      fake.failSync(4, { afterOperations }); // 11 commands rename and mark; the last 3 delete the old sheets
      await expect(fake.run((context) => writeReport(context, spec))).rejects.toBeInstanceOf(
        ExcelGatewayError,
      );
      // inspect, marker (its values, and A1 and the used range of our three sheets), build, the failed commit
      // (14 commands), then the repair: look, finish deleting, mark.
      expect(fake.syncs.map((s) => [s.operations, s.failed])).toEqual([
        [2, false],
        [7, false],
        [expect.any(Number), false],
        [14, true],
        [1, false],
        [14 - afterOperations + 3, false],
      ]);
      expect(fake.sheetNames()).toEqual([
        "自评表",
        "基本情况",
        "_selfeval",
        "绩效自评表",
        "自评报告",
        "核查结果",
      ]);
      for (const sheet of spec.sheets) expectRendered(fake.sheet(sheet.name), sheet);
      expect(markerList(fake)).toEqual([
        ["绩效自评表", "table"],
        ["自评报告", "report"],
        ["核查结果", "findings"],
      ]);
    },
  );

  test("a failing finishing step (print setup, chart) keeps the report and says so", async () => {
    const spec = await specFor(fake);
    fake.resetSyncLog();
    fake.failSync(4);
    const result = await fake.run((context) => writeReport(context, spec));
    expect(result.notices.map((n) => n["zh-CN"])).toEqual([
      "报告已写入，但打印设置或图表未能完成：Excel 未能完成操作。请稍后重试；如仍失败，请保存并重新打开工作簿。",
    ]);
    for (const sheet of spec.sheets) expectRendered(fake.sheet(result.names[sheet.key]), sheet);
  });

  test("on ExcelApi 1.8 styles go range by range, print setup is skipped with a notice", async () => {
    fake.setExcelApiVersion("1.8");
    const { spec, result } = await generate(fake);
    expect(result.notices.map((n) => n["en-US"])).toEqual([
      "This version of Excel has no page-setup interface (ExcelApi 1.9): the report's print setup (A4, one page wide, repeated title rows, page numbers) was not applied; set it on the Page Layout tab.",
    ]);
    const plain = (s: SheetSpec): SheetSpec => ({
      ...s,
      styles: Object.fromEntries(Object.entries(s.styles).map(([k, v]) => [k, { ...v, indent: undefined }])),
    });
    for (const sheet of spec.sheets) expectRendered(fake.sheet(result.names[sheet.key]), plain(sheet));
    expect(fake.sheet("绩效自评表").pageLayout.paperSize).toBe("Letter");
  });

  test("an English report gets English sheet names", async () => {
    const { result } = await generate(fake, "en-US");
    expect(result.names).toEqual({
      table: "Self-Evaluation Table",
      report: "Self-Evaluation Report",
      findings: "Check Results",
    });
    expect(fake.sheet("Self-Evaluation Table").pageLayout.centerFooter).toBe("Page &P of &N");
  });
});
