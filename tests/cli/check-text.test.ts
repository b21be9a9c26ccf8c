/**
 * `selfeval check <workbook> --text <report>`: the report's prose (.txt or .docx) against the workbook. On the seed's
 * report and the sample (the seed's figures) the only finding is the unit's own 95 分 against the rules' 99.78; on a
 * copy with five planted figures each is found and nothing else. A file that is no report is an input error (exit 2).
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { docxOf } from "../fixtures/text/docx";
import { plantedReport, SEED_REPORT_PATH, seedReport } from "../fixtures/text/seed-report";
import { runCli, SAMPLE_XLSX } from "./run-cli";

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "selfeval-text-")), name);
  writeFileSync(path, content);
  return path;
}

const SCORE_MESSAGE =
  "报告文字“…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分”中总分为“95分”，按评分规则计算为 99.78 分";

describe("selfeval check --text on the seed's report", () => {
  it("prints the workbook's check, then the text's: only the unit's own score differs (a warning, exit 0)", async () => {
    const r = await runCli(["check", SAMPLE_XLSX, "--text", SEED_REPORT_PATH]);
    expect(r.stderr).toBe("");
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
        `核对报告文字：${SEED_REPORT_PATH}（60 句，其中 20 个数字与表格对照）`,
        "",
        "警告（1 项）",
        "  绩效指标",
        `    表三 绩效指标!G3  ${SCORE_MESSAGE}`,
        "",
        "汇总：错误 0 项，警告 1 项，提示 0 项。",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      "zh-CN",
      "核对报告文字：FILE（2 句，其中 0 个数字与表格对照）",
      "报告文字中没有找到可与表格对照的数字（金额、比率、分数、等级、数量），无法判断是否一致；核对只读中文叙述。",
      "汇总：错误 0 项，警告 0 项，提示 0 项。",
    ],
    [
      "en-US",
      "Checking the report's text: FILE (2 sentences, 0 figures compared with the tables)",
      "No figure in the report's text could be compared with the tables (amounts, rates, scores, grades, counts), so whether it agrees cannot be told; the check reads Chinese prose only.",
      "Summary: 0 errors, 0 warnings, 0 notices.",
    ],
  ])(
    "a text with no figure to compare is not said to agree (%s)",
    async (lang, heading, nothingCompared, summary) => {
      const file = tempFile(
        "report.txt",
        "The unit spent its budget as planned.\n本单位认真开展绩效自评工作。\n",
      );
      const r = await runCli(["check", SAMPLE_XLSX, "--text", file, "--lang", lang]);
      expect(r.code).toBe(0);
      const textPart = r.stdout.slice(r.stdout.lastIndexOf("\n\n" + heading.slice(0, 6)) + 2);
      expect(textPart).toBe([heading.replace("FILE", file), "", nothingCompared, "", summary, ""].join("\n"));
    },
  );

  it("adds a text member to --json", async () => {
    const r = await runCli(["check", SAMPLE_XLSX, "--text", SEED_REPORT_PATH, "--json"]);
    expect(r.code).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(envelope.findings).toEqual([]);
    expect(envelope.text).toEqual({
      file: SEED_REPORT_PATH,
      sentences: 60,
      compared: 20,
      findings: [
        {
          rule: "text.score",
          name: "报告分数与评分不符",
          severity: "warning",
          cells: [{ sheet: "表三 绩效指标", address: "G3" }],
          sentence: "…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分",
          stated: "95分",
          subject: "总分",
          recorded: "99.78 分",
          expected: null,
          actual: null,
          difference: null,
          message: SCORE_MESSAGE,
        },
      ],
      summary: { error: 0, warning: 1, notice: 0 },
    });
  });

  it("reads a .docx the same way (runs joined, one line per paragraph)", async () => {
    const docx = tempFile("自评报告.docx", await docxOf(seedReport()));
    const r = await runCli(["check", SAMPLE_XLSX, "--text", docx, "--json", "--lang", "en-US"]);
    expect(r.code).toBe(0);
    const text = JSON.parse(r.stdout).text;
    expect([text.sentences, text.compared, text.summary]).toEqual([
      60,
      20,
      { error: 0, warning: 1, notice: 0 },
    ]);
    expect(text.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      [
        "text.score",
        'The report\'s text "…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分" gives the total score as "95分"; the scoring rules give 99.78 points',
      ],
    ]);
  });

  it("finds nothing in the Word report generate writes from the same workbook", async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-text-"));
    const docx = join(dir, "自评报告.docx");
    expect((await runCli(["generate", SAMPLE_XLSX, "--docx", docx])).code).toBe(0);
    const r = await runCli(["check", SAMPLE_XLSX, "--text", docx, "--json"]);
    expect(r.code).toBe(0);
    const text = JSON.parse(r.stdout).text;
    expect(text.findings).toEqual([]);
    expect(text.compared).toBeGreaterThanOrEqual(8);
  });

  // A real filing whose 预算执行率 row is given 20 分: the report quotes review.execution-weight ("…评分规则为 10 分…"),
  // which the reader took for a total of 10 分. The English report's figures stand in English clauses that name no
  // subject the reader knows, so it compares none of them; it must still find nothing.
  it.each([
    ["zh-CN", 13],
    ["en-US", 0],
  ])(
    "finds nothing in the %s report generate writes for a real filing with a 20-point execution row",
    async (lang, compared) => {
      const workbook = join(__dirname, "../fixtures/real/xlsx/hubei-tongcheng-tanghu-2020-dept.xlsx");
      const dir = mkdtempSync(join(tmpdir(), "selfeval-text-"));
      const docx = join(dir, "自评报告.docx");
      const out = join(dir, "已生成.xlsx");
      expect((await runCli(["generate", workbook, "--lang", lang, "--out", out, "--docx", docx])).code).toBe(
        0,
      );
      const r = await runCli(["check", workbook, "--text", docx, "--json"]);
      expect(r.code).toBe(0);
      const text = JSON.parse(r.stdout).text;
      expect(text.findings).toEqual([]);
      expect(text.compared).toBe(compared);
    },
  );
});

describe("selfeval check --text on a copy with planted figures", () => {
  it("finds each planted figure and, besides, only the seed's own score (errors: exit 1)", async () => {
    const planted = tempFile("planted.txt", plantedReport());
    const r = await runCli(["check", SAMPLE_XLSX, "--text", planted, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const text = JSON.parse(r.stdout).text;
    expect(
      text.findings.map(
        (f: {
          rule: string;
          severity: string;
          cells: { address: string }[];
          stated: string;
          recorded: string;
        }) => [f.rule, f.severity, f.cells.map((c) => c.address).join(","), f.stated, f.recorded],
      ),
    ).toEqual([
      ["text.rate", "error", "F5", "98.5%", "100.0%"],
      ["text.amount", "error", "D12", "265.79万元", "256.79 万元"],
      ["text.count", "error", "E4", "十五个", "17 个"],
      ["text.score", "warning", "G3", "95分", "99.78 分"],
      ["text.grade", "warning", "G3", "良", "“优”"],
      ["text.score", "warning", "G17", "8分", "9.78 分"],
    ]);
    expect(text.findings[1]).toMatchObject({ expected: 2567900, actual: 2657900, difference: 90000 });
    expect(text.summary).toEqual({ error: 3, warning: 3, notice: 0 });
  });
});

describe("selfeval check --text refuses what is no report (exit 2, one line)", () => {
  const cases: [string, () => string, string][] = [
    ["a missing file", () => join(tmpdir(), "no-such-report.docx"), "找不到报告文件。"],
    ["an empty file", () => tempFile("empty.txt", ""), "报告中没有文字。"],
    ["a workbook", () => SAMPLE_XLSX, "这不是 Word 文档（.docx）或文本文件（.txt）。"],
    [
      "a Word 97-2003 file",
      () => tempFile("old.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
      "这是旧版 Word 97-2003（.doc）文件或设置了密码的文档，请在 Word 中另存为 .docx（不设密码）再试。",
    ],
    [
      "a binary",
      () => tempFile("image.docx", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])),
      "这不是 Word 文档（.docx）或文本文件（.txt）。",
    ],
    [
      "a damaged .docx",
      () => tempFile("cut.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      "Word 文档已损坏或不完整，请在 Word 中打开并重新保存后再试。",
    ],
  ];

  it.each(cases)("%s", async (_name, path, reason) => {
    const file = path();
    const r = await runCli(["check", SAMPLE_XLSX, "--text", file]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `selfeval check：无法读取报告“${file}”：${reason}\n` });
  });

  it("in English", async () => {
    const file = tempFile("empty.docx", "");
    const r = await runCli(["check", SAMPLE_XLSX, "--text", file, "--lang", "en-US"]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `selfeval check: cannot read the report "${file}": The report has no text.\n`,
    });
  });

  it("reads a text file saved in GB18030 (Notepad's ANSI on Chinese Windows)", async () => {
    // "评分为95分。" in GB18030.
    const gb = new Uint8Array([0xc6, 0xc0, 0xb7, 0xd6, 0xce, 0xaa, 0x39, 0x35, 0xb7, 0xd6, 0xa1, 0xa3]);
    const r = await runCli(["check", SAMPLE_XLSX, "--text", tempFile("gbk.txt", gb), "--json"]);
    expect(JSON.parse(r.stdout).text.findings.map((f: { stated: string }) => f.stated)).toEqual(["95分"]);
  });
});
