/** @jest-environment jsdom */
/** The grid: Excel-like headers, merges as spans, marks and selection, text running over empty cells. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SheetGrid, expandAddresses, spillOf } from "../../src/preview/SheetGrid";
import { COVERED, type GridSlot, type SheetView } from "../../src/app/sheet-view";

const VIEW: SheetView = {
  name: "表一 预算执行情况",
  report: false,
  hidden: false,
  rows: [
    [
      { text: "2023年度部门整体支出预算执行情况表", style: { bold: true, align: "center" }, colSpan: 3 },
      COVERED,
      COVERED,
    ],
    [{ text: "单位：万元" }, null, null],
    [{ text: "  其中：基本支出" }, { text: "256.79" }, { text: "259.79", style: { fill: "#FFC7CE" } }],
  ],
  columnWidths: [100, 80, 70],
  totalRows: 3,
  totalCols: 3,
};

function renderGrid(selected: string[] = [], marks = new Map<string, "error" | "warning" | "notice">()) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid view={VIEW} marks={marks} selected={selected} selectionSeq={1} label="网格" emptyText="空" />
    </FluentProvider>,
  );
}

function td(address: string): HTMLElement {
  return document.querySelector<HTMLElement>(`td[data-address="${address}"]`)!;
}

describe("SheetGrid", () => {
  it("draws column letters, row numbers and merged cells as spans", () => {
    renderGrid();
    expect(screen.getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["A", "B", "C"]);
    expect(screen.getAllByRole("rowheader").map((th) => th.textContent)).toEqual(["1", "2", "3"]);
    expect(td("A1").getAttribute("colspan")).toBe("3");
    expect(td("B1")).toBeNull();
    expect(td("C3").style.backgroundColor).toBe("rgb(255, 199, 206)");
    // Leading spaces are the accountant's indentation and stay.
    expect(td("A3").textContent).toBe("  其中：基本支出");
    expect(td("B3").style.textAlign).toBe("right");
  });

  it("marks the finding cells in their severity and highlights the selection", () => {
    renderGrid(
      ["C3"],
      new Map([
        ["C3", "error"],
        ["B3", "warning"],
      ]),
    );
    expect(td("C3").getAttribute("data-mark")).toBe("error");
    expect(td("B3").getAttribute("data-mark")).toBe("warning");
    expect(td("A3").getAttribute("data-mark")).toBeNull();
    expect(td("C3").getAttribute("aria-selected")).toBe("true");
    expect(td("B3").getAttribute("aria-selected")).toBeNull();
    expect(td("C3").style.boxShadow).toBe("inset 0 0 0 2px #C50F1F, inset 0 0 0 4px #107C41");
  });

  it("lets text run over the empty cells to its right", () => {
    renderGrid();
    const span = td("A2").querySelector("span")!;
    expect(span.textContent).toBe("单位：万元");
    expect(span.style.width).toBe(`${100 + 80 + 70 - 8}px`);
    expect(td("A3").querySelector("span")).toBeNull();
  });

  it("shows a note for an empty sheet", () => {
    render(
      <SheetGrid
        view={{ ...VIEW, rows: [], columnWidths: [], totalRows: 0, totalCols: 0 }}
        marks={new Map()}
        selected={[]}
        selectionSeq={0}
        label="网格"
        emptyText="此工作表为空。"
      />,
    );
    expect(screen.getByText("此工作表为空。")).toBeTruthy();
  });
});

describe("spillOf", () => {
  const widths = [10, 20, 30, 40, 50];
  it("adds the empty cells to the right, up to the next one with content", () => {
    const row: GridSlot[] = [{ text: "长长的说明文字" }, null, null, { text: "x" }, null];
    expect(spillOf(row, 0, widths)).toEqual({ width: 60, toward: "right" });
    expect(spillOf(row, 3, widths)).toEqual({ width: 90, toward: "right" });
  });
  it("runs right-aligned text back over the empty cells to its left", () => {
    const row: GridSlot[] = [
      { text: "预算部门" },
      null,
      null,
      null,
      { text: "单位：万元", style: { align: "right" } },
    ];
    expect(spillOf(row, 4, widths)).toEqual({ width: 140, toward: "left" });
  });
  it("keeps numbers, wrapped, centred and merged cells in their own width", () => {
    expect(spillOf([{ text: "1,000.00" }, null], 0, widths)).toBeNull();
    expect(spillOf([{ text: "文字", style: { wrap: true } }, null], 0, widths)).toBeNull();
    expect(spillOf([{ text: "文字", style: { align: "center" } }, null], 0, widths)).toBeNull();
    expect(spillOf([{ text: "文字", colSpan: 2 }, COVERED, null], 0, widths)).toBeNull();
    expect(spillOf([{ text: "文字" }, { text: "" }], 0, widths)).toBeNull();
    expect(spillOf([null, { text: "文字" }], 1, widths)).toBeNull();
  });
});

describe("expandAddresses", () => {
  it("turns ranges into cells and skips what is not an address", () => {
    expect([...expandAddresses(["B4:C5", "E1", "not an address"])]).toEqual(["B4", "C4", "B5", "C5", "E1"]);
    expect(expandAddresses(["A1:Z1000"], 10).size).toBe(10);
  });
});
