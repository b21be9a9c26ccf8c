/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// exceljs runs here as in Node (jsdom's default "browser" export condition would pick uuid's ES-module build).
/**
 * The preview's workbook side in a browser-like DOM: the sample opens by itself, the sheets show as tabs and a grid,
 * a broken workbook picked from disk gets its finding cells marked, a selection from the pane switches the tab and
 * highlights the cell, and the two downloads hand over the right bytes under the right names.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { generate } from "../../src/app/pipeline";
import { PreviewWorkbench } from "../../src/preview/PreviewWorkbench";
import { PreviewWorkbookHost } from "../../src/preview/xlsx-host";
import { BROKEN_CELL, BROKEN_SHEET, brokenSampleBytes, sampleBytes } from "./sample-workbook";

beforeAll(() => {
  // Browsers have structuredClone; jsdom does not. Cell styles are plain data, so a JSON copy is the same thing.
  if (!("structuredClone" in globalThis)) {
    (globalThis as unknown as { structuredClone: unknown }).structuredClone = (v: unknown) =>
      JSON.parse(JSON.stringify(v)) as unknown;
  }
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
});

function sampleFetch(): jest.Mock {
  const bytes = sampleBytes();
  return jest.fn(async () => ({
    ok: true,
    status: 200,
    arrayBuffer: async () => bytes.slice().buffer,
  }));
}

function renderBench(
  host: PreviewWorkbookHost,
  lang: "zh-CN" | "en-US" = "zh-CN",
  fetchImpl = sampleFetch(),
) {
  const save = jest.fn();
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <PreviewWorkbench
        host={host}
        lang={lang}
        fetchImpl={fetchImpl as unknown as typeof fetch}
        save={save}
      />
    </FluentProvider>,
  );
  return { ...utils, save, fetchImpl };
}

function grid(): HTMLElement {
  return screen.getByRole("region", { name: /^工作表“|^Contents of the sheet/ });
}

/** The sheet names on the tabs (Fluent draws a tab's text twice, once hidden to reserve the bold width). */
function tabNames(): (string | null)[] {
  return screen.getAllByRole("tab").map((t) => t.getAttribute("data-sheet"));
}

/** The tabs marked as report sheets. */
function reportTabs(): (string | null)[] {
  return screen
    .getAllByRole("tab")
    .filter((t) => within(t).queryAllByText("报告").length > 0)
    .map((t) => t.getAttribute("data-sheet"));
}

function cell(address: string): HTMLElement {
  const td = grid().querySelector<HTMLElement>(`td[data-address="${address}"]`);
  if (!td) throw new Error(`no cell ${address} in the grid`);
  return td;
}

describe("PreviewWorkbench", () => {
  it("opens the sample by itself and shows its sheets", async () => {
    const host = new PreviewWorkbookHost();
    const { fetchImpl } = renderBench(host);
    expect(await screen.findByText("当前工作簿：2023年度部门整体支出绩效自评-样例.xlsx")).toBeTruthy();
    expect(fetchImpl).toHaveBeenCalledWith(
      "assets/sample/2023%E5%B9%B4%E5%BA%A6%E9%83%A8%E9%97%A8%E6%95%B4%E4%BD%93%E6%94%AF%E5%87%BA%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84-%E6%A0%B7%E4%BE%8B.xlsx",
    );
    expect(screen.getByText("样例")).toBeTruthy();
    expect(tabNames()).toEqual(["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"]);
    expect(grid().getAttribute("aria-label")).toBe("工作表“表一 预算执行情况”的内容");
    expect(cell("A5").textContent).toBe("年度资金总额");
    expect(cell("D5").textContent).toBe("10,716.16");
    expect(cell("A1").getAttribute("colspan")).toBe("7");
    // The clean sample has nothing to download yet but its (empty of errors) findings.
    expect((screen.getByRole("button", { name: "下载报告" }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "导出核查结果" }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
  });

  it("says so in the user's words when the sample cannot be fetched", async () => {
    const host = new PreviewWorkbookHost();
    const missing = jest.fn(async () => ({
      ok: false,
      status: 404,
      arrayBuffer: async () => new ArrayBuffer(0),
    }));
    renderBench(host, "en-US", missing);
    expect(await screen.findByText("The workbook could not be opened")).toBeTruthy();
    expect(
      screen.getByText("The sample workbook was not found. Use “Open workbook…” to choose your own file."),
    ).toBeTruthy();
  });

  it("marks the finding cells of a broken workbook picked from disk and exports them as CSV", async () => {
    const host = new PreviewWorkbookHost();
    const { save } = renderBench(host);
    await screen.findByText("当前工作簿：2023年度部门整体支出绩效自评-样例.xlsx");
    const file = new File([(await brokenSampleBytes()).slice().buffer], "改动.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    fireEvent.change(screen.getByTestId("preview-file-input"), { target: { files: [file] } });
    expect(await screen.findByText("当前工作簿：改动.xlsx")).toBeTruthy();
    expect(screen.queryByText("样例")).toBeNull();
    await waitFor(() => expect(cell(BROKEN_CELL).getAttribute("data-mark")).toBe("error"));
    expect(cell(BROKEN_CELL).textContent).toBe("10,726.16");
    expect(cell("E5").getAttribute("data-mark")).toBeNull();
    expect(screen.getByText("带颜色边框的单元格有核查问题：")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "导出核查结果" }));
    expect(save).toHaveBeenCalledTimes(1);
    const [csv, name, mime] = save.mock.calls[0] as [string, string, string];
    expect(name).toBe("改动-核查结果.csv");
    expect(mime).toBe("text/csv;charset=utf-8");
    expect(csv.startsWith("\uFEFF严重程度,规则,规则编号,工作表,单元格,单位,应为,实际,差额,说明\r\n")).toBe(
      true,
    );
    expect(csv).toContain(
      `错误,预算分项合计,sum.breakdown,${BROKEN_SHEET},D5 D7 D8 D9 D10,万元,10716.16,10726.16,10,`,
    );
  });

  it("follows the pane: a selection switches the tab and highlights the cell; the report adds tabs and a download", async () => {
    const host = new PreviewWorkbookHost();
    const { save } = renderBench(host);
    await screen.findByText("当前工作簿：2023年度部门整体支出绩效自评-样例.xlsx");
    fireEvent.click(screen.getByRole("tab", { name: "表三 绩效指标" }));
    expect(grid().getAttribute("aria-label")).toBe("工作表“表三 绩效指标”的内容");

    await act(() => host.selectCells("表二 支出决算表", ["D5"]));
    expect(grid().getAttribute("aria-label")).toBe("工作表“表二 支出决算表”的内容");
    expect(cell("D5").getAttribute("aria-selected")).toBe("true");
    expect(cell("C5").getAttribute("aria-selected")).toBeNull();

    await act(() => generate(host, {}, "zh-CN").then(() => undefined));
    expect(tabNames()).toEqual([
      "表一 预算执行情况",
      "表二 支出决算表",
      "表三 绩效指标",
      "部门基本情况",
      "绩效自评表",
      "自评报告",
      "核查结果",
    ]);
    expect(reportTabs()).toEqual(["绩效自评表", "自评报告", "核查结果"]);
    expect(grid().getAttribute("aria-label")).toBe("工作表“绩效自评表”的内容");
    expect(within(grid()).getAllByText("99.78").length).toBeGreaterThan(0);

    const download = screen.getByRole("button", { name: "下载报告" }) as HTMLButtonElement;
    expect(download.disabled).toBe(false);
    fireEvent.click(download);
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [bytes, name, mime] = save.mock.calls[0] as [Uint8Array, string, string];
    expect(name).toBe("2023年度部门整体支出绩效自评-样例-自评报告.xlsx");
    expect(mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("speaks en-US", async () => {
    const host = new PreviewWorkbookHost();
    renderBench(host, "en-US");
    expect(await screen.findByText("Workbook: 2023年度部门整体支出绩效自评-样例.xlsx")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Open workbook…" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Download report" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export check results" })).toBeTruthy();
    expect(screen.getByRole("tablist", { name: "Sheets" })).toBeTruthy();
  });
});
