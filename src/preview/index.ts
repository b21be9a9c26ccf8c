/**
 * The browser preview, loaded by the task pane only when it runs outside Excel:
 *
 *   const preview = await import("../preview");
 *   const host = preview.createPreviewHost();            // a WorkbookHost for the pipeline
 *   <preview.PreviewPage pane={<Pane host={host} />}
 *     workbench={<preview.PreviewWorkbench host={host} lang={lang} evaluation={paneState.evaluation} />} />
 *
 * Everything behind this module lands in its own lazy chunk (and exceljs, behind the host factory's import(), in
 * another), so the Excel path never loads it.
 */
import { PreviewWorkbookHost } from "./preview-host";

export { PreviewWorkbookHost } from "./preview-host";
export type { PreviewSelection, PreviewState } from "./store";
export { PreviewPage } from "./PreviewPage";
export { PreviewWorkbench, usePreviewState, type PreviewWorkbenchProps } from "./PreviewWorkbench";
export { SAMPLE_FILE_NAME, SAMPLE_URL } from "./sample";

/** A host with no workbook yet; the PreviewWorkbench opens the sample into it when it mounts. */
export function createPreviewHost(): PreviewWorkbookHost {
  return new PreviewWorkbookHost();
}
