/** What the grid shows for a cell: numbers in their format, merges as spans, fills and alignment from the workbook. */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { COVERED, columnWidthToPx, formatNumber, isCut, type SheetView } from "../../src/app/sheet-view";
import { displayText, sheetView } from "../../src/gateway/xlsx/sheet-view";

describe("formatNumber", () => {
  it.each([
    [10716.16, "#,##0.00", "10,716.16"],
    [-2567900, "#,##0.00", "-2,567,900.00"],
    [107161600, "#,##0", "107,161,600"],
    [1, "0.00%", "100.00%"],
    [0.8825, "0.0%", "88.3%"],
    [0.5, "0%", "50%"],
    [9.775, "0.00", "9.78"],
    [256.79, "0.00_);[Red](0.00)", "256.79"],
    [0.1 + 0.2, "General", "0.3"],
    [2023, undefined, "2023"],
    [12.5, "@", "12.5"],
    // The unit a format puts after the number, as the 核查结果 sheet writes amounts (issue 14 §3).
    [10716.16, '#,##0.00" 万元"', "10,716.16 万元"],
    [-0.01, '#,##0.00" 万元"', "-0.01 万元"],
    [2567900, '#,##0.00" 元"', "2,567,900.00 元"],
    [95, '0"分"', "95分"],
    [-256.79, "0.00_);[Red](0.00)", "(256.79)"],
    [0, '#,##0.00;-#,##0.00;"-"', "-"],
    [1234, "\\¥#,##0", "¥1,234"],
  ])("%p under %p reads %p", (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});

describe("displayText", () => {
  it("shows errors, dates and booleans as Excel does", () => {
    expect(displayText({ kind: "error", code: "#REF!" }, undefined)).toBe("#REF!");
    expect(displayText({ kind: "date", iso: "2023-12-31" }, undefined)).toBe("2023-12-31");
    expect(displayText({ kind: "date", iso: "2023-12-31T08:30:00" }, undefined)).toBe("2023-12-31 08:30:00");
    expect(displayText(true, undefined)).toBe("TRUE");
    expect(displayText(null, undefined)).toBe("");
    // The readers' code for a formula nobody calculated is not Excel's: sheetView shows the formula instead.
    expect(displayText({ kind: "error", code: "#UNCALCULATED" }, undefined)).toBe("");
  });
});

describe("columnWidthToPx", () => {
  it("uses Excel's 7 px per character plus padding, the default width when none is set", () => {
    expect(columnWidthToPx(10)).toBe(75);
    expect(columnWidthToPx(undefined)).toBe(64);
    expect(columnWidthToPx(500)).toBe(480);
  });
});

describe("sheetView", () => {
  function budgetSheet(): ExcelJS.Worksheet {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表一 预算执行情况");
    ws.getCell("A1").value = "2023年度部门整体支出预算执行情况表";
    ws.mergeCells("A1:D1");
    ws.getCell("A1").font = { bold: true };
    ws.getCell("A1").alignment = { horizontal: "center" };
    ws.getCell("A2").value = "年度资金总额";
    ws.getCell("B2").value = 10716.16;
    ws.getCell("B2").numFmt = "#,##0.00";
    ws.getCell("C2").value = { formula: "B2/B2", result: 1 };
    ws.getCell("C2").numFmt = "0.00%";
    ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    ws.getCell("A3").value = { richText: [{ text: "其中：" }, { text: "基本支出", font: { bold: true } }] };
    ws.getColumn(1).width = 20;
    return ws;
  }

  it("draws merges as spans over covered cells, with values formatted and styles kept", () => {
    const view = sheetView(budgetSheet(), false);
    expect(view.name).toBe("表一 预算执行情况");
    expect(view.totalRows).toBe(3);
    expect(view.totalCols).toBe(4);
    expect(view.rows[0]).toEqual([
      {
        text: "2023年度部门整体支出预算执行情况表",
        style: { bold: true, align: "center" },
        colSpan: 4,
      },
      COVERED,
      COVERED,
      COVERED,
    ]);
    expect(view.rows[1]).toEqual([
      { text: "年度资金总额" },
      { text: "10,716.16" },
      { text: "100.00%" },
      { text: "", style: { fill: "#FFC7CE" } },
    ]);
    expect(view.rows[2]).toEqual([{ text: "其中：基本支出" }, null, null, null]);
    expect(view.columnWidths).toEqual([145, 64, 64, 64]);
    expect(isCut(view)).toBe(false);
  });

  it("shows a formula saved without a calculated result as the formula, where the checker reports it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("支出决算表");
    ws.getCell("A1").value = "合计";
    ws.getCell("B1").value = { formula: "B2+B3" } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: "C2+C3", result: 15 };
    ws.getCell("C1").numFmt = "#,##0.00";
    // Loaded from bytes, as the preview loads the user's file: exceljs wrote B1 without a <v>.
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const view = sheetView(loaded.getWorksheet("支出决算表") as ExcelJS.Worksheet, false);
    expect(view.rows[0]).toEqual([{ text: "合计" }, { text: "=B2+B3" }, { text: "15.00" }]);
  });

  it("cuts a sheet larger than the viewer draws and says so", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    ws.getCell(1500, 1).value = "最后一行";
    ws.getCell(1, 80).value = "最后一列";
    const view: SheetView = sheetView(ws, true);
    expect(view.rows).toHaveLength(1000);
    expect(view.columnWidths).toHaveLength(60);
    expect(view.totalRows).toBe(1500);
    expect(view.totalCols).toBe(80);
    expect(view.report).toBe(true);
    expect(isCut(view)).toBe(true);
  });
});
