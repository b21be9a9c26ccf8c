/**
 * The CLI over a folder of hostile files: every unreadable file ends as exit 2 with one localized line on stderr (never
 * a stack trace), every readable odd shape (no sheets, only a chart, cells at the grid's far corners, ten thousand empty
 * sheets) is checked without a crash and reports table.missing with exit 1.
 */
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { tableMissingMessage } from "../../src/engine/check/messages";
import { cellAt, sheetBounds } from "../../src/engine/snapshot";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { WorkbookReadError } from "../../src/gateway/xlsx/read-error";
import { readXlsxFile } from "../../src/gateway/xlsx/read-file";
import { readXlsxFileStreaming } from "../../src/gateway/xlsx/read-stream";
import { runCli, type CliRun } from "../cli/run-cli";
import {
  TABLELESS_FILES,
  UNREADABLE_FILES,
  farCellsWorkbook,
  writeHostileFolder,
} from "../fixtures/hostile/files";
import { rawXlsx } from "../fixtures/hostile/raw-xlsx";

const REASONS = {
  "not-xlsx": ["这不是 Excel 工作簿（.xlsx）文件。", "This is not an Excel workbook (.xlsx) file."],
  empty: ["文件是空的（0 字节）。", "The file is empty (0 bytes)."],
  corrupt: [
    "工作簿已损坏或不完整，无法读取，请在 Excel 中打开并重新保存后再试。",
    "The workbook is damaged or incomplete; open it in Excel, save it again and retry.",
  ],
  encrypted: [
    "工作簿设置了打开密码，请在 Excel 中取消密码后另存为 .xlsx 再试。",
    "The workbook is password-protected; remove the password in Excel, save it as .xlsx and try again.",
  ],
  "legacy-xls": [
    "这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 再试。",
    "This is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.",
  ],
  "text-file": [
    "这是文本文件（如 CSV），不是 .xlsx 工作簿，请在 Excel 中另存为 .xlsx 再试。",
    "This is a text file (such as CSV), not an .xlsx workbook; save it as .xlsx in Excel and try again.",
  ],
  unreadable: [
    "无法打开文件（可能是文件夹、没有读取权限或正被占用）。",
    "The file cannot be opened (it may be a folder, not readable, or locked).",
  ],
  "not-found": ["找不到文件。", "The file does not exist."],
} as const;

type Reason = keyof typeof REASONS;

/** What each unreadable file must be reported as. */
const EXPECTED_REASON: Record<string, Reason> = {
  "随机字节.xlsx": "not-xlsx",
  "空文件.xlsx": "empty",
  "截断-开头.xlsx": "corrupt",
  "截断-一半.xlsx": "corrupt",
  "截断-结尾.xlsx": "corrupt",
  "中间损坏.xlsx": "corrupt",
  "加密.xlsx": "encrypted",
  "旧版.xlsx": "legacy-xls",
  "CSV改名.xlsx": "text-file",
  "UTF16文本.xlsx": "text-file",
  "Word文档.xlsx": "not-xlsx",
  "文件夹.xlsx": "unreadable",
  "不存在.xlsx": "not-found",
};

let folder: string;
let paths: Map<string, string>;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "selfeval-hostile-"));
  paths = writeHostileFolder(folder);
  const directory = join(folder, "文件夹.xlsx");
  mkdirSync(directory);
  paths.set("文件夹.xlsx", directory);
  paths.set("不存在.xlsx", join(folder, "不存在.xlsx"));
});

function expectOneCleanLine(r: CliRun): void {
  expect(r.stderr.endsWith("\n")).toBe(true);
  expect(r.stderr.slice(0, -1)).not.toMatch(/[\r\n]/);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:|内部错误|internal error/);
}

describe("selfeval check on unreadable files: exit 2, one localized line", () => {
  const names = [...UNREADABLE_FILES.map((f) => f.name), "文件夹.xlsx", "不存在.xlsx"];

  it("covers every generated file", () => {
    expect(names.sort()).toEqual(Object.keys(EXPECTED_REASON).sort());
  });

  it.each(names)("%s", async (name) => {
    const path = paths.get(name) as string;
    const [zh, en] = REASONS[EXPECTED_REASON[name]];

    const inChinese = await runCli(["check", path]);
    expect(inChinese).toEqual({ code: 2, stdout: "", stderr: `selfeval check：无法读取“${path}”：${zh}\n` });
    expectOneCleanLine(inChinese);

    const inEnglish = await runCli(["check", path, "--json", "--lang", "en-US"]);
    expect(inEnglish).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval check: cannot read "${path}": ${en}\n`,
    });
    expectOneCleanLine(inEnglish);
  });
});

describe("selfeval generate on unreadable files: exit 2, one localized line, nothing written", () => {
  const names = [...UNREADABLE_FILES.map((f) => f.name), "文件夹.xlsx", "不存在.xlsx"];

  it.each(names)("%s", async (name) => {
    const path = paths.get(name) as string;
    const [zh, en] = REASONS[EXPECTED_REASON[name]];
    const out = join(mkdtempSync(join(tmpdir(), "selfeval-hostile-out-")), "自评.xlsx");

    const inChinese = await runCli(["generate", path, "--out", out]);
    expect(inChinese).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate：无法读取“${path}”：${zh}\n`,
    });
    expectOneCleanLine(inChinese);

    const inEnglish = await runCli(["generate", path, "--out", out, "--json", "--lang", "en-US"]);
    expect(inEnglish).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate: cannot read "${path}": ${en}\n`,
    });
    expect(readdirSync(dirname(out))).toEqual([]);
  });
});

describe("selfeval check on readable workbooks with no table: exit 1, table.missing, no crash", () => {
  it.each(TABLELESS_FILES.map((f) => f.name))("%s", async (name) => {
    const path = paths.get(name) as string;
    const r = await runCli(["check", path, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      file: path,
      tables: [],
      findings: [
        {
          rule: "table.missing",
          severity: "error",
          cells: [],
          expected: null,
          actual: null,
          difference: null,
          message: tableMissingMessage()["zh-CN"],
        },
      ],
      summary: { error: 1, warning: 0, notice: 0 },
    });

    const english = await runCli(["check", path, "--lang", "en-US"]);
    expect(english.code).toBe(1);
    expect(english.stderr).toBe("");
    expect(english.stdout).toContain(tableMissingMessage()["en-US"]);

    const out = join(mkdtempSync(join(tmpdir(), "selfeval-hostile-out-")), "自评.xlsx");
    const generated = await runCli(["generate", path, "--out", out]);
    expect(generated).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "selfeval generate：工作簿中未找到预算执行情况表（年度资金总额、全年预算数、全年执行数）和" +
        "绩效指标表（三级指标、年度指标值、实际完成值、分值），未生成报告。\n",
    });
    expect(readdirSync(dirname(out))).toEqual([]);
  });
});

describe("the CLI's streaming reader on every hostile file", () => {
  async function outcome(read: () => Promise<WorkbookSnapshot>): Promise<string> {
    try {
      return JSON.stringify(await read());
    } catch (e) {
      return e instanceof WorkbookReadError ? `WorkbookReadError ${e.code}` : `other ${String(e)}`;
    }
  }

  it("ends as the in-memory reader does: the same snapshot or the same WorkbookReadError", async () => {
    for (const [name, path] of paths) {
      if (name === "一万张空表.xlsx") continue; // the CLI reads it above, both readers in xlsx-read.test.ts
      const streamed = await outcome(() => readXlsxFileStreaming(path));
      const inMemory = await outcome(() => readXlsxFile(path));
      expect({ name, same: streamed === inMemory, streamed: streamed.slice(0, 80) }).toEqual({
        name,
        same: true,
        streamed: inMemory.slice(0, 80),
      });
    }
  });

  it("closes every file it opens, also when it hands a file over to the in-memory reader", async () => {
    /** The files this process holds open, by path (Linux lists them under /proc/self/fd). */
    const openPaths = () =>
      readdirSync("/proc/self/fd").map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return ""; // closed while listing
        }
      });
    for (const [name, path] of paths) {
      if (name === "一万张空表.xlsx") continue;
      await outcome(() => readXlsxFileStreaming(path));
      expect({ name, open: openPaths().filter((p) => p === path) }).toEqual({ name, open: [] });
    }
  });
});

describe("readXlsxBuffer on the odd shapes", () => {
  it("reads cells at column XFD and rows 1,000,000 and 1,048,576 without a dense grid", async () => {
    const { sheets } = await readXlsxBuffer(farCellsWorkbook());
    expect(sheets).toHaveLength(1);
    const s = sheets[0];
    expect(sheetBounds(s)).toEqual({ top: 0, left: 0, bottom: 1048575, right: 16383 });
    expect(cellAt(s, 0, 0)).toBe("说明");
    expect(cellAt(s, 0, 16383)).toBe("最右一列");
    expect(cellAt(s, 999999, 0)).toBe(10716.16);
    expect(cellAt(s, 1048575, 16383)).toBe("最后一格");
    expect(cellAt(s, 500000, 8000)).toBeNull();
    // Only the three used rows hold cells: the sheet costs what it holds, not 17 billion cells.
    expect(s.values.reduce((n, r) => n + r.length, 0)).toBe(16384 + 1 + 16384);
  });

  // The ten thousand empty sheets go through readXlsxBuffer once, in tests/gateway/xlsx-read.test.ts ("reads odd but
  // readable shapes", readXlsxFile's run): the same bytes (manyEmptySheetsWorkbook) and the same expectations (10,000
  // sheets, the last one Sheet10000 and empty, whole). Read here as well they cost three seconds for nothing new.
  it("reads a chart sheet as no sheet, and no sheets as none", async () => {
    expect((await readXlsxBuffer(rawXlsx([{ kind: "chartsheet", name: "图表1" }]))).sheets).toEqual([]);
    expect((await readXlsxBuffer(rawXlsx([]))).sheets).toEqual([]);
  });
});
