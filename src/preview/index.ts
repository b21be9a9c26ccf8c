/**
 * The browser preview, loaded by the task pane only when it runs outside Excel:
 *
 *   const preview = await import("../preview");
 *   const host = preview.createPreviewHost();            // a WorkbookHost for the pipeline
 *   <preview.PreviewPage pane={<Pane host={host} />} workbench={<preview.PreviewWorkbench host={host} lang={lang} />} />
 *
 * Everything behind this module (exceljs above all) lands in its own lazy chunk, so the Excel path never loads it.
 */
import { PreviewWorkbookHost } from "./xlsx-host";

export { PreviewWorkbookHost, type PreviewSelection, type PreviewState } from "./xlsx-host";
export {
  PreviewPage,
  PreviewWorkbench,
  usePreviewState,
  type PreviewWorkbenchProps,
} from "./PreviewWorkbench";
export { SAMPLE_FILE_NAME, SAMPLE_URL } from "./sample";

/** A host with no workbook yet; the PreviewWorkbench opens the sample into it when it mounts. */
export function createPreviewHost(): PreviewWorkbookHost {
  return new PreviewWorkbookHost();
}
