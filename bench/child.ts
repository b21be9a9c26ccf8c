/**
 * One measurement in its own process, so one part's heap and JIT state never colour another's. Prints one JSON line.
 *
 *   node -r ts-node/register/transpile-only bench/child.ts engine <file> <rows> <warmups> <runs> <formulaRuns>
 *   node -r ts-node/register/transpile-only bench/child.ts excel <file>
 */
import { readXlsxFileStreaming } from "../src/gateway/xlsx/read-stream";
import { timeEngine } from "./engine-timing";
import { excelCosts } from "./excel-round-trips";

async function main(argv: readonly string[]): Promise<unknown> {
  const [mode, file, ...rest] = argv;
  const snapshot = await readXlsxFileStreaming(file, { formulas: false });
  if (mode === "engine") {
    const [rows, warmups, runs, formulaRuns] = rest.map(Number);
    return timeEngine(snapshot, rows, { warmups, runs, formulaRuns });
  }
  if (mode === "excel") return excelCosts(snapshot);
  throw new Error(`unknown mode ${mode}`);
}

main(process.argv.slice(2)).then(
  (result) => process.stdout.write(JSON.stringify(result) + "\n"),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
