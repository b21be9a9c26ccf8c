import { cellAt, errorValue } from "../../src/engine/snapshot";
import { readWorkbook, readWorkbookDetailed } from "../../src/gateway/office/read";
import { ExcelGatewayError } from "../../src/gateway/office/errors";
import { FakeExcel, fakeError } from "../fakes/excel-fake";
import { sheet, workbook } from "../helpers/grid";

/** A budget sheet as exported from the budget system: title, unit caption, two-row merged header, amounts as text. */
function budgetRows(): (string | number | null | ReturnType<typeof fakeError>)[][] {
  return [
    ["2023年度部门整体支出绩效自评表", null, null, null, null],
    ["单位：万元", null, null, null, null],
    ["项  目", "年初预算数", "全年预算数", "全年执行数", null],
    [null, null, null, "金额", "执行率"],
    ["年度资金总额", "861.10", 2030.12, 2030.12, 1],
    ["  其中：一般公共预算", 1325.68, 1325.68, "1,325.68", fakeError("#REF!")],
    ["        政府性基金", 118.82, 118.82, 118.82, "#N/A"],
  ];
}

function sampleWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("表一 预算执行", {
    origin: "B2",
    rows: budgetRows(),
    merges: ["B2:F2", "B4:B5", "C4:C5", "D4:D5", "E4:F4"],
  });
  fake.addSheet("Sheet2", {});
  fake.addSheet("参数", { rows: [["容差", 0.01]], visibility: "Hidden" });
  // A report written by an earlier run, listed in the very hidden marker with the fingerprint it was written with
  // (its values in A1:B2, its title in A1): it must not be read as user data.
  fake.addSheet("绩效自评表", { rows: [["2023年度部门整体支出绩效自评表"], ["年度资金总额", 2030.12]] });
  fake.addSheet("_selfeval", {
    rows: [["绩效自评表", "table", "A1:B2|2023年度部门整体支出绩效自评表"]],
    visibility: "VeryHidden",
  });
  return fake;
}

describe("readWorkbook", () => {
  let restore: () => void;
  let fake: FakeExcel;
  beforeEach(() => {
    fake = sampleWorkbook();
    restore = fake.installOfficeGlobal();
  });
  afterEach(() => restore());

  test("gives the engine's snapshot: values, error values, merges, hidden flag; our sheets left out", async () => {
    const snapshot = await fake.run((context) => readWorkbook(context));
    const expected = workbook(
      sheet(
        "表一 预算执行",
        [
          ["2023年度部门整体支出绩效自评表", null, null, null, null],
          ["单位：万元", null, null, null, null],
          ["项  目", "年初预算数", "全年预算数", "全年执行数", null],
          [null, null, null, "金额", "执行率"],
          ["年度资金总额", "861.10", 2030.12, 2030.12, 1],
          ["  其中：一般公共预算", 1325.68, 1325.68, "1,325.68", "#REF!"],
          ["        政府性基金", 118.82, 118.82, 118.82, "#N/A"],
        ],
        { origin: "B2", merges: ["B2:F2", "B4:B5", "C4:C5", "D4:D5", "E4:F4"], hidden: false },
      ),
      { name: "Sheet2", originRow: 0, originCol: 0, values: [], merges: [], hidden: false },
      sheet("参数", [["容差", 0.01]], { hidden: true }),
    );
    // "#N/A" in F8 was typed as text, so it stays a string; only the real error in F7 is an ErrorValue.
    const table = expected.sheets[0];
    const rows = table.values.map((r) => [...r]);
    rows[6][4] = "#N/A";
    const fixed = workbook({ ...table, values: rows }, expected.sheets[1], expected.sheets[2]);
    expect(snapshot).toEqual(fixed);
    expect(cellAt(snapshot.sheets[0], 6, 5)).toEqual(errorValue("#REF!"));
    expect(cellAt(snapshot.sheets[0], 7, 5)).toBe("#N/A");
    expect(snapshot.sheets[2].hidden).toBe(true);
    expect(snapshot.sheets[0].hidden).toBe(false);
  });

  test("reports which sheets are ours and can include them on request", async () => {
    const result = await fake.run((context) => readWorkbookDetailed(context, { includeOwnSheets: true }));
    expect(result.ownedSheets).toEqual(["绩效自评表"]);
    expect(result.snapshot.sheets.map((s) => s.name)).toEqual([
      "表一 预算执行",
      "Sheet2",
      "参数",
      "绩效自评表",
    ]);
    expect(result.notices).toEqual([]);
  });

  test("a listed sheet that no longer carries its fingerprint is the user's and is read, in the same syncs", async () => {
    fake.model.deleteSheet(fake.sheet("绩效自评表"));
    fake.addSheet("绩效自评表", { rows: [["我的自评底稿"], ["年度资金总额", 2030.12]] });
    const result = await fake.run((context) => readWorkbookDetailed(context));
    expect(result.ownedSheets).toEqual([]);
    expect(result.snapshot.sheets.map((s) => s.name)).toEqual([
      "表一 预算执行",
      "Sheet2",
      "参数",
      "绩效自评表",
    ]);
    expect(result.snapshot.sheets[3].values).toEqual([
      ["我的自评底稿", null],
      ["年度资金总额", 2030.12],
    ]);
    // Names, used ranges with the marker and A1, values, the probe of the "#REF!"-like texts, then the formats of the
    // budget block's amount columns (issue 16 §3): no extra sync for the sheet that is no longer ours.
    expect(fake.syncCount).toBe(5);
  });

  test("our sheet with a note typed beyond its cells is read as the user's", async () => {
    fake.type("绩效自评表", "A5", "备注");
    const result = await fake.run((context) => readWorkbookDetailed(context));
    expect(result.ownedSheets).toEqual([]);
    expect(result.snapshot.sheets.map((s) => s.name)).toContain("绩效自评表");
  });

  test("reads formulas beside values when asked", async () => {
    fake.sheet("参数").at("B2").formula = "=B1*2";
    fake.sheet("参数").at("B2").value = 0.02;
    const snapshot = await fake.run((context) => readWorkbook(context, { formulas: true }));
    const params = snapshot.sheets[2];
    expect(params.values).toEqual([
      ["容差", 0.01],
      [null, 0.02],
    ]);
    expect(params.formulas).toEqual([
      [null, null],
      [null, "=B1*2"],
    ]);
  });

  test("without ExcelApi 1.13 merges are empty and a notice says why", async () => {
    fake.setExcelApiVersion("1.12");
    const result = await fake.run((context) => readWorkbookDetailed(context));
    expect(result.snapshot.sheets[0].merges).toEqual([]);
    expect(result.notices.map((n) => n["zh-CN"])).toEqual([
      "此版本的 Excel 无法读取合并单元格信息（需要 ExcelApi 1.13），合并的表头按空白单元格处理。",
    ]);
  });

  test("an Excel older than ExcelApi 1.7 gets a localized error before any sync", async () => {
    fake.setExcelApiVersion("1.6");
    const error = await fake.run((context) => readWorkbook(context)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelGatewayError);
    expect((error as ExcelGatewayError).problem).toBe("api-missing");
    expect((error as ExcelGatewayError).messageIn("zh-CN")).toBe(
      "当前 Excel 版本过旧，缺少本功能所需的接口（ExcelApi 1.7）。请更新 Office，或使用 Excel 网页版。",
    );
    expect(fake.syncCount).toBe(0);
  });

  test("cell edit mode becomes the edit-mode message", async () => {
    fake.cellEditMode = true;
    const error = (await fake
      .run((context) => readWorkbook(context))
      .catch((e: unknown) => e)) as ExcelGatewayError;
    expect(error.problem).toBe("edit-mode");
    expect(error.messageIn("en-US")).toBe(
      "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
    );
  });
});

describe("readWorkbook round trips and payloads", () => {
  let restore: () => void;
  afterEach(() => restore());

  /** A 支出决算表 of `rows` 项-level lines: code, name, amount (3 columns), with one real #DIV/0! error. */
  function expenditureWorkbook(rows: number): FakeExcel {
    const fake = new FakeExcel();
    restore = fake.installOfficeGlobal();
    const lines: (string | number | ReturnType<typeof fakeError> | null)[][] = [
      ["支出决算表", null, null],
      ["金额单位：元", null, null],
      ["科目编码", "科目名称", "本年支出合计"],
    ];
    for (let i = 0; i < rows; i++) {
      lines.push([String(2010101 + i), `一般公共服务支出项目${i % 100}`, 1000 + ((i * 7919) % 100000) / 100]);
    }
    lines[3][2] = fakeError("#DIV/0!");
    fake.addSheet("支出决算表", { rows: lines, merges: ["A1:C1"] });
    fake.addSheet("说明", { rows: [["部门名称", "岳阳市君山产业开发区管委会"]] });
    return fake;
  }

  test("the same number of syncs for 10 and 50,000 rows, and no payload over 4 MB", async () => {
    const small = expenditureWorkbook(10);
    const a = await small.run((context) => readWorkbook(context));
    restore();
    const large = expenditureWorkbook(50_000);
    const b = await large.run((context) => readWorkbook(context));

    expect(small.syncCount).toBe(4);
    expect(large.syncCount).toBe(small.syncCount);
    expect(large.largestPayload).toBeLessThan(4_000_000);
    expect(a.sheets[0].values[3]).toEqual(["2010101", "一般公共服务支出项目0", errorValue("#DIV/0!")]);
    expect(b.sheets[0].values).toHaveLength(50_003);
    expect(b.sheets[0].values[50_002]).toEqual([
      "2060100",
      "一般公共服务支出项目99",
      1000 + ((49_999 * 7919) % 100000) / 100,
    ]);
    expect(b.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  test("a workbook beyond one budget splits its values over more syncs, each within the budget", async () => {
    const fake = expenditureWorkbook(2_000);
    const snapshot = await fake.run((context) => readWorkbook(context, { responseBudgetBytes: 40_000 }));
    // 6,011 cells estimated at 13 bytes each over a 40 kB budget: 1,020 rows of 3 cells fill the first sync, the other
    // 983 rows and the 说明 sheet the second → 2 values syncs (+2 before, +1 for the #DIV/0! probe). This table's long
    // CJK names take about 18 bytes a cell, more than the estimate but far from Excel's limit: no sync is refused.
    expect(fake.syncCount).toBe(5);
    expect(fake.syncs.map((s) => s.failed)).toEqual([false, false, false, false, false]);
    expect(fake.syncs[2].responseBytes).toBeGreaterThan(40_000);
    for (const s of fake.syncs) expect(s.responseBytes).toBeLessThan(40_000 * 1.5);
    expect(snapshot.sheets[0].values).toHaveLength(2_003);
    expect(snapshot.sheets[0].values[1_234]).toEqual([
      "2011332",
      "一般公共服务支出项目31",
      1000 + ((1_231 * 7919) % 100000) / 100,
    ]);
  });
});

describe("the fake's load/sync semantics", () => {
  test("a value read before load and sync throws PropertyNotLoaded; after sync it reads", async () => {
    const fake = sampleWorkbook();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("参数").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["容差", 0.01]]);
    });
  });

  test("writes apply at sync, and a failing command stops its batch", async () => {
    const fake = sampleWorkbook();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet2");
      ws.getRange("A1").values = [["先写入"]];
      expect(fake.sheet("Sheet2").peek(0, 0)).toBeUndefined();
      context.workbook.worksheets.getItem("不存在").getRange("A1").values = [["x"]];
      ws.getRange("A2").values = [["不会写入"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(fake.sheet("Sheet2").at("A1").value).toBe("先写入");
    expect(fake.sheet("Sheet2").peek(1, 0)).toBeUndefined();
    expect(fake.syncs[0]).toMatchObject({ failed: true, operations: 3 });
  });
});
