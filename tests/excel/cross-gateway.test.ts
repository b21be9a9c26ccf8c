/**
 * A report the CLI wrote (.xlsx gateway), opened in Excel and re-run from the add-in (Office.js gateway): our sheets
 * are still recognised as ours by the fingerprints the CLI recorded, and replaced in place; a sheet the user made
 * under one of our names in between is still theirs.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport, reportFingerprints } from "../../src/engine/report/index";
import { readWorkbookDetailed } from "../../src/gateway/office/read";
import { writeReport } from "../../src/gateway/office/write";
import { generateXlsx } from "../gateway/generate-xlsx";
import type { FakeExcel } from "../fakes/excel-fake";
import { editXlsx } from "../fixtures/xlsx-builders";
import { xlsxInFake } from "./xlsx-in-fake";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");
const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];

async function cliOutput(): Promise<Uint8Array> {
  const result = await generateXlsx(readFileSync(SAMPLE), {}, "zh-CN");
  if (!result.buffer) throw new Error("the CLI wrote nothing");
  return result.buffer;
}

/** The marker's rows (columns A:C) as the fake holds them. */
function markerRows(fake: FakeExcel): unknown[][] {
  const marker = fake.sheet("_selfeval");
  const rows: unknown[][] = [];
  for (let r = 0; r < 20; r++) {
    const a = marker.peek(r, 0)?.value ?? null;
    if (a !== null) rows.push([0, 1, 2].map((c) => marker.peek(r, c)?.value ?? null));
  }
  return rows;
}

/** What a sheet holds, to prove it was not touched. */
function contents(fake: FakeExcel, name: string): string {
  const s = fake.sheet(name);
  return JSON.stringify([[...s.cells.entries()], s.merges, s.visibility]);
}

describe("the CLI's report re-run from the add-in", () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  test("the reader knows our sheets by the fingerprints the CLI recorded and leaves them out", async () => {
    const fake = await xlsxInFake(await cliOutput());
    restore = fake.installOfficeGlobal();
    const read = await fake.run((context) => readWorkbookDetailed(context));
    expect(read.ownedSheets).toEqual(["绩效自评表", "自评报告", "核查结果"]);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(INPUT_SHEETS);
    // Names, used ranges with the marker, values, and the amount columns' number formats (issue 16 §3).
    expect(fake.syncCount).toBe(4);
  });

  test("writeReport replaces them in place: no (2), the same five syncs as any re-run", async () => {
    const fake = await xlsxInFake(await cliOutput());
    restore = fake.installOfficeGlobal();
    const read = await fake.run((context) => readWorkbookDetailed(context));
    const spec = buildReport(evaluateWorkbook(read.snapshot), "zh-CN");
    const inputs = INPUT_SHEETS.map((n) => contents(fake, n));
    fake.resetSyncLog();

    const result = await fake.run((context) => writeReport(context, spec));
    expect(result.names).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
    expect(fake.syncCount).toBe(5);
    expect(fake.sheetNames()).toEqual([...INPUT_SHEETS, "_selfeval", "绩效自评表", "自评报告", "核查结果"]);
    expect(INPUT_SHEETS.map((n) => contents(fake, n))).toEqual(inputs);
    // The add-in records the same fingerprints the CLI did: the two gateways render the spec alike.
    const prints = reportFingerprints(spec);
    expect(markerRows(fake)).toEqual([
      ["绩效自评表", "table", prints.table],
      ["自评报告", "report", prints.report],
      ["核查结果", "findings", prints.findings],
    ]);
    expect(prints.findings).toBe("A1:H4|核查结果");
  });

  test("a sheet the user made under the name of our deleted 核查结果 stays theirs; ours is 核查结果 (2)", async () => {
    const edited = await editXlsx(await cliOutput(), (wb) => {
      const ours = wb.getWorksheet("核查结果");
      if (ours) wb.removeWorksheet(ours.id);
      const theirs = wb.addWorksheet("核查结果");
      theirs.addRow(["核查结果"]);
      theirs.addRow(["日期", "核查事项", "结论"]);
      theirs.addRow(["2024-03-01", "预算执行数与决算表核对", "一致"]);
    });
    const fake = await xlsxInFake(edited);
    restore = fake.installOfficeGlobal();
    const theirs = contents(fake, "核查结果");

    const read = await fake.run((context) => readWorkbookDetailed(context));
    expect(read.ownedSheets).toEqual(["绩效自评表", "自评报告"]);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual([...INPUT_SHEETS, "核查结果"]);

    const spec = buildReport(evaluateWorkbook(read.snapshot), "zh-CN");
    fake.resetSyncLog();
    const result = await fake.run((context) => writeReport(context, spec));
    expect(result.names).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" });
    expect(fake.syncCount).toBe(5);
    expect(contents(fake, "核查结果")).toBe(theirs);
    expect(fake.sheetNames()).toEqual([
      ...INPUT_SHEETS,
      "_selfeval",
      "核查结果",
      "绩效自评表",
      "自评报告",
      "核查结果 (2)",
    ]);
    expect(markerRows(fake).map((r) => r[0])).toEqual(["绩效自评表", "自评报告", "核查结果 (2)"]);
  });
});
