/**
 * Issue 12 §3: a report is never clean over errors. On a faulty copy of the sample, `selfeval generate` says so first,
 * its --json carries the banner, and the written .xlsx shows it red and linked above both titles; the clean sample
 * has none (tests/cli/generate.test.ts).
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX } from "./run-cli";

describe("selfeval generate on a workbook with errors", () => {
  let input: string;
  beforeAll(async () => {
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      // The total's 全年执行数 changed: the parts no longer add up to it.
      wb.getWorksheet("表一 预算执行情况")!.getCell("D5").value = 10726.16;
    });
    input = writeTempFile("有错误.xlsx", bytes);
  });

  it("opens its summary with the banner and writes it red, linked, above both titles", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "selfeval-banner-")), "自评.xlsx");
    const r = await runCli(["generate", input, "--out", out]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("核查发现 3 项错误，详见核查结果。");
    expect(lines[1]).toBe(`已生成“${out}”，新增工作表：“绩效自评表”、“自评报告”、“核查结果”。`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const name of ["绩效自评表", "自评报告"]) {
      const a1 = wb.getWorksheet(name)!.getCell("A1");
      expect(a1.value).toEqual({ text: "核查发现 3 项错误，详见核查结果", hyperlink: "#'核查结果'!A1" });
      expect(a1.font).toMatchObject({ bold: true, color: { argb: "FFC00000" } });
    }
    const table = wb.getWorksheet("绩效自评表")!;
    expect(table.getCell("A2").value).toBe("2023年度部门整体支出绩效自评表");
    expect(table.pageSetup.printTitlesRow).toBe("2:3");
  });

  it("carries the banner in --json, in English with --lang en-US", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "selfeval-banner-")), "out.xlsx");
    const zh = JSON.parse((await runCli(["generate", input, "--out", out, "--json"])).stdout);
    expect(zh.banner).toBe("核查发现 3 项错误，详见核查结果");
    const en = await runCli(["generate", input, "--out", out, "--force", "--json", "--lang", "en-US"]);
    expect(JSON.parse(en.stdout).banner).toBe("The check found 3 errors: see Check Results");
  });
});
