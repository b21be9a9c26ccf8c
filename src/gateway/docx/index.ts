/** The Word (.docx) report gateway: see render.ts. */
export { DOCX_MIME_TYPE, renderReportDocx, reportDocx } from "./render";
