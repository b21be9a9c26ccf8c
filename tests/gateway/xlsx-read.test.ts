/**
 * The two .xlsx readers: readXlsxFile (the whole file in memory through readXlsxBuffer — the add-in's and the preview's
 * reader) and readXlsxFileStreaming (the CLI's, for files of any size). What both must do runs against both in one
 * describe.each, with exact values; what one does alone stays with it, and the streaming reader must moreover give
 * exactly the in-memory reader's snapshot, whole, and refuse unreadable files for the same reasons.
 */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generateWorkbook } from "../../bench/generate";
import { prng } from "../../bench/subjects";
import { parseA1 } from "../../src/engine/a1";
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxBuffer, type ReadXlsxOptions } from "../../src/gateway/xlsx/read";
import { WorkbookReadError } from "../../src/gateway/xlsx/read-error";
import { readXlsxFile } from "../../src/gateway/xlsx/read-file";
import { workbookFileBytes } from "../../src/gateway/xlsx/file-bytes";
import { readXlsxBytesStreaming, readXlsxFileStreaming } from "../../src/gateway/xlsx/read-stream";
import { WHOLE_ENTRY_BYTES, closeZip, openZip } from "../../src/gateway/xlsx/zip-entries";
import { TABLELESS_FILES, UNREADABLE_FILES } from "../fixtures/hostile/files";
import { numberCell, rawXlsx, row, textCell } from "../fixtures/hostile/raw-xlsx";
import {
  buildXlsx,
  date,
  errorCell,
  formula,
  hyperlink,
  richText,
  writeTempFile,
} from "../fixtures/xlsx-builders";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");

type Reader = (path: string, options?: ReadXlsxOptions) => Promise<WorkbookSnapshot>;

const READERS: readonly { reader: string; read: Reader }[] = [
  { reader: "readXlsxFile (in memory)", read: readXlsxFile },
  { reader: "readXlsxFileStreaming", read: readXlsxFileStreaming },
  // selfeval review's: the file read at once, then the streaming reader over the bytes in memory.
  {
    reader: "readXlsxBytesStreaming",
    read: async (path, options) => readXlsxBytesStreaming(workbookFileBytes(path), options),
  },
];

function sheetNamed(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(sheet: SheetSnapshot, address: string) {
  const { row: r, col } = parseA1(address);
  return cellAt(sheet, r, col);
}

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.code;
    throw e;
  }
  return "no error";
}

/**
 * `build` run once for this file, on its first use: the fixtures below are only read, by each of the three readers
 * (building the long text and the benchmark workbooks cost about as much as reading them).
 */
function once<T>(build: () => T): () => T {
  let built: { readonly value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}

/** A budget sheet with every kind of cell value, a hidden sheet and an empty one. */
const valuesWorkbook = once(() =>
  buildXlsx([
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
        [hyperlink("附件", "https://example.org/a.pdf"), date(2023, 12, 31), date(2024, 1, 5, 8, 30), false],
        [
          formula("C5-C5", 0),
          formula('""', ""),
          hyperlink("１０７１６．１６", "https://example.org/b"),
          null,
        ],
      ],
      merges: ["B2:E2"],
      numFmts: { C8: "yyyy-mm-dd", D8: "yyyy-mm-dd hh:mm" },
    },
    { name: "底稿", state: "hidden", cells: { C3: "隐藏的数据", D4: 42 } },
    { name: "空白页" },
  ]),
);

/** Hand-written SpreadsheetML that exceljs never writes itself. */
function rawSpreadsheetML(): Uint8Array {
  return rawXlsx([
    {
      name: "原始",
      sheetData:
        row(
          1,
          `<c r="A1" t="inlineStr"><is><r><t>其中：</t></r><r><rPr><b/></rPr><t>基本支出</t></r></is></c>`,
          `<c r="B1" t="str"><f>"合"&amp;"计"</f><v>合计</v></c>`,
          `<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
          `<c r="D1" t="b"><v>1</v></c>`,
          `<c r="E1" t="e"><v>#N/A</v></c>`,
        ) +
        row(2, numberCell("A2", 1), `<c><v>2</v></c>`, `<c r="D2"/>`, `<c s="0"><v>4</v></c>`) +
        row(3, `<c r="B3"><f>A2+B2</f><v>3</v></c>`, textCell("C3", "  <项目> ")),
      after: `<mergeCells count="1"><mergeCell ref="A3:A3"/></mergeCells>`,
    },
  ]);
}

/** Math.floor read once for the 900,000 characters below: each read of a global costs ~0.2 µs in jest's vm context. */
const { floor } = Math;

/** Seeded random CJK text (3 bytes each in UTF-8) so big after deflate that the sheet part is streamed in chunks,
 * which end inside a character somewhere. */
function longChineseTexts(): string[] {
  const random = prng(7);
  return Array.from({ length: 3000 }, () =>
    String.fromCharCode(...Array.from({ length: 300 }, () => 0x4e00 + floor(random() * 0x5000))),
  );
}

/** Those texts down column A of one sheet, in a file on disk. */
const longChineseFile = once(() => {
  const texts = longChineseTexts();
  const path = writeTempFile(
    "long.xlsx",
    rawXlsx([
      { name: "长文本", sheetData: texts.map((t, i) => row(i + 1, textCell(`A${i + 1}`, t))).join("") },
    ]),
  );
  return { texts, path };
});

/** The benchmark workbook of `rows` subject rows (bench/generate.ts), generated once for this file. */
const benchmarkWorkbooks = new Map<number, Promise<string>>();
function benchmarkWorkbook(rows: number): Promise<string> {
  let path = benchmarkWorkbooks.get(rows);
  if (path === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-read-"));
    path = generateWorkbook(join(dir, `rows-${rows}.xlsx`), rows).then((generated) => generated.path);
    benchmarkWorkbooks.set(rows, path);
  }
  return path;
}

describe.each(READERS)("$reader", ({ read }) => {
  const readBytes = (name: string, bytes: Uint8Array, options?: ReadXlsxOptions) =>
    read(writeTempFile(name, bytes), options);

  describe("values", () => {
    let wb: WorkbookSnapshot;
    let s: SheetSnapshot;

    beforeAll(async () => {
      wb = await readBytes("values.xlsx", await valuesWorkbook());
      s = sheetNamed(wb, "表一 预算执行情况");
    });

    it("keeps every sheet in tab order and flags the hidden one", () => {
      expect(wb.sheets.map((x) => [x.name, x.hidden])).toEqual([
        ["表一 预算执行情况", false],
        ["底稿", true],
        ["空白页", false],
      ]);
    });

    it("reads the used range with its absolute origin", () => {
      expect([s.originRow, s.originCol]).toEqual([1, 1]);
      expect(s.values).toHaveLength(8);
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
      expect(at(s, "C5")).toBe(256.79);
      expect(at(s, "D5")).toBe("256.79 ");
      expect(at(s, "B5")).toBe("其中：基本支出");
      expect(at(s, "B6")).toBe("  项目支出");
      expect(at(s, "E7")).toBe(true);
      expect(at(s, "E8")).toBe(false);
    });

    it("reads a formula as its cached result, an error result as an error value, no result as #UNCALCULATED", () => {
      expect(at(s, "E5")).toBe(1);
      expect(at(s, "D6")).toBe(10459.37);
      expect(at(s, "E6")).toEqual({ kind: "error", code: "#DIV/0!" });
      // exceljs wrote =SUM(D5:D6) without a <v>, as a budget system's export saved without recalculating.
      expect(at(s, "D7")).toEqual({ kind: "error", code: "#UNCALCULATED" });
      // exceljs drops a cached result of 0 or "" from a cell's value: such a formula reads as empty (it was
      // calculated: exceljs wrote <v>0</v>, and "" as t="str" with an empty <v>).
      expect([at(s, "B9"), at(s, "C9")]).toEqual([null, null]);
    });

    it("reads error values, hyperlinks as their text and dates as ISO text", () => {
      expect(at(s, "C7")).toEqual({ kind: "error", code: "#REF!" });
      expect(at(s, "B8")).toBe("附件");
      expect(at(s, "D9")).toBe("１０７１６．１６");
      expect(at(s, "C8")).toEqual({ kind: "date", iso: "2023-12-31" });
      expect(at(s, "D8")).toEqual({ kind: "date", iso: "2024-01-05T08:30:00" });
    });

    it("keeps the formulas grid beside the values", () => {
      const f = (a: string) => {
        const { row: r, col } = parseA1(a);
        return s.formulas?.[r - s.originRow]?.[col - s.originCol];
      };
      expect(f("E5")).toBe("=D5/C5");
      expect(f("D7")).toBe("=SUM(D5:D6)");
      expect(f("C5")).toBeNull();
      expect(s.formulas?.[8 - 1]).toEqual(["=C5-C5", '=""', null, null]);
      expect(sheetNamed(wb, "底稿").formulas).toBeUndefined();
    });

    it("reads merges as absolute 0-based ranges and leaves covered cells empty", () => {
      expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
      expect(at(s, "B2")).toBe("2023年度预算执行情况表");
      expect([at(s, "C2"), at(s, "D2"), at(s, "E2")]).toEqual([null, null, null]);
    });

    it("leaves the formulas out when asked but those of uncalculated cells, the values unchanged", async () => {
      const bare = await readBytes("values.xlsx", await valuesWorkbook(), { formulas: false });
      // D7 was saved without a result: its formula stays for evaluate-missing.ts; every other formula is left out.
      const kept = sheetNamed(bare, "表一 预算执行情况").formulas ?? [];
      expect(kept.flatMap((line, r) => line.flatMap((f, c) => (f === null ? [] : [[r, c, f]])))).toEqual([
        [5, 2, "=SUM(D5:D6)"],
      ]);
      expect(cellAt(sheetNamed(bare, "表一 预算执行情况"), 6, 3)).toEqual({
        kind: "error",
        code: "#UNCALCULATED",
      });
      expect(sheetNamed(bare, "表一 预算执行情况").values).toEqual(s.values);
    });
  });

  describe("layouts", () => {
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
      const [s] = (await readBytes("shared.xlsx", bytes)).sheets;
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
      const [s] = (await readBytes("header.xlsx", bytes)).sheets;
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
      const [s] = (await readBytes("merged.xlsx", bytes)).sheets;
      expect([s.originRow, s.originCol, s.values.length, s.values[0].length]).toEqual([1, 1, 4, 4]);
      expect(s.merges).toEqual([{ top: 3, left: 3, bottom: 4, right: 4 }]);
    });

    it("tells a formula nobody calculated from one whose result is empty text", async () => {
      const bytes = rawXlsx([
        {
          name: "表二 支出决算表",
          sheetData:
            row(
              1,
              textCell("A1", "合计"),
              `<c r="B1"><f>B2+B3</f></c>`,
              `<c r="C1"><f>C2+C3</f><v></v></c>`,
            ) +
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
            ) +
            // A shared formula's master calculated, its dependent not: each cell has its own cached result or none.
            row(4, `<c r="A4"><f t="shared" ref="A4:A5" si="0">B2+B3</f><v>2</v></c>`) +
            row(5, `<c r="A5"><f t="shared" si="0"/></c>`),
        },
      ]);
      const [s] = (await readBytes("uncalculated.xlsx", bytes)).sheets;
      const uncalculated = { kind: "error", code: "#UNCALCULATED" };
      expect(s.values).toEqual([
        // No <v> (exceljs, a budget system) and an empty <v> of no type (openpyxl): never calculated.
        ["合计", uncalculated, uncalculated],
        // Excel's own empty-string result: t="str" with an empty <v/>, a value like any other (empty).
        [null, 0, 5],
        // A cached 0 reads as empty, as it always has; a string-typed formula with no <v> at all is empty text too.
        [null, 2, null],
        [2, null, null],
        [uncalculated, null, null],
      ]);
      expect(s.formulas).toEqual([
        [null, "=B2+B3", "=C2+C3"],
        ['=IF(B2=0,"",B2)', null, null],
        ["=C2-C2", null, '="x"'],
        ["=B2+B3", null, null],
        ["=B3+B4", null, null],
      ]);
    });

    it("reads SpreadsheetML that exceljs never writes: inline rich text, typed results, cells without addresses", async () => {
      const [s] = (await readBytes("raw.xlsx", rawSpreadsheetML())).sheets;
      expect(s.values).toEqual([
        ["其中：基本支出", "合计", { kind: "error", code: "#DIV/0!" }, true, { kind: "error", code: "#N/A" }],
        // A cell without an address follows the previous one; an empty <c r="D2"/> is no cell to exceljs.
        [1, 2, 4, null, null],
        [null, 3, "  <项目> ", null, null],
      ]);
      expect(s.merges).toEqual([]);
    });

    it("reads a file from disk at its own origin", async () => {
      const bytes = await buildXlsx([{ name: "S", cells: { C3: "政府性基金", D3: 1000 } }]);
      expect((await readBytes("预算.xlsx", bytes)).sheets[0]).toMatchObject({
        name: "S",
        originRow: 2,
        originCol: 2,
        values: [["政府性基金", 1000]],
      });
    });
  });

  describe("real workbooks", () => {
    it("reads the sample workbook's four sheets", async () => {
      const wb = await read(SAMPLE);
      expect(wb.sheets.map((s) => s.name)).toEqual([
        "表一 预算执行情况",
        "表二 支出决算表",
        "表三 绩效指标",
        "部门基本情况",
      ]);
      expect(at(sheetNamed(wb, "表一 预算执行情况"), "D5")).toBe(10716.16);
    });

    it("reads the benchmark workbooks, Chinese text whole", async () => {
      for (const rows of [200, 5000]) {
        const s = sheetNamed(await read(await benchmarkWorkbook(rows)), "表二 支出决算表");
        // Title, caption, two header rows, the 合计 row, then the subject rows.
        expect(s.values).toHaveLength(5 + rows);
        expect(s.values[5].slice(0, 2)).toEqual(["201", "一般公共服务支出"]);
        expect(s.values.some((r) => typeof r[1] === "string" && r[1].includes("\ufffd"))).toBe(false);
      }
    });

    it("keeps long Chinese text whole, also where a character straddles two streamed chunks", async () => {
      const { texts, path } = longChineseFile();
      // The precondition of the streamed case: the part is too big to be inflated whole.
      const zip = await openZip(path);
      const part = zip?.entries.get("xl/worksheets/sheet1.xml");
      if (zip) await closeZip(zip);
      expect(part?.compressedSize).toBeGreaterThan(WHOLE_ENTRY_BYTES);
      expect(sheetNamed(await read(path), "长文本").values).toEqual(texts.map((t) => [t]));
    });

    it("reads odd but readable shapes: no sheets, a chart sheet only, far cells, ten thousand sheets", async () => {
      const shapes: Record<string, WorkbookSnapshot> = {};
      for (const file of TABLELESS_FILES) shapes[file.name] = await readBytes(file.name, file.bytes());
      expect(shapes["没有工作表.xlsx"].sheets).toEqual([]);
      expect(shapes["只有图表.xlsx"].sheets).toEqual([]);
      expect(shapes["一张空表.xlsx"].sheets.map((x) => [x.name, x.values])).toEqual([["Sheet1", []]]);
      // The only read of these ten thousand sheets by readXlsxBuffer (in readXlsxFile's run): reliability/hostile-files
      // leaves it to this test, which therefore checks the last sheet whole.
      const many = shapes["一万张空表.xlsx"].sheets;
      expect([many.length, many[9999], many.every((x) => x.values.length === 0)]).toEqual([
        10000,
        { name: "Sheet10000", originRow: 0, originCol: 0, values: [], merges: [], hidden: false },
        true,
      ]);
      const [s] = shapes["远端单元格.xlsx"].sheets;
      // Ragged rows beyond the dense limit: only as long as their last used cell.
      expect(s.values).toHaveLength(1_048_576);
      expect(s.values[0]).toHaveLength(16_384);
      expect([s.values[0][0], s.values[0][16_383]]).toEqual(["说明", "最右一列"]);
      expect(s.values[1]).toEqual([]);
      expect(s.values[999_999]).toEqual([10716.16]);
      expect(s.values[1_048_575][16_383]).toBe("最后一格");
    });
  });

  describe("files that cannot be read", () => {
    it("reports a missing file and a folder", async () => {
      const dir = mkdtempSync(join(tmpdir(), "selfeval-read-"));
      expect(await failure(() => read(join(dir, "没有.xlsx")))).toBe("not-found");
      expect(await failure(() => read(dir))).toBe("unreadable");
    });
  });
});

describe("readXlsxBuffer alone: the bytes as the browser has them", () => {
  it("accepts an ArrayBuffer and a plain Uint8Array as well as a Node Buffer", async () => {
    const bytes = await buildXlsx([{ name: "S", cells: { A1: "一般公共预算", B1: 9716.16 } }]);
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const expected = [["一般公共预算", 9716.16]];
    expect((await readXlsxBuffer(bytes)).sheets[0].values).toEqual(expected);
    expect((await readXlsxBuffer(copy)).sheets[0].values).toEqual(expected);
    expect((await readXlsxBuffer(copy.buffer)).sheets[0].values).toEqual(expected);
  });
});

describe("the streaming reader alone (from the file and from its bytes): exactly the in-memory reader's snapshot", () => {
  /** Whole snapshots, formulas kept and left out: what the tests above do not look at must be equal too. */
  async function expectSame(path: string): Promise<void> {
    expect(await readXlsxFileStreaming(path)).toEqual(await readXlsxFile(path));
    expect(await readXlsxFileStreaming(path, { formulas: false })).toEqual(
      await readXlsxFile(path, { formulas: false }),
    );
    expect(await readXlsxBytesStreaming(readFileSync(path))).toEqual(await readXlsxFile(path));
  }

  it("on every kind of value, on SpreadsheetML exceljs never writes, and on the sample", async () => {
    await expectSame(writeTempFile("values.xlsx", await valuesWorkbook()));
    await expectSame(writeTempFile("raw.xlsx", rawSpreadsheetML()));
    await expectSame(SAMPLE);
  });

  it("on a benchmark workbook", async () => {
    await expectSame(await benchmarkWorkbook(200));
  });

  it("refuses each hostile file with the in-memory reader's reason", async () => {
    for (const file of UNREADABLE_FILES) {
      const path = writeTempFile(file.name, file.bytes());
      const expected = await failure(() => readXlsxBuffer(readFileSync(path)));
      expect([file.name, await failure(() => readXlsxFileStreaming(path))]).toEqual([file.name, expected]);
      expect([file.name, await failure(() => readXlsxBytesStreaming(readFileSync(path)))]).toEqual([
        file.name,
        expected,
      ]);
    }
  });
});
