/**
 * The task pane in WPS 表格: the same React pane as in Excel, connected to the WPS host instead of Office.js. WPS's
 * pane is a Chromium page with the global `Application`; without it (opened in a plain browser) the pane shows its
 * "no workbook" state.
 */
import { createRoot } from "react-dom/client";
import type { HostInfo, WorkbookHost } from "../app/host";
import { DEFAULT_LANG, langFromDisplayLanguage } from "../engine/i18n";
import { connectWpsHost } from "../app/wps-hosts";
import { App } from "../taskpane/App";

/** Inside WPS 表格 the pane works on the open workbook, as in Excel (no preview grid); its badge names WPS. */
export function detectWps(): Promise<HostInfo> {
  const lang = typeof navigator === "undefined" ? DEFAULT_LANG : langFromDisplayLanguage(navigator.language);
  return Promise.resolve({ mode: "wps", host: "WPS", lang });
}

export function connectWps(): Promise<WorkbookHost | null> {
  return Promise.resolve(connectWpsHost());
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<App detect={detectWps} connect={connectWps} />);
