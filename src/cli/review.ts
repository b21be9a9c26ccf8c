/**
 * `selfeval review <folder> --out <summary.xlsx>`: the 主管部门's and the 财政局's pass over a folder of filings. Every
 * workbook in it is checked as `selfeval check` checks one (review-check.ts), on every core (review-pool.ts), and the
 * results go into one summary workbook (review-summary.ts) written atomically, like generate's output. Exit 0 when no
 * file has an error finding, 1 when one has or cannot be read, 2 for wrong arguments or a missing folder.
 */
import { existsSync } from "fs";
import { dirname, resolve } from "path";
import type { Lang } from "../engine/i18n";
import { isDirectory, sameFile, writeAtomically } from "./atomic-write";
import { CliUsageError, EXIT_FINDINGS, EXIT_OK, type CommandContext } from "./command";
import type { ReviewedFile } from "./review-check";
import { listWorkbooks } from "./review-files";
import { reviewMessages } from "./review-messages";
import { defaultWorkers, MAX_THREADS, reviewFiles } from "./review-pool";

export interface ReviewEnvironment {
  /** Progress is one line rewritten in place on a terminal, a line per tenth of the run otherwise (a log file). */
  readonly stderrIsTTY: boolean;
}

export async function runReview(
  { io, lang, values, positionals }: CommandContext,
  environment: ReviewEnvironment,
): Promise<number> {
  const t = reviewMessages(lang);
  if (positionals.length === 0) throw new CliUsageError(t.missingFolder);
  if (positionals.length > 1) throw new CliUsageError(t.tooManyFolders(positionals.length));
  const folder = positionals[0];
  const out = typeof values.out === "string" ? values.out : "";
  if (out.trim() === "") throw new CliUsageError(t.missingOut);
  if (!/\.xlsx$/i.test(out)) throw new CliUsageError(t.notXlsx(out));
  const workers = workersOption(values.workers, lang);

  const cwd = io.cwd ?? process.cwd();
  const root = resolve(cwd, folder);
  const outPath = resolve(cwd, out);
  if (!isDirectory(root)) throw new CliUsageError(t.notFolder(folder));
  if (!isDirectory(dirname(outPath))) throw new CliUsageError(t.noFolder(dirname(out) || "."));

  const files = await listWorkbooks(root);
  if (files.length === 0) throw new CliUsageError(t.noWorkbooks(folder));
  if (files.some((f) => sameFile(resolve(root, f), outPath))) throw new CliUsageError(t.outIsInput(out));
  if (existsSync(outPath) && values.force !== true) throw new CliUsageError(t.outExists(out));

  // The summary's writer and layout, loaded while this thread waits for the workers' last files.
  let writing: Promise<
    [typeof import("../gateway/xlsx/review-workbook"), typeof import("./review-summary")]
  > | null = null;
  const summaryModules = () =>
    (writing ??= Promise.all([import("../gateway/xlsx/review-workbook"), import("./review-summary")]));
  const progress = progressLine(io.stderr, files.length, environment.stderrIsTTY, lang);
  // A failure to load is reported where the modules are used, below; here it must not go unhandled.
  const whileWaiting = (): void => void summaryModules().catch(() => undefined);
  const results = await reviewFiles(root, files, workers ?? defaultWorkers(), progress, whileWaiting);

  const [{ summaryWorkbookBytes }, { reviewEnvelope, summarySheets, totalsOf }] = await summaryModules();
  try {
    const bytes = await summaryWorkbookBytes(summarySheets(results, lang), t.footer);
    await writeAtomically(outPath, bytes, values.force === true);
  } catch (error) {
    if ((error as { code?: unknown }).code === "EEXIST") throw new CliUsageError(t.outExists(out));
    throw new CliUsageError(t.cannotWrite(out, error instanceof Error ? error.message : String(error)));
  }

  const totals = totalsOf(results);
  if (values.json === true) {
    io.stdout(JSON.stringify(reviewEnvelope(results, lang), null, 2) + "\n");
  } else {
    io.stdout([t.written(out, results.length), t.totals(totals)].join("\n") + "\n");
  }
  return totals.errors > 0 || totals.unreadable > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function workersOption(value: unknown, lang: Lang): number | null {
  if (typeof value !== "string") return null;
  if (!/^\d{1,2}$/.test(value.trim()) || Number(value) > MAX_THREADS) {
    throw new CliUsageError(reviewMessages(lang).badWorkers(value));
  }
  return Number(value);
}

/**
 * "已检查 37/200：<file>" on stderr: rewritten in place (\r) on a terminal and ended with a newline after the last file;
 * elsewhere one line each time another tenth of the files is done, so a log of 200 files gets 10 lines, not 200.
 */
export function progressLine(
  write: (text: string) => void,
  total: number,
  tty: boolean,
  lang: Lang,
): (done: number, result: ReviewedFile) => void {
  const t = reviewMessages(lang);
  return (done, result) => {
    const line = t.progress(done, total, result.file);
    if (tty) {
      write(`\r\x1b[K${line}${done === total ? "\n" : ""}`);
    } else if (Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total)) {
      write(line + "\n");
    }
  };
}
