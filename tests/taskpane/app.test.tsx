/** @jest-environment jsdom */
/**
 * The task pane's first screen in both languages and both hosts: the title, the status the host detection gives,
 * the two actions and what a click on them answers, and the language switch.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { HostInfo } from "../../src/taskpane/office-host";

function hostDetector(info: HostInfo): jest.Mock<Promise<HostInfo>, []> {
  return jest.fn(() => Promise.resolve(info));
}

const PREVIEW_ZH: HostInfo = { mode: "preview", host: null, lang: "zh-CN" };
const EXCEL_EN: HostInfo = { mode: "excel", host: "Excel", lang: "en-US" };

beforeAll(() => {
  // jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (every Office web view has it).
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("App in zh-CN", () => {
  test("shows the title, the explanation and the two actions, then the preview status", async () => {
    const detect = hostDetector(PREVIEW_ZH);
    render(<App detect={detect} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("绩效自评助手");
    expect(screen.getByText("正在连接 Excel…")).toBeTruthy();
    expect(await screen.findByText("预览模式（未在 Excel 中运行）")).toBeTruthy();
    expect(screen.getByRole("button", { name: "一键生成自评报告" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "一致性检查" })).toBeTruthy();
    expect(screen.getByText(/核对部门整体支出绩效自评表中的合计与勾稽关系/)).toBeTruthy();
    expect(screen.getByText("所有数据只在本机处理，不会上传。")).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(detect).toHaveBeenCalledTimes(1);
  });

  test("a click asks the host again and explains that preview mode cannot run the action", async () => {
    const detect = hostDetector(PREVIEW_ZH);
    render(<App detect={detect} />);
    await screen.findByText("预览模式（未在 Excel 中运行）");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "一键生成自评报告" }));
    });
    expect(detect).toHaveBeenCalledTimes(2);
    expect(screen.getByText("预览模式")).toBeTruthy();
    expect(
      screen.getByText("当前页面未在 Excel 中运行。请在 Excel 中加载本加载项后使用“一键生成自评报告”。"),
    ).toBeTruthy();
  });
});

describe("App in en-US", () => {
  test("speaks English when the host's language is English and says it runs in Excel", async () => {
    render(<App detect={hostDetector(EXCEL_EN)} />);
    expect(await screen.findByText("Running in Excel")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Self-Evaluation Assistant");
    expect(screen.getByRole("button", { name: "Generate self-evaluation report" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Consistency check" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en-US");
  });

  test("a click in Excel says the action is on its way", async () => {
    render(<App detect={hostDetector(EXCEL_EN)} />);
    await screen.findByText("Running in Excel");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Consistency check" }));
    });
    expect(screen.getByText("Excel is ready")).toBeTruthy();
    expect(
      screen.getByText('"Consistency check" is being built and arrives in a later version.'),
    ).toBeTruthy();
  });

  test("initialLang overrides the host's language", async () => {
    render(<App initialLang="en-US" detect={hostDetector(PREVIEW_ZH)} />);
    expect(await screen.findByText("Preview mode (not running in Excel)")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Self-Evaluation Assistant");
  });
});

describe("language switch", () => {
  test("switches between 中文 and English and back", async () => {
    render(<App detect={hostDetector(PREVIEW_ZH)} />);
    await screen.findByText("预览模式（未在 Excel 中运行）");
    fireEvent.click(screen.getByRole("button", { name: "切换为英文界面" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Self-Evaluation Assistant");
    expect(screen.getByText("Preview mode (not running in Excel)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Switch to Chinese" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("绩效自评助手");
  });
});

describe("App with the real host detection", () => {
  test("without office.js it runs in preview mode in the browser's language", async () => {
    expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
    render(<App />);
    // jsdom's navigator.language is en-US.
    expect(await screen.findByText("Preview mode (not running in Excel)")).toBeTruthy();
  });

  test("with office.js inside Excel it reads Office.context.displayLanguage", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      context: { displayLanguage: "zh-CN" },
    };
    render(<App />);
    expect(await screen.findByText("已连接 Excel")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("绩效自评助手");
  });
});
