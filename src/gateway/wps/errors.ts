/**
 * WPS failures in words an accountant understands (zh-CN / en-US). Every failure that leaves the WPS gateway is a
 * WpsGatewayError with a `problem` the pane can branch on and `messageIn(lang)`, the shape src/app/errors.ts
 * recognises. ET reports a refused call as a thrown Error in the application's own wording; the gateway checks what it
 * can beforehand (protection, an open workbook) so the user gets a sentence that says what to do.
 */
import { localized, type Lang, type Localized } from "../../engine/i18n";
import { protectionMessage } from "../../engine/protection-message";

export type WpsProblem = "no-workbook" | "protected" | "not-found" | "general";

export class WpsGatewayError extends Error {
  override readonly name = "WpsGatewayError";

  constructor(
    readonly problem: WpsProblem,
    readonly text: Localized,
    readonly cause?: unknown,
  ) {
    super(text["en-US"]);
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export function noWorkbookError(): WpsGatewayError {
  return new WpsGatewayError(
    "no-workbook",
    localized(
      "WPS 表格中没有打开的工作簿。请先打开或新建一个工作簿，再使用本加载项。",
      "No workbook is open in WPS Spreadsheets. Open or create a workbook, then use the add-in.",
    ),
  );
}

/** Refused before writing: names what is protected so the user knows what to unprotect. */
export function protectedError(what: {
  readonly workbook?: boolean;
  readonly sheets?: readonly string[];
}): WpsGatewayError {
  return new WpsGatewayError("protected", protectionMessage(what));
}

export function sheetNotFoundError(sheet: string): WpsGatewayError {
  return new WpsGatewayError(
    "not-found",
    localized(
      `找不到工作表“${sheet}”，可能已被删除或重命名。请重新检查后再试。`,
      `The sheet "${sheet}" is gone (deleted or renamed). Run the check again, then retry.`,
    ),
  );
}

const GENERAL = localized(
  "WPS 表格未能完成操作。请稍后重试；如仍失败，请保存并重新打开工作簿。",
  "WPS Spreadsheets could not complete the operation. Try again in a moment; if it keeps failing, save and reopen the workbook.",
);

/** Anything thrown while talking to ET, as a WpsGatewayError (kept as is when it already is one). */
export function toWpsError(error: unknown): WpsGatewayError {
  if (error instanceof WpsGatewayError) return error;
  return new WpsGatewayError("general", GENERAL, error);
}
