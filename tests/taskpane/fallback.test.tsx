/** @jest-environment jsdom */
/**
 * The page old Office clients get instead of a blank pane: src/taskpane/fallback.js must parse in Internet Explorer 11
 * (ES5, checked with acorn), asks for the ExcelApi set the manifest declares, and meets the bundle in mount.tsx — the
 * pane does not mount over the message, gives the page back when the message takes over later, and a render error
 * brings the message back. WPS's pane page (src/wps/pane.html) has the same guard with a message and reasons worded
 * for WPS. The same in a real browser: tests/e2e/run.js, "old clients".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "acorn";
import { act, waitFor } from "@testing-library/react";
import { MINIMUM_EXCEL_API } from "../../src/gateway/office/api";
import { mountPane, type FallbackPage } from "../../src/taskpane/mount";

const ROOT = path.resolve(__dirname, "..", "..");
const SCRIPT = fs.readFileSync(path.join(ROOT, "src/taskpane/fallback.js"), "utf8");
const PAGE = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
const WPS_PAGE = fs.readFileSync(path.join(ROOT, "src/wps/pane.html"), "utf8");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const REASON_API = "原因：此 Excel 不支持本助手所需的 ExcelApi 1.7 要求集。";
const REASON_SCRIPT = "原因：任务窗格的脚本未能加载或启动。";
const REASON_WPS_BROWSER = "原因：此 WPS 用来显示加载项窗格的内置浏览器组件版本过旧，无法运行本助手。";

describe("fallback.js is ES5", () => {
  test("acorn parses it at ecmaVersion 5", () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  test("and that check refuses what IE11 cannot parse", () => {
    for (const modern of [
      "const a = 1;",
      "var f = () => 1;",
      "var s = `x`;",
      "f(a, b,);",
      "try {} catch {}",
      "var o = { ...p };",
    ])
      expect(() => parse(modern, { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  test("it asks for the ExcelApi version the manifest declares and the gateway needs", () => {
    const inScript = /var EXCEL_API = "([\d.]+)";/.exec(SCRIPT)?.[1];
    const inManifest = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(MANIFEST)?.[1];
    expect(inScript).toBe(MINIMUM_EXCEL_API);
    expect(inManifest).toBe(MINIMUM_EXCEL_API);
  });
});

describe("taskpane.html", () => {
  const doc = new DOMParser().parseFromString(PAGE, "text/html");

  test("styles the message from fallback.css beside the page, which both builds copy", () => {
    expect(
      [...doc.head.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")),
    ).toEqual(["fallback.css"]);
    const css = fs.readFileSync(path.join(ROOT, "src/taskpane/fallback.css"), "utf8");
    expect(css).toContain(".selfeval-loading .selfeval-fallback-message {\n  display: none;\n}");
    for (const config of ["webpack.config.js", "webpack.wps.config.js"]) {
      const text = fs.readFileSync(path.join(ROOT, config), "utf8");
      expect([config, text]).toEqual([config, expect.stringContaining('from: "src/taskpane/fallback.css"')]);
      expect([config, text]).toEqual([config, expect.stringContaining('from: "src/taskpane/fallback.js"')]);
    }
  });

  test("loads fallback.js in <head>, after office.js, without defer or async", () => {
    const scripts = [...doc.head.querySelectorAll("script")].map((s) => [
      s.getAttribute("src"),
      s.hasAttribute("defer") || s.hasAttribute("async"),
    ]);
    expect(scripts).toEqual([
      ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", false],
      ["fallback.js", false],
    ]);
  });

  test("#root holds the message: what is needed, the CLI, the browser preview, in Chinese with an English line", () => {
    const root = doc.getElementById("root");
    const text = (root?.textContent ?? "").replace(/\s+/g, " ");
    expect(root?.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
    for (const part of [
      "Microsoft 365 或 Excel 2021 及更高版本",
      "Microsoft Edge WebView2 运行时",
      "WPS 表格",
      "npx selfeval check 自评表.xlsx",
      "npx selfeval generate 自评表.xlsx --out 自评报告.xlsx",
      "浏览器预览：在 Chrome 或新版 Edge 中打开",
      "The Self-Evaluation Assistant needs Microsoft 365 or Excel 2021 or later",
    ])
      expect(text).toContain(part);
    expect(root?.querySelectorAll("img, script, link, iframe")).toHaveLength(0);
  });
});

interface OfficeStub {
  ready(): void;
}

/** An Excel whose onReady answers when the test says, and which supports no ExcelApi set. */
function installOldExcel(): OfficeStub {
  const waiting: ((info: { host: string }) => void)[] = [];
  (window as { Office?: unknown }).Office = {
    context: { requirements: { isSetSupported: () => false } },
    onReady: (callback: (info: { host: string }) => void) => {
      waiting.push(callback);
    },
  };
  return { ready: () => waiting.splice(0).forEach((f) => f({ host: "Excel" })) };
}

/** The page as the browser builds it: <html>'s host mark, #root with the static message, then fallback.js run. */
function loadPage(page = PAGE): { root: HTMLElement; fallback: FallbackPage } {
  const doc = new DOMParser().parseFromString(page, "text/html");
  document.documentElement.className = "";
  const host = doc.documentElement.getAttribute("data-selfeval-host");
  if (host) document.documentElement.setAttribute("data-selfeval-host", host);
  else document.documentElement.removeAttribute("data-selfeval-host");
  document.body.replaceChildren(document.importNode(doc.getElementById("root") as HTMLElement, true));
  // jsdom has no fetch; every webview the pane supports has.
  (window as { fetch?: unknown }).fetch ??= () => Promise.reject(new Error("no network in tests"));
  const script = document.createElement("script");
  script.textContent = SCRIPT;
  document.head.appendChild(script);
  script.remove();
  const fallback = (window as { selfevalFallback?: FallbackPage }).selfevalFallback;
  if (!fallback) throw new Error("fallback.js did not run");
  return { root: document.getElementById("root") as HTMLElement, fallback };
}

afterEach(() => {
  document.documentElement.removeAttribute("data-selfeval-host");
  delete (window as { Office?: unknown }).Office;
  delete (window as { selfevalFallback?: unknown }).selfevalFallback;
});

describe("the WPS pane's page (src/wps/pane.html)", () => {
  const doc = new DOMParser().parseFromString(WPS_PAGE, "text/html");

  test("marks itself as WPS's and loads fallback.js and fallback.css in <head>, no office.js, no defer", () => {
    expect(doc.documentElement.getAttribute("data-selfeval-host")).toBe("wps");
    const scripts = [...doc.head.querySelectorAll("script")].map((s) => [
      s.getAttribute("src"),
      s.hasAttribute("defer") || s.hasAttribute("async"),
    ]);
    expect(scripts).toEqual([["fallback.js", false]]);
    expect(
      [...doc.head.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")),
    ).toEqual(["fallback.css"]);
  });

  test("#root holds a message worded for WPS: the WPS version, the CLI, the preview, with an English line", () => {
    const root = doc.getElementById("root");
    const text = (root?.textContent ?? "").replace(/\s+/g, " ");
    expect(root?.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
    for (const part of [
      "任务窗格需要支持 WPS 加载项的新版 WPS Office（Windows 版或 Linux 版）",
      "内置浏览器组件须能运行现代网页脚本",
      "请将 WPS 更新到最新版本",
      "npx selfeval check 自评表.xlsx",
      "npx selfeval generate 自评表.xlsx --out 自评报告.xlsx",
      "WPS 保存的 .xlsx 工作簿同样适用",
      "浏览器预览：运行 npm start，在 Chrome 或新版 Edge 中打开它显示的 taskpane.html 地址",
      "The Self-Evaluation Assistant needs a recent WPS Office (Windows or Linux)",
    ])
      expect(text).toContain(part);
    // Not Excel's page: nothing about Microsoft 365, Excel versions or WebView2.
    for (const part of ["Microsoft 365", "Excel 2021", "WebView2", "ExcelApi"])
      expect(text).not.toContain(part);
    expect(root?.querySelectorAll("img, script, link, iframe")).toHaveLength(0);
  });

  test("a capable browser: 正在加载 until the pane mounts and replaces the page", async () => {
    const { root, fallback } = loadPage(WPS_PAGE);
    expect(document.documentElement.className).toBe("selfeval-loading");
    await act(async () => {
      expect(mountPane(root, <p>测试窗格</p>, fallback)).toBe(true);
    });
    expect(root.textContent).toBe("测试窗格");
    expect(fallback.isShown()).toBe(false);
  });

  test("a browser component without ES2020: the message with WPS's reason, and the pane does not mount", () => {
    const allSettled = Promise.allSettled;
    delete (Promise as { allSettled?: unknown }).allSettled;
    try {
      const { root, fallback } = loadPage(WPS_PAGE);
      expect(fallback.isShown()).toBe(true);
      expect(mountPane(root, <p>测试窗格</p>, fallback)).toBe(false);
      expect(document.getElementById("selfeval-fallback-reason-zh")?.textContent).toBe(REASON_WPS_BROWSER);
      expect(document.getElementById("selfeval-fallback-reason-en")?.textContent).toBe(
        "Reason: this WPS shows add-in panes in a built-in browser component too old to run the assistant.",
      );
      expect(root.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
    } finally {
      Promise.allSettled = allSettled;
    }
  });

  test("an error while rendering brings WPS's message back, with the script reason", async () => {
    const { root, fallback } = loadPage(WPS_PAGE);
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error("render failed");
    }
    try {
      await act(async () => {
        mountPane(root, <Broken />, fallback);
      });
      await waitFor(() => expect(fallback.isShown()).toBe(true));
      expect(root.textContent).toContain("任务窗格需要支持 WPS 加载项的新版 WPS Office");
      expect(document.getElementById("selfeval-fallback-reason-zh")?.textContent).toBe(REASON_SCRIPT);
    } finally {
      quiet.mockRestore();
    }
  });

  test("the WPS entry mounts through the guard: when the message takes over, the pane gives the page back", async () => {
    const { root, fallback } = loadPage(WPS_PAGE);
    // A plain require, not jest.isolateModules: this file loads the entry nowhere else, so it runs here; an isolated
    // registry would give the pane a React of its own while the Fluent packages jest loads on first use
    // (tests/stubs/fluent-components-lazy.js) take the file's React, and hooks would fail ("Invalid hook call").
    await act(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry runs when it is loaded
      require("../../src/wps/pane");
    });
    // jsdom reports en-US, so the pane speaks English.
    await waitFor(() => expect(root.textContent).toContain("Connected to WPS Spreadsheets"));
    expect(root.querySelector('[data-testid="selfeval-fallback"]')).toBeNull();
    act(() => fallback.show());
    expect(root.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
    expect(root.textContent).not.toContain("Connected to WPS Spreadsheets");
    expect(document.getElementById("selfeval-fallback-reason-zh")?.textContent).toBe(REASON_SCRIPT);
  });
});

describe("the pane and the message (mount.tsx)", () => {
  test("a capable browser: 正在加载 until the pane mounts and replaces the page", async () => {
    const { root, fallback } = loadPage();
    expect(document.documentElement.className).toBe("selfeval-loading");
    await act(async () => {
      expect(mountPane(root, <p>测试窗格</p>, fallback)).toBe(true);
    });
    expect(root.textContent).toBe("测试窗格");
    expect(fallback.isShown()).toBe(false);
  });

  test("an Excel that answers without ExcelApi 1.7 after the pane mounted: the pane gives the page back", async () => {
    const excel = installOldExcel();
    const { root, fallback } = loadPage();
    await act(async () => {
      mountPane(root, <p>测试窗格</p>, fallback);
    });
    expect(root.textContent).toBe("测试窗格");
    act(() => excel.ready());
    expect(fallback.isShown()).toBe(true);
    expect(root.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
    expect(document.getElementById("selfeval-fallback-reason-zh")?.textContent).toBe(REASON_API);
    expect(document.getElementById("selfeval-fallback-reason-en")?.textContent).toBe(
      "Reason: this Excel lacks the ExcelApi 1.7 requirement set the assistant needs.",
    );
    expect(root.textContent).not.toContain("测试窗格");
    expect(document.documentElement.className).toBe("");
  });

  test("the message shown before the bundle runs: the pane does not mount", () => {
    const excel = installOldExcel();
    const { root, fallback } = loadPage();
    excel.ready();
    expect(mountPane(root, <p>测试窗格</p>, fallback)).toBe(false);
    expect(root.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
    expect(document.getElementById("selfeval-fallback-reason-zh")?.textContent).toBe(REASON_API);
  });

  test("an error while rendering brings the message back instead of an empty pane", async () => {
    const { root, fallback } = loadPage();
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error("render failed");
    }
    try {
      await act(async () => {
        mountPane(root, <Broken />, fallback);
      });
      await waitFor(() => expect(fallback.isShown()).toBe(true));
      expect(root.querySelector("h1")?.textContent).toBe("绩效自评助手无法在此处运行");
      expect(document.getElementById("selfeval-fallback-reason-zh")?.textContent).toBe(REASON_SCRIPT);
    } finally {
      quiet.mockRestore();
    }
  });

  test("without the page's script (tests) the pane just mounts", async () => {
    const root = document.createElement("div");
    await act(async () => {
      expect(mountPane(root, <p>测试窗格</p>, undefined)).toBe(true);
    });
    expect(root.textContent).toBe("测试窗格");
  });
});
