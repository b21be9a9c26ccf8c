import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { readXlsxFile } from "../../src/gateway/xlsx/read-file";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { cellAt } from "../../src/engine/snapshot";
import { parseA1 } from "../../src/engine/a1";
import {
  buildXlsx,
  date,
  errorCell,
  formula,
  hyperlink,
  richText,
  writeTempFile,
} from "../fixtures/xlsx-builders";
import { numberCell, rawXlsx, row, textCell } from "../fixtures/hostile/raw-xlsx";

function sheetNamed(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(sheet: SheetSnapshot, address: string) {
  const { row, col } = parseA1(address);
  return cellAt(sheet, row, col);
}

describe("readXlsxBuffer: values", () => {
  let wb: WorkbookSnapshot;

  beforeAll(async () => {
    const bytes = await buildXlsx([
      {
        name: "表一 预算执行情况",
        origin: "B2",
        rows: [
          ["2023年度预算执行情况表"],
          [null, null, null, "单位：万元"],
          ["项  目", "全年预算数", "全年执行数", "执行率"],
          [richText("其中：", { text: "基本支出", bold: true }), 256.79, "256.79 ", formula("D5/C5", 1)],
          ["  项目支出", 10459.37, formula("10459.37", 10459.37), formula("D6/C6", errorCell("#DIV/0!"))],
          ["合计", errorCell("#REF!"), formula("SUM(D5:D6)"), true],
          [
            hyperlink("附件", "https://example.org/a.pdf"),
            date(2023, 12, 31),
            date(2024, 1, 5, 8, 30),
            false,
          ],
        ],
        merges: ["B2:E2"],
        numFmts: { C8: "yyyy-mm-dd", D8: "yyyy-mm-dd hh:mm" },
      },
      { name: "底稿", state: "hidden", cells: { C3: "隐藏的数据", D4: 42 } },
      { name: "空白页" },
    ]);
    wb = await readXlsxBuffer(bytes);
  });

  it("keeps every sheet in tab order and flags the hidden one", () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["表一 预算执行情况", false],
      ["底稿", true],
      ["空白页", false],
    ]);
  });

  it("reads the used range with its absolute origin", () => {
    const s = sheetNamed(wb, "表一 预算执行情况");
    expect([s.originRow, s.originCol]).toEqual([1, 1]);
    expect(s.values).toHaveLength(7);
    expect(s.values.every((r) => r.length === 4)).toBe(true);
    const hidden = sheetNamed(wb, "底稿");
    expect([hidden.originRow, hidden.originCol]).toEqual([2, 2]);
    expect(hidden.values).toEqual([
      ["隐藏的数据", null],
      [null, 42],
    ]);
  });

  it("reads an empty sheet as an empty grid", () => {
    expect(sheetNamed(wb, "空白页")).toEqual({
      name: "空白页",
      originRow: 0,
      originCol: 0,
      values: [],
      merges: [],
      hidden: false,
    });
  });

  it("reads numbers, text (kept verbatim), rich text and booleans", () => {
    const s = sheetNamed(wb, "表一 预算执行情况");
    expect(at(s, "C5")).toBe(256.79);
    expect(at(s, "D5")).toBe("256.79 ");
    expect(at(s, "B5")).toBe("其中：基本支出");
    expect(at(s, "B6")).toBe("  项目支出");
    expect(at(s, "E7")).toBe(true);
    expect(at(s, "E8")).toBe(false);
  });

  it("reads a formula as its cached result, an error result as an error value, no result as #UNCALCULATED", () => {
    const s = sheetNamed(wb, "表一 预算执行情况");
    expect(at(s, "E5")).toBe(1);
    expect(at(s, "D6")).toBe(10459.37);
    expect(at(s, "E6")).toEqual({ kind: "error", code: "#DIV/0!" });
    // exceljs wrote =SUM(D5:D6) without a <v>, as a budget system's export saved without recalculating.
    expect(at(s, "D7")).toEqual({ kind: "error", code: "#UNCALCULATED" });
  });

  it("reads error values, hyperlinks as their text and dates as ISO text", () => {
    const s = sheetNamed(wb, "表一 预算执行情况");
    expect(at(s, "C7")).toEqual({ kind: "error", code: "#REF!" });
    expect(at(s, "B8")).toBe("附件");
    expect(at(s, "C8")).toEqual({ kind: "date", iso: "2023-12-31" });
    expect(at(s, "D8")).toEqual({ kind: "date", iso: "2024-01-05T08:30:00" });
  });

  it("keeps the formulas grid beside the values", () => {
    const s = sheetNamed(wb, "表一 预算执行情况");
    expect(s.formulas).toBeDefined();
    const f = (a: string) => {
      const { row, col } = parseA1(a);
      return s.formulas?.[row - s.originRow]?.[col - s.originCol];
    };
    expect(f("E5")).toBe("=D5/C5");
    expect(f("D7")).toBe("=SUM(D5:D6)");
    expect(f("C5")).toBeNull();
    expect(sheetNamed(wb, "底稿").formulas).toBeUndefined();
  });

  it("reads merges as absolute 0-based ranges and leaves covered cells empty", () => {
    const s = sheetNamed(wb, "表一 预算执行情况");
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(at(s, "B2")).toBe("2023年度预算执行情况表");
    expect([at(s, "C2"), at(s, "D2"), at(s, "E2")]).toEqual([null, null, null]);
  });
});

describe("readXlsxBuffer: layouts", () => {
  it("reads shared formulas with their own cached results and translated formulas", async () => {
    const bytes = await buildXlsx([
      {
        name: "Sheet1",
        rows: [
          ["基本支出", "项目支出", "合计"],
          [100, 200],
          [300, 400],
          [500, 600],
        ],
        sharedFormulas: [{ range: "C2:C4", formula: "A2+B2", results: [300, 700, 1100] }],
      },
    ]);
    const [s] = (await readXlsxBuffer(bytes)).sheets;
    expect(s.values).toEqual([
      ["基本支出", "项目支出", "合计"],
      [100, 200, 300],
      [300, 400, 700],
      [500, 600, 1100],
    ]);
    expect(s.formulas?.map((r) => r[2])).toEqual([null, "=A2+B2", "=A3+B3", "=A4+B4"]);
  });

  it("reads a merged two-row header and a merged vertical label", async () => {
    const bytes = await buildXlsx([
      {
        name: "表二 支出决算表",
        origin: "A3",
        rows: [
          ["科目编码", "科目名称", "本年支出"],
          [null, null, "合计", "基本支出", "项目支出"],
          ["合计", null, 107161600, 2567900, 104593700],
        ],
        merges: ["A3:A4", "B3:B4", "C3:E3", "A5:B5"],
      },
    ]);
    const [s] = (await readXlsxBuffer(bytes)).sheets;
    expect([s.originRow, s.originCol]).toEqual([2, 0]);
    expect(s.values).toEqual([
      ["科目编码", "科目名称", "本年支出", null, null],
      [null, null, "合计", "基本支出", "项目支出"],
      ["合计", null, 107161600, 2567900, 104593700],
    ]);
    expect(s.merges).toEqual([
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 4 },
      { top: 4, left: 0, bottom: 4, right: 1 },
    ]);
  });

  it("extends the used range to an empty merged area", async () => {
    const bytes = await buildXlsx([{ name: "S", cells: { B2: 1 }, merges: ["D4:E5"] }]);
    const [s] = (await readXlsxBuffer(bytes)).sheets;
    expect([s.originRow, s.originCol, s.values.length, s.values[0].length]).toEqual([1, 1, 4, 4]);
    expect(s.merges).toEqual([{ top: 3, left: 3, bottom: 4, right: 4 }]);
  });

  it("tells a formula nobody calculated from one whose result is empty text", async () => {
    const bytes = rawXlsx([
      {
        name: "表二 支出决算表",
        sheetData:
          row(1, textCell("A1", "合计"), `<c r="B1"><f>B2+B3</f></c>`, `<c r="C1"><f>C2+C3</f><v></v></c>`) +
          row(
            2,
            `<c r="A2" t="str"><f>IF(B2=0,"",B2)</f><v/></c>`,
            numberCell("B2", 0),
            numberCell("C2", 5),
          ) +
          row(
            3,
            `<c r="A3"><f>C2-C2</f><v>0</v></c>`,
            numberCell("B3", 2),
            `<c r="C3" t="str"><f>"x"</f></c>`,
          ),
      },
    ]);
    const [s] = (await readXlsxBuffer(bytes)).sheets;
    expect(s.values).toEqual([
      // No <v> (exceljs, a budget system) and an empty <v> of no type (openpyxl): never calculated.
      ["合计", { kind: "error", code: "#UNCALCULATED" }, { kind: "error", code: "#UNCALCULATED" }],
      // Excel's own empty-string result: t="str" with an empty <v/>, a value like any other (empty).
      [null, 0, 5],
      // A cached 0 reads as empty, as it always has; a string-typed formula with no <v> at all is an empty string too.
      [null, 2, null],
    ]);
    expect(s.formulas).toEqual([
      [null, "=B2+B3", "=C2+C3"],
      ['=IF(B2=0,"",B2)', null, null],
      ["=C2-C2", null, '="x"'],
    ]);
  });

  it("leaves the formulas grid out when asked", async () => {
    const bytes = await buildXlsx([{ name: "S", cells: { A1: 1, A2: formula("A1*2", 2) } }]);
    const [s] = (await readXlsxBuffer(bytes, { formulas: false })).sheets;
    expect(s.values).toEqual([[1], [2]]);
    expect(s.formulas).toBeUndefined();
  });

  it("accepts an ArrayBuffer and a plain Uint8Array as well as a Node Buffer", async () => {
    const bytes = await buildXlsx([{ name: "S", cells: { A1: "一般公共预算", B1: 9716.16 } }]);
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const expected = [["一般公共预算", 9716.16]];
    expect((await readXlsxBuffer(copy)).sheets[0].values).toEqual(expected);
    expect((await readXlsxBuffer(copy.buffer)).sheets[0].values).toEqual(expected);
  });

  it("reads a file from disk", async () => {
    const path = writeTempFile(
      "预算.xlsx",
      await buildXlsx([{ name: "S", cells: { C3: "政府性基金", D3: 1000 } }]),
    );
    const snapshot = await readXlsxFile(path);
    expect(snapshot.sheets[0]).toMatchObject({
      name: "S",
      originRow: 2,
      originCol: 2,
      values: [["政府性基金", 1000]],
    });
  });
});
