import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { readXlsxFile } from "../../src/gateway/xlsx/read-file";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/gateway/xlsx/read-error";
import { buildXlsx, ole2Bytes, writeTempFile } from "../fixtures/xlsx-builders";

async function readError(run: () => Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw new Error(`expected WorkbookReadError, got ${String(e)}`);
  }
  throw new Error("expected the read to fail");
}

async function codeOf(bytes: Uint8Array): Promise<WorkbookReadErrorCode> {
  return (await readError(() => readXlsxBuffer(bytes))).code;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readXlsxBuffer: unreadable input becomes a WorkbookReadError", () => {
  it("rejects an empty file", async () => {
    expect(await codeOf(new Uint8Array(0))).toBe("empty");
  });

  it("rejects a CSV renamed to .xlsx as a text file", async () => {
    expect(await codeOf(utf8("项目,全年预算数,全年执行数\n基本支出,256.79,256.79\n"))).toBe("text-file");
  });

  it("rejects an Excel 97-2003 .xls file", async () => {
    expect(await codeOf(ole2Bytes("Workbook"))).toBe("legacy-xls");
  });

  it("rejects a password-protected workbook", async () => {
    expect(await codeOf(ole2Bytes("EncryptionInfo"))).toBe("encrypted");
  });

  it("rejects a zip that holds no workbook", async () => {
    const zipHeaderOnly = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    expect(await codeOf(zipHeaderOnly)).toBe("not-xlsx");
  });

  it("rejects other binaries", async () => {
    expect(await codeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      "not-xlsx",
    );
  });

  it("rejects a truncated workbook as corrupt", async () => {
    const whole = await buildXlsx([{ name: "S", cells: { A1: "合计", B1: 10716.16 } }]);
    // Cut before and after the workbook part's entry: both are damaged workbooks, not foreign files.
    expect(await codeOf(whole.subarray(0, Math.floor(whole.length * 0.6)))).toBe("corrupt");
    expect(await codeOf(whole.subarray(0, whole.length - 40))).toBe("corrupt");
  });

  it("reports a missing file and a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-read-"));
    expect((await readError(() => readXlsxFile(join(dir, "没有.xlsx")))).code).toBe("not-found");
    expect((await readError(() => readXlsxFile(dir))).code).toBe("unreadable");
  });

  it("carries its message in both languages", async () => {
    const error = await readError(() => readXlsxFile(writeTempFile("表.xlsx", ole2Bytes("Workbook"))));
    expect(error.messageIn("zh-CN")).toBe(
      "这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 再试。",
    );
    expect(error.messageIn("en-US")).toBe(
      "This is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.",
    );
    expect(error.message).toBe(error.messageIn("en-US"));
  });
});
