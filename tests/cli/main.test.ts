import { readFileSync } from "fs";
import { join } from "path";
import { ole2Bytes, writeTempFile } from "../fixtures/xlsx-builders";
import { SEED } from "../fixtures/seed";
import { runCli } from "./run-cli";

const VERSION = (
  JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
).version;

/** Failures must be exactly one line on stderr, nothing on stdout, and never a stack trace. */
function expectOneLineFailure(result: { code: number; stdout: string; stderr: string }, line: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(`${line}\n`);
}

describe("selfeval: help and version", () => {
  it("prints the usage in Chinese by default, listing the check command", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("用法：selfeval <命令> [选项]");
    expect(r.stdout).toContain("  check     检查工作簿中的合计、小计与跨表数据是否一致");
  });

  it("prints the usage in English when LANG starts with en", async () => {
    const r = await runCli(["-h"], { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: selfeval <command> [options]");
    expect(r.stdout).toContain(
      "  check     check that totals, subtotals and cross-sheet figures in a workbook agree",
    );
  });

  it("lets --lang override LANG", async () => {
    const r = await runCli(["--help", "--lang", "zh-CN"], { LANG: "en_US.UTF-8" });
    expect(r.stdout).toContain("用法：selfeval <命令> [选项]");
  });

  it("prints the command's own usage", async () => {
    const r = await runCli(["check", "--help", "--lang=en-US"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      "Usage: selfeval check <workbook.xlsx> [--text <report.docx|report.txt>] [--json] [--tolerance N] [--lang zh-CN|en-US]",
    );
    expect(r.stdout).toContain(
      "Exit status: 0 no error; 1 errors found; 2 the file cannot be read or the arguments are wrong.",
    );
  });

  it("prints the version from package.json", async () => {
    expect(await runCli(["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(await runCli(["-v"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

describe("selfeval: wrong arguments exit 2 with one line", () => {
  it("no command", async () => {
    expectOneLineFailure(await runCli([]), "selfeval：缺少命令。运行 selfeval --help 查看用法。");
  });

  it("an unknown command", async () => {
    expectOneLineFailure(
      await runCli(["score", "a.xlsx"], { LANG: "en_GB.UTF-8" }),
      'selfeval: unknown command "score". Run selfeval --help for usage.',
    );
  });

  it("an unknown option", async () => {
    expectOneLineFailure(
      await runCli(["check", "--frobnicate", "a.xlsx"]),
      "selfeval：未知选项“--frobnicate”。运行 selfeval check --help 查看用法。",
    );
  });

  it("an option without its value and a flag with one", async () => {
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "--tolerance"]),
      "selfeval：选项“--tolerance”缺少取值。运行 selfeval check --help 查看用法。",
    );
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "--json=yes", "--lang", "en-US"]),
      'selfeval: option "--json" takes no value. Run selfeval check --help for usage.',
    );
  });

  it("a tolerance outside the settings table's limits (0 to 1)", async () => {
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "--tolerance", "abc"]),
      "selfeval check：尾差容许范围“abc”无效，应为介于 0 到 1 之间的数，如 0.01。",
    );
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "--tolerance=-1", "--lang", "en-US"]),
      'selfeval check: invalid tolerance "-1"; it must be a number from 0 to 1, such as 0.01.',
    );
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "--tolerance", "1.5"]),
      "selfeval check：尾差容许范围“1.5”无效，应为介于 0 到 1 之间的数，如 0.01。",
    );
  });

  it("an unsupported language", async () => {
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "--lang", "fr-FR"]),
      "selfeval：不支持的语言“fr-FR”，请使用 zh-CN 或 en-US。",
    );
  });

  it("no workbook, or more than one", async () => {
    expectOneLineFailure(
      await runCli(["check"]),
      "selfeval check：缺少工作簿文件。用法：selfeval check <工作簿.xlsx>",
    );
    expectOneLineFailure(
      await runCli(["check", "a.xlsx", "b.xlsx"], { LANG: "en_US.UTF-8" }),
      "selfeval check: one workbook at a time, got 2 files.",
    );
  });

  it("options may come before the command", async () => {
    expectOneLineFailure(
      await runCli(["--lang", "en-US", "--tolerance", "0.5", "check"]),
      "selfeval check: missing workbook file. Usage: selfeval check <workbook.xlsx>",
    );
  });
});

describe("selfeval check: unreadable files exit 2 with one line", () => {
  it("a missing file", async () => {
    const path = join(__dirname, "没有这个文件.xlsx");
    expectOneLineFailure(
      await runCli(["check", path, "--lang", "en-US"]),
      `selfeval check: cannot read "${path}": The file does not exist.`,
    );
  });

  it("a file that is not a zip", async () => {
    const path = writeTempFile("预算.xlsx", `项目,全年预算数\n合计,${SEED.total}\n`);
    expectOneLineFailure(
      await runCli(["check", path]),
      `selfeval check：无法读取“${path}”：这是文本文件（如 CSV），不是 .xlsx 工作簿，请在 Excel 中另存为 .xlsx 再试。`,
    );
  });

  it("an old .xls renamed to .xlsx", async () => {
    const path = writeTempFile("决算.xlsx", ole2Bytes("Workbook"));
    expectOneLineFailure(
      await runCli(["check", path, "--json"], { LANG: "en_US.UTF-8" }),
      `selfeval check: cannot read "${path}": This is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.`,
    );
  });
});
