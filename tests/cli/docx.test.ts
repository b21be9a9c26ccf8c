/**
 * `selfeval generate … --docx <report.docx>`: the Word report written beside or instead of the workbook, refused on the
 * same grounds as --out (the input itself, an existing file without --force, a wrong extension), named in --json.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX } from "./run-cli";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "selfeval-docx-"));
}

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("selfeval generate --docx", () => {
  it("writes only the Word report when --out is not given, and says so (exit 0)", async () => {
    const dir = tempDir();
    const docx = join(dir, "自评报告.docx");
    expect(await runCli(["generate", SAMPLE_XLSX, "--docx", docx])).toEqual({
      code: 0,
      stdout: [
        `已生成 Word 自评报告“${docx}”。`,
        "总分 99.78 分，评价等级“优”，预算执行率 100.00%。",
        "核查：错误 0 项，警告 0 项，提示 0 项。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(readdirSync(dir)).toEqual(["自评报告.docx"]);
    const text = await documentText(docx);
    expect(text).toContain("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告");
    expect(text).toContain("经自评，对单位整体支出评分为99.78分，评价等级为“优”。");
  });

  it("writes both with --out, names both in --json, and in English with --lang en-US", async () => {
    const dir = tempDir();
    const out = join(dir, "out.xlsx");
    const docx = join(dir, "report.docx");
    const r = await runCli([
      "generate",
      SAMPLE_XLSX,
      "--out",
      out,
      "--docx",
      docx,
      "--json",
      "--lang",
      "en-US",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const envelope = JSON.parse(r.stdout);
    expect(envelope.output).toBe(out);
    expect(envelope.docx).toBe(docx);
    expect(envelope.score.total).toBe(99.78);
    expect(readdirSync(dir).sort()).toEqual(["out.xlsx", "report.docx"]);
    expect(await documentText(docx)).toContain("1. Basic information of the department (unit)");
  });

  it("gives docx null in --json without --docx, and the score when only --docx is written", async () => {
    const dir = tempDir();
    const only = await runCli(["generate", SAMPLE_XLSX, "--docx", join(dir, "r.docx"), "--json"]);
    const envelope = JSON.parse(only.stdout);
    expect(envelope.output).toBeNull();
    expect(envelope.docx).toBe(join(dir, "r.docx"));
    expect(envelope.score.grade).toBe("优");
    const xlsxOnly = await runCli(["generate", SAMPLE_XLSX, "--out", join(dir, "o.xlsx"), "--json"]);
    expect(JSON.parse(xlsxOnly.stdout).docx).toBeNull();
  });

  it("refuses an existing report without --force, leaving it as it was, and replaces it with --force", async () => {
    const dir = tempDir();
    const docx = join(dir, "r.docx");
    writeFileSync(docx, "mine");
    expect(await runCli(["generate", SAMPLE_XLSX, "--docx", docx])).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate：输出文件“${docx}”已存在；如确需覆盖，请加 --force。\n`,
    });
    expect(readFileSync(docx, "utf8")).toBe("mine");
    expect((await runCli(["generate", SAMPLE_XLSX, "--docx", docx, "--force"])).code).toBe(0);
    expect(await documentText(docx)).toContain("十、其他需要说明的情况");
    expect(readdirSync(dir)).toEqual(["r.docx"]);
  });

  it("refuses the input itself and a name not ending in .docx (exit 2)", async () => {
    const dir = tempDir();
    const input = join(dir, "样例.docx");
    copyFileSync(SAMPLE_XLSX, input);
    expect(await runCli(["generate", input, "--docx", input, "--force"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate：输出文件“${input}”就是输入文件，不能覆盖原工作簿，请另选文件名。\n`,
    });
    // Byte for byte, with Buffer.equals: jest's toEqual walks the 14 kB buffer key by key (about 0.3 s).
    expect(readFileSync(input).equals(readFileSync(SAMPLE_XLSX))).toBe(true);
    expect(await runCli(["generate", SAMPLE_XLSX, "--docx", "r.doc", "--lang", "en-US"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'selfeval generate: the Word report "r.doc" must end in .docx.\n',
    });
  });

  it("writes no report when the workbook lacks the indicators table (exit 1, docx null)", async () => {
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      wb.removeWorksheet(wb.getWorksheet("表三 绩效指标")!.id);
    });
    const input = writeTempFile("无指标.xlsx", bytes);
    const docx = join(tempDir(), "r.docx");
    const r = await runCli(["generate", input, "--docx", docx, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).docx).toBeNull();
    expect(existsSync(docx)).toBe(false);
  });
});
