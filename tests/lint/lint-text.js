/**
 * Lints planted source texts with the repository's own eslint.config.mjs through ESLint's Node API, in a plain Node
 * process: jest's module sandbox cannot import() an ES module config. Reads [{ filePath, code }] (paths relative to
 * the repository) as JSON on stdin and prints [{ filePath, messages: [{ ruleId, message, line }] }].
 */
"use strict";

const path = require("node:path");
const { ESLint } = require("eslint");

const ROOT = path.resolve(__dirname, "..", "..");

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const planted = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const eslint = new ESLint({ cwd: ROOT });
  const out = [];
  for (const { filePath, code } of planted) {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    out.push({
      filePath,
      messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line })),
    });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
