/**
 * The Word 自评报告 as a reader of the file sees it: the .docx is unzipped and its XML parsed, and the headings, the
 * figures, the fonts of every run, the page, the line spacing and the page-number field are asserted. Each report is
 * built once per suite.
 */
import { readFileSync } from "fs";
import type ExcelJS from "exceljs";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { Lang } from "../../src/engine/i18n";
import {
  DOTS_PER_INCH,
  RATE_COLOR,
  SCORE_COLOR,
  WEIGHT_COLOR,
  drawChartPicture,
} from "../../src/gateway/docx/chart-picture";
import { reportDocx } from "../../src/gateway/docx/index";
import { encodePng } from "../../src/gateway/docx/png";
import { mmToTwips } from "../../src/gateway/docx/typesetting";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { SAMPLE_XLSX } from "../cli/run-cli";
import { editXlsx } from "../fixtures/xlsx-builders";
import { openDocx, type DocxParagraph, type OpenedDocx } from "./docx-read";

async function docxOf(lang: Lang, edit?: (wb: ExcelJS.Workbook) => void): Promise<OpenedDocx> {
  const sample = readFileSync(SAMPLE_XLSX);
  const bytes = edit ? await editXlsx(sample, edit) : sample;
  const evaluation = evaluateWorkbook(await readXlsxBuffer(bytes));
  return openDocx(await reportDocx(evaluation, lang));
}

/** The faulty copy of the reference test: a total changed, a part stored as text, an actual removed, a score typed wrong. */
function faulty(wb: ExcelJS.Workbook): void {
  wb.getWorksheet("表一 预算执行情况")!.getCell("D5").value = 10726.16;
  wb.getWorksheet("表二 支出决算表")!.getCell("D8").value = "1,000.00";
  wb.getWorksheet("表三 绩效指标")!.getCell("E5").value = null;
  wb.getWorksheet("表三 绩效指标")!.getCell("G4").value = 5;
}

const ZH_HEADINGS = [
  "一、部门（单位）基本情况",
  "二、一般公共预算支出情况",
  "三、政府性基金预算支出情况",
  "四、国有资本经营预算支出情况",
  "五、社会保险基金预算支出情况",
  "六、部门整体支出绩效情况",
  "七、存在的问题及原因分析",
  "八、下一步改进措施",
  "九、部门整体支出绩效自评结果拟应用和公开情况",
  "十、其他需要说明的情况",
];

const bodyParagraphs = (d: OpenedDocx) => d.paragraphs.filter((p) => !p.inTable && p.text !== "");
const withText = (d: OpenedDocx, text: string): DocxParagraph => {
  const p = d.paragraphs.find((q) => q.text === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
};

describe("the Word report of the sample (zh-CN)", () => {
  let doc: OpenedDocx;
  beforeAll(async () => {
    doc = await docxOf("zh-CN");
  });

  it("is titled in the usual form and has the ten sections in order, then the 自评表 as 附件", () => {
    const texts = bodyParagraphs(doc).map((p) => p.text);
    expect(texts[0]).toBe("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告");
    expect(texts[1]).not.toMatch(/核查发现/);
    const headings = texts.filter((t) => /^[一二三四五六七八九十]+、/.test(t));
    expect(headings).toEqual(ZH_HEADINGS);
    const appendix = texts.indexOf("附件：部门整体支出绩效自评表");
    expect(appendix).toBeGreaterThan(texts.indexOf(ZH_HEADINGS[9]));
    expect(withText(doc, "附件：部门整体支出绩效自评表").pageBreakBefore).toBe(true);
    expect(texts.slice(appendix + 1, appendix + 3)).toEqual(["2023年度部门整体支出绩效自评表", "单位：万元"]);
  });

  it("states the figures as the narrative does: spending, its parts, the score and the grade", () => {
    const texts = bodyParagraphs(doc).map((p) => p.text);
    // 二 states the 一般公共预算's own spending; 基本/项目 are known for all funds only (政府性基金 is stated in 三).
    const general = texts.indexOf("二、一般公共预算支出情况");
    expect(texts.slice(general + 1, general + 3)).toEqual([
      "\u3000\u3000本年度一般公共预算全年预算数9716.16万元，支出9716.16万元，占总支出的90.67%。",
      "\u3000\u3000工作簿未按资金来源划分基本支出和项目支出；全部资金（含政府性基金预算）中，基本支出256.79万元，项目支出10459.37万元。",
    ]);
    expect(texts[general + 3]).toBe("三、政府性基金预算支出情况");
    expect(texts).toContain(
      "\u3000\u3000本年度政府性基金预算全年预算数1000.00万元，支出1000.00万元，占总支出的9.33%。",
    );
    expect(texts).toContain(
      "\u3000\u30002023年，我单位全年预算数10716.16万元，全年执行数10716.16万元，预算执行率为100.00%。" +
        "按收入性质分，一般公共预算9716.16万元，政府性基金预算1000.00万元。按支出性质分，基本支出256.79万元，项目支出10459.37万元。",
    );
    expect(texts).toContain("\u3000\u3000经自评，对单位整体支出评分为99.78分，评价等级为“优”。");
  });

  it("draws the scores as a picture at the end of 六, with the title and legend above it and the key below", () => {
    const texts = bodyParagraphs(doc).map((p) => p.text);
    const caption = texts.indexOf("图 1\u3000得分与分值（预算执行率 100.00%）");
    expect(caption).toBeGreaterThan(texts.indexOf(ZH_HEADINGS[5]));
    // The key is a table: the next paragraph outside a table is 七's heading.
    expect(texts[caption + 1]).toBe(ZH_HEADINGS[6]);
    // In the body: 六's last paragraph, the legend, the picture, the caption, then the key's cells.
    const at = doc.paragraphs.findIndex((p) => p.pictures.length > 0);
    expect(doc.paragraphs[at - 2].text).toMatch(/^\u3000\u30001\.入园企业满意度：/);
    const legend = doc.paragraphs[at - 1];
    expect(legend.text).toBe("得分与分值\u3000\u3000■ 得分\u3000\u3000■ 分值\u3000\u3000■ 预算执行率");
    expect(legend.align).toBe("center");
    // Each square in its series' colour, the same as the columns'; the words in the document's colour.
    expect(legend.runs.filter((r) => r.text === "■").map((r) => r.color)).toEqual([
      SCORE_COLOR,
      WEIGHT_COLOR,
      RATE_COLOR,
    ]);
    expect(legend.runs.filter((r) => r.text !== "■").every((r) => r.color === undefined)).toBe(true);
    expect(legend.runs[0]).toMatchObject({ text: "得分与分值", bold: true });
    expect(doc.paragraphs[at].text).toBe("");
    expect(doc.paragraphs[at + 1].text).toBe("图 1\u3000得分与分值（预算执行率 100.00%）");
    for (const p of [legend, doc.paragraphs[at], doc.paragraphs[at + 1]])
      for (const r of p.runs)
        expect(r.fonts).toEqual({
          "w:ascii": "Times New Roman",
          "w:hAnsi": "Times New Roman",
          "w:eastAsia": "宋体",
        });
    // The key: number and name in cells of their own, one row of four, without borders.
    expect(doc.paragraphs[at + 2].inTable).toBe(true);
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[0]).toEqual([["1", "预算执行率", "2", "产出指标", "3", "效益指标", "4", "满意度指标"]]);
    expect(Object.values(doc.tableBorders[0])).toEqual(["none", "none", "none", "none", "none", "none"]);
    // The 自评表's borders are the default single lines.
    expect(Object.values(doc.tableBorders[1])).not.toContain("none");
  });

  it("embeds the picture as a PNG (pic:pic) with its alt text, the size of the text block, and no chart part", () => {
    const pictures = doc.paragraphs.flatMap((p) => p.pictures);
    expect(pictures).toHaveLength(1);
    const [picture] = pictures;
    expect(picture.isPicture).toBe(true);
    expect(picture).toMatchObject({
      name: "得分与分值",
      title: "得分与分值",
      description:
        "得分与分值（得分/分值）：预算执行率 10/10，产出指标 50/50，效益指标 30/30，满意度指标 9.78/10；预算执行率 100.00%",
    });
    // 589 × 230 pixels at 96 an inch: 155.8 mm, the 156 mm text block less a fraction of a pixel.
    expect([picture.cx, picture.cy]).toEqual([589 * 9525, 230 * 9525]);
    expect(picture.target).toMatch(/^word\/media\/[^/]+\.png$/);
    expect([...doc.media.keys()]).toEqual([picture.target]);
    // The picture of the sample's figures, byte for byte: 得分 10, 50, 30, 9.78 against 10, 50, 30, 10, and the rate.
    const expected = encodePng(
      drawChartPicture({
        scores: [10, 50, 30, 9.78],
        weights: [10, 50, 30, 10],
        rate: { fraction: 1, text: "100.00%" },
      }).image,
      DOTS_PER_INCH,
    );
    expect(Buffer.from(doc.media.get(picture.target!)!).equals(Buffer.from(expected))).toBe(true);
    expect(doc.files.filter((f) => f.startsWith("word/charts/") || f.startsWith("word/embeddings/"))).toEqual(
      [],
    );
    expect(doc.contentTypes).not.toContain("drawingml.chart");
    expect(doc.contentTypes).toContain('<Default ContentType="image/png" Extension="png"/>');
  });

  it("holds the 自评表 as a Word table with its figures, merges as spans", () => {
    expect(doc.tableRows[0]).toEqual(["预算部门名称", "岳阳市君山产业开发区管委会"]);
    expect(doc.tableRows[1]).toEqual([
      "年度预算申请（万元）",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    expect(doc.tableRows[2]).toEqual([
      "年度资金总额",
      "3,000.00",
      "10,716.16",
      "10,716.16",
      "10",
      "100.00%",
      "10.00",
    ]);
    const rows = doc.tableRows.map((r) => r.join("|"));
    expect(rows).toContain("基本支出|260.00|256.79|256.79");
    expect(rows).toContain("项目支出|2,740.00|10,459.37|10,459.37");
    expect(rows.find((r) => r.startsWith("总分"))).toBe("总分|100|99.78|");
    expect(rows.find((r) => r.startsWith("评价等级"))).toBe("评价等级|优");
  });

  it("sets every run's East Asian face: 方正小标宋简体 title, 黑体 / 楷体_GB2312 headings, 仿宋_GB2312 body, 宋体 table", () => {
    const fontsOf = (p: DocxParagraph) => [...new Set(p.runs.map((r) => r.fonts["w:eastAsia"]))];
    const sizesOf = (p: DocxParagraph) => [...new Set(p.runs.map((r) => r.size))];
    const title = bodyParagraphs(doc)[0];
    expect(fontsOf(title)).toEqual(["方正小标宋简体"]);
    expect(sizesOf(title)).toEqual(["44"]);
    expect(title.align).toBe("center");
    expect(fontsOf(withText(doc, ZH_HEADINGS[0]))).toEqual(["黑体"]);
    expect(fontsOf(withText(doc, "（一）职能职责"))).toEqual(["楷体_GB2312"]);
    expect(fontsOf(withText(doc, "\u3000\u3000我单位无国有资本经营预算支出。"))).toEqual(["仿宋_GB2312"]);
    expect(sizesOf(withText(doc, ZH_HEADINGS[5]))).toEqual(["32"]);
    const cells = doc.paragraphs.filter((q) => q.inTable && q.text !== "");
    expect(cells.length).toBeGreaterThan(50);
    for (const p of cells) expect(fontsOf(p)).toEqual(["宋体"]);
    const runs = [...doc.paragraphs, ...doc.footer].flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(100);
    for (const r of runs) {
      expect(r.fonts["w:eastAsia"]).toBeTruthy();
      expect(r.fonts["w:ascii"]).toBe("Times New Roman");
    }
  });

  it("names each official face's fallback in the font table (w:altName), as GB2312 faces", () => {
    expect(doc.fontTable).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/>',
    );
    expect(doc.fontTable).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>',
    );
    expect(doc.fontTable).toContain(
      '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/>',
    );
  });

  it("is set on A4 with the GB/T 9704 margins", () => {
    expect(mmToTwips(37)).toBe(2098);
    expect(doc.sectPr["w:pgSz"]).toMatchObject({ "w:w": "11906", "w:h": "16838" });
    expect(doc.sectPr["w:pgMar"]).toMatchObject({
      "w:top": "2098",
      "w:bottom": "1984",
      "w:left": "1587",
      "w:right": "1474",
    });
  });

  it("spaces the text at a fixed 28 points (560 twips, exact)", () => {
    const all = bodyParagraphs(doc);
    const text = all.slice(0, all.findIndex((p) => p.text.startsWith("附件")) + 1);
    expect(text.length).toBeGreaterThan(30);
    for (const p of text) expect(p.spacing).toMatchObject({ "w:line": "560", "w:lineRule": "exact" });
  });

  it("numbers the pages “— 1 —” in the centre of the footer with a PAGE field", () => {
    expect(doc.footer).toHaveLength(1);
    const [footer] = doc.footer;
    expect(footer.align).toBe("center");
    expect(footer.runs.map((r) => r.text).filter((t) => t !== "")).toEqual(["— ", " —"]);
    expect(footer.runs.map((r) => r.instr.trim()).filter((t) => t !== "")).toEqual(["PAGE"]);
    for (const r of footer.runs) expect(r.size).toBe("28");
  });

  it("has no 核查结果 when no finding stands", () => {
    expect(doc.paragraphs.map((p) => p.text)).not.toContain("核查结果");
  });
});

describe("the Word report of a workbook with faults (zh-CN)", () => {
  let doc: OpenedDocx;
  beforeAll(async () => {
    doc = await docxOf("zh-CN", faulty);
  });

  it("has the 核查结果 summary on its own page before the 附件, by severity, rule names only", () => {
    const texts = bodyParagraphs(doc).map((p) => p.text);
    const at = texts.indexOf("核查结果");
    expect(at).toBeGreaterThan(texts.indexOf(ZH_HEADINGS[9]));
    expect(at).toBeLessThan(texts.indexOf("附件：部门整体支出绩效自评表"));
    expect(withText(doc, "核查结果").pageBreakBefore).toBe(true);
    expect(texts[at + 1]).toBe(
      "\u3000\u3000本报告所据工作簿经核查共有 9 项问题：错误 6 项，警告 2 项，提示 1 项。请核实修改后再提交。",
    );
    expect(texts[at + 2]).toBe("错误（6 项）");
    // Then by table, as the task pane and the 核查结果 sheet group them.
    expect(texts[at + 3]).toBe("\u3000\u3000预算执行情况（3 项）");
    expect(texts[at + 4]).toMatch(
      /^\u3000\u30001\. “预算分项合计”（表一 预算执行情况!D5、表一 预算执行情况!D7、表一 预算执行情况!D8、表一 预算执行情况!D9、表一 预算执行情况!D10）：/,
    );
    // A cross-table mismatch names both cells and which figure is the reference, in one unit.
    expect(texts[at + 6]).toBe(
      "\u3000\u30003. “跨表核对”（表一 预算执行情况!D5、表二 支出决算表!C5）：预算执行情况“全年执行数”年度资金总额（表一 预算执行情况!D5）为 10,726.16 万元，支出决算表合计行“合计”（表二 支出决算表!C5）为 10,716.16 万元，相差 10.00 万元，预算执行情况多；以支出决算表为准",
    );
    expect(texts[at + 7]).toBe("\u3000\u3000支出决算表（2 项）");
    expect(texts[at + 8]).toBe(
      "\u3000\u30004. “列合计”（表二 支出决算表!D7、表二 支出决算表!D8、表二 支出决算表!D9）：“基本支出”列：20113 商贸事务的下级科目（2 个）之和 = 1,000.00 元，20113 商贸事务填列 1,803,500.00 元，相差 1,802,500.00 元，填列数多于分项之和",
    );
    expect(texts[at + 10]).toBe("\u3000\u3000绩效指标（1 项）");
    expect(texts.join("\n")).not.toMatch(/[「」]/);
    expect(texts).toContain("警告（2 项）");
    expect(texts).toContain("提示（1 项）");
    expect(texts.join("\n")).not.toMatch(/sum\.breakdown|value\.missing/);
  });

  it("says under its title that errors stand, bold and centred (issue 12 §3)", () => {
    const texts = bodyParagraphs(doc).map((p) => p.text);
    expect(texts[1]).toBe("核查发现 6 项错误，详见核查结果");
    const banner = bodyParagraphs(doc)[1];
    expect(banner.align).toBe("center");
    expect(banner.runs.every((r) => r.bold)).toBe(true);
    // The 附件's table carries the sheet's banner line above its title too.
    const appendix = texts.indexOf("附件：部门整体支出绩效自评表");
    expect(texts.slice(appendix + 1, appendix + 3)).toEqual([
      "核查发现 6 项错误，详见核查结果",
      "2023年度部门整体支出绩效自评表",
    ]);
  });
});

describe("the Word report in English", () => {
  let doc: OpenedDocx;
  beforeAll(async () => {
    doc = await docxOf("en-US");
  });

  it("has the ten sections in English and Latin faces, with Chinese faces for quoted Chinese text", () => {
    const texts = bodyParagraphs(doc).map((p) => p.text);
    expect(texts[0]).toBe(
      "FY2023 Overall Expenditure Performance Self-Evaluation Report of 岳阳市君山产业开发区管委会",
    );
    expect(texts.filter((t) => /^\d+\. [A-Z]/.test(t))).toHaveLength(10);
    const heading = doc.paragraphs.find((p) => p.text.startsWith("1. "))!;
    expect(heading.runs[0].fonts).toEqual({ "w:ascii": "Arial", "w:eastAsia": "黑体", "w:hAnsi": "Arial" });
    expect(heading.runs[0].bold).toBe(true);
    expect(doc.sectPr["w:pgSz"]).toMatchObject({ "w:w": "11906", "w:h": "16838" });
  });

  it("words the chart's legend, key and alt text in English around the same picture", () => {
    const at = doc.paragraphs.findIndex((p) => p.pictures.length > 0);
    expect(doc.paragraphs[at - 1].text).toBe(
      "Score against weight\u2003\u2003■ Score\u2003\u2003■ Weight\u2003\u2003■ Budget execution rate",
    );
    expect(doc.paragraphs[at - 1].runs[0].fonts).toEqual({
      "w:ascii": "Arial",
      "w:hAnsi": "Arial",
      "w:eastAsia": "宋体",
    });
    expect(doc.paragraphs[at + 1].text).toBe(
      "Figure 1. Score against weight (budget execution rate 100.00%)",
    );
    // "Budget execution" is too long for four pairs a row: two rows of two.
    expect(doc.tables[0]).toEqual([
      ["1", "Budget execution", "2", "产出指标"],
      ["3", "效益指标", "4", "满意度指标"],
    ]);
    const [picture] = doc.paragraphs[at].pictures;
    expect(picture.description).toBe(
      "Score against weight (score/weight): Budget execution 10/10, 产出指标 50/50, 效益指标 30/30, 满意度指标 9.78/10; budget execution rate 100.00%",
    );
    expect(picture.title).toBe("Score against weight");
  });
});
