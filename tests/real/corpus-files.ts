/** Where the real-filings corpus lives and how it is loaded, shared by the builder, the drift test and the scoreboard. */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { validateFiling, type Filing } from "./corpus-format";

export const REAL_DIR = join(__dirname, "..", "fixtures", "real");
export const FILINGS_DIR = join(REAL_DIR, "filings");
export const XLSX_DIR = join(REAL_DIR, "xlsx");
export const SOURCES_PATH = join(REAL_DIR, "SOURCES.md");

export function filingFiles(): string[] {
  return readdirSync(FILINGS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

/** Reads and validates one filing; a malformed one throws FilingFormatError naming the file and the field. */
export function loadFiling(file: string): Filing {
  const text = readFileSync(join(FILINGS_DIR, file), "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file}: not valid JSON (${(cause as Error).message})`);
  }
  return validateFiling(data, file);
}

export function loadFilings(): Filing[] {
  return filingFiles().map(loadFiling);
}

export function xlsxPathOf(filing: Filing): string {
  return join(XLSX_DIR, `${filing.id}.xlsx`);
}
