/**
 * 核对报告文字 for the pane: a report opened as a file (.docx or .txt) or pasted, checked against the workbook's
 * evaluation. The .docx reader (JSZip and fast-xml-parser) is loaded only when a file is opened, so the pane's first
 * load does not carry it.
 */
import type { Evaluation } from "../engine/evaluate";
import type { RuleProfile } from "../engine/rules/run";
import { checkReportText, type TextCheckResult } from "../engine/text/index";

export type { TextCheckResult } from "../engine/text/index";

/** What the user handed in: the bytes of a file they opened, or text they pasted. */
export type ReportTextSource =
  | { readonly kind: "file"; readonly name: string; readonly read: () => Promise<Uint8Array> }
  | { readonly kind: "pasted"; readonly text: string };

/** The report's text; a file that is no report throws ReportTextReadError (a sentence in both languages). */
export async function reportTextOf(source: ReportTextSource): Promise<string> {
  if (source.kind === "pasted") return source.text;
  const { readReportText } = await import("../gateway/docx/read");
  return readReportText(await source.read());
}

export function checkText(
  evaluation: Evaluation,
  text: string,
  options: { readonly rules?: RuleProfile } = {},
): TextCheckResult {
  return checkReportText(evaluation, text, options);
}
