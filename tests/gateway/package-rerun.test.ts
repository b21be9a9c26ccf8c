/**
 * The package writer's re-runs on packages whose earlier report was moved, edited or written another way: the
 * sheet-scoped defined names and the active tab follow their sheets, a sheet of ours the user changed stays theirs,
 * the calculation chain goes only when sheets go, and a workbook written by the exceljs route is taken over.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { readFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import {
  buildReport,
  MARKER_SHEET_NAME,
  withoutOwnedSheets,
  type ReportSpec,
} from "../../src/engine/report/index";
import { addReportToPackage, ownedSheetsInPackage } from "../../src/gateway/xlsx/package/index";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { generateXlsx } from "./generate-xlsx";

// Each test writes a workbook two or three times (about a second each when the machine is quiet); the suite's own
// 10-minute timeout (jest.config.js) is the only ceiling, for a hung test.

const SAMPLE = new Uint8Array(
  readFileSync(join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx")),
);
const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];
const OUR_SHEETS = ["绩效自评表", "自评报告", "核查结果"];

async function specOf(bytes: Uint8Array): Promise<ReportSpec> {
  const owned = await ownedSheetsInPackage(bytes);
  const snapshot = withoutOwnedSheets(await readXlsxBuffer(bytes), owned);
  return buildReport(evaluateWorkbook(snapshot, {}), "zh-CN");
}

async function addReport(bytes: Uint8Array) {
  return addReportToPackage(bytes, await specOf(bytes));
}

async function text(bytes: Uint8Array, part: string): Promise<string | null> {
  return (await JSZip.loadAsync(bytes)).file(part)?.async("string") ?? null;
}

async function edit(
  bytes: Uint8Array,
  changes: Record<string, (xml: string) => string>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, change] of Object.entries(changes))
    zip.file(part, change((await zip.file(part)?.async("string")) ?? ""));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The <sheet> names and the defined names (name@localSheetId) of a workbook part, in order. */
function workbookOutline(xml: string): { sheets: string[]; names: string[]; activeTab: string | null } {
  const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const names = [...xml.matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?/g)].map(
    (m) => `${m[1]}@${m[2] ?? "-"}`,
  );
  return { sheets, names, activeTab: /activeTab="(\d+)"/.exec(xml)?.[1] ?? null };
}

/** The part a sheet's relationship names, as "xl/worksheets/sheetN.xml". */
async function sheetPart(bytes: Uint8Array, name: string): Promise<string> {
  const book = (await text(bytes, "xl/workbook.xml"))!;
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const rels = (await text(bytes, "xl/_rels/workbook.xml.rels"))!;
  return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
}

test("a workbook the exceljs route wrote (shared strings in our sheets) is taken over: ours replaced, same cells", async () => {
  const route = await generateXlsx(SAMPLE, {}, "zh-CN");
  const before = route.buffer!;
  expect(await ownedSheetsInPackage(before)).toEqual(OUR_SHEETS);
  const result = await addReport(before);
  expect(result.replaced).toEqual([...OUR_SHEETS, MARKER_SHEET_NAME]);
  expect(Object.values(result.sheetNames)).toEqual(OUR_SHEETS);
  expect(await text(result.bytes, "xl/sharedStrings.xml")).toBe(await text(before, "xl/sharedStrings.xml"));
  const [ours, theirs] = [await load(result.bytes), await load(before)];
  expect(ours.worksheets.map((ws) => ws.name)).toEqual([...INPUT_SHEETS, ...OUR_SHEETS, MARKER_SHEET_NAME]);
  for (const name of [...OUR_SHEETS, MARKER_SHEET_NAME]) {
    const values = (wb: ExcelJS.Workbook) => {
      const out: Record<string, unknown> = {};
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => (out[c.address] = c.value)));
      return out;
    };
    expect({ name, values: values(ours) }).toEqual({ name, values: values(theirs) });
  }
});

test("our sheets moved among the user's: sheet-scoped names and the active tab follow their sheets", async () => {
  const first = (await addReport(SAMPLE)).bytes;
  // The user drags our four sheets before 部门基本情况, names its cell B3 there, and leaves that sheet active.
  const moved = await edit(first, {
    "xl/workbook.xml": (xml) => {
      const entries = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
      const reordered = [...entries.slice(0, 3), ...entries.slice(4), entries[3]];
      return (
        xml
          .replace(/<sheets>.*<\/sheets>/, `<sheets>${reordered.join("")}</sheets>`)
          // Excel moves our print titles with their sheets.
          .replace('localSheetId="4"', 'localSheetId="3"')
          .replace('localSheetId="6"', 'localSheetId="5"')
          .replace(/(<workbookPr[^>]*\/>)/, '$1<bookViews><workbookView activeTab="7"/></bookViews>')
          .replace(
            "</definedNames>",
            '<definedName name="本表单位" localSheetId="7">\'部门基本情况\'!$B$3</definedName></definedNames>',
          )
      );
    },
  });
  expect(workbookOutline((await text(moved, "xl/workbook.xml"))!)).toEqual({
    sheets: [...INPUT_SHEETS.slice(0, 3), ...OUR_SHEETS, MARKER_SHEET_NAME, "部门基本情况"],
    names: [
      "_xlnm.Print_Titles@0",
      "_xlnm.Print_Titles@1",
      "_xlnm.Print_Titles@2",
      "_xlnm.Print_Titles@3",
      "_xlnm.Print_Titles@5",
      "本表单位@7",
    ],
    activeTab: "7",
  });
  const again = await addReport(moved);
  expect(workbookOutline((await text(again.bytes, "xl/workbook.xml"))!)).toEqual({
    sheets: [...INPUT_SHEETS, ...OUR_SHEETS, MARKER_SHEET_NAME],
    names: [
      "_xlnm.Print_Titles@0",
      "_xlnm.Print_Titles@1",
      "_xlnm.Print_Titles@2",
      "本表单位@3",
      "_xlnm.Print_Titles@4",
      "_xlnm.Print_Titles@6",
    ],
    activeTab: "3",
  });
  const wb = await load(again.bytes);
  expect(wb.getWorksheet("核查结果")!.pageSetup.printTitlesRow).toBe("1:3");
  expect(wb.getWorksheet("绩效自评表")!.pageSetup.printTitlesRow).toBe("1:2");
});

test("a sheet of ours the user wrote into stays theirs, untouched; ours takes the next free name", async () => {
  const first = (await addReport(SAMPLE)).bytes;
  const findings = await sheetPart(first, "核查结果");
  const edited = await edit(first, {
    [findings]: (xml) =>
      xml.replace(
        "</sheetData>",
        '<row r="99"><c r="Z99" t="inlineStr"><is><t>我的备注</t></is></c></row></sheetData>',
      ),
  });
  const again = await addReport(edited);
  expect(again.replaced).toEqual(["绩效自评表", "自评报告", MARKER_SHEET_NAME]);
  expect(again.sheetNames).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" });
  expect(await text(again.bytes, findings)).toBe(await text(edited, findings));
  expect(workbookOutline((await text(again.bytes, "xl/workbook.xml"))!).sheets).toEqual([
    ...INPUT_SHEETS,
    "核查结果",
    "绩效自评表",
    "自评报告",
    "核查结果 (2)",
    MARKER_SHEET_NAME,
  ]);
});

const CALC_CHAIN =
  '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="F5" i="1"/></calcChain>';
const withCalcChain = (bytes: Uint8Array) =>
  edit(bytes, {
    "xl/calcChain.xml": () => CALC_CHAIN,
    "xl/_rels/workbook.xml.rels": (xml) =>
      xml.replace(
        "</Relationships>",
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    "[Content_Types].xml": (xml) =>
      xml.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
  });

test("the calculation chain is kept on a first run and dropped with our old sheets on a re-run", async () => {
  const first = (await addReport(await withCalcChain(SAMPLE))).bytes;
  expect(await text(first, "xl/calcChain.xml")).toBe(CALC_CHAIN);
  const again = (await addReport(await withCalcChain((await addReport(SAMPLE)).bytes))).bytes;
  expect(await text(again, "xl/calcChain.xml")).toBeNull();
  expect(await text(again, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  expect(await text(again, "[Content_Types].xml")).not.toContain("calcChain");
});
