/**
 * 插入项目模板 (issue 13 §4): one 项目支出绩效自评表 in the official layout that our own recogniser reads back as one
 * project form, scored exactly, with no finding but the placeholder 项目名称 “××项目” the filer replaces.
 */
import { buildTemplateOf } from "../../src/engine/template";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { templateSnapshot } from "../app/fixtures";

test("the project template is one sheet in the official layout", () => {
  const spec = buildTemplateOf("project", "zh-CN", 2024);
  expect(spec.sheets.map((s) => [s.key, s.name])).toEqual([["project", "项目支出绩效自评表"]]);
  const at = (row: number, col: number): unknown =>
    spec.sheets[0].cells.find((c) => c.row === row && c.col === col)?.value;
  expect(at(0, 0)).toBe("2024年度项目支出绩效自评表");
  expect([at(1, 0), at(1, 2), at(2, 0), at(2, 5)]).toEqual(["项目名称", "××项目", "主管部门", "实施单位"]);
  expect([3, 4, 5, 6, 7].map((c) => at(3, c))).toEqual([
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ]);
  expect([4, 5, 6, 7].map((r) => at(r, 1))).toEqual([
    "年度资金总额",
    "其中：当年财政拨款",
    "上年结转资金",
    "其他资金",
  ]);
  expect([at(8, 0), at(8, 1), at(8, 4)]).toEqual(["年度总体目标", "预期目标", "实际完成情况"]);
  expect([at(17, 0), at(17, 5), at(17, 6)]).toEqual(["总分", 100, 99]);
  // The department's template is unchanged and stays the default kind.
  expect(buildTemplateOf("department", "zh-CN", 2024).sheets.map((s) => s.key)).toEqual([
    "budget",
    "expenditure",
    "indicators",
    "info",
  ]);
});

test("it reads back as one project form, scores 99 exactly, and only its placeholder name is reported", () => {
  const evaluation = evaluateWorkbook(templateSnapshot("zh-CN", 2024, "project"));
  expect(evaluation.tables.map((t) => [t.kind, t.sheet])).toEqual([["project", "项目支出绩效自评表"]]);
  expect(evaluation.projects).toHaveLength(1);
  const [project] = evaluation.projects;
  expect(project.name).toBe("××项目");
  expect(project.form.supervisor?.text).toBe("某某县人力资源和社会保障局");
  expect(project.form.implementer?.text).toBe("某某县就业服务中心");
  // 108 / 120 = 90% → 9 of 10; every example indicator met: 20 + 10 + 10 + 10 + 20 + 20 = 90.
  expect(project.score?.execution.score).toBe(9);
  expect(project.score?.weightsTotal).toBe(100); // the indicators' 90 and 执行率's 10
  expect(project.score?.total).toBe(99);
  expect(project.score?.indicators.map((i) => [i.name, i.score])).toEqual([
    ["培训人次", 20],
    ["培训合格率", 10],
    ["按期完成率", 10],
    ["人均培训成本", 10],
    ["带动就业人数", 20],
    ["学员满意度", 20],
  ]);
  expect(evaluation.findings.map((f) => [f.rule, f.severity, f.cells, f.message["zh-CN"]])).toEqual([
    [
      "quality.placeholder",
      "error",
      [{ sheet: "项目支出绩效自评表", address: "C2" }],
      "单元格填写的是模板占位文字 “××项目”：请填写实际内容（没有的写“无”），不要保留模板文字",
    ],
  ]);
});

test("once the filer names the project, the untouched template checks clean", () => {
  const snapshot = templateSnapshot("en-US", 2023, "project");
  expect(snapshot.sheets.map((s) => s.name)).toEqual(["Project Form"]);
  const named = {
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      values: s.values.map((row) => row.map((v) => (v === "××项目" ? "职业技能培训项目" : v))),
    })),
  };
  const evaluation = evaluateWorkbook(named);
  expect(evaluation.findings).toEqual([]);
  expect(evaluation.projects.map((p) => [p.name, p.score?.total])).toEqual([["职业技能培训项目", 99]]);
});
