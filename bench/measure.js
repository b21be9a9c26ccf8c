"use strict";
/**
 * Runs a Node script in this process and, when the process exits, writes its peak memory (process.resourceUsage's
 * maxRSS, which covers the whole process) and its own running time to a JSON file. `/usr/bin/time -v` is not on every
 * machine; this works wherever Node does.
 *
 *   node bench/measure.js <report.json> <script.js> [args...]
 */
const { writeFileSync } = require("fs");
const { resolve } = require("path");

const [report, script, ...args] = process.argv.slice(2);
if (!report || !script) {
  process.stderr.write("usage: node bench/measure.js <report.json> <script.js> [args...]\n");
  process.exit(2);
}
const start = process.hrtime.bigint();
process.on("exit", (code) => {
  const usage = process.resourceUsage();
  writeFileSync(
    report,
    JSON.stringify({
      code,
      maxRssKb: usage.maxRSS,
      ms: Number(process.hrtime.bigint() - start) / 1e6,
    }),
  );
});
// The script sees the arguments it would see when run directly.
process.argv = [process.argv[0], resolve(script), ...args];
require(resolve(script));
