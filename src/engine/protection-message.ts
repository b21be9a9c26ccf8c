/**
 * What a host says when protection stops a write: the same sentence in Excel and in WPS 表格 (both put 撤销保护 on the
 * 审阅 tab), naming what is protected so the user knows what to unprotect.
 */
import { localized, type Localized } from "./i18n";

export function protectionMessage(what: {
  readonly workbook?: boolean;
  readonly sheets?: readonly string[];
}): Localized {
  const sheets = what.sheets ?? [];
  const zh: string[] = [];
  const en: string[] = [];
  if (what.workbook) {
    zh.push("工作簿结构受保护，无法添加或删除工作表。");
    en.push("The workbook's structure is protected, so sheets cannot be added or removed.");
  }
  if (sheets.length > 0) {
    zh.push(`工作表“${sheets.join("”“")}”受保护。`);
    en.push(
      `The worksheet${sheets.length > 1 ? "s" : ""} "${sheets.join('", "')}" ${sheets.length > 1 ? "are" : "is"} protected.`,
    );
  }
  zh.push("未写入任何内容。请在“审阅”选项卡中撤销保护后再试。");
  en.push("Nothing was written. Remove the protection on the Review tab and try again.");
  return localized(zh.join(""), en.join(" "));
}
