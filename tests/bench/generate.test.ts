/**
 * The benchmark's workbook generator: its 类/款/项 tree is well formed and adds up at every size, and a small generated
 * workbook is recognised table by table and checked without a single finding — the same workbook shape the bench
 * times at 5,000, 50,000 and 200,000 rows.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEPARTMENT, EXPENDITURE_TOTAL_ROW, SHEETS, generateWorkbook } from "../../bench/generate";
import { branchingFor, buildSubjectTree, type SubjectTree } from "../../bench/subjects";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { rangeToA1 } from "../../src/engine/a1";
import { readXlsxFile } from "../../src/gateway/xlsx/read-file";
import type { AmountCell } from "../../src/engine/tables";

/** Recomputes every aggregate from the rows below it, independently of the generator's own pass. */
function inconsistencies(tree: SubjectTree): string[] {
  const problems: string[] = [];
  const byCode = new Map(tree.rows.map((r) => [r.code, r]));
  const sums = new Map<string, { basic: number; project: number; children: number }>();
  for (const r of tree.rows) {
    if (r.level === 1) continue;
    const parent = r.code.slice(0, -2);
    if (!byCode.has(parent)) problems.push(`${r.code} has no parent`);
    const s = sums.get(parent) ?? { basic: 0, project: 0, children: 0 };
    s.basic += r.basicFen;
    s.project += r.projectFen;
    s.children += 1;
    sums.set(parent, s);
  }
  for (const [code, s] of sums) {
    const row = byCode.get(code);
    if (row && (row.basicFen !== s.basic || row.projectFen !== s.project))
      problems.push(`${code} ≠ Σ children`);
  }
  const classes = tree.rows.filter((r) => r.level === 1);
  if (classes.reduce((a, r) => a + r.basicFen, 0) !== tree.totalBasicFen) problems.push("合计 basic");
  if (classes.reduce((a, r) => a + r.projectFen, 0) !== tree.totalProjectFen) problems.push("合计 project");
  return problems;
}

describe("buildSubjectTree", () => {
  it.each([
    [200, 3],
    [5_000, 14],
    [50_000, 45],
    [200_000, 89],
  ])("makes exactly %i rows of 3/5/7-digit codes (branching %i) that add up", (rows, branching) => {
    const tree = buildSubjectTree(rows);
    expect(tree.rows).toHaveLength(rows);
    expect(tree.branching).toBe(branching);
    expect(branchingFor(rows)).toBe(branching);
    expect(new Set(tree.rows.map((r) => r.code)).size).toBe(rows);
    expect(tree.rows.every((r) => r.code.length === [0, 3, 5, 7][r.level])).toBe(true);
    expect(tree.rows.every((r) => r.basicFen % 10_000 === 0 && r.projectFen % 10_000 === 0)).toBe(true);
    expect(inconsistencies(tree)).toEqual([]);
  });

  it("is deterministic and starts where the classification starts", () => {
    const a = buildSubjectTree(200);
    expect(buildSubjectTree(200)).toEqual(a);
    expect(a.rows.slice(0, 3).map((r) => [r.code, r.name, r.level])).toEqual([
      ["201", "一般公共服务支出", 1],
      ["20101", "人大事务", 2],
      ["2010101", "行政运行", 3],
    ]);
    // 行政运行 is 基本支出 only.
    expect([a.rows[2].basicFen > 0, a.rows[2].projectFen]).toEqual([true, 0]);
    expect(a.classIndexes.map((i) => a.rows[i].code).slice(0, 3)).toEqual(["201", "203", "204"]);
  });
});

describe("generateWorkbook", () => {
  it("writes a 200-row workbook the checker recognises and finds nothing wrong with", async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfeval-bench-"));
    const generated = await generateWorkbook(join(dir, "rows-200.xlsx"), 200);
    const tree = buildSubjectTree(200);
    expect(generated).toMatchObject({
      expenditureRows: 200,
      indicators: 500,
      branching: 3,
      totalBasicFen: tree.totalBasicFen,
      totalProjectFen: tree.totalProjectFen,
    });

    const evaluation = evaluateWorkbook(await readXlsxFile(generated.path));
    expect(evaluation.summary).toEqual({ error: 0, warning: 0, notice: 0 });
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.tables.map((t) => [t.kind, t.sheet, rangeToA1(t.range), t.unit ?? null])).toEqual([
      ["budget", SHEETS.budget, "A3:G11", "万元"],
      ["expenditure", SHEETS.expenditure, `A3:E${EXPENDITURE_TOTAL_ROW + 200}`, "元"],
      ["indicators", SHEETS.indicators, "A3:H503", null],
      ["info", SHEETS.info, "A4:B10", null],
    ]);
    expect([evaluation.department, evaluation.year]).toEqual([DEPARTMENT, "2023"]);

    const [table] = evaluation.recognized.expenditures;
    expect(table.rows).toHaveLength(201);
    const total = table.rows[0];
    expect(total.isTotal).toBe(true);
    const fen = (c: AmountCell | undefined) => (c && c.parsed.kind === "amount" ? c.parsed.fen : null);
    expect([fen(total.total), fen(total.parts.basic), fen(total.parts.project)]).toEqual([
      tree.totalBasicFen + tree.totalProjectFen,
      tree.totalBasicFen,
      tree.totalProjectFen,
    ]);
    expect(table.rows.slice(1, 4).map((r) => [r.code, r.level])).toEqual([
      ["201", 1],
      ["20101", 2],
      ["2010101", 3],
    ]);

    // 500 indicators weighing 90 with the 10 of budget execution, all met: the score is execution short of 100.
    expect(evaluation.recognized.indicators?.rows).toHaveLength(500);
    const score = evaluation.score;
    expect(score?.indicators.every((i) => i.score === i.weight)).toBe(true);
    const execution = score?.execution;
    expect(execution?.rate).toBeCloseTo(
      (tree.totalBasicFen + tree.totalProjectFen) /
        (tree.totalBasicFen +
          tree.totalProjectFen +
          Math.round((tree.totalProjectFen * 0.03) / 10_000) * 10_000),
      12,
    );
    expect(score?.grade).toBe("优");
  });
});
