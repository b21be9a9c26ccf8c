/**
 * 插入模板: four input sheets that the engine recognises as the four tables of domain.md §3, with consistent
 * example figures (a check of the untouched template finds only the department's placeholder name, which the filer must
 * replace), under names that never take an existing sheet's.
 */
import { buildTemplate, evaluationYear, nextFreeName, planTemplateNames } from "../../src/engine/template";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { templateSnapshot } from "./fixtures";

/** What a check of the untouched template reports: the placeholder 部门名称 “××单位”, an error until it is replaced. */
function placeholderOnly(infoSheet: string) {
  return [["quality.placeholder", "error", [{ sheet: infoSheet, address: "B4" }]]];
}

test("the four sheets are recognised as the four tables, in 万元, and check clean but for the placeholder name", () => {
  const spec = buildTemplate("zh-CN", 2024);
  expect(spec.sheets.map((s) => [s.key, s.name])).toEqual([
    ["budget", "预算执行情况"],
    ["expenditure", "支出决算表"],
    ["indicators", "绩效指标"],
    ["info", "部门基本情况"],
  ]);
  const evaluation = evaluateWorkbook(templateSnapshot("zh-CN", 2024));
  expect(evaluation.tables.map((t) => [t.kind, t.sheet, t.unit])).toEqual([
    ["budget", "预算执行情况", "万元"],
    ["expenditure", "支出决算表", "万元"],
    ["indicators", "绩效指标", undefined],
    ["info", "部门基本情况", undefined],
  ]);
  expect(evaluation.findings.map((f) => [f.rule, f.severity, f.cells])).toEqual(
    placeholderOnly("部门基本情况"),
  );
  expect(evaluation.year).toBe("2024");
  expect(evaluation.department).toBe("××单位");
  // 110 / 120 = 91.67% → 9.17, and every example indicator met: 90.
  expect(evaluation.score?.execution.score).toBe(9.17);
  expect(evaluation.score?.weightsTotal).toBe(100);
  expect(evaluation.score?.total).toBe(99.17);
  expect(evaluation.score?.indicators.map((i) => i.name)).toEqual([
    "完成项目数",
    "项目验收合格率",
    "按期完成率",
    "公用经费支出",
    "服务群众人次",
    "服务对象满意度",
  ]);
});

test("the header cells carry the header style and the text inputs are formatted as text", () => {
  const indicators = buildTemplate("zh-CN", 2024).sheets[2];
  const headerRow = indicators.cells.filter((c) => c.row === 2).map((c) => [c.value, c.styleId]);
  expect(headerRow).toEqual([
    ["一级指标", "header"],
    ["二级指标", "header"],
    ["三级指标", "header"],
    ["年度指标值", "header"],
    ["实际完成值", "header"],
    ["分值", "header"],
    ["得分", "header"],
    ["偏差原因分析及改进措施", "header"],
  ]);
  expect(indicators.styles.header.fill).toBe("#DDEBF7");
  expect(indicators.styles.header.font?.bold).toBe(true);
  const target = indicators.cells.find((c) => c.row === 4 && c.col === 3);
  expect(target).toEqual({ row: 4, col: 3, value: "100%", styleId: "inputCenter", text: true });
  expect(indicators.styles.inputCenter.numberFormat).toBe("@");
  expect(indicators.freeze).toEqual({ rows: 3, cols: 0 });
});

test("in en-US the sheet names and the note are English, the table labels stay Chinese", () => {
  const spec = buildTemplate("en-US", 2023);
  expect(spec.sheets.map((s) => s.name)).toEqual([
    "Budget Execution",
    "Expenditure",
    "Indicators",
    "Department Info",
  ]);
  const budget = spec.sheets[0];
  expect(budget.cells.find((c) => c.row === 0 && c.col === 0)?.value).toBe(
    "2023年度部门整体支出预算执行情况表",
  );
  expect(budget.cells.find((c) => c.styleId === "note")?.value).toMatch(/^Note: the blue figures/);
  expect(
    evaluateWorkbook(templateSnapshot("en-US", 2023)).findings.map((f) => [f.rule, f.severity, f.cells]),
  ).toEqual(placeholderOnly("Department Info"));
});

test("names never take an existing sheet's, compared without case, and stay within 31 characters", () => {
  const spec = buildTemplate("en-US", 2023);
  expect(planTemplateNames(spec, ["budget execution", "Expenditure", "Expenditure (2)", "Sheet1"])).toEqual([
    "Budget Execution (2)",
    "Expenditure (3)",
    "Indicators",
    "Department Info",
  ]);
  const long = "一二三四五六七八九十".repeat(3) + "一"; // 31 characters, Excel's limit
  const numbered = nextFreeName(long, [long]);
  expect(numbered).toBe(`${long.slice(0, 27)} (2)`);
  expect(numbered.length).toBe(31);
});

test("the evaluation year is the year that has just ended", () => {
  expect(evaluationYear(new Date(2025, 0, 15))).toBe(2024);
});
