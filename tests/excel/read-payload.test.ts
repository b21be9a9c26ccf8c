/**
 * The Office.js read against Excel on the web's payload limit: a fixed number of syncs for every workbook whose values
 * fit one 4 MB batch, no batch over 4 MB beyond that, and a read that survives an estimate far too low (a batch refused
 * for its size is split and sent again) — all through the recording fake, which refuses what Excel refuses.
 */
import { errorValue, type CellValue } from "../../src/engine/snapshot";
import { ExcelGatewayError } from "../../src/gateway/office/errors";
import { readWorkbook, readWorkbookDetailed } from "../../src/gateway/office/read";
import { DEFAULT_PAYLOAD_LIMIT_BYTES, FakeExcel, fakeError, type FakeValue } from "../fakes/excel-fake";

type Line = (FakeValue | null)[];

/** 类/款/项 names as a 支出决算表 prints them (the 功能分类 of 2023), cycled down the table. */
const SUBJECTS = [
  "一般公共服务支出",
  "人大事务",
  "行政运行",
  "一般行政管理事务",
  "机关服务",
  "政协事务",
  "财政事务",
  "信息化建设",
  "财政监察",
  "事业运行",
  "其他财政事务支出",
  "社会保障和就业支出",
  "行政事业单位养老支出",
  "机关事业单位基本养老保险缴费支出",
  "住房保障支出",
  "住房公积金",
];

/**
 * A 支出决算表 in 元 of `rows` lines under a title, a caption and a merged two-row header: 科目编码 (text),
 * 科目名称, 本年支出合计 = 基本支出 + 项目支出, and the 合计 row — five columns, as the budget system exports it.
 */
function expenditureLines(rows: number): Line[] {
  const lines: Line[] = [
    ["2023年度部门决算支出表", null, null, null, null],
    ["单位名称：某某市财政局", null, null, null, "金额单位：元"],
    ["科目编码", "科目名称", "本年支出合计", "其中", null],
    [null, null, null, "基本支出", "项目支出"],
  ];
  let basicFen = 0;
  let projectFen = 0;
  const body: Line[] = [];
  for (let i = 0; i < rows; i++) {
    const basic = 100_000 + ((i * 7_919) % 9_000_000);
    const project = (i * 104_729) % 5_000_000;
    basicFen += basic;
    projectFen += project;
    body.push([
      String(2_010_101 + i),
      SUBJECTS[i % SUBJECTS.length],
      (basic + project) / 100,
      basic / 100,
      project === 0 ? null : project / 100,
    ]);
  }
  lines.push([null, "合计", (basicFen + projectFen) / 100, basicFen / 100, projectFen / 100]);
  return [...lines, ...body];
}

/** The 支出决算表 of `lines` (expenditureLines) beside a small 部门基本情况 sheet. */
function expenditureWorkbook(lines: readonly Line[]): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("表二 支出决算表", {
    rows: lines,
    merges: ["A1:E1", "A3:A4", "B3:B4", "C3:C4", "D3:E3"],
  });
  fake.addSheet("部门基本情况", {
    rows: [
      ["部门名称", "某某市财政局"],
      ["单位负责人", "张某某"],
    ],
  });
  return fake;
}

/** What the snapshot holds for lines given to the fake: an empty cell reads as null. */
function asRead(lines: readonly Line[]): CellValue[][] {
  return lines.map((line) => line.map((v) => (v === null ? null : (v as CellValue))));
}

/**
 * `expect(actual).toEqual(expected)` for a grid of cell values, as strict, at a fraction of the cost on a million
 * cells: every row must be an array of the same length whose cells are each Object.is the expected ones; a row that
 * is not goes to toEqual (which passes it only if it is deep-equal, such as an error value, and otherwise shows it).
 */
function expectGrid(
  actual: readonly (readonly CellValue[])[],
  expected: readonly (readonly CellValue[])[],
): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((want, r) => {
    const got = actual[r];
    if (Array.isArray(got) && got.length === want.length && want.every((v, c) => Object.is(got[c], v)))
      return;
    expect({ row: r, values: got }).toEqual({ row: r, values: want });
  });
}

/** A remark of `n` CJK characters (3 bytes each in UTF-8), different in every cell. */
function remark(n: number, seed: number): string {
  const base =
    "本年度部门整体支出绩效目标基本完成资金使用规范项目管理有序但部分指标设置不够细化量化下一步将加强预算绩效管理";
  // The seed, then base read round and round from its seed-th character: one rotation, repeated, rather than a
  // character at a time (two million concatenations for the 20,000 remarks of the 5 MB test).
  const start = seed % base.length;
  const rotation = base.slice(start) + base.slice(0, start);
  return (`${seed}` + rotation.repeat(Math.ceil(n / base.length))).slice(0, n);
}

/** A 绩效自评说明 sheet of long remarks: about 300 bytes a cell, 25 times the reader's estimate. */
function remarksWorkbook(rows: number): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("表一 预算执行", {
    rows: [
      ["项目", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", 2030.12, 2030.12, 1],
      ["其中：财政拨款", 1325.68, 1325.68, 1],
    ],
  });
  const lines: Line[] = [["绩效自评说明", null, null, null]];
  for (let i = 0; i < rows; i++)
    lines.push([remark(100, i), remark(100, i + 1), remark(100, i + 2), remark(100, i + 3)]);
  fake.addSheet("绩效自评说明", { rows: lines, merges: ["A1:D1"] });
  return fake;
}

/** Each sync's outcome: "ok", or the Office code it failed with. */
function outcomes(fake: FakeExcel): string[] {
  return fake.syncs.map((s) => (s.failed ? (s.errorCode ?? "failed") : "ok"));
}

describe("the read costs the same syncs for every workbook whose values fit one batch", () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  function readIn(fake: FakeExcel): ReturnType<typeof readWorkbook> {
    restore();
    restore = fake.installOfficeGlobal();
    return fake.run((context) => readWorkbook(context));
  }

  test("10 rows and 50,000 rows × 5 columns (2.8 MB of values): 4 syncs each, the values in one", async () => {
    // Each table's lines are made once, for the fake and for the comparison (the fake copies them into its cells).
    const smallLines = expenditureLines(10);
    const small = expenditureWorkbook(smallLines);
    const a = await readIn(small);
    const largeLines = expenditureLines(50_000);
    const large = expenditureWorkbook(largeLines);
    const b = await readIn(large);

    // Names and visibility; used ranges; the values of both sheets with the merged areas.
    // Then (issue 16 §3, a deliberate fourth sync) the number formats of the table's amount columns, so a date typed
    // as an amount reads as a date: one sync at any length while they fit one batch.
    expect(small.syncCount).toBe(4);
    expect(large.syncCount).toBe(4);
    expect(outcomes(large)).toEqual(["ok", "ok", "ok", "ok"]);
    // The formats asked for are the three amount columns (本年支出合计, 基本支出, 项目支出) from the 合计 row to the
    // last line, one range each — not 科目编码 and 科目名称, not the title and header: 150,003 cells of ["General"],
    // (12 bytes) and a few bytes a range.
    expect(large.syncs[3].operations).toBe(3);
    expect(large.syncs[3].responseBytes).toBeGreaterThanOrEqual(3 * 50_001 * 12);
    expect(large.syncs[3].responseBytes).toBeLessThan(3 * 50_001 * 12 + 3 * 100);
    expect(small.syncs[3].operations).toBe(3);
    expect(small.syncs[3].responseBytes).toBeLessThan(3 * 11 * 12 + 3 * 100);
    // The 决算 table really is as heavy as the bench's: one response of 2.7 MB, under the 4 MB budget.
    expect(large.syncs[2].responseBytes).toBeGreaterThan(2_600_000);
    expect(large.largestPayload).toBeLessThan(4_000_000);

    expectGrid(a.sheets[0].values, asRead(smallLines));
    expectGrid(b.sheets[0].values, asRead(largeLines));
    expect(b.sheets[0].values[50_004]).toEqual(["2060100", "住房公积金", 103_873.52, 90_420.81, 13_452.71]);
    expect(b.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 4 },
    ]);
    expect(b.sheets[1].values).toEqual([
      ["部门名称", "某某市财政局"],
      ["单位负责人", "张某某"],
    ]);
  });

  test("200,000 rows (11 MB of values): four values syncs and two of amount formats, none refused, each under 4 MB", async () => {
    const lines = expenditureLines(200_000);
    const fake = expenditureWorkbook(lines);
    const snapshot = await readIn(fake);
    // 1,000,029 cells at an estimated 13 bytes: 61,535 rows of 5 cells fill each 4 MB batch → 3 × 61,535 rows, then
    // the last 15,470 rows with the 部门基本情况 sheet. Then the three amount columns' formats, 600,003 cells at an
    // estimated 12 bytes (7.2 MB): two batches.
    expect(outcomes(fake)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"]);
    for (const s of fake.syncs) {
      expect(s.responseBytes).toBeLessThan(4_000_000);
      expect(s.requestBytes).toBeLessThan(4_000_000);
    }
    expect(fake.syncs[2].responseBytes).toBeGreaterThan(3_500_000);
    const values = snapshot.sheets[0].values;
    expect(values).toHaveLength(200_005);
    expectGrid(values, asRead(lines));
    // The rows either side of the first batch boundary (the 5 title and header rows, then 项 lines).
    expect(values[61_534]).toEqual(["2071630", "事业运行", 52_187.92, 13_481.51, 38_706.41]);
    expect(values[61_535]).toEqual(["2071631", "其他财政事务支出", 53_314.4, 13_560.7, 39_753.7]);
    expect(values[200_004]).toEqual(["2210100", "住房公积金", 95_873.52, 88_920.81, 6_952.71]);
    expect(snapshot.sheets[1].values).toEqual([
      ["部门名称", "某某市财政局"],
      ["单位负责人", "张某某"],
    ]);
  });

  test("a date typed as an amount, at 5,000 and 50,000 rows: read as a date, still 4 syncs", async () => {
    const dated = (rows: number, lines: readonly Line[]): FakeExcel => {
      const fake = expenditureWorkbook(lines);
      const s = fake.sheet("表二 支出决算表");
      // Near the bottom: 基本支出 typed as 2023-12-31 (Excel holds 45291 under a date format); and a date in 科目名称.
      const row = rows;
      s.cell(row, 3).value = 45_291;
      s.cell(row, 3).numberFormat = "yyyy/m/d";
      s.cell(row - 1, 1).value = 45_292;
      s.cell(row - 1, 1).numberFormat = "yyyy/m/d";
      return fake;
    };
    for (const rows of [5_000, 50_000]) {
      const lines = expenditureLines(rows);
      const fake = dated(rows, lines);
      const snapshot = await readIn(fake);
      expect(fake.syncCount).toBe(4);
      expect(fake.syncs[3].operations).toBe(3);
      const values = snapshot.sheets[0].values;
      expect(values[rows][3]).toEqual({ kind: "date", iso: "2023-12-31" });
      // 科目名称 is no amount column: its format is not asked for, the number stays.
      expect(values[rows - 1][1]).toBe(45_292);
      // The amounts under a number format stay numbers.
      expect(values[rows][4]).toBe(lines[rows][4]);
    }
  });

  test("a column of #N/A from a failed lookup is probed in one sync, at any length", async () => {
    const lookupColumn = (rows: number): FakeExcel => {
      const fake = expenditureWorkbook(expenditureLines(rows));
      const s = fake.sheet("表二 支出决算表");
      // Column F: a VLOOKUP that found nothing (#N/A, an error) in every row, except where someone typed "#N/A".
      for (let r = 5; r < 5 + rows; r++) s.cell(r, 5).value = r % 10 === 0 ? "#N/A" : fakeError("#N/A");
      return fake;
    };
    const small = lookupColumn(10);
    const a = await readIn(small);
    const large = lookupColumn(20_000);
    const b = await readIn(large);

    // Names, used ranges, values, then one range of value types per run of error-like cells in a column, then the
    // amount columns' number formats (issue 16 §3).
    expect(small.syncCount).toBe(5);
    expect(large.syncCount).toBe(5);
    expect(large.syncs[3].operations).toBe(1);
    expect(large.syncs[4].operations).toBe(3);
    expect(a.sheets[0].values[5][5]).toEqual(errorValue("#N/A"));
    expect(a.sheets[0].values[10][5]).toBe("#N/A");
    const column = b.sheets[0].values.slice(5).map((row) => row[5]);
    expect(column.filter((v) => v === "#N/A")).toHaveLength(2_000);
    expect(column.filter((v) => typeof v === "object" && v !== null)).toHaveLength(18_000);
    expect(b.sheets[0].values[19_990][5]).toBe("#N/A");
    expect(b.sheets[0].values[19_991][5]).toEqual(errorValue("#N/A"));
  });
});

describe("a batch Excel refuses for its size is split and sent again", () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  async function readIn(
    fake: FakeExcel,
    options: { responseBudgetBytes?: number } = {},
  ): ReturnType<typeof readWorkbookDetailed> {
    restore();
    restore = fake.installOfficeGlobal();
    return fake.run((context) => readWorkbookDetailed(context, options));
  }

  test("long remarks, 25 times the estimate: three refusals, then batches of half the size, and the exact snapshot", async () => {
    // Scaled down 50 times so the test stays quick: a 100 kB limit and an 80 kB budget instead of 5 MB and 4 MB.
    const fake = remarksWorkbook(400);
    fake.payloadLimitBytes = 100_000;
    const result = await readIn(fake, { responseBudgetBytes: 80_000 });

    // Both sheets fit the budget by the estimate (13 bytes a cell: 21,408 bytes with the fixed costs), but the 400
    // remark rows take about 1,200 bytes each. Each refusal halves the batch by its estimate — 199, then 98 remark
    // rows are still too large — until 表一 and 47 rows (55 kB) pass; the other 354 rows follow in 7 syncs of at most
    // 54 rows (the later batches keep the smaller size); last, the formats of 表一's two amount columns.
    expect(outcomes(fake)).toEqual([
      "ok",
      "ok",
      "ResponsePayloadSizeLimitExceeded",
      "ResponsePayloadSizeLimitExceeded",
      "ResponsePayloadSizeLimitExceeded",
      ...Array<string>(9).fill("ok"),
    ]);
    expect(fake.syncs[13].operations).toBe(2);
    expect(fake.syncs[5].responseBytes).toBeGreaterThan(50_000);
    expect(fake.largestPayload).toBeLessThanOrEqual(100_000);

    // The same workbook read in batches small enough that Excel never refuses one.
    const reference = remarksWorkbook(400);
    reference.payloadLimitBytes = 100_000;
    const expected = await readIn(reference, { responseBudgetBytes: 2_000 });
    expect(reference.syncs.every((s) => !s.failed)).toBe(true);
    expect(reference.syncCount).toBe(15);

    expect(result.snapshot).toEqual(expected.snapshot);
    const remarks = result.snapshot.sheets[1];
    expect(remarks.values).toHaveLength(401);
    expect(remarks.values[400]).toEqual([
      remark(100, 399),
      remark(100, 400),
      remark(100, 401),
      remark(100, 402),
    ]);
    // The merged title rode with the first values batch; refused with it, it was asked for again.
    expect(remarks.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(result.snapshot.sheets[0].values[1]).toEqual(["年度资金总额", 2030.12, 2030.12, 1]);
  });

  test("at Excel's own 5 MB limit, a sheet of remarks costs a refusal, not the read", async () => {
    const fake = remarksWorkbook(5_000);
    expect(fake.payloadLimitBytes).toBe(DEFAULT_PAYLOAD_LIMIT_BYTES);
    const result = await readIn(fake);
    // 6 MB of remarks estimated at 260 kB: one refusal, then two halves of about 2,500 rows (3 MB each); then 表一's
    // amount formats.
    expect(outcomes(fake)).toEqual(["ok", "ok", "ResponsePayloadSizeLimitExceeded", "ok", "ok", "ok"]);
    expect(fake.largestPayload).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT_BYTES);
    expect(result.snapshot.sheets[1].values).toHaveLength(5_001);
    expect(result.snapshot.sheets[1].values[2_501]).toEqual([
      remark(100, 2_500),
      remark(100, 2_501),
      remark(100, 2_502),
      remark(100, 2_503),
    ]);
  });

  test("a single row over the limit cannot be split: the too-large message, in both languages", async () => {
    const fake = remarksWorkbook(3);
    fake.payloadLimitBytes = 1_000;
    const error = (await readIn(fake).catch((e: unknown) => e)) as ExcelGatewayError;
    expect(error).toBeInstanceOf(ExcelGatewayError);
    expect(error.problem).toBe("too-large");
    expect(error.officeCode).toBe("ResponsePayloadSizeLimitExceeded");
    expect(error.messageIn("zh-CN")).toBe(
      "一次要传送的数据超出了 Excel 的限制。请删除工作簿中不需要的大范围数据后再试。",
    );
    expect(error.messageIn("en-US")).toBe(
      "The data to transfer at once exceeds Excel's limit. Remove large ranges the workbook does not need, then try again.",
    );
    // Both sheets are refused; 表一 alone passes; the remarks are refused at 4, 3 and 2 rows; their title row
    // passes; one remark row alone is refused, and there is nothing left to split.
    const R = "ResponsePayloadSizeLimitExceeded";
    expect(outcomes(fake)).toEqual(["ok", "ok", R, "ok", R, R, R, "ok", R]);
    expect(fake.syncs[8].operations).toBe(1);
  });

  test("any other failure is not retried", async () => {
    const fake = expenditureWorkbook(expenditureLines(10));
    fake.failSync(3, { code: "GeneralException" });
    const error = (await readIn(fake).catch((e: unknown) => e)) as ExcelGatewayError;
    expect(error.problem).toBe("general");
    expect(outcomes(fake)).toEqual(["ok", "ok", "GeneralException"]);
  });
});

describe("the fake refuses what Excel on the web refuses", () => {
  test("a response over the limit: RichApi.Error ResponsePayloadSizeLimitExceeded, nothing loaded, writes applied", async () => {
    const fake = remarksWorkbook(100);
    fake.payloadLimitBytes = 10_000;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表一 预算执行");
      ws.getRange("F1").values = [["已核对"]];
      const range = context.workbook.worksheets.getItem("绩效自评说明").getRange("A1:D100");
      range.load("values");
      const error = (await context.sync().catch((e: unknown) => e)) as Record<string, unknown>;
      expect(error).toMatchObject({
        name: "RichApi.Error",
        code: "ResponsePayloadSizeLimitExceeded",
        debugInfo: { code: "ResponsePayloadSizeLimitExceeded" },
      });
      expect(error.message).toMatch(/^The response payload size has exceeded the limit\./);
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(fake.sheet("表一 预算执行").at("F1").value).toBe("已核对");
    expect(fake.syncs[0]).toMatchObject({
      failed: true,
      responseBytes: 0,
      errorCode: "ResponsePayloadSizeLimitExceeded",
    });
  });

  test("a request over the limit: RequestPayloadSizeLimitExceeded before any command runs", async () => {
    const fake = remarksWorkbook(1);
    fake.payloadLimitBytes = 10_000;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表一 预算执行");
      ws.getRange("F1").values = [["已核对"]];
      ws.getRange("A10:D109").values = Array.from({ length: 100 }, (_, i) => [
        remark(30, i),
        null,
        null,
        null,
      ]);
      await expect(context.sync()).rejects.toMatchObject({
        name: "RichApi.Error",
        code: "RequestPayloadSizeLimitExceeded",
        message: expect.stringMatching(/^The request payload size has exceeded the limit\./),
      });
    });
    expect(fake.sheet("表一 预算执行").peek(0, 5)).toBeUndefined();
    expect(fake.syncs[0].requestBytes).toBeGreaterThan(10_000);
    expect(fake.largestPayload).toBe(0);
  });
});
