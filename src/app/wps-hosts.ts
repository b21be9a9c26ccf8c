/**
 * The door from the WPS entry points (src/wps: the ribbon's script and the pane page) to the WPS gateway: they get
 * their host here, as the Excel pane does from hosts.ts, so no view imports a gateway.
 */
import { etApplication } from "../gateway/wps/et-api";
import { createWpsHost } from "../gateway/wps/host";
import type { WorkbookHost } from "./host";

/** True inside WPS 表格 (the global `Application` of its ET object model is there). */
export function inWpsSpreadsheet(): boolean {
  return etApplication() !== null;
}

/** The WPS host over the open workbook; null outside WPS 表格. */
export function connectWpsHost(): WorkbookHost | null {
  return inWpsSpreadsheet() ? createWpsHost() : null;
}

export { createWpsHost };
