import { parseA1, rangeToA1 } from "../../../src/engine/a1";
import { buildReport, type CellSpec, type SheetSpec } from "../../../src/engine/report/index";
import {
  BUDGET_SHEET,
  INDICATOR_SHEET,
  SEED_TOTAL,
  seedBudget,
  seedInfo,
  seedFindings,
  seedInput,
  seedScore,
} from "./fixture";
import { INDICATOR_HEADER } from "../../fixtures/seed";
import type { ReportInput } from "../../../src/engine/report/input";
import { RULE_NAMES } from "../../../src/engine/report/findings-sheet";
import { RULES } from "../../../src/engine/rules/index";
import { buildReportDocument } from "../../../src/engine/report/document";
import { estimateLines } from "../../../src/engine/report/layout";

/** The seed without its error finding: the layout tests below look at a report that carries no banner. */
function cleanInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return seedInput({ findings: seedFindings().filter((f) => f.severity !== "error"), ...overrides });
}

function sheetOf(spec: ReturnType<typeof buildReport>, key: SheetSpec["key"]): SheetSpec {
  const s = spec.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no ${key} sheet`);
  return s;
}

function cellAt(sheet: SheetSpec, address: string): CellSpec | undefined {
  const { row, col } = parseA1(address);
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

function valueAt(sheet: SheetSpec, address: string): CellSpec["value"] | undefined {
  return cellAt(sheet, address)?.value;
}

function styleAt(sheet: SheetSpec, address: string) {
  const c = cellAt(sheet, address);
  if (!c) throw new Error(`no cell ${address}`);
  return sheet.styles[c.styleId];
}

/** Text of column A of every row, in order (the narrative has one merged column). */
function paragraphs(sheet: SheetSpec): string[] {
  return sheet.cells
    .filter((c) => c.col === 0 && typeof c.value === "string")
    .sort((a, b) => a.row - b.row)
    .map((c) => c.value as string);
}

describe("buildReport: the three sheets", () => {
  it("names them in the report's language, in tab order", () => {
    expect(buildReport(seedInput(), "zh-CN").sheets.map((s) => [s.key, s.name])).toEqual([
      ["table", "绩效自评表"],
      ["report", "自评报告"],
      ["findings", "核查结果"],
    ]);
    expect(buildReport(seedInput(), "en-US").sheets.map((s) => s.name)).toEqual([
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
    ]);
  });

  it("is plain JSON: a round trip through JSON.stringify changes nothing", () => {
    const spec = buildReport(seedInput(), "zh-CN");
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("gives every cell a style that exists on its sheet", () => {
    for (const sheet of buildReport(seedInput(), "zh-CN").sheets) {
      for (const c of sheet.cells) expect(sheet.styles[c.styleId]).toBeDefined();
    }
  });

  it("prints every sheet on A4, one page wide, with 第 &P 页 共 &N 页 and no gridlines", () => {
    for (const sheet of buildReport(seedInput(), "zh-CN").sheets) {
      expect(sheet.print).toMatchObject({
        paper: "A4",
        fitToWidth: 1,
        fitToHeight: 0,
        footer: "第 &P 页 共 &N 页",
      });
      expect(sheet.showGridLines).toBe(false);
    }
    expect(buildReport(seedInput(), "en-US").sheets[0].print.footer).toBe("Page &P of &N");
  });
});

describe("绩效自评表", () => {
  const table = sheetOf(buildReport(cleanInput(), "zh-CN"), "table");
  const merges = table.merges.map(rangeToA1);

  it("has the title, the department and the unit caption on top, repeated on every page", () => {
    expect(valueAt(table, "A1")).toBe("2023年度部门整体支出绩效自评表");
    expect(merges).toContain("A1:H1");
    expect(styleAt(table, "A1").font).toEqual({ name: "宋体", size: 18, bold: true });
    expect(valueAt(table, "F2")).toBe("单位：万元");
    expect(valueAt(table, "A3")).toBe("预算部门名称");
    expect(cellAt(table, "C3")).toMatchObject({ value: "岳阳市君山产业开发区管委会", text: true });
    expect(table.print).toMatchObject({
      orientation: "portrait",
      printTitleRows: "1:2",
      centerHorizontally: true,
    });
  });

  it("lays out the budget block in 万元 with #,##0.00, and 执行率 as 0.00%", () => {
    expect([4, 5, 6, 7, 8, 9, 10].map((r) => valueAt(table, `A${r}`))).toEqual([
      "年度预算申请（万元）",
      "年度资金总额",
      "按收入性质分：",
      "一般公共预算",
      "政府性基金预算",
      "按支出性质分：",
      "基本支出",
    ]);
    expect(["C4", "D4", "E4", "F4", "G4", "H4"].map((a) => valueAt(table, a))).toEqual([
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    expect(["C5", "D5", "E5"].map((a) => valueAt(table, a))).toEqual([6000, 10716.16, 10716.16]);
    expect(valueAt(table, "D8")).toBe(1000);
    expect(valueAt(table, "C8")).toBeNull();
    expect(valueAt(table, "E10")).toBe(256.79);
    expect(valueAt(table, "E11")).toBe(10459.37);
    expect(styleAt(table, "E5").numberFormat).toBe("#,##0.00");
    expect(valueAt(table, "G5")).toBe(1);
    expect(styleAt(table, "G5").numberFormat).toBe("0.00%");
    expect([valueAt(table, "F5"), valueAt(table, "H5")]).toEqual([10, 10]);
    // 分值, 执行率 and 得分 stand beside the whole block.
    expect(merges).toEqual(expect.arrayContaining(["F5:F11", "G5:G11", "H5:H11"]));
  });

  it("shows an amount the user typed as text that is not a number as that text", () => {
    const budget = seedBudget();
    const total = budget.total;
    const broken = {
      ...budget,
      total: {
        ...total,
        cells: {
          ...total.cells,
          executed: {
            ...total.cells.executed!,
            raw: "约10716",
            parsed: { kind: "unparsed" as const, text: "约10716" },
          },
        },
      },
    };
    const spec = buildReport(
      cleanInput({ recognized: { ...seedInput().recognized, budget: broken } }),
      "zh-CN",
    );
    expect(cellAt(sheetOf(spec, "table"), "E5")).toMatchObject({ value: "约10716", text: true });
  });

  it("says in words that a formula was never calculated, not by the readers' #UNCALCULATED code", () => {
    const budget = seedBudget();
    const total = budget.total;
    const uncalculated = {
      ...budget,
      total: {
        ...total,
        cells: {
          ...total.cells,
          executed: {
            ...total.cells.executed!,
            raw: { kind: "error" as const, code: "#UNCALCULATED" },
            parsed: { kind: "error" as const, code: "#UNCALCULATED" },
          },
        },
      },
    };
    const input = cleanInput({ recognized: { ...seedInput().recognized, budget: uncalculated } });
    expect(cellAt(sheetOf(buildReport(input, "zh-CN"), "table"), "E5")).toMatchObject({
      value: "公式未计算",
      text: true,
    });
    expect(valueAt(sheetOf(buildReport(input, "en-US"), "table"), "E5")).toBe("not calculated");
  });

  it("puts the overall goals beside each other, as the user wrote them", () => {
    expect(valueAt(table, "A12")).toBe("年度总体目标");
    expect([valueAt(table, "C12"), valueAt(table, "F12")]).toEqual(["预期目标", "实际完成情况"]);
    expect(cellAt(table, "C13")).toMatchObject({
      value: "完成新签约项目15个以上，技工贸总收入95亿元以上。",
      text: true,
    });
    expect(cellAt(table, "F13")).toMatchObject({
      value: "完成新签约项目17个，技工贸总收入98.96亿元。",
      text: true,
    });
    expect(merges).toEqual(expect.arrayContaining(["A12:B13", "C13:E13", "F13:H13"]));
  });

  it("lists the indicators with 一级/二级 merged down over their groups", () => {
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => valueAt(table, `${c}14`))).toEqual([
      ...INDICATOR_HEADER,
    ]);
    expect(["C17", "D17", "E17", "F17", "G17", "H17"].map((a) => valueAt(table, a))).toEqual([
      "项目开工率",
      "≥90%",
      "88%",
      10,
      9.78,
      "部分项目受用地报批影响推迟开工，下一步加快报批。",
    ]);
    expect(styleAt(table, "G17").numberFormat).toBe("0.00");
    // The missing actual is an empty cell, not an empty string.
    expect(valueAt(table, "E21")).toBeNull();
    expect([valueAt(table, "A15"), valueAt(table, "A20"), valueAt(table, "A22")]).toEqual([
      "产出指标",
      "效益指标",
      "满意度指标",
    ]);
    expect(merges).toEqual(expect.arrayContaining(["A15:A19", "A20:A21", "B15:B16"]));
    // A group of one row is not merged.
    expect(merges.filter((m) => /^[AB](1[5-9]|2[0-2]):/.test(m))).toEqual(["A15:A19", "A20:A21", "B15:B16"]);
    expect(cellAt(table, "A15")?.text).toBe(true);
  });

  it("ends with 总分, 评价等级 and the signature line", () => {
    expect([valueAt(table, "A23"), valueAt(table, "F23"), valueAt(table, "G23")]).toEqual([
      "总分",
      100,
      SEED_TOTAL,
    ]);
    expect(styleAt(table, "G23")).toMatchObject({ numberFormat: "0.00", font: { bold: true } });
    expect([valueAt(table, "A24"), valueAt(table, "F24")]).toEqual(["评价等级", "良"]);
    expect(["A26", "C26", "D26", "F26"].map((a) => valueAt(table, a))).toEqual([
      "单位负责人：",
      "财务负责人：",
      "填表人：",
      "填报日期：    年    月    日",
    ]);
    expect(styleAt(table, "A26").borders).toBeUndefined();
  });

  it("boxes the table with thin borders, also on the covered cells of a merge", () => {
    const box = { top: "thin", bottom: "thin", left: "thin", right: "thin" };
    expect(styleAt(table, "A4").borders).toEqual(box);
    expect(styleAt(table, "H19").borders).toEqual(box);
    expect(cellAt(table, "B4")).toMatchObject({ value: null, styleId: "header" });
  });

  it("gives wrapped text in narrow or merged cells an explicit row height", () => {
    // Row 17: a 偏差原因 of 24 CJK characters in the 26-wide column (134.25 usable points: 12 characters of 10.5 pt a
    // line) fills two lines exactly: two lines high, no blank third line under it.
    expect(table.rowHeights[16]).toBe(36);
    // Row 18: "2023年12月底前完成" in the 13-wide 年度指标值 column needs two.
    expect(table.rowHeights[17]).toBe(36);
    // Row 15: one line of 10.5-pt text.
    expect(table.rowHeights[14]).toBe(21);
  });

  it("notes a total lowered by the execution-rate cap", () => {
    const capped = buildReport(
      cleanInput({ score: { ...seedScore(), total: 89, cappedFrom: 92.5 } }),
      "zh-CN",
    );
    const t = sheetOf(capped, "table");
    expect([valueAt(t, "G23"), valueAt(t, "H23")]).toEqual([89, "按预算执行率上限由 92.50 分调整"]);
  });

  it("carries chart data for the add-in: 得分 and 分值 per 一级指标 and execution", () => {
    expect(table.chart).toEqual({
      title: "得分与分值",
      lang: "zh-CN",
      categories: ["预算执行率", "产出指标", "效益指标", "满意度指标"],
      series: [
        { name: "得分", values: [10, 49.78, 15, 10] },
        { name: "分值", values: [10, 50, 30, 10] },
      ],
      anchor: { row: 27, col: 0 },
    });
  });

  it("writes an English table with English labels", () => {
    const en = sheetOf(buildReport(cleanInput(), "en-US"), "table");
    expect(valueAt(en, "A1")).toBe("FY2023 Department Overall Expenditure Performance Self-Evaluation");
    expect(valueAt(en, "A5")).toBe("Total funds");
    expect(valueAt(en, "A23")).toBe("Total score");
  });
});

describe("自评报告", () => {
  const report = sheetOf(buildReport(cleanInput(), "zh-CN"), "report");
  const text = paragraphs(report);

  it("has the title and the ten headings of the seed's outline, in order", () => {
    expect(text[0]).toBe("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告");
    // The Word report states the same title (one vocabulary), in each language.
    expect(buildReportDocument(cleanInput(), "zh-CN").title).toBe(text[0]);
    expect(buildReportDocument(cleanInput(), "en-US").title).toBe(
      paragraphs(sheetOf(buildReport(cleanInput(), "en-US"), "report"))[0],
    );
    const headings = report.cells
      .filter((c) => c.styleId === "heading" && c.value !== null)
      .map((c) => c.value);
    expect(headings).toEqual([
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
    ]);
    const subheadings = report.cells
      .filter((c) => c.styleId === "subheading" && c.value !== null)
      .map((c) => c.value);
    // 二 has no (一)基本支出 (二)项目支出: the workbook splits them for all funds only, and 政府性基金 spent too.
    expect(subheadings.slice(0, 3)).toEqual(["（一）职能职责", "（二）机构设置", "（一）已完成的指标"]);
  });

  it("gives each line of the user's 职能职责 its own paragraph, kept as text", () => {
    const i = text.indexOf("（一）职能职责");
    expect(text.slice(i + 1, i + 4)).toEqual([
      "　　岳阳市君山产业开发区党工委、管委会贯彻执行中央和省、市关于产业开发区的方针政策和决策部署。",
      "　　1.负责贯彻执行党和国家关于开发区建设的方针政策、法律法规和决策部署。",
      "　　2.负责研究拟订和组织实施君山产业开发区重大发展战略、发展规划和工作计划。",
    ]);
    expect(report.cells.find((c) => c.value === text[i + 1])?.text).toBe(true);
  });

  it("states the 一般公共预算's own spending in 二, and the all-funds 基本/项目 split as such: 政府性基金 is not counted twice", () => {
    const i = text.indexOf("二、一般公共预算支出情况");
    expect(text.slice(i + 1, text.indexOf("三、政府性基金预算支出情况"))).toEqual([
      "　　本年度一般公共预算全年预算数9716.16万元，支出9716.16万元，占总支出的90.67%。",
      "　　工作簿未按资金来源划分基本支出和项目支出；全部资金（含政府性基金预算）中，基本支出256.79万元，项目支出10459.37万元。",
    ]);
    expect(text.join("")).not.toContain("本年度基本支出为");
  });

  it("states 基本支出 and 项目支出 under 二 with their share of the total when the 一般公共预算 is the only fund spent", () => {
    const base = cleanInput();
    const block = base.recognized.budget!;
    const { general } = block.sources;
    const only = buildReport(
      { ...base, recognized: { ...base.recognized, budget: { ...block, sources: { general } } } },
      "zh-CN",
    );
    const lines = paragraphs(sheetOf(only, "report"));
    const i = lines.indexOf("二、一般公共预算支出情况");
    expect(lines.slice(i + 1, i + 5)).toEqual([
      "（一）基本支出",
      "　　本年度基本支出为256.79万元，占总支出的2.40%。",
      "（二）项目支出",
      "　　本年度项目支出为10459.37万元，占总支出的97.60%。",
    ]);
  });

  it("states each fund's spending, one sentence for a fund with none", () => {
    expect(text).toContain(
      "　　本年度政府性基金预算全年预算数1000.00万元，支出1000.00万元，占总支出的9.33%。",
    );
    expect(text).toContain("　　我单位无国有资本经营预算支出。");
    expect(text).toContain("　　我单位无社会保险基金预算支出。");
  });

  it("sums up the year and the indicators met, not met and missing", () => {
    expect(text).toContain(
      "　　2023年，我单位全年预算数10716.16万元，全年执行数10716.16万元，预算执行率为100.00%。" +
        "按收入性质分，一般公共预算9716.16万元，政府性基金预算1000.00万元。" +
        "按支出性质分，基本支出256.79万元，项目支出10459.37万元。",
    );
    expect(text).toContain(
      "　　单位整体绩效目标完成情况如下：共设置绩效指标8项，已完成6项，未完全完成1项，未填报实际完成值1项。",
    );
    expect(text).toContain("　　1.新签约项目数：年度指标值≥15个，实际完成值17个，得分10分（分值10分）。");
    expect(text).toContain(
      "　　1.项目开工率：年度指标值≥90%，实际完成值88%，得分9.78分（分值10分）。" +
        "偏差原因及改进措施：部分项目受用地报批影响推迟开工，下一步加快报批。",
    );
    expect(text).toContain("　　1.新增就业人数：年度指标值≥500人，未填报实际完成值，得分0分（分值15分）。");
  });

  it("ends section 九 with the score sentence and 十 with 无 when nothing else is said", () => {
    const nine = text.indexOf("九、部门整体支出绩效自评结果拟应用和公开情况");
    expect(text.slice(nine + 1)).toEqual([
      "　　我单位收悉区财政开展2023年度绩效自评工作通知后，积极组织开展绩效自评工作。",
      "　　经自评，对单位整体支出评分为84.78分，评价等级为“良”。",
      "十、其他需要说明的情况",
      "　　无。",
    ]);
  });

  it("asks for what the workbook does not give instead of leaving a section empty", () => {
    const input = cleanInput();
    const bare = buildReport(
      { ...input, recognized: { ...input.recognized, info: seedInfo({ functions: "", problems: "  " }) } },
      "zh-CN",
    );
    const t = paragraphs(sheetOf(bare, "report"));
    expect(t[t.indexOf("（一）职能职责") + 1]).toBe("　　（工作簿中未提供职能职责，请补充。）");
    expect(t[t.indexOf("七、存在的问题及原因分析") + 1]).toBe("　　（工作簿中未提供存在的问题，请补充。）");
  });

  it("splits a paragraph too long for one row over several rows, each within Excel's 409-point cap", () => {
    const long = "本单位持续推进园区基础设施建设和招商引资工作。".repeat(60);
    const input = cleanInput();
    const spec = buildReport(
      { ...input, recognized: { ...input.recognized, info: seedInfo({ functions: long }) } },
      "zh-CN",
    );
    const r = sheetOf(spec, "report");
    const pieces = r.cells.filter((c) => typeof c.value === "string" && c.value.includes("本单位持续推进"));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((c) => c.value).join("")).toBe(`\u3000\u3000${long}`);
    for (const c of pieces) expect(r.rowHeights[c.row]).toBeLessThanOrEqual(409);
  });

  it("sizes each body row to its lines at 38 characters a line and 仿宋's pitch of 17 px, no blank line under it", () => {
    // 38 CJK characters of 12 pt fill the 88 units (Excel: 7 px a unit with the workbook's Calibri 11) of a line; a
    // paragraph of 2 × 38 − 2 characters after its two-character indent is two lines, one more character three.
    const twoLines = "园".repeat(74);
    const input = cleanInput();
    const build = (functions: string) =>
      sheetOf(
        buildReport(
          { ...input, recognized: { ...input.recognized, info: seedInfo({ functions }) } },
          "zh-CN",
        ),
        "report",
      );
    const heightOf = (r: SheetSpec, paragraph: string) =>
      r.rowHeights[r.cells.find((c) => c.value === `\u3000\u3000${paragraph}`)!.row];
    // 2 lines × 12.75 pt + 6 pt of air = 31.5 → 32; 3 lines → 44.25 → 45 (the old 1.4 × 12 pitch gave 40 and 57).
    expect(heightOf(build(twoLines), twoLines)).toBe(32);
    expect(heightOf(build(`${twoLines}园`), `${twoLines}园`)).toBe(45);
    // Eleven lines (418 characters): 11 × 12.75 + 6 = 146.25 → 147, where 1.4 × 12 gave 191 — four blank lines.
    const eleven = "园".repeat(38 * 11 - 2);
    expect(heightOf(build(eleven), eleven)).toBe(147);
    // Every body row of the seed's report: its height is its line count × 12.75 + 6 (at least 20), so no row has
    // more than the rounding's point of slack over its text.
    for (const c of report.cells.filter((x) => x.styleId === "body" && typeof x.value === "string")) {
      const lines = estimateLines(c.value as string, 88, 12);
      expect(report.rowHeights[c.row]).toBe(Math.max(20, Math.ceil(lines * 12.75 + 6)));
    }
  });

  it("sizes English body rows at 1.2 × 12 pt a line (Times spans 1.15 em), the user's Chinese texts at 1.4 × 12", () => {
    const en = sheetOf(buildReport(cleanInput(), "en-US"), "report");
    const body = en.cells.filter((x) => x.styleId === "body" && typeof x.value === "string");
    const chinese = body.filter((c) => /[\u4e00-\u9fff]/.test(c.value as string));
    expect(chinese.length).toBeGreaterThan(2);
    expect(body.length - chinese.length).toBeGreaterThan(5);
    for (const c of body) {
      const lines = estimateLines(c.value as string, 88, 12);
      // Times has no Chinese: such text is drawn in a fallback CJK face with taller lines (Noto CJK: 1.45 em).
      const pitch = chinese.includes(c) ? 16.8 : 14.4;
      expect(en.rowHeights[c.row]).toBe(Math.max(20, Math.ceil(lines * pitch + 6)));
    }
  });

  it("is one wide merged column of 仿宋 text on A4 portrait", () => {
    expect(report.columnWidths).toEqual([22, 22, 22, 22]);
    expect(report.merges.every((m) => m.left === 0 && m.right === 3 && m.top === m.bottom)).toBe(true);
    expect(report.styles.body.font).toEqual({ name: "仿宋", size: 12 });
    expect(report.print.orientation).toBe("portrait");
  });

  it("is written in English for en-US, the user's own texts unchanged", () => {
    const en = paragraphs(sheetOf(buildReport(cleanInput(), "en-US"), "report"));
    expect(en[0]).toBe(
      "FY2023 Overall Expenditure Performance Self-Evaluation Report of 岳阳市君山产业开发区管委会",
    );
    expect(en).toContain(
      "The workbook does not split basic and project expenditure by fund source. Across all funds (including the government fund budget): basic expenditure 256.79 ten-thousand yuan; project expenditure 10459.37 ten-thousand yuan.",
    );
    expect(en).toContain("The unit had no state capital operation budget expenditure.");
    expect(en).toContain("The self-evaluation scores the unit's overall expenditure at 84.78, grade 良.");
    expect(en).toContain("年初预算数与全年预算数相差较大，部分项目经费为年中预算追加。");
  });
});

describe("核查结果", () => {
  const findings = sheetOf(buildReport(seedInput(), "zh-CN"), "findings");

  it("has the header row and the findings grouped by severity, then by table, as the task pane groups them", () => {
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => valueAt(findings, `${c}3`))).toEqual([
      "级别",
      "规则",
      "工作表",
      "单元格",
      "应为",
      "实际",
      "差额",
      "说明",
    ]);
    expect(valueAt(findings, "A2")).toBe(
      "共 2 项：错误 1 项，警告 0 项，提示 1 项。单击“单元格”一列可转到该单元格。",
    );
    expect(["A4", "A5", "A6", "A7", "A8", "A9"].map((a) => valueAt(findings, a))).toEqual([
      "错误（1 项）",
      "绩效指标（1 项）",
      "错误",
      "提示（1 项）",
      "预算执行情况（1 项）",
      "提示",
    ]);
    expect(findings.merges).toContainEqual({ top: 4, left: 0, bottom: 4, right: 7 });
    expect(findings.freeze).toEqual({ rows: 3, cols: 0 });
    expect(findings.print).toMatchObject({ orientation: "landscape", printTitleRows: "1:3" });
  });

  it("links each finding's cell and shows its amounts in the table's unit", () => {
    expect(cellAt(findings, "D6")).toEqual({
      row: 5,
      col: 3,
      value: "F10",
      styleId: "link",
      text: true,
      hyperlink: { sheet: INDICATOR_SHEET, address: "F10" },
    });
    expect(cellAt(findings, "D9")?.hyperlink).toEqual({ sheet: BUDGET_SHEET, address: "D5" });
    expect(cellAt(findings, "C9")).toMatchObject({ value: BUDGET_SHEET, text: true });
    expect(["E9", "F9", "G9"].map((a) => valueAt(findings, a))).toEqual([10716.17, 10716.16, -0.01]);
    expect(styleAt(findings, "E9").numberFormat).toBe('#,##0.00" 万元"');
    expect(valueAt(findings, "H9")).toBe("尾差 0.01 万元，在容许范围内。\n相关单元格：表二 支出决算!C6");
    expect(valueAt(findings, "E6")).toBeNull();
  });

  it("names each rule by its name only: no rule id is printed", () => {
    expect(valueAt(findings, "B9")).toBe("尾差");
    expect(valueAt(findings, "B6")).toBe(RULE_NAMES["value.missing"]["zh-CN"]);
    const ids = RULES.map((r) => r.id as string);
    const printed = findings.cells.map((c) => String(c.value ?? ""));
    expect(printed.filter((v) => ids.some((id) => v.includes(id)))).toEqual([]);
  });

  it("says so when there is nothing to report", () => {
    const none = sheetOf(buildReport(seedInput({ findings: [] }), "zh-CN"), "findings");
    expect(valueAt(none, "A4")).toBe("未发现问题。");
    expect(valueAt(none, "A2")).toBe(
      "共 0 项：错误 0 项，警告 0 项，提示 0 项。单击“单元格”一列可转到该单元格。",
    );
  });
});

describe("the banner over a report written while errors stand", () => {
  const link = { sheet: "核查结果", address: "A1", reportSheet: "findings" };

  it("puts a red, linked line above the 绩效自评表's title and shifts the table down one row", () => {
    const table = sheetOf(buildReport(seedInput(), "zh-CN"), "table");
    expect(cellAt(table, "A1")).toEqual({
      row: 0,
      col: 0,
      value: "核查发现 1 项错误，详见核查结果",
      styleId: "banner",
      hyperlink: link,
    });
    expect(table.styles.banner.font).toEqual({ name: "宋体", size: 12, bold: true, color: "#C00000" });
    expect(table.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 7 });
    expect(valueAt(table, "A2")).toBe("2023年度部门整体支出绩效自评表");
    // Printed with the sheet (no header/footer): the repeated title rows follow the title down.
    expect(table.print.printTitleRows).toBe("2:3");
    expect(table.print.footer).toBe("第 &P 页 共 &N 页");
  });

  it("puts the same line above the 自评报告's title", () => {
    const report = sheetOf(buildReport(seedInput(), "zh-CN"), "report");
    expect(cellAt(report, "A1")).toMatchObject({
      value: "核查发现 1 项错误，详见核查结果",
      styleId: "banner",
    });
    expect(report.styles.banner.font?.color).toBe("#C00000");
    expect(valueAt(report, "A2")).toBe(valueAt(sheetOf(buildReport(cleanInput(), "zh-CN"), "report"), "A1"));
  });

  it("counts the errors and speaks English for en-US", () => {
    const two = seedInput({ findings: [...seedFindings(), seedFindings()[0]] });
    expect(valueAt(sheetOf(buildReport(two, "en-US"), "table"), "A1")).toBe(
      "The check found 2 errors: see Check Results",
    );
    expect(cellAt(sheetOf(buildReport(two, "en-US"), "report"), "A1")?.hyperlink).toEqual({
      sheet: "Check Results",
      address: "A1",
      reportSheet: "findings",
    });
  });

  it("is absent when no error stands: warnings and notices alone leave the title in A1", () => {
    const spec = buildReport(cleanInput(), "zh-CN");
    for (const key of ["table", "report"] as const) {
      expect(sheetOf(spec, key).cells.some((c) => c.styleId === "banner")).toBe(false);
    }
    expect(valueAt(sheetOf(spec, "table"), "A1")).toBe("2023年度部门整体支出绩效自评表");
    expect(sheetOf(spec, "table").print.printTitleRows).toBe("1:2");
  });
});
