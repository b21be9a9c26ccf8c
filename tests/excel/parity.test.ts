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
    expect(fake.syncCount).toBe(3);

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
