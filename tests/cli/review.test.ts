import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { check, confirm } from "../../src/app/pipeline";
import { progressLine, runReview } from "../../src/cli/review";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";
import type { ReviewedFile } from "../../src/cli/review-check";
import { editXlsx } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX, type CliRun } from "./run-cli";

const BUDGET = "表一 预算执行情况";
const EXPENDITURE = "表二 支出决算表";
const INDICATORS = "表三 绩效指标";
const DEPARTMENT = "岳阳市君山产业开发区管委会";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "selfeval-review-"));
}

function setCell(sheet: string, address: string, value: ExcelJS.CellValue) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
  };
}

/**
 * The folder a 主管部门 gets back: the sample, a copy with a wrong 合计 (twice, once under a name Excel would read as
 * a formula), a copy with a 尾差, a workbook `generate` already wrote its report into, a file that is not a workbook,
 * and what is not to be checked (a .txt, Excel's lock file). Built once for the file: `review` only reads the folder
 * (every test writes its summary into a folder of its own), so every test sees the same files.
 */
let filings: Promise<string> | undefined;
function filingsFolder(): Promise<string> {
  filings ??= buildFilingsFolder();
  return filings;
}

async function buildFilingsFolder(): Promise<string> {
  const root = join(tempDir(), "收到的自评表");
  mkdirSync(join(root, "二级单位", "乡镇"), { recursive: true });
  const sample = readFileSync(SAMPLE_XLSX);
  // 2080505's 合计 becomes 294,600.00 元 while its 基本支出 stays 284,600.00 元: a sum.row and a sum.column error.
  const faulty = await editXlsx(sample, setCell(EXPENDITURE, "C12", 294600));
  writeFileSync(join(root, "a-样例.xlsx"), sample);
  writeFileSync(join(root, "b-合计有误.xlsx"), faulty);
  writeFileSync(join(root, "二级单位", "=1+2.xlsx"), faulty);
  // 基本支出 executed 256.80 万元: 0.01 万元 off its total, a 尾差. The filer also typed the 总分 on the line under the
  // indicators table, in its 得分 column (the sample leaves it empty).
  writeFileSync(
    join(root, "二级单位", "乡镇", "c-尾差.xlsx"),
    await editXlsx(sample, (wb) => {
      setCell(BUDGET, "D12", 256.8)(wb);
      setCell(INDICATORS, "A18", "总分")(wb);
      setCell(INDICATORS, "G18", 99.78)(wb);
    }),
  );
  writeFileSync(join(root, "二级单位", "损坏.xlsx"), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
  writeFileSync(join(root, "说明.txt"), "不是工作簿");
  writeFileSync(join(root, "~$a-样例.xlsx"), Buffer.from([7, 0, 0, 0]));
  const generated = await runCli([
    "generate",
    SAMPLE_XLSX,
    "--out",
    join(root, "二级单位", "乡镇", "d-已生成.xlsx"),
  ]);
  if (generated.code !== 0) throw new Error(generated.stderr);
  return root;
}

/** The findings' messages, as `selfeval check` prints them for the same copies. */
const COLUMN_SUM =
  "“合计”列：20805 行政事业单位养老支出的下级科目（1 个）之和 = 294,600.00 元，20805 行政事业单位养老支出填列 284,600.00 元，相差 10,000.00 元，填列数少于分项之和";
const ROW_SUM =
  "2080505 机关事业单位基本养老保险缴费支出：基本支出 + 项目支出 = 284,600.00 元，合计填列 294,600.00 元，相差 10,000.00 元，填列数多于分项之和";
const OVERSPEND = "基本支出：全年执行数 256.80 万元 超过全年预算数 256.79 万元，超出 0.01 万元";
const ROUNDING_TOTAL =
  "全年执行数：基本支出 + 项目支出 = 10,716.17 万元，年度资金总额填列 10,716.16 万元，相差 0.01 万元，填列数少于分项之和（尾差，在允许误差 0.01 万元 以内）";
const ROUNDING_CROSS =
  "预算执行情况“全年执行数”基本支出（表一 预算执行情况!D12）为 256.80 万元，支出决算表合计行“基本支出”（表二 支出决算表!D5）为 256.79 万元，相差 0.01 万元，预算执行情况多；以支出决算表为准（尾差，在允许误差 0.01 万元 以内）";

const FILES = [
  "a-样例.xlsx",
  "b-合计有误.xlsx",
  "二级单位/=1+2.xlsx",
  "二级单位/乡镇/c-尾差.xlsx",
  "二级单位/乡镇/d-已生成.xlsx",
  "二级单位/损坏.xlsx",
];

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(row.getCell(c).value ?? null);
    rows.push(values);
  });
  return rows;
}

describe("selfeval review on a folder of filings", () => {
  let root: string;
  let out: string;
  let run: CliRun;

  beforeAll(async () => {
    root = await filingsFolder();
    out = join(tempDir(), "汇总.xlsx");
    run = await runCli(["review", root, "--out", out, "--json", "--workers", "0"]);
  });

  it("exits 1 (errors found, a file unreadable) and prints the JSON envelope", () => {
    expect(run.code).toBe(1);
    const sample = {
      department: DEPARTMENT,
      year: "2023",
      score: 99.78,
      grade: "优",
      typedTotal: null,
      projects: [],
    };
    expect(JSON.parse(run.stdout)).toEqual({
      files: [
        { file: FILES[0], ...sample, errors: 0, warnings: 0 },
        { file: FILES[1], ...sample, errors: 2, warnings: 0 },
        { file: FILES[2], ...sample, errors: 2, warnings: 0 },
        { file: FILES[3], ...sample, typedTotal: 99.78, errors: 0, warnings: 1 },
        // Its 绩效自评表 and 核查结果 are ours: the filing is read as the sample it was made from.
        { file: FILES[4], ...sample, errors: 0, warnings: 0 },
        {
          file: FILES[5],
          department: "",
          year: "",
          score: null,
          grade: null,
          typedTotal: null,
          errors: 0,
          warnings: 0,
          error: "这不是 Excel 工作簿（.xlsx）文件。",
          projects: [],
        },
      ],
      summary: {
        files: 6,
        read: 5,
        unreadable: 1,
        errors: 4,
        warnings: 1,
        byRule: [
          { rule: "sum.column", name: "列合计", count: 2 },
          { rule: "sum.row", name: "行合计", count: 2 },
          { rule: "sum.rounding", name: "尾差", count: 2 },
          { rule: "budget.overspend", name: "执行数超预算", count: 1 },
        ],
      },
    });
  });

  it("writes one progress line per tenth of the files on stderr when it is not a terminal", () => {
    expect(run.stderr).toBe(FILES.map((f, i) => `已检查 ${i + 1}/6：${f}\n`).join(""));
  });

  it("writes one row per file on the first sheet", async () => {
    const wb = await readBack(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "全部问题", "按规则统计"]);
    const form = "部门整体支出";
    const sample = [DEPARTMENT, "2023", form, 99.78, null, "优", 1];
    expect(rowsOf(wb.worksheets[0])).toEqual([
      [
        "文件",
        "部门",
        "年度",
        "表式",
        "规则总分",
        "填报总分",
        "评价等级",
        "预算执行率",
        "错误",
        "警告",
        "主要问题",
        "问题说明",
      ],
      [FILES[0], ...sample, 0, 0, null, null],
      // The worst finding: the first in report order (errors first, then by sheet and cell).
      [FILES[1], ...sample, 2, 0, "列合计", COLUMN_SUM],
      [FILES[2], ...sample, 2, 0, "列合计", COLUMN_SUM],
      [FILES[3], DEPARTMENT, "2023", form, 99.78, 99.78, "优", 1, 0, 1, "执行数超预算", OVERSPEND],
      [FILES[4], ...sample, 0, 0, null, null],
      [
        FILES[5],
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "无法读取",
        "这不是 Excel 工作簿（.xlsx）文件。",
      ],
    ]);
  });

  it("lists every finding with its file on the second sheet and counts them by rule on the third", async () => {
    const wb = await readBack(out);
    const findings = rowsOf(wb.worksheets[1]);
    expect(findings[0]).toEqual(["文件", "规则", "严重程度", "单元格", "说明"]);
    expect(findings.slice(1)).toEqual([
      [FILES[1], "列合计", "错误", `${EXPENDITURE}!C11、C12`, COLUMN_SUM],
      [FILES[1], "行合计", "错误", `${EXPENDITURE}!C12、D12、E12`, ROW_SUM],
      [FILES[2], "列合计", "错误", `${EXPENDITURE}!C11、C12`, COLUMN_SUM],
      [FILES[2], "行合计", "错误", `${EXPENDITURE}!C12、D12、E12`, ROW_SUM],
      [FILES[3], "执行数超预算", "警告", `${BUDGET}!D12、C12`, OVERSPEND],
      [FILES[3], "尾差", "提示", `${BUDGET}!D5、D12、D13`, ROUNDING_TOTAL],
      [FILES[3], "尾差", "提示", `${BUDGET}!D12、${EXPENDITURE}!D5`, ROUNDING_CROSS],
    ]);
    expect(rowsOf(wb.worksheets[2])).toEqual([
      ["规则", "次数", "涉及文件数"],
      ["列合计", 2, 2],
      ["行合计", 2, 2],
      ["尾差", 2, 1],
      ["执行数超预算", 1, 1],
    ]);
  });

  it("writes a file name that looks like a formula as text", async () => {
    const wb = await readBack(out);
    for (const ws of wb.worksheets.slice(0, 2)) {
      const cell = ws.getCell("A4");
      expect([cell.value, cell.type, cell.formula]).toEqual([
        "二级单位/=1+2.xlsx",
        ExcelJS.ValueType.String,
        undefined,
      ]);
    }
  });

  it("prints on A4, keeps the header in view and fits the columns", async () => {
    const wb = await readBack(out);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const summary = wb.worksheets[0];
    // "二级单位/乡镇/d-已生成.xlsx": 9 CJK characters (2 columns each) and 9 others, plus a margin of 2.
    expect(summary.getColumn(1).width).toBe(29);
    // 年度: "2023" is no wider than its header.
    expect(summary.getColumn(3).width).toBe(6);
  });
});

describe("selfeval review in English, on a terminal", () => {
  it("rewrites one progress line in place and names the sheets and columns in English", async () => {
    const root = await filingsFolder();
    const out = join(tempDir(), "summary.xlsx");
    let stdout = "";
    let stderr = "";
    const code = await runReview(
      {
        io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} },
        lang: "en-US",
        values: { out, workers: "0" },
        positionals: [root],
      },
      { stderrIsTTY: true },
    );
    expect(code).toBe(1);
    expect(stderr).toBe(FILES.map((f, i) => `\r\x1b[KChecked ${i + 1}/6: ${f}`).join("") + "\n");
    expect(stdout).toBe(
      `Summary written to "${out}" (6 files).\nSummary: 5 read, 1 unreadable; 4 errors, 1 warning.\n`,
    );
    const wb = await readBack(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Summary", "All findings", "By rule"]);
    const rows = rowsOf(wb.worksheets[0]);
    expect(rows[0]).toEqual([
      "File",
      "Department",
      "Year",
      "Form",
      "Rule total",
      "Typed total",
      "Grade",
      "Execution rate",
      "Errors",
      "Warnings",
      "Main problem",
      "Details",
    ]);
    expect(rows[6]).toEqual([
      FILES[5],
      ...Array<null>(9).fill(null),
      "Cannot be read",
      "This is not an Excel workbook (.xlsx) file.",
    ]);
    expect(rowsOf(wb.worksheets[2])).toEqual([
      ["Rule", "Count", "Files"],
      ["Column total", 2, 2],
      ["Row total", 2, 2],
      ["Rounding difference", 2, 1],
      ["Spending above budget", 1, 1],
    ]);
  });
});

/** The workbook with the filer's 出错说明 on the finding whose message is `message`, as the preview saves it. */
async function explained(bytes: Uint8Array, message: string, text: string): Promise<Buffer> {
  const host = await XlsxWorkbookHost.load(bytes);
  const { evaluation } = await check(host, {});
  const finding = evaluation.findings.find((f) => f.message["zh-CN"] === message);
  if (!finding) throw new Error(`no finding ${message}`);
  await confirm(host, {}, finding, text, { at: "2024-03-01T08:00:00.000Z", author: "张会计" });
  return Buffer.from((await host.saveForDownload()).bytes);
}

describe("selfeval review of filings that carry 出错说明", () => {
  const ROW_TEXT = "基本支出含上年结转 10,000.00 元，已在说明中列示";
  const OVERSPEND_TEXT = "追加预算 0.01 万元，批复在途";
  let root: string;
  let out: string;
  let run: CliRun;

  beforeAll(async () => {
    root = join(tempDir(), "收到的自评表");
    mkdirSync(root);
    const sample = readFileSync(SAMPLE_XLSX);
    const faulty = await editXlsx(sample, setCell(EXPENDITURE, "C12", 294600));
    const rounding = await editXlsx(sample, setCell(BUDGET, "D12", 256.8));
    writeFileSync(join(root, "a-样例.xlsx"), sample);
    writeFileSync(join(root, "b-合计有误.xlsx"), await explained(faulty, ROW_SUM, ROW_TEXT));
    writeFileSync(join(root, "c-尾差.xlsx"), await explained(rounding, OVERSPEND, OVERSPEND_TEXT));
    out = join(tempDir(), "汇总.xlsx");
    run = await runCli(["review", root, "--out", out, "--json", "--workers", "0"]);
  });

  it("shows each explanation in an 出错说明 column of the findings sheet", async () => {
    const findings = rowsOf((await readBack(out)).worksheets[1]);
    expect(findings).toEqual([
      ["文件", "规则", "严重程度", "单元格", "说明", "出错说明"],
      ["b-合计有误.xlsx", "列合计", "错误", `${EXPENDITURE}!C11、C12`, COLUMN_SUM, null],
      ["b-合计有误.xlsx", "行合计", "错误", `${EXPENDITURE}!C12、D12、E12`, ROW_SUM, ROW_TEXT],
      ["c-尾差.xlsx", "执行数超预算", "警告", `${BUDGET}!D12、C12`, OVERSPEND, OVERSPEND_TEXT],
      ["c-尾差.xlsx", "尾差", "提示", `${BUDGET}!D5、D12、D13`, ROUNDING_TOTAL, null],
      ["c-尾差.xlsx", "尾差", "提示", `${BUDGET}!D12、${EXPENDITURE}!D5`, ROUNDING_CROSS, null],
    ]);
  });

  it("carries them in --json: an explained error still counts, an explained warning does not", () => {
    const json = JSON.parse(run.stdout);
    expect(
      json.files.map((f: { file: string; errors: number; warnings: number }) => [
        f.file,
        f.errors,
        f.warnings,
      ]),
    ).toEqual([
      ["a-样例.xlsx", 0, 0],
      ["b-合计有误.xlsx", 2, 0],
      ["c-尾差.xlsx", 0, 0],
    ]);
    expect(json.files[0].explained).toBeUndefined();
    const confirmation = (text: string) => ({ text, at: "2024-03-01T08:00:00.000Z", author: "张会计" });
    expect(json.files[1].explained).toEqual([
      {
        rule: "sum.row",
        name: "行合计",
        severity: "error",
        cells: [`${EXPENDITURE}!C12`, `${EXPENDITURE}!D12`, `${EXPENDITURE}!E12`],
        message: ROW_SUM,
        confirmation: confirmation(ROW_TEXT),
      },
    ]);
    expect(json.files[2].explained).toEqual([
      {
        rule: "budget.overspend",
        name: "执行数超预算",
        severity: "warning",
        cells: [`${BUDGET}!D12`, `${BUDGET}!C12`],
        message: OVERSPEND,
        confirmation: confirmation(OVERSPEND_TEXT),
      },
    ]);
    expect(json.summary).toMatchObject({ errors: 2, warnings: 0, confirmed: 2 });
  });

  it("gives the same on worker threads", async () => {
    const two = await runCli([
      "review",
      root,
      "--out",
      join(tempDir(), "two.xlsx"),
      "--json",
      "--workers",
      "2",
    ]);
    expect(two).toEqual(run);
  });
});

describe("selfeval review on worker threads", () => {
  it("gives the same results, in the same order, as checking the files one after another", async () => {
    // The real worker path: threads that load src/cli/review-worker.ts through ts-node (see review-pool.ts).
    const root = await filingsFolder();
    const one = await runCli([
      "review",
      root,
      "--out",
      join(tempDir(), "one.xlsx"),
      "--json",
      "--workers",
      "0",
    ]);
    const two = await runCli([
      "review",
      root,
      "--out",
      join(tempDir(), "two.xlsx"),
      "--json",
      "--workers",
      "2",
    ]);
    expect(two).toEqual(one);
    expect(JSON.parse(two.stdout).summary.errors).toBe(4);
  });
});

describe("selfeval review exit status", () => {
  it("exits 0 on a folder without errors and says what it wrote", async () => {
    const root = tempDir();
    writeFileSync(join(root, "样例.xlsx"), readFileSync(SAMPLE_XLSX));
    const out = join(tempDir(), "汇总.xlsx");
    const r = await runCli(["review", root, "-o", out, "--workers", "0"]);
    expect(r).toEqual({
      code: 0,
      stdout: `已写出汇总“${out}”（1 个文件）。\n汇总：可读取 1 个，无法读取 0 个；错误 0 项，警告 0 项。\n`,
      stderr: "已检查 1/1：样例.xlsx\n",
    });
    // Written through a temporary file beside it, which is gone.
    expect(readdirSync(join(out, ".."))).toEqual(["汇总.xlsx"]);
  });

  it("exits 2 for a missing folder or --out, a folder without workbooks, or a bad --workers", async () => {
    const empty = tempDir();
    writeFileSync(join(empty, "说明.txt"), "x");
    const out = join(tempDir(), "汇总.xlsx");
    const missing = join(empty, "没有");
    const cases: [string[], string][] = [
      [["review"], "selfeval review：缺少文件夹。用法：selfeval review <文件夹> --out <汇总.xlsx>"],
      [["review", empty], "selfeval review：缺少 --out <汇总.xlsx>，请指定汇总工作簿的保存位置。"],
      [["review", missing, "--out", out], `selfeval review：找不到文件夹“${missing}”。`],
      [
        ["review", empty, "--out", join(empty, "a.csv")],
        `selfeval review：汇总文件“${join(empty, "a.csv")}”应以 .xlsx 结尾。`,
      ],
      [["review", empty, "--out", out], `selfeval review：文件夹“${empty}”中没有 .xlsx 或 .xlsm 工作簿。`],
      [
        ["review", empty, "--out", out, "--workers", "two"],
        "selfeval review：线程数“two”无效，应为 0 到 64 之间的整数。",
      ],
    ];
    for (const [argv, line] of cases) {
      expect(await runCli(argv)).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
    }
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to write over a file it checks, or over an existing summary without --force", async () => {
    const root = tempDir();
    const input = join(root, "样例.xlsx");
    writeFileSync(input, readFileSync(SAMPLE_XLSX));
    expect(await runCli(["review", root, "--out", input])).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval review：汇总文件“${input}”是被检查的工作簿之一，请换一个位置。\n`,
    });
    // Byte for byte, with Buffer.equals: jest's toEqual walks the 14 kB buffer key by key (about 0.3 s).
    expect(readFileSync(input).equals(readFileSync(SAMPLE_XLSX))).toBe(true);

    const out = join(tempDir(), "汇总.xlsx");
    writeFileSync(out, "旧的汇总");
    expect(await runCli(["review", root, "--out", out])).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval review：“${out}”已存在。如需覆盖，请加 --force。\n`,
    });
    expect(readFileSync(out, "utf8")).toBe("旧的汇总");
    const forced = await runCli(["review", root, "--out", out, "--force", "--workers", "0"]);
    expect(forced.code).toBe(0);
    expect((await readBack(out)).worksheets[0].getCell("A2").value).toBe("样例.xlsx");
  });
});

describe("review progress in a log", () => {
  it("writes a line each time another tenth of the files is done: 10 lines for 200 files", () => {
    const lines: string[] = [];
    const progress = progressLine((text) => lines.push(text), 200, false, "zh-CN");
    for (let done = 1; done <= 200; done++) progress(done, { file: `f${done}.xlsx` } as ReviewedFile);
    expect(lines).toEqual(
      [20, 40, 60, 80, 100, 120, 140, 160, 180, 200].map((n) => `已检查 ${n}/200：f${n}.xlsx\n`),
    );
  });

  it("writes a line whenever another tenth is crossed: for 13 files, 10 of them, the last included", () => {
    const lines: string[] = [];
    const progress = progressLine((text) => lines.push(text), 13, false, "en-US");
    for (let done = 1; done <= 13; done++) progress(done, { file: `f${done}.xlsx` } as ReviewedFile);
    expect(lines.map((l) => l.split(" ")[1])).toEqual([
      "2/13:",
      "3/13:",
      "4/13:",
      "6/13:",
      "7/13:",
      "8/13:",
      "10/13:",
      "11/13:",
      "12/13:",
      "13/13:",
    ]);
  });
});
