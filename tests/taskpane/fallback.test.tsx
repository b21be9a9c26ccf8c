/** @jest-environment jsdom */
/**
 * The page old Office clients get instead of a blank pane: src/taskpane/fallback.js must parse in Internet Explorer 11
 * (ES5, checked with acorn), asks for the ExcelApi set the manifest declares, and meets the bundle in mount.tsx — the
 * pane does not mount over the message, gives the page back when the message takes over later, and a render error
 * brings the message back. The same in a real browser: tests/e2e/run.js, "old clients".
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
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const REASON_API = "原因：此 Excel 不支持本助手所需的 ExcelApi 1.7 要求集。";
const REASON_SCRIPT = "原因：任务窗格的脚本未能加载或启动。";

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

/** The page as the browser builds it: #root with the static message, then fallback.js run. */
function loadPage(): { root: HTMLElement; fallback: FallbackPage } {
  const doc = new DOMParser().parseFromString(PAGE, "text/html");
  document.documentElement.className = "";
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
  delete (window as { Office?: unknown }).Office;
  delete (window as { selfevalFallback?: unknown }).selfevalFallback;
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

  test("without the page's script (tests, the WPS page) the pane just mounts", async () => {
    const root = document.createElement("div");
    await act(async () => {
      expect(mountPane(root, <p>测试窗格</p>, undefined)).toBe(true);
    });
    expect(root.textContent).toBe("测试窗格");
  });
});
