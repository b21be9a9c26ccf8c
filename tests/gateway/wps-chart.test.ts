/**
 * The report's charts in WPS 表格 (issue 14 §3), on the recording ET fake: the 绩效自评表's 得分 against 分值 per
 * category and the 项目汇总's projects, each a clustered column chart at the spec's anchor plotting its data from the
 * very hidden marker sheet, titled; a re-run replaces ours and leaves a user's chart alone; a WPS that cannot draw
 * charts keeps the report and says so.
 */
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport } from "../../src/engine/report/index";
import { MARKER_SHEET_NAME } from "../../src/engine/report/sheet-names";
import type { ChartSpec, SheetSpec } from "../../src/engine/report/spec";
import { createWpsHost } from "../../src/gateway/wps/host";
import { fixtureSnapshot } from "../app/fixtures";
import { FakeEtError } from "../fakes/wps/errors";
import { FakeShapes } from "../fakes/wps/shapes";
import { FakeEtApp, type FakeSheet } from "../fakes/wps/workbook";
import { ELDERLY, ROADS, TRAINING, projectFormRows } from "../fixtures/project-forms";

function load(app: FakeEtApp, name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
  const s = app.workbook.addSheet(name);
  rows.forEach((line, r) =>
    line.forEach((v, c) => {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") s.set(r, c, v);
    }),
  );
  return s;
}

function departmentApp(): FakeEtApp {
  const app = new FakeEtApp();
  for (const sheet of fixtureSnapshot().sheets) load(app, sheet.name, sheet.values);
  return app;
}

function projectApp(): FakeEtApp {
  const app = new FakeEtApp();
  [TRAINING, ROADS, ELDERLY].forEach((p, i) => load(app, `表${i + 1}`, projectFormRows(p).rows));
  return app;
}

async function generate(app: FakeEtApp, lang: "zh-CN" | "en-US" = "zh-CN") {
  const host = createWpsHost({ app, pause: () => Promise.resolve() });
  const spec = buildReport(evaluateWorkbook(await host.read()), lang);
  const written = await host.writeReport(spec);
  return { spec, written };
}

function chartOf(spec: { sheets: readonly SheetSpec[] }, key: SheetSpec["key"]): ChartSpec {
  const chart = spec.sheets.find((s) => s.key === key)?.chart;
  if (!chart) throw new Error(`no chart on ${key}`);
  return chart;
}

describe("the 绩效自评表's chart in WPS", () => {
  test("is one clustered column chart, titled, plotting 得分 and 分值 per category from the marker sheet", async () => {
    const app = departmentApp();
    const { spec, written } = await generate(app);
    const expected = chartOf(spec, "table");
    const table = app.workbook.sheet(written.sheets.table);
    expect(table.shapes.Count).toBe(1);
    const shape = table.shapes.Item(1);
    expect(shape.Name).toBe("_selfeval_chart_table");
    const chart = shape.Chart;
    expect(chart.ChartType).toBe(51);
    expect(chart.titleText).toBe("得分与分值");
    expect(chart.HasLegend).toBe(true);
    // The data block D1:F(n+1) of the very hidden marker: the header row names the series.
    const n = expected.categories.length;
    expect(chart.source).toEqual({ sheet: MARKER_SHEET_NAME, address: `D1:F${n + 1}`, plotBy: 2 });
    expect(app.workbook.sheet(MARKER_SHEET_NAME).Visible).toBe(2);
    expect(chart.categories()).toEqual(expected.categories);
    expect(chart.series()).toEqual(expected.series.map((s) => ({ name: s.name, values: s.values })));
    expect(chart.series().map((s) => s.name)).toEqual(["得分", "分值"]);
    // Category names are the user's 一级指标, written as text (a name like "2023" stays a name).
    const marker = app.workbook.sheet(MARKER_SHEET_NAME);
    expect(marker.peek(1, 3)?.numberFormat).toBe("@");
    expect(written.notices).toEqual([]);
  });

  test("stands at the spec's anchor, 8 columns by 16 rows, below the printed table", async () => {
    const app = departmentApp();
    const { spec, written } = await generate(app);
    const { anchor } = chartOf(spec, "table");
    const table = app.workbook.sheet(written.sheets.table);
    const shape = table.shapes.Item("_selfeval_chart_table");
    const at = table.Cells.Item(anchor.row + 1, anchor.col + 1);
    expect([shape.Left, shape.Top]).toEqual([at.Left, at.Top]);
    const span = table.Range(`A${anchor.row + 1}:H${anchor.row + 16}`);
    expect([shape.Width, shape.Height]).toEqual([span.Width, span.Height]);
    // Below the last row of the table, whose heights the spec sets.
    const tableRows = Math.max(...table.rowHeights.keys());
    expect(anchor.row).toBeGreaterThan(tableRows);
    expect(shape.Top).toBeGreaterThanOrEqual(table.Cells.Item(tableRows + 2, 1).Top);
  });

  test("is titled in the report's language", async () => {
    const app = departmentApp();
    const { written } = await generate(app, "en-US");
    const chart = app.workbook.sheet(written.sheets.table).shapes.Item(1).Chart;
    expect(chart.titleText).toBe("Score against weight");
    expect(chart.series().map((s) => s.name)).toEqual(["Score", "Weight"]);
  });

  test("a re-run replaces ours (one chart again) and never touches a user's chart on their own sheet", async () => {
    const app = departmentApp();
    const userSheet = app.workbook.sheets[0];
    const mine = userSheet.Shapes.AddChart2(-1, 4, 10, 20, 300, 200);
    mine.Name = "我的图表";
    mine.Chart.SetSourceData(userSheet.Range("A1:B3"));
    mine.Chart.HasTitle = true;
    mine.Chart.ChartTitle.Text = "我的支出";
    await generate(app);
    const { written } = await generate(app);
    const table = app.workbook.sheet(written.sheets.table);
    expect(table.shapes.list.map((s) => s.Name)).toEqual(["_selfeval_chart_table"]);
    expect(userSheet.shapes.list.map((s) => s.Name)).toEqual(["我的图表"]);
    const kept = userSheet.shapes.Item("我的图表");
    expect([kept.Left, kept.Top, kept.Width, kept.Height, kept.Chart.ChartType]).toEqual([
      10, 20, 300, 200, 4,
    ]);
    expect(kept.Chart.titleText).toBe("我的支出");
    expect(kept.Chart.source).toEqual({ sheet: userSheet.name, address: "A1:B3", plotBy: 2 });
    // No call of either run went to the user's chart.
    expect(app.calls.filter((c) => c.includes("我的图表") && !c.endsWith("Name=我的图表"))).toEqual([
      `${userSheet.name}.Shapes[我的图表].Chart.SetSourceData(${userSheet.name}!A1:B3)`,
      `${userSheet.name}.Shapes[我的图表].Chart.HasTitle=true`,
      `${userSheet.name}.Shapes[我的图表].Chart.ChartTitle.Text=我的支出`,
    ]);
  });

  test("a WPS that cannot draw the chart keeps the written report and says so", async () => {
    const app = departmentApp();
    const add = jest.spyOn(FakeShapes.prototype, "AddChart2").mockImplementation(() => {
      throw new FakeEtError("bad-index", "AddChart2 is not supported");
    });
    try {
      const { written } = await generate(app);
      expect(Object.keys(written.sheets)).toEqual(["table", "report", "findings"]);
      // The fixture's errors put the banner above the title.
      expect(app.workbook.sheet(written.sheets.report).valueAt(1, 0)).toBe(
        "衡山县贯塘乡人民政府2023年度部门整体支出绩效自评报告",
      );
      expect(written.notices.map((n) => n["zh-CN"])).toEqual([
        "报告已写入，但图表未能绘制：WPS 表格未能完成操作。请稍后重试；如仍失败，请保存并重新打开工作簿。",
      ]);
    } finally {
      add.mockRestore();
    }
  });
});

describe("the 项目汇总's chart in WPS", () => {
  test("plots each project's 总分 against 满分, its data beside the 绩效自评表's slot on the marker", async () => {
    const app = projectApp();
    const { spec, written } = await generate(app);
    const expected = chartOf(spec, "summary");
    const summary = app.workbook.sheet(written.sheets.summary as string);
    expect(summary.shapes.list.map((s) => s.Name)).toEqual(["_selfeval_chart_summary"]);
    const chart = summary.shapes.Item(1).Chart;
    expect(chart.titleText).toBe("各项目得分");
    // No 绩效自评表 in a project-only report: the summary's data takes the first slot, D1:F4.
    expect(chart.source).toEqual({ sheet: MARKER_SHEET_NAME, address: "D1:F4", plotBy: 2 });
    expect(chart.categories()).toEqual(expected.categories);
    expect(chart.series()).toEqual([
      { name: "总分", values: [100, 93.5, 81] },
      { name: "满分", values: [100, 100, 100] },
    ]);
    // The project sheets have no chart.
    for (const name of Object.values(written.sheets) as string[])
      if (name !== written.sheets.summary) expect(app.workbook.sheet(name).shapes.Count).toBe(0);
  });
});

describe("the fake holds to ET's chart API", () => {
  test("Shapes.Item counts from 1, a title's text needs HasTitle, SetSourceData wants a Range", () => {
    const app = new FakeEtApp();
    const s = app.workbook.addSheet("S");
    const shape = s.Shapes.AddChart2();
    expect(() => s.Shapes.Item(0)).toThrow(FakeEtError);
    expect(s.Shapes.Item(1)).toBe(shape);
    expect(() => s.Shapes.Item(2)).toThrow(FakeEtError);
    expect(() => shape.Chart.ChartTitle).toThrow(FakeEtError);
    expect(() =>
      shape.Chart.SetSourceData("=S!$A$1:$B$2" as unknown as Parameters<typeof shape.Chart.SetSourceData>[0]),
    ).toThrow(FakeEtError);
    s.protect();
    expect(() => s.Shapes.AddChart2()).toThrow(FakeEtError);
  });
});
