/**
 * Office errors in words an accountant understands (zh-CN / en-US), for the task pane's MessageBar. Every failure that
 * leaves the gateway is an ExcelGatewayError with a `problem` the UI can branch on and the Office code kept for logs.
 */
import { localized, type Lang, type Localized } from "../../engine/i18n";
import { protectionMessage } from "../../engine/protection-message";

export type ExcelProblem = "edit-mode" | "protected" | "api-missing" | "too-large" | "not-found" | "general";

export class ExcelGatewayError extends Error {
  override readonly name = "ExcelGatewayError";

  constructor(
    readonly problem: ExcelProblem,
    readonly text: Localized,
    /** The Office error code (Excel.ErrorCodes) when the problem came from Excel. */
    readonly officeCode?: string,
    readonly cause?: unknown,
  ) {
    super(text["en-US"]);
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

const EDIT_MODE = localized(
  "Excel 正在编辑单元格，暂时无法操作。请按 Enter 或 Esc 结束编辑后再试。",
  "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
);

const PROTECTED = localized(
  "工作簿或工作表受保护，未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
  "The workbook or a worksheet is protected, so nothing was written. Unprotect it on the Review tab and try again.",
);

const TOO_LARGE = localized(
  "一次要传送的数据超出了 Excel 的限制。请删除工作簿中不需要的大范围数据后再试。",
  "The data to transfer at once exceeds Excel's limit. Remove large ranges the workbook does not need, then try again.",
);

const NOT_FOUND = localized(
  "找不到要操作的工作表或单元格，可能已被删除或重命名。请重新检查后再试。",
  "A worksheet or cell the add-in needs is gone (deleted or renamed). Run the check again, then retry.",
);

const GENERAL = localized(
  "Excel 未能完成操作。请稍后重试；如仍失败，请保存并重新打开工作簿。",
  "Excel could not complete the operation. Try again in a moment; if it keeps failing, save and reopen the workbook.",
);

export function apiMissingError(version?: string, cause?: unknown): ExcelGatewayError {
  const zh = version ? `（ExcelApi ${version}）` : "";
  const en = version ? ` (ExcelApi ${version})` : "";
  return new ExcelGatewayError(
    "api-missing",
    localized(
      `当前 Excel 版本过旧，缺少本功能所需的接口${zh}。请更新 Office，或使用 Excel 网页版。`,
      `This version of Excel lacks the interface this feature needs${en}. Update Office, or use Excel on the web.`,
    ),
    "ApiNotFound",
    cause,
  );
}

/** Refused before writing: names what is protected so the user knows what to unprotect. */
export function protectedError(what: {
  readonly workbook?: boolean;
  readonly sheets?: readonly string[];
}): ExcelGatewayError {
  return new ExcelGatewayError("protected", protectionMessage(what));
}

function officeCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Maps anything thrown while talking to Excel to an ExcelGatewayError (kept as is when it already is one). */
export function toGatewayError(error: unknown): ExcelGatewayError {
  if (error instanceof ExcelGatewayError) return error;
  const code = officeCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new ExcelGatewayError("edit-mode", EDIT_MODE, code, error);
    case "AccessDenied":
      return new ExcelGatewayError("protected", PROTECTED, code, error);
    case "ApiNotFound":
      return apiMissingError(undefined, error);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelGatewayError("too-large", TOO_LARGE, code, error);
    case "ItemNotFound":
      return new ExcelGatewayError("not-found", NOT_FOUND, code, error);
    default:
      return new ExcelGatewayError("general", GENERAL, code, error);
  }
}

/** The message to show for any error, in the user's language. */
export function describeExcelError(error: unknown, lang: Lang): string {
  return toGatewayError(error).messageIn(lang);
}
