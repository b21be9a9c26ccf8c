/**
 * The summary workbook's writer (src/gateway/xlsx/review-workbook.ts, zipped by zip-write.ts) on tables review.test.ts
 * does not reach: text XML must escape or cannot hold, an empty sheet, a sheet name with an apostrophe, and the zip
 * itself read back by this project's own zip reader as well as by exceljs.
 */
import ExcelJS from "exceljs";
import { inflateRawSync } from "zlib";
import { summaryWorkbookBytes, type SummarySheet } from "../../src/gateway/xlsx/review-workbook";
import { crc32, crc32OfTable, zipBytes } from "../../src/gateway/xlsx/zip-write";
import { entryText, zipOfBytes } from "../../src/gateway/xlsx/zip-entries";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const SHEETS: readonly SummarySheet[] = [
  {
    name: "汇总",
    columns: [
      { header: "文件", width: 20, format: "text" },
      { header: "规则总分", width: 10, format: "score" },
      { header: "预算执行率", width: 12, format: "percent" },
      { header: "错误", width: 6, format: "integer" },
    ],
    rows: [
      ['a<b>&"c"\'.xlsx', 99.78, 0.9876, 3],
      ["  前后有空格\n第二行  ", null, null, 0],
      ["=SUM(A1:A2)", 60, 1, 12],
      ["控制\u0001字符\u001f", 0, 0, 0],
    ],
  },
  { name: "Bob's sheet", columns: [{ header: "规则", width: 8, format: "text" }], rows: [] },
];

describe("the summary workbook's writer", () => {
  it("writes text as text, escaped, with its spaces and line breaks, and numbers with their formats", async () => {
    const wb = await readBack(await summaryWorkbookBytes(SHEETS, "第 &P 页"));
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getRow(1).values).toEqual([undefined, "文件", "规则总分", "预算执行率", "错误"]);
    expect([
      ws.getCell("A2").value,
      ws.getCell("B2").value,
      ws.getCell("C2").value,
      ws.getCell("D2").value,
    ]).toEqual(['a<b>&"c"\'.xlsx', 99.78, 0.9876, 3]);
    expect(ws.getCell("A3").value).toBe("  前后有空格\n第二行  ");
    expect([ws.getCell("B3").value, ws.getCell("C3").value]).toEqual([null, null]);
    // Empty, but framed and formatted as its column.
    expect(ws.getCell("B3").numFmt).toBe("0.00");
    expect(ws.getCell("B3").border.top).toEqual({ style: "thin", color: { argb: "FFBFBFBF" } });
    expect([ws.getCell("A4").value, ws.getCell("A4").type, ws.getCell("A4").formula]).toEqual([
      "=SUM(A1:A2)",
      ExcelJS.ValueType.String,
      undefined,
    ]);
    // XML 1.0 cannot hold U+0001 or U+001F at all: they are left out, the rest of the text stays.
    expect(ws.getCell("A5").value).toBe("控制字符");
    expect([ws.getCell("A2").numFmt, ws.getCell("C2").numFmt, ws.getCell("D2").numFmt]).toEqual([
      "@",
      "0.00%",
      "0",
    ]);
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").alignment).toEqual({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(ws.getCell("A2").alignment).toEqual({ vertical: "top", wrapText: true });
    expect(ws.getCell("B2").alignment).toEqual({ vertical: "top" });
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([20, 10, 12, 6]);
    expect(ws.autoFilter).toBe("A1:D1");
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页");
  });

  it("writes a sheet without rows with its header alone, no filter, and its name quoted in the print titles", async () => {
    const wb = await readBack(await summaryWorkbookBytes(SHEETS, ""));
    const ws = wb.getWorksheet("Bob's sheet")!;
    expect(ws.rowCount).toBe(1);
    expect(ws.getCell("A1").value).toBe("规则");
    expect(ws.autoFilter).toBeUndefined();
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});

describe("the zip writer", () => {
  it("writes entries this project's zip reader reads back byte for byte, each deflated", async () => {
    const big = Buffer.from("<row>".repeat(5000) + "中文".repeat(1000), "utf8");
    const bytes = zipBytes([
      { name: "a.xml", data: Buffer.from("<a/>", "utf8") },
      { name: "dir/big.xml", data: big },
      { name: "empty.xml", data: Buffer.alloc(0) },
    ]);
    const zip = await zipOfBytes(bytes);
    expect([...zip!.entries.keys()]).toEqual(["a.xml", "dir/big.xml", "empty.xml"]);
    expect(zip!.entries.get("dir/big.xml")).toMatchObject({ method: 8, uncompressedSize: big.length });
    expect(zip!.entries.get("dir/big.xml")!.compressedSize).toBeLessThan(big.length / 10);
    const text = async (name: string) => {
      let out = "";
      for await (const piece of entryText(zip!, zip!.entries.get(name)!)) out += piece;
      return out;
    };
    expect(await text("a.xml")).toBe("<a/>");
    expect(await text("dir/big.xml")).toBe(big.toString("utf8"));
    expect(await text("empty.xml")).toBe("");
    // The local header's CRC-32 is that of the data (what unzip and Excel check).
    const entry = zip!.entries.get("a.xml")!;
    expect(bytes.readUInt32LE(entry.localHeaderOffset + 14)).toBe(crc32(Buffer.from("<a/>")));
    expect(
      inflateRawSync(bytes.subarray(30 + "a.xml".length, 30 + "a.xml".length + entry.compressedSize)),
    ).toEqual(Buffer.from("<a/>"));
  });

  it("computes the zip CRC-32, natively and from its table alike", () => {
    // The check value of CRC-32/ISO-HDLC, and that of the empty input.
    for (const crc of [crc32, crc32OfTable]) {
      expect(crc(Buffer.from("123456789", "ascii")).toString(16)).toBe("cbf43926");
      expect(crc(Buffer.alloc(0))).toBe(0);
    }
    const text = Buffer.from("汇总".repeat(300), "utf8");
    expect(crc32OfTable(text)).toBe(crc32(text));
  });
});
