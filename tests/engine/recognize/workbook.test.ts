import fc from "fast-check";
import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue, SheetSnapshot } from "../../../src/engine/snapshot";
import { errorValue, sheetBounds } from "../../../src/engine/snapshot";
import { sheet, workbook } from "../../helpers/grid";
import { INDICATOR_HEADER_REQUIRED, SEED } from "../../fixtures/seed";

// A workbook as an accountant keeps it: a cover, the budget block (hidden), the 支出决算 and the indicators.
const cover = sheet("封面", [
  ["2023年度部门整体支出绩效自评"],
  [null],
  ["单位名称：岳阳市君山产业开发区管委会"],
  ["评价年度：2023年"],
]);
const budget = sheet(
  "预算执行",
  [
    ["预算执行情况", null, null, null],
    [null, null, null, "单位：万元"],
    ["项目", "年初预算数", "全年预算数", "全年执行数"],
    ["年度资金总额", 9000, SEED.total, SEED.total],
    ["一般公共预算", 8000, SEED.general, SEED.general],
    ["政府性基金", 1000, SEED.fund, SEED.fund],
    ["基本支出", null, null, SEED.basic],
    ["项目支出", null, null, SEED.project],
  ],
  { merges: ["A1:D1"], hidden: true },
);
const spending = sheet(
  "支出决算",
  [
    [null, null, null, null, null, null],
    [null, "单位：万元", null, null, null, null],
    [null, "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [null, 201, "一般公共服务支出", SEED.total, SEED.basic, SEED.project],
    [null, "合计", null, SEED.total, SEED.basic, SEED.project],
  ],
  { origin: "B2" },
);
const indicators = sheet("指标", [
  [...INDICATOR_HEADER_REQUIRED],
  ["产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 90],
]);

describe("a whole workbook: every table on its own sheet, one of them hidden", () => {
  const r = recognizeWorkbook(workbook(cover, budget, spending, indicators));

  it("lists every table in sheet order with units for the money tables", () => {
    expect(r.tables).toEqual([
      { kind: "info", sheet: "封面", range: { top: 2, left: 0, bottom: 3, right: 0 } },
      { kind: "budget", sheet: "预算执行", range: { top: 2, left: 0, bottom: 7, right: 3 }, unit: "万元" },
      {
        kind: "expenditure",
        sheet: "支出决算",
        range: { top: 3, left: 2, bottom: 5, right: 6 },
        unit: "万元",
      },
      { kind: "indicators", sheet: "指标", range: { top: 0, left: 0, bottom: 1, right: 5 } },
    ]);
  });

  it("reads the hidden sheet like any other", () => {
    expect(r.budget?.sheet).toBe("预算执行");
    expect(r.budget?.kinds.project?.cells.executed?.parsed).toEqual({
      kind: "amount",
      fen: 10459_370_000,
      fromText: false,
    });
    expect(r.info?.fields.year?.value.text).toBe("2023年");
    expect(r.expenditures[0].rows.map((x) => [x.row, x.code, x.isTotal])).toEqual([
      [4, "201", false],
      [5, null, true],
    ]);
  });
});

describe("robustness", () => {
  it("returns an empty result for an empty workbook and empty sheets", () => {
    const r = recognizeWorkbook(workbook(sheet("空", []), sheet("Sheet2", [[], [null]])));
    expect(r).toEqual({ budget: null, expenditures: [], indicators: null, info: null, tables: [] });
  });

  it("ignores error values in header positions and reads them as errors in amount cells", () => {
    const grid = sheet("S", [
      ["项目", "#REF!", "全年预算数", "全年执行数"],
      ["合计", 1, "#DIV/0!", 3],
    ]);
    const b = recognizeWorkbook(workbook(grid)).budget;
    expect(b?.columns.initial).toBeUndefined();
    expect(b?.total.cells.budget?.parsed).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(b?.total.cells.budget?.pos).toEqual({ sheet: "S", row: 1, col: 2 });
  });

  it("copes with ragged rows, huge strings and odd merges", () => {
    const huge = "部门名称：" + "很长".repeat(200_000);
    const grid: SheetSnapshot = {
      ...sheet("S", [
        [huge, null],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [201],
        [20101, "人大事务", 1, 1],
      ]),
      merges: [
        { top: 5, left: 5, bottom: 2, right: 2 },
        { top: 0, left: 0, bottom: 100_000, right: 0 },
        { top: 1, left: 2, bottom: 1, right: 4 },
      ],
    };
    const r = recognizeWorkbook(workbook(grid));
    expect(r.info?.fields.department?.value.text.length).toBe(400_000);
    expect(r.expenditures).toEqual([]);
  });

  const label = fc.constantFrom(
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "年度资金总额",
    "合计",
    "基本支出",
    "项目支出",
    "按收入性质分",
    "一般公共预算",
    "科目编码",
    "科目名称",
    "本年支出",
    "类",
    "款",
    "项",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "部门名称",
    "预期目标",
    "注：",
    "单位：元",
    "201 一般公共服务支出",
    "2,567,900.00",
  );
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    label,
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.integer({ min: 200, max: 2_200_000 }),
    fc.boolean(),
    fc.constantFrom(errorValue("#REF!"), errorValue("#N/A"), {
      kind: "date",
      iso: "2023-12-31",
    } as CellValue),
  );
  const merge = fc.record({
    top: fc.integer({ min: -2, max: 14 }),
    left: fc.integer({ min: -2, max: 9 }),
    bottom: fc.integer({ min: -2, max: 14 }),
    right: fc.integer({ min: -2, max: 9 }),
  });
  const randomSheet = fc.record({
    name: fc.string({ maxLength: 6 }),
    originRow: fc.integer({ min: 0, max: 3 }),
    originCol: fc.integer({ min: 0, max: 3 }),
    values: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }),
    merges: fc.array(merge, { maxLength: 6 }),
    hidden: fc.boolean(),
  });

  it("never throws, is deterministic and keeps every range inside its sheet", () => {
    fc.assert(
      fc.property(fc.array(randomSheet, { maxLength: 3 }), (generated) => {
        const sheets = generated.map((s, i) => ({ ...s, name: `${s.name}#${i}` }));
        const wb = { sheets };
        const first = recognizeWorkbook(wb);
        expect(recognizeWorkbook(wb)).toEqual(first);
        for (const t of first.tables) {
          const s = sheets.find((x) => x.name === t.sheet);
          const bounds = s ? sheetBounds(s) : null;
          expect(bounds).not.toBeNull();
          if (!bounds) continue;
          expect(t.range.top).toBeGreaterThanOrEqual(bounds.top);
          expect(t.range.left).toBeGreaterThanOrEqual(bounds.left);
          expect(t.range.bottom).toBeLessThanOrEqual(bounds.bottom);
          expect(t.range.right).toBeLessThanOrEqual(bounds.right);
        }
      }),
      { numRuns: 400, seed: 20231231 },
    );
  });

  it("never throws on real layouts with cells overwritten and merges added at random", () => {
    const templates = [budget, spending, indicators, cover];
    const edit = fc.record({ row: fc.nat(9), col: fc.nat(7), value: cell });
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.array(edit, { maxLength: 8 }),
        fc.array(merge, { maxLength: 4 }),
        (template, edits, merges) => {
          const values = template.values.map((r) => [...r]);
          for (const e of edits) {
            while (values.length <= e.row) values.push([]);
            values[e.row][e.col] = e.value;
          }
          const wb = workbook({ ...template, values, merges: [...template.merges, ...merges] });
          const r = recognizeWorkbook(wb);
          expect(recognizeWorkbook(wb)).toEqual(r);
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });
});
