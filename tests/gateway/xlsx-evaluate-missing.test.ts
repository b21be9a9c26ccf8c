/**
 * Formulas saved without a cached result (openpyxl and report exporters write them) are computed after reading
 * (issue 16 §1), by both .xlsx readers, even when the reader keeps no other formulas (check, generate).
 */
import { streamingWorkbookFile } from "../../src/cli/workbook";
import { evaluateMissingFormulas } from "../../src/gateway/xlsx/formulas/evaluate-missing";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";
import { PackageWorkbookHost } from "../../src/gateway/xlsx/package-host";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { readXlsxFileStreaming } from "../../src/gateway/xlsx/read-stream";
import { cellAt, errorValue, uncalculatedValue, type WorkbookSnapshot } from "../../src/engine/snapshot";
import { buildXlsx, formula, writeTempFile } from "../fixtures/xlsx-builders";

let bytes: Buffer;
let path: string;

beforeAll(async () => {
  bytes = await buildXlsx([
    {
      name: "数据",
      rows: [
        ["项目", "金额"],
        ["甲", 100],
        ["乙", 250.5],
        ["丙", 0],
        // SUM over a range, saved without its result.
        ["合计", formula("SUM(B2:B4)")],
        // Reads the computed 合计: computed after it.
        ["两倍", formula("B5*2")],
        ["判断", formula('IF(B5>300,"超过","未超过")')],
        ["除零", formula("B2/B4")],
        ["未知", formula("NOSUCHFUNCTION(B2)")],
        ["循环一", formula("B11+1")],
        ["循环二", formula("B10+1")],
        // Reads a cell that stays uncalculated: cannot be computed either.
        ["读未知", formula("B9+1")],
        // A formula with its cached result is left as Excel saved it.
        ["已计算", formula("B2+1", 7)],
      ],
    },
    {
      name: "汇总 表",
      rows: [
        ["引用", formula("数据!B5+10")],
        ["区域", formula("SUM(数据!B2:B6)")],
      ],
    },
    // A whole-column reference stops at the used range.
    { name: "列", rows: [[1, formula("SUM(A:A)")], [2]] },
  ]);
  path = writeTempFile("未计算公式.xlsx", bytes);
});

const readers: [string, () => Promise<WorkbookSnapshot>][] = [
  ["in memory", () => readXlsxBuffer(bytes, { formulas: false })],
  ["streaming", () => readXlsxFileStreaming(path, { formulas: false })],
];

describe.each(readers)("formulas without results, %s reader", (_name, read) => {
  it("keeps the formula text of uncalculated cells only, reading without formulas", async () => {
    const snapshot = await read();
    const data = snapshot.sheets[0];
    expect(cellAt(data, 4, 1)).toEqual(uncalculatedValue());
    expect(data.formulas?.[4]?.[1]).toBe("=SUM(B2:B4)");
    // B13 carried its result: its formula is not kept.
    expect(data.formulas?.[12]?.[1]).toBeNull();
  });

  it("computes them in dependency order across sheets and ranges; the rest keep their error", async () => {
    const computed = await evaluateMissingFormulas(await read());
    const [data, summary, column] = computed.sheets;
    const at = (row: number) => cellAt(data, row, 1);
    expect(at(4)).toBe(350.5);
    expect(at(5)).toBe(701);
    expect(at(6)).toBe("超过");
    expect(at(7)).toEqual(errorValue("#DIV/0!"));
    expect(at(8)).toEqual(uncalculatedValue());
    expect(at(9)).toEqual(uncalculatedValue());
    expect(at(10)).toEqual(uncalculatedValue());
    expect(at(11)).toEqual(uncalculatedValue());
    expect(at(12)).toBe(7);
    expect(cellAt(summary, 0, 1)).toBe(360.5);
    expect(cellAt(summary, 1, 1)).toBe(1402);
    expect(cellAt(column, 0, 1)).toBe(3);
    expect(data.computedCells).toEqual([
      { row: 4, col: 1 },
      { row: 5, col: 1 },
      { row: 6, col: 1 },
    ]);
    expect(summary.computedCells).toEqual([
      { row: 0, col: 1 },
      { row: 1, col: 1 },
    ]);
  });
});

describe("evaluateMissingFormulas", () => {
  it("loads no engine for a workbook whose formulas all carry results", async () => {
    const snapshot = await readXlsxBuffer(await buildXlsx([{ name: "S", rows: [[1, formula("A1+1", 2)]] }]));
    const load = jest.fn();
    expect(await evaluateMissingFormulas(snapshot, load)).toBe(snapshot);
    expect(load).not.toHaveBeenCalled();
  });

  it("leaves the snapshot it was given unchanged", async () => {
    const snapshot = await readXlsxBuffer(bytes, { formulas: false });
    await evaluateMissingFormulas(snapshot);
    expect(cellAt(snapshot.sheets[0], 4, 1)).toEqual(uncalculatedValue());
    expect(snapshot.sheets[0].computedCells).toBeUndefined();
  });
});

describe("every .xlsx path that reads computes them", () => {
  const computedSum = (snapshot: WorkbookSnapshot) => cellAt(snapshot.sheets[0], 4, 1);

  it("generate (PackageWorkbookHost), the preview (XlsxWorkbookHost) and check (the CLI's streaming host)", async () => {
    expect(computedSum(await (await PackageWorkbookHost.open(path)).read())).toBe(350.5);
    expect(computedSum(await (await XlsxWorkbookHost.load(bytes)).read())).toBe(350.5);
    expect(computedSum(await streamingWorkbookFile(path).read())).toBe(350.5);
  });
});
