#!/usr/bin/env node
/**
 * `npm run preview:pdf [-- --lang en-US] [-- --in other.xlsx] [-- --readme]`: shows how the generated workbook and
 * the Word report print. Builds the CLI, runs `selfeval generate --out … --docx …` on the sample workbook, converts
 * both outputs to PDF with LibreOffice (headless) and the PDFs to one PNG per page with pdftoppm, all under
 * tmp/preview/, and prints the PNG paths. LibreOffice prints every visible sheet, so the input sheets come first and
 * the report's three sheets last. `--readme` also refreshes the README's pictures of the Word report: its first page
 * (assets/readme/word-report-<lang>.png) and the page with the chart of the scores, at a resolution its numbers can be
 * read at (assets/readme/word-report-chart-<lang>.png), only when asked.
 *
 * The conversion reads assets/fonts/fontconfig.xml (FONTCONFIG_FILE), which maps 宋体, 仿宋_GB2312, 楷体_GB2312, 黑体
 * and 方正小标宋简体 to Debian's Simplified-Chinese faces; without it LibreOffice falls back to Noto Sans CJK JP.
 *
 * It also maps Calibri to Carlito (same metrics): column widths count digits of the workbook's default font, and the
 * report's row heights are computed for Excel's Calibri digit (7 px); measured with another font's digits the columns
 * come out wider than in Excel and the rows show gaps that Excel does not have.
 *
 * Needs LibreOffice (`soffice`), poppler-utils (`pdftoppm`) and, for the Chinese faces and Calibri's metrics, the
 * packages fonts-noto-cjk, fonts-arphic-ukai, fonts-arphic-uming and fonts-crosextra-carlito.
 */
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} = require("fs");
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

/** The names of the visible sheets of an .xlsx, in tab order, with the parsed workbook part to edit. */
async function workbookSheets(bytes) {
  // The package helpers the CLI itself uses, compiled to lib/ by the build above.
  const xml = require(join(ROOT, "lib", "gateway", "xlsx", "package", "xml.js"));
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const doc = xml.parseXml(await zip.file("xl/workbook.xml").async("string"));
  const root = xml.rootOf(doc);
  const prefix = xml.prefixOf(xml.tagOf(root));
  const sheets = xml.childElements(xml.childElement(root, "sheets", prefix), "sheet", prefix);
  const views = xml.childElements(xml.childElement(root, "bookViews", prefix) ?? {}, "workbookView", prefix);
  return { xml, zip, doc, sheets, views };
}

/** Marks the sheet at `index` as the only selected tab (tabSelected on each worksheet's sheetView). */
async function selectOnly(copy, index) {
  const { xml, zip } = copy;
  const rels = xml.parseXml(await zip.file("xl/_rels/workbook.xml.rels").async("string"));
  const relsRoot = xml.rootOf(rels);
  const targets = new Map(
    xml
      .childElements(relsRoot, "Relationship", xml.prefixOf(xml.tagOf(relsRoot)))
      .map((r) => [xml.attr(r, "Id"), xml.attr(r, "Target")]),
  );
  for (const [i, sheet] of copy.sheets.entries()) {
    const target = targets.get(xml.attr(sheet, "r:id"));
    if (!target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const file = zip.file(path);
    if (!file) continue;
    const doc = xml.parseXml(await file.async("string"));
    const root = xml.rootOf(doc);
    const p = xml.prefixOf(xml.tagOf(root));
    const views = xml.childElement(root, "sheetViews", p);
    for (const view of views ? xml.childElements(views, "sheetView", p) : []) {
      if (i === index) xml.setAttr(view, "tabSelected", "1");
      else xml.removeAttr(view, "tabSelected");
    }
    zip.file(path, xml.buildXml(doc));
  }
}

/**
 * Copies of the generated workbook with one of the report's sheets (those the input does not have) visible and the
 * others hidden: LibreOffice then prints that sheet alone, its page numbers counting its own pages.
 */
async function reportSheetsOnTheirOwn(input, xlsx, name) {
  const before = await workbookSheets(readFileSync(input));
  const inputNames = new Set(before.sheets.map((s) => before.xml.attr(s, "name")));
  const { sheets } = await workbookSheets(readFileSync(xlsx));
  const targets = sheets
    .map((s, index) => ({ index, name: before.xml.attr(s, "name"), state: before.xml.attr(s, "state") }))
    .filter((s) => !inputNames.has(s.name) && (s.state ?? "visible") === "visible");
  const written = [];
  for (const target of targets) {
    const copy = await workbookSheets(readFileSync(xlsx));
    copy.sheets.forEach((s, i) => {
      if (i !== target.index && (copy.xml.attr(s, "state") ?? "visible") === "visible")
        copy.xml.setAttr(s, "state", "hidden");
    });
    // The active tab must be the visible sheet: a workbook without a view (as exceljs writes it) opens on its first
    // sheet, and LibreOffice shows — and prints — an active sheet even when it is hidden.
    if (copy.views.length === 0) {
      const { xml } = copy;
      const root = xml.rootOf(copy.doc);
      const p = xml.prefixOf(xml.tagOf(root));
      const view = xml.element(`${p}workbookView`);
      xml.insertInOrder(root, xml.element(`${p}bookViews`, {}, [view]), ["sheets"]);
      copy.views.push(view);
    }
    for (const v of copy.views) {
      copy.xml.setAttr(v, "activeTab", String(target.index));
      copy.xml.setAttr(v, "firstSheet", String(target.index));
    }
    // Nor may another sheet stay selected: LibreOffice prints the selected sheets too.
    await selectOnly(copy, target.index);
    copy.zip.file("xl/workbook.xml", copy.xml.buildXml(copy.doc));
    const path = join(OUT_DIR, `${name}-sheet-${written.length + 1}.xlsx`);
    writeFileSync(path, await copy.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    written.push({ path, sheet: target.name });
  }
  return written;
}

/** Warns when a face the conversion relies on resolves to something else (its package is not installed). */
function warnMissingFaces() {
  const wanted = {
    Calibri: "Carlito",
    宋体: "Noto Serif CJK SC",
    仿宋: "AR PL UMing CN",
    楷体: "AR PL UKai CN",
    黑体: "Noto Sans CJK SC",
  };
  for (const [family, face] of Object.entries(wanted)) {
    const r = spawnSync("fc-match", [family], {
      encoding: "utf8",
      env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG },
    });
    if (r.status === 0 && !r.stdout.includes(face))
      process.stderr.write(
        `preview-pdf: "${family}" resolves to ${r.stdout.trim()}, not ${face}; the PDF will not look as printed from Excel (install its package, see the header of this script).\n`,
      );
  }
}

async function main() {
  need("soffice");
  need("pdftoppm");
  warnMissingFaces();
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

  const onTheirOwn = await reportSheetsOnTheirOwn(input, xlsx, name);

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
      ...onTheirOwn.map((w) => w.path),
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
  for (const w of onTheirOwn) {
    const sheetPdf = w.path.replace(/\.xlsx$/, ".pdf");
    if (!existsSync(sheetPdf)) {
      process.stderr.write(`preview-pdf: LibreOffice did not write ${sheetPdf}.\n`);
      process.exit(2);
    }
    execFileSync("pdftoppm", ["-png", "-r", "60", sheetPdf, sheetPdf.replace(/\.pdf$/, "")], {
      stdio: "inherit",
    });
    process.stdout.write(`PDF (${w.sheet} on its own): ${sheetPdf}\n`);
  }
  if (process.argv.includes("--readme")) {
    const first = readdirSync(OUT_DIR)
      .filter((f) => f.startsWith(`${name}-word-`) && f.endsWith(".png"))
      .sort()[0];
    mkdirSync(README_PICTURES, { recursive: true });
    const target = join(README_PICTURES, `word-report-${lang}.png`);
    copyFileSync(join(OUT_DIR, first), target);
    process.stdout.write(`README picture: ${target}\n`);
    // The chart's page: the one whose text has the chart's caption ("图 1" / "Figure 1.").
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [docxPdf], { encoding: "utf8" }))?.[1] ?? 0,
    );
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), docxPdf, "-"], {
        encoding: "utf8",
      });
      if (!/图 1|Figure 1\./.test(text)) continue;
      const stem = join(OUT_DIR, `${name}-word-chart`);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "100",
        "-f",
        String(page),
        "-l",
        String(page),
        "-singlefile",
        docxPdf,
        stem,
      ]);
      const chartTarget = join(README_PICTURES, `word-report-chart-${lang}.png`);
      copyFileSync(`${stem}.png`, chartTarget);
      process.stdout.write(`README picture: ${chartTarget} (page ${page})\n`);
      break;
    }
  }

  process.stdout.write(`PDF: ${pdf}\nPDF: ${docxPdf}\n`);
  const pngs = readdirSync(OUT_DIR)
    .filter((f) => f.startsWith(name) && f.endsWith(".png"))
    .sort();
  for (const f of pngs) process.stdout.write(`${join(OUT_DIR, f)}\n`);
}

main().catch((error) => {
  process.stderr.write(`preview-pdf: ${error.message}\n`);
  process.exit(2);
});
