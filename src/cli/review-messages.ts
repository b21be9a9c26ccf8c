/** `selfeval review`'s own strings in both languages: usage, argument errors, progress, the summary workbook's frame. */
import type { Lang } from "../engine/i18n";

export interface ReviewMessages {
  readonly summary: string;
  readonly usage: string;
  readonly missingFolder: string;
  readonly tooManyFolders: (count: number) => string;
  readonly notFolder: (folder: string) => string;
  readonly missingOut: string;
  readonly notXlsx: (out: string) => string;
  readonly outIsInput: (out: string) => string;
  readonly noFolder: (folder: string) => string;
  readonly outExists: (out: string) => string;
  readonly cannotWrite: (out: string, detail: string) => string;
  readonly badWorkers: (value: string) => string;
  readonly noWorkbooks: (folder: string) => string;
  readonly progress: (done: number, total: number, file: string) => string;
  readonly written: (out: string, files: number) => string;
  readonly totals: (t: { read: number; unreadable: number; errors: number; warnings: number }) => string;
  /** Why a file could not be checked when the reason is not one of the reader's (a bug, a worker that died). */
  readonly checkFailed: (detail: string) => string;
  readonly formDepartment: string;
  /** 表式 of a filing of project forms only (issue 13). */
  readonly formProject: string;
  /** The sheet listing each project of each file, and its header. */
  readonly projectsSheet: string;
  readonly projectsHeader: readonly string[];
  readonly unreadableRule: string;
  readonly severity: Readonly<Record<"error" | "warning" | "notice", string>>;
  readonly cellSeparator: string;
  readonly sheets: { readonly files: string; readonly findings: string; readonly byRule: string };
  readonly filesHeader: readonly string[];
  readonly findingsHeader: readonly string[];
  /** The findings sheet's last column, there only when some finding carries the filer's 出错说明. */
  readonly explanationHeader: string;
  readonly byRuleHeader: readonly string[];
  readonly footer: string;
}

const zh: ReviewMessages = {
  summary: "检查文件夹中的全部工作簿，写出汇总表（主管部门、财政局审核用）",
  usage: [
    "用法：selfeval review <文件夹> --out <汇总.xlsx> [--json] [--force] [--workers N] [--lang zh-CN|en-US]",
    "",
    "逐个检查文件夹（含子文件夹）中的每个 .xlsx / .xlsm 工作簿，与 selfeval check 相同，",
    "把结果写成一个汇总工作簿：每个文件一行（部门、年度、总分、等级、执行率、错误和警告数、最主要的问题），",
    "全部问题清单，以及按规则统计的问题次数（最常见的在前）。无法读取的文件单独成行并说明原因，不影响其他文件。",
    "",
    "选项：",
    "  -o, --out 汇总.xlsx   汇总工作簿的保存位置（不能是被检查的文件）",
    "  --json               同时以 JSON 输出结果",
    "  --force              覆盖已存在的汇总工作簿",
    "  --workers N          同时检查的线程数（默认为处理器核数；0 为逐个检查）",
    "  --lang zh-CN|en-US   输出语言",
    "  -h, --help           显示本帮助",
    "",
    "退出码：0 所有文件均无错误；1 有文件存在错误或无法读取；2 参数有误或文件夹不存在。",
  ].join("\n"),
  missingFolder: "selfeval review：缺少文件夹。用法：selfeval review <文件夹> --out <汇总.xlsx>",
  tooManyFolders: (count) => `selfeval review：一次只能检查一个文件夹，收到 ${count} 个。`,
  notFolder: (folder) => `selfeval review：找不到文件夹“${folder}”。`,
  missingOut: "selfeval review：缺少 --out <汇总.xlsx>，请指定汇总工作簿的保存位置。",
  notXlsx: (out) => `selfeval review：汇总文件“${out}”应以 .xlsx 结尾。`,
  outIsInput: (out) => `selfeval review：汇总文件“${out}”是被检查的工作簿之一，请换一个位置。`,
  noFolder: (folder) => `selfeval review：保存汇总的文件夹“${folder}”不存在。`,
  outExists: (out) => `selfeval review：“${out}”已存在。如需覆盖，请加 --force。`,
  cannotWrite: (out, detail) => `selfeval review：无法写入“${out}”：${detail}`,
  badWorkers: (value) => `selfeval review：线程数“${value}”无效，应为 0 到 64 之间的整数。`,
  noWorkbooks: (folder) => `selfeval review：文件夹“${folder}”中没有 .xlsx 或 .xlsm 工作簿。`,
  progress: (done, total, file) => `已检查 ${done}/${total}：${file}`,
  written: (out, files) => `已写出汇总“${out}”（${files} 个文件）。`,
  totals: (t) =>
    `汇总：可读取 ${t.read} 个，无法读取 ${t.unreadable} 个；错误 ${t.errors} 项，警告 ${t.warnings} 项。`,
  checkFailed: (detail) => `检查时出错：${detail}`,
  formDepartment: "部门整体支出",
  formProject: "项目支出",
  projectsSheet: "项目",
  projectsHeader: ["文件", "项目名称", "工作表", "规则总分", "评价等级", "预算执行率", "错误", "警告"],
  unreadableRule: "无法读取",
  severity: { error: "错误", warning: "警告", notice: "提示" },
  cellSeparator: "、",
  sheets: { files: "汇总", findings: "全部问题", byRule: "按规则统计" },
  filesHeader: [
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
  findingsHeader: ["文件", "规则", "严重程度", "单元格", "说明"],
  explanationHeader: "出错说明",
  byRuleHeader: ["规则", "次数", "涉及文件数"],
  footer: "第 &P 页 共 &N 页",
};

const en: ReviewMessages = {
  summary:
    "check every workbook in a folder and write a summary workbook (for the reviewing department or bureau)",
  usage: [
    "Usage: selfeval review <folder> --out <summary.xlsx> [--json] [--force] [--workers N] [--lang zh-CN|en-US]",
    "",
    "Checks every .xlsx / .xlsm workbook in the folder and its subfolders, as selfeval check does, and writes one",
    "summary workbook: a row per file (department, year, total, grade, execution rate, errors, warnings, the main",
    "problem), every finding across the files, and the findings counted by rule, most frequent first. A file that",
    "cannot be read gets a row saying why; the other files are still checked.",
    "",
    "Options:",
    "  -o, --out summary.xlsx   where to save the summary workbook (not one of the files checked)",
    "  --json                   also print the results as JSON",
    "  --force                  overwrite an existing summary workbook",
    "  --workers N              how many files to check at once (default: the number of cores; 0: one by one)",
    "  --lang zh-CN|en-US       output language",
    "  -h, --help               show this help",
    "",
    "Exit status: 0 no errors in any file; 1 a file has errors or cannot be read; 2 wrong arguments or no such folder.",
  ].join("\n"),
  missingFolder: "selfeval review: missing folder. Usage: selfeval review <folder> --out <summary.xlsx>",
  tooManyFolders: (count) => `selfeval review: one folder at a time, got ${count}.`,
  notFolder: (folder) => `selfeval review: there is no folder "${folder}".`,
  missingOut: "selfeval review: missing --out <summary.xlsx>: say where to save the summary workbook.",
  notXlsx: (out) => `selfeval review: the summary file "${out}" must end in .xlsx.`,
  outIsInput: (out) =>
    `selfeval review: the summary file "${out}" is one of the workbooks checked; choose another.`,
  noFolder: (folder) => `selfeval review: the folder "${folder}" for the summary does not exist.`,
  outExists: (out) => `selfeval review: "${out}" already exists. Add --force to overwrite it.`,
  cannotWrite: (out, detail) => `selfeval review: cannot write "${out}": ${detail}`,
  badWorkers: (value) =>
    `selfeval review: invalid number of workers "${value}"; use a whole number from 0 to 64.`,
  noWorkbooks: (folder) => `selfeval review: the folder "${folder}" holds no .xlsx or .xlsm workbook.`,
  progress: (done, total, file) => `Checked ${done}/${total}: ${file}`,
  written: (out, files) => `Summary written to "${out}" (${files} ${files === 1 ? "file" : "files"}).`,
  totals: (t) =>
    `Summary: ${t.read} read, ${t.unreadable} unreadable; ${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}.`,
  checkFailed: (detail) => `The check failed: ${detail}`,
  formDepartment: "Department-wide expenditure",
  formProject: "Project expenditure",
  projectsSheet: "Projects",
  projectsHeader: ["File", "Project", "Sheet", "Rule total", "Grade", "Execution rate", "Errors", "Warnings"],
  unreadableRule: "Cannot be read",
  severity: { error: "Error", warning: "Warning", notice: "Notice" },
  cellSeparator: ", ",
  sheets: { files: "Summary", findings: "All findings", byRule: "By rule" },
  filesHeader: [
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
  ],
  findingsHeader: ["File", "Rule", "Severity", "Cells", "Message"],
  explanationHeader: "Explanation",
  byRuleHeader: ["Rule", "Count", "Files"],
  footer: "Page &P of &N",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const CATALOGUE: Record<Lang, ReviewMessages> = { "zh-CN": zh, "en-US": en };

export function reviewMessages(lang: Lang): ReviewMessages {
  return CATALOGUE[lang];
}
