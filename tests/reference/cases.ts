/**
 * The refactor's safety net: the CLI's output and the report workbook on the sample (clean, in both languages) and on
 * a faulty copy of it, recorded before the pipeline was rebuilt. The reference files under tests/fixtures/reference/
 * are written by `npx ts-node --transpile-only scripts/make-reference.ts`, only on purpose, when a change of output is
 * meant; the test compares every run against them.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/main";
import { editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { dumpWorkbook, type WorkbookDump } from "./dump";

export const SAMPLE_XLSX = join(
  __dirname,
  "..",
  "..",
  "assets",
  "sample",
  "2023年度部门整体支出绩效自评-样例.xlsx",
);

export interface ReferenceCase {
  readonly name: string;
  readonly lang: "zh-CN" | "en-US";
  /** Changes made to a copy of the sample before the run. */
  readonly edit?: (wb: ExcelJS.Workbook) => void;
}

function setCell(sheet: string, address: string, value: ExcelJS.CellValue) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
  };
}

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  { name: "sample-zh", lang: "zh-CN" },
  { name: "sample-en", lang: "en-US" },
  {
    // A total changed, a part stored as text, an indicator's actual removed and a score typed wrong: every family of
    // findings shows in the 核查结果 sheet and in the CLI's output.
    name: "faulty-zh",
    lang: "zh-CN",
    edit: (wb) => {
      setCell("表一 预算执行情况", "D5", 10726.16)(wb);
      setCell("表二 支出决算表", "D8", "1,000.00")(wb);
      setCell("表三 绩效指标", "E5", null)(wb);
      setCell("表三 绩效指标", "G4", 5)(wb);
    },
  },
];

export interface ReferenceOutput {
  readonly check: { code: number; stdout: string; stderr: string };
  readonly checkJson: { code: number; stdout: string; stderr: string };
  readonly generateJson: { code: number; stdout: string; stderr: string };
  readonly workbook: WorkbookDump | null;
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

/** Runs check, check --json and generate --json on the case's workbook and dumps the written report. */
export async function runReferenceCase(c: ReferenceCase): Promise<ReferenceOutput> {
  const dir = mkdtempSync(join(tmpdir(), "selfeval-reference-"));
  try {
    const input = c.edit
      ? writeTempFile(`${c.name}.xlsx`, await editXlsx(readFileSync(SAMPLE_XLSX), c.edit))
      : SAMPLE_XLSX;
    const out = join(dir, "out.xlsx");
    // Paths differ from run to run; the reference holds them as <input> and <output>.
    const scrub = (r: { code: number; stdout: string; stderr: string }) => ({
      code: r.code,
      stdout: r.stdout.split(input).join("<input>").split(out).join("<output>"),
      stderr: r.stderr.split(input).join("<input>").split(out).join("<output>"),
    });
    const check = scrub(await cli(["check", input, "--lang", c.lang]));
    const checkJson = scrub(await cli(["check", input, "--json", "--lang", c.lang]));
    const generateJson = scrub(await cli(["generate", input, "--out", out, "--json", "--lang", c.lang]));
    let workbook: WorkbookDump | null = null;
    if (generateJson.code === 0) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      workbook = dumpWorkbook(wb);
    }
    return { check, checkJson, generateJson, workbook };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const REFERENCE_DIR = join(__dirname, "..", "fixtures", "reference");
