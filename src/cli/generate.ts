/**
 * `selfeval generate <in.xlsx> --out <out.xlsx> [--docx <report.docx>]`: writes the input workbook with the report's
 * three sheets added (绩效自评表, 自评报告, 核查结果), through the same pipeline as the task pane's 一键生成自评报告,
 * and/or the Word 自评报告 (at least one of the two). Exit 0 when written, 1 when the budget block or the indicators
 * table is missing (nothing written), 2 for unreadable input or wrong arguments — including an output that is the input
 * itself, or that exists while --force is not given. Each output is written atomically (atomic-write.ts).
 */
import { existsSync } from "fs";
import { dirname, resolve } from "path";
import { MissingTablesError } from "../app/errors";
import * as pipeline from "../app/pipeline";
import type { Lang } from "../engine/i18n";
import { projectName } from "../engine/project";
import { bannerText } from "../engine/report/banner";
import { summaryLines } from "./check-report";
import { sheetKeysOf } from "../engine/report/sheet-names";
import { isDirectory, sameFile, writeAtomically } from "./atomic-write";
import { CliUsageError, EXIT_FINDINGS, EXIT_OK, type CommandContext } from "./command";
import { generateEnvelope } from "./generate-envelope";
import { generateMessages } from "./generate-messages";
import { scoreOptions } from "./score-options";
import { openWorkbookFile, PackageWriteError, WorkbookReadError, type PackageWorkbookHost } from "./workbook";

/** Runs `selfeval generate` once main.ts has parsed its arguments (its name, usage and options are in commands.ts). */
export async function runGenerate({ io, lang, values, positionals }: CommandContext): Promise<number> {
  const t = generateMessages(lang);
  if (positionals.length === 0) throw new CliUsageError(t.missingFile);
  if (positionals.length > 1) throw new CliUsageError(t.tooManyFiles(positionals.length));
  const file = positionals[0];
  const out = typeof values.out === "string" ? values.out : "";
  const docx = typeof values.docx === "string" ? values.docx : "";
  if (out.trim() === "" && docx.trim() === "") throw new CliUsageError(t.missingOut);
  // The output keeps the input's package as it is, macros included: a macro workbook stays an .xlsm (Excel refuses to
  // open an .xlsx that carries a VBA project), a plain one an .xlsx.
  const outExtension = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  if (out.trim() !== "" && !out.toLowerCase().endsWith(outExtension))
    throw new CliUsageError(t.notXlsx(out, outExtension));
  if (docx.trim() !== "" && !/\.docx$/i.test(docx)) throw new CliUsageError(t.notDocx(docx));
  const options = scoreOptions(values, t.badNumber, lang);

  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, file);
  // Both outputs are refused on the same grounds: the input itself, a missing folder, an existing file without --force.
  const targets = [out, docx].filter((o) => o.trim() !== "");
  for (const target of targets) {
    const path = resolve(cwd, target);
    if (sameFile(inPath, path)) throw new CliUsageError(t.sameAsInput(target));
    if (!isDirectory(dirname(path))) throw new CliUsageError(t.noFolder(dirname(target) || "."));
    if (existsSync(path) && values.force !== true) throw new CliUsageError(t.outExists(target));
  }

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
      io.stdout(JSON.stringify(generateEnvelope(file, null, error.evaluation, lang, null), null, 2) + "\n");
    io.stderr(t.missingTables(error.missing) + "\n");
    return EXIT_FINDINGS;
  }

  const { evaluation, sheets } = outcome;
  if (out !== "")
    await writeOutput(out, resolve(cwd, out), await host.toBytes(), values.force === true, lang);
  if (docx !== "") {
    // Loaded only when asked for: the docx package is large and most runs do not need it.
    const { reportDocx } = await import("../gateway/docx/index");
    await writeOutput(
      docx,
      resolve(cwd, docx),
      await reportDocx(evaluation, lang),
      values.force === true,
      lang,
    );
  }

  if (values.json === true) {
    const envelope = generateEnvelope(file, out || null, evaluation, lang, docx || null);
    io.stdout(JSON.stringify(envelope, null, 2) + "\n");
  } else {
    const names = sheetKeysOf(sheets)
      .map((key) => sheets[key] ?? "")
      .map((s) => (lang === "zh-CN" ? `“${s}”` : `"${s}"`))
      .join(lang === "zh-CN" ? "、" : ", ");
    const lines: string[] = [];
    const banner = bannerText(evaluation.findings, lang);
    if (banner !== null) lines.push(t.bannerLine(banner));
    if (out !== "") lines.push(t.written(out, names));
    if (docx !== "") lines.push(t.writtenDocx(docx));
    if (evaluation.score) {
      lines.push(
        t.scoreLine(evaluation.score.total, evaluation.score.grade, evaluation.score.execution.rate),
      );
    }
    evaluation.projects.forEach((p, index) => {
      if (p.score)
        lines.push(
          t.projectLine(projectName(p, index, lang), p.score.total, p.score.grade, p.score.execution.rate),
        );
    });
    lines.push(out !== "" ? t.findingsLine(evaluation.summary) : t.findingsLineDocx(evaluation.summary));
    // The 出错说明 the workbook carries: how many findings they explain, and which no longer hold.
    lines.push(...summaryLines(evaluation, lang).slice(1));
    io.stdout(lines.join("\n") + "\n");
  }
  return EXIT_OK;
}

async function writeOutput(
  name: string,
  path: string,
  bytes: Uint8Array,
  force: boolean,
  lang: Lang,
): Promise<void> {
  const t = generateMessages(lang);
  try {
    await writeAtomically(path, bytes, force);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") throw new CliUsageError(t.outExists(name));
    throw new CliUsageError(t.cannotWrite(name, error instanceof Error ? error.message : String(error)));
  }
}
