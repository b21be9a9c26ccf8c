/**
 * The committed real-filings corpus cannot drift from its data: every filings/*.json validates, every built .xlsx reads
 * back (values and merges, with exceljs) exactly as its JSON says, and SOURCES.md is what the builder writes now.
 * After editing a JSON, rebuild with: npx ts-node --transpile-only scripts/make-real-fixtures.ts
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { sourcesMarkdown } from "../../scripts/make-real-fixtures";
import {
  columnLetters,
  FilingFormatError,
  unshownCells,
  validateFiling,
  type Cell,
  type Filing,
} from "./corpus-format";
import { expectedSheets, readBack } from "./corpus-xlsx";
import { filingFiles, loadFilings, SOURCES_PATH, XLSX_DIR, xlsxPathOf } from "./corpus-files";

const filings: Filing[] = loadFilings();

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
      expect(await readBack(readFileSync(xlsxPathOf(filing)))).toEqual(expectedSheets(filing));
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

  it("accepts an indicator the page shows without name or target, and one the rules cannot score", () => {
    const patched = broken((f) => {
      (f.expected as { indicators: unknown[] }).indicators = [
        { name: null, target: null, actual: "28种", weight: 1, ruleScore: null, why: "target illegible" },
      ];
    });
    expect(() => validateFiling(patched, file)).not.toThrow();
  });

  it("accepts cells the page does not show and findings it cannot judge, and lists every unshown cell", () => {
    const patched = broken((f) => {
      const sheet = (f.sheets as { name: string; rows: Cell[][]; unshown?: string[] }[])[0];
      sheet.rows.push([null, null, null]);
      const last = sheet.rows.length;
      sheet.unshown = [`B${last}:C${last}`];
      (f.expected as { unjudged?: unknown[] }).unjudged = [
        { cell: `${sheet.name}!A1`, why: "a total over rows the page cuts off" },
        { cell: null, why: "the page is cut before the tables" },
      ];
    });
    const filing = validateFiling(patched, file);
    const name = filing.sheets[0].name;
    const last = filing.sheets[0].rows.length;
    expect([...unshownCells(filing.sheets)]).toEqual([`${name}!B${last}`, `${name}!C${last}`]);
  });

  it.each<[string, (f: Record<string, unknown>) => void, string]>([
    [
      "a figure transcribed into a cell marked unshown",
      (f) => ((f.sheets as { unshown?: string[] }[])[0].unshown = ["A1"]),
      "sheets[0].rows[0][0]",
    ],
    [
      "an unshown range outside the rows",
      (f) => ((f.sheets as { unshown?: string[] }[])[0].unshown = ["A9999:B9999"]),
      "sheets[0].unshown[0]",
    ],
    [
      "a mistake at a cell the page does not show",
      (f) => {
        const sheet = (f.sheets as { name: string; rows: Cell[][]; unshown?: string[] }[])[0];
        sheet.rows.push([null]);
        sheet.unshown = [`A${sheet.rows.length}`];
        (f.expected as { mistakes: unknown[] }).mistakes = [
          { cell: `${sheet.name}!A${sheet.rows.length}`, kind: "other", what: "x" },
        ];
      },
      "expected.mistakes[0].cell",
    ],
    [
      "an unjudged finding without a reason",
      (f) => ((f.expected as { unjudged?: unknown[] }).unjudged = [{ cell: null, why: "" }]),
      "expected.unjudged[0].why",
    ],
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
