/**
 * The bar chart of the projects' scores on the 项目汇总 in the .xlsx the package writer makes (issue 13 §3): a chart
 * part in a drawing of the 项目汇总, one 总分 bar per project (categories = the project names) beside 满分, replaced and
 * not doubled when the report is written again, the user's parts untouched, and no 项目汇总 chart without projects.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, posix } from "path";
import { ELDERLY, ROADS, TRAINING, addProjectSheet, projectSheet } from "../fixtures/project-forms";
import { buildXlsx, editXlsx } from "../fixtures/xlsx-builders";
import { SAMPLE_XLSX, runCli } from "../cli/run-cli";
import { chartPartXml, drawingPartXml } from "../../src/gateway/xlsx/package/chart-part";
import { buildXml } from "../../src/gateway/xlsx/package/xml";

/** `selfeval generate` (the package writer) on `input`, its output's bytes. */
async function generated(input: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "selfeval-project-chart-"));
  const from = join(dir, "in.xlsx");
  const out = join(dir, "out.xlsx");
  writeFileSync(from, input);
  const r = await runCli(["generate", from, "--out", out, "--force"]);
  if (r.code !== 0) throw new Error(r.stderr);
  return new Uint8Array(readFileSync(out));
}

const relsOf = (part: string): string =>
  posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);

/** The relationships of `part` of the given type suffix, as absolute part names. */
async function targets(zip: JSZip, part: string, type: string): Promise<string[]> {
  const rels = (await zip.file(relsOf(part))?.async("string")) ?? "";
  return [...rels.matchAll(/<Relationship [^>]*\/>/g)]
    .map((m) => m[0])
    .filter((r) => r.includes(`/relationships/${type}"`))
    .map((r) => posix.join(posix.dirname(part), /Target="([^"]+)"/.exec(r)?.[1] ?? ""));
}

/** Each sheet's name → the chart parts its drawings hold, in tab order. */
async function chartsBySheet(zip: JSZip): Promise<Record<string, string[]>> {
  const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const result: Record<string, string[]> = {};
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="(rId\d+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const sheet = posix.join("xl", target);
    const charts: string[] = [];
    for (const drawing of await targets(zip, sheet, "drawing"))
      charts.push(...(await targets(zip, drawing, "chart")));
    result[m[1]] = charts;
  }
  return result;
}

/** The series of a chart part: name, category texts and values. */
async function seriesOf(zip: JSZip, part: string) {
  const xml = (await zip.file(part)?.async("string")) ?? "";
  const points = (block: string) => [...block.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => ({
    name: points(/<c:tx>([\s\S]*?)<\/c:tx>/.exec(m[1])?.[1] ?? ""),
    categories: points(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(m[1])?.[1] ?? ""),
    values: points(/<c:val>([\s\S]*?)<\/c:val>/.exec(m[1])?.[1] ?? ""),
  }));
}

const CHART_PARTS = /^xl\/charts\/[^/]+\.xml$/;

describe("the 项目汇总's chart of the projects' scores (.xlsx package writer)", () => {
  let input: Uint8Array;
  let first: Uint8Array;
  beforeAll(async () => {
    input = new Uint8Array(
      await buildXlsx([
        projectSheet("项目一", TRAINING),
        projectSheet("项目二", ROADS),
        projectSheet("项目三", ELDERLY),
      ]),
    );
    first = await generated(input);
  });

  it("is a bar chart on the 项目汇总: 总分 per project by name, beside 满分", async () => {
    const zip = await JSZip.loadAsync(first);
    const charts = await chartsBySheet(zip);
    expect(charts["项目汇总"]).toEqual(["xl/charts/chart1.xml"]);
    expect(Object.entries(charts).filter(([, parts]) => parts.length > 0)).toEqual([
      ["项目汇总", ["xl/charts/chart1.xml"]],
    ]);
    const xml = (await zip.file("xl/charts/chart1.xml")?.async("string")) ?? "";
    expect(xml).toContain('<c:barChart><c:barDir val="col"/>');
    expect(xml).toContain("<a:t>各项目得分</a:t>");
    const names = ["职业技能培训项目", "农村公路养护项目", "社区养老服务项目"];
    expect(await seriesOf(zip, "xl/charts/chart1.xml")).toEqual([
      { name: ["总分"], categories: names, values: ["100", "93.5", "81"] },
      { name: ["满分"], categories: names, values: ["100", "100", "100"] },
    ]);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  it("is replaced, not doubled, on a second generate, and the user's sheets are untouched", async () => {
    const again = await JSZip.loadAsync(await generated(first));
    const charts = await chartsBySheet(again);
    expect(Object.entries(charts).filter(([, parts]) => parts.length > 0)).toEqual([
      ["项目汇总", ["xl/charts/chart1.xml"]],
    ]);
    expect(Object.keys(again.files).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n))).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
    ]);
    expect((await seriesOf(again, "xl/charts/chart1.xml"))[0].values).toEqual(["100", "93.5", "81"]);
    const original = await JSZip.loadAsync(input);
    for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]) {
      expect(await again.file(part)?.async("string")).toBe(await original.file(part)?.async("string"));
    }
  });
});

describe("beside the department's tables", () => {
  it("the 绩效自评表 and the 项目汇总 each carry one chart, still one each after a second generate", async () => {
    const input = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      addProjectSheet(wb, "项目一", TRAINING);
      addProjectSheet(wb, "项目二", ROADS);
    });
    const first = await generated(new Uint8Array(input));
    const again = await JSZip.loadAsync(await generated(first));
    const charts = await chartsBySheet(again);
    expect(Object.entries(charts).filter(([, parts]) => parts.length > 0)).toEqual([
      ["绩效自评表", [expect.stringMatching(CHART_PARTS)]],
      ["项目汇总", [expect.stringMatching(CHART_PARTS)]],
    ]);
    expect(Object.keys(again.files).filter((n) => CHART_PARTS.test(n))).toHaveLength(2);
    const summary = await seriesOf(again, charts["项目汇总"][0]);
    expect(summary.map((s) => [s.name, s.categories, s.values])).toEqual([
      [["总分"], ["职业技能培训项目", "农村公路养护项目"], ["100", "93.5"]],
      [["满分"], ["职业技能培训项目", "农村公路养护项目"], ["100", "100"]],
    ]);
  });
});

describe("a workbook with no project forms", () => {
  it("gets no 项目汇总 and so no chart of projects: only the 绩效自评表's chart", async () => {
    const zip = await JSZip.loadAsync(await generated(new Uint8Array(readFileSync(SAMPLE_XLSX))));
    const charts = await chartsBySheet(zip);
    expect(charts["项目汇总"]).toBeUndefined();
    expect(Object.entries(charts).filter(([, parts]) => parts.length > 0)).toEqual([
      ["绩效自评表", ["xl/charts/chart1.xml"]],
    ]);
    expect((await seriesOf(zip, "xl/charts/chart1.xml"))[0].name).toEqual(["得分"]);
  });
});

describe("a workbook whose project sheet has a chart of the user's own", () => {
  it("keeps the user's chart byte for byte and adds ours beside it, twice over", async () => {
    const zip = await JSZip.loadAsync(
      await buildXlsx([projectSheet("项目一", TRAINING), projectSheet("项目二", ROADS)]),
    );
    // The user's chart on 项目一: xl/charts/chart1.xml in xl/drawings/drawing1.xml, as Excel's Insert Chart adds one.
    const userChart = buildXml(
      chartPartXml({
        title: "我的图表",
        lang: "zh-CN",
        categories: ["一月", "二月"],
        series: [{ name: "支出", values: [3, 4] }],
        anchor: { row: 20, col: 0 },
      }),
    );
    const userDrawing = buildXml(
      drawingPartXml(
        { title: "我的图表", lang: "zh-CN", categories: [], series: [], anchor: { row: 20, col: 0 } },
        "rId1",
      ),
    );
    const rel = (type: string, target: string) =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
    zip.file("xl/charts/chart1.xml", userChart);
    zip.file("xl/drawings/drawing1.xml", userDrawing);
    zip.file("xl/drawings/_rels/drawing1.xml.rels", rel("chart", "../charts/chart1.xml"));
    expect(zip.file("xl/worksheets/_rels/sheet1.xml.rels")).toBeNull();
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", rel("drawing", "../drawings/drawing1.xml"));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheet.endsWith("</worksheet>")).toBe(true);
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace(/<\/worksheet>$/, '<drawing r:id="rId1"/></worksheet>'),
    );
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
      ),
    );
    const input = await zip.generateAsync({ type: "uint8array" });

    const again = await JSZip.loadAsync(await generated(await generated(input)));
    const charts = await chartsBySheet(again);
    expect(Object.entries(charts).filter(([, parts]) => parts.length > 0)).toEqual([
      ["项目一", ["xl/charts/chart1.xml"]],
      ["项目汇总", ["xl/charts/chart2.xml"]],
    ]);
    expect(await again.file("xl/charts/chart1.xml")?.async("string")).toBe(userChart);
    expect(await again.file("xl/drawings/drawing1.xml")?.async("string")).toBe(userDrawing);
    expect((await seriesOf(again, "xl/charts/chart2.xml"))[0]).toEqual({
      name: ["总分"],
      categories: ["职业技能培训项目", "农村公路养护项目"],
      values: ["100", "93.5"],
    });
    expect(Object.keys(again.files).filter((n) => CHART_PARTS.test(n))).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ]);
  });
});
