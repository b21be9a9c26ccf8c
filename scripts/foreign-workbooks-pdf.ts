/**
 * `npx ts-node --transpile-only scripts/foreign-workbooks-pdf.ts`: adds the report to every workbook of the
 * foreign-workbooks corpus (tests/fixtures/foreign) with the package writer and has LibreOffice (headless) print each
 * output to PDF — the "opens cleanly elsewhere" half of issue 16's proof, too slow for jest (about 10 s a file).
 * Prints one line per file and exits 1 when a conversion fails or a PDF has fewer pages than the workbook has
 * visible sheets. Writes under tmp/foreign-pdf/ (ignored). Needs `soffice` on PATH.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { evaluateWorkbook } from "../src/engine/evaluate";
import { buildReport, withoutOwnedSheets } from "../src/engine/report/index";
import { addReportToPackage, ownedSheetsInPackage } from "../src/gateway/xlsx/package/index";
import { readXlsxFileStreaming } from "../src/gateway/xlsx/read-stream";

const ROOT = resolve(__dirname, "..");
const CORPUS = join(ROOT, "tests", "fixtures", "foreign");
const OUT = join(ROOT, "tmp", "foreign-pdf");

/** Pages of a PDF: its /Type /Page objects (not the /Pages tree nodes). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function main(): Promise<void> {
  if (spawnSync("which", ["soffice"]).status !== 0) {
    process.stderr.write(
      "foreign-workbooks-pdf: soffice is not on PATH (apt-get install libreoffice-calc-nogui)\n",
    );
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(CORPUS)
    .filter((f) => /\.xls[xm]$/.test(f))
    .sort();
  const visible = new Map<string, number>();
  for (const file of files) {
    const path = join(CORPUS, file);
    const bytes = new Uint8Array(readFileSync(path));
    // Every package of the corpus is read, prefixed spreadsheetml included (xml-namespaces.ts).
    const snapshot = await readXlsxFileStreaming(path);
    const owned = await ownedSheetsInPackage(bytes);
    const spec = buildReport(evaluateWorkbook(withoutOwnedSheets(snapshot, owned), {}), "zh-CN");
    const out = await addReportToPackage(bytes, spec);
    // LibreOffice names the PDF after the file; .xlsm keeps its extension so its macro part is what LibreOffice opens.
    writeFileSync(join(OUT, file), out.bytes);
    visible.set(file, snapshot.sheets.filter((s) => !s.hidden).length + spec.sheets.length);
  }
  const profile = join(OUT, "profile");
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      OUT,
      ...files.map((f) => join(OUT, f)),
    ],
    { encoding: "utf8" },
  );
  let failed = run.status !== 0;
  if (failed) process.stderr.write(`soffice exited with ${run.status}: ${run.stderr}\n`);
  for (const file of files) {
    const pdf = join(OUT, file.replace(/\.xls[xm]$/, ".pdf"));
    const pages = existsSync(pdf) ? pageCount(readFileSync(pdf)) : 0;
    const ok = pages >= (visible.get(file) ?? 1);
    if (!ok) failed = true;
    process.stdout.write(
      `${ok ? "ok  " : "FAIL"} ${file}: ${pages} pages, ${visible.get(file)} visible sheets\n`,
    );
  }
  process.exit(failed ? 1 : 0);
}

void main();
