/**
 * The charts in the .xlsx the package writer makes, from each sheet spec's `chart`: a DrawingML chart part
 * (xl/charts/chartN.xml) in a drawing part (xl/drawings/drawingN.xml) anchored below the printed table, as Excel's
 * Insert Chart makes one — grouped columns of the spec's series per category: on the 绩效自评表 得分 and 分值 (the
 * execution, then each 一级指标), on the 项目汇总 each project's 总分 beside 满分. The data
 * are literals in the chart (c:strLit / c:numLit): the chart needs no cells of its own and no hidden sheet. Every
 * element is built with the XML helpers (attribute values and text encoded there), never pasted as a string.
 */
import type JSZip from "jszip";
import { CHART_SERIES_COLORS, type ChartSpec } from "../../../engine/report/spec";
import type { Lang } from "../../../engine/i18n";
import type { ContentTypes } from "./content-types";
import { addRelationship, readRelationships, writeXml, type PartIndex } from "./opc";
import {
  element,
  encodeXml,
  insertInOrder,
  prefixOf,
  rootOf,
  tagOf,
  textNode,
  type XmlDocument,
  type XmlNode,
} from "./xml";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** Elements a worksheet's <drawing> must come before (CT_Worksheet's order). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
/** The chart's size in cells from its anchor: about 16 rows by 8 columns, as the Office.js gateway places it. */
const ROWS = 16;
const COLS = 8;

const el = (tag: string, attrs: Record<string, string> = {}, children: XmlNode[] = []) =>
  element(tag, attrs, children);
const val = (tag: string, value: string | number) => el(tag, { val: String(value) });
const text = (tag: string, value: string) => el(tag, {}, [textNode(encodeXml(value))]);

function documentOf(root: XmlNode): XmlDocument {
  return {
    nodes: [{ "?xml": [textNode("")], ":@": { version: "1.0", encoding: "UTF-8", standalone: "yes" } }, root],
    afterDeclaration: "\r\n",
  };
}

function strLit(values: readonly string[]): XmlNode {
  return el("c:strLit", {}, [
    val("c:ptCount", values.length),
    ...values.map((v, i) => el("c:pt", { idx: String(i) }, [text("c:v", v)])),
  ]);
}

function numLit(values: readonly number[]): XmlNode {
  return el("c:numLit", {}, [
    text("c:formatCode", "General"),
    val("c:ptCount", values.length),
    ...values.map((v, i) => el("c:pt", { idx: String(i) }, [text("c:v", String(v))])),
  ]);
}

function solidFill(color: string): XmlNode {
  return el("c:spPr", {}, [el("a:solidFill", {}, [val("a:srgbClr", color)])]);
}

function richText(value: string, lang: Lang, size: number, bold: boolean): XmlNode {
  return el("c:tx", {}, [
    el("c:rich", {}, [
      el("a:bodyPr"),
      el("a:p", {}, [
        el("a:pPr", {}, [el("a:defRPr", { sz: String(size * 100), b: bold ? "1" : "0" })]),
        el("a:r", {}, [
          el("a:rPr", { lang, sz: String(size * 100), b: bold ? "1" : "0" }),
          text("a:t", value),
        ]),
      ]),
    ]),
  ]);
}

/** The chart part: a clustered column chart of the spec's series over its categories, values shown on the bars. */
export function chartPartXml(chart: ChartSpec): XmlDocument {
  const series = chart.series.map((s, i) =>
    el("c:ser", {}, [
      val("c:idx", i),
      val("c:order", i),
      el("c:tx", {}, [text("c:v", s.name)]),
      solidFill(CHART_SERIES_COLORS[i % CHART_SERIES_COLORS.length]),
      val("c:invertIfNegative", 0),
      el("c:dLbls", {}, [
        val("c:showLegendKey", 0),
        val("c:showVal", 1),
        val("c:showCatName", 0),
        val("c:showSerName", 0),
        val("c:showPercent", 0),
        val("c:showBubbleSize", 0),
      ]),
      el("c:cat", {}, [strLit(chart.categories)]),
      el("c:val", {}, [numLit(s.values)]),
    ]),
  );
  const root = el("c:chartSpace", { "xmlns:c": NS.c, "xmlns:a": NS.a, "xmlns:r": NS.r }, [
    val("c:roundedCorners", 0),
    el("c:chart", {}, [
      el("c:title", {}, [richText(chart.title, chart.lang, 12, true), val("c:overlay", 0)]),
      val("c:autoTitleDeleted", 0),
      el("c:plotArea", {}, [
        el("c:layout"),
        el("c:barChart", {}, [
          val("c:barDir", "col"),
          val("c:grouping", "clustered"),
          val("c:varyColors", 0),
          ...series,
          val("c:gapWidth", 150),
          val("c:axId", 1),
          val("c:axId", 2),
        ]),
        el("c:catAx", {}, [
          val("c:axId", 1),
          el("c:scaling", {}, [val("c:orientation", "minMax")]),
          val("c:delete", 0),
          val("c:axPos", "b"),
          val("c:tickLblPos", "nextTo"),
          val("c:crossAx", 2),
          val("c:crosses", "autoZero"),
          val("c:auto", 1),
          val("c:lblAlgn", "ctr"),
          val("c:lblOffset", 100),
        ]),
        el("c:valAx", {}, [
          val("c:axId", 2),
          el("c:scaling", {}, [val("c:orientation", "minMax"), val("c:min", 0)]),
          val("c:delete", 0),
          val("c:axPos", "l"),
          el("c:majorGridlines"),
          el("c:numFmt", { formatCode: "General", sourceLinked: "0" }),
          val("c:tickLblPos", "nextTo"),
          val("c:crossAx", 1),
          val("c:crosses", "autoZero"),
          val("c:crossBetween", "between"),
        ]),
      ]),
      el("c:legend", {}, [val("c:legendPos", "b"), val("c:overlay", 0)]),
      val("c:plotVisOnly", 1),
      val("c:dispBlanksAs", "gap"),
    ]),
  ]);
  return documentOf(root);
}

/** The drawing part: the chart in a frame from the spec's anchor, ROWS × COLS cells. */
export function drawingPartXml(chart: ChartSpec, chartRelId: string): XmlDocument {
  const marker = (tag: string, row: number, col: number) =>
    el(tag, {}, [
      text("xdr:col", String(col)),
      text("xdr:colOff", "0"),
      text("xdr:row", String(row)),
      text("xdr:rowOff", "0"),
    ]);
  const { row, col } = chart.anchor;
  const root = el("xdr:wsDr", { "xmlns:xdr": NS.xdr, "xmlns:a": NS.a }, [
    el("xdr:twoCellAnchor", {}, [
      marker("xdr:from", row, col),
      marker("xdr:to", row + ROWS, col + COLS),
      el("xdr:graphicFrame", { macro: "" }, [
        el("xdr:nvGraphicFramePr", {}, [
          el("xdr:cNvPr", { id: "2", name: chart.title, descr: chart.title }),
          el("xdr:cNvGraphicFramePr"),
        ]),
        el("xdr:xfrm", {}, [el("a:off", { x: "0", y: "0" }), el("a:ext", { cx: "0", cy: "0" })]),
        el("a:graphic", {}, [
          el("a:graphicData", { uri: NS.c }, [
            el("c:chart", { "xmlns:c": NS.c, "xmlns:r": NS.r, "r:id": chartRelId }),
          ]),
        ]),
      ]),
      el("xdr:clientData"),
    ]),
  ]);
  return documentOf(root);
}

function freePart(index: PartIndex, stem: string): string {
  let n = 1;
  while (index.has(`${stem}${n}.xml`)) n += 1;
  return `${stem}${n}.xml`;
}

/**
 * Adds the chart to the worksheet part `sheetPart` (whose parsed XML is `sheetDoc`, not yet written): the chart and
 * drawing parts, their relationships and content types, and the worksheet's <drawing>.
 */
export async function addChartToSheet(
  zip: JSZip,
  index: PartIndex,
  types: ContentTypes,
  sheetPart: string,
  sheetDoc: XmlDocument,
  chart: ChartSpec,
): Promise<void> {
  const directory = sheetPart.slice(0, sheetPart.lastIndexOf("/worksheets/") + 1);
  const chartPart = freePart(index, `${directory}charts/chart`);
  writeXml(zip, index, chartPart, chartPartXml(chart));
  types.add(chartPart, CHART_TYPE);

  const drawingPart = freePart(index, `${directory}drawings/drawing`);
  const drawingRels = await readRelationships(zip, index, drawingPart);
  const chartId = addRelationship(drawingRels, drawingPart, CHART_REL, chartPart);
  writeXml(zip, index, drawingPart, drawingPartXml(chart, chartId));
  writeXml(zip, index, drawingRels.path, drawingRels.doc);
  types.add(drawingPart, DRAWING_TYPE);

  const sheetRels = await readRelationships(zip, index, sheetPart);
  const drawingId = addRelationship(sheetRels, sheetPart, DRAWING_REL, drawingPart);
  writeXml(zip, index, sheetRels.path, sheetRels.doc);
  const root = rootOf(sheetDoc);
  const p = prefixOf(tagOf(root) ?? "");
  insertInOrder(root, el(`${p}drawing`, { "r:id": drawingId }), AFTER_DRAWING);
}
