/**
 * The chart of the scores in the .xlsx the package writer makes (issue 14 §3): a chart part and a drawing part
 * anchored on the 绩效自评表, with 得分 and 分值 per category as literal data, and a re-run replaces them.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SAMPLE_XLSX, runCli } from "../cli/run-cli";

/** `selfeval generate` (the package writer) on `input`, its output's bytes. */
async function generated(input: Uint8Array, lang = "zh-CN"): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "selfeval-chart-"));
  const from = join(dir, "in.xlsx");
  const out = join(dir, "out.xlsx");
  writeFileSync(from, input);
  const r = await runCli(["generate", from, "--out", out, "--force", "--lang", lang]);
  if (r.code !== 0) throw new Error(r.stderr);
  return new Uint8Array(readFileSync(out));
}

async function partsOf(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? null;
  return { zip, text, names: Object.keys(zip.files) };
}

describe("the .xlsx report's chart of the scores", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await generated(new Uint8Array(readFileSync(SAMPLE_XLSX)));
  });

  it("is a chart part in a drawing of the 绩效自评表, with 得分 and 分值 per category", async () => {
    const { text, names } = await partsOf(bytes);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toEqual(["xl/charts/chart1.xml"]);
    const chart = (await text("xl/charts/chart1.xml"))!;
    expect(chart.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(chart).toContain('<c:barDir val="col"/>');
    const values = [...chart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(values).toEqual([
      "得分",
      "预算执行率",
      "产出指标",
      "效益指标",
      "满意度指标",
      "10",
      "50",
      "30",
      "9.78",
      "分值",
      "预算执行率",
      "产出指标",
      "效益指标",
      "满意度指标",
      "10",
      "50",
      "30",
      "10",
    ]);
    const types = (await text("[Content_Types].xml"))!;
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    // The drawing hangs on the 绩效自评表's worksheet.
    const book = (await text("xl/workbook.xml"))!;
    const rid = /<sheet [^>]*name="绩效自评表"[^>]*r:id="(rId\d+)"/.exec(book)?.[1];
    const bookRels = (await text("xl/_rels/workbook.xml.rels"))!;
    const sheetPath = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(
      bookRels,
    );
    const sheet = `xl/${(sheetPath?.[1] ?? sheetPath?.[2] ?? "").replace(/^\/?xl\//, "")}`;
    expect(await text(sheet)).toMatch(/<drawing r:id="rId\d+"\/>/);
    const sheetRels = (await text(sheet.replace("worksheets/", "worksheets/_rels/") + ".rels"))!;
    expect(sheetRels).toMatch(/relationships\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/);
  });

  it("is replaced, not doubled, when the report is written again", async () => {
    const again = await generated(bytes);
    const { names } = await partsOf(again);
    expect(names.filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n))).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
    ]);
  });

  it("tags its title with the report's language (zh-CN here, en-US in an English report)", async () => {
    const { text } = await partsOf(bytes);
    const zh = (await text("xl/charts/chart1.xml"))!;
    expect(
      [...zh.matchAll(/<a:rPr lang="([^"]+)"[^>]*\/><a:t>([^<]*)<\/a:t>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([["zh-CN", "得分与分值"]]);
    const english = await generated(new Uint8Array(readFileSync(SAMPLE_XLSX)), "en-US");
    const en = (await (await partsOf(english)).text("xl/charts/chart1.xml"))!;
    expect(
      [...en.matchAll(/<a:rPr lang="([^"]+)"[^>]*\/><a:t>([^<]*)<\/a:t>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([["en-US", "Score against weight"]]);
  });
});
