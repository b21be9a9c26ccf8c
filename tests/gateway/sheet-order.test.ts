/**
 * sheet-order.ts: exceljs loads a workbook into exactly the worksheets it made before the patch — the same ids, names,
 * tab order (orderNo) and states, the same slots, the same refusal of a name taken twice — on the shapes where its two
 * searches could answer otherwise: sheets out of id order, ids missing, repeated or no number, a chart sheet among
 * the worksheets, names equal but for case, names cut to 31 characters.
 */
import { installSheetOrderFix } from "../../src/gateway/xlsx/sheet-order";
import { zip, type ZipEntry } from "../fixtures/hostile/zip";

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's document classes are not exported by its index. */
interface LoadedWorksheet {
  readonly id: unknown;
  readonly name: string;
  readonly orderNo: unknown;
  readonly state: string;
}
interface LoadedWorkbook {
  readonly _worksheets: (LoadedWorksheet | undefined)[];
  readonly worksheets: LoadedWorksheet[];
  readonly xlsx: { load(data: Uint8Array): Promise<unknown> };
}
const Workbook = require("exceljs/lib/doc/workbook") as { prototype: object } & (new () => LoadedWorkbook);
/* eslint-enable @typescript-eslint/no-require-imports */

// exceljs's own setter, taken before the patch replaces it (nothing this file imports installs it).
const exceljsModel = Object.getOwnPropertyDescriptor(Workbook.prototype, "model")!;
installSheetOrderFix();
const patchedModel = Object.getOwnPropertyDescriptor(Workbook.prototype, "model")!;

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A package whose workbook part lists `sheets` as written (each `<sheet …/>` naming r:id="rIdN") over `worksheets`
 * worksheet parts, rIdN → worksheets/sheetN.xml, and rIdC → a chart sheet part (not a worksheet to exceljs).
 */
function workbookWith(sheets: readonly string[], worksheets: number): Buffer {
  const rels = Array.from(
    { length: worksheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdC" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/>`);
  const parts: ZipEntry[] = Array.from({ length: worksheets }, (_, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1"><v>${i + 1}</v></c></row></sheetData></worksheet>`,
  }));
  return zip([
    {
      name: "[Content_Types].xml",
      data:
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets.join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}</Relationships>`,
    },
    ...parts,
    {
      name: "xl/chartsheets/sheet1.xml",
      data: `<chartsheet xmlns="${NS_MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
    },
  ]);
}

const sheet = (name: string, sheetId: string | null, rId: string): string =>
  `<sheet name="${name}"${sheetId === null ? "" : ` sheetId="${sheetId}"`} r:id="${rId}"/>`;

/**
 * What a load makes: every slot of the worksheets list and the worksheets in tab order, or the error it throws; and
 * the warnings exceljs prints (one each time it cuts a long name).
 */
async function loaded(bytes: Uint8Array): Promise<unknown> {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const workbook = new Workbook();
  let error: string | null = null;
  try {
    await workbook.xlsx.load(bytes);
  } catch (e) {
    error = (e as Error).message;
  }
  const warnings = [...warn.mock.calls];
  warn.mockRestore();
  if (error !== null) return { error, warnings };
  const describe = (ws: LoadedWorksheet) => [ws.id, ws.name, ws.orderNo, ws.state];
  return {
    slots: Object.entries(workbook._worksheets).map(([slot, ws]) => [slot, ws && describe(ws)]),
    tabs: workbook.worksheets.map(describe),
    warnings,
  };
}

/** The same load with exceljs's own setter, the patch put back afterwards. */
async function loadedByExceljs(bytes: Uint8Array): Promise<unknown> {
  Object.defineProperty(Workbook.prototype, "model", exceljsModel);
  try {
    return await loaded(bytes);
  } finally {
    Object.defineProperty(Workbook.prototype, "model", patchedModel);
  }
}

const LONG = "二〇二三年度部门整体支出绩效自评表附件一预算执行情况明细表（单位：万元）"; // 36 characters
const CASES: readonly (readonly [string, Buffer])[] = [
  [
    "sheets out of id order, a chart sheet among them",
    workbookWith(
      [
        sheet("表三", "3", "rId3"),
        sheet("图表", "9", "rIdC"),
        sheet("表一", "1", "rId1"),
        sheet("表二", "2", "rId2"),
      ],
      3,
    ),
  ],
  [
    "a sheetId missing and one that is no number",
    workbookWith([sheet("甲", null, "rId1"), sheet("乙", "x", "rId2"), sheet("丙", "5", "rId3")], 3),
  ],
  [
    "one sheetId twice",
    workbookWith([sheet("甲", "2", "rId1"), sheet("乙", "2", "rId2"), sheet("丙", "1", "rId3")], 3),
  ],
  [
    "a worksheet replaced by one of the same sheetId, its name then free",
    workbookWith([sheet("甲", "2", "rId1"), sheet("乙", "2", "rId2"), sheet("甲", "1", "rId3")], 3),
  ],
  ["names equal but for case", workbookWith([sheet("Sheet1", "1", "rId1"), sheet("SHEET1", "2", "rId2")], 2)],
  [
    "the same name on the same sheetId",
    workbookWith([sheet("Sheet1", "1", "rId1"), sheet("sheet1", "1", "rId2")], 2),
  ],
  [
    "a name longer than 31 characters",
    workbookWith([sheet("表一", "1", "rId1"), sheet(LONG, "2", "rId2")], 2),
  ],
  [
    "two names alike in their first 31 characters",
    workbookWith([sheet(LONG.slice(0, 31), "1", "rId1"), sheet(`${LONG.slice(0, 31)}乙`, "2", "rId2")], 2),
  ],
  [
    "forty sheets listed last to first",
    workbookWith(
      Array.from({ length: 40 }, (_, i) => sheet(`S${40 - i}`, String(40 - i), `rId${40 - i}`)),
      40,
    ),
  ],
];

it("replaces exceljs's setter (the comparisons below are against its own)", () => {
  expect(patchedModel.set).not.toBe(exceljsModel.set);
  expect(patchedModel.get).toBe(exceljsModel.get);
});

it.each(CASES)("%s: the same worksheets as exceljs makes", async (_shape, bytes) => {
  expect(await loaded(bytes)).toEqual(await loadedByExceljs(bytes));
});

it("gives each worksheet its tab position, whatever its id", async () => {
  expect(await loaded(CASES[0][1])).toEqual({
    slots: [
      ["1", [1, "表一", 2, "visible"]],
      ["2", [2, "表二", 3, "visible"]],
      ["3", [3, "表三", 0, "visible"]],
    ],
    tabs: [
      [3, "表三", 0, "visible"],
      [1, "表一", 2, "visible"],
      [2, "表二", 3, "visible"],
    ],
    warnings: [],
  });
});

it("refuses a name taken twice, in any case, as exceljs does", async () => {
  expect(await loaded(CASES[4][1])).toEqual({ error: "Worksheet name already exists: SHEET1", warnings: [] });
});
