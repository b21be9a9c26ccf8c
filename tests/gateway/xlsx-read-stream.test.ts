/**
 * The streaming reader (the CLI's) must give exactly the snapshot the in-memory reader gives, on real workbooks
 * (exceljs-written, the sample, the benchmark generator's) and on hand-written SpreadsheetML that exceljs never writes
 * itself, and must refuse unreadable files with the same reasons.
 */
import { join } from "path";
import { generateWorkbook } from "../../bench/generate";
import { parseA1 } from "../../src/engine/a1";
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { WorkbookReadError } from "../../src/gateway/xlsx/read-error";
import { readXlsxFile } from "../../src/gateway/xlsx/read-file";
import { readXlsxFileStreaming } from "../../src/gateway/xlsx/read-stream";
import { WHOLE_ENTRY_BYTES, openZip } from "../../src/gateway/xlsx/zip-entries";
import { prng } from "../../bench/subjects";
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
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");

/** Reads a file with both readers (formulas kept and left out) and expects the same snapshots; returns the stream's. */
async function bothReaders(path: string): Promise<WorkbookSnapshot> {
  const streamed = await readXlsxFileStreaming(path);
  expect(streamed).toEqual(await readXlsxFile(path));
  expect(await readXlsxFileStreaming(path, { formulas: false })).toEqual(
    await readXlsxFile(path, { formulas: false }),
  );
  return streamed;
}

async function same(name: string, bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return bothReaders(writeTempFile(name, bytes));
}

function sheet(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(s: SheetSnapshot, address: string) {
  const { row: r, col } = parseA1(address);
  return cellAt(s, r, col);
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

describe("readXlsxFileStreaming: the same snapshot as readXlsxBuffer", () => {
  it("reads values, formulas, errors, links, dates, merges, hidden and empty sheets alike", async () => {
    const wb = await same(
      "values.xlsx",
      await buildXlsx([
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
    const s = sheet(wb, "表一 预算执行情况");
    expect([s.originRow, s.originCol, s.values.length]).toEqual([1, 1, 8]);
    expect(at(s, "B5")).toBe("其中：基本支出");
    expect(at(s, "D5")).toBe("256.79 ");
    expect(at(s, "E6")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(at(s, "C7")).toEqual({ kind: "error", code: "#REF!" });
    expect(at(s, "B8")).toBe("附件");
    expect(at(s, "D8")).toEqual({ kind: "date", iso: "2024-01-05T08:30:00" });
    // exceljs drops a cached result of 0 or "" from a cell's value: both readers read such a formula as empty (it was
    // calculated: exceljs wrote <v>0</v>, and "" as t="str" with an empty <v>).
    expect([at(s, "B9"), at(s, "C9")]).toEqual([null, null]);
    expect(at(s, "D9")).toBe("１０７１６．１６");
    expect(s.formulas?.[8 - 1]).toEqual(["=C5-C5", '=""', null, null]);
    expect([at(s, "C2"), at(s, "E2")]).toEqual([null, null]);
    expect(sheet(wb, "底稿").hidden).toBe(true);
    expect(sheet(wb, "空白页").values).toEqual([]);
  });

  it("translates shared formulas and keeps each cell's cached result", async () => {
    const wb = await same(
      "shared.xlsx",
      await buildXlsx([
        {
          name: "支出",
          rows: [
            ["基本支出", "项目支出", "合计"],
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          sharedFormulas: [{ range: "C2:C4", formula: "A2+B2", results: [3, 7, 11] }],
        },
      ]),
    );
    const s = sheet(wb, "支出");
    expect(s.values.map((r) => r[2])).toEqual(["合计", 3, 7, 11]);
    expect(s.formulas?.map((r) => r[2])).toEqual([null, "=A2+B2", "=A3+B3", "=A4+B4"]);
  });

  it("reads a merged two-row header and extends the used range to an empty merged area", async () => {
    const wb = await same(
      "header.xlsx",
      await buildXlsx([
        {
          name: "表二",
          rows: [
            ["科目编码", "科目名称", "本年支出", null, null],
            [null, null, "合计", "基本支出", "项目支出"],
            ["201", "一般公共服务支出", 300, 100, 200],
          ],
          merges: ["A1:A2", "B1:B2", "C1:E1", "G5:H6"],
        },
      ]),
    );
    const s = sheet(wb, "表二");
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 4 },
      { top: 4, left: 6, bottom: 5, right: 7 },
    ]);
    expect([s.values.length, s.values[0].length]).toEqual([6, 8]);
  });

  it("reads the sample workbook alike", async () => {
    const wb = await bothReaders(SAMPLE);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "表一 预算执行情况",
      "表二 支出决算表",
      "表三 绩效指标",
      "部门基本情况",
    ]);
  });

  it("reads the benchmark workbooks alike, Chinese text whole across the inflated chunks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-stream-"));
    for (const rows of [200, 5000]) {
      const generated = await generateWorkbook(join(dir, `rows-${rows}.xlsx`), rows);
      const wb = await bothReaders(generated.path);
      const s = sheet(wb, "表二 支出决算表");
      // Title, caption, two header rows, the 合计 row, then the subject rows.
      expect(s.values).toHaveLength(5 + rows);
      expect(s.values[5].slice(0, 2)).toEqual(["201", "一般公共服务支出"]);
      expect(s.values.some((r) => typeof r[1] === "string" && r[1].includes("\ufffd"))).toBe(false);
    }
  });

  it("keeps Chinese text whole where a character straddles two streamed chunks", async () => {
    // Seeded random CJK (3 bytes each in UTF-8), so the sheet part stays big after deflate and is streamed in chunks
    // that end inside a character somewhere.
    const random = prng(7);
    const texts = Array.from({ length: 3000 }, () =>
      String.fromCharCode(...Array.from({ length: 300 }, () => 0x4e00 + Math.floor(random() * 0x5000))),
    );
    const path = writeTempFile(
      "long.xlsx",
      rawXlsx([
        { name: "长文本", sheetData: texts.map((t, i) => row(i + 1, textCell(`A${i + 1}`, t))).join("") },
      ]),
    );
    const zip = await openZip(path);
    const part = zip?.entries.get("xl/worksheets/sheet1.xml");
    await zip?.handle.close();
    expect(part?.compressedSize).toBeGreaterThan(WHOLE_ENTRY_BYTES);

    const wb = await bothReaders(path);
    expect(sheet(wb, "长文本").values).toEqual(texts.map((t) => [t]));
  });

  it("reads SpreadsheetML that exceljs never writes: inline rich text, typed results, cells without addresses", async () => {
    const wb = await same(
      "raw.xlsx",
      rawXlsx([
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
      ]),
    );
    const s = sheet(wb, "原始");
    expect(s.values).toEqual([
      ["其中：基本支出", "合计", { kind: "error", code: "#DIV/0!" }, true, { kind: "error", code: "#N/A" }],
      // A cell without an address follows the previous one; an empty <c r="D2"/> is no cell to exceljs.
      [1, 2, 4, null, null],
      [null, 3, "  <项目> ", null, null],
    ]);
    expect(s.merges).toEqual([]);
  });

  it("reads formulas saved without calculating alike: #UNCALCULATED, but Excel's empty-text result stays empty", async () => {
    const wb = await same(
      "uncalculated.xlsx",
      rawXlsx([
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
      ]),
    );
    const s = sheet(wb, "表二 支出决算表");
    const uncalculated = { kind: "error", code: "#UNCALCULATED" };
    expect(s.values).toEqual([
      ["合计", uncalculated, uncalculated],
      [null, 0, 5],
      [null, 2, null],
      [2, null, null],
      [uncalculated, null, null],
    ]);
    expect(s.formulas?.map((r) => r[0])).toEqual([null, '=IF(B2=0,"",B2)', "=C2-C2", "=B2+B3", "=B3+B4"]);
  });

  it("reads odd but readable shapes alike: no sheets, a chart sheet only, far cells, ten thousand sheets", async () => {
    for (const file of TABLELESS_FILES) {
      const path = writeTempFile(file.name, file.bytes());
      expect(await readXlsxFileStreaming(path)).toEqual(await readXlsxFile(path));
    }
    const far = await readXlsxFileStreaming(
      writeTempFile("far.xlsx", TABLELESS_FILES.find((f) => f.name === "远端单元格.xlsx")!.bytes()),
    );
    const s = far.sheets[0];
    // Ragged rows, as read.ts makes them beyond its dense limit: only as long as their last used cell.
    expect(s.values).toHaveLength(1_048_576);
    expect(s.values[0]).toHaveLength(16_384);
    expect(s.values[1]).toEqual([]);
    expect(s.values[999_999]).toEqual([10716.16]);
  });
});

describe("readXlsxFileStreaming: unreadable files", () => {
  it("refuses each hostile file with the in-memory reader's reason", async () => {
    for (const file of UNREADABLE_FILES) {
      const path = writeTempFile(file.name, file.bytes());
      const expected = await failure(() => readXlsxBuffer(readFileSync(path)));
      expect([file.name, await failure(() => readXlsxFileStreaming(path))]).toEqual([file.name, expected]);
    }
  });

  it("reports a missing file and a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-stream-"));
    expect(await failure(() => readXlsxFileStreaming(join(dir, "没有.xlsx")))).toBe("not-found");
    expect(await failure(() => readXlsxFileStreaming(dir))).toBe("unreadable");
  });
});
