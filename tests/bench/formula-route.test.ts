/**
 * The bench's comparison is only fair if the HyperFormula route checks what the engine checks: on a consistent
 * generated workbook both find nothing, and on the copy with one row in ten wrong they find the same mismatches.
 * Also the small helpers the bench's tables and its task-pane part rely on.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { withFaults } from "../../bench/engine-timing";
import { formulaSheet, runFormulaRoute } from "../../bench/formula-route";
import { EXPENDITURE_TOTAL_ROW, SHEETS, generateWorkbook } from "../../bench/generate";
import { median, ratio, table } from "../../bench/stats";
import { scriptSources } from "../../bench/taskpane-weight";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxFileStreaming } from "../../src/gateway/xlsx/read-stream";

function expenditureSheet(snapshot: WorkbookSnapshot) {
  const sheet = snapshot.sheets.find((s) => s.name === SHEETS.expenditure);
  if (!sheet) throw new Error("no expenditure sheet");
  return sheet;
}

describe("the HyperFormula route", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-formulas-"));
    snapshot = await readXlsxFileStreaming((await generateWorkbook(join(dir, "rows.xlsx"), 200)).path);
  });

  it("writes one row check per data row and three column checks per aggregate", () => {
    const sheet = formulaSheet(expenditureSheet(snapshot), EXPENDITURE_TOTAL_ROW);
    // 200 subject rows and the 合计 row; 15 full 类 of 3 款 plus the partial 16th (201…), each with its 款.
    const aggregates = snapshot.sheets[1].values.filter(
      (r) => typeof r[0] === "string" && /^\d{3}(\d{2})?$/.test(r[0]),
    );
    expect(sheet.checks.filter(([, c]) => c === 6)).toHaveLength(201);
    expect(sheet.checks.filter(([, c]) => c > 6)).toHaveLength((aggregates.length + 1) * 3);
    expect(sheet.cells[4][6]).toBe("=ROUND(C5-SUM(D5:E5),2)");
    expect(sheet.cells[6][7]).toBe("=ROUND(C7-SUM(C8:C10),2)"); // 20101 over its three 项
    expect(sheet.cells[5][8]).toBe("=ROUND(D6-SUM(D7,D11,D15),2)"); // 201 over its three 款
    expect(String(sheet.cells[4][9]).startsWith("=ROUND(E5-SUM(E6,E19,")).toBe(true); // 合计 over the 类
    expect(sheet.cells[5][0]).toBe("'201");
  });

  it("finds nothing where the engine finds nothing, and the same mismatches where it finds them", () => {
    const clean = runFormulaRoute(formulaSheet(expenditureSheet(snapshot), EXPENDITURE_TOTAL_ROW));
    expect(clean.mismatches).toBe(0);
    expect(evaluateWorkbook(snapshot).findings).toEqual([]);

    const faulty = withFaults(snapshot);
    const sums = evaluateWorkbook(faulty).findings.filter(
      (f) => f.rule === "sum.row" || f.rule === "sum.column",
    );
    const formulas = runFormulaRoute(formulaSheet(expenditureSheet(faulty), EXPENDITURE_TOTAL_ROW));
    expect(sums.length).toBeGreaterThan(20);
    expect(formulas.mismatches).toBe(sums.length);
  });
});

describe("bench helpers", () => {
  it("takes medians and ratios", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 3)).toBe(0.33);
  });

  it("lines up a table, numbers right and text left, CJK counted double", () => {
    expect(
      table(
        "T",
        ["名称", "ms"],
        [
          ["甲", 1234.5],
          ["abc", 7],
        ],
      ),
    ).toBe(["T", "名称  ms     ", "----  -------", "甲    1,234.5", "abc         7", ""].join("\n"));
  });

  it("lists the scripts of a minified page, quoted or not", () => {
    const html =
      "<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=react.1.js></script>" +
      '<script defer="defer" src="taskpane.2.js"></script><script>inline()</script><script src=\'a.js\'></script>';
    expect(scriptSources(html)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "react.1.js",
      "taskpane.2.js",
      "a.js",
    ]);
  });
});
