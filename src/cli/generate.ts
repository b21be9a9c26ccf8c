/**
 * `selfeval generate <in.xlsx> --out <out.xlsx>`: writes the input workbook with the report's three sheets added
 * (绩效自评表, 自评报告, 核查结果). Exit 0 when written, 1 when the budget block or the indicators table is missing
 * (nothing written), 2 for unreadable input or wrong arguments — including an --out that is the input itself, or
 * that exists while --force is not given. The output is written to a temporary file beside it and then renamed, so
 * an interrupted run never leaves a half-written workbook under the user's name.
 */
import { randomBytes } from "crypto";
import { existsSync, realpathSync, statSync } from "fs";
import { link, readFile, rename, unlink, writeFile } from "fs/promises";
import { basename, dirname, join, resolve } from "path";
import type { Evaluation } from "../engine/evaluate";
import { localized, type Lang } from "../engine/i18n";
import { fenToYuan } from "../engine/money";
import { FUND_SOURCE_LABELS, amountFen, presentSources } from "../engine/report/input";
import type { ScoreOptions } from "../engine/score/types";
import type { BudgetBlock, BudgetColumn, BudgetRow } from "../engine/tables";
import { WorkbookReadError } from "../gateway/xlsx/read-error";
import { generateXlsx, type RequiredTable } from "../gateway/xlsx/write";
import { checkEnvelope, type CheckEnvelope } from "./check-report";
import {
  CliUsageError,
  EXIT_FINDINGS,
  EXIT_OK,
  type CliCommand,
  type CliOptionValues,
  type CommandContext,
} from "./command";

// ---------------------------------------------------------------- messages

interface GenerateMessages {
  readonly summary: string;
  readonly usage: string;
  readonly missingFile: string;
  readonly tooManyFiles: (count: number) => string;
  readonly missingOut: string;
  readonly notXlsx: (out: string) => string;
  readonly sameAsInput: (out: string) => string;
  readonly outExists: (out: string) => string;
  readonly noFolder: (folder: string) => string;
  readonly badNumber: (option: string, value: string, rule: string) => string;
  readonly rules: { readonly tolerance: string; readonly threshold: string; readonly deduction: string };
  readonly badQualitative: (value: string) => string;
  readonly cannotRead: (file: string, reason: string) => string;
  readonly cannotWrite: (file: string, reason: string) => string;
  readonly missingTables: (missing: readonly RequiredTable[]) => string;
  readonly written: (out: string, sheets: string) => string;
  readonly scoreLine: (total: number, grade: string, rate: number | null) => string;
  readonly findingsLine: (c: Evaluation["summary"]) => string;
}

const zh: GenerateMessages = {
  summary: "生成绩效自评表、自评报告和核查结果，写入新的工作簿",
  usage: [
    "用法：selfeval generate <工作簿.xlsx> --out <输出.xlsx> [--json] [--lang zh-CN|en-US] [--force]",
    "                        [--tolerance N] [--over-threshold 1.3] [--over-deduction 0] [--execution-caps]",
    "                        [--qualitative 100,70,30]",
    "",
    "识别工作簿中的各表，核对并评分，在原工作簿的副本中加入“绩效自评表”“自评报告”“核查结果”三张工作表；",
    "原有工作表保持不变。",
    "",
    "选项：",
    "  --out 文件            输出的工作簿（不能是输入文件本身）",
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
  missingOut: "selfeval generate：缺少 --out <输出.xlsx>。",
  notXlsx: (out) => `selfeval generate：输出文件“${out}”应以 .xlsx 结尾。`,
  sameAsInput: (out) => `selfeval generate：输出文件“${out}”就是输入文件，不能覆盖原工作簿，请另选文件名。`,
  outExists: (out) => `selfeval generate：输出文件“${out}”已存在；如确需覆盖，请加 --force。`,
  noFolder: (folder) => `selfeval generate：输出文件夹“${folder}”不存在。`,
  badNumber: (option, value, rule) => `selfeval generate：${option} 的取值“${value}”无效，应为${rule}。`,
  rules: {
    tolerance: "不小于 0 的数，如 0.01",
    threshold: "不小于 1 的倍数，如 1.3",
    deduction: "0 到 100 之间的分数，如 2",
  },
  badQualitative: (value) =>
    `selfeval generate：--qualitative 的取值“${value}”无效，应为三个百分数，如 100,70,30（达成 80–100，部分达成 60–80，未达成 0–60）。`,
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
  scoreLine: (total, grade, rate) =>
    `总分 ${total} 分，评价等级“${grade}”${rate === null ? "" : `，预算执行率 ${formatRate(rate)}`}。`,
  findingsLine: (c) =>
    `核查：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.notice} 项（详见“核查结果”工作表）。`,
};

const en: GenerateMessages = {
  summary: "write the self-evaluation table, the report and the check results into a new workbook",
  usage: [
    "Usage: selfeval generate <workbook.xlsx> --out <output.xlsx> [--json] [--lang zh-CN|en-US] [--force]",
    "                         [--tolerance N] [--over-threshold 1.3] [--over-deduction 0] [--execution-caps]",
    "                         [--qualitative 100,70,30]",
    "",
    "Finds the tables in the workbook, checks and scores them, and writes a copy of the workbook with three sheets",
    "added: the self-evaluation table, the self-evaluation report and the check results. Input sheets are unchanged.",
    "",
    "Options:",
    "  --out FILE           the workbook to write (never the input itself)",
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
  missingOut: "selfeval generate: missing --out <output.xlsx>.",
  notXlsx: (out) => `selfeval generate: the output file "${out}" must end in .xlsx.`,
  sameAsInput: (out) =>
    `selfeval generate: the output file "${out}" is the input file; the original workbook is never overwritten.`,
  outExists: (out) => `selfeval generate: the output file "${out}" exists; add --force to overwrite it.`,
  noFolder: (folder) => `selfeval generate: the output folder "${folder}" does not exist.`,
  badNumber: (option, value, rule) => `selfeval generate: invalid ${option} "${value}"; it must be ${rule}.`,
  rules: {
    tolerance: "a number not below 0, such as 0.01",
    threshold: "a multiple not below 1, such as 1.3",
    deduction: "points between 0 and 100, such as 2",
  },
  badQualitative: (value) =>
    `selfeval generate: invalid --qualitative "${value}"; give three percentages such as 100,70,30 (met 80–100, partly met 60–80, not met 0–60).`,
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
  scoreLine: (total, grade, rate) =>
    `Total score ${total}, grade ${grade}${rate === null ? "" : `, budget execution rate ${formatRate(rate)}`}.`,
  findingsLine: (c) =>
    `Checks: ${c.error} errors, ${c.warning} warnings, ${c.notice} notices (see the Check Results sheet).`,
};

const MESSAGES: Record<Lang, GenerateMessages> = { "zh-CN": zh, "en-US": en };

function formatRate(rate: number): string {
  return `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}

// ---------------------------------------------------------------- the command

export const generateCommand: CliCommand = {
  name: "generate",
  summary: localized(zh.summary, en.summary),
  usage: localized(zh.usage, en.usage),
  options: {
    out: { type: "string", short: "o" },
    json: { type: "boolean" },
    force: { type: "boolean" },
    tolerance: { type: "string" },
    "over-threshold": { type: "string" },
    "over-deduction": { type: "string" },
    "execution-caps": { type: "boolean" },
    qualitative: { type: "string" },
  },
  run: runGenerate,
};

async function runGenerate({ io, lang, values, positionals }: CommandContext): Promise<number> {
  const t = MESSAGES[lang];
  if (positionals.length === 0) throw new CliUsageError(t.missingFile);
  if (positionals.length > 1) throw new CliUsageError(t.tooManyFiles(positionals.length));
  const file = positionals[0];
  const out = typeof values.out === "string" ? values.out : "";
  if (out.trim() === "") throw new CliUsageError(t.missingOut);
  if (!/\.xlsx$/i.test(out)) throw new CliUsageError(t.notXlsx(out));
  const options = scoreOptions(values, t);

  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, file);
  const outPath = resolve(cwd, out);
  if (sameFile(inPath, outPath)) throw new CliUsageError(t.sameAsInput(out));
  if (!isDirectory(dirname(outPath))) throw new CliUsageError(t.noFolder(dirname(out) || "."));
  if (existsSync(outPath) && values.force !== true) throw new CliUsageError(t.outExists(out));

  let result: Awaited<ReturnType<typeof generateXlsx>>;
  try {
    const bytes = await readInput(inPath);
    result = await generateXlsx(bytes, options, lang);
  } catch (error) {
    if (error instanceof WorkbookReadError)
      throw new CliUsageError(t.cannotRead(file, error.messageIn(lang)));
    throw error;
  }
  const { evaluation, buffer, missing, sheetNames } = result;

  if (buffer === null || sheetNames === null) {
    if (values.json === true)
      io.stdout(JSON.stringify(generateEnvelope(file, null, evaluation, lang), null, 2) + "\n");
    io.stderr(t.missingTables(missing) + "\n");
    return EXIT_FINDINGS;
  }

  try {
    await writeAtomically(outPath, buffer, values.force === true);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") throw new CliUsageError(t.outExists(out));
    throw new CliUsageError(t.cannotWrite(out, error instanceof Error ? error.message : String(error)));
  }

  if (values.json === true) {
    io.stdout(JSON.stringify(generateEnvelope(file, out, evaluation, lang), null, 2) + "\n");
  } else {
    const sheets = [sheetNames.table, sheetNames.report, sheetNames.findings]
      .map((s) => (lang === "zh-CN" ? `“${s}”` : `"${s}"`))
      .join(lang === "zh-CN" ? "、" : ", ");
    const lines = [t.written(out, sheets)];
    if (evaluation.score) {
      lines.push(
        t.scoreLine(evaluation.score.total, evaluation.score.grade, evaluation.score.execution.rate),
      );
    }
    lines.push(t.findingsLine(evaluation.summary));
    io.stdout(lines.join("\n") + "\n");
  }
  return EXIT_OK;
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", {
      cause,
    });
  }
}

// ---------------------------------------------------------------- options

function decimal(text: string): number | null {
  // Number("") is 0 and Number("0x10") is 16: accept plain decimals only.
  return /^\d+(\.\d+)?$|^\.\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The scorer's options from the command line, validated (a wrong value is a usage error, exit 2). */
export function scoreOptions(values: CliOptionValues, t: GenerateMessages): ScoreOptions {
  const number = (option: string, rule: string, ok: (n: number) => boolean): number | undefined => {
    const raw = values[option];
    if (raw === undefined) return undefined;
    const n = decimal(String(raw));
    if (n === null || !ok(n)) throw new CliUsageError(t.badNumber(`--${option}`, String(raw), rule));
    return n;
  };
  const toleranceInUnit = number("tolerance", t.rules.tolerance, () => true);
  const overachieveThreshold = number("over-threshold", t.rules.threshold, (n) => n >= 1);
  const overachieveDeduction = number("over-deduction", t.rules.deduction, (n) => n <= 100);
  let qualitativeDefaults: ScoreOptions["qualitativeDefaults"];
  if (values.qualitative !== undefined) {
    const raw = String(values.qualitative);
    const parts = raw.split(/[,，]/).map((p) => decimal(p));
    const [met, partial, unmet] = parts;
    const valid =
      parts.length === 3 &&
      met !== null &&
      partial !== null &&
      unmet !== null &&
      met >= 80 &&
      met <= 100 &&
      partial >= 60 &&
      partial < 80 &&
      unmet >= 0 &&
      unmet < 60;
    if (!valid) throw new CliUsageError(t.badQualitative(raw));
    qualitativeDefaults = { met: met as number, partial: partial as number, unmet: unmet as number };
  }
  return {
    ...(toleranceInUnit !== undefined ? { toleranceInUnit } : {}),
    ...(overachieveThreshold !== undefined ? { overachieveThreshold } : {}),
    ...(overachieveDeduction !== undefined ? { overachieveDeduction } : {}),
    ...(values["execution-caps"] === true ? { executionCaps: true } : {}),
    ...(qualitativeDefaults ? { qualitativeDefaults } : {}),
  };
}

// ---------------------------------------------------------------- files

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist yet: its folder's real path joined with its name. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** Whether two paths name the same file: through symlinks, `..`, hard links and case-insensitive file systems. */
function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Writes beside the target and moves the file into place, so the target is either the old file or the complete new
 * one. Without `overwrite` the move is a hard link, which fails (EEXIST) if the target appeared in the meantime.
 */
async function writeAtomically(path: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
  } catch (error) {
    // A write that fails part-way (a full disk) leaves the bytes it got out; with "wx" the file is ours unless it
    // already existed.
    if ((error as { code?: unknown }).code !== "EEXIST") await unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    if (overwrite) {
      await rename(temp, path);
      return;
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // Some file systems (FAT, some network shares) have no hard links: fall back to a checked rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw error;
      if (existsSync(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
      await rename(temp, path);
      return;
    }
    await unlink(temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

// ---------------------------------------------------------------- the --json envelope

type Amounts = Record<BudgetColumn, number | null>;

export interface GenerateEnvelope {
  readonly file: string;
  /** The workbook written; null when nothing was written (exit 1). */
  readonly output: string | null;
  readonly department: string;
  readonly year: string;
  readonly tables: CheckEnvelope["tables"];
  /** The budget block's figures in 元; null when the workbook has none. */
  readonly budget: {
    readonly unit: "元";
    readonly total: Amounts;
    readonly basic: Amounts | null;
    readonly project: Amounts | null;
    /** By source, keyed by the source's Chinese name (一般公共预算, 政府性基金预算, …). */
    readonly sources: Record<string, Amounts>;
    readonly executionRate: number | null;
  } | null;
  readonly score: {
    readonly total: number;
    readonly grade: string;
    readonly execution: number;
    readonly indicators: readonly {
      readonly level1: string;
      readonly level2: string;
      readonly name: string;
      readonly target: string;
      readonly actual: string;
      readonly weight: number;
      readonly score: number;
      readonly method: string;
    }[];
  } | null;
  readonly findings: CheckEnvelope["findings"];
  readonly summary: CheckEnvelope["summary"];
}

function yuanAmounts(row: BudgetRow | undefined): Amounts {
  const yuan = (c: BudgetColumn): number | null => {
    const fen = amountFen(row?.cells[c]);
    return fen === null ? null : fenToYuan(fen);
  };
  return { initial: yuan("initial"), budget: yuan("budget"), executed: yuan("executed") };
}

/** 全年执行数 / 全年预算数 of the total row, as the scorer computes it; from the block when there is no score. */
function executionRate(evaluation: Evaluation, block: BudgetBlock): number | null {
  if (evaluation.score) return evaluation.score.execution.rate;
  const budget = amountFen(block.total.cells.budget);
  const executed = amountFen(block.total.cells.executed);
  return budget && executed !== null ? executed / budget : null;
}

export function generateEnvelope(
  file: string,
  output: string | null,
  evaluation: Evaluation,
  lang: Lang,
): GenerateEnvelope {
  const checked = checkEnvelope(file, evaluation, lang);
  const block = evaluation.recognized.budget;
  const budget: GenerateEnvelope["budget"] = block
    ? {
        unit: "元",
        total: yuanAmounts(block.total),
        basic: block.kinds.basic ? yuanAmounts(block.kinds.basic) : null,
        project: block.kinds.project ? yuanAmounts(block.kinds.project) : null,
        sources: Object.fromEntries(
          presentSources(block).map((s) => [FUND_SOURCE_LABELS[s]["zh-CN"], yuanAmounts(block.sources[s])]),
        ),
        executionRate: executionRate(evaluation, block),
      }
    : null;
  const s = evaluation.score;
  const score: GenerateEnvelope["score"] =
    output !== null && s
      ? {
          total: s.total,
          grade: s.grade,
          execution: s.execution.score,
          indicators: s.indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            name: i.name,
            target: i.target,
            actual: i.actual,
            weight: i.weight,
            score: i.score,
            method: i.method[lang],
          })),
        }
      : null;
  return {
    file,
    output,
    department: evaluation.department,
    year: evaluation.year,
    tables: checked.tables,
    budget,
    score,
    findings: checked.findings,
    summary: checked.summary,
  };
}
