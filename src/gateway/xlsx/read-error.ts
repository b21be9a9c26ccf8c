/**
 * Why a workbook could not be read, as a typed error with a message in both languages.
 * Users hand the tool whatever file they have (an old .xls, a CSV renamed to .xlsx, a password-protected export), so
 * every such case must end as one clear sentence, never as a stack trace from the zip or XML layer.
 */
import type { Lang, Localized } from "../../engine/i18n";
import { localized } from "../../engine/i18n";

export type WorkbookReadErrorCode =
  /** The file does not exist. */
  | "not-found"
  /** The file exists but cannot be opened (a directory, no permission, locked). */
  | "unreadable"
  /** Zero bytes. */
  | "empty"
  /** An OLE2 container holding an encrypted OOXML package: the workbook has an open password. */
  | "encrypted"
  /** An OLE2 container without encryption: the Excel 97–2003 .xls format. */
  | "legacy-xls"
  /** Plain text (CSV, TSV, HTML saved as .xlsx). */
  | "text-file"
  /** Some other binary, or a zip that is not a workbook (a .docx, an .xlsb). */
  | "not-xlsx"
  /** Looks like an .xlsx but its contents are damaged or truncated. */
  | "corrupt";

const MESSAGES: Record<WorkbookReadErrorCode, Localized> = {
  "not-found": localized("找不到文件。", "The file does not exist."),
  unreadable: localized(
    "无法打开文件（可能是文件夹、没有读取权限或正被占用）。",
    "The file cannot be opened (it may be a folder, not readable, or locked).",
  ),
  empty: localized("文件是空的（0 字节）。", "The file is empty (0 bytes)."),
  encrypted: localized(
    "工作簿设置了打开密码，请在 Excel 中取消密码后另存为 .xlsx 再试。",
    "The workbook is password-protected; remove the password in Excel, save it as .xlsx and try again.",
  ),
  "legacy-xls": localized(
    "这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 再试。",
    "This is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.",
  ),
  "text-file": localized(
    "这是文本文件（如 CSV），不是 .xlsx 工作簿，请在 Excel 中另存为 .xlsx 再试。",
    "This is a text file (such as CSV), not an .xlsx workbook; save it as .xlsx in Excel and try again.",
  ),
  "not-xlsx": localized("这不是 Excel 工作簿（.xlsx）文件。", "This is not an Excel workbook (.xlsx) file."),
  corrupt: localized(
    "工作簿已损坏或不完整，无法读取，请在 Excel 中打开并重新保存后再试。",
    "The workbook is damaged or incomplete; open it in Excel, save it again and retry.",
  ),
};

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly localized: Localized;

  constructor(code: WorkbookReadErrorCode, options: { cause?: unknown } = {}) {
    super(MESSAGES[code]["en-US"]);
    this.name = "WorkbookReadError";
    this.code = code;
    this.localized = MESSAGES[code];
    // Kept for debugging only; the user never sees the underlying library's message.
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  messageIn(lang: Lang): string {
    return this.localized[lang];
  }
}

export function isWorkbookReadError(error: unknown): error is WorkbookReadError {
  return error instanceof WorkbookReadError;
}
