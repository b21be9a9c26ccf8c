/**
 * The door from the browser entry points to the Office.js gateway: the task pane and the ribbon commands learn where
 * they run and get their Excel WorkbookHost here, never by importing the gateway themselves. The preview's .xlsx host
 * comes from xlsx-hosts.ts (kept apart so the ribbon's bundle cannot reach exceljs even lazily); the CLI, a Node entry
 * point, has its own factory (src/cli/workbook.ts).
 */
export type { HostInfo, HostMode, HostTheme } from "./host";
export {
  detectHost,
  officeDisplayLanguage,
  officeGlobal,
  READY_TIMEOUT_MS,
  type OfficeLike,
} from "../gateway/office/detect";
export { createOfficeHost, type OfficeHostOptions } from "../gateway/office/host";
