/** `selfeval check <workbook.xlsx> [--json] [--tolerance N]`: reads the workbook and runs the consistency checker and the indicator rules. */
import { resolve } from "path";
import * as pipeline from "../app/pipeline";
import { localized } from "../engine/i18n";
import { checkEnvelope, formatCheckReport } from "./check-report";
import { CliUsageError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CommandContext } from "./command";
import { cliMessages } from "./messages";
import { settingOption } from "./score-options";
import { streamingWorkbookFile, WorkbookReadError } from "./workbook";

export const checkCommand: CliCommand = {
  name: "check",
  summary: localized(cliMessages("zh-CN").checkSummary, cliMessages("en-US").checkSummary),
  usage: localized(cliMessages("zh-CN").checkUsage, cliMessages("en-US").checkUsage),
  options: {
    json: { type: "boolean" },
    tolerance: { type: "string" },
  },
  run: runCheck,
};

async function runCheck({ io, lang, values, positionals }: CommandContext): Promise<number> {
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
  if (values.json === true) {
    io.stdout(JSON.stringify(checkEnvelope(file, result, lang), null, 2) + "\n");
  } else {
    io.stdout(formatCheckReport(file, result, lang));
  }
  return result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
