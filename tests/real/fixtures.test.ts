/**
 * The committed real-filings corpus cannot drift from its data: every filings/*.json validates, every built .xlsx reads
 * back (values and merges, with exceljs) exactly as its JSON says, and SOURCES.md is what the builder writes now.
 * After editing a JSON, rebuild with: npx ts-node --transpile-only scripts/make-real-fixtures.ts
 */
import ExcelJS from "exceljs";
import { existsSync, readdirSync, readFileSync } from "fs";
import { sourcesMarkdown } from "../../scripts/make-real-fixtures";
import { columnLetters, FilingFormatError, validateFiling, type Cell, type Filing } from "./corpus-format";
import { filingFiles, loadFilings, SOURCES_PATH, XLSX_DIR, xlsxPathOf } from "./corpus-files";

const filings: Filing[] = loadFilings();

/** Every cell of a worksheet as the grid the JSON describes: covered merge cells and blanks are null. */
function gridOf(ws: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value;
      if (v === null || v === undefined) return;
      if (typeof v !== "string" && typeof v !== "number")
        throw new Error(`${ws.name}!${cell.address}: unexpected ${typeof v}`);
      while (rows.length < r) rows.push([]);
      const line = rows[r - 1];
      while (line.length < c) line.push(null);
      line[c - 1] = v;
    });
  });
  return rows;
}

/** The JSON's rows with trailing nulls and trailing empty rows dropped, so both sides compare as written cells. */
function trimmed(rows: readonly (readonly Cell[])[]): Cell[][] {
  const out = rows.map((row) => {
    const line = [...row];
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    return line;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe("real-filings corpus", () => {
  it("has filings, each validated, and an .xlsx for each and no other", () => {
    expect(filings.length).toBeGreaterThan(0);
    const built = readdirSync(XLSX_DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    expect(built).toEqual(filings.map((f) => `${f.id}.xlsx`).sort());
  });

  it("SOURCES.md is what the builder writes from the filings", () => {
    expect(readFileSync(SOURCES_PATH, "utf8")).toBe(sourcesMarkdown(filings));
  });

  describe.each(filingFiles())("%s", (file) => {
    const filing = filings.find((f) => `${f.id}.json` === file) as Filing;

    it("reads back from its .xlsx with the same sheets, values and merges", async () => {
      expect(existsSync(xlsxPathOf(filing))).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(xlsxPathOf(filing)) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(filing.sheets.map((s) => s.name));
      for (const sheet of filing.sheets) {
        const ws = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
        expect(trimmed(gridOf(ws))).toEqual(trimmed(sheet.rows));
        const merges = (ws.model as unknown as { merges: string[] }).merges;
        expect([...merges].sort()).toEqual([...sheet.merges].sort());
      }
    });
  });
});

describe("corpus format validation", () => {
  const good = filings[0];
  const broken = (patch: (f: Record<string, unknown>) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    patch(copy);
    return copy;
  };
  const file = `${good.id}.json`;

  it("accepts the committed filing as is", () => {
    expect(() => validateFiling(JSON.parse(JSON.stringify(good)), file)).not.toThrow();
  });

  it("accepts null where the page was unreadable or printed nothing, and 4-decimal amounts", () => {
    const copy = broken((f) => {
      const e = f.expected as Record<string, unknown>;
      e.indicators = [
        { name: null, target: null, actual: null, weight: null, ruleScore: null, why: "page cut" },
      ];
      e.unit = "万元";
      e.budget = { total: { executed: "207.4538" } };
      e.execution = null;
    });
    expect(() => validateFiling(copy, file)).not.toThrow();
    const noUnit = broken((f) => {
      const e = f.expected as Record<string, unknown>;
      e.unit = null;
      e.budget = null;
    });
    expect(() => validateFiling(noUnit, file)).not.toThrow();
  });

  it("still rejects an indicator's ruleScore that is neither a decimal nor null", () => {
    const attempt = (): unknown =>
      validateFiling(
        broken((f) => {
          const e = f.expected as { indicators: Record<string, unknown>[] };
          e.indicators = [{ name: "x", target: "1", actual: "1", weight: 1, ruleScore: "满分", why: "w" }];
        }),
        file,
      );
    expect(attempt).toThrow("expected.indicators[0].ruleScore:");
  });

  it.each<[string, (f: Record<string, unknown>) => void, string]>([
    ["an id unlike the file name", (f) => (f.id = "hunan-other-2023-dept"), "id"],
    ["an unknown form", (f) => (f.form = "unit"), "form"],
    ["a field outside the format", (f) => (f.extra = 1), "(root).extra"],
    [
      "a non-decimal expected amount",
      (f) => ((f.expected as { total: unknown }).total = "95分"),
      "expected.total",
    ],
    [
      "a value typed under a merge",
      (f) => {
        const sheet = (f.sheets as { rows: Cell[][]; merges: string[] }[])[0];
        sheet.merges = ["A1:B1"];
        sheet.rows[0][1] = "x";
      },
      "sheets[0].rows[0][1]",
    ],
    [
      "a mistake on a sheet that does not exist",
      (f) =>
        ((f.expected as { mistakes: unknown[] }).mistakes = [{ cell: "Nope!A1", kind: "sum", what: "x" }]),
      "expected.mistakes[0].cell",
    ],
  ])("rejects %s, naming the file and the field", (_, patch, field) => {
    const attempt = (): unknown => validateFiling(broken(patch), file);
    expect(attempt).toThrow(FilingFormatError);
    expect(attempt).toThrow(`${file}: ${field}:`);
  });

  it("names columns past Z as Excel does", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});
