/**
 * `selfeval generate` in memory (the .xlsx host and the pipeline, generate-xlsx.ts) end to end on real .xlsx bytes:
 * the sample workbook goes in, the output is read back with exceljs (and
 * its sheet XML opened where exceljs hides a detail), and every claim of the report's rendering is checked there.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { readFileSync } from "fs";
import JSZip from "jszip"; // exceljs's own zip library, to look at the written sheet XML
import { join } from "path";
import { rangeToA1 } from "../../src/engine/a1";
import { buildReport } from "../../src/engine/report/index";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { ownedSheetNames, renderReport, worksheetState } from "../../src/gateway/xlsx/write";
import { seedInput } from "../engine/report/fixture";
import { buildXlsx, editXlsx } from "../fixtures/xlsx-builders";
import { generateXlsx, type GenerateResult } from "./generate-xlsx";

const SAMPLE_XLSX = join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");
const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];
const EXPENDITURE = "表二 支出决算表";
const THIN = { style: "thin", color: { argb: "FF000000" } };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function written(result: GenerateResult): Uint8Array {
  if (!result.buffer) throw new Error(`nothing written; missing ${result.missing.join(", ")}`);
  return result.buffer;
}

/** The XML of a worksheet part, found through workbook.xml and its relationships. */
async function sheetXml(bytes: Uint8Array, name: string): Promise<{ xml: string; rels: string | null }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rId = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  const path = `xl/${target.replace(/^\/?xl\//, "")}`;
  const relsPath = path.replace(/worksheets\/(.*)$/, "worksheets/_rels/$1.rels");
  return {
    xml: await zip.file(path)!.async("string"),
    rels: (await zip.file(relsPath)?.async("string")) ?? null,
  };
}

/** The 1-based row whose column A holds `text`. */
function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  const row = ws.getColumn(1).values.findIndex((v) => v === text);
  if (row < 0) throw new Error(`no row "${text}" in ${ws.name}`);
  return row;
}

async function sampleCopy(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  return editXlsx(readFileSync(SAMPLE_XLSX), edit);
}

describe("generateXlsx on the sample workbook", () => {
  const input = readFileSync(SAMPLE_XLSX);
  let result: GenerateResult;
  let out: ExcelJS.Workbook;

  beforeAll(async () => {
    result = await generateXlsx(input, {}, "zh-CN");
    out = await load(written(result));
  });

  it("keeps every input sheet exactly as it was read: values, formulas and merges", async () => {
    const before = await readXlsxBuffer(input);
    const after = await readXlsxBuffer(written(result));
    for (const name of INPUT_SHEETS) {
      expect(after.sheets.find((s) => s.name === name)).toEqual(before.sheets.find((s) => s.name === name));
    }
  });

  it("adds the three sheets after them and lists them in the very hidden _selfeval marker", () => {
    expect(result.missing).toEqual([]);
    expect(result.sheetNames).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(out.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ...INPUT_SHEETS.map((n) => [n, "visible"]),
      ["绩效自评表", "visible"],
      ["自评报告", "visible"],
      ["核查结果", "visible"],
      ["_selfeval", "veryHidden"],
    ]);
    const marker = sheet(out, "_selfeval");
    expect([1, 2, 3].map((r) => [marker.getCell(r, 1).value, marker.getCell(r, 2).value])).toEqual([
      ["绩效自评表", "table"],
      ["自评报告", "report"],
      ["核查结果", "findings"],
    ]);
  });

  it("scores the sample as the scorer does", () => {
    expect(result.evaluation.score?.total).toBe(99.78);
    const table = sheet(out, "绩效自评表");
    const totalRow = rowOf(table, "总分");
    expect(table.getCell(totalRow, 7).value).toBe(99.78);
    expect(table.getCell(totalRow + 1, 6).value).toBe("优");
  });

  it("sets up printing: A4, one page wide, title rows repeated, page x of y, no gridlines", () => {
    const table = sheet(out, "绩效自评表");
    expect(table.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
    expect(table.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    expect(table.views[0].showGridLines).toBe(false);

    const report = sheet(out, "自评报告");
    expect(report.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(report.pageSetup.printTitlesRow).toBeUndefined();

    const findings = sheet(out, "核查结果");
    expect(findings.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      printTitlesRow: "1:3",
    });
    expect(findings.views[0]).toMatchObject({ state: "frozen", ySplit: 3, showGridLines: false });
  });

  it("writes the spec's merges, column widths and row heights", () => {
    const spec = buildReport(result.evaluation, "zh-CN");
    for (const s of spec.sheets) {
      const ws = sheet(out, s.name);
      expect([...ws.model.merges].sort()).toEqual(s.merges.map(rangeToA1).sort());
      s.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
      for (const [row, h] of Object.entries(s.rowHeights)) expect(ws.getRow(Number(row) + 1).height).toBe(h);
    }
    const merges = sheet(out, "绩效自评表").model.merges;
    expect(merges).toEqual(expect.arrayContaining(["A1:H1", "C3:H3", "F5:F13", "G5:G13", "H5:H13"]));
  });

  it("boxes the table with thin borders and formats amounts, the rate and scores", () => {
    const table = sheet(out, "绩效自评表");
    expect(table.getCell("A1").value).toBe("2023年度部门整体支出绩效自评表");
    expect(table.getCell("A1").font).toEqual({ name: "宋体", size: 18, bold: true });
    expect(table.getCell("C4").border).toEqual({ top: THIN, bottom: THIN, left: THIN, right: THIN });
    // A covered cell of a merge carries the border too, so the merged box is closed on every side.
    expect(table.getCell("H3").border).toEqual({ top: THIN, bottom: THIN, left: THIN, right: THIN });
    expect(table.getCell("E5").value).toBe(10716.16);
    expect(table.getCell("E5").numFmt).toBe("#,##0.00");
    expect(table.getCell("G5").value).toBe(1);
    expect(table.getCell("G5").numFmt).toBe("0.00%");
    // The signature line stands outside the box.
    const signatures = rowOf(table, "单位负责人：");
    expect(table.getCell(signatures, 1).border).toEqual({});
  });
});

describe("generateXlsx: the findings sheet links to each cell", () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    // 2080505's 合计 becomes 294,600.00 元 while its 基本支出 stays 284,600.00 元: a sum.column and a sum.row error.
    const changed = await sampleCopy((wb) => {
      sheet(wb, EXPENDITURE).getCell("C12").value = 294600;
    });
    bytes = written(await generateXlsx(changed, {}, "zh-CN"));
  });

  it("writes each cell address as an internal hyperlink, amounts in the table's unit", async () => {
    const ws = sheet(await load(bytes), "核查结果");
    expect(ws.getCell("A4").value).toBe("错误（2 项）");
    expect(ws.getCell("A5").value).toBe("支出决算表（2 项）");
    expect(ws.getCell("B6").value).toBe("列合计");
    expect(ws.getCell("D6").value).toEqual({ text: "C11", hyperlink: "#'表二 支出决算表'!C11" });
    expect(ws.getCell("D7").value).toEqual({ text: "C12", hyperlink: "#'表二 支出决算表'!C12" });
    expect([ws.getCell("E6").value, ws.getCell("F6").value, ws.getCell("G6").value]).toEqual([
      294600, 284600, -10000,
    ]);
    expect(ws.getCell("E6").numFmt).toBe('#,##0.00" 元"');
  });

  it("writes the links as Excel does: a location in the sheet, no external relationship", async () => {
    const { xml, rels } = await sheetXml(bytes, "核查结果");
    expect(xml).toContain(`<hyperlink ref="D6" location="&apos;表二 支出决算表&apos;!C11"/>`);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    expect(rels ?? "").not.toContain("hyperlink");
  });
});

describe("generateXlsx: text from the user's cells stays text", () => {
  const HOSTILE_NAME = '=HYPERLINK("http://x","y")';
  let bytes: Uint8Array;
  let result: GenerateResult;

  beforeAll(async () => {
    const hostile = await sampleCopy((wb) => {
      sheet(wb, "表一 预算执行情况").getCell("A2").value = `预算部门名称：${HOSTILE_NAME}`;
      sheet(wb, "表三 绩效指标").getCell("A2").value = `预算部门名称：${HOSTILE_NAME}`;
      sheet(wb, "部门基本情况").getCell("B3").value = HOSTILE_NAME;
      sheet(wb, "部门基本情况").getCell("B7").value = "+1";
      sheet(wb, "部门基本情况").getCell("B8").value = "@SUM(A1)";
    });
    result = await generateXlsx(hostile, {}, "zh-CN");
    bytes = written(result);
  });

  it("reads the hostile department name as the department", () => {
    expect(result.evaluation.department).toBe(HOSTILE_NAME);
  });

  it("writes it, '+1' and '@SUM(A1)' as plain strings, never formulas", async () => {
    const table = sheet(await load(bytes), "绩效自评表");
    // The goals' texts sit in the row under the 年度总体目标 label: 预期目标 in C, 实际完成情况 in F.
    const goals = rowOf(table, "年度总体目标") + 1;
    for (const [address, text] of [
      ["C3", HOSTILE_NAME],
      [`C${goals}`, "+1"],
      [`F${goals}`, "@SUM(A1)"],
    ]) {
      const cell = table.getCell(address);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
    const report = sheet(await load(bytes), "自评报告");
    expect(report.getCell("A1").value).toBe(`${HOSTILE_NAME}2023年度部门整体支出绩效自评报告`);
    expect(report.getCell("A1").type).toBe(ExcelJS.ValueType.String);
  });

  it("puts no formula anywhere in the report's sheets", async () => {
    for (const name of ["绩效自评表", "自评报告", "核查结果"]) {
      expect((await sheetXml(bytes, name)).xml).not.toContain("<f>");
    }
  });
});

describe("generateXlsx: our sheets and the user's", () => {
  it("replaces only its own sheets when run again on its output", async () => {
    const first = written(await generateXlsx(readFileSync(SAMPLE_XLSX), {}, "zh-CN"));
    const again = await generateXlsx(first, {}, "zh-CN");
    const wb = await load(written(again));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      ...INPUT_SHEETS,
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    // Our old 绩效自评表 is not mistaken for the user's tables: the same evaluation comes out.
    expect(again.evaluation.tables.map((t) => t.sheet)).toEqual(INPUT_SHEETS);
    expect(again.evaluation.score?.total).toBe(99.78);
  });

  it("switches languages on a re-run, removing the sheets of the other language", async () => {
    const zh = written(await generateXlsx(readFileSync(SAMPLE_XLSX), {}, "zh-CN"));
    const wb = await load(written(await generateXlsx(zh, {}, "en-US")));
    expect(wb.worksheets.map((ws) => ws.name).slice(INPUT_SHEETS.length)).toEqual([
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
      "_selfeval",
    ]);
  });

  it("never overwrites a sheet of the user's that has one of our names", async () => {
    const withTheirs = await sampleCopy((wb) => {
      wb.addWorksheet("核查结果").getCell("A1").value = "我自己的核查记录";
    });
    const first = written(await generateXlsx(withTheirs, {}, "zh-CN"));
    const again = await generateXlsx(first, {}, "zh-CN");
    expect(again.sheetNames).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" });
    const wb = await load(written(again));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      ...INPUT_SHEETS,
      "核查结果",
      "绩效自评表",
      "自评报告",
      "核查结果 (2)",
      "_selfeval",
    ]);
    expect(sheet(wb, "核查结果").getCell("A1").value).toBe("我自己的核查记录");
    expect(sheet(wb, "核查结果 (2)").getCell("A1").value).toBe("核查结果");
  });

  it("marks each of its sheets with the fingerprint it wrote: the values' address and the title in A1", async () => {
    const out = await load(written(await generateXlsx(readFileSync(SAMPLE_XLSX), {}, "zh-CN")));
    const marker = sheet(out, "_selfeval");
    expect([1, 2, 3].map((r) => [1, 2, 3].map((c) => marker.getCell(r, c).value))).toEqual([
      ["绩效自评表", "table", "A1:H34|2023年度部门整体支出绩效自评表"],
      ["自评报告", "report", "A1:A44,A1:D44|岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告"],
      ["核查结果", "findings", "A1:H4|核查结果"],
    ]);
    // What the fingerprint compares, read back from the written file, is what was recorded.
    expect(worksheetState(sheet(out, "核查结果"))).toEqual({
      a1: "核查结果",
      used: { top: 0, left: 0, bottom: 3, right: 7 },
    });
    expect(ownedSheetNames(out)).toEqual(["绩效自评表", "自评报告", "核查结果"]);
  });

  it("never replaces a sheet the user made under the name of one of ours they deleted", async () => {
    const first = written(await generateXlsx(readFileSync(SAMPLE_XLSX), {}, "zh-CN"));
    const edited = await editXlsx(first, (wb) => {
      wb.removeWorksheet(sheet(wb, "核查结果").id);
      // Their own record, even titled like ours: it is still theirs.
      const theirs = wb.addWorksheet("核查结果");
      theirs.addRow(["核查结果"]);
      theirs.addRow(["日期", "核查事项", "结论"]);
      theirs.addRow(["2024-03-01", "预算执行数与决算表核对", "一致"]);
      theirs.addRow(["2024-03-02", "指标完成值佐证", 12]);
    });
    const before = (await readXlsxBuffer(edited)).sheets.find((s) => s.name === "核查结果");

    const again = await generateXlsx(edited, {}, "zh-CN");
    expect(again.sheetNames).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" });
    const bytes = written(again);
    const after = (await readXlsxBuffer(bytes)).sheets.find((s) => s.name === "核查结果");
    expect(after).toEqual(before);
    expect(after?.values).toEqual([
      ["核查结果", null, null],
      ["日期", "核查事项", "结论"],
      ["2024-03-01", "预算执行数与决算表核对", "一致"],
      ["2024-03-02", "指标完成值佐证", 12],
    ]);
    const wb = await load(bytes);
    // Ours are removed and added anew after the others, so the user's 核查结果 now comes first.
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      ...INPUT_SHEETS,
      "核查结果",
      "绩效自评表",
      "自评报告",
      "核查结果 (2)",
      "_selfeval",
    ]);
    expect(sheet(wb, "核查结果 (2)").getCell("A1").value).toBe("核查结果");
    // The user's sheet is read as theirs: the evaluation saw it (it holds no table, so the score is the same).
    expect(again.evaluation.score?.total).toBe(99.78);
    expect(ownedSheetNames(wb)).toEqual(["绩效自评表", "自评报告", "核查结果 (2)"]);

    // A third run replaces our 核查结果 (2) in place and still leaves theirs alone.
    const third = await generateXlsx(bytes, {}, "zh-CN");
    expect(third.sheetNames).toEqual(again.sheetNames);
    const wb3 = await load(written(third));
    expect(wb3.worksheets.map((ws) => ws.name)).toEqual(wb.worksheets.map((ws) => ws.name));
    expect((await readXlsxBuffer(written(third))).sheets.find((s) => s.name === "核查结果")).toEqual(before);
  });

  it("leaves our sheet to the user once they wrote beyond its cells; an edit inside them is replaced", async () => {
    const first = written(await generateXlsx(readFileSync(SAMPLE_XLSX), {}, "zh-CN"));
    const noted = await editXlsx(first, (wb) => {
      sheet(wb, "绩效自评表").getCell("A40").value = "备注：此表已报财政局，请勿改动"; // below our last row, 34
      sheet(wb, "核查结果").getCell("B3").value = "用户改写的说明";
    });
    const again = await generateXlsx(noted, {}, "zh-CN");
    expect(again.sheetNames).toEqual({ table: "绩效自评表 (2)", report: "自评报告", findings: "核查结果" });
    const wb = await load(written(again));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      ...INPUT_SHEETS,
      "绩效自评表",
      "绩效自评表 (2)",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    expect(sheet(wb, "绩效自评表").getCell("A40").value).toBe("备注：此表已报财政局，请勿改动");
    expect(sheet(wb, "核查结果").getCell("B3").value).not.toBe("用户改写的说明");
  });

  it("writes nothing when the budget block or the indicators table is missing", async () => {
    const bare = await buildXlsx([{ name: "部门基本情况", rows: [["部门名称", "某某局"]] }]);
    const result = await generateXlsx(bare, {}, "zh-CN");
    expect(result.buffer).toBeNull();
    expect(result.sheetNames).toBeNull();
    expect(result.missing).toEqual(["budget", "indicators"]);
  });
});

describe("renderReport", () => {
  it("resolves links to our own sheets through the planned names", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("绩效自评表").getCell("A1").value = "用户的表";
    const spec = buildReport(seedInput(), "zh-CN");
    const table = spec.sheets[0];
    const linked = {
      ...spec,
      sheets: [
        {
          ...table,
          cells: [
            ...table.cells,
            {
              row: 40,
              col: 0,
              value: "查看核查结果",
              styleId: "label",
              hyperlink: { sheet: "核查结果", address: "A1", reportSheet: "findings" as const },
            },
          ],
        },
        ...spec.sheets.slice(1),
      ],
    };
    const names = renderReport(wb, linked);
    expect(names.table).toBe("绩效自评表 (2)");
    const back = await load(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheet(back, "绩效自评表").getCell("A1").value).toBe("用户的表");
    expect(sheet(back, "绩效自评表 (2)").getCell("A41").value).toEqual({
      text: "查看核查结果",
      hyperlink: "#'核查结果'!A1",
    });
  });

  it("writes a 核查结果 alone in place of all our old sheets, the user's sheet kept", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("预算执行").getCell("A1").value = "年度资金总额";
    renderReport(wb, buildReport(seedInput(), "zh-CN"));
    expect(ownedSheetNames(wb)).toEqual(["绩效自评表", "自评报告", "核查结果"]);

    const full = buildReport(seedInput(), "zh-CN");
    const findingsOnly = { sheets: full.sheets.filter((s) => s.key === "findings") };
    const names = renderReport(wb, findingsOnly);
    expect(names).toEqual({ findings: "核查结果" });
    const back = await load(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(back.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ["预算执行", "visible"],
      ["核查结果", "visible"],
      ["_selfeval", "veryHidden"],
    ]);
    expect(sheet(back, "预算执行").getCell("A1").value).toBe("年度资金总额");
    expect(ownedSheetNames(back)).toEqual(["核查结果"]);
  });
});

describe("the .xlsx host parses the workbook once", () => {
  // exceljs's package parser: every parse of .xlsx bytes goes through it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XLSX = require("exceljs/lib/xlsx/xlsx") as { prototype: { load: (...args: unknown[]) => unknown } };

  afterEach(() => jest.restoreAllMocks());

  it("reads, evaluates and writes the report from one parse of the input (and saves without another)", async () => {
    const parse = jest.spyOn(XLSX.prototype, "load");
    const result = await generateXlsx(readFileSync(SAMPLE_XLSX), {}, "zh-CN");
    expect(result.sheetNames).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
