/**
 * Issue 14 §3, the 核查结果 a reviewer reads, checked on the written file: on a copy of the sample with a wrong total
 * in the budget block (万元) and a wrong 合计 in the 支出决算表 (元), `selfeval generate` writes a 核查结果 sheet whose
 * words are for people — rule names and never ids, groups by severity then table, amounts in the table's own unit with
 * thousands separators and never 元 and 万元 in one message, "相差" without a sign and with 多/少, “” and not 「」, and
 * the cross-table mismatch naming both cells and which figure is the reference.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { RULES } from "../../src/engine/rules/index";
import { editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX } from "./run-cli";

const BUDGET = "表一 预算执行情况";
const EXPENDITURE = "表二 支出决算表";

describe("the written 核查结果 of a workbook with errors", () => {
  let rows: string[][];
  let links: Map<string, string>;
  beforeAll(async () => {
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      wb.getWorksheet(BUDGET)!.getCell("D5").value = 10726.16;
      wb.getWorksheet(EXPENDITURE)!.getCell("C12").value = 294600;
    });
    const input = writeTempFile("两处有误.xlsx", bytes);
    const out = join(mkdtempSync(join(tmpdir(), "selfeval-findings-")), "自评.xlsx");
    const r = await runCli(["generate", input, "--out", out]);
    if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("核查结果")!;
    rows = [];
    links = new Map();
    ws.eachRow((row) => {
      const line: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        line[col - 1] =
          v && typeof v === "object" && "text" in v ? String(v.text) : v === null ? "" : String(v);
        if (v && typeof v === "object" && "hyperlink" in v) links.set(cell.address, String(v.hyperlink));
      });
      rows.push(line);
    });
  });

  /** The findings' rows: a severity in A (a group row is merged across, its text read in every cell). */
  const findingRows = () => rows.slice(3).filter((r) => ["错误", "警告", "提示"].includes(r[0] ?? ""));
  const messages = () => findingRows().map((r) => r[7] ?? "");

  it("groups by severity, then by table, and names each rule by its name, never by its id", () => {
    const groups = rows
      .slice(3)
      .map((r) => r[0])
      .filter((a) => /（\d+ 项）$/.test(a ?? ""));
    expect(groups).toEqual([
      "错误（5 项）",
      "预算执行情况（3 项）",
      "支出决算表（2 项）",
      "警告（1 项）",
      "预算执行情况（1 项）",
    ]);
    const ids = RULES.map((r) => r.id as string);
    const printed = rows.flat().filter((v) => v);
    expect(printed.filter((v) => ids.some((id) => v.includes(id)))).toEqual([]);
    expect(findingRows().map((r) => r[1])).toEqual([
      "预算分项合计",
      "预算分项合计",
      "跨表核对",
      "列合计",
      "行合计",
      "执行数超预算",
    ]);
  });

  it("states amounts in the table's unit with thousands separators, one unit a message, “” quotes", () => {
    const all = messages();
    expect(all).toHaveLength(6);
    for (const m of all) {
      const wan = /\d 万元/.test(m);
      const yuan = /\d 元/.test(m);
      expect([m, wan && yuan]).toEqual([m, false]);
      expect(m).not.toMatch(/\d{4,}\.\d{2}/); // 10716.16 unseparated
      expect(m).not.toMatch(/[「」]/);
    }
    expect(all.filter((m) => m.includes("万元"))).toHaveLength(4);
    expect(all.filter((m) => /\d 元/.test(m))).toHaveLength(2);
    expect(all.join("")).toContain("“全年执行数”");
  });

  it("says 相差 without a sign and which figure is more", () => {
    const differing = messages().filter((m) => m.includes("相差"));
    expect(differing).toHaveLength(5);
    for (const m of differing) {
      expect(m).toMatch(/相差 [\d,]+\.\d{2} (万元|元)/);
      expect(m).not.toMatch(/相差 [-−]/);
      expect(m).toMatch(/多|少/);
    }
  });

  it("names both cells of the cross-table mismatch and takes the 支出决算表 as the reference", () => {
    const cross = findingRows().find((r) => r[1] === "跨表核对")!;
    expect(cross[7]).toBe(
      `预算执行情况“全年执行数”年度资金总额（${BUDGET}!D5）为 10,726.16 万元，支出决算表合计行“合计”（${EXPENDITURE}!C5）为 10,716.16 万元，相差 10.00 万元，预算执行情况多；以支出决算表为准\n相关单元格：${EXPENDITURE}!C5`,
    );
    // The finding points at the figure to correct, the budget block's, not at the reference.
    expect(cross[2]).toBe(BUDGET);
    expect(cross[3]).toBe("D5");
  });
});
