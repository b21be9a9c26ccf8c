#!/usr/bin/env node
/**
 * `npm run preview:pdf [-- --lang en-US] [-- --in other.xlsx] [-- --readme]`: shows how the generated workbook and
 * the Word report print. Builds the CLI, runs `selfeval generate --out … --docx …` on the sample workbook, converts
 * both outputs to PDF with LibreOffice (headless) and the PDFs to one PNG per page with pdftoppm, all under
 * tmp/preview/, and prints the PNG paths. LibreOffice prints every visible sheet, so the input sheets come first and
 * the report's three sheets last. `--readme` also refreshes the README's picture of the Word report's first page
 * (assets/readme/word-report-<lang>.png), only when asked.
 *
 * The conversion reads assets/fonts/fontconfig.xml (FONTCONFIG_FILE), which maps 宋体, 仿宋_GB2312, 楷体_GB2312, 黑体
 * and 方正小标宋简体 to Debian's Simplified-Chinese faces; without it LibreOffice falls back to Noto Sans CJK JP.
 *
 * Needs LibreOffice (`soffice`), poppler-utils (`pdftoppm`) and, for the Chinese faces, the packages fonts-noto-cjk,
 * fonts-arphic-ukai and fonts-arphic-uming.
 */
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } = require("fs");
const { basename, join, resolve } = require("path");

const ROOT = resolve(__dirname, "..");
const OUT_DIR = join(ROOT, "tmp", "preview");
const SAMPLE = join(ROOT, "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx");
const FONTCONFIG = join(ROOT, "assets", "fonts", "fontconfig.xml");
const README_PICTURES = join(ROOT, "assets", "readme");

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function need(command) {
  const r = spawnSync("which", [command], { encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(
      `preview-pdf: "${command}" is not on PATH (install LibreOffice and poppler-utils).\n`,
    );
    process.exit(2);
  }
}

function main() {
  need("soffice");
  need("pdftoppm");
  const lang = option("--lang", "zh-CN");
  const input = resolve(option("--in", SAMPLE));
  const name = `${basename(input, ".xlsx")}-report-${lang}`;
  const xlsx = join(OUT_DIR, `${name}.xlsx`);
  const pdf = join(OUT_DIR, `${name}.pdf`);
  const docx = join(OUT_DIR, `${name}-word.docx`);
  const docxPdf = join(OUT_DIR, `${name}-word.pdf`);

  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of readdirSync(OUT_DIR))
    if (f.startsWith(`${name}`)) rmSync(join(OUT_DIR, f), { force: true });

  // The same compiled CLI users run (bin/selfeval.js → lib/). tsc emits even when some file has a type error, so a
  // half-finished change elsewhere does not stop the preview; the errors are still shown.
  require("./rules-registry.js").writeRegistry();
  const build = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (build.status !== 0)
    process.stderr.write("preview-pdf: tsc reported errors; previewing what it emitted.\n");
  const generate = spawnSync(
    process.execPath,
    [
      join(ROOT, "bin", "selfeval.js"),
      "generate",
      input,
      "--out",
      xlsx,
      "--docx",
      docx,
      "--force",
      "--lang",
      lang,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  process.stderr.write(generate.stderr);
  if (generate.status !== 0) process.exit(generate.status ?? 2);
  process.stdout.write(generate.stdout);

  // A profile of our own, so a LibreOffice already running (or another developer's conversion) does not interfere.
  const profile = join(OUT_DIR, "lo-profile");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      OUT_DIR,
      xlsx,
      docx,
    ],
    { stdio: "pipe", timeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG } },
  );
  for (const written of [pdf, docxPdf]) {
    if (!existsSync(written)) {
      process.stderr.write(`preview-pdf: LibreOffice did not write ${written}.\n`);
      process.exit(2);
    }
  }
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT_DIR, name)], { stdio: "inherit" });
  execFileSync("pdftoppm", ["-png", "-r", "60", docxPdf, join(OUT_DIR, `${name}-word`)], {
    stdio: "inherit",
  });
  if (process.argv.includes("--readme")) {
    const first = readdirSync(OUT_DIR)
      .filter((f) => f.startsWith(`${name}-word-`) && f.endsWith(".png"))
      .sort()[0];
    mkdirSync(README_PICTURES, { recursive: true });
    const target = join(README_PICTURES, `word-report-${lang}.png`);
    copyFileSync(join(OUT_DIR, first), target);
    process.stdout.write(`README picture: ${target}\n`);
  }

  process.stdout.write(`PDF: ${pdf}\nPDF: ${docxPdf}\n`);
  const pngs = readdirSync(OUT_DIR)
    .filter((f) => f.startsWith(name) && f.endsWith(".png"))
    .sort();
  for (const f of pngs) process.stdout.write(`${join(OUT_DIR, f)}\n`);
}

main();
