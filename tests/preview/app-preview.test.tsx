/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The task pane in preview mode: the pane beside the workbook it works on, one host between them. Generating adds
 * the report tabs; opening another workbook clears the results the pane showed for the last one; the pane's check is
 * what the grid marks (one evaluation). Each test opens its workbook before rendering and waits for states, not times.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { HostInfo } from "../../src/app/hosts";
import { PreviewWorkbookHost } from "../../src/preview/preview-host";
import { App } from "../../src/taskpane/App";
import { BROKEN_CELL, brokenSampleBytes, sampleBytes, until, untilOpened } from "./sample-workbook";

const PREVIEW_ZH: HostInfo = { mode: "preview", host: null, lang: "zh-CN" };

beforeAll(async () => {
  // The pane loads the preview with import(); loaded here first, the render has nothing left to wait for but React.
  await import("../../src/preview/index");
  await brokenSampleBytes(); // made once, before the tests that open it
});

function tabNames(): (string | null)[] {
  return screen
    .getAllByRole("tab")
    .map((t) => t.getAttribute("data-sheet"))
    .filter((name) => name !== null);
}

async function renderApp(bytes: Uint8Array, fileName: string): Promise<PreviewWorkbookHost> {
  const host = new PreviewWorkbookHost();
  await host.open(bytes, fileName);
  render(<App detect={() => Promise.resolve(PREVIEW_ZH)} connect={() => Promise.resolve(host)} />);
  expect(await screen.findByText(`当前工作簿：${fileName}`)).toBeTruthy();
  return host;
}

it("puts the pane beside the workbook, and a new workbook clears the last one's results", async () => {
  const host = await renderApp(sampleBytes(), "样例.xlsx");
  expect(screen.getByText("预览模式（未在 Excel 中运行）")).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "一键生成自评报告" }));
  await act(() => until(host, (state) => state.reportSheets !== null));
  expect(await screen.findByRole("heading", { name: "自评结果" })).toBeTruthy();
  expect(tabNames()).toEqual([
    "表一 预算执行情况",
    "表二 支出决算表",
    "表三 绩效指标",
    "部门基本情况",
    "绩效自评表",
    "自评报告",
    "核查结果",
  ]);

  const broken = await brokenSampleBytes();
  await act(() => host.open(broken, "改动.xlsx"));
  await act(() => untilOpened(host, "改动.xlsx"));
  expect(screen.getByText("当前工作簿：改动.xlsx")).toBeTruthy();
  await waitFor(() => expect(screen.queryByRole("heading", { name: "自评结果" })).toBeNull());
  expect(tabNames()).toEqual(["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"]);
});

it("marks in the grid what the pane's check found, and switches language on both sides", async () => {
  await renderApp(await brokenSampleBytes(), "改动.xlsx");
  const cell = () =>
    document.querySelector(`[data-testid="preview-workbench"] td[data-address="${BROKEN_CELL}"]`);
  expect(cell()?.getAttribute("data-mark")).toBeNull();

  fireEvent.click(screen.getByRole("tab", { name: "一致性检查" }));
  fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
  await waitFor(() => expect(cell()?.getAttribute("data-mark")).toBe("error"));

  fireEvent.click(screen.getByRole("button", { name: "切换为英文界面" }));
  expect(await screen.findByText("Workbook: 改动.xlsx")).toBeTruthy();
});
