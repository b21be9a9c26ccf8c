/**
 * Project forms (issue 13) through the engine: each 项目支出绩效自评表 is one table of kind "project", checked and scored
 * on its own (its fund block, its indicators, its typed 总分), and the forms together are checked against each other
 * and against the department's 项目支出.
 */
import { readFileSync } from "fs";
import { evaluateWorkbook, type Evaluation } from "../../src/engine/evaluate";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { SAMPLE_XLSX } from "../cli/run-cli";
import {
  ELDERLY,
  ROADS,
  TRAINING,
  addProjectSheet,
  projectSheet,
  stackedSheet,
  type ProjectSpec,
} from "../fixtures/project-forms";
import { buildXlsx, editXlsx, type XlsxSheetSpec } from "../fixtures/xlsx-builders";

async function evaluate(sheets: readonly XlsxSheetSpec[]): Promise<Evaluation> {
  return evaluateWorkbook(await readXlsxBuffer(await buildXlsx(sheets)));
}

const brief = (e: Evaluation): string[] =>
  e.findings.map(
    (f) =>
      `${f.rule} ${f.severity} ${f.table ?? "-"} ${f.project ?? "-"} ${f.cells[0]?.sheet}!${f.cells[0]?.address}`,
  );

describe("a workbook of three project sheets", () => {
  let e: Evaluation;
  beforeAll(async () => {
    e = await evaluate([
      projectSheet("项目一", TRAINING),
      projectSheet("项目二", ROADS),
      projectSheet("项目三", ELDERLY),
    ]);
  });

  it("lists one table of kind project per form, named, and no department table", () => {
    expect(e.tables.map((t) => `${t.kind} ${t.sheet} ${t.name} ${t.unit}`)).toEqual([
      "project 项目一 职业技能培训项目 万元",
      "project 项目二 农村公路养护项目 万元",
      "project 项目三 社区养老服务项目 万元",
    ]);
    expect(e.tables[0].range).toEqual({ top: 0, left: 0, bottom: 18, right: 7 });
    expect(e.recognized.budget).toBeNull();
    expect(e.recognized.indicators).toBeNull();
    expect(e.recognized.info).toBeNull();
    expect(e.score).toBeNull();
  });

  it("reads each form's head, fund block, goal and typed figures", () => {
    const form = e.projects[0].form;
    expect(form.supervisor?.text).toBe("某某县人力资源和社会保障局");
    expect(form.implementer?.text).toBe("某某县就业服务中心");
    expect(form.carryover?.cells.executed?.pos).toEqual({ sheet: "项目一", row: 6, col: 4 });
    expect(form.goal.expected?.text).toBe("完成职业技能培训500人次，带动就业100人。");
    expect(form.goal.actual?.text).toBe("完成培训520人次，带动就业120人。");
    expect(e.projects.map((p) => [p.form.typed?.total?.value, p.form.typed?.grade?.grade])).toEqual([
      [100, "优"],
      [93.5, "优"],
      [90, "优"],
    ]);
  });

  it("scores each project by the rules: execution from its own figures, its indicators", () => {
    expect(
      e.projects.map((p) => [
        p.name,
        p.score?.execution.rate,
        p.score?.execution.score,
        p.score?.total,
        p.score?.grade,
      ]),
    ).toEqual([
      ["职业技能培训项目", 1, 10, 100, "优"],
      ["农村公路养护项目", 0.75, 7.5, 93.5, "优"],
      ["社区养老服务项目", 0.5, 5, 81, "良"],
    ]);
    expect(e.projects[2].score?.indicators.map((i) => `${i.name} ${i.score}`)).toEqual([
      "培训人次 20",
      "培训合格率 10",
      "完成时间 10",
      "人均培训成本 10",
      "带动就业人数 6",
      "学员满意度 20",
    ]);
    expect(e.projects.map((p) => p.score?.weightsTotal)).toEqual([100, 100, 100]);
  });

  it("applies the reviewer's rules to each form, and no 表格缺失", () => {
    expect(brief(e)).toEqual([
      "review.total-sum error project 社区养老服务项目 项目三!G18",
      "review.total warning project 社区养老服务项目 项目三!G18",
      "review.grade warning project 社区养老服务项目 项目三!B19",
      "review.inflated warning project 社区养老服务项目 项目三!B19",
      "review.inflated warning project 农村公路养护项目 项目二!B19",
    ]);
    expect(e.findings[0].message["zh-CN"]).toBe(
      "总分填报 “90”，表内各项填报得分合计为 81（预算执行率 5 + 指标 76），填报多 9.00 分：请改为 81，或更正有误的得分",
    );
    expect(e.projects[1].findings.map((f) => f.rule)).toEqual(["review.inflated"]);
  });
});

describe("two forms stacked on one sheet", () => {
  it("reads each form apart, with its own rows", async () => {
    const e = await evaluate([stackedSheet("项目", [TRAINING, ROADS])]);
    expect(e.tables.map((t) => `${t.kind} ${t.name} ${t.range.top}-${t.range.bottom}`)).toEqual([
      "project 职业技能培训项目 0-18",
      "project 农村公路养护项目 21-39",
    ]);
    expect(
      e.projects.map((p) => [p.form.budget?.range.top, p.form.indicators?.rows.length, p.score?.total]),
    ).toEqual([
      [3, 6, 100],
      [24, 6, 93.5],
    ]);
    expect(brief(e)).toEqual(["review.inflated warning project 农村公路养护项目 项目!B40"]);
  });
});

describe("the checks of a form's fund block", () => {
  it("project.fund-sum: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 in each column", async () => {
    const wrong: ProjectSpec = { ...TRAINING, total: [100, 120, 125] };
    const e = await evaluate([projectSheet("项目一", wrong)]);
    const f = e.findings.filter((x) => x.rule === "project.fund-sum");
    expect(f.map((x) => [x.severity, x.project, x.cells.map((c) => c.address)])).toEqual([
      ["error", "职业技能培训项目", ["E5", "E6", "E7", "E8"]],
    ]);
    expect(f[0].message["zh-CN"]).toBe(
      "全年执行数：当年财政拨款 + 上年结转资金 + 其他资金 = 120.00 万元，年度资金总额填列 125.00 万元，相差 5.00 万元，填列数多于分项之和",
    );
    expect(f[0]).toMatchObject({ expectedFen: 120000000, actualFen: 125000000, differenceFen: 5000000 });
  });

  it("budget.overspend: 全年执行数 above 全年预算数 is a warning of the form", async () => {
    const over: ProjectSpec = {
      ...ROADS,
      total: [200, 200, 210],
      general: [180, 180, 195],
      rate: "105%",
      executionScore: 10,
    };
    const e = await evaluate([projectSheet("项目二", over)]);
    expect(brief(e).filter((b) => b.startsWith("budget."))).toEqual([
      "budget.overspend warning project 农村公路养护项目 项目二!E5",
      "budget.overspend warning project 农村公路养护项目 项目二!E6",
    ]);
  });

  it("indicator.weights: the weights and the 10 of execution make 100 in each form", async () => {
    const heavy: ProjectSpec = {
      ...TRAINING,
      indicators: TRAINING.indicators.map((i, n) => (n === 0 ? { ...i, weight: 30, score: 30 } : i)),
      typedTotal: 110,
    };
    const e = await evaluate([projectSheet("项目一", heavy), projectSheet("项目二", ROADS)]);
    const f = e.findings.filter((x) => x.rule === "indicator.weights");
    expect(f.map((x) => `${x.project} ${x.cells[0].sheet}!${x.cells[0].address}`)).toEqual([
      "职业技能培训项目 项目一!F11",
    ]);
    expect(f[0].message["zh-CN"]).toBe("指标分值合计 100，加预算执行率 10 分共 110 分，应为 100 分");
  });
});

describe("the forms together", () => {
  it("project.duplicate-name: the same 项目名称 twice is a warning at the second", async () => {
    const e = await evaluate([
      projectSheet("项目一", TRAINING),
      projectSheet("项目二", { ...ROADS, name: TRAINING.name }),
    ]);
    const f = e.findings.filter((x) => x.rule === "project.duplicate-name");
    expect(f.map((x) => [x.severity, x.cells.map((c) => `${c.sheet}!${c.address}`)])).toEqual([
      ["warning", ["项目二!C2", "项目一!C2"]],
    ]);
    expect(f[0].message["zh-CN"]).toBe(
      "项目名称“职业技能培训项目”与另一张项目支出绩效自评表重复：请核对是否重复填报",
    );
  });

  it("beside the department's tables: the department is scored as before, the projects on their own", async () => {
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      addProjectSheet(wb, "项目一", TRAINING);
      addProjectSheet(wb, "项目二", ROADS);
    });
    const e = evaluateWorkbook(await readXlsxBuffer(bytes));
    expect(e.score?.total).toBe(99.78);
    expect(e.tables.map((t) => t.kind)).toEqual([
      "budget",
      "expenditure",
      "indicators",
      "info",
      "project",
      "project",
    ]);
    expect(e.projects.map((p) => p.score?.total)).toEqual([100, 93.5]);
    expect(brief(e)).toEqual(["review.inflated warning project 农村公路养护项目 项目二!B19"]);
  });

  it("project.department-sum: the projects' 全年执行数 above the department's 项目支出 is a warning", async () => {
    const big: ProjectSpec = {
      ...TRAINING,
      total: [10000, 10500, 10500],
      general: [10000, 10500, 10500],
      carryover: [null, null, null],
    };
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      addProjectSheet(wb, "项目一", big);
      addProjectSheet(wb, "项目二", ROADS);
    });
    const e = evaluateWorkbook(await readXlsxBuffer(bytes));
    const f = e.findings.filter((x) => x.rule === "project.department-sum");
    expect(f.map((x) => [x.severity, x.cells.map((c) => `${c.sheet}!${c.address}`)])).toEqual([
      ["warning", ["表一 预算执行情况!D13", "项目一!E5", "项目二!E5"]],
    ]);
    expect(f[0].message["zh-CN"]).toBe(
      "2 个项目的全年执行数合计 10,650.00 万元，超过部门项目支出全年执行数 10,459.37 万元，超出 190.63 万元",
    );
  });
});
