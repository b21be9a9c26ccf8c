import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { IndicatorRow, IndicatorsTable } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";
import { INDICATOR_HEADER } from "../../fixtures/seed";

function indicatorsOf(...sheets: Parameters<typeof workbook>): IndicatorsTable {
  const t = recognizeWorkbook(workbook(...sheets)).indicators;
  if (!t) throw new Error("no indicators table recognised");
  return t;
}

function facts(r: IndicatorRow) {
  return {
    row: r.row,
    level1: r.level1,
    level2: r.level2,
    name: r.name.text,
    target: r.target.text,
    actual: r.actual.text,
    weight: r.weight.value,
    score: r.score?.value ?? null,
    reason: r.reason?.text ?? null,
    operator: r.operator?.text ?? null,
    unit: r.unit?.text ?? null,
  };
}

describe("indicators: 绩效指标 merged above the column labels, operator and unit in their own columns", () => {
  const grid = sheet(
    "绩效指标",
    [
      ["2023年度部门整体支出绩效指标表", null, null, null, null, null, null, null, null, null],
      ["绩效指标", null, null, null, null, null, null, null, null, null],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "计算符号",
        "年度指标值",
        "计量单位",
        "实际完成值",
        "分值",
        "自评得分",
        "偏差原因",
      ],
      ["产出指标", "数量指标", "新签约项目数", "≥", 15, "个", 17, 10, 10, null],
      [null, null, "新开工项目数", "≥", 8, "个", 6, "１０分", 7.5, "受资金影响"],
      [null, "成本指标", "园区运行成本", "≤", 260, "万元", 250, "10", "10", null],
      ["效益指标", "社会效益指标", "带动就业人数", "≥", 500, "人", 520, 10, null, null],
      [null, "经济效益指标", "", null, null, null, null, null, null, null],
      ["满意度指标", "服务对象满意度指标", "企业满意度", "≥", "90%", null, "95%", "十", null, null],
    ],
    { merges: ["A1:J1", "A2:J2"] },
  );
  const t = indicatorsOf(grid);

  it("takes both header rows and every column", () => {
    expect(t.range).toEqual({ top: 1, left: 0, bottom: 8, right: 9 });
    expect(t.headers.weight).toEqual({
      pos: { sheet: "绩效指标", row: 2, col: 7 },
      raw: "分值",
      text: "分值",
    });
    expect(Object.fromEntries(Object.entries(t.headers).map(([k, c]) => [k, c.pos.col]))).toEqual({
      level1: 0,
      level2: 1,
      name: 2,
      operator: 3,
      target: 4,
      unit: 5,
      actual: 6,
      weight: 7,
      score: 8,
      reason: 9,
    });
  });

  it("fills 一级 and 二级 down and skips rows without a 三级", () => {
    expect(t.rows.map(facts)).toEqual([
      {
        row: 3,
        level1: "产出指标",
        level2: "数量指标",
        name: "新签约项目数",
        target: "15",
        actual: "17",
        weight: 10,
        score: 10,
        reason: "",
        operator: "≥",
        unit: "个",
      },
      {
        row: 4,
        level1: "产出指标",
        level2: "数量指标",
        name: "新开工项目数",
        target: "8",
        actual: "6",
        weight: 10,
        score: 7.5,
        reason: "受资金影响",
        operator: "≥",
        unit: "个",
      },
      {
        row: 5,
        level1: "产出指标",
        level2: "成本指标",
        name: "园区运行成本",
        target: "260",
        actual: "250",
        weight: 10,
        score: 10,
        reason: "",
        operator: "≤",
        unit: "万元",
      },
      {
        row: 6,
        level1: "效益指标",
        level2: "社会效益指标",
        name: "带动就业人数",
        target: "500",
        actual: "520",
        weight: 10,
        score: null,
        reason: "",
        operator: "≥",
        unit: "人",
      },
      {
        row: 8,
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "企业满意度",
        target: "90%",
        actual: "95%",
        weight: null,
        score: null,
        reason: "",
        operator: "≥",
        unit: "",
      },
    ]);
    expect(t.rows[1].weight.cell).toEqual({
      pos: { sheet: "绩效指标", row: 4, col: 7 },
      raw: "１０分",
      text: "１０分",
    });
    expect(t.rows[1].reason?.pos).toEqual({ sheet: "绩效指标", row: 4, col: 9 });
  });
});

describe("indicators: the Hunan 自评表 with 一级 and 二级 merged down and 总分 below", () => {
  const grid = sheet(
    "自评表",
    [
      ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null, null],
      [null, "推动园区高质量发展", null, null, "全面完成", null, null, null, null],
      ["绩效指标", ...INDICATOR_HEADER],
      [null, "产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 20, 20, null],
      [null, null, null, "园区道路建设", "≥3公里", "2.5公里", 15, 12.5, "征地延后，明年完工"],
      [null, null, "时效指标", "项目按时完成率", "100%", "100%", 15, 15, null],
      [null, "效益指标", "社会效益指标", "群众受益情况", "明显提升", "达成年度指标", 30, 30, null],
      [null, "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 10, 10, null],
      ["总分", null, null, null, null, null, 100, 97.5, null],
      ["评价等级", null, null, null, null, null, "优", null, null],
    ],
    { merges: ["A1:A2", "B1:D1", "E1:I1", "B2:D2", "E2:I2", "A3:A8", "B4:B6", "C4:C5"] },
  );
  const t = indicatorsOf(grid);

  it("reads the table and stops at 总分", () => {
    expect(t.range).toEqual({ top: 2, left: 0, bottom: 7, right: 8 });
    expect(t.headers.level1?.pos).toEqual({ sheet: "自评表", row: 2, col: 1 });
    expect(t.headers.reason?.text).toBe("偏差原因分析及改进措施");
    expect(t.headers.operator).toBeUndefined();
    expect(
      t.rows.map((r) => [r.row, r.level1, r.level2, r.name.text, r.weight.value, r.score?.value]),
    ).toEqual([
      [3, "产出指标", "数量指标", "新签约项目数", 20, 20],
      [4, "产出指标", "数量指标", "园区道路建设", 15, 12.5],
      [5, "产出指标", "时效指标", "项目按时完成率", 15, 15],
      [6, "效益指标", "社会效益指标", "群众受益情况", 30, 30],
      [7, "满意度指标", "服务对象满意度指标", "企业满意度", 10, 10],
    ]);
    expect(t.rows[1].target).toEqual({
      pos: { sheet: "自评表", row: 4, col: 4 },
      raw: "≥3公里",
      text: "≥3公里",
    });
    expect(t.rows[1].actual.pos).toEqual({ sheet: "自评表", row: 4, col: 5 });
    expect(t.rows[1].reason?.text).toBe("征地延后，明年完工");
  });

  it("is listed among the tables without a unit", () => {
    const r = recognizeWorkbook(workbook(grid));
    expect(r.tables).toContainEqual({
      kind: "indicators",
      sheet: "自评表",
      range: { top: 2, left: 0, bottom: 7, right: 8 },
    });
  });
});

describe("indicators: aliases and choices", () => {
  it("accepts 指标名称 / 目标值 / 完成值 / 权重", () => {
    const t = indicatorsOf(
      sheet("S", [
        ["指标名称", "目标值", "完成值", "权重"],
        ["培训人次", "≥200人次", "210人次", 5],
      ]),
    );
    expect(t.rows.map(facts)).toEqual([
      {
        row: 1,
        level1: "",
        level2: "",
        name: "培训人次",
        target: "≥200人次",
        actual: "210人次",
        weight: 5,
        score: null,
        reason: null,
        operator: null,
        unit: null,
      },
    ]);
  });

  it("needs 分值 among the columns", () => {
    const r = recognizeWorkbook(
      workbook(
        sheet("S", [
          ["三级指标", "年度指标值", "实际完成值"],
          ["a", "1", "1"],
        ]),
      ),
    );
    expect(r.indicators).toBeNull();
  });

  it("keeps the table with the most indicators", () => {
    const header = ["三级指标", "指标值", "实际值", "分值"];
    const r = recognizeWorkbook(
      workbook(
        sheet("项目一", [header, ["a", "1", "1", 50]]),
        sheet("部门整体", [header, ["b", "1", "1", 45], ["c", "1", "1", 45]]),
      ),
    );
    expect(r.indicators?.sheet).toBe("部门整体");
  });
});
