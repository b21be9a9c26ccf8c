#!/usr/bin/env node
/**
 * `npm start`: shows the product working on the bundled sample, then serves the add-in.
 *  1. runs the checker on assets/sample/*.xlsx (`selfeval check`) and prints its report;
 *  2. builds the add-in with webpack in development mode into dist/, rebuilding on change;
 *  3. serves dist/ on localhost:3000 — https with the Office dev certificates when they are installed (then Excel
 *     sideloads manifest.xml as it is), otherwise http with a one-line note — and prints two URLs: the task pane,
 *     which in a plain browser opens in preview mode on the sample workbook, and the manifest. Ctrl-C stops it.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { HTTP_FALLBACK_NOTE, devHttpsOptions, serveDirectory } = require("./serve.js");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SAMPLE_DIR = path.join(ROOT, "assets", "sample");
const CLI = path.join(ROOT, "bin", "selfeval.js");

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

function findSample() {
  if (!fs.existsSync(SAMPLE_DIR)) return null;
  const workbooks = fs
    .readdirSync(SAMPLE_DIR)
    .filter((name) => name.toLowerCase().endsWith(".xlsx") && !name.startsWith("~$"))
    .sort();
  return workbooks.length > 0 ? path.join(SAMPLE_DIR, workbooks[0]) : null;
}

/** Step 1: the checker on the sample, exactly as a user would run it. Its findings are output, not a failure. */
function checkSample() {
  const sample = findSample();
  if (!sample) {
    console.log(
      `No sample workbook in ${path.relative(ROOT, SAMPLE_DIR)}/ (npm run sample builds it); skipping.`,
    );
    return;
  }
  if (!fs.existsSync(CLI)) {
    console.log(`${path.relative(ROOT, CLI)} is missing; skipping the check.`);
    return;
  }
  const relative = path.relative(ROOT, sample);
  heading(`selfeval check ${relative}`);
  const result = spawnSync(process.execPath, [CLI, "check", relative], { cwd: ROOT, stdio: "inherit" });
  const meaning = { 0: "no errors", 1: "errors found", 2: "could not read the file or the arguments" };
  console.log(`(exit code ${result.status}: ${meaning[result.status] ?? "unexpected"})`);
}

/** Step 2: webpack in watch mode; resolves after the first build so the server starts on a complete dist/. */
async function buildAndWatch() {
  heading("webpack --mode development (watching src/)");
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "development" });
  const compiler = webpack(config);
  let first = true;
  return new Promise((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 300 }, (error, stats) => {
      if (error) {
        if (first) reject(error);
        else console.error(error.message);
        return;
      }
      const ok = !stats.hasErrors();
      if (first) {
        console.log(
          stats.toString({ colors: process.stdout.isTTY, preset: ok ? "summary" : "errors-warnings" }),
        );
        first = false;
        if (ok) resolve(watching);
        else reject(new Error("The first build failed; fix the errors above and run npm start again."));
        return;
      }
      console.log(
        ok
          ? `rebuilt in ${stats.endTime - stats.startTime} ms`
          : stats.toString({ colors: process.stdout.isTTY, preset: "errors-only" }),
      );
    });
  });
}

async function main() {
  checkSample();
  const watching = await buildAndWatch();

  heading("serving dist/");
  const httpsOptions = await devHttpsOptions();
  if (!httpsOptions) console.log(HTTP_FALLBACK_NOTE);
  const { server, url } = await serveDirectory(DIST, { httpsOptions });
  console.log("");
  console.log(`Open in a browser:   ${url}/taskpane.html`);
  console.log(
    "                     (preview mode: the task pane beside the sample workbook; open or drop any .xlsx)",
  );
  console.log(`Manifest for Excel:  ${url}/manifest.xml  (sideload the file manifest.xml; see README)`);
  if (!httpsOptions) console.log("                     Excel needs the https address: see the note above.");
  console.log("Press Ctrl-C to stop.");

  const stop = () => {
    console.log("\nStopping.");
    server.close();
    watching.close(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
