/**
 * What published filings do (issue 11 §2), each read as the rules need it: every province's vocabulary (one test per
 * alias), template leftovers, amounts inside labels, units glued to amounts or stated away from the header, the
 * execution points a form states, titles, and qualitative actuals that state the outcome.
 */
import { SOURCE_NAMES } from "../../../src/engine/check/labels";
import { evaluateWorkbook } from "../../../src/engine/evaluate";
import { parseAmount } from "../../../src/engine/money";
import { splitLabelAmount } from "../../../src/engine/recognize/budget";
import {
  BUDGET_HEADER,
  INDICATOR_HEADER,
  INFO_LABELS,
  classifyBudgetRow,
  classifyLevelSource,
  lookup,
  normalizeLabel,
} from "../../../src/engine/recognize/labels";
import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import { FUND_SOURCE_LABELS } from "../../../src/engine/report/input";
import { untilNextLabel } from "../../../src/engine/recognize/scan";
import {
  parseOperatorColumn,
  parseTarget,
  parseUnitColumn,
  tierOfStatement,
} from "../../../src/engine/score/target";
import type { AmountCell, BudgetBlock, IndicatorsTable } from "../../../src/engine/tables";
import type { CellValue } from "../../../src/engine/snapshot";
import { sheet, workbook } from "../../helpers/grid";

const WAN = 1_000_000;

function fenOf(cell: AmountCell | undefined): number | null {
  return cell?.parsed.kind === "amount" ? cell.parsed.fen : null;
}

function budgetOf(rows: CellValue[][], merges: string[] = []): BudgetBlock {
  const b = recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges }))).budget;
  if (!b) throw new Error("no budget block recognised");
  return b;
}

function indicatorsOf(rows: CellValue[][], merges: string[] = []): IndicatorsTable {
  const t = recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges }))).indicators;
  if (!t) throw new Error("no indicators table recognised");
  return t;
}

describe("vocabulary of the real filings, one alias at a time", () => {
  it.each([
    ["调整后预算数", "budget"],
    ["预算执行数", "executed"],
    ["权重", "weight"],
    ["分值", "weight"],
    ["执行率权重", "weight"],
    ["年度预算数(万元)", "label"],
  ])("budget header %s → %s", (alias, field) => {
    expect(lookup(BUDGET_HEADER, normalizeLabel(alias))).toBe(field);
  });

  it.each([
    ["年度资金总额", { role: "total" }],
    ["资金总额", { role: "total" }],
    ["总额", { role: "total" }],
    ["部门整体支出总额", { role: "total" }],
    ["年度财政资金总额", { role: "total" }],
    ["其中：本年财政拨款", { role: "source", source: "general" }],
    ["其中:当年财政\n拨款", { role: "source", source: "general" }],
    ["其中：财政资金", { role: "source", source: "general" }],
    ["财政专户管理资金", { role: "source", source: "specialAccount" }],
    ["单位资金", { role: "source", source: "other" }],
    ["其他资金", { role: "source", source: "other" }],
    ["其他", { role: "source", source: "other" }],
    ["  上年结转资金", null],
  ])("budget row %s", (label, cls) => {
    expect(classifyBudgetRow(normalizeLabel(label))).toEqual(cls);
  });

  it.each([
    ["年初指标值", "target"],
    ["年初目标值(A)", "target"],
    ["指标值(A)", "target"],
    ["目标值", "target"],
    ["全年完成值", "actual"],
    ["全年实际值(B)", "actual"],
    ["参考分值", "weight"],
    ["指标权重(分)", "weight"],
    ["权重", "weight"],
    ["指标得分(分)", "score"],
    ["未完成原因分析及改进措施", "reason"],
    ["未完成原因及拟采取的改进措施", "reason"],
    ["偏差原因", "reason"],
    ["指标性质", "operator"],
    ["度量单位", "unit"],
    ["单项指标实际完成值", "actual"],
    ["单项指标得分", "score"],
    ["权重占比(%)", "weight"],
  ])("indicator header %s → %s", (alias, field) => {
    expect(lookup(INDICATOR_HEADER, normalizeLabel(alias))).toBe(field);
  });

  it.each([["预算部门、单位名称"], ["单位(盖章)"], ["部门（单位）名称"]])("department label %s", (alias) => {
    expect(lookup(INFO_LABELS, normalizeLabel(alias))).toBe("department");
  });

  it.each([
    ["≥", ">="],
    ["≧", ">="],
    ["⩾", ">="],
    [">=", ">="],
    ["＞", ">"],
    ["≤", "<="],
    ["≦", "<="],
    ["⩽", "<="],
    ["<=", "<="],
    ["＜", "<"],
    ["＝", "="],
    ["=", "="],
    ["═", "="],
    ["﹦", "="],
  ])("operator column %s", (mark, operator) => {
    expect(parseOperatorColumn(mark)).toEqual({ kind: "operator", operator });
  });

  it.each([
    ["%(百分比)", "%"],
    ["‰(千分比)", "‰"],
    ["个(数量)", "个(数量)"],
    ["人(次)", "人(次)"],
  ])("unit column %s → %s", (text, unit) => {
    expect(parseUnitColumn(text)).toBe(unit);
  });

  it("reads ═ and ﹦ glued to a target as ＝", () => {
    for (const t of ["═100%", "﹦100%"]) {
      const parsed = parseTarget(t, t, { kind: "none" }, "");
      expect(parsed.kind === "quantitative" ? parsed.operator : null).toBe("=");
    }
  });
});

describe("money parser: units glued to the amount", () => {
  it.each<[string, "元" | "万元", number, string | undefined]>([
    ["150万", "万元", 150 * WAN, "万元"],
    ["125.25万元", "万元", 125_250_000, "万元"],
    ["387,664.62元", "元", 38_766_462, "元"],
    ["300 万元", "元", 300 * WAN, "万元"],
    ["1.5亿", "万元", 15_000_000_000, "亿元"],
    ["2030.12", "万元", 2_030_120_000, undefined],
  ])("%s in a %s table", (text, unit, fen, stated) => {
    const p = parseAmount(text, unit);
    expect(p).toEqual(
      stated
        ? { kind: "amount", fen, fromText: true, statedUnit: stated }
        : { kind: "amount", fen, fromText: true },
    );
  });

  it.each(["万元", "约150万", "150万人", "元"])("%s is not an amount", (text) => {
    expect(parseAmount(text, "万元").kind).toBe("unparsed");
  });
});

describe("amounts inside labels", () => {
  it.each([
    ["按收入性质分：2030.12", { label: "按收入性质分", amount: "2030.12" }],
    ["其中： 一般公共预算：1325.68", { label: "其中: 一般公共预算", amount: "1325.68" }],
    ["其他资金:585.62万元", { label: "其他资金", amount: "585.62万元" }],
    ["纳入专户管理的非税收入拨款：", null],
    ["一般公共预算", null],
  ])("%s", (text, split) => {
    expect(splitLabelAmount(text)).toEqual(split);
  });

  it("reads two breakdowns side by side, each amount at its label's cell, under 全年执行数", () => {
    const b = budgetOf(
      [
        ["年度预算申请(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", 861.1, 2030.12, 2030.12, 10, "100%", 10],
        [null, "按收入性质分:2030.12", null, null, "按支出性质分:1925.67", null, null, null],
        [null, "其中: 一般公共预算:1325.68", null, null, "其中:基本支出:900.47", null, null, null],
        [null, "政府性基金拨款:118.82", null, null, "项目支出:1025.20", null, null, null],
        [null, "纳入专户管理的非税收入拨款:", null, null, null, null, null, null],
        [null, "其他资金:585.62", null, null, null, null, null, null],
      ],
      ["A1:A7", "E3:H3", "E4:H4", "E5:H5"],
    );
    expect(fenOf(b.total.cells.executed)).toBe(2_030_120_000);
    expect(fenOf(b.sources.general?.cells.executed)).toBe(1_325_680_000);
    expect(b.sources.general?.cells.executed?.pos).toEqual({ sheet: "Sheet1", row: 3, col: 1 });
    expect(fenOf(b.sources.govFund?.cells.executed)).toBe(118_820_000);
    expect(fenOf(b.sources.other?.cells.executed)).toBe(585_620_000);
    expect(fenOf(b.kinds.basic?.cells.executed)).toBe(900_470_000);
    expect(b.kinds.basic?.cells.executed?.pos).toEqual({ sheet: "Sheet1", row: 3, col: 4 });
    expect(fenOf(b.kinds.project?.cells.executed)).toBe(1_025_200_000);
    // An amount in a label is not a number stored as text the accountant could convert.
    expect(b.kinds.project?.cells.executed?.parsed).toMatchObject({ fromText: false });
  });
});

describe("units stated away from the header", () => {
  const block = (label: string, caption: string | null, amount: CellValue = 387664.62): BudgetBlock =>
    budgetOf(
      [
        [caption, null, null, null, null],
        [label, null, "全年预算数", "全年执行数", "分值"],
        [null, "年度资金总额", amount, amount, 10],
        [null, "其中:当年财政拨款", amount, amount, null],
      ],
      ["A2:A4"],
    );

  it("takes the unit from the merged row label left of the header", () => {
    const b = block("项目资金\n（元）", null);
    expect(b.unit).toBe("元");
    expect(fenOf(b.total.cells.budget)).toBe(38_766_462);
    expect(b.unitAmbiguity).toBeUndefined();
  });

  it("says so when the label and a caption disagree, naming both cells", () => {
    const b = block("项目资金\n（元）", "单位：万元");
    expect(b.unit).toBe("元");
    expect(b.unitAmbiguity).toEqual({
      units: ["元", "万元"],
      cells: [
        { sheet: "Sheet1", row: 1, col: 0 },
        { sheet: "Sheet1", row: 0, col: 0 },
      ],
    });
  });

  it("says so when an amount carries a unit of its own that is not the table's", () => {
    const b = block("项目资金\n（元）", null, "300万元");
    expect(fenOf(b.total.cells.budget)).toBe(300 * WAN);
    expect(b.unitAmbiguity?.units).toEqual(["元", "万元"]);
    expect(b.unitAmbiguity?.cells).toContainEqual({ sheet: "Sheet1", row: 2, col: 2 });
  });
});

describe("execution points the form states", () => {
  it("reads the 分值 typed on the total row", () => {
    const b = budgetOf([
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 43.2, 43.2, 37.24, 20, "86%", 17],
    ]);
    expect(b.executionWeight).toEqual({ points: 20, cell: { sheet: "Sheet1", row: 1, col: 5 } });
  });

  it("reads “(20分)” stated in the block's label", () => {
    const b = budgetOf([
      ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"],
      ["年度财政资金总额", 650, 94, 0.1, 2.9],
    ]);
    expect(b.executionWeight).toEqual({ points: 20, cell: { sheet: "Sheet1", row: 0, col: 0 } });
    expect(fenOf(b.total.cells.executed)).toBe(94 * WAN);
  });
});

describe("template leftovers in the indicators table", () => {
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
  const rows: CellValue[][] = [
    header,
    ["产出指标", "数量指标", "指标1工程完工率", 100, 100, 10, 10, null],
    [null, null, "指标2", null, null, null, null, null],
    [null, null, "……", null, null, null, null, null],
    [null, "质量指标", "指标2:", null, null, null, null, null],
    [null, "生态效益指标", null, null, null, null, null, null],
    ["/", "/", "/", "/", "/", "/", "/", "/"],
    [null, "可持续影响指标", "指标1:/", "/", "/", null, null, null],
    [null, "时效指标", "完成及时率", "100%", "100%", 10, 10, null],
    [null, null, "其中：上半年", "50%", "50%", null, null, null],
    ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, null],
  ];

  it("keeps placeholder rows, spare rows and rows of / out of the indicators without ending the table", () => {
    const t = indicatorsOf(rows, ["A2:A10"]);
    expect(t.rows.map((r) => r.name.text)).toEqual(["指标1工程完工率", "完成及时率", "满意度"]);
    expect(t.placeholderRows?.map((c) => [c.pos.row, c.pos.col])).toEqual([
      [2, 2],
      [3, 2],
      [4, 2],
      [5, 1],
      [6, 2],
      [7, 2],
    ]);
  });

  it("scores none of them and raises no indicator error at them", () => {
    const e = evaluateWorkbook(workbook(sheet("Sheet1", rows, { merges: ["A2:A10"] })));
    expect(e.score?.indicators.map((i) => i.name)).toEqual(["指标1工程完工率", "完成及时率", "满意度"]);
    const leftovers = new Set([
      "C3",
      "C4",
      "C5",
      "B6",
      "C7",
      "C8",
      "D8",
      "E8",
      "F8",
      "D3",
      "E3",
      "F3",
      "D4",
      "E4",
      "F4",
      "D5",
      "E5",
      "F5",
    ]);
    const errors = e.findings.filter(
      (f) =>
        f.severity === "error" &&
        f.rule.startsWith("indicator.") &&
        f.cells.some((c) => leftovers.has(c.address)),
    );
    expect(errors).toEqual([]);
  });

  it("scores a row whose 三级指标 is blank but whose values are filled in, named by its row", () => {
    const t = indicatorsOf([header, ["产出指标", "数量指标", null, "不少于6种", "28种", 1, 1, null]]);
    expect(t.rows.map((r) => [r.row, r.name.text, r.target.text])).toEqual([[1, "", "不少于6种"]]);
  });

  it("keeps a row named 指标N that the accountant filled in", () => {
    const t = indicatorsOf([header, ["产出指标", "数量指标", "指标3", 8, 8, 8, 8, null]]);
    expect(t.rows.map((r) => r.name.text)).toEqual(["指标3"]);
    expect(t.placeholderRows).toBeUndefined();
  });
});

describe("qualitative actuals that state the outcome", () => {
  it.each<[string, string, "met" | "partial" | "unmet" | null]>([
    ["有效", "有效", "met"],
    ["显著提升", "显著提升", "met"],
    ["高", "高", "met"],
    ["达成预期指标", "效果明显", "met"],
    ["财务制度健全，严格执行制度", "一", "met"],
    ["部分完成，资金未全部拨付", "按时完成", "partial"],
    ["基本完成", "按时完成", "partial"],
    ["项目未完成", "按时完成", "unmet"],
    ["较好", "按时完成", null],
  ])("%s against %s", (actual, target, tier) => {
    expect(tierOfStatement(actual, target)).toBe(tier);
  });

  it("scores 有效 / 有效 at full weight with no finding, and 预算执行率 as an indicator by its rate", () => {
    const e = evaluateWorkbook(
      workbook(
        sheet("Sheet1", [
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          ["效益指标", "经济效益指标", "减轻家庭经济负担", "有效", "有效", 10, 10],
          ["项目管理", "投入管理", "预算执行率", "一", "86.2%", 10, 9],
        ]),
      ),
    );
    expect(e.score?.indicators.map((i) => [i.name, i.score])).toEqual([
      ["减轻家庭经济负担", 10],
      ["预算执行率", 8.62],
    ]);
    expect(e.findings.filter((f) => f.cells.some((c) => c.address === "E2"))).toEqual([]);
  });
});

describe("department, year and form from titles", () => {
  const evaluate = (rows: CellValue[][]) => evaluateWorkbook(workbook(sheet("Sheet1", rows)));

  it("stops 单位名称：X at the next label on the line", () => {
    expect(untilNextLabel("塘湖镇政府 填报日期:2021.5.18")).toBe("塘湖镇政府");
    expect(untilNextLabel("塘湖镇政府　填报日期：2021.5.18")).toBe("塘湖镇政府");
    expect(evaluate([["单位名称:塘湖镇政府 填报日期:2021.5.18"]]).department).toBe("塘湖镇政府");
  });

  it("reads 预算部门、单位名称 as the department", () => {
    expect(evaluate([["预算部门、单位名称", "衡山县贯塘乡人民政府"]]).department).toBe(
      "衡山县贯塘乡人民政府",
    );
  });

  it("takes the year from a (2022年度) subtitle row", () => {
    const e = evaluate([["项目支出绩效自评表"], ["(2022年度)"]]);
    expect([e.year, e.department]).toEqual(["2022", ""]);
  });

  it("does not take a form title before the year for a department", () => {
    const e = evaluate([["部门预算项目支出绩效自评表（2023年度）"]]);
    expect([e.year, e.department]).toEqual(["2023", ""]);
  });

  it("still reads the unit's name before the year in a title", () => {
    const e = evaluate([["附件1：岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评表"]]);
    expect([e.year, e.department]).toEqual(["2023", "岳阳市君山产业开发区管委会"]);
  });
});

describe("a 评分表: criteria judged by the evaluator, no 年度指标值 or 实际完成值 (安徽 部门整体)", () => {
  const rows = (scores: CellValue[]): CellValue[][] => [
    ["2023年度部门整体支出绩效评价自评表", null, null, null, null, null, null],
    ["一级\n指标", "二级\n指标", "三级\n指标", "指标分值", "指标解释", "指标说明及评分标准", "自评得分"],
    [
      "规划\n(15分)",
      "基础信息\n(3分)",
      "基础信息\n完整性",
      3,
      "信息资料是否真实、完整",
      "1、基础数据信息是否真实(1分)",
      scores[0],
    ],
    [
      null,
      "工作计划\n(6分)",
      "年度工作\n计划完整性",
      3,
      "年度工作计划是否完整可行",
      "年度工作计划是否完整可行(3分)",
      scores[1],
    ],
    [
      null,
      null,
      "年度工作\n计划明确性",
      3,
      "年度工作计划是否明确",
      "年度工作计划是否明确可操作(3分)",
      scores[2],
    ],
  ];
  const evaluate = (scores: CellValue[]) =>
    evaluateWorkbook(workbook(sheet("Sheet1", rows(scores), { merges: ["A3:A5", "B4:B5"] })));

  it("reads the 评分标准 in the target's place and the 自评得分 in the actual's", () => {
    const t = indicatorsOf(rows([3, 3, 2]), ["A3:A5", "B4:B5"]);
    expect(t.byCriteria).toBe(true);
    expect(t.headers.criteria?.text).toBe("指标说明及评分标准");
    expect(t.rows.map((r) => [r.name.text, r.target.pos.col, r.actual.pos.col, r.weight.value])).toEqual([
      ["基础信息\n完整性", 5, 6, 3],
      ["年度工作\n计划完整性", 5, 6, 3],
      ["年度工作\n计划明确性", 5, 6, 3],
    ]);
  });

  it("keeps each typed score within 0–分值, with no target, actual or coverage finding", () => {
    const e = evaluate([3, 3, 2]);
    expect(e.score?.indicators.map((i) => [i.score, i.method["zh-CN"]])).toEqual([
      [3, "按评分标准自评，取自评得分 3.00"],
      [3, "按评分标准自评，取自评得分 3.00"],
      [2, "按评分标准自评，取自评得分 2.00"],
    ]);
    const rules = new Set(e.findings.map((f) => f.rule));
    for (const rule of ["indicator.target", "value.missing", "value.unparsed", "quality.coverage"])
      expect(rules.has(rule as never)).toBe(false);
  });

  it("caps a score above its 分值 (review.score-range says so) and asks for a missing one", () => {
    const e = evaluate([4, null, 3]);
    expect(e.score?.indicators.map((i) => i.score)).toEqual([3, 0, 3]);
    const at = (rule: string) =>
      e.findings.filter((f) => f.rule === rule).map((f) => [f.cells[0].address, f.message["zh-CN"]]);
    expect(at("value.missing")).toEqual([["G4", "“年度工作\n计划完整性”未填写自评得分，按 0 分计"]]);
    expect(at("review.score-range").map(([cell]) => cell)).toEqual(["G3"]);
  });
});

describe("forms without a 分值 column, only 得分 (湖北, 云南)", () => {
  const grid = (scores: CellValue[], heading = "年度目标1:(80分)"): CellValue[][] => [
    ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
    ["部门整体支出总额", 864.2, 864.2, "100%", 20],
    [heading, "增强政府工作效率", null, null, null, null, null],
    ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [null, "产出指标", "数量指标", "办结信访案件", "168起", "168起", scores[0]],
    [null, null, "数量指标", "拆除活人墓、豪华墓", "32座", "30座", scores[1]],
    [null, "满意度指标", "满意度指标", "群众对政府工作满意度", "≧90%", "95%", scores[2]],
  ];
  const merges = ["A4:A7", "B5:B6"];

  it("takes each typed 得分 as its 分值 when they add up to the points the form states", () => {
    const t = indicatorsOf(grid([20, 40, 20]), merges);
    expect(t.weightsFrom).toMatchObject({ kind: "scores", stated: { points: 80 } });
    expect(t.weightsFrom?.stated?.cell.pos).toEqual({ sheet: "Sheet1", row: 2, col: 0 });
    expect(t.headers.weight.text).toBe("得分");
    expect(t.rows.map((r) => r.weight.value)).toEqual([20, 40, 20]);
    const e = evaluateWorkbook(workbook(sheet("Sheet1", grid([20, 40, 20]), { merges })));
    // 30 of 32 against the allotted 40: 37.50; the form's 20 execution points with 80 make 100, so no weights error.
    expect(e.score?.indicators.map((i) => i.score)).toEqual([20, 37.5, 20]);
    expect(e.score?.indicators[1].method["zh-CN"]).toBe(
      "表中无分值列，分值取填报得分（合计等于“年度目标1:(80分)”所列 80 分）；40×30/32=37.50",
    );
    expect(e.findings.filter((f) => f.rule === "indicator.weights")).toEqual([]);
  });

  it("leaves the weights unstated when the typed 得分 do not add up to the stated points, or nothing states them", () => {
    for (const rows of [grid([20, 37.5, 20]), grid([20, 40, 20], "年度目标1")]) {
      const t = indicatorsOf(rows, merges);
      expect(t.weightsFrom?.kind).toBe("unstated");
      expect(t.rows.map((r) => r.weight.value)).toEqual([null, null, null]);
      const e = evaluateWorkbook(workbook(sheet("Sheet1", rows, { merges })));
      expect(e.score?.indicators.map((i) => [i.score, i.method["zh-CN"]])).toEqual([
        [0, "表中没有分值列，也未写明各指标分值，未按分值计分（得 0 分）"],
        [0, "表中没有分值列，也未写明各指标分值，未按分值计分（得 0 分）"],
        [0, "表中没有分值列，也未写明各指标分值，未按分值计分（得 0 分）"],
      ]);
      expect(e.findings.filter((f) => f.rule === "indicator.weights")).toEqual([]);
    }
  });
});

describe("execution from the fund sources when the total row was left at 0 (安徽 棠溪)", () => {
  const grid = (total: CellValue[]): CellValue[][] => [
    ["项目资金\n(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额:", ...total, 10, 0, 0],
    [null, "其中:本年财政拨款", 90, 89.974, 89.974, null, null, null],
    [null, "上年结转资金", null, null, null, null, null, null],
    [null, "其他资金", null, null, null, null, null, null],
  ];
  const evaluate = (total: CellValue[]) =>
    evaluateWorkbook(workbook(sheet("Sheet1", grid(total), { merges: ["A1:A5"] })));

  it("scores 89.974 / 89.974 from the sources and says so; the typed 0s are then wrong", () => {
    const e = evaluate([0, 0, 0]);
    expect(e.score?.execution).toMatchObject({
      budgetFen: 899_740_00,
      executedFen: 899_740_00,
      rate: 1,
      score: 10,
    });
    expect(e.score?.execution.method["zh-CN"]).toBe(
      "年度资金总额未填全年预算数，按资金来源合计计算：执行率 = 89.97/89.97 = 100.00%，10×100.00%=10.00",
    );
    const at = (rule: string) => e.findings.filter((f) => f.rule === rule).map((f) => f.cells[0].address);
    expect(at("review.execution-score")).toEqual(["H2"]);
    expect(at("sum.breakdown")).toEqual(["C2", "D2", "E2"]);
  });

  it("keeps to the total row when it has its figures, and gives no rate when the sources have no budget either", () => {
    expect(evaluate([90, 89.974, 80]).score?.execution.rate).toBeCloseTo(80 / 89.974, 10);
    const none = evaluateWorkbook(
      workbook(
        sheet("Sheet1", [
          ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数"],
          [null, "年度资金总额", 0, 0, 207.4538],
          [null, "其中:当年财政拨款", null, null, 207.4538],
        ]),
      ),
    );
    expect(none.score?.execution).toMatchObject({ rate: null, score: 0 });
  });
});

describe("a block with 年初预算数 and no 全年预算数 column (贵州)", () => {
  it("scores execution against the 年初预算数, and says so", () => {
    const e = evaluateWorkbook(
      workbook(
        sheet(
          "Sheet1",
          [
            [
              "部门(单位)总体\n资金(万元)",
              "资 金 来 源",
              "年初预算数(A)",
              "全年执行数(B)",
              "分值(10分)",
              "得分",
            ],
            [null, "年度资金总额:", 1172.55, 1268.72, 10, 10],
            [null, "基本支出", 985.19, 914.97, 10, 10],
            [null, "项目支出", 187.36, 353.75, 10, 10],
          ],
          { merges: ["A1:A4"] },
        ),
      ),
    );
    expect(e.score?.execution).toMatchObject({
      budgetFen: 1_172_550_000,
      executedFen: 1_268_720_000,
      score: 10,
    });
    expect(e.score?.execution.method["zh-CN"]).toBe(
      "表中没有全年预算数栏，按年初预算数计算：执行率 = 1268.72/1172.55 = 108.20%，超过 100% 按 100% 计，得 10.00 分",
    );
  });
});

/**
 * 河北's 项目 form: the fund block as label | amount pairs (预算数 | 到位数 | 执行数), the unit only in a caption far
 * right, 预期指标值 over 符号 | (value) | 单位, a 指标分值 column holding descriptions and the weights under 权重占比(%).
 */
describe("a 项目 form of label | amount pairs and a 指标分值 column of descriptions (河北)", () => {
  const rows: CellValue[][] = [
    ["某县某局2020年度预算项目绩效自评表", null, null, null, null, null, null, null, null, null, null, null],
    ["项目名称:", "某某补贴", null, null, null, null, null, null, null, null, "金额单位: 万元", null],
    ["预算安排情况(调整后)", null, "资金到位情况", null, "资金执行情况", null, "预算执行进度(%)"],
    ["预算数", 12.5, "到位数", 12.5, "执行数", 10, 80],
    ["其中:财政资金", 12, "其中:财政资金", 12, "其中:财政资金", 9.5],
    ["其他", 0.5, "其他", 0.5, "其他", 0.5],
    [null],
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标分值",
      "预期指标值",
      null,
      null,
      "单项指标实际完成值",
      "单项指标完成情况",
      "自评得分",
    ],
    [
      null,
      null,
      null,
      null,
      "符号",
      null,
      "单位(文字描述)",
      null,
      null,
      "单项指标得分",
      "权重占比(%)",
      "单项指标折算得分",
    ],
    ["产出指标", "数量指标", "发放人数", "享受补贴的人数", ">=", 40, "人", "40人", "完成", 60, 60, 36],
    [
      "满意度指标",
      "服务对象满意度指标",
      "满意度",
      "对象的满意程度",
      ">=",
      90,
      "%(百分比)",
      "80%",
      "未完成",
      20,
      30,
      6,
    ],
  ];
  const merges = [
    "A1:L1",
    "B2:D2",
    "K2:L2",
    "A3:B3",
    "C3:D3",
    "E3:F3",
    "A8:A9",
    "B8:B9",
    "C8:C9",
    "D8:D9",
    "E8:G8",
    "H8:H9",
    "I8:I9",
    "J8:L8",
  ];
  const evaluation = () => evaluateWorkbook(workbook(sheet("Sheet1", rows, { merges })));

  it("reads the pairs as a fund block in the caption's 万元: total, 财政资金 and 其他, budget and executed", () => {
    const project = recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges }))).projects?.[0];
    const b = project?.budget;
    expect(project?.name?.text).toBe("某某补贴");
    expect(b?.unit).toBe("万元");
    expect(b?.range).toEqual({ top: 3, left: 0, bottom: 5, right: 5 });
    expect([b?.columns.budget?.text, b?.columns.executed?.text, b?.columns.initial]).toEqual([
      "预算数",
      "执行数",
      undefined,
    ]);
    expect([fenOf(b?.total.cells.budget), fenOf(b?.total.cells.executed)]).toEqual([12.5 * WAN, 10 * WAN]);
    expect([fenOf(b?.sources.general?.cells.budget), fenOf(b?.sources.general?.cells.executed)]).toEqual([
      12 * WAN,
      9.5 * WAN,
    ]);
    expect([fenOf(b?.sources.other?.cells.budget), fenOf(b?.sources.other?.cells.executed)]).toEqual([
      0.5 * WAN,
      0.5 * WAN,
    ]);
    // 到位数 names no amount column of the rules: its figures are not read.
    expect(b?.total.cells.executed?.pos).toEqual({ sheet: "Sheet1", row: 3, col: 5 });
  });

  it("takes the target from the unlabelled column under 预期指标值, the weights from 权重占比, the scores from 单项指标得分", () => {
    const t = recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges }))).projects?.[0]?.indicators;
    expect(t?.headers.target.text).toBe("预期指标值");
    expect(t?.headers.weight.text).toBe("权重占比(%)");
    expect(t?.headers.actual.text).toBe("单项指标实际完成值");
    expect(t?.headers.score?.text).toBe("单项指标得分");
    expect(
      t?.rows.map((r) => [
        r.name.text,
        r.target.pos.col,
        r.operator?.text,
        r.unit?.text,
        r.weight.value,
        r.score?.value,
      ]),
    ).toEqual([
      ["发放人数", 5, ">=", "人", 60, 60],
      ["满意度", 5, ">=", "%(百分比)", 30, 20],
    ]);
  });

  it("scores the form by the rules with no error: execution 10 × 80%, the shortfall 80/90 of 30", () => {
    const e = evaluation();
    const p = e.projects[0];
    expect(p.score?.execution).toMatchObject({
      budgetFen: 12.5 * WAN,
      executedFen: 10 * WAN,
      rate: 0.8,
      score: 8,
    });
    expect(p.score?.indicators.map((i) => [i.name, i.target, i.score])).toEqual([
      ["发放人数", "≥40人", 60],
      ["满意度", "≥90%", 26.67],
    ]);
    expect([...e.findings, ...p.findings].filter((f) => f.severity === "error")).toEqual([]);
  });

  it("keeps the first 分值 column when it holds points, and a single label | amount for no block", () => {
    const weights = rows.map((r, i) => (i >= 9 ? [...r.slice(0, 3), 10, ...r.slice(4)] : r));
    const t = recognizeWorkbook(workbook(sheet("Sheet1", weights, { merges }))).projects?.[0]?.indicators;
    expect(t?.headers.weight.text).toBe("指标分值");
    expect(t?.rows.map((r) => r.weight.value)).toEqual([10, 10]);
    const single = recognizeWorkbook(
      workbook(
        sheet("Sheet1", [
          ["预算数", 12.5, "到位数", 12.5],
          ["其他", 0.5],
        ]),
      ),
    );
    expect(single.budget).toBeNull();
  });
});

describe("kind totals written as label | amount above the block (湖北 塘湖)", () => {
  const rows: CellValue[][] = [
    ["单位名称", "某镇人民政府"],
    ["基本支出总额", "500.5万", "项目支出总额", 20],
    ["预算执行情况(万元)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分"],
    ["部门整体支出总额", 520.5, 510, "98%", 9.8],
  ];

  it("reads each 总额 into the block's budget column at its own cell, and the block reaches up to them", () => {
    const b = budgetOf(rows);
    expect([fenOf(b.kinds.basic?.cells.budget), fenOf(b.kinds.project?.cells.budget)]).toEqual([
      500.5 * WAN,
      20 * WAN,
    ]);
    expect(b.kinds.basic?.cells.budget?.pos).toEqual({ sheet: "Sheet1", row: 1, col: 1 });
    expect(b.kinds.project?.label.text).toBe("项目支出总额");
    expect(b.kinds.basic?.cells.executed).toBeUndefined();
    expect(b.range).toEqual({ top: 1, left: 0, bottom: 3, right: 4 });
  });

  it("checks them like any breakdown: a sum that misses the total is an error naming the cells", () => {
    const wrong = rows.map((r, i) => (i === 1 ? ["基本支出总额", "490.5万", "项目支出总额", 20] : r));
    const errors = evaluateWorkbook(workbook(sheet("Sheet1", wrong))).findings.filter(
      (f) => f.severity === "error",
    );
    expect(errors.map((f) => [f.rule, f.cells.map((c) => c.address).sort()])).toEqual([
      ["sum.breakdown", ["B2", "B4", "D2"]],
    ]);
    const right = evaluateWorkbook(workbook(sheet("Sheet1", rows))).findings.filter(
      (f) => f.severity === "error",
    );
    expect(right).toEqual([]);
  });

  it("reads no 总额 that names neither a kind nor a source, nor one without an amount beside it", () => {
    const other = rows.map((r, i) => (i === 1 ? ["资产总额", 100, "项目支出总额", "见附表"] : r));
    const b = budgetOf(other);
    expect(b.kinds).toEqual({});
    expect(b.range.top).toBe(2);
  });
});

describe("a fund block on its side, sources by level of government (宁夏 项目 form)", () => {
  // The published form (tests/fixtures/real ningxia-yuanzhou-malingshu-2022-proj): the amount kinds head the rows,
  // 年度资金总额 and the sources under a merged 其中 head the columns, the unit is in the merged row label, and the
  // source's figures carry their own 万元.
  const HEAD: CellValue[][] = [
    ["资金情况\n(万元)", null, null, "年度资金总额", "其中", null, null],
    [null, null, null, null, "中央补助", "自治区补助", "市县资金"],
  ];
  const MERGES = ["A1:A5", "B1:C2", "D1:D2", "E1:G1", "B3:C3", "B4:C4", "B5:C5"];
  const grid = (
    total: CellValue[],
    provincial: CellValue[],
    unitLabel = "资金情况\n(万元)",
  ): CellValue[][] => [
    [unitLabel, ...HEAD[0].slice(1)],
    HEAD[1],
    [null, "全年预算数(A)", null, total[0], null, provincial[0], null],
    [null, "全年执行数(B)", null, total[1], null, provincial[1], null],
    [null, "执行率(B/A)", null, total[2], null, provincial[2], null],
  ];

  it.each([
    ["中央补助", "central"],
    ["自治区补助", "provincial"],
    ["市县资金", "local"],
  ])("column head %s → source %s", (label, source) => {
    expect(classifyLevelSource(normalizeLabel(label))).toBe(source);
  });

  it("reads 年度资金总额 and 自治区补助 in 分, with the unit of the row label and a blank total execution", () => {
    const b = budgetOf(grid([300, null, null], ["300万元", "259.45万元", "86.5%"]), MERGES);
    expect(b.unit).toBe("万元");
    expect(b.unitAmbiguity).toBeUndefined();
    expect(fenOf(b.total.cells.budget)).toBe(300 * WAN);
    expect(b.total.cells.executed?.parsed.kind).toBe("none");
    expect(b.total.label.text).toBe("年度资金总额");
    expect(Object.keys(b.sources)).toEqual(["central", "provincial", "local"]);
    expect(fenOf(b.sources.provincial?.cells.budget)).toBe(300 * WAN);
    expect(fenOf(b.sources.provincial?.cells.executed)).toBe(259_450_000);
    // F4, zero-based.
    expect(b.sources.provincial?.cells.executed?.pos).toEqual({ sheet: "Sheet1", row: 3, col: 5 });
    expect(b.sources.central?.cells.budget?.parsed.kind).toBe("none");
    expect(b.kinds).toEqual({});
    expect(b.columns.budget?.text).toBe("全年预算数(A)");
    expect(b.columns.executed?.text).toBe("全年执行数(B)");
    expect(b.columns.initial).toBeUndefined();
    expect(b.range).toEqual({ top: 0, left: 1, bottom: 4, right: 6 });
  });

  it("takes the unit the row label states (元) and names the glued 万元 that disagrees", () => {
    const b = budgetOf(
      grid([3000000, 2594500, "86.5%"], ["300万元", 2594500, null], "资金情况\n(元)"),
      MERGES,
    );
    expect(b.unit).toBe("元");
    expect(fenOf(b.total.cells.budget)).toBe(300 * WAN);
    expect(fenOf(b.total.cells.executed)).toBe(259_450_000);
    expect(fenOf(b.sources.provincial?.cells.budget)).toBe(300 * WAN);
    expect(b.unitAmbiguity?.units).toEqual(["元", "万元"]);
    expect(b.extra?.rate?.text).toBe("86.5%");
  });

  it("is no block without its 全年执行数 row, its 年度资金总额 column, or any figure", () => {
    const noExecuted = grid([300, null, null], ["300万元", null, null]);
    noExecuted[3] = [null, "备注", null, null, null, null, null];
    const noTotal = grid([300, null, null], ["300万元", "259.45万元", null]);
    noTotal[0] = ["资金情况\n(万元)", null, null, "合同金额", "其中", null, null];
    const blank = grid([null, null, null], [null, null, null]);
    for (const rows of [noExecuted, noTotal, blank])
      expect(recognizeWorkbook(workbook(sheet("Sheet1", rows, { merges: MERGES }))).budget).toBeNull();
  });

  it("does not read a 中央补助 elsewhere on the sheet, with no 全年预算数 row, as a fund block", () => {
    const rows: CellValue[][] = [
      ["资金来源说明", "年度资金总额", "中央补助", "自治区补助"],
      [null, 300, 200, 100],
      ["备注", "中央补助资金已拨付", null, null],
    ];
    expect(recognizeWorkbook(workbook(sheet("Sheet1", rows))).budget).toBeNull();
  });

  it("names the three levels in both languages, in findings and in the report", () => {
    expect([SOURCE_NAMES.central, SOURCE_NAMES.provincial, SOURCE_NAMES.local]).toEqual([
      { zh: "中央补助", en: "central government funds" },
      { zh: "省级补助", en: "provincial funds" },
      { zh: "市县资金", en: "city and county funds" },
    ]);
    expect([FUND_SOURCE_LABELS.central, FUND_SOURCE_LABELS.provincial, FUND_SOURCE_LABELS.local]).toEqual([
      { "zh-CN": "中央补助", "en-US": "Central government funds" },
      { "zh-CN": "省级补助", "en-US": "Provincial funds" },
      { "zh-CN": "市县资金", "en-US": "City and county funds" },
    ]);
  });

  it("leaves the ordinary row labels alone: 中央补助 heads a column of this layout only", () => {
    expect(classifyBudgetRow(normalizeLabel("中央补助"))).toBeNull();
    expect(classifyBudgetRow(normalizeLabel("自治区补助"))).toBeNull();
  });

  describe("as a project form", () => {
    const form = (totalExecuted: CellValue): CellValue[][] => [
      ["项目名称", null, "马铃薯冲薯繁育示范推广项目", null, null, null, null],
      ...grid([300, totalExecuted, null], ["300万元", "259.45万元", "86.5%"]),
    ];
    const merges = ["A2:A6", "B2:C3", "D2:D3", "E2:G2", "B4:C4", "B5:C5", "B6:C6"];

    it("takes no sum finding at a blank 年度资金总额 and no execution score from a source's figures", () => {
      const e = evaluateWorkbook(workbook(sheet("Sheet1", form(null), { merges })));
      const p = e.projects[0];
      expect(p.form.budget?.sources.provincial?.cells.executed?.parsed).toMatchObject({ fen: 259_450_000 });
      expect(e.findings.filter((f) => f.rule === "project.fund-sum")).toEqual([]);
      expect(p.score?.execution).toMatchObject({
        budgetFen: 300 * WAN,
        executedFen: null,
        rate: null,
        score: 0,
      });
    });

    it("still checks a typed 年度资金总额 against its sources", () => {
      const e = evaluateWorkbook(workbook(sheet("Sheet1", form(250), { merges })));
      const f = e.findings.filter((x) => x.rule === "project.fund-sum");
      expect(f.map((x) => [x.severity, x.cells.map((c) => c.address)])).toEqual([
        ["error", ["D5", "E5", "F5", "G5"]],
      ]);
      expect(f[0]).toMatchObject({ expectedFen: 259_450_000, actualFen: 250 * WAN });
      expect(f[0].message["zh-CN"]).toBe(
        "全年执行数(B)：中央补助 + 自治区补助 + 市县资金 = 259.45 万元，年度资金总额填列 250.00 万元，相差 9.45 万元，填列数少于分项之和",
      );
    });
  });
});
