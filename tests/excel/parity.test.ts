/**
 * The two gateways agree: the sample workbook read through Office.js (from the fake holding what Excel would hold)
 * gives the same snapshot, findings and scores as the .xlsx reader, and the report rendered through Office.js has the
 * same cell values and merges as the .xlsx rendering of the same spec.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport } from "../../src/engine/report/index";
import type { CellRange } from "../../src/engine/snapshot";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { renderReport } from "../../src/gateway/xlsx/write";
import { readWorkbook } from "../../src/gateway/office/read";
import { writeReport } from "../../src/gateway/office/write";
import type { FakeExcel } from "../fakes/excel-fake";
import { xlsxInFake } from "./xlsx-in-fake";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");

/** The sample workbook as Excel would hold it, in the fake. */
const sampleInFake = (bytes: Buffer): Promise<FakeExcel> => xlsxInFake(bytes);

describe("Office.js and .xlsx gateways agree on the sample workbook", () => {
  let restore: () => void;
  afterEach(() => restore());

  test("same snapshot, findings and scores", async () => {
    const bytes = readFileSync(SAMPLE);
    const fake = await sampleInFake(bytes);
    restore = fake.installOfficeGlobal();

    const viaOffice = await fake.run((context) => readWorkbook(context));
    const viaXlsx = await readXlsxBuffer(bytes, { formulas: false });
    expect(viaOffice).toEqual(viaXlsx);
    // Names, used ranges, values, and the amount columns' number formats (issue 16 §3).
    expect(fake.syncCount).toBe(4);

    const a = evaluateWorkbook(viaOffice);
    const b = evaluateWorkbook(viaXlsx);
    expect(a.findings).toEqual(b.findings);
    expect(a.score).toEqual(b.score);
    expect(a.score?.total).toBeGreaterThan(0);
  });

  test("same cell values and merges in the rendered report", async () => {
    const bytes = readFileSync(SAMPLE);
    const fake = await sampleInFake(bytes);
    restore = fake.installOfficeGlobal();
    const spec = buildReport(evaluateWorkbook(await fake.run((context) => readWorkbook(context))), "zh-CN");

    const office = await fake.run((context) => writeReport(context, spec));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const xlsxNames = renderReport(wb, spec);
    expect(office.names).toEqual(xlsxNames);

    for (const key of ["table", "report", "findings"] as const) {
      const ws = wb.getWorksheet(xlsxNames[key]) as ExcelJS.Worksheet;
      const ours = fake.sheet(office.names[key]);
      const fromXlsx: string[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master !== cell) return;
          const v = cell.value;
          const shown = v !== null && typeof v === "object" && "hyperlink" in v ? v.text : v;
          if (shown !== null && shown !== undefined)
            fromXlsx.push(`${r - 1},${c - 1}=${JSON.stringify(shown)}`);
        }),
      );
      const fromOffice = [...ours.cells.entries()]
        .filter(([, cell]) => cell.value !== null)
        .map(([k, cell]) => `${Math.floor(k / 16_384)},${k % 16_384}=${JSON.stringify(cell.value)}`);
      expect(fromOffice.sort()).toEqual(fromXlsx.sort());
      expect(fromOffice.length).toBeGreaterThan(10);

      const xlsxMerges: CellRange[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(
        (m) => {
          const [a, b] = m.split(":");
          const from = ws.getCell(a);
          const to = ws.getCell(b);
          return {
            top: Number(from.row) - 1,
            left: Number(from.col) - 1,
            bottom: Number(to.row) - 1,
            right: Number(to.col) - 1,
          };
        },
      );
      const order = (l: readonly CellRange[]) => [...l].sort((x, y) => x.top - y.top || x.left - y.left);
      expect(order(ours.merges)).toEqual(order(xlsxMerges));
    }
  });
});

/**
 * Issue 16 §3: a date typed where an amount belongs. Office.js hands it over as a serial number; the reader loads the
 * number formats of the recognised amount columns and turns it into the date the .xlsx reader sees, so both paths
 * give the same value.unparsed finding.
 */
describe("a date typed as an amount: the same findings through Office.js and .xlsx", () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  /** The sample with dates typed in 表一 D5 (全年执行数 of 年度资金总额) and 表二 D6 (基本支出), or in 表三 H4 (偏差原因, text). */
  async function withDates(where: "amounts" | "text"): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const put = (sheet: string, address: string, iso: string, numFmt: string): void => {
      const cell = (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);
      cell.value = new Date(`${iso}T00:00:00Z`);
      // A style of its own: exceljs shares style objects between cells, and the format must not leak to the column.
      cell.style = { ...cell.style, numFmt };
    };
    if (where === "amounts") {
      put("表一 预算执行情况", "D5", "2023-12-31", "yyyy/m/d");
      put("表二 支出决算表", "D6", "2023-06-30", 'yyyy"年"m"月"d"日"');
    } else put("表三 绩效指标", "H4", "2024-01-15", "yyyy-mm-dd");
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  test("value.unparsed on 表一 D5 and 表二 D6 on both paths, one sync of amount formats", async () => {
    const bytes = await withDates("amounts");
    const fake = await xlsxInFake(bytes);
    restore = fake.installOfficeGlobal();
    // What Excel holds: serial numbers under a date format.
    expect(fake.sheet("表一 预算执行情况").cell(4, 3).value).toBe(45_291);
    expect(fake.sheet("表一 预算执行情况").cell(4, 3).numberFormat).toBe("yyyy/m/d");

    const viaOffice = await fake.run((context) => readWorkbook(context));
    const viaXlsx = await readXlsxBuffer(bytes, { formulas: false });
    const at = (s: typeof viaOffice, sheet: string, row: number, col: number): unknown =>
      s.sheets.find((x) => x.name === sheet)?.values[row]?.[col];
    expect(at(viaOffice, "表一 预算执行情况", 4, 3)).toEqual({ kind: "date", iso: "2023-12-31" });
    expect(at(viaOffice, "表二 支出决算表", 5, 3)).toEqual({ kind: "date", iso: "2023-06-30" });
    expect(at(viaXlsx, "表一 预算执行情况", 4, 3)).toEqual({ kind: "date", iso: "2023-12-31" });
    expect(at(viaXlsx, "表二 支出决算表", 5, 3)).toEqual({ kind: "date", iso: "2023-06-30" });
    // Names, used ranges, values, then one sync of formats: 表一's three amount columns and 表二's three.
    expect(fake.syncCount).toBe(4);
    expect(fake.syncs[3].operations).toBe(6);

    const a = evaluateWorkbook(viaOffice);
    const b = evaluateWorkbook(viaXlsx);
    const unparsed = (findings: typeof a.findings): string[] =>
      findings
        .filter((f) => f.rule === "value.unparsed")
        .map((f) => `${f.cells.map((c) => `${c.sheet}!${c.address}`).join(" ")} ${f.message["zh-CN"]}`);
    expect(unparsed(a.findings)).toEqual([
      "表一 预算执行情况!D5 年度资金总额（全年执行数）：“2023-12-31”不是金额，该单元格未参与求和校验",
      "表二 支出决算表!D6 201 一般公共服务支出（基本支出）：“2023-06-30”不是金额，该单元格未参与求和校验",
    ]);
    expect(a.findings).toEqual(b.findings);
    expect(a.score).toEqual(b.score);
  });

  test("a date in a text column is not reloaded: no format asked for it, Office.js keeps the serial number", async () => {
    const bytes = await withDates("text");
    const fake = await xlsxInFake(bytes);
    restore = fake.installOfficeGlobal();
    const viaOffice = await fake.run((context) => readWorkbook(context));
    const viaXlsx = await readXlsxBuffer(bytes, { formulas: false });
    const h4 = (s: typeof viaOffice): unknown =>
      s.sheets.find((x) => x.name === "表三 绩效指标")?.values[3]?.[7];
    expect(h4(viaXlsx)).toEqual({ kind: "date", iso: "2024-01-15" });
    expect(h4(viaOffice)).toBe(45_306);
    // The same six amount ranges as without the date: the 偏差原因 column is not among them.
    expect(fake.syncCount).toBe(4);
    expect(fake.syncs[3].operations).toBe(6);
    // No value rule looks at a text cell that is not an error: the findings agree.
    expect(evaluateWorkbook(viaOffice).findings).toEqual(evaluateWorkbook(viaXlsx).findings);
  });
});
