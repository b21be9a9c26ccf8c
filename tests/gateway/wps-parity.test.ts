/**
 * The WPS gateway agrees with the .xlsx gateway: the same workbook opened in WPS 表格 (the recording ET fake, loaded
 * from the file as WPS would hold it) reads into the same snapshot as the .xlsx reader gives, and the report the WPS
 * host writes has the same values, merges and number formats as the .xlsx renderer's for the same spec.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { parseA1Range } from "../../src/engine/a1";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport } from "../../src/engine/report/index";
import type { CellRange, WorkbookSnapshot } from "../../src/engine/snapshot";
import { createWpsHost } from "../../src/gateway/wps/host";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { renderReport } from "../../src/gateway/xlsx/write";
import { BUDGET_SHEET, INDICATORS_SHEET, type FixtureSheet } from "../app/fixtures";
import { keyCol, keyRow } from "../fakes/wps/cells";
import { fixtureXlsxSheet } from "../hosts/contract";
import { xlsxInWps } from "../fakes/wps/from-xlsx";
import type { FakeEtApp } from "../fakes/wps/workbook";
import { buildXlsx, date, errorCell, formula, hyperlink, richText } from "../fixtures/xlsx-builders";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");

const noPause = () => Promise.resolve();

function fixtureBook(sheets: readonly FixtureSheet[]): Promise<Buffer> {
  return buildXlsx(sheets.map(fixtureXlsxSheet));
}

/** Workbooks that exercise what a reader can get wrong: offsets, merges, dates, errors, rich text, hidden sheets. */
const FIXTURES: Readonly<Record<string, () => Promise<Buffer>>> = {
  sample: () => Promise.resolve(readFileSync(SAMPLE)),
  "budget and indicators (tests/app/fixtures)": () => fixtureBook([BUDGET_SHEET, INDICATORS_SHEET]),
  "values of every kind": () =>
    buildXlsx([
      {
        name: "表一 预算执行情况",
        origin: "B2",
        rows: [
          ["2023年度预算执行情况表"],
          [null, null, null, "单位：万元"],
          ["项  目", "全年预算数", "全年执行数", "执行率"],
          [richText("其中：", { text: "基本支出", bold: true }), 256.79, "256.79 ", formula("D5/C5", 1)],
          ["  项目支出", 10459.37, formula("10459.37", 10459.37), formula("D6/C6", errorCell("#DIV/0!"))],
          ["合计", errorCell("#REF!"), errorCell("#N/A"), true],
          [
            hyperlink("附件", "https://example.org/a.pdf"),
            date(2023, 12, 31),
            date(2024, 1, 5, 8, 30),
            false,
          ],
          // No "" here: a cell holding an empty string reads "" from the .xlsx and empty from ET (and Office.js).
          [-2146826246, "#N/A", 0],
        ],
        merges: ["B2:E2", "F4:G6"],
        numFmts: { C8: "yyyy-mm-dd", D8: "yyyy-mm-dd hh:mm", C5: "#,##0.00", E5: "0.00%" },
      },
      { name: "底稿", state: "hidden", cells: { C3: "隐藏的数据", D4: 42 } },
      { name: "深藏", state: "veryHidden", cells: { A1: "very hidden" } },
      { name: "空白页" },
      { name: "合并标题", cells: { C3: "标题" }, merges: ["C3:H4", "J10:K10"] },
    ]),
};

async function both(
  bytes: Buffer,
): Promise<{ wps: WorkbookSnapshot; xlsx: WorkbookSnapshot; app: FakeEtApp }> {
  const app = await xlsxInWps(bytes);
  const wps = await createWpsHost({ app, pause: noPause, sliceCells: 40 }).read();
  const xlsx = await readXlsxBuffer(bytes, { formulas: false });
  return { wps, xlsx, app };
}

describe.each(Object.entries(FIXTURES))("WPS and .xlsx gateways agree on %s", (_name, make) => {
  test("same snapshot, findings and scores", async () => {
    const { wps, xlsx } = await both(await make());
    expect(wps).toEqual(xlsx);
    expect(wps.sheets.length).toBeGreaterThan(0);
    const a = evaluateWorkbook(wps);
    const b = evaluateWorkbook(xlsx);
    expect(a.findings).toEqual(b.findings);
    expect(a.score).toEqual(b.score);
  });
});

test("the values fixture reads dates, errors and merges as the .xlsx reader does (not by accident)", async () => {
  const { wps } = await both(await FIXTURES["values of every kind"]());
  const s = wps.sheets[0];
  const at = (a1: string) => {
    const r = parseA1Range(a1);
    return s.values[r.top - s.originRow][r.left - s.originCol];
  };
  expect(at("C8")).toEqual({ kind: "date", iso: "2023-12-31" });
  expect(at("D8")).toEqual({ kind: "date", iso: "2024-01-05T08:30:00" });
  expect(at("C7")).toEqual({ kind: "error", code: "#REF!" });
  expect(at("E6")).toEqual({ kind: "error", code: "#DIV/0!" });
  // A figure that happens to equal ET's number for #N/A stays a number; text "#N/A" stays text.
  expect(at("B9")).toBe(-2146826246);
  expect(at("C9")).toBe("#N/A");
  expect(at("B5")).toBe("其中：基本支出");
  expect(s.merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 4 },
    { top: 3, left: 5, bottom: 5, right: 6 },
  ]);
  expect(wps.sheets.map((x) => [x.name, x.hidden])).toEqual([
    ["表一 预算执行情况", false],
    ["底稿", true],
    ["深藏", true],
    ["空白页", false],
    ["合并标题", false],
  ]);
});

interface RenderedCells {
  readonly values: string[];
  readonly formats: string[];
  readonly merges: CellRange[];
}

function fromExcelJs(ws: ExcelJS.Worksheet): RenderedCells {
  const values: string[] = [];
  const formats: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      const shown = v !== null && typeof v === "object" && "hyperlink" in v ? v.text : v;
      if (shown === null || shown === undefined) return;
      values.push(`${r - 1},${c - 1}=${JSON.stringify(shown)}`);
      formats.push(`${r - 1},${c - 1}=${cell.numFmt ?? "General"}`);
    }),
  );
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseA1Range);
  return { values: values.sort(), formats: formats.sort(), merges: order(merges) };
}

function fromWps(app: FakeEtApp, name: string): RenderedCells {
  const sheet = app.workbook.sheet(name);
  const values: string[] = [];
  const formats: string[] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.value === undefined) continue;
    values.push(`${keyRow(key)},${keyCol(key)}=${JSON.stringify(cell.value)}`);
    formats.push(`${keyRow(key)},${keyCol(key)}=${cell.numberFormat}`);
  }
  return { values: values.sort(), formats: formats.sort(), merges: order(sheet.merges) };
}

function order(list: readonly CellRange[]): CellRange[] {
  return [...list].sort((x, y) => x.top - y.top || x.left - y.left);
}

describe.each(["zh-CN", "en-US"] as const)("the report rendered through WPS (%s)", (lang) => {
  test("has the .xlsx renderer's values, merges and number formats on the sample", async () => {
    const bytes = readFileSync(SAMPLE);
    const app = await xlsxInWps(bytes);
    const host = createWpsHost({ app, pause: noPause });
    const spec = buildReport(evaluateWorkbook(await host.read()), lang);
    const written = await host.writeReport(spec);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const names = renderReport(wb, spec);
    expect(written.sheets).toEqual(names);

    for (const key of ["table", "report", "findings"] as const) {
      const ours = fromWps(app, written.sheets[key]);
      const theirs = fromExcelJs(wb.getWorksheet(names[key]) as ExcelJS.Worksheet);
      expect(ours.values).toEqual(theirs.values);
      expect(ours.merges).toEqual(theirs.merges);
      expect(ours.formats).toEqual(theirs.formats);
      expect(ours.values.length).toBeGreaterThan(10);
    }
  });
});
