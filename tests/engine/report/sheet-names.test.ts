import {
  MARKER_SHEET_NAME,
  buildMarkerRows,
  isOwnedSheet,
  parseMarkerRows,
  planSheetNames,
  planSheetNamesFrom,
  withoutOwnedSheets,
} from "../../../src/engine/report/index";
import { sheet, workbook } from "../../helpers/grid";

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
  it("lists our sheet names in column A and their keys in column B", () => {
    const rows = buildMarkerRows({ table: "绩效自评表", report: "自评报告", findings: "核查结果 (2)" });
    expect(rows).toEqual([
      ["绩效自评表", "table"],
      ["自评报告", "report"],
      ["核查结果 (2)", "findings"],
    ]);
    expect(parseMarkerRows(rows)).toEqual(["绩效自评表", "自评报告", "核查结果 (2)"]);
  });

  it("reads column A only, skipping blanks, numbers and repeats", () => {
    expect(
      parseMarkerRows([["绩效自评表"], [null, "x"], [42], ["  "], ["自评报告"], ["绩效自评表"]]),
    ).toEqual(["绩效自评表", "自评报告"]);
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
