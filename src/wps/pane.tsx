/**
 * The task pane in WPS 表格: the same React pane as in Excel, connected to the WPS host instead of Office.js. WPS's
 * pane is a Chromium page with the global `Application`; without it (opened in a plain browser) the pane shows its
 * "no workbook" state. It mounts over pane.html's plain page as Excel's pane does (src/taskpane/mount.tsx), so a WPS
 * whose browser component cannot run it shows that page instead of an empty pane.
 */
import type { HostInfo, WorkbookHost } from "../app/host";
import { DEFAULT_LANG, langFromDisplayLanguage } from "../engine/i18n";
import { connectWpsHost } from "../app/wps-hosts";
import { App } from "../taskpane/App";
import { mountPane } from "../taskpane/mount";

/** Inside WPS 表格 the pane works on the open workbook, as in Excel (no preview grid); its badge names WPS. */
export function detectWps(): Promise<HostInfo> {
  const lang = typeof navigator === "undefined" ? DEFAULT_LANG : langFromDisplayLanguage(navigator.language);
  return Promise.resolve({ mode: "wps", host: "WPS", lang });
}

export function connectWps(): Promise<WorkbookHost | null> {
  return Promise.resolve(connectWpsHost());
}

/** The pane as WPS shows it: while it connects it already names WPS 表格, not Excel. */
export function WpsPane() {
  return <App detect={detectWps} connect={connectWps} connectingTo="wps" />;
}

const container = document.getElementById("root");
if (container) mountPane(container, <WpsPane />);
