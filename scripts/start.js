#!/usr/bin/env node
/**
 * `npm start`: shows the product working on the bundled sample, then serves the add-in.
 *  1. runs the checker on assets/sample/*.xlsx (`selfeval check`) and prints its report;
 *  2. builds the add-in with webpack in development mode into dist/, rebuilding on change;
 *  3. serves dist/ on localhost:3000 — https with the Office dev certificates when they are installed (then Excel
 *     sideloads manifest.xml as it is), otherwise http with a one-line note — and prints two URLs: the task pane,
 *     which in a plain browser opens in preview mode on the sample workbook, and the manifest. Ctrl-C stops it.
 * Everything it prints is in one language, chosen as the CLI chooses it: `npm start -- --lang en-US|zh-CN`, else
 * English when LANG starts with "en", Chinese otherwise; the check of step 1 runs with the same --lang.
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

/** The lines npm start prints itself, in each language (the CLI prints its own report in the same language). */
const TEXTS = {
  "zh-CN": {
    noSample: (dir) => `${dir}/ 中没有样例工作簿（npm run sample 可生成），跳过检查。`,
    noCli: (cli) => `缺少 ${cli}，跳过检查。`,
    exit: (status) =>
      `（退出码 ${status}：${{ 0: "无错误", 1: "发现错误", 2: "无法读取文件或参数有误" }[status] ?? "意外结果"}）`,
    build: "webpack 开发模式构建（监视 src/ 的改动）",
    firstBuildFailed: "首次构建失败：请修正上面的错误后重新运行 npm start。",
    rebuilt: (ms) => `已重新构建，用时 ${ms} 毫秒`,
    serving: "提供 dist/ 服务",
    httpNote:
      "没有受信任的 Office 开发证书，改用 http 提供服务。Excel 旁加载需要 https：请以管理员权限运行一次 `npx office-addin-dev-certs install`，然后重新启动。",
    open: (url) => `在浏览器中打开：  ${url}/taskpane.html`,
    preview: "                    （预览模式：任务窗格与样例工作簿并排；可打开或拖入任意 .xlsx）",
    manifest: (url) => `Excel 加载项清单：${url}/manifest.xml（旁加载 manifest.xml 文件，见 README）`,
    needsHttps: "                    Excel 需要 https 地址：见上方说明。",
    stop: "按 Ctrl-C 停止。",
    stopping: "\n正在停止。",
    failed: (message) => `npm start 失败：${message}`,
  },
  "en-US": {
    noSample: (dir) => `No sample workbook in ${dir}/ (npm run sample builds it); skipping.`,
    noCli: (cli) => `${cli} is missing; skipping the check.`,
    exit: (status) =>
      `(exit code ${status}: ${{ 0: "no errors", 1: "errors found", 2: "could not read the file or the arguments" }[status] ?? "unexpected"})`,
    build: "webpack --mode development (watching src/)",
    firstBuildFailed: "The first build failed; fix the errors above and run npm start again.",
    rebuilt: (ms) => `rebuilt in ${ms} ms`,
    serving: "serving dist/",
    httpNote: HTTP_FALLBACK_NOTE,
    open: (url) => `Open in a browser:   ${url}/taskpane.html`,
    preview:
      "                     (preview mode: the task pane beside the sample workbook; open or drop any .xlsx)",
    manifest: (url) =>
      `Manifest for Excel:  ${url}/manifest.xml  (sideload the file manifest.xml; see README)`,
    needsHttps: "                     Excel needs the https address: see the note above.",
    stop: "Press Ctrl-C to stop.",
    stopping: "\nStopping.",
    failed: (message) => `npm start failed: ${message}`,
  },
};

/** --lang zh-CN|en-US, else as the CLI decides without it: English when LANG starts with "en", Chinese otherwise. */
function startLang(argv, env) {
  const i = argv.indexOf("--lang");
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  if (given === "zh-CN" || given === "en-US") return given;
  return env.LANG && env.LANG.trim().toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

function heading(text, log = console.log) {
  log(`\n=== ${text} ===`);
}

function findSample() {
  if (!fs.existsSync(SAMPLE_DIR)) return null;
  const workbooks = fs
    .readdirSync(SAMPLE_DIR)
    .filter((name) => name.toLowerCase().endsWith(".xlsx") && !name.startsWith("~$"))
    .sort();
  return workbooks.length > 0 ? path.join(SAMPLE_DIR, workbooks[0]) : null;
}

/**
 * Step 1: the checker on the sample, exactly as a user would run it, in `lang`. Its findings are output, not a
 * failure. `spawn` and `log` are there for the test.
 */
function checkSample(lang, { spawn = spawnSync, log = console.log, sample = findSample(), cli = CLI } = {}) {
  const t = TEXTS[lang];
  if (!sample) {
    log(t.noSample(path.relative(ROOT, SAMPLE_DIR)));
    return;
  }
  if (!fs.existsSync(cli)) {
    log(t.noCli(path.relative(ROOT, cli)));
    return;
  }
  const relative = path.relative(ROOT, sample);
  heading(`selfeval check ${relative} --lang ${lang}`, log);
  const result = spawn(process.execPath, [cli, "check", relative, "--lang", lang], {
    cwd: ROOT,
    stdio: "inherit",
  });
  log(t.exit(result.status));
}

/** Step 2: webpack in watch mode; resolves after the first build so the server starts on a complete dist/. */
async function buildAndWatch(t) {
  heading(t.build);
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
        else reject(new Error(t.firstBuildFailed));
        return;
      }
      console.log(
        ok
          ? t.rebuilt(stats.endTime - stats.startTime)
          : stats.toString({ colors: process.stdout.isTTY, preset: "errors-only" }),
      );
    });
  });
}

async function main() {
  const lang = startLang(process.argv.slice(2), process.env);
  const t = TEXTS[lang];
  checkSample(lang);
  const watching = await buildAndWatch(t);

  heading(t.serving);
  const httpsOptions = await devHttpsOptions();
  if (!httpsOptions) console.log(t.httpNote);
  const { server, url } = await serveDirectory(DIST, { httpsOptions });
  console.log("");
  console.log(t.open(url));
  console.log(t.preview);
  console.log(t.manifest(url));
  if (!httpsOptions) console.log(t.needsHttps);
  console.log(t.stop);

  const stop = () => {
    console.log(t.stopping);
    server.close();
    watching.close(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

module.exports = { TEXTS, startLang, checkSample };

if (require.main === module) {
  main().catch((error) => {
    console.error(TEXTS[startLang(process.argv.slice(2), process.env)].failed(error.message));
    process.exit(1);
  });
}
