import {
  MARKER_SHEET_NAME,
  buildMarkerRows,
  buildReport,
  fingerprintMatches,
  isOwnedSheet,
  mayBeReportSheetName,
  ownedSheetsFrom,
  parseMarkerEntries,
  parseMarkerRows,
  planSheetNames,
  planSheetNamesFrom,
  reportFingerprints,
  specFingerprint,
  withoutOwnedSheets,
  type SheetSpec,
  type SheetState,
} from "../../../src/engine/report/index";
import { sheet, workbook } from "../../helpers/grid";
import { seedFindings, seedInput } from "./fixture";

const NAMES = { table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" } as const;
const PRINTS = {
  table: "A1:H26|2023年度部门整体支出绩效自评表",
  report: "A1:A41,A1:D41|岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告",
  findings: "A1:H9|核查结果",
} as const;

/** A sheet's state as a gateway reads it: A1's value and the values' bounding box, from an A1 address. */
function state(a1: unknown, used: string | null): SheetState {
  if (used === null) return { a1, used: null };
  const [from, to = from] = used.split(":");
  const cell = (a: string) => ({ row: Number(a.slice(1)) - 1, col: a.charCodeAt(0) - 65 });
  const f = cell(from);
  const t = cell(to);
  return { a1, used: { top: f.row, left: f.col, bottom: t.row, right: t.col } };
}

describe("planSheetNames", () => {
  it("takes the default names in a workbook that has none of them", () => {
    expect(planSheetNames(["表一 预算执行", "Sheet1"], [], "zh-CN")).toEqual({
      table: "绩效自评表",
      report: "自评报告",
      findings: "核查结果",
    });
    expect(planSheetNames(["Sheet1"], [], "en-US")).toEqual({
      table: "Self-Evaluation Table",
      report: "Self-Evaluation Report",
      findings: "Check Results",
    });
  });

  it("never takes a name held by a sheet that is not ours: the next free 名 (2), 名 (3)", () => {
    expect(planSheetNames(["核查结果", "自评报告", "自评报告 (2)"], [], "zh-CN")).toEqual({
      table: "绩效自评表",
      report: "自评报告 (3)",
      findings: "核查结果 (2)",
    });
  });

  it("compares names as Excel does, without regard to case", () => {
    expect(planSheetNames(["CHECK RESULTS"], [], "en-US").findings).toBe("Check Results (2)");
  });

  it("re-uses the names of sheets we made before, and only those", () => {
    const existing = ["核查结果", "绩效自评表", "自评报告", "核查结果 (2)", MARKER_SHEET_NAME];
    // The user's own 核查结果 stays theirs; our earlier 核查结果 (2) is replaced.
    expect(planSheetNames(existing, ["绩效自评表", "自评报告", "核查结果 (2)"], "zh-CN")).toEqual({
      table: "绩效自评表",
      report: "自评报告",
      findings: "核查结果 (2)",
    });
  });

  it("never names a sheet like the marker, and keeps names within Excel's 31 characters", () => {
    const plan = planSheetNamesFrom([MARKER_SHEET_NAME, "A".repeat(31)], [], {
      table: MARKER_SHEET_NAME,
      report: "A".repeat(40),
      findings: "核查结果",
    });
    expect(plan).toEqual({ table: "_selfeval (2)", report: `${"A".repeat(27)} (2)`, findings: "核查结果" });
    expect(plan.report).toHaveLength(31);
  });
});

describe("the _selfeval marker", () => {
  it("lists our sheet names in column A, their keys in column B and their fingerprints in column C", () => {
    const rows = buildMarkerRows(NAMES, PRINTS);
    expect(rows).toEqual([
      ["绩效自评表", "table", "A1:H26|2023年度部门整体支出绩效自评表"],
      ["自评报告", "report", "A1:A41,A1:D41|岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告"],
      ["核查结果 (2)", "findings", "A1:H9|核查结果"],
    ]);
    expect(parseMarkerRows(rows)).toEqual(["绩效自评表", "自评报告", "核查结果 (2)"]);
    expect(parseMarkerEntries(rows)[2]).toEqual({
      name: "核查结果 (2)",
      key: "findings",
      fingerprint: "A1:H9|核查结果",
    });
  });

  it("reads column A only, skipping blanks, numbers and repeats", () => {
    expect(
      parseMarkerRows([["绩效自评表"], [null, "x"], [42], ["  "], ["自评报告"], ["绩效自评表"]]),
    ).toEqual(["绩效自评表", "自评报告"]);
    // Entries keep a name listed twice (a run under way records the old and the new fingerprint).
    expect(
      parseMarkerEntries([
        ["绩效自评表", "table", "A1|x"],
        ["绩效自评表", 7, 8],
        [null, "report"],
      ]),
    ).toEqual([
      { name: "绩效自评表", key: "table", fingerprint: "A1|x" },
      { name: "绩效自评表", key: "", fingerprint: "" },
    ]);
  });

  it("tells our sheets (and the marker) from the user's", () => {
    expect(isOwnedSheet("核查结果 (2)", ["核查结果 (2)"])).toBe(true);
    expect(isOwnedSheet("_SELFEVAL", [])).toBe(true);
    expect(isOwnedSheet("核查结果", ["核查结果 (2)"])).toBe(false);
  });

  it("leaves only the user's sheets for a re-run to evaluate", () => {
    const wb = workbook(
      sheet("表一", [["年度资金总额", 100]]),
      sheet("绩效自评表", [["2023年度部门整体支出绩效自评表"]]),
      sheet(MARKER_SHEET_NAME, [["绩效自评表"]], { hidden: true }),
    );
    expect(withoutOwnedSheets(wb, ["绩效自评表"]).sheets.map((s) => s.name)).toEqual(["表一"]);
  });
});

describe("fingerprints of the sheets we write", () => {
  // The seed with its error read as a warning, so A1 holds the titles rather than the banner.
  const spec = buildReport(
    seedInput({ findings: seedFindings().map((f) => ({ ...f, severity: "warning" as const })) }),
    "zh-CN",
  );

  it("are the title in A1 and the address of the values, with the merges' reach where it differs", () => {
    // 核查结果 as the seed (error included) writes it; the other two without the banner.
    const findings = reportFingerprints(buildReport(seedInput(), "zh-CN")).findings;
    expect({ ...reportFingerprints(spec), findings }).toEqual(PRINTS);
    expect(reportFingerprints(buildReport(seedInput(), "zh-CN")).table).toBe(
      "A1:H27|核查发现 1 项错误，详见核查结果",
    );
  });

  it("ignore empty strings and styled empty cells, as both hosts do", () => {
    const bare: SheetSpec = {
      ...spec.sheets[2],
      cells: [
        { row: 0, col: 0, value: "核查结果", styleId: "title" },
        { row: 1, col: 3, value: 12.5, styleId: "title" },
        { row: 2, col: 5, value: "", styleId: "title" },
        { row: 4, col: 6, value: null, styleId: "title" },
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    };
    expect(specFingerprint(bare)).toBe("A1:D2|核查结果");
    expect(specFingerprint({ ...bare, cells: [], merges: [] })).toBe("|");
  });

  it("match a sheet with the same title and either reading of its used range, and nothing else", () => {
    expect(fingerprintMatches(PRINTS.findings, state("核查结果", "A1:H9"))).toBe(true);
    expect(fingerprintMatches(PRINTS.report, state(spec.sheets[1].cells[0].value, "A1:A41"))).toBe(true);
    expect(fingerprintMatches(PRINTS.report, state(spec.sheets[1].cells[0].value, "A1:D41"))).toBe(true);
    // A note typed under the table, a different title, an emptied sheet, nothing recorded.
    expect(fingerprintMatches(PRINTS.findings, state("核查结果", "A1:H11"))).toBe(false);
    expect(fingerprintMatches(PRINTS.findings, state("我的核查记录", "A1:H9"))).toBe(false);
    expect(fingerprintMatches(PRINTS.findings, state("", null))).toBe(false);
    expect(fingerprintMatches("", state("核查结果", "A1:H9"))).toBe(false);
    // A number in A1 compares by its text.
    expect(fingerprintMatches("A1:B2|2023", state(2023, "A1:B2"))).toBe(true);
  });
});

describe("ownedSheetsFrom", () => {
  const rows = buildMarkerRows(NAMES, PRINTS);
  const ours = new Map<string, SheetState>([
    ["绩效自评表", state("2023年度部门整体支出绩效自评表", "A1:H26")],
    ["自评报告", state("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告", "A1:A41")],
    ["核查结果 (2)", state("核查结果", "A1:H9")],
  ]);

  it("owns the listed sheets that still carry their fingerprint", () => {
    expect(ownedSheetsFrom(rows, ours)).toEqual(["绩效自评表", "自评报告", "核查结果 (2)"]);
  });

  it("leaves a listed name to the user when the sheet there is theirs or was changed beyond our cells", () => {
    const theirs = new Map(ours);
    theirs.set("核查结果 (2)", state("2024年核查记录", "A1:C5")); // ours deleted, the user's made under the name
    theirs.set("绩效自评表", state("2023年度部门整体支出绩效自评表", "A1:H30")); // the user added notes below
    expect(ownedSheetsFrom(rows, theirs)).toEqual(["自评报告"]);
  });

  it("does not own a listed sheet that is gone, nor one listed without a fingerprint (an older marker)", () => {
    const gone = new Map(ours);
    gone.delete("自评报告");
    expect(ownedSheetsFrom(rows, gone)).toEqual(["绩效自评表", "核查结果 (2)"]);
    expect(ownedSheetsFrom([["绩效自评表", "table"]], ours)).toEqual([]);
  });

  it("matches names without regard to case and returns them as the workbook spells them", () => {
    const upper = new Map([["CHECK RESULTS", state("Check Results", "A1:H9")]]);
    expect(ownedSheetsFrom([["Check Results", "findings", "A1:H9|Check Results"]], upper)).toEqual([
      "CHECK RESULTS",
    ]);
  });

  it("accepts either of two fingerprints listed for one name, and our temporary names whatever they hold", () => {
    const during = [
      ["绩效自评表", "table", "A1:H40|2023年度部门整体支出绩效自评表"],
      ["绩效自评表", "table", "A1:H26|2023年度部门整体支出绩效自评表"],
      ["_selfeval_table", "table", "A1:H40|2023年度部门整体支出绩效自评表"],
    ];
    const sheets = new Map([...ours, ["_selfeval_table", state(null, null)]]);
    expect(ownedSheetsFrom(during, sheets)).toEqual(["绩效自评表", "_selfeval_table"]);
  });
});

describe("mayBeReportSheetName", () => {
  it("is true for the names we give, in either language and numbered, and our temporary names", () => {
    for (const name of [
      "绩效自评表",
      "自评报告 (2)",
      "核查结果 (13)",
      "CHECK RESULTS",
      "Self-Evaluation Table (3)",
    ])
      expect([name, mayBeReportSheetName(name)]).toEqual([name, true]);
    expect(mayBeReportSheetName("_selfeval_old_1")).toBe(true);
    expect(mayBeReportSheetName("我的表 (2)", ["我的表"])).toBe(true);
  });

  it("is false for the user's other names", () => {
    for (const name of [
      "表一 预算执行",
      "核查结果 (1)",
      "核查结果(2)",
      "核查结果 (2) 备份",
      "Sheet1",
      MARKER_SHEET_NAME,
    ])
      expect([name, mayBeReportSheetName(name)]).toEqual([name, false]);
  });
});
