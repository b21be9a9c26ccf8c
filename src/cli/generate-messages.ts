/** Every line `selfeval generate` prints or refuses with, in zh-CN (default) and en-US, and its --help text. */
import type { RequiredTable } from "../app/errors";
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../engine/i18n";

export interface GenerateMessages {
  readonly summary: string;
  readonly usage: string;
  readonly missingFile: string;
  readonly tooManyFiles: (count: number) => string;
  readonly missingOut: string;
  readonly notXlsx: (out: string, extension: ".xlsx" | ".xlsm") => string;
  readonly notDocx: (out: string) => string;
  readonly sameAsInput: (out: string) => string;
  readonly outExists: (out: string) => string;
  readonly noFolder: (folder: string) => string;
  readonly badNumber: (option: string, value: string, rule: string) => string;
  readonly cannotRead: (file: string, reason: string) => string;
  readonly cannotWrite: (file: string, reason: string) => string;
  readonly missingTables: (missing: readonly RequiredTable[]) => string;
  readonly written: (out: string, sheets: string) => string;
  readonly writtenDocx: (out: string) => string;
  readonly scoreLine: (total: number, grade: string, rate: number | null) => string;
  /** One line per project form (issue 13). */
  readonly projectLine: (name: string, total: number, grade: string, rate: number | null) => string;
  readonly findingsLine: (c: Evaluation["summary"]) => string;
  /** The same when only the Word report was written: its 核查结果 part, which it has only when findings stand. */
  readonly findingsLineDocx: (c: Evaluation["summary"]) => string;
  /** The report's banner (bannerText) as the summary's first line, so the console never reads clean over errors. */
  readonly bannerLine: (banner: string) => string;
}

export const zh: GenerateMessages = {
  summary: "生成绩效自评表、自评报告和核查结果，写入新的工作簿",
  usage: [
    "用法：selfeval generate <工作簿.xlsx> --out <输出.xlsx> [--docx <报告.docx>] [--json] [--lang zh-CN|en-US]",
    "                        [--force] [--tolerance N] [--over-threshold 1.3] [--over-deduction 0] [--execution-caps]",
    "                        [--qualitative 100,70,30]",
    "",
    "识别工作簿中的各表，核对并评分，在原工作簿的副本中加入“绩效自评表”“自评报告”“核查结果”三张工作表；",
    "原有工作表保持不变。加 --docx 另存 Word 自评报告（可不加 --out，只生成 Word 报告）。",
    "",
    "选项：",
    "  --out 文件            输出的工作簿（不能是输入文件本身）",
    "  --docx 文件           输出的 Word 自评报告（.docx，按公文格式排版，自评表作为附件）",
    "  --force              输出文件已存在时覆盖",
    "  --json               以 JSON 输出结果（金额单位为元）",
    "  --tolerance N        尾差容许范围，以各表自身的金额单位计（默认 0.01）",
    "  --over-threshold X   实际值达到目标值的 X 倍视为超额完成（默认 1.3）",
    "  --over-deduction N   超额完成且未说明原因时扣减的分数（默认 0，不扣分）",
    "  --execution-caps     按预算执行率限制总分上限（默认不限制）",
    "  --qualitative A,B,C  定性指标达成/部分达成/未达成的默认得分比例（默认 100,70,30）",
    "  --lang zh-CN|en-US   输出及报告语言",
    "  -h, --help           显示本帮助",
    "",
    "退出码：0 已生成；1 缺少预算执行情况表或绩效指标表，未生成；2 文件无法读取或参数有误。",
  ].join("\n"),
  missingFile: "selfeval generate：缺少工作簿文件。用法：selfeval generate <工作簿.xlsx> --out <输出.xlsx>",
  tooManyFiles: (count) => `selfeval generate：一次只能处理一个工作簿，收到 ${count} 个文件。`,
  missingOut: "selfeval generate：缺少 --out <输出.xlsx> 或 --docx <报告.docx>。",
  notXlsx: (out, extension) =>
    extension === ".xlsm"
      ? `selfeval generate：输入是含宏的工作簿，输出文件“${out}”应以 .xlsm 结尾（宏原样保留）。`
      : `selfeval generate：输出文件“${out}”应以 .xlsx 结尾。`,
  notDocx: (out) => `selfeval generate：Word 报告“${out}”应以 .docx 结尾。`,
  sameAsInput: (out) => `selfeval generate：输出文件“${out}”就是输入文件，不能覆盖原工作簿，请另选文件名。`,
  outExists: (out) => `selfeval generate：输出文件“${out}”已存在；如确需覆盖，请加 --force。`,
  noFolder: (folder) => `selfeval generate：输出文件夹“${folder}”不存在。`,
  badNumber: (option, value, rule) => `selfeval generate：${option} 的取值“${value}”无效，应为${rule}。`,
  cannotRead: (file, reason) => `selfeval generate：无法读取“${file}”：${reason}`,
  cannotWrite: (file, reason) => `selfeval generate：无法写入“${file}”：${reason}`,
  missingTables: (missing) =>
    `selfeval generate：工作簿中未找到${missing
      .map((m) =>
        m === "budget"
          ? "预算执行情况表（年度资金总额、全年预算数、全年执行数）"
          : "绩效指标表（三级指标、年度指标值、实际完成值、分值）",
      )
      .join("和")}，未生成报告。`,
  written: (out, sheets) => `已生成“${out}”，新增工作表：${sheets}。`,
  writtenDocx: (out) => `已生成 Word 自评报告“${out}”。`,
  scoreLine: (total, grade, rate) =>
    `总分 ${total} 分，评价等级“${grade}”${rate === null ? "" : `，预算执行率 ${formatRate(rate)}`}。`,
  projectLine: (name, total, grade, rate) =>
    `项目“${name}”：总分 ${total} 分，评价等级“${grade}”${rate === null ? "" : `，预算执行率 ${formatRate(rate)}`}。`,
  bannerLine: (banner) => `${banner}。`,
  findingsLine: (c) =>
    `核查：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.notice} 项（详见“核查结果”工作表）。`,
  findingsLineDocx: (c) =>
    `核查：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.notice} 项${
      c.error + c.warning + c.notice > 0 ? "（详见 Word 报告的“核查结果”部分）" : ""
    }。`,
};

export const en: GenerateMessages = {
  summary: "write the self-evaluation table, the report and the check results into a new workbook",
  usage: [
    "Usage: selfeval generate <workbook.xlsx> --out <output.xlsx> [--docx <report.docx>] [--json]",
    "                         [--lang zh-CN|en-US] [--force] [--tolerance N] [--over-threshold 1.3] [--over-deduction 0] [--execution-caps]",
    "                         [--qualitative 100,70,30]",
    "",
    "Finds the tables in the workbook, checks and scores them, and writes a copy of the workbook with three sheets",
    "added: the self-evaluation table, the self-evaluation report and the check results. Input sheets are unchanged.",
    "With --docx it also writes the report as a Word document (or only that, without --out).",
    "",
    "Options:",
    "  --out FILE           the workbook to write (never the input itself)",
    "  --docx FILE          the Word report to write (.docx, set as an official document, the table as an annex)",
    "  --force              overwrite the output file when it exists",
    "  --json               print the result as JSON (amounts in yuan)",
    "  --tolerance N        rounding tolerance in each table's own unit (default 0.01)",
    "  --over-threshold X   an actual of X times the target counts as over-completion (default 1.3)",
    "  --over-deduction N   points deducted for over-completion without a reason (default 0: none)",
    "  --execution-caps     cap the total score by the budget execution rate (default off)",
    "  --qualitative A,B,C  default shares for qualitative met/partly met/not met, in percent (default 100,70,30)",
    "  --lang zh-CN|en-US   language of the output and of the report",
    "  -h, --help           show this help",
    "",
    "Exit status: 0 written; 1 the budget block or the indicators table is missing, nothing written;",
    "2 the file cannot be read or the arguments are wrong.",
  ].join("\n"),
  missingFile:
    "selfeval generate: missing workbook file. Usage: selfeval generate <workbook.xlsx> --out <output.xlsx>",
  tooManyFiles: (count) => `selfeval generate: one workbook at a time, got ${count} files.`,
  missingOut: "selfeval generate: missing --out <output.xlsx> or --docx <report.docx>.",
  notXlsx: (out, extension) =>
    extension === ".xlsm"
      ? `selfeval generate: the input is a macro workbook, so the output file "${out}" must end in .xlsm (its macros are kept as they are).`
      : `selfeval generate: the output file "${out}" must end in .xlsx.`,
  notDocx: (out) => `selfeval generate: the Word report "${out}" must end in .docx.`,
  sameAsInput: (out) =>
    `selfeval generate: the output file "${out}" is the input file; the original workbook is never overwritten.`,
  outExists: (out) => `selfeval generate: the output file "${out}" exists; add --force to overwrite it.`,
  noFolder: (folder) => `selfeval generate: the output folder "${folder}" does not exist.`,
  badNumber: (option, value, rule) => `selfeval generate: invalid ${option} "${value}"; it must be ${rule}.`,
  cannotRead: (file, reason) => `selfeval generate: cannot read "${file}": ${reason}`,
  cannotWrite: (file, reason) => `selfeval generate: cannot write "${file}": ${reason}`,
  missingTables: (missing) =>
    `selfeval generate: the workbook has no ${missing
      .map((m) =>
        m === "budget"
          ? "budget execution block (total funds, full-year budget, executed)"
          : "performance indicators table (indicator, target, actual, weight)",
      )
      .join(" and no ")}; nothing was written.`,
  written: (out, sheets) => `Wrote "${out}" with the new sheets ${sheets}.`,
  writtenDocx: (out) => `Wrote the Word report "${out}".`,
  scoreLine: (total, grade, rate) =>
    `Total score ${total}, grade ${grade}${rate === null ? "" : `, budget execution rate ${formatRate(rate)}`}.`,
  projectLine: (name, total, grade, rate) =>
    `Project "${name}": total score ${total}, grade ${grade}${rate === null ? "" : `, budget execution rate ${formatRate(rate)}`}.`,
  bannerLine: (banner) => `${banner}.`,
  findingsLine: (c) =>
    `Checks: ${c.error} errors, ${c.warning} warnings, ${c.notice} notices (see the Check Results sheet).`,
  findingsLineDocx: (c) =>
    `Checks: ${c.error} errors, ${c.warning} warnings, ${c.notice} notices${
      c.error + c.warning + c.notice > 0 ? " (see Check results in the Word report)" : ""
    }.`,
};

const MESSAGES: Record<Lang, GenerateMessages> = { "zh-CN": zh, "en-US": en };

export function generateMessages(lang: Lang): GenerateMessages {
  return MESSAGES[lang];
}

function formatRate(rate: number): string {
  return `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}
