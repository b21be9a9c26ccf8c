#!/usr/bin/env node
/**
 * `npm run test:e2e`: the task pane in a real browser (Debian's Chromium driven by playwright-core).
 *
 *  1. builds the add-in (`npm run build`, production), the WPS add-in (`npm run build:wps`) and the test double of
 *     Office/Excel (tests/e2e/out/);
 *  2. serves dist/ on 127.0.0.1 on a free port, and the WPS add-in folder (dist-wps/selfeval_<version>/) on another;
 *  3. routes Microsoft's office.js URL to the copy in @microsoft/office-js (preview mode: outside Office the real script
 *     reports host null) or to the recording fake of tests/fakes ("Excel" mode), and FAILS any other request that
 *     leaves the page's own origin: nothing may leave the browser;
 *  4. runs the tests below, saves screenshots in tests/e2e/out/screenshots/ (ignored: a test run writes nothing into
 *     tracked files), and prints "N passed, M failed";
 *  5. with --refresh-screenshots (`npm run screenshots`), and only when every test passed, copies the README's
 *     pictures (README_SHOTS) to tests/e2e/screenshots/: the one step that changes tracked files, taken on purpose.
 *
 * Environment: E2E_SKIP_BUILD=1 reuses dist/, dist-wps/ and lib/ as they are (quick re-runs); E2E_ONLY=<text> runs only the tests
 * whose name contains the text (E2E_ONLY="old clients"); E2E_DIST=<dir> serves another
 * build of dist/; CHROMIUM=<path> overrides /usr/bin/chromium. The time limits only end a run that hangs: every wait is for a
 * state of the page, and a busy machine may take many times longer than a quiet one.
 */
/* global window, document -- inside page.evaluate callbacks, which run in the browser */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(__dirname, "out");
const SHOTS = path.join(OUT, "screenshots");
/** The pictures README.md shows, kept in the repository; refreshed only by `npm run screenshots`. */
const README_SHOTS_DIR = path.join(__dirname, "screenshots");
const README_SHOTS = ["preview-generated.png"];
const REFRESH_SCREENSHOTS = process.argv.includes("--refresh-screenshots");
const DIST = path.resolve(process.env.E2E_DIST || path.join(ROOT, "dist"));
/** The WPS add-in folder `npm run build:wps` writes (dist-wps/selfeval_<version>/): its pane page is tested too. */
const DIST_WPS = path.join(ROOT, "dist-wps", `selfeval_${require(path.join(ROOT, "package.json")).version}`);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_FILE = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "office.js");
const SAMPLE_DIR = path.join(ROOT, "assets", "sample");
const CLI = path.join(ROOT, "bin", "selfeval.js");

const RUN_TIMEOUT_MS = 60 * 60_000;
const BUILD_TIMEOUT_MS = 20 * 60_000;
const TEST_TIMEOUT_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

/** The cell the broken copy changes: the budget block's 全年执行数 total, 10716.16 → 10726.16 万元. */
const BROKEN = { sheet: "表一 预算执行情况", address: "D5", value: 10726.16 };
const BROKEN_FILE_NAME = "样例-改动一个合计.xlsx";
const REPORT_SHEETS_ZH = ["绩效自评表", "自评报告", "核查结果"];

// ------------------------------------------------------------------ small helpers

function log(text) {
  process.stdout.write(`${text}\n`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: options.timeout ?? BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...(options.env || {}) },
  });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  return result;
}

function findSample() {
  const names = fs
    .readdirSync(SAMPLE_DIR)
    .filter((n) => n.toLowerCase().endsWith(".xlsx"))
    .sort();
  assert(names.length > 0, `no sample workbook in ${SAMPLE_DIR}`);
  return path.join(SAMPLE_DIR, names[0]);
}

/** A cell value as a test compares it: the text of a hyperlink or rich text, a formula's result, else itself. */
function plainValue(value) {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return plainValue(value.text);
  if ("result" in value) return plainValue(value.result);
  if ("error" in value) return value.error;
  return JSON.stringify(value);
}

/** Every non-empty cell of an exceljs worksheet by address (covered cells of merges left out, as Excel shows them). */
function sheetCells(ws) {
  const out = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = plainValue(cell.value);
      if (v !== null && v !== "") out[cell.address] = v;
    });
  });
  return out;
}

// ------------------------------------------------------------------ preparing

function build() {
  if (process.env.E2E_SKIP_BUILD === "1") {
    log("E2E_SKIP_BUILD=1: using dist/ and lib/ as they are");
    return;
  }
  log("==> npm run build (production)");
  const started = Date.now();
  const result = run("npm", ["run", "build", "--silent"]);
  if (result.status !== 0) {
    process.stdout.write(result.stdout.slice(-8000));
    process.stderr.write(result.stderr.slice(-8000));
    throw new Error(`npm run build failed (exit ${result.status})`);
  }
  log(`    built in ${Math.round((Date.now() - started) / 1000)} s`);
  log("==> npm run build:wps (the WPS add-in, for its pane page)");
  const wps = run("npm", ["run", "build:wps", "--silent"]);
  if (wps.status !== 0) {
    process.stdout.write(wps.stdout.slice(-8000));
    process.stderr.write(wps.stderr.slice(-8000));
    throw new Error(`npm run build:wps failed (exit ${wps.status})`);
  }
}

/** tests/e2e/out/fake-office.js: the recording fake behind `Office`/`Excel` globals, bundled for the browser. */
async function buildFakeOffice() {
  const webpack = require("webpack");
  const config = {
    mode: "production",
    context: ROOT,
    target: "web",
    entry: path.join(__dirname, "fake-office-entry.ts"),
    output: { path: OUT, filename: "fake-office.js", clean: false },
    devtool: false,
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } },
          },
        },
      ],
    },
    performance: { hints: false },
  };
  await new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    });
  });
  return fs.readFileSync(path.join(OUT, "fake-office.js"), "utf8");
}

/** The sample, a copy with one total changed, and what the CLI says about the sample. */
async function prepareFixtures() {
  const ExcelJS = require("exceljs");
  const sample = findSample();
  const broken = path.join(OUT, BROKEN_FILE_NAME);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  wb.getWorksheet(BROKEN.sheet).getCell(BROKEN.address).value = BROKEN.value;
  await wb.xlsx.writeFile(broken);

  const cliOut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-e2e-")), "report.xlsx");
  const result = run(process.execPath, [CLI, "generate", sample, "--out", cliOut, "--json"], {
    timeout: STEP_TIMEOUT_MS,
  });
  assert(result.status === 0, `selfeval generate exited ${result.status}: ${result.stderr}`);
  const cli = JSON.parse(result.stdout);
  const cliBook = new ExcelJS.Workbook();
  await cliBook.xlsx.readFile(cliOut);
  const cliSheets = {};
  for (const name of REPORT_SHEETS_ZH) cliSheets[name] = sheetCells(cliBook.getWorksheet(name));

  // The fake Excel starts from the sample as the engine reads it (lib/ is the CLI's compiled gateway).
  const { readXlsxBuffer } = require(path.join(ROOT, "lib", "gateway", "xlsx", "read.js"));
  const snapshot = await readXlsxBuffer(fs.readFileSync(sample));
  return { sample, broken, cli, cliSheets, snapshot };
}

// ------------------------------------------------------------------ serving and the browser

async function serve() {
  const { serveDirectory } = require(path.join(ROOT, "scripts", "serve.js"));
  assert(
    fs.existsSync(path.join(DIST, "taskpane.html")),
    `${DIST}/taskpane.html is missing: the build did not run`,
  );
  return serveDirectory(DIST, { port: 0, host: "127.0.0.1" });
}

/** The WPS add-in folder on a server of its own, as an intranet would publish it. */
async function serveWps() {
  const { serveDirectory } = require(path.join(ROOT, "scripts", "serve.js"));
  assert(
    fs.existsSync(path.join(DIST_WPS, "taskpane.html")),
    `${DIST_WPS}/taskpane.html is missing: npm run build:wps did not run`,
  );
  return serveDirectory(DIST_WPS, { port: 0, host: "127.0.0.1" });
}

/** The package's copy of a file office.js loads from its own CDN folder, or null. */
function officeCompanion(url) {
  const folder = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1);
  if (!url.startsWith(folder)) return null;
  const relative = url.slice(folder.length).split(/[?#]/)[0].toLowerCase();
  if (!/^([a-z]{2}-[a-z]{2}\/)?[a-z0-9_.-]+\.js$/.test(relative)) return null;
  const file = path.join(path.dirname(OFFICE_JS_FILE), relative);
  return fs.existsSync(file) ? file : null;
}

/**
 * A fresh browser context whose requests are policed: office.js comes from `officeScript`, the page's own origin is
 * served, anything else is refused and recorded (a test fails when the page tried to reach the outside).
 */
async function newPage(browser, base, officeScript, { locale = "zh-CN", width = 1360 } = {}) {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale,
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
  });
  const outside = [];
  const errors = [];
  const blockedByPolicy = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeScript });
    } else if (officeCompanion(url)) {
      // office.js fetches a few files of its own from beside itself (its host mapping table, its strings): they are
      // served from the same package, as the CDN would serve them.
      await route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        path: officeCompanion(url),
      });
    } else if (url.startsWith(`${base}/`)) {
      await route.continue();
    } else {
      outside.push(url);
      await route.abort("blockedbyclient");
    }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Refused requests are counted in `outside` already. office.js outside Office tries to frame Microsoft's
    // telemetry page, which the page's own Content-Security-Policy blocks before any request is made: that is the
    // policy doing its job, not an error of ours.
    if (/ERR_BLOCKED_BY_CLIENT/.test(text)) return;
    if (/^Framing 'https:\/\/[^']*' violates the following Content Security Policy directive/.test(text)) {
      blockedByPolicy.push(text.slice(0, text.indexOf("'", 9) + 1));
      return;
    }
    errors.push(`console.error: ${text}`);
  });
  return { base, context, page, outside, errors, blockedByPolicy };
}

async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// ------------------------------------------------------------------ what the tests look at

/** The figure the summary card shows under a label (总分, 等级). */
async function summaryFigure(page, label) {
  const dd = page
    .locator("dl div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd");
  return (await dd.first().textContent()).trim();
}

function grid(page) {
  return page.locator('[data-testid="preview-workbench"] [role="region"]');
}

async function waitForWorkbook(page, fileName) {
  await page.getByTestId("preview-file-name").filter({ hasText: fileName }).waitFor();
}

/** Waits until a control can be used again (the pane disables its buttons while an action runs). */
async function waitEnabled(locator, timeout = STEP_TIMEOUT_MS) {
  const until = Date.now() + timeout;
  while (!(await locator.isEnabled())) {
    if (Date.now() > until) throw new Error(`${locator} stayed disabled for ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function generateAndWaitForSummary(page, buttonName, headingName) {
  const button = page.getByRole("button", { name: buttonName });
  await button.click();
  await page.getByRole("heading", { name: headingName }).waitFor();
  await waitEnabled(button);
}

// ------------------------------------------------------------------ the tests

const tests = [];
function test(name, fn) {
  tests.push({ name, fn });
}

test("preview: the sample's total and grade equal `selfeval generate --json`", async ({
  open,
  fx,
  office,
}) => {
  const t = await open(office.real);
  await t.page.goto(`${t.base}/taskpane.html`);
  await t.page.getByText("预览模式（未在 Excel 中运行）").waitFor();
  await waitForWorkbook(t.page, path.basename(fx.sample));
  await generateAndWaitForSummary(t.page, "一键生成自评报告", "自评结果");
  assertEqual(await summaryFigure(t.page, "总分"), String(fx.cli.score.total), "total score shown");
  assertEqual(await summaryFigure(t.page, "等级"), fx.cli.score.grade, "grade shown");
  // The report sheets appear as tabs, the 自评表 shown.
  for (const name of REPORT_SHEETS_ZH)
    await t.page.getByRole("tab", { name: new RegExp(`^${name}`) }).waitFor();
  assertEqual(
    await grid(t.page).getAttribute("aria-label"),
    "工作表“绩效自评表”的内容",
    "grid after generating",
  );
  await screenshot(t.page, "preview-generated.png");
});

test("preview: a broken copy names the changed cell; a click shows it in the grid; the report downloads", async ({
  open,
  fx,
  office,
}) => {
  const t = await open(office.real);
  const { page } = t;
  await page.goto(`${t.base}/taskpane.html`);
  await waitForWorkbook(page, path.basename(fx.sample));
  await page.getByTestId("preview-file-input").setInputFiles(fx.broken);
  await waitForWorkbook(page, BROKEN_FILE_NAME);

  await page.getByRole("tab", { name: "一致性检查" }).click();
  await page.getByRole("button", { name: "开始检查" }).click();
  const where = `${BROKEN.sheet}!${BROKEN.address}`;
  const finding = page.locator("button", { hasText: `预算分项合计 · ${where}` });
  await finding.first().waitFor();
  const text = await finding.first().textContent();
  assert(text.includes("10,726.16"), `the finding states the amount written: ${text}`);

  // The grid marks the cell before anything is clicked.
  await page.getByRole("tab", { name: "表二 支出决算表" }).click();
  await finding.first().click();
  const cell = grid(page).locator(`td[data-address="${BROKEN.address}"]`);
  await cell.waitFor();
  assertEqual(await grid(page).getAttribute("aria-label"), `工作表“${BROKEN.sheet}”的内容`, "sheet shown");
  assertEqual(await cell.getAttribute("aria-selected"), "true", "cell selected");
  assertEqual(await cell.getAttribute("data-mark"), "error", "cell marked");
  assertEqual((await cell.textContent()).trim(), "10,726.16", "cell text");
  assert(await cell.isVisible(), "the selected cell is scrolled into view");
  await screenshot(page, "findings.png");

  await page.getByRole("tab", { name: "生成报告" }).click();
  await generateAndWaitForSummary(page, "一键生成自评报告", "自评结果");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载报告" }).click(),
  ]);
  assertEqual(download.suggestedFilename(), "样例-改动一个合计-自评报告.xlsx", "report file name");
  const saved = path.join(OUT, "downloaded-report.xlsx");
  await download.saveAs(saved);
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const names = wb.worksheets.map((ws) => ws.name);
  for (const name of REPORT_SHEETS_ZH)
    assert(names.includes(name), `downloaded report has ${name}: ${names}`);
  assertEqual(wb.getWorksheet(BROKEN.sheet).getCell(BROKEN.address).value, BROKEN.value, "input sheet kept");
  const findingsText = Object.values(sheetCells(wb.getWorksheet("核查结果"))).join("\n");
  assert(findingsText.includes(BROKEN.address), "核查结果 lists the changed cell");

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出核查结果" }).click(),
  ]);
  assertEqual(csv.suggestedFilename(), "样例-改动一个合计-核查结果.csv", "CSV file name");
  const csvFile = path.join(OUT, "downloaded-findings.csv");
  await csv.saveAs(csvFile);
  const bytes = fs.readFileSync(csvFile);
  assertEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "CSV starts with the UTF-8 BOM");
  assert(
    bytes.toString("utf8").includes(`sum.breakdown,${BROKEN.sheet},D5`),
    "CSV row for the changed total",
  );
});

test("preview: the 评分 view lists the indicators with their scores", async ({ open, fx, office }) => {
  const t = await open(office.real);
  const { page } = t;
  await page.goto(`${t.base}/taskpane.html`);
  await waitForWorkbook(page, path.basename(fx.sample));
  await page.getByRole("tab", { name: "评分" }).click();
  await page.getByRole("button", { name: "计算得分" }).click();
  const first = fx.cli.score.indicators[0];
  await page.getByText(first.name, { exact: true }).first().waitFor();
  await page.getByText(`总分 ${fx.cli.score.total}，等级“${fx.cli.score.grade}”`).waitFor();
  await screenshot(page, "score.png");
});

test("Excel mode: 一键生成自评报告 writes the report sheets into the workbook with the .xlsx path's values", async ({
  open,
  fx,
  office,
}) => {
  // Excel's task pane is about 350 px wide.
  const t = await open(office.fake, { width: 360 });
  const { page } = t;
  await page.goto(`${t.base}/taskpane.html`);
  await page.getByText("已连接 Excel").waitFor();
  assertEqual(await page.getByTestId("preview-workbench").count(), 0, "no preview viewer inside Excel");
  await generateAndWaitForSummary(page, "一键生成自评报告", "自评结果");
  assertEqual(await summaryFigure(page, "总分"), String(fx.cli.score.total), "total score shown");
  const names = await page.evaluate(() => window.__selfevalE2E.fake.sheetNames());
  for (const name of REPORT_SHEETS_ZH) assert(names.includes(name), `fake workbook has ${name}: ${names}`);
  for (const name of REPORT_SHEETS_ZH) {
    const written = await page.evaluate((sheet) => window.__selfevalE2E.cells(sheet), name);
    const expected = fx.cliSheets[name];
    const missing = Object.keys(expected).filter((a) => written[a] !== expected[a]);
    assert(
      missing.length === 0,
      `${name}: ${missing.length} cells differ from the .xlsx rendering, e.g. ${missing
        .slice(0, 3)
        .map((a) => `${a}: ${JSON.stringify(written[a])} vs ${JSON.stringify(expected[a])}`)
        .join("; ")}`,
    );
    const extra = Object.keys(written).filter((a) => !(a in expected));
    assert(
      extra.length === 0,
      `${name}: cells written that the .xlsx path does not have: ${extra.slice(0, 5)}`,
    );
  }
  const active = await page.evaluate(() => window.__selfevalE2E.fake.model.active?.name ?? null);
  assertEqual(active, "绩效自评表", "the 自评表 is shown after generating");
  await screenshot(page, "excel-generated.png");
});

test("language: switching to en-US changes the labels of the pane and the preview", async ({
  open,
  fx,
  office,
}) => {
  const t = await open(office.real);
  const { page } = t;
  await page.goto(`${t.base}/taskpane.html`);
  await waitForWorkbook(page, path.basename(fx.sample));
  await page.getByRole("button", { name: "一键生成自评报告" }).waitFor();
  await page.getByRole("button", { name: "切换为英文界面" }).click();
  await page.getByRole("button", { name: "Generate self-evaluation report" }).waitFor();
  for (const name of ["Report", "Check", "Scores", "Settings"])
    await page.getByRole("tab", { name }).waitFor();
  await page.getByRole("heading", { name: "Workbook preview" }).waitFor();
  await page.getByRole("button", { name: "Download report" }).waitFor();
  await page.getByRole("button", { name: "Export check results" }).waitFor();
  assertEqual(
    await page.getByRole("button", { name: "一键生成自评报告" }).count(),
    0,
    "no Chinese label left",
  );
  assertEqual(await page.evaluate(() => document.documentElement.lang), "en-US", "<html lang>");
});

// ------------------------------------------------------------------ old clients: the static message (fallback.js)

const FALLBACK_TITLE = "绩效自评助手无法在此处运行";
const FALLBACK_ENGLISH = /^The Self-Evaluation Assistant needs Microsoft 365 or Excel 2021 or later/;
const REASON_SCRIPT = "原因：任务窗格的脚本未能加载或启动。";
const REASON_API = "原因：此 Excel 不支持本助手所需的 ExcelApi 1.7 要求集。";
const REASON_BROWSER =
  "原因：此 Office 使用旧版浏览器组件（Internet Explorer 11 或 EdgeHTML）显示加载项，无法运行本助手。";

/**
 * An Excel whose isSetSupported answers no to everything. `late`: onReady answers only when the test calls
 * window.__selfevalReady(), so the pane has mounted by then (an Excel that takes its time).
 */
function oldExcelStub({ late }) {
  return `(function () {
  var waiting = [];
  var info = { host: "Excel", platform: "PC" };
  var answered = ${late ? "false" : "true"};
  window.__selfevalReady = function () {
    answered = true;
    waiting.splice(0).forEach(function (f) { f(info); });
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "zh-CN", requirements: { isSetSupported: function () { return false; } } },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        var done = function (i) { if (callback) callback(i); resolve(i); };
        if (answered) done(info); else waiting.push(done);
      });
    }
  };
})();`;
}

/** The static message as the user sees it: its title, the reason in both languages, the English line. */
async function expectFallback(page, reason) {
  const message = page.getByTestId("selfeval-fallback");
  await page.getByRole("heading", { name: FALLBACK_TITLE }).waitFor();
  await message.getByText(reason, { exact: true }).waitFor();
  await message.getByText(FALLBACK_ENGLISH).waitFor();
  assertEqual(
    await page.getByText("正在加载绩效自评助手", { exact: false }).isVisible(),
    false,
    "loading line hidden",
  );
  assertEqual(await page.getByRole("tab").count(), 0, "no pane");
}

/** Every script of the page's own origin except the guard itself. */
function paneScript(base) {
  return (url) =>
    url.href.startsWith(`${base}/`) && url.pathname.endsWith(".js") && url.pathname !== "/fallback.js";
}

test("old clients: the pane's scripts blocked → the static message, with the CLI and the preview address", async ({
  open,
  office,
}) => {
  const t = await open(office.real);
  const { page } = t;
  const blocked = [];
  await page.route(paneScript(t.base), (route) => {
    blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  await page.goto(`${t.base}/taskpane.html`);
  await expectFallback(page, REASON_SCRIPT);
  assert(
    blocked.some((u) => /\/taskpane\.[0-9a-f]+\.js$/.test(u)),
    `the bundle was blocked: ${blocked}`,
  );
  await page.getByText("npx selfeval generate 自评表.xlsx --out 自评报告.xlsx").waitFor();
  assertEqual(
    await page.locator("#selfeval-fallback-url").textContent(),
    `${t.base}/taskpane.html`,
    "the browser preview's address is this page's",
  );
  await screenshot(page, "fallback-scripts-blocked.png");
});

test("old clients: the pane's entry script throws at load → the static message, not a blank pane", async ({
  open,
  office,
}) => {
  const t = await open(office.real);
  const { page } = t;
  await page.route(
    (url) => url.href.startsWith(`${t.base}/`) && /^\/taskpane\.[0-9a-f]+\.js$/.test(url.pathname),
    (route) =>
      route.fulfill({ contentType: "text/javascript", body: 'throw new Error("e2e: the bundle failed");' }),
  );
  await page.goto(`${t.base}/taskpane.html`);
  await expectFallback(page, REASON_SCRIPT);
  // The one error this test causes; any other still fails it.
  assertEqual(t.errors, ["pageerror: e2e: the bundle failed"], "page errors");
  t.errors.length = 0;
});

test("old clients: a webview without ES2020 (IE11, EdgeHTML) → the static message", async ({
  open,
  office,
}) => {
  const t = await open(office.real);
  const { page } = t;
  await page.addInitScript(() => {
    delete Promise.allSettled;
    delete Object.fromEntries;
  });
  await page.goto(`${t.base}/taskpane.html`);
  await expectFallback(page, REASON_BROWSER);
  // The bundle itself fails there (it uses what the webview lacks); the message stays all the same.
  const unrelated = t.errors.filter(
    (e) => !/^pageerror: (Object\.fromEntries|Promise\.allSettled) is not a function$/.test(e),
  );
  assertEqual(unrelated, [], "page errors other than the missing features");
  t.errors.length = 0;
});

test("old clients: an Excel without ExcelApi 1.7 → the static message, the pane never mounts", async ({
  open,
}) => {
  const t = await open(oldExcelStub({ late: false }));
  const { page } = t;
  await page.goto(`${t.base}/taskpane.html`);
  await expectFallback(page, REASON_API);
  assertEqual(await page.getByText("已连接 Excel").count(), 0, "no Excel badge");
});

test("old clients: an Excel answering late without ExcelApi 1.7 → the mounted pane gives way to the message", async ({
  open,
}) => {
  const t = await open(oldExcelStub({ late: true }));
  const { page } = t;
  await page.goto(`${t.base}/taskpane.html`);
  // The pane is up (waiting for Excel), the static page gone.
  await page.getByRole("tab", { name: "生成报告" }).waitFor();
  assertEqual(await page.getByTestId("selfeval-fallback").count(), 0, "static page replaced by the pane");
  await page.evaluate(() => window.__selfevalReady());
  await expectFallback(page, REASON_API);
  assertEqual(await page.getByTestId("selfeval-fallback").count(), 1, "one static page");
});

test("old clients: a capable browser and a capable Excel get the pane, not the message", async ({
  open,
  office,
}) => {
  for (const [script, badge] of [
    [office.real, "预览模式（未在 Excel 中运行）"],
    [office.fake, "已连接 Excel"],
  ]) {
    const t = await open(script);
    await t.page.goto(`${t.base}/taskpane.html`);
    await t.page.getByText(badge).waitFor();
    assertEqual(await t.page.getByTestId("selfeval-fallback").count(), 0, `${badge}: no static page`);
    assertEqual(await t.page.getByText(FALLBACK_TITLE).count(), 0, `${badge}: no message`);
  }
});

// ------------------------------------------------------------------ old clients in WPS: the pane page of dist-wps

const WPS_FALLBACK_ENGLISH = /^The Self-Evaluation Assistant needs a recent WPS Office \(Windows or Linux\)/;
const REASON_WPS_BROWSER = "原因：此 WPS 用来显示加载项窗格的内置浏览器组件版本过旧，无法运行本助手。";

/** WPS's plain page as the user sees it: its title, the WPS wording, the reason, no pane. */
async function expectWpsFallback(page, reason) {
  const message = page.getByTestId("selfeval-fallback");
  await page.getByRole("heading", { name: FALLBACK_TITLE }).waitFor();
  await message.getByText(reason, { exact: true }).waitFor();
  await message.getByText(WPS_FALLBACK_ENGLISH).waitFor();
  await message.getByText("npx selfeval generate 自评表.xlsx --out 自评报告.xlsx").waitFor();
  assertEqual(await message.getByText("Microsoft 365", { exact: false }).count(), 0, "no Excel wording");
  assertEqual(
    await page.getByText("正在加载绩效自评助手", { exact: false }).isVisible(),
    false,
    "loading line hidden",
  );
  assertEqual(await page.getByRole("tab").count(), 0, "no pane");
}

test("old clients (WPS): the pane's scripts blocked → WPS's plain page, worded for WPS", async ({
  open,
  wpsBase,
}) => {
  // No office.js in WPS's page: a request for it would fail the test (it would leave the page's origin).
  const t = await open("", { base: wpsBase });
  const { page } = t;
  const blocked = [];
  await page.route(paneScript(t.base), (route) => {
    blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  await page.goto(`${t.base}/taskpane.html`);
  await expectWpsFallback(page, REASON_SCRIPT);
  assert(
    blocked.some((u) => u === `${t.base}/taskpane.js`),
    `the pane's entry was blocked: ${blocked}`,
  );
  await page.getByText("任务窗格需要支持 WPS 加载项的新版 WPS Office", { exact: false }).waitFor();
  await screenshot(page, "wps-fallback-scripts-blocked.png");
});

test("old clients (WPS): a browser component without ES2020 → the plain page with WPS's reason", async ({
  open,
  wpsBase,
}) => {
  const t = await open("", { base: wpsBase });
  const { page } = t;
  await page.addInitScript(() => {
    delete Promise.allSettled;
    delete Object.fromEntries;
  });
  await page.goto(`${t.base}/taskpane.html`);
  await expectWpsFallback(page, REASON_WPS_BROWSER);
  const unrelated = t.errors.filter(
    (e) => !/^pageerror: (Object\.fromEntries|Promise\.allSettled) is not a function$/.test(e),
  );
  assertEqual(unrelated, [], "page errors other than the missing features");
  t.errors.length = 0;
});

test("old clients (WPS): a capable browser component gets the pane, named for WPS, not the message", async ({
  open,
  wpsBase,
}) => {
  const t = await open("", { base: wpsBase });
  await t.page.goto(`${t.base}/taskpane.html`);
  await t.page.getByText("已连接 WPS 表格").waitFor();
  assertEqual(await t.page.getByTestId("selfeval-fallback").count(), 0, "no static page");
  assertEqual(await t.page.getByText(FALLBACK_TITLE).count(), 0, "no message");
  assertEqual(await t.page.getByText("Excel", { exact: false }).count(), 0, "nothing names Excel");
});

// ------------------------------------------------------------------ the runner

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function refreshReadmeScreenshots() {
  fs.mkdirSync(README_SHOTS_DIR, { recursive: true });
  for (const name of README_SHOTS) {
    fs.copyFileSync(path.join(SHOTS, name), path.join(README_SHOTS_DIR, name));
    log(`==> refreshed ${path.relative(ROOT, path.join(README_SHOTS_DIR, name))}`);
  }
}

async function main() {
  const watchdog = setTimeout(() => {
    log(`The end-to-end run took more than ${RUN_TIMEOUT_MS / 60_000} minutes; stopping.`);
    log("0 passed, 1 failed");
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  watchdog.unref();

  assert(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install -y chromium)`);
  // E2E_ONLY=<text>: only the tests whose name contains it (one area while working on it; CI runs them all).
  const only = process.env.E2E_ONLY;
  const selected = only ? tests.filter((t) => t.name.includes(only)) : tests;
  assert(selected.length > 0, `no test name contains E2E_ONLY="${only}"`);
  fs.mkdirSync(OUT, { recursive: true });
  build();
  log("==> building the Office/Excel test double (tests/e2e/out/fake-office.js)");
  const fakeBundle = await buildFakeOffice();
  log("==> preparing the fixtures (broken copy, selfeval generate --json)");
  const fx = await prepareFixtures();
  const office = {
    real: fs.readFileSync(OFFICE_JS_FILE, "utf8"),
    fake: `window.__selfevalE2E = ${JSON.stringify({ workbook: fx.snapshot, displayLanguage: "zh-CN" })};\n${fakeBundle}`,
  };

  const { server, url: base } = await serve();
  const { server: wpsServer, url: wpsBase } = await serveWps();
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
  });
  log(`==> ${selected.length} tests against ${base} in ${CHROMIUM}`);

  let passed = 0;
  let failed = 0;
  try {
    for (const [index, { name, fn }] of selected.entries()) {
      const started = Date.now();
      const sessions = [];
      // options.base: another server's pages (the WPS add-in's); the requests are policed against it.
      const open = async (officeScript, options = {}) => {
        const session = await newPage(browser, options.base ?? base, officeScript, options);
        sessions.push(session);
        return session;
      };
      try {
        await withTimeout(fn({ open, fx, office, wpsBase }), TEST_TIMEOUT_MS, name);
        const outside = sessions.flatMap((s) => s.outside);
        if (outside.length > 0)
          throw new Error(`requests left the page's origin: ${outside.slice(0, 5).join(", ")}`);
        const errors = sessions.flatMap((s) => s.errors);
        if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join(" | ")}`);
        passed += 1;
        log(`  ✓ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        const pageErrors = sessions.flatMap((s) => [...s.errors, ...s.outside.map((u) => `refused: ${u}`)]);
        const message =
          String(error && error.message ? error.message : error) +
          (pageErrors.length > 0 && !String(error.message).startsWith("the page reported")
            ? `\nthe page also reported: ${pageErrors.slice(0, 5).join(" | ")}`
            : "");
        log(`  ✗ ${name}\n      ${message.split("\n").join("\n      ")}`);
        // What the page looked like when it failed, for whoever reads the log (not committed: out/ is ignored).
        for (const [i, s] of sessions.entries()) {
          const file = path.join(OUT, `failed-${index + 1}-${i + 1}.png`);
          await s.page.screenshot({ path: file }).then(
            () => log(`      screenshot: ${path.relative(ROOT, file)}`),
            () => {},
          );
        }
      } finally {
        for (const s of sessions) await s.context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close().catch(() => {});
    server.close();
    wpsServer.close();
  }
  log(`${passed} passed, ${failed} failed`);
  if (REFRESH_SCREENSHOTS) {
    if (failed === 0) refreshReadmeScreenshots();
    else log("The README's screenshots are left as they were: a failed run's pictures are not the product.");
  }
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  log(`end-to-end run failed before the tests: ${error && error.stack ? error.stack : error}`);
  log("0 passed, 1 failed");
  process.exit(1);
});
