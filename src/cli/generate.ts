/**
 * `selfeval generate <in.xlsx> --out <out.xlsx>`: writes the input workbook with the report's three sheets added
 * (绩效自评表, 自评报告, 核查结果), through the same pipeline as the task pane's 一键生成自评报告. Exit 0 when written,
 * 1 when the budget block or the indicators table is missing (nothing written), 2 for unreadable input or wrong
 * arguments — including an --out that is the input itself, or that exists while --force is not given. The output is
 * written atomically (atomic-write.ts).
 */
import { existsSync } from "fs";
import { dirname, resolve } from "path";
import { MissingTablesError } from "../app/errors";
import * as pipeline from "../app/pipeline";
import { localized } from "../engine/i18n";
import { isDirectory, sameFile, writeAtomically } from "./atomic-write";
import { CliUsageError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CommandContext } from "./command";
import { generateEnvelope } from "./generate-envelope";
import { en, generateMessages, zh } from "./generate-messages";
import { scoreOptions } from "./score-options";
import { openWorkbookFile, PackageWriteError, WorkbookReadError, type PackageWorkbookHost } from "./workbook";

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
  const t = generateMessages(lang);
  if (positionals.length === 0) throw new CliUsageError(t.missingFile);
  if (positionals.length > 1) throw new CliUsageError(t.tooManyFiles(positionals.length));
  const file = positionals[0];
  const out = typeof values.out === "string" ? values.out : "";
  if (out.trim() === "") throw new CliUsageError(t.missingOut);
  if (!/\.xlsx$/i.test(out)) throw new CliUsageError(t.notXlsx(out));
  const options = scoreOptions(values, t.badNumber, lang);

  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, file);
  const outPath = resolve(cwd, out);
  if (sameFile(inPath, outPath)) throw new CliUsageError(t.sameAsInput(out));
  if (!isDirectory(dirname(outPath))) throw new CliUsageError(t.noFolder(dirname(out) || "."));
  if (existsSync(outPath) && values.force !== true) throw new CliUsageError(t.outExists(out));

  let host: PackageWorkbookHost;
  try {
    host = await openWorkbookFile(inPath);
  } catch (error) {
    if (error instanceof WorkbookReadError || error instanceof PackageWriteError)
      throw new CliUsageError(t.cannotRead(file, error.messageIn(lang)));
    throw error;
  }

  let outcome: pipeline.GenerateOutcome;
  try {
    outcome = await pipeline.generate(host, options, lang);
  } catch (error) {
    // The package writer runs inside generate (the host's writeReport): a package it cannot edit is unreadable input.
    if (error instanceof PackageWriteError)
      throw new CliUsageError(t.cannotRead(file, error.messageIn(lang)));
    if (!(error instanceof MissingTablesError)) throw error;
    if (values.json === true)
      io.stdout(JSON.stringify(generateEnvelope(file, null, error.evaluation, lang), null, 2) + "\n");
    io.stderr(t.missingTables(error.missing) + "\n");
    return EXIT_FINDINGS;
  }

  try {
    await writeAtomically(outPath, await host.toBytes(), values.force === true);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") throw new CliUsageError(t.outExists(out));
    throw new CliUsageError(t.cannotWrite(out, error instanceof Error ? error.message : String(error)));
  }

  const { evaluation, sheets } = outcome;
  if (values.json === true) {
    io.stdout(JSON.stringify(generateEnvelope(file, out, evaluation, lang), null, 2) + "\n");
  } else {
    const names = [sheets.table, sheets.report, sheets.findings]
      .map((s) => (lang === "zh-CN" ? `“${s}”` : `"${s}"`))
      .join(lang === "zh-CN" ? "、" : ", ");
    const lines = [t.written(out, names)];
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
