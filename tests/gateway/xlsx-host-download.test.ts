/**
 * The preview's 下载报告 (XlsxWorkbookHost.saveForDownload): with only the report added, the user's own package plus
 * our sheets, so a chart exceljs does not model survives; with marks or the template in the workbook, the exceljs
 * copy, and the route says so (the preview tells the user).
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { check, generate, markFindings, clearMarks, insertTemplate } from "../../src/app/pipeline";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";

const INPUT = readFileSync(join(__dirname, "..", "fixtures", "foreign", "libreoffice-chart.xlsx"));

async function part(bytes: Uint8Array, name: string): Promise<Buffer | null> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  return file ? file.async("nodebuffer") : null;
}

async function sheetEntries(bytes: Uint8Array): Promise<string[]> {
  const xml = (await part(bytes, "xl/workbook.xml"))?.toString("utf8") ?? "";
  return [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
}

describe("XlsxWorkbookHost.saveForDownload", () => {
  it("saves the user's package with our sheets added, the chart byte for byte", async () => {
    const host = await XlsxWorkbookHost.load(INPUT);
    await generate(host, {}, "zh-CN");
    const saved = await host.saveForDownload();
    expect(saved.route).toBe("package");
    const chart = await part(INPUT, "xl/charts/chart1.xml");
    expect(chart).not.toBeNull();
    expect(await part(saved.bytes, "xl/charts/chart1.xml")).toEqual(chart);
    expect((await sheetEntries(saved.bytes)).slice(-4)).toEqual([
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    // The exceljs copy would have lost it: that is why the package route exists.
    expect(await part(await host.toBytes(), "xl/charts/chart1.xml")).toBeNull();
  });

  it("takes the exceljs copy while marks are on, and the package again once they are cleared", async () => {
    const host = await XlsxWorkbookHost.load(INPUT);
    const { evaluation } = await generate(host, {}, "zh-CN");
    const finding = {
      ...evaluation.findings[0],
      severity: "error" as const,
      cells: [{ sheet: "表一 预算执行情况", address: "D5" }],
    };
    expect((await markFindings(host, [finding])).cells).toBe(1);
    expect((await host.saveForDownload()).route).toBe("model");
    await clearMarks(host);
    expect((await host.saveForDownload()).route).toBe("package");
  });

  it("takes the exceljs copy after the template was inserted", async () => {
    const host = await XlsxWorkbookHost.load(INPUT);
    await insertTemplate(host, "zh-CN");
    expect((await host.saveForDownload()).route).toBe("model");
  });

  it("adds a project form template that survives the download and reads back as one project scoring 99", async () => {
    const host = await XlsxWorkbookHost.load(INPUT);
    expect(await insertTemplate(host, "en-US", "project")).toEqual(["Project Form"]);
    const saved = await host.saveForDownload();
    expect(saved.route).toBe("model");
    const reopened = await XlsxWorkbookHost.load(saved.bytes);
    const { evaluation } = await check(reopened, {});
    expect(evaluation.projects.map((p) => [p.form.sheet, p.name, p.score?.total])).toEqual([
      ["Project Form", "××项目", 99],
    ]);
    expect(
      evaluation.findings
        .filter((f) => f.cells.some((c) => c.sheet === "Project Form"))
        .map((f) => [f.rule, f.cells]),
    ).toEqual([["quality.placeholder", [{ sheet: "Project Form", address: "C2" }]]]);
  });

  it("reads and saves a package written with prefixed spreadsheetml (<x:workbook>, <x:sst>) as its twin", async () => {
    const prefixed = readFileSync(
      join(__dirname, "..", "fixtures", "foreign", "libreoffice-prefixed-namespaces.xlsx"),
    );
    const host = await XlsxWorkbookHost.load(prefixed);
    const twin = await XlsxWorkbookHost.load(INPUT);
    expect(await host.read()).toEqual(await twin.read());
    const { evaluation } = await generate(host, {}, "zh-CN");
    expect(evaluation.tables.map((t) => t.sheet)).toEqual([
      "表一 预算执行情况",
      "表二 支出决算表",
      "表三 绩效指标",
      "部门基本情况",
    ]);
    const saved = await host.saveForDownload();
    expect(saved.route).toBe("package");
    expect(await part(saved.bytes, "xl/charts/chart1.xml")).toEqual(
      await part(prefixed, "xl/charts/chart1.xml"),
    );
    expect(await part(saved.bytes, "xl/sharedStrings.xml")).toEqual(
      await part(prefixed, "xl/sharedStrings.xml"),
    );
    const workbook = (await part(saved.bytes, "xl/workbook.xml"))!.toString("utf8");
    expect([...workbook.matchAll(/<x:sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]).slice(-4)).toEqual([
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
  });
});
