/**
 * The CLI's own strings (usage, argument errors, report headings) in both languages.
 * Findings bring their own localized messages from the engine; only the frame around them lives here.
 */
import type { Lang } from "../engine/i18n";
import type { Severity } from "../engine/findings";

export interface CliMessages {
  readonly usage: (commands: readonly { name: string; summary: string }[]) => string;
  readonly checkSummary: string;
  readonly checkUsage: string;
  readonly missingCommand: string;
  readonly unknownCommand: (name: string) => string;
  readonly unknownOption: (option: string, command: string | null) => string;
  readonly optionNeedsValue: (option: string, command: string | null) => string;
  readonly optionTakesNoValue: (option: string, command: string | null) => string;
  readonly badArguments: (detail: string, command: string | null) => string;
  readonly badLang: (value: string) => string;
  readonly missingFile: string;
  readonly tooManyFiles: (count: number) => string;
  /** `rule` is the settings table's ("介于 0 到 1 之间的数，如 0.01"). */
  readonly badTolerance: (value: string, rule: string) => string;
  readonly cannotRead: (file: string, reason: string) => string;
  readonly internalError: (detail: string) => string;
  readonly reportHeading: (file: string) => string;
  readonly tablesFound: (count: number) => string;
  readonly noTables: string;
  readonly noFindings: string;
  readonly severityHeading: (severity: Severity, count: number) => string;
  readonly cellSeparator: string;
  readonly summaryLine: (counts: Record<Severity, number>) => string;
  /** After the summary when the filer explained findings (出错说明): how many, by severity. */
  readonly explainedLine: (explained: Record<Severity, number>) => string;
  /** A finding's 出错说明, on the line under it. */
  readonly explanation: (text: string) => string;
  /** Explanations whose figures changed since: to write again. */
  readonly lapsedLine: (count: number) => string;
  /** --text: the report's text could not be read. */
  readonly cannotReadText: (file: string, reason: string) => string;
  readonly textHeading: (file: string, sentences: number, compared: number) => string;
  readonly textNoFindings: string;
  /** No finding because no figure was compared: not the same as agreeing (an English text, a text of other figures). */
  readonly textNothingCompared: string;
}

const zh: CliMessages = {
  usage: (commands) =>
    [
      "绩效自评助手 selfeval —— 检查部门整体支出绩效自评工作簿",
      "",
      "用法：selfeval <命令> [选项]",
      "",
      "命令：",
      ...commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
      "",
      "通用选项：",
      "  --lang zh-CN|en-US   输出语言（默认取环境变量 LANG，以 en 开头为英文，否则中文）",
      "  -h, --help           显示帮助",
      "  -v, --version        显示版本号",
      "",
      "运行 selfeval <命令> --help 查看命令的用法。",
    ].join("\n"),
  checkSummary: "检查工作簿中的合计、小计与跨表数据是否一致",
  checkUsage: [
    "用法：selfeval check <工作簿.xlsx> [--text <报告.docx|报告.txt>] [--json] [--tolerance N] [--lang zh-CN|en-US]",
    "",
    "识别工作簿中的预算执行情况表、支出决算表、绩效指标表和部门基本情况，",
    "逐项核对合计、小计和跨表数据，列出每个问题所在的单元格。",
    "",
    "选项：",
    "  --text FILE          同时核对自评报告文字（.docx 或 .txt）中的金额、比率、分数、等级和数量是否与表格一致",
    "  --json               以 JSON 输出（金额单位为元）",
    "  --tolerance N        尾差容许范围，以各表自身的金额单位计（默认 0.01）",
    "  --lang zh-CN|en-US   输出语言",
    "  -h, --help           显示本帮助",
    "",
    "退出码：0 没有错误；1 发现错误；2 文件无法读取或参数有误。",
  ].join("\n"),
  missingCommand: "selfeval：缺少命令。运行 selfeval --help 查看用法。",
  unknownCommand: (name) => `selfeval：未知命令“${name}”。运行 selfeval --help 查看用法。`,
  unknownOption: (option, command) => `selfeval：未知选项“${option}”。${helpHintZh(command)}`,
  optionNeedsValue: (option, command) => `selfeval：选项“${option}”缺少取值。${helpHintZh(command)}`,
  optionTakesNoValue: (option, command) => `selfeval：选项“${option}”不接受取值。${helpHintZh(command)}`,
  badArguments: (detail, command) => `selfeval：参数有误（${detail}）。${helpHintZh(command)}`,
  badLang: (value) => `selfeval：不支持的语言“${value}”，请使用 zh-CN 或 en-US。`,
  missingFile: "selfeval check：缺少工作簿文件。用法：selfeval check <工作簿.xlsx>",
  tooManyFiles: (count) => `selfeval check：一次只能检查一个工作簿，收到 ${count} 个文件。`,
  badTolerance: (value, rule) => `selfeval check：尾差容许范围“${value}”无效，应为${rule}。`,
  cannotRead: (file, reason) => `selfeval check：无法读取“${file}”：${reason}`,
  internalError: (detail) => `selfeval：内部错误：${detail}`,
  reportHeading: (file) => `检查工作簿：${file}`,
  tablesFound: (count) => `识别到 ${count} 张表：`,
  noTables: "未识别到任何表。",
  noFindings: "未发现问题。",
  severityHeading: (severity, count) =>
    `${{ error: "错误", warning: "警告", notice: "提示" }[severity]}（${count} 项）`,
  cellSeparator: "、",
  summaryLine: (c) => `汇总：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.notice} 项。`,
  explainedLine: (c) => {
    const others = c.warning + c.notice;
    return [
      `已说明 ${c.error + others} 项`,
      c.error > 0 ? `：错误 ${c.error} 项（仍计入错误）` : "",
      others > 0 ? `${c.error > 0 ? "，" : "："}警告和提示 ${others} 项（不计入汇总）` : "",
      "。",
    ].join("");
  },
  explanation: (text) => `出错说明：${text}`,
  lapsedLine: (n) => `${n} 项出错说明所依据的数据已修改，说明已失效，请重新核对后再说明。`,
  cannotReadText: (file, reason) => `selfeval check：无法读取报告“${file}”：${reason}`,
  textHeading: (file, sentences, compared) =>
    `核对报告文字：${file}（${sentences} 句，其中 ${compared} 个数字与表格对照）`,
  textNoFindings: "报告文字与表格一致。",
  textNothingCompared:
    "报告文字中没有找到可与表格对照的数字（金额、比率、分数、等级、数量），无法判断是否一致；核对只读中文叙述。",
};

const en: CliMessages = {
  usage: (commands) =>
    [
      "selfeval, the Self-Evaluation Assistant: checks department expenditure performance self-evaluation workbooks",
      "",
      "Usage: selfeval <command> [options]",
      "",
      "Commands:",
      ...commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
      "",
      "Common options:",
      "  --lang zh-CN|en-US   output language (default from LANG: English when it starts with en, else Chinese)",
      "  -h, --help           show help",
      "  -v, --version        show the version",
      "",
      "Run selfeval <command> --help for a command's usage.",
    ].join("\n"),
  checkSummary: "check that totals, subtotals and cross-sheet figures in a workbook agree",
  checkUsage: [
    "Usage: selfeval check <workbook.xlsx> [--text <report.docx|report.txt>] [--json] [--tolerance N] [--lang zh-CN|en-US]",
    "",
    "Finds the budget execution block, the expenditure table, the indicators table and the department",
    "information in the workbook, checks every total, subtotal and cross-sheet figure, and names the cells.",
    "",
    "Options:",
    "  --text FILE          also check the report's text (.docx or .txt): its amounts, rates, scores, grades and",
    "                       counts against the tables",
    "  --json               print JSON (amounts in yuan)",
    "  --tolerance N        rounding tolerance in each table's own unit (default 0.01)",
    "  --lang zh-CN|en-US   output language",
    "  -h, --help           show this help",
    "",
    "Exit status: 0 no error; 1 errors found; 2 the file cannot be read or the arguments are wrong.",
  ].join("\n"),
  missingCommand: "selfeval: missing command. Run selfeval --help for usage.",
  unknownCommand: (name) => `selfeval: unknown command "${name}". Run selfeval --help for usage.`,
  unknownOption: (option, command) => `selfeval: unknown option "${option}". ${helpHintEn(command)}`,
  optionNeedsValue: (option, command) => `selfeval: option "${option}" needs a value. ${helpHintEn(command)}`,
  optionTakesNoValue: (option, command) =>
    `selfeval: option "${option}" takes no value. ${helpHintEn(command)}`,
  badArguments: (detail, command) => `selfeval: wrong arguments (${detail}). ${helpHintEn(command)}`,
  badLang: (value) => `selfeval: unsupported language "${value}"; use zh-CN or en-US.`,
  missingFile: "selfeval check: missing workbook file. Usage: selfeval check <workbook.xlsx>",
  tooManyFiles: (count) => `selfeval check: one workbook at a time, got ${count} files.`,
  badTolerance: (value, rule) => `selfeval check: invalid tolerance "${value}"; it must be ${rule}.`,
  cannotRead: (file, reason) => `selfeval check: cannot read "${file}": ${reason}`,
  internalError: (detail) => `selfeval: internal error: ${detail}`,
  reportHeading: (file) => `Checking workbook: ${file}`,
  tablesFound: (count) => `${count} ${count === 1 ? "table" : "tables"} found:`,
  noTables: "No table found.",
  noFindings: "No problems found.",
  severityHeading: (severity, count) =>
    `${{ error: "Errors", warning: "Warnings", notice: "Notices" }[severity]} (${count})`,
  cellSeparator: ", ",
  summaryLine: (c) =>
    `Summary: ${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.notice, "notice")}.`,
  explainedLine: (c) => {
    const others = c.warning + c.notice;
    const parts = [
      c.error > 0 ? `${plural(c.error, "error")} (still counted as errors)` : "",
      others > 0 ? `${plural(others, "warning or notice", "warnings or notices")} (not counted above)` : "",
    ].filter((p) => p !== "");
    return `Explained by the filer: ${parts.join(", ")}.`;
  },
  explanation: (text) => `Explanation: ${text}`,
  lapsedLine: (n) =>
    `${plural(n, "explanation")} no longer ${n === 1 ? "holds" : "hold"}: the figures ${n === 1 ? "it explained have" : "they explained have"} changed. Check them and explain again.`,
  cannotReadText: (file, reason) => `selfeval check: cannot read the report "${file}": ${reason}`,
  textHeading: (file, sentences, compared) =>
    `Checking the report's text: ${file} (${plural(sentences, "sentence")}, ${plural(compared, "figure")} compared with the tables)`,
  textNoFindings: "The report's text agrees with the tables.",
  textNothingCompared:
    "No figure in the report's text could be compared with the tables (amounts, rates, scores, grades, counts), so whether it agrees cannot be told; the check reads Chinese prose only.",
};

function helpHintZh(command: string | null): string {
  return `运行 selfeval ${command ? `${command} ` : ""}--help 查看用法。`;
}

function helpHintEn(command: string | null): string {
  return `Run selfeval ${command ? `${command} ` : ""}--help for usage.`;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

const CATALOGUE: Record<Lang, CliMessages> = { "zh-CN": zh, "en-US": en };

export function cliMessages(lang: Lang): CliMessages {
  return CATALOGUE[lang];
}
