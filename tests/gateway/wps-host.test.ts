/**
 * The WPS host on the recording ET fake: reading in slices with a pause between them (the page stays responsive on
 * 50,000 rows, the progress moves), the write's conduct towards ET (dialogs off and back on, the marker very hidden,
 * user text kept as text, a failure part-way leaves nothing behind), selecting cells; and the fake itself refusing
 * what ET refuses, so the host's tests mean something.
 */
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport } from "../../src/engine/report/index";
import { MARKER_SHEET_NAME } from "../../src/engine/report/sheet-names";
import type { ReportSpec } from "../../src/engine/report/spec";
import { etApplication } from "../../src/gateway/wps/et-api";
import { createWpsHost } from "../../src/gateway/wps/host";
import type { ReadProgress } from "../../src/gateway/wps/read";
import { isDateFormat, SLICE_CELLS } from "../../src/gateway/wps/read";
import { describeError, problemOf } from "../../src/app/errors";
import { fixtureSnapshot } from "../app/fixtures";
import { FakeEtError } from "../fakes/wps/errors";
import { FakeEtApp } from "../fakes/wps/workbook";

function bigWorkbook(rows: number): FakeEtApp {
  const app = new FakeEtApp();
  const s = app.workbook.addSheet("支出决算表");
  s.set(0, 0, "科目编码").set(0, 1, "科目名称").set(0, 2, "合计").set(0, 3, "基本支出").set(0, 4, "项目支出");
  for (let r = 1; r < rows; r++)
    s.set(r, 0, `2010${r}`)
      .set(r, 1, `科目${r}`)
      .set(r, 2, r * 3)
      .set(r, 3, r)
      .set(r, 4, r * 2);
  return app;
}

describe("reading", () => {
  test("50,000 rows go in slices with a pause after each, and the progress reaches the total", async () => {
    const app = bigWorkbook(50_000);
    let pauses = 0;
    const progress: ReadProgress[] = [];
    const host = createWpsHost({
      app,
      pause: () => {
        pauses += 1;
        return Promise.resolve();
      },
      onReadProgress: (p) => progress.push(p),
    });
    const snapshot = await host.read();
    const sheet = snapshot.sheets[0];
    expect(sheet.values).toHaveLength(50_000);
    expect(sheet.values[49_999]).toEqual(["201049999", "科目49999", 149_997, 49_999, 99_998]);
    // No single Value2 read takes more than a slice, so no call holds the page for long.
    expect(Math.max(...app.valueReads.map((r) => r.cells))).toBeLessThanOrEqual(SLICE_CELLS);
    expect(pauses).toBe(Math.ceil(50_000 / Math.floor(SLICE_CELLS / 5)));
    expect(progress.map((p) => p.rows)).toEqual([...progress.map((p) => p.rows)].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toEqual({ rows: 50_000, totalRows: 50_000 });
  });

  test("cells that only carry a format do not widen the sheet", async () => {
    const app = new FakeEtApp();
    const s = app.workbook.addSheet("S");
    s.set(3, 2, 1);
    s.cell(20, 10).numberFormat = "0.00";
    const snapshot = await createWpsHost({ app, pause: () => Promise.resolve() }).read();
    expect(snapshot.sheets[0]).toMatchObject({ originRow: 3, originCol: 2, values: [[1]] });
  });

  test("date formats are told from number formats", () => {
    expect(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "h:mm", "[$-804]yyyy/m/d"].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["General", "#,##0.00", "0.00%", '0.00"万元"', "@", "[Red]0.00", null].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

function fixtureApp(): FakeEtApp {
  const app = new FakeEtApp();
  for (const sheet of fixtureSnapshot().sheets) {
    const s = app.workbook.addSheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") s.set(r, c, v);
      }),
    );
  }
  return app;
}

describe("writing", () => {
  test("dialogs are off while writing and back on after; the marker is very hidden; user text stays text", async () => {
    const app = fixtureApp();
    app.workbook.sheet("表1 预算执行").set(1, 0, '=HYPERLINK("http://x")');
    const host = createWpsHost({ app, pause: () => Promise.resolve() });
    const spec = buildReport(evaluateWorkbook(await host.read()), "zh-CN");
    const written = await host.writeReport(spec);
    expect(app.DisplayAlerts).toBe(true);
    expect(app.workbook.sheet(MARKER_SHEET_NAME).Visible).toBe(2);
    expect(app.workbook.activeSheet?.name).toBe(written.sheets.table);
    // Every text cell that came from the user's workbook is formatted as text before its value is written.
    const table = app.workbook.sheet(written.sheets.table);
    const textCells = spec.sheets[0].cells.filter(
      (c) => c.text && typeof c.value === "string" && c.value !== "",
    );
    expect(textCells.length).toBeGreaterThan(0);
    for (const c of textCells) {
      const cell = table.peek(c.row, c.col);
      expect(cell?.numberFormat).toBe("@");
      expect(cell?.value).toBe(c.value);
      expect(cell?.formula).toBeUndefined();
    }
    expect(table.PageSetup).toMatchObject({
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
    });
    expect(table.view.gridlines).toBe(false);
  });

  test("a failure while building removes what was added and leaves the user's sheets as they were", async () => {
    const app = fixtureApp();
    const host = createWpsHost({ app, pause: () => Promise.resolve() });
    const spec = buildReport(evaluateWorkbook(await host.read()), "zh-CN");
    const broken: ReportSpec = {
      sheets: spec.sheets.map((s, i) =>
        i === 1 ? { ...s, cells: [...s.cells, { row: 0, col: 0, value: 1, styleId: "missing" }] } : s,
      ),
    };
    const before = app.workbook.sheetNames;
    await expect(host.writeReport(broken)).rejects.toMatchObject({ problem: "general" });
    expect(app.workbook.sheetNames).toEqual(before);
    expect(app.DisplayAlerts).toBe(true);
  });

  test("a protected workbook structure is refused before anything is written", async () => {
    const app = fixtureApp();
    app.workbook.protectStructure = true;
    const host = createWpsHost({ app, pause: () => Promise.resolve() });
    const spec = buildReport(evaluateWorkbook(await host.read()), "zh-CN");
    const error = await host.writeReport(spec).catch((e: unknown) => e);
    expect(problemOf(error)).toBe("protected");
    expect(describeError(error, "zh-CN")).toBe(
      "工作簿结构受保护，无法添加或删除工作表。未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
    );
    expect(app.calls).toEqual([]);
  });

  test("selectCells activates the sheet, then selects the box around the cells", async () => {
    const app = fixtureApp();
    const host = createWpsHost({ app });
    await host.selectCells("表2 绩效指标", ["E3", "G5"]);
    expect(app.workbook.selection).toEqual({ sheet: "表2 绩效指标", address: "E3:G5" });
    await expect(host.selectCells("没有这张表", ["A1"])).rejects.toMatchObject({ problem: "not-found" });
  });
});

describe("insertTemplate", () => {
  const today = () => new Date(2025, 2, 1);

  test("adds the four sheets after the user's with dialogs back on after, keeps their gridlines, shows the first", async () => {
    const app = fixtureApp();
    app.workbook.addSheet("绩效指标").set(0, 0, "用户自己的表");
    const names = await createWpsHost({ app, today }).insertTemplate("zh-CN");
    expect(names).toEqual(["预算执行情况", "支出决算表", "绩效指标 (2)", "部门基本情况"]);
    expect(app.workbook.sheetNames).toEqual([
      "表1 预算执行",
      "表2 绩效指标",
      "绩效指标",
      "预算执行情况",
      "支出决算表",
      "绩效指标 (2)",
      "部门基本情况",
    ]);
    expect(app.workbook.sheet("绩效指标").valueAt(0, 0)).toBe("用户自己的表");
    expect(app.DisplayAlerts).toBe(true);
    expect(app.workbook.activeSheet?.name).toBe("预算执行情况");
    const budget = app.workbook.sheet("预算执行情况");
    expect(budget.valueAt(0, 0)).toBe("2024年度部门整体支出预算执行情况表");
    expect(budget.peek(4, 3)?.numberFormat).toBe("#,##0.00");
    for (const name of names) expect(app.workbook.sheet(name).view.gridlines).toBe(true);
    // "100%" typed as a target stays the text the recogniser reads.
    const indicators = app.workbook.sheet("绩效指标 (2)");
    expect(indicators.valueAt(4, 3)).toBe("100%");
    expect(indicators.peek(4, 3)?.numberFormat).toBe("@");
  });

  test("a failure part-way deletes the sheets it added and puts the dialogs back", async () => {
    const app = fixtureApp();
    const before = app.workbook.sheetNames;
    const record = app.record.bind(app);
    let adds = 0;
    app.record = (call: string) => {
      if (call === "Worksheets.Add" && ++adds === 3)
        throw new FakeEtError("protected-structure", "The workbook is protected: cannot add a sheet.");
      record(call);
    };
    const error = await createWpsHost({ app, today })
      .insertTemplate("zh-CN")
      .catch((e: unknown) => e);
    expect(problemOf(error)).toBe("general");
    expect(app.workbook.sheetNames).toEqual(before);
    expect(app.DisplayAlerts).toBe(true);
  });
});

describe("outside WPS 表格", () => {
  test("no Application global (a browser) or WPS 文字's (no ActiveWorkbook): no ET application", () => {
    expect(etApplication({})).toBeNull();
    expect(etApplication({ Application: { ActiveDocument: {} } })).toBeNull();
    const app = new FakeEtApp();
    expect(etApplication({ Application: app })).toBe(app);
  });

  test("the host says a workbook is needed", async () => {
    const host = createWpsHost({ app: undefined });
    const error = await host.read().catch((e: unknown) => e);
    expect(problemOf(error)).toBe("no-workbook");
  });
});

describe("the fake refuses what ET refuses", () => {
  const refusal = (work: () => unknown): string => {
    try {
      work();
    } catch (e) {
      if (e instanceof FakeEtError) return e.reason;
      throw e;
    }
    return "none";
  };

  test("1-based items, names, the last visible sheet, dialogs, merges, protection, hidden activation", () => {
    const app = new FakeEtApp();
    const wb = app.workbook;
    const a = wb.addSheet("A");
    expect(refusal(() => wb.Worksheets.Item(0))).toBe("bad-index");
    expect(wb.Worksheets.Item(1)).toBe(a);
    expect(refusal(() => a.Cells.Item(0, 1))).toBe("bad-index");
    expect(refusal(() => (a.Name = "a/b"))).toBe("bad-name");
    expect(refusal(() => (a.Visible = 2))).toBe("last-visible-sheet");
    const b = wb.Worksheets.Add(undefined, a);
    expect(refusal(() => (b.Name = "a"))).toBe("duplicate-name");
    expect(refusal(() => b.Delete())).toBe("dialog");
    a.Range("A1:B2").Merge();
    expect(refusal(() => (a.Range("B2:C2").Value2 = [[1, 2]]))).toBe("partial-merge");
    expect(refusal(() => (a.Range("D1:F1").Value2 = [[1, 2]]))).toBe("shape-mismatch");
    expect(a.Range("A1:B2").MergeCells).toBe(true);
    expect(a.Range("A1:C2").MergeCells).toBeNull();
    expect(a.Range("D4").MergeCells).toBe(false);
    a.Range("C3").Value2 = "12";
    expect(a.valueAt(2, 2)).toBe(12);
    a.Range("C4").NumberFormat = "@";
    a.Range("C4").Value2 = "12";
    expect(a.valueAt(3, 2)).toBe("12");
    a.protect();
    expect(refusal(() => (a.Range("E5").Value2 = 1))).toBe("protected-sheet");
    b.Visible = 2;
    expect(refusal(() => b.Activate())).toBe("hidden-sheet");
    expect(refusal(() => a.Range("A1").Select())).toBe("none");
  });
});
