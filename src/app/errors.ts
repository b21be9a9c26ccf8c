/**
 * Every failure the pane can show, as one plain sentence in the user's language. The gateways throw their own typed
 * errors (Excel's ExcelGatewayError, the .xlsx reader's WorkbookReadError); both carry `messageIn(lang)`, so they are
 * recognised by shape here and src/app does not have to import either gateway. Anything else (a bug, a TypeError) is
 * shown as a general sentence: an accountant cannot act on a stack trace, and the console keeps it for us.
 */
import type { Evaluation } from "../engine/evaluate";
import { localized, type Lang, type Localized } from "../engine/i18n";

export type AppProblem =
  /** office.js did not load or never said it was ready. */
  | "office-not-ready"
  /** The page runs outside Excel and no workbook is open in the preview. */
  | "no-workbook"
  /** The workbook lacks a table the action cannot do without. */
  | "missing-tables"
  /** The report sheet to open is gone (deleted or renamed since it was written). */
  | "report-missing"
  | "general";

export class AppError extends Error {
  override readonly name = "AppError";

  constructor(
    readonly problem: AppProblem,
    readonly text: Localized,
  ) {
    super(text["en-US"]);
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export function officeNotReadyError(): AppError {
  return new AppError(
    "office-not-ready",
    localized(
      "Excel 尚未就绪，无法读取工作簿。请稍候片刻再试；如仍不行，请关闭并重新打开本加载项。",
      "Excel is not ready yet, so the workbook cannot be read. Wait a moment and try again; if it persists, close and reopen the add-in.",
    ),
  );
}

export function noWorkbookError(): AppError {
  return new AppError(
    "no-workbook",
    localized(
      "当前页面未在 Excel 中运行，也没有打开的工作簿。请在 Excel 中加载本加载项后再试。",
      "This page is not running inside Excel and no workbook is open. Load the add-in in Excel and try again.",
    ),
  );
}

/** 说明并确认 with nothing written: an explanation is what the confirmation is. */
export function emptyExplanationError(): AppError {
  return new AppError(
    "general",
    localized("请填写出错说明后再确认。", "Write an explanation before confirming."),
  );
}

/** 说明并确认 on a finding the workbook no longer has (a figure changed since the check). */
export function findingGoneError(): AppError {
  return new AppError(
    "general",
    localized(
      "该问题已不在最新的核查结果中（数据可能已修改）。请重新核查后再说明。",
      "This finding is no longer in the latest check (the figures may have changed). Run the check again, then explain.",
    ),
  );
}

/** The tables without which the 自评表 cannot be filled in. */
export type RequiredTable = "budget" | "indicators";

const TABLE_NAMES: Readonly<Record<RequiredTable, Localized>> = {
  budget: localized(
    "预算执行情况表（全年预算数、全年执行数）",
    "budget execution table (budget and executed amounts)",
  ),
  indicators: localized(
    "绩效指标表（指标、指标值、完成值、分值）",
    "indicators table (indicator, target, actual, weight)",
  ),
};

/** The report needs the budget block and the indicators; say which is missing and how to start one. */
export function missingTablesError(missing: readonly RequiredTable[]): AppError {
  const zh = missing.map((t) => TABLE_NAMES[t]["zh-CN"]).join("和");
  const names = missing.map((t) => TABLE_NAMES[t]["en-US"]);
  const en =
    names.length > 1
      ? `neither ${names.slice(0, -1).join(", ")} nor ${names[names.length - 1]}`
      : `no ${names[0]}`;
  return new AppError(
    "missing-tables",
    localized(
      `工作簿中没有找到${zh}，无法生成自评报告。请检查表头文字，或点击“插入模板”按模板填写。`,
      `The workbook has ${en}, so the report cannot be written. Check the header labels, or use "Insert template" and fill it in.`,
    ),
  );
}

/**
 * The report was not written because tables it needs are missing: the pane shows the sentence, the CLI also prints
 * the evaluation (its findings say what was found) and words the missing tables its own way.
 */
export class MissingTablesError extends AppError {
  constructor(
    readonly missing: readonly RequiredTable[],
    readonly evaluation: Evaluation,
  ) {
    super("missing-tables", missingTablesError(missing).text);
  }
}

export function reportMissingError(sheet: string): AppError {
  return new AppError(
    "report-missing",
    localized(
      `找不到工作表“${sheet}”，可能已被删除或重命名。请重新生成自评报告。`,
      `The sheet "${sheet}" is gone (deleted or renamed). Generate the report again.`,
    ),
  );
}

const GENERAL = localized(
  "操作未能完成。请再试一次；如仍失败，请保存工作簿后重新打开本加载项。",
  "The operation could not be completed. Try again; if it keeps failing, save the workbook and reopen the add-in.",
);

interface LocalizedError {
  messageIn(lang: Lang): string;
}

function isLocalizedError(error: unknown): error is LocalizedError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { messageIn?: unknown }).messageIn === "function"
  );
}

/** The sentence to show for any error. Never the error's own (English, technical) message unless it is ours. */
export function describeError(error: unknown, lang: Lang): string {
  if (isLocalizedError(error)) {
    const text = error.messageIn(lang);
    if (typeof text === "string" && text.trim() !== "") return text;
  }
  return GENERAL[lang];
}

/** A short machine-readable name of the problem, for tests and logs (the gateways' `problem` or `code`). */
export function problemOf(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const e = error as { problem?: unknown; code?: unknown };
    if (typeof e.problem === "string") return e.problem;
    if (typeof e.code === "string") return e.code;
  }
  return "general";
}
