/**
 * The task pane's 下载 Word 报告: the Word 自评报告 of the pane's last evaluation, built in the page by the .docx gateway.
 * The gateway (and the `docx` package under it) is loaded with a dynamic import(), so it is a chunk of its own that
 * only this button loads: the pane's first load does not grow.
 */
import type { Lang } from "../engine/i18n";
import { buildReportDocument } from "../engine/report/document";
import type { ReportInput } from "../engine/report/input";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface WordReportFile {
  readonly bytes: Uint8Array;
  /** The report's title as the file name: "<单位>2023年度部门整体支出绩效自评报告.docx". */
  readonly fileName: string;
}

/** Characters Windows and macOS refuse in file names (and control characters); a department's name may hold them. */
function safeFileName(text: string): string {
  let out = "";
  for (const ch of text) out += ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? "_" : ch;
  return out.trim() || "report";
}

export async function buildWordReport(evaluation: ReportInput, lang: Lang): Promise<WordReportFile> {
  const { reportDocx } = await import(/* webpackChunkName: "docx-report" */ "../gateway/docx/index");
  const bytes = await reportDocx(evaluation, lang);
  const title = buildReportDocument(evaluation, lang).title;
  return { bytes, fileName: `${safeFileName(title)}.docx` };
}
