/** One rule for which cells a host marks and in which colour: the worst finding of a cell decides, up to a limit. */
import type { Finding, Severity } from "../../src/engine/findings";
import { MAX_HIGHLIGHTED_CELLS, isWorse, marksBySheet, worstMarks } from "../../src/engine/marks";

function finding(severity: Severity, ...cells: [string, string][]): Finding {
  return {
    rule: "sum.row",
    severity,
    cells: cells.map(([sheet, address]) => ({ sheet, address })),
    expectedFen: null,
    actualFen: null,
    differenceFen: null,
    message: { "zh-CN": "", "en-US": "" },
  };
}

describe("worstMarks", () => {
  it("expands ranges to cells and gives each the severity of its worst finding, whatever the order", () => {
    const marks = worstMarks([
      finding("notice", ["表二", "C5:D5"]),
      finding("error", ["表二", "D5"], ["表一", "B4"]),
      finding("warning", ["表二", "D5"], ["表二", "C5"]),
    ]);
    expect([...marks.cells.values()]).toEqual([
      { sheet: "表二", address: "C5", severity: "warning" },
      { sheet: "表二", address: "D5", severity: "error" },
      { sheet: "表一", address: "B4", severity: "error" },
    ]);
    expect(marks.truncated).toBe(false);
  });

  it("marks at most the limit of cells, says it cut, and still lets a counted cell turn worse", () => {
    const marks = worstMarks(
      [finding("notice", ["S", "A1:A3"]), finding("error", ["S", "A1"], ["S", "B1"])],
      3,
    );
    expect([...marks.cells.values()].map((c) => `${c.address}:${c.severity}`)).toEqual([
      "A1:error",
      "A2:notice",
      "A3:notice",
    ]);
    expect(marks.truncated).toBe(true);
    expect(worstMarks([finding("error", ["S", "A1:Z1000"])]).cells.size).toBe(MAX_HIGHLIGHTED_CELLS);
  });

  it("names no cell for an address that is not one", () => {
    expect(worstMarks([finding("error", ["S", "not a cell"], ["S", "B2"])]).cells.size).toBe(1);
  });
});

describe("marksBySheet and isWorse", () => {
  it("groups the marks by sheet, address to severity", () => {
    const bySheet = marksBySheet(worstMarks([finding("warning", ["表一", "B4"], ["表二", "C5"])]));
    expect([...bySheet].map(([sheet, cells]) => [sheet, [...cells]])).toEqual([
      ["表一", [["B4", "warning"]]],
      ["表二", [["C5", "warning"]]],
    ]);
  });

  it("orders error before warning before notice", () => {
    expect(isWorse("error", "warning")).toBe(true);
    expect(isWorse("warning", "notice")).toBe(true);
    expect(isWorse("notice", "error")).toBe(false);
    expect(isWorse("warning", "warning")).toBe(false);
  });
});
