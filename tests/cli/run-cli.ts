/** Runs the CLI in-process with captured output, the way the tests of every subcommand use it. */
import { join } from "path";
import { run } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}

/** The sample workbook committed in assets/sample (written by scripts/make-sample.ts). */
export const SAMPLE_XLSX = join(
  __dirname,
  "..",
  "..",
  "assets",
  "sample",
  "2023年度部门整体支出绩效自评-样例.xlsx",
);
