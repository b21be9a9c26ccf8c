/**
 * 导出核查结果 as CSV, made to open cleanly in Excel:
 * - UTF-8 with a byte-order mark, without which Excel on Windows reads the file in the system code page and the
 *   Chinese turns into mojibake;
 * - RFC 4180 quoting (fields with a comma, a quote or a line break are quoted, quotes doubled) and CRLF line ends;
 * - text that starts with = + - @ (or a tab / carriage return) gets a leading apostrophe, because a spreadsheet would
 *   otherwise run it as a formula: finding messages quote the user's cells, and a cell may hold "=HYPERLINK(…)".
 *   Amounts are written as numbers, which cannot be formulas, so a negative difference stays a number.
 */
import { RULE_NAMES, SEVERITY_NAMES } from "../engine/report/findings-sheet";
import type { Finding } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { fenToUnitNumber, type MoneyUnit } from "../engine/money";
import { previewStrings } from "./strings";

/** U+FEFF, written first so Excel detects UTF-8. */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: text guarded against formula injection and quoted when needed; numbers as they are. */
export function csvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with the BOM and CRLF line ends (the last line ends too, as Excel writes it). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/** The cells of a finding: those on its first cell's sheet by address, the others as Sheet!A1. */
function cellsText(finding: Finding): string {
  const first = finding.cells[0];
  if (!first) return "";
  return finding.cells
    .map((c) => (c.sheet === first.sheet ? c.address : `${c.sheet}!${c.address}`))
    .join(" ");
}

function amount(fen: number | null, unit: MoneyUnit): number | null {
  return fen === null ? null : fenToUnitNumber(fen, unit);
}

/** One row per finding, amounts in the unit of the table they were read in (元 when the finding names none). */
export function findingsCsvRows(findings: readonly Finding[], lang: Lang): CsvValue[][] {
  const rows: CsvValue[][] = [[...previewStrings(lang).csvHeader]];
  for (const f of findings) {
    const unit: MoneyUnit = f.unit ?? "元";
    const hasAmount = f.expectedFen !== null || f.actualFen !== null || f.differenceFen !== null;
    rows.push([
      SEVERITY_NAMES[f.severity][lang],
      RULE_NAMES[f.rule]?.[lang] ?? f.rule,
      f.rule,
      f.cells[0]?.sheet ?? "",
      cellsText(f),
      hasAmount ? unit : "",
      amount(f.expectedFen, unit),
      amount(f.actualFen, unit),
      amount(f.differenceFen, unit),
      f.message[lang],
    ]);
  }
  return rows;
}

/** The whole 导出核查结果 file. */
export function findingsToCsv(findings: readonly Finding[], lang: Lang): string {
  return toCsv(findingsCsvRows(findings, lang));
}
