/**
 * Property-based tests for the parser paths added to read real filings (issue 11 §2): random grids built from the
 * real forms' vocabulary — template leftovers, amounts inside labels, units glued to amounts or stated away from the
 * header, the form's own execution points, titles and subtitles — and arbitrary text through the new parsers.
 * Nothing throws, the same input gives the same output, and every finding and every recognised leftover points at a
 * cell that exists.
 */
import fc from "fast-check";
import { parseA1 } from "../../src/engine/a1";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { Finding } from "../../src/engine/findings";
import { parseAmount } from "../../src/engine/money";
import { splitLabelAmount } from "../../src/engine/recognize/budget";
import { recognizeWorkbook } from "../../src/engine/recognize/index";
import { untilNextLabel } from "../../src/engine/recognize/scan";
import { parseUnitColumn, tierOfStatement } from "../../src/engine/score/target";
import { sheetBounds, type CellValue, type WorkbookSnapshot } from "../../src/engine/snapshot";
import type { CellPos } from "../../src/engine/tables";
import { cellValue } from "./arbitraries";

const RUNS = { numRuns: 300 };

/*
 * One expect() per property run, over every check of the run: an expect() call costs about 0.1 ms in jest (it makes an
 * error object for its stack and a closure for every matcher), more than most of the checks. toEqual over an array or
 * object of the results is the toEqual of each, and toBe on a boolean, a string or null is toEqual on it.
 */

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function inside(wb: WorkbookSnapshot, sheetName: string, row: number, col: number): boolean {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  const bounds = sheet ? sheetBounds(sheet) : null;
  return !!bounds && row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right;
}

function findingsInside(findings: readonly Finding[], wb: WorkbookSnapshot): boolean {
  return findings.every((f) =>
    f.cells.every((c) => {
      const { row, col } = parseA1(c.address);
      return inside(wb, c.sheet, row, col);
    }),
  );
}

function posInside(cells: readonly CellPos[], wb: WorkbookSnapshot): boolean {
  return cells.every((c) => inside(wb, c.sheet, c.row, c.col));
}

/** Text as the real forms write it: labels, leftovers, amounts with and without units, labels with amounts. */
const formText: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    "项目资金\n（元）",
    "项目资金(万元)",
    "年度预算申请(万元",
    "单位：万元",
    "金额单位：元",
    "年初预算数",
    "全年预算数",
    "调整后预算数",
    "全年执行数",
    "预算执行数",
    "分值",
    "权重",
    "执行率",
    "得分",
    "年度资金总额",
    "总额",
    "其中：当年财政拨款",
    "本年财政拨款",
    "财政资金",
    "财政专户管理资金",
    "单位资金",
    "上年结转资金",
    "其他资金",
    "按收入性质分：2030.12",
    "其中: 一般公共预算:1325.68",
    "其中:基本支出:900.47",
    "项目支出:1025.20",
    "预算执行情况(万元)(20分)",
    "一级指标",
    "二级指标",
    "三级指标",
    "年初指标值",
    "指标值",
    "全年实际值",
    "参考分值",
    "指标性质",
    "度量单位",
    "未完成原因及拟采取的改进措施",
    "指标1",
    "指标2：",
    "……",
    "/",
    "其中：上半年",
    "预算执行率",
    "有效",
    "显著提升",
    "达成预期指标",
    "部分完成",
    "≧",
    "═",
    "﹦",
    "(2022年度)",
    "部门预算项目支出绩效自评表（2023年度）",
    "单位名称：某镇政府　填报日期：2021.5.18",
    "预算部门、单位名称",
    // 河北's 项目 form: label | amount pairs, 预期指标值 over 符号 | value | 单位, weights under 权重占比.
    "预算数",
    "到位数",
    "执行数",
    "其中:财政资金",
    "其他",
    "金额单位: 万元",
    "预期指标值",
    "符号",
    "单位(文字描述)",
    "指标分值",
    "单项指标实际完成值",
    "单项指标得分",
    "权重占比(%)",
    "%(百分比)",
    // 湖北 塘湖: kind totals as label | amount above the block.
    "基本支出总额",
    "项目支出总额",
    "864.2万",
    // 宁夏 原州: the block on its side, fund sources by level of government.
    "资金情况\n(万元)",
    "其中",
    "中央补助",
    "自治区补助",
    "市县资金",
    "全年预算数(A)",
    "全年执行数(B)",
    "执行率(B/A)",
    "259.45万元",
    "86.5%",
  ),
  fc
    .tuple(fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.constantFrom("万", "万元", "元", "亿", ""))
    .map(([n, u]) => `${Math.round(n * 100) / 100}${u}`),
  cellValue,
);

/**
 * 宁夏 原州's fund block on its side (rows 全年预算数(A) / 全年执行数(B) / 执行率, columns 年度资金总额 | 中央补助 |
 * 自治区补助 | 市县资金), its twelve figure cells drawn from the forms' text: amounts, amounts with units, labels, junk.
 */
const transposedBlock = fc.array(formText, { minLength: 12, maxLength: 12 }).map((v): CellValue[][] => [
  ["资金情况\n(万元)", null, null, "年度资金总额", "其中", null, null],
  [null, null, null, null, "中央补助", "自治区补助", "市县资金"],
  [null, "全年预算数(A)", null, v[0], v[1], v[2], v[3]],
  [null, "全年执行数(B)", null, v[4], v[5], v[6], v[7]],
  [null, "执行率(B/A)", null, v[8], v[9], v[10], v[11]],
]);

/** Most of the time a real form's header rows on top of the grid. */
const FORM_HEADERS = fc.constantFrom<CellValue[][]>(
  [],
  [["项目资金\n（元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
  [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]],
  [["预算数", 6.84, "到位数", 6.84, "执行数", 6.84, 100]],
  [
    ["基本支出总额", "864.2万", "项目支出总额", 0],
    ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
  ],
  [
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标分值",
      "预期指标值",
      null,
      null,
      "单项指标实际完成值",
      "自评得分",
    ],
    [null, null, null, null, "符号", null, "单位(文字描述)", null, "单项指标得分", "权重占比(%)"],
  ],
);

/** A grid of form text under `header`, with merges inside it. */
function formSheetWith(header: fc.Arbitrary<CellValue[][]>): fc.Arbitrary<WorkbookSnapshot> {
  return fc
    .record({
      rows: fc.array(fc.array(formText, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 14 }),
      header,
      merges: fc.array(
        fc.record({
          top: fc.nat(12),
          left: fc.nat(7),
          height: fc.integer({ min: 1, max: 4 }),
          width: fc.integer({ min: 1, max: 3 }),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ rows, header, merges }): WorkbookSnapshot => {
      const values = [...header, ...rows];
      const kept: { top: number; left: number; bottom: number; right: number }[] = [];
      for (const m of merges) {
        const r = { top: m.top, left: m.left, bottom: m.top + m.height - 1, right: m.left + m.width - 1 };
        const single = r.top === r.bottom && r.left === r.right;
        const overlaps = kept.some(
          (k) => r.top <= k.bottom && k.top <= r.bottom && r.left <= k.right && k.left <= r.right,
        );
        if (!single && !overlaps) kept.push(r);
      }
      return { sheets: [{ name: "Sheet1", originRow: 0, originCol: 0, values, merges: kept }] };
    });
}

const formSheet = formSheetWith(FORM_HEADERS);
/** The same grids under 原州's block on its side, so that block is read in about half the runs. */
const transposedSheet = formSheetWith(transposedBlock);
/** The whole-grid properties run over both. */
const GRIDS: readonly (readonly [string, fc.Arbitrary<WorkbookSnapshot>])[] = [
  ["under the real forms' headers", formSheet],
  ["under 原州's fund block on its side", transposedSheet],
];

describe("real-form grids", () => {
  it.each(GRIDS)(
    "evaluateWorkbook never throws, is deterministic, and every finding names an existing cell (%s)",
    (_, sheets) => {
      fc.assert(
        fc.property(sheets, (wb) => {
          const before = JSON.stringify(wb);
          const first = evaluateWorkbook(wb);
          const deterministic = same(evaluateWorkbook(structuredClone(wb)), first);
          expect([deterministic, JSON.stringify(wb), findingsInside(first.findings, wb)]).toEqual([
            true,
            before,
            true,
          ]);
        }),
        RUNS,
      );
    },
  );

  it("template leftovers, unit statements and the form's execution points point at existing cells", () => {
    fc.assert(
      fc.property(formSheet, (wb) => {
        const r = recognizeWorkbook(wb);
        const leftovers = r.indicators?.placeholderRows ?? [];
        // A leftover is never also scored.
        const scored = new Set(r.indicators?.rows.map((row) => row.row));
        const stated = r.budget?.executionWeight;
        const ambiguity = r.budget?.unitAmbiguity;
        expect({
          leftoversInside: posInside(
            leftovers.map((c) => c.pos),
            wb,
          ),
          leftoversScored: leftovers.filter((c) => scored.has(c.pos.row)).map((c) => c.pos),
          ambiguityInside: posInside(ambiguity?.cells ?? [], wb),
          statedInside: !stated || posInside([stated.cell], wb),
          statedFinite: !stated || Number.isFinite(stated.points),
          // What toBeGreaterThan(1) passes.
          ambiguityOfUnits: !ambiguity || new Set(ambiguity.units).size > 1,
        }).toEqual({
          leftoversInside: true,
          leftoversScored: [],
          ambiguityInside: true,
          statedInside: true,
          statedFinite: true,
          ambiguityOfUnits: true,
        });
      }),
      RUNS,
    );
  });
});

describe("fund blocks of label | amount pairs and indicators read from a group's unlabelled column (河北)", () => {
  it.each(GRIDS)(
    "every cell the budget block and the indicators read exists, and each row of the block sits inside its range (%s)",
    (_, sheets) => {
      fc.assert(
        fc.property(sheets, (wb) => {
          const r = recognizeWorkbook(wb);
          const deterministic = same(recognizeWorkbook(structuredClone(wb)), r);
          // Plain comparisons collected first: an expect() per cell and per row was a quarter of the test's time.
          const problems: string[] = [];
          const within = (what: string, cells: readonly CellPos[]) => {
            if (!posInside(cells, wb)) problems.push(`${what}: a cell outside the sheet`);
          };
          const blocks = [r.budget, ...(r.projects ?? []).map((p) => p.budget)].filter((b) => b !== null);
          for (const b of blocks) {
            const rows = [b.total, ...Object.values(b.sources), ...Object.values(b.kinds)];
            for (const row of rows) {
              if (!row) continue;
              const cells = [row.label.pos, ...Object.values(row.cells).map((c) => c.pos)];
              within(`block row at ${row.label.pos.row},${row.label.pos.col}`, cells);
              for (const c of cells) {
                if (!(c.row >= b.range.top && c.row <= b.range.bottom))
                  problems.push(`${c.row},${c.col}: row outside the block`);
                if (!(c.col >= b.range.left && c.col <= b.range.right))
                  problems.push(`${c.row},${c.col}: column outside the block`);
              }
            }
            within(
              "block columns",
              Object.values(b.columns).map((h) => h.pos),
            );
          }
          const tables = [r.indicators, ...(r.projects ?? []).map((p) => p.indicators)].filter(
            (t) => t !== null,
          );
          for (const t of tables) {
            within(
              "indicator headers",
              Object.values(t.headers).map((h) => h.pos),
            );
            for (const row of t.rows) {
              within(`indicator row ${row.row}`, [row.target.pos, row.actual.pos, row.weight.cell.pos]);
              if (row.weight.value !== null && !Number.isFinite(row.weight.value))
                problems.push(`indicator row ${row.row}: weight ${row.weight.value} not finite`);
            }
          }
          expect({ deterministic, problems }).toEqual({ deterministic: true, problems: [] });
        }),
        RUNS,
      );
    },
  );
});

describe("the new parsers on arbitrary text", () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("150万", "1,234.5元", "万"),
  );

  it("parseAmount never throws; a stated unit comes only with an amount, and the same text gives the same result", () => {
    fc.assert(
      fc.property(text, fc.constantFrom("元" as const, "万元" as const), (t, unit) => {
        const p = parseAmount(t, unit);
        expect([
          same(parseAmount(t, unit), p),
          p.kind !== "amount" || Number.isSafeInteger(p.fen),
          p.kind !== "amount" || !p.statedUnit || p.fromText,
        ]).toEqual([true, true, true]);
      }),
      RUNS,
    );
  });

  it("a glued unit means the same money in any table", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom("万", "万元", "元"), (n, u) => {
        const text = `${(n / 100).toFixed(2)}${u}`;
        const a = parseAmount(text, "元");
        const b = parseAmount(text, "万元");
        expect([a.kind, same(a, b)]).toEqual(["amount", true]);
      }),
      RUNS,
    );
  });

  it("splitLabelAmount takes no stray separator for an amount (a counterexample fast-check found)", () => {
    expect(splitLabelAmount("!：,0")).toBeNull();
    expect(splitLabelAmount("其中：一般公共预算：1,325.68")).toEqual({
      label: "其中:一般公共预算",
      amount: "1,325.68",
    });
  });

  it("splitLabelAmount never throws and its amount always parses", () => {
    fc.assert(
      fc.property(text, fc.string(), (label, tail) => {
        for (const t of [label, `${label}：${tail}`, `${label}:${tail.length}`]) {
          const split = splitLabelAmount(t);
          if (split) expect(parseAmount(split.amount, "万元").kind).toBe("amount");
        }
      }),
      RUNS,
    );
  });

  it("parseUnitColumn never throws, is deterministic, and keeps a unit with a name in parentheses only for % and ‰", () => {
    fc.assert(
      fc.property(text, (t) => {
        const unit = parseUnitColumn(t);
        const named = parseUnitColumn(`${t}(百分比)`);
        expect([parseUnitColumn(t), named.endsWith("(百分比)") || named === "%" || named === "‰"]).toEqual([
          unit,
          true,
        ]);
      }),
      RUNS,
    );
  });

  it("tierOfStatement and untilNextLabel never throw and are deterministic", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const cut = untilNextLabel(a);
        expect([tierOfStatement(a, b), untilNextLabel(a), a.includes(cut)]).toEqual([
          tierOfStatement(a, b),
          cut,
          true,
        ]);
      }),
      RUNS,
    );
  });
});
