/** `selfeval check <workbook.xlsx> [--json] [--tolerance N]`: reads the workbook and runs the consistency checker and the indicator rules. */
import { readFile } from "fs/promises";
import { resolve } from "path";
import * as pipeline from "../app/pipeline";
import type { Lang } from "../engine/i18n";
import { checkReportText } from "../engine/text/index";
import { checkEnvelope, formatCheckReport, formatTextReport, textEnvelope } from "./check-report";
import { CliUsageError, EXIT_FINDINGS, EXIT_OK, type CommandContext } from "./command";
import { cliMessages } from "./messages";
import { settingOption } from "./score-options";
import { streamingWorkbookFile, WorkbookReadError } from "./workbook";

/** Runs `selfeval check` once main.ts has parsed its arguments (its name, usage and options are in commands.ts). */
export async function runCheck({ io, lang, values, positionals }: CommandContext): Promise<number> {
  const t = cliMessages(lang);
  if (positionals.length === 0) throw new CliUsageError(t.missingFile);
  if (positionals.length > 1) throw new CliUsageError(t.tooManyFiles(positionals.length));
  const file = positionals[0];
  const toleranceInUnit = settingOption(
    values,
    "tolerance",
    "toleranceInUnit",
    (_option, value, rule) => t.badTolerance(value, rule),
    lang,
  );

  // --text: the report's prose is read first, so a file that is no report stops the run before the workbook is read.
  const textFile = typeof values.text === "string" ? values.text : null;
  const text =
    textFile === null
      ? null
      : await reportText(io.cwd ? resolve(io.cwd, textFile) : textFile, textFile, lang);

  // The pane's 一致性检查 over the file, streamed (see streamingWorkbookFile). The scorer's indicator rules belong to
  // the check too, so check runs the whole evaluation.
  const host = streamingWorkbookFile(io.cwd ? resolve(io.cwd, file) : file);
  let outcome: pipeline.EvaluationOutcome;
  try {
    outcome = await pipeline.check(host, toleranceInUnit === undefined ? {} : { toleranceInUnit });
  } catch (error) {
    if (error instanceof WorkbookReadError)
      throw new CliUsageError(t.cannotRead(file, error.messageIn(lang)));
    throw error;
  }
  const result = outcome.evaluation;
  const textResult = text === null ? null : checkReportText(result, text);
  if (values.json === true) {
    const envelope = checkEnvelope(file, result, lang);
    const json =
      textResult && textFile !== null
        ? { ...envelope, text: textEnvelope(textFile, textResult, lang) }
        : envelope;
    io.stdout(JSON.stringify(json, null, 2) + "\n");
  } else {
    io.stdout(formatCheckReport(file, result, lang));
    if (textResult && textFile !== null) io.stdout(formatTextReport(textFile, textResult, lang));
  }
  const errors = result.summary.error + (textResult?.summary.error ?? 0);
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The text of the report at `path` (.docx or plain text); an unreadable file is an input error (exit 2). */
async function reportText(path: string, shown: string, lang: Lang): Promise<string> {
  const t = cliMessages(lang);
  // Loaded for a report given to check alone (it brings JSZip): a check of the workbook starts without it.
  const { readReportText, ReportTextReadError } = await import("../gateway/docx/read");
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      throw new ReportTextReadError(code === "ENOENT" ? "not-found" : "unreadable", { cause });
    }
    return await readReportText(bytes);
  } catch (error) {
    if (error instanceof ReportTextReadError)
      throw new CliUsageError(t.cannotReadText(shown, error.messageIn(lang)));
    throw error;
  }
}
