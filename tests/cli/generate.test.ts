import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX } from "./run-cli";

const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "selfeval-generate-"));
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => ws.name);
}

describe("selfeval generate on the sample workbook", () => {
  it("writes the workbook with the three sheets added and says so (exit 0)", async () => {
    const out = join(tempDir(), "自评.xlsx");
    const r = await runCli(["generate", SAMPLE_XLSX, "--out", out]);
    expect(r).toEqual({
      code: 0,
      stdout: [
        `已生成“${out}”，新增工作表：“绩效自评表”、“自评报告”、“核查结果”。`,
        "总分 99.78 分，评价等级“优”，预算执行率 100.00%。",
        "核查：错误 0 项，警告 0 项，提示 0 项（详见“核查结果”工作表）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(await sheetNames(out)).toEqual([
      ...INPUT_SHEETS,
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    // Written through a temporary file beside it, which is gone.
    expect(readdirSync(join(out, ".."))).toEqual(["自评.xlsx"]);
  });

  it("prints the --json envelope: amounts in 元, the score with each indicator", async () => {
    const out = join(tempDir(), "out.xlsx");
    const r = await runCli(["generate", SAMPLE_XLSX, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const envelope = JSON.parse(r.stdout);
    expect(Object.keys(envelope)).toEqual([
      "file",
      "output",
      "docx",
      "department",
      "year",
      "tables",
      "budget",
      "score",
      "projects",
      "findings",
      "summary",
      "banner",
    ]);
    expect(envelope.banner).toBeNull();
    expect(envelope.projects).toEqual([]);
    expect(envelope).toMatchObject({
      file: SAMPLE_XLSX,
      output: out,
      department: "岳阳市君山产业开发区管委会",
      year: "2023",
      findings: [],
      summary: { error: 0, warning: 0, notice: 0 },
    });
    expect(envelope.tables.map((t: { kind: string; range: string }) => `${t.kind} ${t.range}`)).toEqual([
      "budget A3:G13",
      "expenditure A3:E26",
      "indicators A3:H17",
      "info A4:B12",
    ]);
    expect(envelope.budget).toEqual({
      unit: "元",
      total: { initial: 30000000, budget: 107161600, executed: 107161600 },
      basic: { initial: 2600000, budget: 2567900, executed: 2567900 },
      project: { initial: 27400000, budget: 104593700, executed: 104593700 },
      sources: {
        一般公共预算: { initial: 30000000, budget: 97161600, executed: 97161600 },
        政府性基金预算: { initial: null, budget: 10000000, executed: 10000000 },
        国有资本经营预算: { initial: null, budget: null, executed: null },
        社会保险基金预算: { initial: null, budget: null, executed: null },
      },
      executionRate: 1,
    });
    expect(envelope.score.total).toBe(99.78);
    expect(envelope.score.grade).toBe("优");
    expect(envelope.score.execution).toBe(10);
    expect(envelope.score.indicators).toHaveLength(14);
    expect(envelope.score.indicators[0]).toEqual({
      level1: "产出指标",
      level2: "数量指标",
      name: "新签约项目数",
      target: "≥15个",
      actual: "17个",
      weight: 8,
      score: 8,
      method: "17/15 ≥ 目标，满分",
    });
    expect(envelope.score.indicators[13]).toEqual({
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "入园企业满意度",
      target: "≥90%",
      actual: "88%",
      weight: 10,
      score: 9.78,
      method: "10×88/90=9.78",
    });
  });

  it("writes English sheets and messages with --lang en-US", async () => {
    const out = join(tempDir(), "report.xlsx");
    const r = await runCli(["generate", SAMPLE_XLSX, "--out", out, "--lang", "en-US"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      `Wrote "${out}" with the new sheets "Self-Evaluation Table", "Self-Evaluation Report", "Check Results".`,
    );
    expect((await sheetNames(out)).slice(4, 7)).toEqual([
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
    ]);
  });

  it("passes the scoring options to the scorer: --qualitative 90,70,30 lowers the three 达成 indicators", async () => {
    const out = join(tempDir(), "out.xlsx");
    const r = await runCli(["generate", SAMPLE_XLSX, "--out", out, "--json", "--qualitative", "90,70,30"]);
    const envelope = JSON.parse(r.stdout);
    expect(envelope.score.indicators[5]).toMatchObject({ name: "冷链物流项目主体厂房建设", score: 4.5 });
    expect(envelope.score.total).toBe(98.28);
  });
});

describe("selfeval generate refuses to overwrite", () => {
  it("the input workbook, however the path is spelled (exit 2, nothing written)", async () => {
    const dir = tempDir();
    const input = join(dir, "原表.xlsx");
    const bytes = readFileSync(SAMPLE_XLSX);
    writeFileSync(input, bytes);
    symlinkSync(input, join(dir, "link.xlsx"));
    for (const out of [input, join(dir, ".", "sub", "..", "原表.xlsx"), join(dir, "link.xlsx")]) {
      const r = await runCli(["generate", input, "--out", out, "--force"]);
      expect(r).toEqual({
        code: 2,
        stdout: "",
        stderr: `selfeval generate：输出文件“${out}”就是输入文件，不能覆盖原工作簿，请另选文件名。\n`,
      });
    }
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it("an existing --out without --force; with --force it is replaced", async () => {
    const dir = tempDir();
    const out = join(dir, "out.xlsx");
    writeFileSync(out, "keep me");
    const refused = await runCli(["generate", SAMPLE_XLSX, "--out", out], { LANG: "en_US.UTF-8" });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate: the output file "${out}" exists; add --force to overwrite it.\n`,
    });
    expect(readFileSync(out, "utf8")).toBe("keep me");

    const forced = await runCli(["generate", SAMPLE_XLSX, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await sheetNames(out)).length).toBe(8);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });
});

describe("selfeval generate: wrong arguments and unreadable input (exit 2)", () => {
  const cases: [string, string[], string][] = [
    [
      "no input",
      ["generate", "--out", "x.xlsx"],
      "selfeval generate：缺少工作簿文件。用法：selfeval generate <工作簿.xlsx> --out <输出.xlsx>",
    ],
    [
      "no --out",
      ["generate", SAMPLE_XLSX],
      "selfeval generate：缺少 --out <输出.xlsx> 或 --docx <报告.docx>。",
    ],
    [
      "an --out that is not .xlsx",
      ["generate", SAMPLE_XLSX, "--out", "x.xls"],
      "selfeval generate：输出文件“x.xls”应以 .xlsx 结尾。",
    ],
    [
      "a folder that does not exist",
      ["generate", SAMPLE_XLSX, "--out", "/nonexistent-selfeval/out.xlsx"],
      "selfeval generate：输出文件夹“/nonexistent-selfeval”不存在。",
    ],
    [
      "a bad --qualitative",
      ["generate", SAMPLE_XLSX, "--out", "x.xlsx", "--qualitative", "100,50,30"],
      "selfeval generate：--qualitative 的取值“100,50,30”无效，应为三个百分数，如 100,70,30（达成 80–100，部分达成 60–80，未达成 0–60）。",
    ],
    [
      "a bad --over-threshold",
      ["generate", SAMPLE_XLSX, "--out", "x.xlsx", "--over-threshold", "0.8"],
      "selfeval generate：--over-threshold 的取值“0.8”无效，应为介于 1.01 到 10 之间的倍数，如 1.3。",
    ],
    [
      // The settings table's limit, as in the 设置 view: more than 10 points for one unexplained figure is refused.
      "an --over-deduction above the settings table's 10",
      ["generate", SAMPLE_XLSX, "--out", "x.xlsx", "--over-deduction", "100"],
      "selfeval generate：--over-deduction 的取值“100”无效，应为介于 0 到 10 之间的分数，如 2。",
    ],
    [
      "a bad --tolerance",
      ["generate", SAMPLE_XLSX, "--out", "x.xlsx", "--tolerance=-0.01"],
      "selfeval generate：--tolerance 的取值“-0.01”无效，应为介于 0 到 1 之间的数，如 0.01。",
    ],
  ];
  it.each(cases)("%s", async (_name, argv, message) => {
    expect(await runCli(argv)).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });

  it("a file that is not a workbook", async () => {
    const path = writeTempFile("假的.xlsx", "科目编码,科目名称\n201,一般公共服务支出\n");
    const out = join(tempDir(), "out.xlsx");
    expect(await runCli(["generate", path, "--out", out, "--json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval generate：无法读取“${path}”：这是文本文件（如 CSV），不是 .xlsx 工作簿，请在 Excel 中另存为 .xlsx 再试。\n`,
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe("selfeval generate without an indicators table (exit 1)", () => {
  let input: string;
  beforeAll(async () => {
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      wb.removeWorksheet(wb.getWorksheet("表三 绩效指标")!.id);
    });
    input = writeTempFile("无指标.xlsx", bytes);
  });

  it("writes nothing and says what is missing", async () => {
    const out = join(tempDir(), "out.xlsx");
    const r = await runCli(["generate", input, "--out", out]);
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "selfeval generate：工作簿中未找到绩效指标表（三级指标、年度指标值、实际完成值、分值），未生成报告。\n",
    });
    expect(existsSync(out)).toBe(false);
  });

  it("still prints the envelope with --json: output and score null, the budget as found", async () => {
    const out = join(tempDir(), "out.xlsx");
    const r = await runCli(["generate", input, "--out", out, "--json"]);
    expect(r.code).toBe(1);
    const envelope = JSON.parse(r.stdout);
    expect(envelope.output).toBeNull();
    expect(envelope.score).toBeNull();
    expect(envelope.budget.total).toEqual({ initial: 30000000, budget: 107161600, executed: 107161600 });
    expect(envelope.budget.executionRate).toBe(1);
    expect(envelope.tables.map((t: { kind: string }) => t.kind)).toEqual(["budget", "expenditure", "info"]);
    expect(existsSync(out)).toBe(false);
  });
});
