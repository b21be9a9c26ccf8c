import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type ExcelJS from "exceljs";
import * as pipeline from "../../src/app/pipeline";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";
import {
  readConfirmationsFromPackage,
  writeConfirmationsToPackage,
} from "../../src/gateway/xlsx/package/confirmations-part";
import { BUDGET_SHEET, INDICATORS_SHEET } from "../app/fixtures";
import { buildXlsx, editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { fixtureXlsxSheet } from "../hosts/contract";
import { runCli, SAMPLE_XLSX } from "./run-cli";

const BUDGET = "表一 预算执行情况";
const EXPENDITURE = "表二 支出决算表";

interface Envelope {
  file: string;
  tables: { kind: string; sheet: string; range: string; unit: string | null }[];
  findings: {
    rule: string;
    severity: string;
    cells: { sheet: string; address: string }[];
    expected: number | null;
    actual: number | null;
    difference: number | null;
    message: string;
  }[];
  summary: { error: number; warning: number; notice: number };
}

/** A copy of the sample with one edit, written to a temporary .xlsx. */
async function sampleCopy(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  return writeTempFile(name, await editXlsx(readFileSync(SAMPLE_XLSX), edit));
}

function setCell(sheet: string, address: string, value: ExcelJS.CellValue) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
  };
}

describe("selfeval check on the sample workbook", () => {
  it("finds the four tables and no error (exit 0)", async () => {
    const r = await runCli(["check", SAMPLE_XLSX, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope).toEqual({
      file: SAMPLE_XLSX,
      tables: [
        { kind: "budget", sheet: BUDGET, range: "A3:G13", unit: "万元" },
        { kind: "expenditure", sheet: EXPENDITURE, range: "A3:E26", unit: "元" },
        { kind: "indicators", sheet: "表三 绩效指标", range: "A3:H17", unit: null },
        // 部门名称 is taken from 表一's "预算部门名称：…" caption, found first; the rest sit on this sheet.
        { kind: "info", sheet: "部门基本情况", range: "A4:B12", unit: null },
      ],
      findings: [],
      summary: { error: 0, warning: 0, notice: 0 },
    });
  });

  it("prints a readable report in Chinese by default", async () => {
    const r = await runCli(["check", SAMPLE_XLSX]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `检查工作簿：${SAMPLE_XLSX}`,
        "识别到 4 张表：",
        "  预算执行情况  表一 预算执行情况!A3:G13  万元",
        "  支出决算表    表二 支出决算表!A3:E26    元",
        "  绩效指标      表三 绩效指标!A3:H17",
        "  部门基本情况  部门基本情况!A4:B12",
        "",
        "未发现问题。",
        "",
        "汇总：错误 0 项，警告 0 项，提示 0 项。",
        "",
      ].join("\n"),
    );
  });
});

describe("selfeval check on a copy with one figure changed", () => {
  let changed: string;

  beforeAll(async () => {
    // 2080505's 合计 becomes 294,600.00 元 while its 基本支出 stays 284,600.00 元.
    changed = await sampleCopy("改动.xlsx", setCell(EXPENDITURE, "C12", 294600));
  });

  it("exits 1 and names the changed cell, amounts in 元", async () => {
    const r = await runCli(["check", changed, "--json"]);
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.summary).toEqual({ error: 2, warning: 0, notice: 0 });
    const row = envelope.findings.find((f) => f.rule === "sum.row");
    expect(row).toEqual({
      rule: "sum.row",
      severity: "error",
      cells: [
        { sheet: EXPENDITURE, address: "C12" },
        { sheet: EXPENDITURE, address: "D12" },
        { sheet: EXPENDITURE, address: "E12" },
      ],
      expected: 284600,
      actual: 294600,
      difference: 10000,
      message:
        "2080505 机关事业单位基本养老保险缴费支出：基本支出 + 项目支出 = 284,600.00 元，合计填列 294,600.00 元，相差 10,000.00 元，填列数多于分项之和",
    });
    // The 款 above it no longer equals its 项 either.
    const column = envelope.findings.find((f) => f.rule === "sum.column");
    expect(column?.cells).toEqual([
      { sheet: EXPENDITURE, address: "C11" },
      { sheet: EXPENDITURE, address: "C12" },
    ]);
    expect([column?.expected, column?.actual, column?.difference]).toEqual([294600, 284600, -10000]);
  });

  it("writes the messages in English with --lang en-US", async () => {
    const r = await runCli(["check", changed, "--json", "--lang", "en-US"]);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.findings.find((f) => f.rule === "sum.row")?.message).toBe(
      "2080505 机关事业单位基本养老保险缴费支出: basic + project spending = 284,600.00 元 (yuan), total entered 294,600.00, 10,000.00 more than the sum",
    );
  });

  it("groups the readable report by severity and table, naming sheet!cell", async () => {
    const r = await runCli(["check", changed], { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    const errors = lines.indexOf("Errors (2)");
    expect(errors).toBeGreaterThan(0);
    expect(lines[errors + 1]).toBe("  Expenditure table");
    expect(lines.slice(errors + 2, errors + 4).map((l) => l.split("  ")[2])).toEqual([
      "表二 支出决算表!C11, C12",
      "表二 支出决算表!C12, D12, E12",
    ]);
    expect(lines[lines.length - 2]).toBe("Summary: 2 errors, 0 warnings, 0 notices.");
  });
});

describe("selfeval check --tolerance", () => {
  let rounding: string;

  beforeAll(async () => {
    // 基本支出 executed 256.80 万元: 256.80 + 10459.37 misses the total 10716.16 by 0.01 万元 (尾差).
    rounding = await sampleCopy("尾差.xlsx", setCell(BUDGET, "D12", 256.8));
  });

  it("reports a 0.01 万元 difference as a notice under the default tolerance (exit 0)", async () => {
    const r = await runCli(["check", rounding, "--json"]);
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.summary).toEqual({ error: 0, warning: 1, notice: 2 });
    const notice = envelope.findings.find(
      (f) => f.rule === "sum.rounding" && f.cells[0].sheet === BUDGET && f.cells[0].address === "D5",
    );
    expect([notice?.expected, notice?.actual, notice?.difference]).toEqual([107161700, 107161600, -100]);
  });

  it("makes it an error with --tolerance 0 (exit 1)", async () => {
    const r = await runCli(["check", rounding, "--json", "--tolerance", "0"]);
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.summary).toEqual({ error: 2, warning: 1, notice: 0 });
    const errors = envelope.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cells[0].sheet, f.cells[0].address])).toEqual([
      ["sum.breakdown", BUDGET, "D5"],
      ["cross.sheet", BUDGET, "D12"],
    ]);
  });
});

describe("selfeval check runs the indicator rules too", () => {
  it("reports a blank actual value as value.missing at that cell (exit 1)", async () => {
    // 表三!E4 holds 新签约项目数's actual "17个"; without it the indicator scores 0 and is reported as missing.
    const blank = await sampleCopy("缺实际值.xlsx", setCell("表三 绩效指标", "E4", null));
    const r = await runCli(["check", blank, "--json"]);
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout) as Envelope;
    const missing = envelope.findings.filter((f) => f.rule === "value.missing");
    expect(missing).toHaveLength(1);
    expect(missing[0].severity).toBe("error");
    expect(missing[0].cells[0]).toEqual({ sheet: "表三 绩效指标", address: "E4" });
    expect([missing[0].expected, missing[0].actual, missing[0].difference]).toEqual([null, null, null]);
  });
});

describe("selfeval check on a workbook saved without recalculating", () => {
  let uncalculated: string;
  let unknownFunction: string;
  let divisionByZero: string;

  beforeAll(async () => {
    // 表二's 合计 row holds formulas over the 类 rows; C5 (the 合计 column) loses its cached result, as a budget
    // system's export that writes formulas without calculating them. The tool computes it (issue 16).
    uncalculated = await sampleCopy("未重算.xlsx", (wb) => {
      const cell = (wb.getWorksheet(EXPENDITURE) as ExcelJS.Worksheet).getCell("C5");
      expect(cell.formula).toMatch(/^C\d+\+C\d+/);
      cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    });
    divisionByZero = await sampleCopy("除零.xlsx", (wb) => {
      const cell = (wb.getWorksheet(EXPENDITURE) as ExcelJS.Worksheet).getCell("C5");
      cell.value = { formula: `(${cell.formula})/0` } as ExcelJS.CellFormulaValue;
    });
    // The same cell with a function no engine knows: it cannot be computed and keeps asking for Excel.
    unknownFunction = await sampleCopy("未知函数.xlsx", (wb) => {
      const cell = (wb.getWorksheet(EXPENDITURE) as ExcelJS.Worksheet).getCell("C5");
      cell.value = { formula: `NOSUCHFUNCTION(${cell.formula})` } as ExcelJS.CellFormulaValue;
    });
  });

  it("computes the formula, checks the sums on it, and says the figure is the tool's (a notice, exit 0)", async () => {
    const r = await runCli(["check", uncalculated, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.summary).toEqual({ error: 0, warning: 0, notice: 1 });
    expect(envelope.findings).toEqual([
      {
        rule: "value.computed",
        severity: "notice",
        cells: [{ sheet: EXPENDITURE, address: "C5" }],
        expected: null,
        actual: null,
        difference: null,
        message: `“${EXPENDITURE}”：公式未保存计算结果，已由本工具计算：C5`,
      },
    ]);
  });

  it("says it in English with --lang en-US", async () => {
    const r = await runCli(["check", uncalculated, "--json", "--lang", "en-US"]);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.findings.map((f) => f.message)).toEqual([
      `“${EXPENDITURE}”: formulas saved without results were computed by this tool: C5`,
    ]);
  });

  it("gives a computed division by zero its Excel error, reported as value.error (exit 1)", async () => {
    const r = await runCli(["check", divisionByZero, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.findings.map((f) => [f.rule, f.cells, f.message])).toEqual([
      [
        "value.error",
        [{ sheet: EXPENDITURE, address: "C5" }],
        "合计行（合计）：错误值 #DIV/0!，请修正公式或引用",
      ],
    ]);
  });

  it("keeps asking for a recalculation in Excel for a formula it cannot compute (exit 1)", async () => {
    const r = await runCli(["check", unknownFunction, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout) as Envelope;
    expect(envelope.summary).toEqual({ error: 1, warning: 0, notice: 0 });
    expect(envelope.findings).toEqual([
      {
        rule: "value.error",
        severity: "error",
        cells: [{ sheet: EXPENDITURE, address: "C5" }],
        expected: null,
        actual: null,
        difference: null,
        message: "合计行（合计）：公式没有计算结果，请在 Excel 中重新计算并保存后再检查",
      },
    ]);
  });
});

describe("selfeval check and generate with the filer's 出错说明", () => {
  const TEXT = "乡镇合并后支出口径调整，差额为上年结转";
  let explained: string;

  beforeAll(async () => {
    // The fixture's sum.breakdown error and its coverage warning explained in the preview, saved as 下载报告 saves.
    const host = await XlsxWorkbookHost.load(
      await buildXlsx([BUDGET_SHEET, INDICATORS_SHEET].map(fixtureXlsxSheet)),
    );
    const { evaluation } = await pipeline.check(host, {});
    await pipeline.confirm(
      host,
      {},
      evaluation.findings.find((f) => f.rule === "sum.breakdown")!,
      TEXT,
      {
        at: "2024-03-01T08:00:00.000Z",
      },
    );
    await pipeline.confirm(
      host,
      {},
      evaluation.findings.find((f) => f.rule === "quality.coverage")!,
      "本单位无成本指标",
    );
    explained = writeTempFile("已说明.xlsx", (await host.saveForDownload()).bytes);
  });

  it("--json carries each explanation and counts the explained warning out", async () => {
    const r = await runCli(["check", explained, "--json"]);
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout) as Envelope & { summary: { confirmed?: number } };
    expect(envelope.summary).toEqual({ error: 3, warning: 0, notice: 1, confirmed: 2 });
    expect(
      envelope.findings
        .filter((f) => "confirmation" in f)
        .map((f) => [f.rule, f.severity, (f as { confirmation?: unknown }).confirmation]),
    ).toEqual([
      ["sum.breakdown", "error", { text: TEXT, at: "2024-03-01T08:00:00.000Z" }],
      ["quality.coverage", "warning", { text: "本单位无成本指标" }],
    ]);
    expect(envelope.findings.filter((f) => !("confirmation" in f))).toHaveLength(3);
  });

  it("the readable report shows the explanation under its finding and says what is explained", async () => {
    const r = await runCli(["check", explained]);
    const lines = r.stdout.split("\n");
    const at = lines.findIndex((l) => l.includes("表1 预算执行!D5、D11、D12"));
    expect(lines[at + 1]).toBe(`      出错说明：${TEXT}`);
    expect(lines.slice(-3)).toEqual([
      "汇总：错误 3 项，警告 0 项，提示 1 项。",
      "已说明 2 项：错误 1 项（仍计入错误），警告和提示 1 项（不计入汇总）。",
      "",
    ]);
    const en = await runCli(["check", explained, "--lang", "en-US"]);
    expect(en.stdout.split("\n").slice(-3)).toEqual([
      "Summary: 3 errors, 0 warnings, 1 notice.",
      "Explained by the filer: 1 error (still counted as errors), 1 warning or notice (not counted above).",
      "",
    ]);
  });

  it("generate's banner and summary count the explained error", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "selfeval-explained-")), "out.xlsx");
    const r = await runCli(["generate", explained, "--out", out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toContain("核查发现 3 项错误，其中 1 项已说明，详见核查结果");
    expect(lines[lines.length - 1]).toBe(
      "已说明 2 项：错误 1 项（仍计入错误），警告和提示 1 项（不计入汇总）。",
    );
    const json = JSON.parse(
      (await runCli(["generate", explained, "--out", out, "--force", "--json"])).stdout,
    ) as {
      banner: string;
      summary: unknown;
    };
    expect(json.banner).toBe("核查发现 3 项错误，其中 1 项已说明，详见核查结果");
    expect(json.summary).toEqual({ error: 3, warning: 0, notice: 1, confirmed: 2 });
  });

  it("a figure changed since: the explanation lapses and check says so", async () => {
    // The figure changed as in Excel, which keeps the custom XML part when it saves (exceljs, editing here, does not).
    const edited = await editXlsx(readFileSync(explained), setCell("表1 预算执行", "D11", 900.48));
    const store = await readConfirmationsFromPackage(readFileSync(explained));
    const changed = writeTempFile("已说明-改动.xlsx", await writeConfirmationsToPackage(edited, store));
    const r = await runCli(["check", changed]);
    expect(r.stdout).not.toContain(TEXT);
    expect(r.stdout.split("\n").slice(-4)).toEqual([
      "汇总：错误 3 项，警告 0 项，提示 1 项。",
      "已说明 1 项：警告和提示 1 项（不计入汇总）。",
      "1 项出错说明所依据的数据已修改，说明已失效，请重新核对后再说明。",
      "",
    ]);
    const json = JSON.parse((await runCli(["check", changed, "--json"])).stdout) as { lapsed: unknown };
    expect(json.lapsed).toEqual([
      {
        rule: "sum.breakdown",
        cells: ["表1 预算执行!D5", "表1 预算执行!D11", "表1 预算执行!D12"],
        text: TEXT,
      },
    ]);
  });
});
