/**
 * The sample workbook the preview opens first, so a new user sees the product work before choosing a file.
 * webpack copies assets/ beside the page, so it is fetched from the page's own origin (dist/assets/sample/…).
 */

/** The file `npm run sample` writes into assets/sample/ (a test checks it is there). */
export const SAMPLE_FILE_NAME = "2023年度部门整体支出绩效自评-样例.xlsx";

/** Relative to the task pane page. */
export const SAMPLE_URL = `assets/sample/${encodeURIComponent(SAMPLE_FILE_NAME)}`;

/** Fetches a workbook of the page's own origin as bytes; throws when the server does not have it. */
export async function fetchWorkbook(url: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
