/**
 * `selfeval generate` writes the user's own package with our sheets added: every part of the input is in the output
 * byte for byte except the four our sheets are announced in (workbook, its rels, content types, styles). Whatever
 * `check` reads, `generate` writes — an openpyxl package with absolute relationship targets included — and a re-run
 * on its own output keeps every user part and replaces our sheets instead of adding a second set.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "./run-cli";

const FOREIGN = join(__dirname, "..", "fixtures", "foreign");
const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];
const OURS = ["绩效自评表", "自评报告", "核查结果", "_selfeval"];
/** The parts our sheets are announced in; every other part of the input must come out unchanged. */
const ANNOUNCED = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

async function parts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(name, await file.async("nodebuffer"));
  }
  return out;
}

/** The workbook's sheet entries in order, chartsheets included (read from workbook.xml: exceljs cannot read every
 * package here, e.g. openpyxl's drawings with absolute targets). */
async function sheetNames(path: string): Promise<string[]> {
  const xml = (await parts(path)).get("xl/workbook.xml")?.toString("utf8") ?? "";
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
}

/** What exceljs makes of the written workbook: its worksheets' names. */
async function exceljsSheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => ws.name);
}

/** The user's parts of `input` that are missing from `output` or differ there. */
async function changedUserParts(input: string, output: string): Promise<string[]> {
  const before = await parts(input);
  const after = await parts(output);
  const changed: string[] = [];
  for (const [name, bytes] of before) {
    if (ANNOUNCED.has(name)) continue;
    const now = after.get(name);
    if (!now || !now.equals(bytes)) changed.push(name);
  }
  return changed;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "selfeval-generate-package-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("selfeval generate keeps the user's package", () => {
  it("generates from an openpyxl workbook with absolute relationship targets and keeps its chart", async () => {
    const input = join(FOREIGN, "openpyxl-chart.xlsx");
    const rels = (await parts(input)).get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "";
    expect(rels).toContain('Target="/xl/worksheets/sheet1.xml"');
    expect((await runCli(["check", input])).code).toBe(0);

    const out = join(dir, "out.xlsx");
    const r = await runCli(["generate", input, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(await sheetNames(out)).toEqual([...INPUT_SHEETS, ...OURS]);
    expect(await changedUserParts(input, out)).toEqual([]);
    const written = await parts(out);
    expect(written.get("xl/charts/chart1.xml")).toEqual((await parts(input)).get("xl/charts/chart1.xml"));
  });

  it("keeps an .xlsm's VBA project byte for byte", async () => {
    const input = join(FOREIGN, "openpyxl-macro.xlsm");
    // A macro workbook stays one: an .xlsx name is refused, the .xlsm is written.
    const wrong = join(dir, "out.xlsx");
    expect(await runCli(["generate", input, "--out", wrong])).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate：输入是含宏的工作簿，输出文件“${wrong}”应以 .xlsm 结尾（宏原样保留）。\n`,
    });
    const out = join(dir, "out.xlsm");
    const r = await runCli(["generate", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(await changedUserParts(input, out)).toEqual([]);
    expect((await parts(out)).has("xl/vbaProject.bin")).toBe(true);
    expect(await exceljsSheetNames(out)).toEqual([...INPUT_SHEETS, ...OURS]);
  });

  it("on its own output replaces our sheets and keeps every user part (a re-run)", async () => {
    const input = join(FOREIGN, "libreoffice-pivot-chartsheet.xlsx");
    const first = join(dir, "first.xlsx");
    const second = join(dir, "second.xlsx");
    expect((await runCli(["generate", input, "--out", first])).code).toBe(0);
    const names = await sheetNames(first);
    expect(names.filter((n) => OURS.includes(n))).toEqual(OURS);

    const r = await runCli(["generate", first, "--out", second, "--lang", "en-US"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // The user's sheets as they were, ours once each (in the second run's language), not a second set.
    expect(await sheetNames(second)).toEqual([
      ...names.filter((n) => !OURS.includes(n)),
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
      "_selfeval",
    ]);
    expect(await changedUserParts(input, second)).toEqual([]);
  });

  describe.each([
    ["openpyxl-prefixed-namespaces.xlsx", "openpyxl-chart.xlsx"],
    ["libreoffice-prefixed-namespaces.xlsx", "libreoffice-chart.xlsx"],
  ])("a workbook written with prefixed spreadsheetml (%s, twin of %s)", (prefixed, twin) => {
    /** The file with 表二's C6 one yuan more than its parts (D6 + E6), so check has findings to compare. */
    async function withWrongC6(file: string): Promise<string> {
      const zip = await JSZip.loadAsync(readFileSync(join(FOREIGN, file)));
      const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
      const edited = xml.replace(/(<(?:x:)?c r="C6"[^>]*><(?:x:)?v>)20303500(<)/, "$120303501$2");
      expect(edited).not.toBe(xml);
      zip.file("xl/worksheets/sheet2.xml", edited);
      const path = join(dir, file);
      writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
      return path;
    }

    it("check reads it with the same findings as its unprefixed twin", async () => {
      const ours = await runCli(["check", await withWrongC6(prefixed), "--json"]);
      const theirs = await runCli(["check", await withWrongC6(twin), "--json"]);
      expect(ours.stderr).toBe("");
      const findings = (r: { stdout: string }) => {
        const json = JSON.parse(r.stdout) as { file: string };
        return { ...json, file: undefined };
      };
      expect(findings(ours)).toEqual(findings(theirs));
      const { tables, findings: list } = JSON.parse(ours.stdout) as {
        tables: { sheet: string }[];
        findings: { cells?: unknown }[];
      };
      expect(tables.map((t) => t.sheet)).toEqual(INPUT_SHEETS);
      expect(list.length).toBeGreaterThan(0);
      expect(ours.code).toBe(theirs.code);
    });

    it("generate adds our sheets in the workbook's prefix, keeps every user part, and a re-run replaces ours", async () => {
      const input = join(FOREIGN, prefixed);
      const out = join(dir, "out.xlsx");
      const r = await runCli(["generate", input, "--out", out]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(await sheetNames(out)).toEqual([...INPUT_SHEETS, ...OURS]);
      expect(await changedUserParts(input, out)).toEqual([]);
      // Every element of the workbook part is still in the x: namespace prefix (ours included): no unprefixed
      // <sheet> or <definedName> the spreadsheetml namespace does not cover.
      const workbook = (await parts(out)).get("xl/workbook.xml")!.toString("utf8");
      expect(workbook.match(/<x:sheet /g)).toHaveLength(INPUT_SHEETS.length + OURS.length);
      expect([...workbook.matchAll(/<(?![?/!]|x:|loext:)([^\s>/]+)/g)].map((m) => m[1])).toEqual([]);
      expect(workbook).toContain('<x:sheet name="绩效自评表"');
      // What check reads in the output: the user's four tables, as in the input.
      const checked = await runCli(["check", out, "--json"]);
      expect(checked.stderr).toBe("");
      expect(
        (JSON.parse(checked.stdout) as { tables: { sheet: string }[] }).tables.map((t) => t.sheet),
      ).toEqual(INPUT_SHEETS);

      const second = join(dir, "second.xlsx");
      const again = await runCli(["generate", out, "--out", second, "--lang", "en-US"]);
      expect(again.stderr).toBe("");
      expect(again.code).toBe(0);
      expect(await sheetNames(second)).toEqual([
        ...INPUT_SHEETS,
        "Self-Evaluation Table",
        "Self-Evaluation Report",
        "Check Results",
        "_selfeval",
      ]);
      expect(await changedUserParts(input, second)).toEqual([]);
    });
  });
});
