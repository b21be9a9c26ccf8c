/**
 * `selfeval generate` in memory, for the tests that look at the written workbook: the .xlsx host over the bytes, the
 * pipeline's generate (the same call as the CLI and the task pane), and the saved bytes — or, when a table the report
 * needs is missing, nothing written and the tables that were.
 */
import { MissingTablesError, type RequiredTable } from "../../src/app/errors";
import type { ReportSheetNames } from "../../src/app/host";
import { generate } from "../../src/app/pipeline";
import type { Evaluation } from "../../src/engine/evaluate";
import type { Lang } from "../../src/engine/i18n";
import type { ScoreOptions } from "../../src/engine/score/types";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";

export interface GenerateResult {
  /** The output workbook's bytes; null when a required table is missing (nothing written). */
  readonly buffer: Uint8Array | null;
  readonly evaluation: Evaluation;
  readonly missing: readonly RequiredTable[];
  /** The names our three sheets got, null when nothing was written. */
  readonly sheetNames: ReportSheetNames | null;
}

export async function generateXlsx(
  input: Uint8Array,
  options: ScoreOptions,
  lang: Lang,
): Promise<GenerateResult> {
  const host = await XlsxWorkbookHost.load(input);
  try {
    const outcome = await generate(host, options, lang);
    return {
      buffer: await host.toBytes(),
      evaluation: outcome.evaluation,
      missing: [],
      sheetNames: outcome.sheets,
    };
  } catch (error) {
    if (!(error instanceof MissingTablesError)) throw error;
    return { buffer: null, evaluation: error.evaluation, missing: error.missing, sheetNames: null };
  }
}
