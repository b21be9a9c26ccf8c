/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// exceljs runs here as in Node (jsdom's default "browser" export condition would pick uuid's ES-module build).
/**
 * The preview's workbook side in a browser-like DOM: the sample opens by itself, the sheets show as tabs and a grid,
 * a workbook picked from disk replaces it, the pane's findings are what the grid marks and the CSV holds, a selection
 * from the pane switches the tab and highlights the cell, and the downloads hand over the right bytes and names.
 * Each test opens its workbook before rendering and renders only what it looks at; it waits for states, never times.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { check, generate } from "../../src/app/pipeline";
import type { Evaluation } from "../../src/engine/evaluate";
import { PreviewWorkbench } from "../../src/preview/PreviewWorkbench";
import { PreviewWorkbookHost } from "../../src/preview/preview-host";
import { SAMPLE_FILE_NAME } from "../../src/preview/sample";
import { BROKEN_CELL, BROKEN_SHEET, brokenSampleBytes, sampleBytes, untilOpened } from "./sample-workbook";

beforeAll(async () => {
  await brokenSampleBytes(); // made once, before the tests that open it
});

function sampleFetch(): jest.Mock {
  const bytes = sampleBytes();
  return jest.fn(async () => ({
    ok: true,
    status: 200,
    arrayBuffer: async () => bytes.slice().buffer,
  }));
}

/** A host with the workbook already open, so a test renders what it looks at and waits for nothing. */
async function openedHost(bytes: Uint8Array = sampleBytes(), fileName = SAMPLE_FILE_NAME) {
  const host = new PreviewWorkbookHost();
  await host.open(bytes, fileName, { sample: fileName === SAMPLE_FILE_NAME });
  return host;
}

interface BenchOptions {
  readonly lang?: "zh-CN" | "en-US";
  readonly evaluation?: Evaluation | null;
  readonly fetchImpl?: jest.Mock;
}

function bench(
  host: PreviewWorkbookHost,
  evaluation: Evaluation | null,
  lang: "zh-CN" | "en-US",
  fetchImpl: jest.Mock,
  save: jest.Mock,
) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PreviewWorkbench
        host={host}
        lang={lang}
        evaluation={evaluation}
        fetchImpl={fetchImpl as unknown as typeof fetch}
        save={save}
      />
    </FluentProvider>
  );
}

function renderBench(host: PreviewWorkbookHost, options: BenchOptions = {}) {
  const save = jest.fn();
  const fetchImpl = options.fetchImpl ?? sampleFetch();
  const lang = options.lang ?? "zh-CN";
  const utils = render(bench(host, options.evaluation ?? null, lang, fetchImpl, save));
  const showEvaluation = (evaluation: Evaluation | null) =>
    utils.rerender(bench(host, evaluation, lang, fetchImpl, save));
  return { ...utils, save, fetchImpl, showEvaluation };
}

function button(name: string): HTMLButtonElement {
  return screen.getByRole("button", { name }) as HTMLButtonElement;
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

describe("PreviewWorkbench: opening workbooks", () => {
  it("opens the sample by itself when the host has no workbook, and shows its sheets", async () => {
    const host = new PreviewWorkbookHost();
    const { fetchImpl } = renderBench(host);
    await act(() => untilOpened(host, SAMPLE_FILE_NAME));
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
    // Nothing to download before the pane has generated the report or evaluated the workbook.
    expect(button("下载报告").disabled).toBe(true);
    expect(button("导出核查结果").disabled).toBe(true);
  });

  it("leaves an open workbook open (the sample is fetched only for an empty host)", async () => {
    const host = await openedHost();
    const { fetchImpl } = renderBench(host);
    expect(screen.getByText("当前工作簿：2023年度部门整体支出绩效自评-样例.xlsx")).toBeTruthy();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("says so in the user's words when the sample cannot be fetched", async () => {
    const host = new PreviewWorkbookHost();
    const missing = jest.fn(async () => ({
      ok: false,
      status: 404,
      arrayBuffer: async () => new ArrayBuffer(0),
    }));
    renderBench(host, { lang: "en-US", fetchImpl: missing });
    expect(await screen.findByText("The workbook could not be opened")).toBeTruthy();
    expect(
      screen.getByText("The sample workbook was not found. Use “Open workbook…” to choose your own file."),
    ).toBeTruthy();
  });

  it("opens a workbook picked from disk in place of the sample", async () => {
    const host = await openedHost();
    renderBench(host);
    const file = new File([(await brokenSampleBytes()).slice().buffer], "改动.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    fireEvent.change(screen.getByTestId("preview-file-input"), { target: { files: [file] } });
    await act(() => untilOpened(host, "改动.xlsx"));
    expect(await screen.findByText("当前工作簿：改动.xlsx")).toBeTruthy();
    expect(screen.queryByText("样例")).toBeNull();
    expect(cell(BROKEN_CELL).textContent).toBe("10,726.16");
    expect(button("重新打开样例")).toBeTruthy();
  });
});

describe("PreviewWorkbench: the pane's evaluation", () => {
  it("marks the cells of the pane's findings, and only once the pane has evaluated", async () => {
    const host = await openedHost(await brokenSampleBytes(), "改动.xlsx");
    const { evaluation } = await check(host, {});
    const { showEvaluation } = renderBench(host);
    expect(cell(BROKEN_CELL).getAttribute("data-mark")).toBeNull();
    expect(screen.queryByText("带颜色边框的单元格有核查问题：")).toBeNull();

    showEvaluation(evaluation);
    expect(cell(BROKEN_CELL).getAttribute("data-mark")).toBe("error");
    expect(cell("E5").getAttribute("data-mark")).toBeNull();
    expect(screen.getByText("带颜色边框的单元格有核查问题：")).toBeTruthy();
  });

  it("exports the pane's findings as CSV under the workbook's name", async () => {
    const host = await openedHost(await brokenSampleBytes(), "改动.xlsx");
    const { evaluation } = await check(host, {});
    const { save } = renderBench(host, { evaluation });
    fireEvent.click(button("导出核查结果"));
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
});

describe("PreviewWorkbench: following the pane", () => {
  it("a selection switches the tab and highlights the cell", async () => {
    const host = await openedHost();
    renderBench(host);
    fireEvent.click(screen.getByRole("tab", { name: "表三 绩效指标" }));
    expect(grid().getAttribute("aria-label")).toBe("工作表“表三 绩效指标”的内容");

    await act(() => host.selectCells("表二 支出决算表", ["D5"]));
    expect(grid().getAttribute("aria-label")).toBe("工作表“表二 支出决算表”的内容");
    expect(cell("D5").getAttribute("aria-selected")).toBe("true");
    expect(cell("C5").getAttribute("aria-selected")).toBeNull();
  });

  it("the report adds its tabs, shows the 自评表 and can be downloaded", async () => {
    const host = await openedHost();
    const { save } = renderBench(host);
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

    const download = button("下载报告");
    expect(download.disabled).toBe(false);
    fireEvent.click(download);
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [bytes, name, mime] = save.mock.calls[0] as [Uint8Array, string, string];
    expect(name).toBe("2023年度部门整体支出绩效自评-样例-自评报告.xlsx");
    expect(mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("speaks en-US", async () => {
    const host = await openedHost();
    renderBench(host, { lang: "en-US" });
    expect(screen.getByText("Workbook: 2023年度部门整体支出绩效自评-样例.xlsx")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Open workbook…" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Download report" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export check results" })).toBeTruthy();
    expect(screen.getByRole("tablist", { name: "Sheets" })).toBeTruthy();
  });
});
