/**
 * Nothing lost on the .xlsx side: `selfeval generate` never writes to its input (however the output path is spelled),
 * never leaves a half-written file behind when the write fails part-way, and carries every figure and every text of the
 * user's sheets over unchanged — text from cells stays text, never a formula.
 */
import { createHash } from "crypto";
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import fsPromises from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/main";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { runCli, SAMPLE_XLSX, type CliRun } from "../cli/run-cli";
import { date, editXlsx, errorCell, formula, richText } from "../fixtures/xlsx-builders";

const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];
const OUR_SHEETS = ["绩效自评表", "自评报告", "核查结果"];
/** Excel's limit on the characters in one cell: longer text makes Excel repair (and cut) the file. */
const EXCEL_CELL_MAX_CHARS = 32767;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "selfeval-nothing-lost-"));
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

async function runIn(cwd: string, argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd });
  return { code, stdout, stderr };
}

/** A copy of the sample in a fresh folder, with its hash, to prove it is never written to. */
function inputCopy(name = "原表.xlsx"): { dir: string; input: string; hash: string; mtimeMs: number } {
  const dir = tempDir();
  const input = join(dir, name);
  writeFileSync(input, readFileSync(SAMPLE_XLSX));
  return { dir, input, hash: sha256(input), mtimeMs: statSync(input).mtimeMs };
}

function sameAsInputLine(out: string): string {
  return `selfeval generate：输出文件“${out}”就是输入文件，不能覆盖原工作簿，请另选文件名。\n`;
}

describe("generate never writes to its input", () => {
  it("refuses ./x.xlsx, dir/../x.xlsx, a symlink, a symlinked folder and a hard link to the input (exit 2)", async () => {
    const { dir, input, hash, mtimeMs } = inputCopy();
    mkdirSync(join(dir, "sub"));
    symlinkSync(input, join(dir, "链接.xlsx"));
    symlinkSync(dir, join(dir, "folder-link"));
    linkSync(input, join(dir, "hard.xlsx"));
    const spellings = [
      "./原表.xlsx",
      "原表.xlsx",
      "sub/../原表.xlsx",
      "./sub/./../原表.xlsx",
      `${dir}//原表.xlsx`,
      "链接.xlsx",
      "folder-link/原表.xlsx",
      "hard.xlsx",
    ];
    for (const out of spellings) {
      const r = await runIn(dir, ["generate", "原表.xlsx", "--out", out, "--force"]);
      expect({ out, ...r }).toEqual({ out, code: 2, stdout: "", stderr: sameAsInputLine(out) });
    }
    // The input given through the symlink, the output as the real file.
    const viaLink = await runIn(dir, ["generate", "链接.xlsx", "--out", "原表.xlsx", "--force"]);
    expect(viaLink).toEqual({ code: 2, stdout: "", stderr: sameAsInputLine("原表.xlsx") });

    expect(sha256(input)).toBe(hash);
    expect(statSync(input).mtimeMs).toBe(mtimeMs);
    expect(readdirSync(dir).sort()).toEqual(
      ["folder-link", "hard.xlsx", "sub", "原表.xlsx", "链接.xlsx"].sort(),
    );
  });

  it("on Linux a name differing only in case is another file: it is written, the input untouched", async () => {
    const { dir, input, hash } = inputCopy("report.xlsx");
    const r = await runIn(dir, ["generate", "report.xlsx", "--out", "REPORT.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(sha256(input)).toBe(hash);
    expect(readdirSync(dir).sort()).toEqual(["REPORT.xlsx", "report.xlsx"]);
  });

  it("leaves the input byte for byte as it was after a successful run", async () => {
    const { dir, input, hash, mtimeMs } = inputCopy();
    const r = await runIn(dir, ["generate", input, "--out", join(dir, "自评.xlsx")]);
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(hash);
    expect(statSync(input).mtimeMs).toBe(mtimeMs);
  });
});

describe("generate writes atomically: a failure part-way leaves no partial file", () => {
  afterEach(() => jest.restoreAllMocks());

  it("the disk fills up while the temporary file is written: no output, no temporary file, exit 2", async () => {
    const { dir, input, hash } = inputCopy();
    const realWriteFile = fsPromises.writeFile;
    jest.spyOn(fsPromises, "writeFile").mockImplementation(async (path, data, options) => {
      // Half of the bytes reach the disk, then the write fails as a full disk makes it fail.
      const bytes = data as Uint8Array;
      await realWriteFile(path, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const out = join(dir, "自评.xlsx");
    const r = await runIn(dir, ["generate", input, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^selfeval generate：无法写入“${out}”：[^\\n]*ENOSPC[^\\n]*\\n$`));
    expect(readdirSync(dir)).toEqual(["原表.xlsx"]);
    expect(sha256(input)).toBe(hash);
  });

  it("the move into place fails (--force over an older report): the older report survives whole, no temporary file", async () => {
    const { dir, input, hash } = inputCopy();
    const out = join(dir, "自评.xlsx");
    writeFileSync(out, "上次的报告");
    jest
      .spyOn(fsPromises, "rename")
      .mockRejectedValue(Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" }));
    const r = await runIn(dir, ["generate", input, "--out", out, "--force", "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^selfeval generate: cannot write "${out}": [^\\n]*EIO[^\\n]*\\n$`));
    expect(readFileSync(out, "utf8")).toBe("上次的报告");
    expect(readdirSync(dir).sort()).toEqual(["原表.xlsx", "自评.xlsx"].sort());
    expect(sha256(input)).toBe(hash);
  });

  it("a folder where the output should go (--force): the rename fails for real, nothing is left behind", async () => {
    const { dir, input } = inputCopy();
    const out = join(dir, "自评.xlsx");
    mkdirSync(out);
    writeFileSync(join(out, "别人的文件.txt"), "keep");
    const r = await runIn(dir, ["generate", input, "--out", out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`selfeval generate：无法写入“${out}”：`)).toBe(true);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(["原表.xlsx", "自评.xlsx"].sort());
    expect(readdirSync(out)).toEqual(["别人的文件.txt"]);
  });
});

/** The sample with hostile values in the user's sheets: every one must arrive in the output as it was. */
async function hostileSample(): Promise<Buffer> {
  return editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
    const set = (sheet: string, address: string, value: ExcelJS.CellValue, numFmt?: string) => {
      const cell = (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);
      cell.value = value;
      if (numFmt) cell.style = { ...cell.style, numFmt };
    };
    set("表二 支出决算表", "D8", errorCell("#REF!"));
    set("表二 支出决算表", "C9", date(2023, 12, 31), "yyyy-mm-dd");
    set("表二 支出决算表", "C12", true);
    set("表二 支出决算表", "B13", richText("卫生", { text: "健康支出", bold: true }));
    set("表二 支出决算表", "C14", formula("D14+E14"));
    set("表二 支出决算表", "B15", "行".repeat(30000));
    set("表二 支出决算表", "C15", "约".repeat(30000));
    set("表二 支出决算表", "C16", 1e308);
    set("表二 支出决算表", "C17", "NaN");
    set("表二 支出决算表", "C18", Number("53093700.000000004"));
    set("表一 预算执行情况", "A2", '预算部门名称：=HYPERLINK("http://example.invalid","点我")');
    set("部门基本情况", "B3", '=HYPERLINK("http://example.invalid","点我")');
    set("部门基本情况", "B5", "职".repeat(EXCEL_CELL_MAX_CHARS));
    set("部门基本情况", "B7", "+1");
    set("部门基本情况", "B8", "-1+2");
    set("部门基本情况", "B9", "@SUM(A1)");
    set("部门基本情况", "B10", "\t=1+1");
    set("部门基本情况", "B11", "\r=cmd|' /C calc'!A0");
    set("表三 绩效指标", "C4", "新签约项目数😀𠀀");
    set("表三 绩效指标", "H5", "=1+1 偏差原因");
    set("表三 绩效指标", "H6", "-2 偏差");
    set("表三 绩效指标", "C7", "𠀀".repeat(EXCEL_CELL_MAX_CHARS / 2));
  });
}

describe("generate on a workbook full of hostile cells", () => {
  let dir: string;
  let input: string;
  let out: string;
  let run0: CliRun;
  let written: ExcelJS.Workbook;
  let inputHash: string;

  beforeAll(async () => {
    dir = tempDir();
    input = join(dir, "hostile.xlsx");
    out = join(dir, "out.xlsx");
    writeFileSync(input, await hostileSample());
    inputHash = sha256(input);
    run0 = await runCli(["generate", input, "--out", out]);
    written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
  });

  it("writes the report (exit 0) and leaves the input untouched", () => {
    expect(run0.stderr).toBe("");
    expect(run0.code).toBe(0);
    expect(written.worksheets.map((ws) => ws.name)).toEqual([...INPUT_SHEETS, ...OUR_SHEETS, "_selfeval"]);
    expect(sha256(input)).toBe(inputHash);
  });

  it("carries every input sheet over unchanged: values, formulas, merges", async () => {
    const before = await readXlsxBuffer(readFileSync(input));
    const after = await readXlsxBuffer(readFileSync(out));
    const byName = (sheets: readonly SheetSnapshot[], name: string) => sheets.find((s) => s.name === name);
    for (const name of INPUT_SHEETS) {
      const a = byName(before.sheets, name) as SheetSnapshot;
      const b = byName(after.sheets, name) as SheetSnapshot;
      // Compared as JSON text: a diff of 30,000-character cells would drown the report.
      expect(JSON.stringify(b) === JSON.stringify(a)).toBe(true);
    }
  });

  it("keeps every cell of every sheet within Excel's 32,767 characters", () => {
    const over: string[] = [];
    for (const ws of written.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const text = typeof cell.value === "string" ? cell.value : cell.text;
          if (text.length > EXCEL_CELL_MAX_CHARS) over.push(`${ws.name}!${cell.address} ${text.length}`);
        }),
      );
    }
    expect(over).toEqual([]);
  });

  it("writes text from cells as text in its sheets: never a formula, leading = + - @ tab and CR included", () => {
    const risky: string[] = [];
    for (const name of OUR_SHEETS) {
      const ws = written.getWorksheet(name) as ExcelJS.Worksheet;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          // exceljs repeats a merge's value in the cells it covers; only the merge's own cell is written.
          if (cell.type === ExcelJS.ValueType.Merge) return;
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string" && /^[=+\-@\t\r]/.test(cell.value)) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.numFmt).toBe("@");
            risky.push(cell.value.slice(0, 20));
          }
        }),
      );
    }
    // The department name and the reasons that start like formulas did reach the report, as text.
    expect(risky).toEqual(expect.arrayContaining(['=HYPERLINK("http://e', "=1+1 偏差原因", "-2 偏差"]));
  });

  it("quotes long cell text in the 核查结果 sheet only in part", () => {
    const ws = written.getWorksheet("核查结果") as ExcelJS.Worksheet;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    const unparsed = texts.find((t) => t.includes("不是金额") && t.includes("约"));
    expect(unparsed).toBe(
      `2101102 ${"行".repeat(60)}…（合计）：“${"约".repeat(60)}…”不是金额，该单元格未参与求和校验`,
    );
  });
});
