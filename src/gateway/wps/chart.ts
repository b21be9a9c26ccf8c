/**
 * The report's charts in WPS 表格 — 得分 against 分值 per 一级指标 and execution on the 绩效自评表, each project's 总分
 * on the 项目汇总 — as the .xlsx writer and Office.js draw them: a clustered column chart at the spec's anchor, below
 * the printed table. ET charts plot cells, so each chart's data goes to the very hidden marker sheet first, from column
 * D on (columns A:C list our sheets, Z onward is the store), the same place the Office.js gateway puts it.
 *
 * The charts live on our own sheets, which a re-run deletes and builds anew: ours are replaced with them, and a chart
 * the user drew on a sheet of their own is never looked at.
 */
import { localized, type Localized } from "../../engine/i18n";
import { MARKER_STORE_KEY_COLUMN } from "../../engine/report/sheet-names";
import type { ChartSpec, ReportSheetKey, SheetSpec } from "../../engine/report/spec";
import { columnName } from "../../engine/a1";
import { XL_COLUMNS, XL_COLUMN_CLUSTERED, type EtShape, type EtWorksheet } from "./et-api";
import { rectOf } from "./sheets";
import { toWpsError } from "./errors";

/** 0-based column (D) where the first chart's data starts on the marker sheet. */
export const CHART_DATA_COLUMN = 3;
/** Rows × columns the chart spans from its anchor: about 16 rows by 8 columns, as the Office.js gateway draws it. */
export const CHART_ROWS = 16;
export const CHART_COLS = 8;
/** The name our chart's shape gets, so a reader (and a test) knows it from a user's chart on the same sheet. */
export const CHART_SHAPE_PREFIX = "_selfeval_chart_";

/** Clears the chart data an earlier run left on the marker (D up to the store's column), so nothing stale stays. */
export function clearChartData(marker: EtWorksheet): void {
  const used = rectOf(marker.UsedRange);
  if (used.right < CHART_DATA_COLUMN) return;
  const last = columnName(Math.min(used.right, MARKER_STORE_KEY_COLUMN - 1));
  marker.Range(`${columnName(CHART_DATA_COLUMN)}1:${last}${used.bottom + 1}`).Value2 = null;
}

/**
 * Writes a chart's data at `dataCol` of the marker: a header row with the series' names, then a row per category.
 * Category names are the user's 一级指标 or project names, so the block is formatted as text before the names go in
 * (only the numbers are numbers).
 */
function writeChartData(marker: EtWorksheet, chart: ChartSpec, dataCol: number): string {
  const rows: (string | number)[][] = [["", ...chart.series.map((s) => s.name)]];
  chart.categories.forEach((c, i) => rows.push([c, ...chart.series.map((s) => s.values[i] ?? 0)]));
  const address = `${columnName(dataCol)}1:${columnName(dataCol + chart.series.length)}${rows.length}`;
  marker.Range(`${columnName(dataCol)}1:${columnName(dataCol)}${rows.length}`).NumberFormat = "@";
  marker.Range(`${columnName(dataCol + 1)}1:${columnName(dataCol + chart.series.length)}1`).NumberFormat =
    "@";
  marker.Range(address).Value2 = rows;
  return address;
}

/** Draws one chart on `ws` at its anchor, plotting the marker's `source` block, one series per column. */
function drawChart(
  ws: EtWorksheet,
  key: ReportSheetKey,
  chart: ChartSpec,
  source: EtWorksheet,
  address: string,
): EtShape {
  const { row, col } = chart.anchor;
  const anchor = ws.Range(`${columnName(col)}${row + 1}`);
  const span = ws.Range(
    `${columnName(col)}${row + 1}:${columnName(col + CHART_COLS - 1)}${row + CHART_ROWS}`,
  );
  const shape = ws.Shapes.AddChart2(
    -1,
    XL_COLUMN_CLUSTERED,
    anchor.Left,
    anchor.Top,
    span.Width,
    span.Height,
  );
  shape.Name = `${CHART_SHAPE_PREFIX}${key}`;
  const c = shape.Chart;
  c.SetSourceData(source.Range(address), XL_COLUMNS);
  c.ChartType = XL_COLUMN_CLUSTERED;
  // The title exists only once HasTitle is on: its text is set after.
  c.HasTitle = true;
  c.ChartTitle.Text = chart.title;
  c.HasLegend = true;
  return shape;
}

function chartFailed(error: unknown): Localized {
  const reason = toWpsError(error).text;
  return localized(
    `报告已写入，但图表未能绘制：${reason["zh-CN"]}`,
    `The report was written, but its chart could not be drawn: ${reason["en-US"]}`,
  );
}

/**
 * Draws the chart of every sheet that has one (the 绩效自评表's, the 项目汇总's), their data side by side on the
 * marker. A chart ET refuses (an older WPS without charts in its API) leaves the report as written, with a notice.
 */
export function drawCharts(
  marker: EtWorksheet,
  sheets: readonly { readonly spec: SheetSpec; readonly ws: EtWorksheet }[],
): Localized[] {
  const notices: Localized[] = [];
  try {
    clearChartData(marker);
    let dataCol = CHART_DATA_COLUMN;
    for (const { spec, ws } of sheets) {
      if (!spec.chart) continue;
      const address = writeChartData(marker, spec.chart, dataCol);
      drawChart(ws, spec.key, spec.chart, marker, address);
      dataCol += spec.chart.series.length + 2;
    }
  } catch (error) {
    notices.push(chartFailed(error));
  }
  return notices;
}
