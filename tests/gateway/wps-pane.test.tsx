/** @jest-environment jsdom */
/**
 * The task pane as WPS 表格 opens it (src/wps/pane.tsx): the same React pane, connected to the WPS host through the
 * page's `Application` global. A click on 一键生成自评报告 writes the report into the workbook WPS holds (the ET fake).
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { WpsPane, connectWps, detectWps } from "../../src/wps/pane";
import { fixtureSnapshot } from "../app/fixtures";
import { FakeEtApp } from "../fakes/wps/workbook";

// As in the pane's own tests: role queries skip the CSS visibility check, which Fluent makes very slow in jsdom.
configure({ defaultHidden: true });

beforeAll(() => {
  // WPS's pane reports the language of the WPS interface; jsdom says en-US.
  Object.defineProperty(window.navigator, "language", { value: "zh-CN", configurable: true });
});

afterEach(() => {
  delete (globalThis as { Application?: unknown }).Application;
});

function wpsWithFixture(): FakeEtApp {
  const app = new FakeEtApp();
  for (const sheet of fixtureSnapshot().sheets) {
    const s = app.workbook.addSheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === "string" || typeof v === "number") s.set(r, c, v);
      }),
    );
  }
  return app;
}

test("outside WPS (no Application global) the pane has no workbook to connect to", async () => {
  await expect(connectWps()).resolves.toBeNull();
  await expect(detectWps()).resolves.toEqual({ mode: "wps", host: "WPS", lang: "zh-CN" });
});

test("the badge names WPS 表格, not Excel, in both languages", async () => {
  (globalThis as { Application?: unknown }).Application = wpsWithFixture();
  const view = render(<App detect={detectWps} connect={connectWps} />);
  const zh = await screen.findByText("已连接 WPS 表格");
  expect(zh.closest('[role="status"]')).not.toBeNull();
  expect(screen.queryByText("已连接 Excel")).toBeNull();
  view.unmount();
  render(<App detect={detectWps} connect={connectWps} initialLang="en-US" />);
  expect(await screen.findByText("Connected to WPS Spreadsheets")).toBeTruthy();
  expect(screen.queryByText("Running in Excel")).toBeNull();
});

/** A detection that has not answered yet: the pane stays in its "connecting" state. */
const pending = () => new Promise<never>(() => undefined);

test("while it connects, the WPS pane names WPS 表格, not Excel, in both languages", async () => {
  const view = render(<App detect={pending} connect={connectWps} connectingTo="wps" />);
  expect(await screen.findByText("正在连接 WPS 表格…")).toBeTruthy();
  expect(screen.queryByText("正在连接 Excel…")).toBeNull();
  view.unmount();
  render(<App detect={pending} connect={connectWps} connectingTo="wps" initialLang="en-US" />);
  expect(await screen.findByText("Connecting to WPS Spreadsheets…")).toBeTruthy();
  expect(screen.queryByText("Connecting to Excel…")).toBeNull();
});

test("Excel's pane still says it connects to Excel", async () => {
  render(<App detect={pending} connect={connectWps} />);
  expect(await screen.findByText("正在连接 Excel…")).toBeTruthy();
  expect(screen.queryByText("正在连接 WPS 表格…")).toBeNull();
});

test("the WPS pane page's pane (WpsPane) says 正在连接 WPS 表格… before detection answers, then 已连接 WPS 表格", async () => {
  (globalThis as { Application?: unknown }).Application = wpsWithFixture();
  render(<WpsPane />);
  // Checked before any promise settles: detection answers in a later microtask.
  expect(screen.getByText("正在连接 WPS 表格…")).toBeTruthy();
  expect(await screen.findByText("已连接 WPS 表格")).toBeTruthy();
  expect(screen.queryByText("正在连接 WPS 表格…")).toBeNull();
});

test("inside WPS the pane generates the report into the open workbook", async () => {
  const app = wpsWithFixture();
  (globalThis as { Application?: unknown }).Application = app;
  render(<App detect={detectWps} connect={connectWps} />);
  const button = await screen.findByRole("button", { name: "一键生成自评报告" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  // Waits for the state (the result card), however long a busy machine takes.
  await screen.findByText("总分", undefined, { timeout: 50_000 });
  expect(app.workbook.sheetNames).toEqual(
    expect.arrayContaining([
      "表1 预算执行",
      "表2 绩效指标",
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]),
  );
  expect(app.workbook.activeSheet?.name).toBe("绩效自评表");
});
