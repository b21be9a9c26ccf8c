/**
 * fast-check generators for hostile workbooks: cell values drawn from what real budget workbooks hold (the labels the
 * recognisers look for, amounts in every spelling, targets, codes) mixed with what breaks parsers (error values, NaN,
 * 1e308, control characters, lone graphemes), on grids that are either noise or real table layouts with cells replaced.
 */
import fc from "fast-check";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { errorValue } from "../../src/engine/snapshot";
import { INDICATOR_HEADER } from "../fixtures/seed";

export const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
] as const;

/** Header and row labels of every table kind, captions and end-of-table words. */
const LABELS = [
  "年度预算申请",
  "项目",
  "年初预算数",
  "全年预算数",
  "调整后预算数",
  "全年执行数",
  "执行数",
  "决算数",
  "分值",
  "执行率",
  "得分",
  "年度资金总额",
  "资金总额",
  "合计",
  "总计",
  "  其中：一般公共预算",
  "一般公共预算拨款",
  "政府性基金",
  "国有资本经营预算",
  "社会保险基金",
  "纳入专户管理的非税收入",
  "其他资金",
  "按收入性质分：",
  "按支出性质分：",
  "基本支出",
  "项目支出",
  "上缴上级支出",
  "经营支出",
  "对附属单位补助支出",
  "科目编码",
  "科目名称",
  "本年支出",
  "本年支出合计",
  "类",
  "款",
  "项",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标名称",
  "年度指标值",
  "实际完成值",
  "权重",
  "自评得分",
  "偏差原因分析及改进措施",
  "计算符号",
  "计量单位",
  "产出指标",
  "数量指标",
  "成本指标",
  "效益指标",
  "满意度指标",
  "总分",
  "评价等级",
  "部门名称",
  "预算部门名称：某某局",
  "评价年度",
  "职能职责",
  "存在的问题",
  "单位：万元",
  "金额单位：元",
  "（单位：亿元）",
  "全年预算数(万元)",
  "注：",
];

const AMOUNT_TEXTS = [
  "10716.16",
  "2,567,900.00",
  "１０７１６１６００",
  "１，２３４．５０",
  " 256.79 ",
  "(1,000.00)",
  "-3.5",
  "+7",
  "-",
  "—",
  "/",
  "",
  "约100",
  "1e308",
  "NaN",
  "Infinity",
  "0x10",
  "1,23,456",
  ".5",
  "5.",
];

const TARGET_TEXTS = [
  "≥15个",
  "≤260万元",
  "＝12次",
  ">= 90%",
  "100%",
  "≥约15个",
  "95%以上",
  "3天以内",
  "2023年12月底前完成",
  "达成",
  "部分达成",
  "未达成",
  "达成年度指标",
  "基本完成",
  "≥0",
  "≤0",
  "定性",
  "正向",
  "反向",
];

const CODES = [
  "201",
  "20113",
  "2011301",
  "2011308",
  "208",
  "20805",
  "2080505",
  "212",
  "2120399",
  "21",
  "2011",
];

/** The code points before the surrogates, whose index is the code point itself. */
const BEFORE_SURROGATES = 0xd800;
/** How many surrogate code points (U+D800–U+DFFF) the index skips. */
const SURROGATES = 0x800;

/**
 * One unit of fast-check's `fc.string({ unit: "binary" })` — any code point but a lone surrogate — drawn exactly as
 * fast-check draws it (its mapToConstant is a `nat` over the 1,112,064 code points, mapped in order), so the strings,
 * the injected "__proto__"-like strings and the shrinks are the same (tests/reliability/arbitraries.test.ts compares
 * them). Only the way back from a value to its index differs: fast-check builds a Map of all 1,112,064 code points the
 * first time a string arbitrary asks whether a value is one of its units (it does so as the arbitrary is made), about
 * a second of CPU that every test file using the unit paid again; here the index is computed.
 */
export const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < BEFORE_SURROGATES ? index : index + SURROGATES),
  (value) => {
    const codePoint = typeof value === "string" ? value.codePointAt(0) : undefined;
    const surrogate = codePoint !== undefined && codePoint >= BEFORE_SURROGATES && codePoint < 0xe000;
    if (codePoint === undefined || surrogate || String.fromCodePoint(codePoint) !== value)
      throw new Error("not a single code point");
    return codePoint < BEFORE_SURROGATES ? codePoint : codePoint - SURROGATES;
  },
);

export const dateValue: fc.Arbitrary<CellValue> = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => ({ kind: "date", iso: new Date(ms).toISOString().slice(0, 19) }));

/** Any value a gateway could hand the engine, and a few it should not (NaN, -0, Infinity). */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...AMOUNT_TEXTS) },
  { weight: 3, arbitrary: fc.constantFrom(...TARGET_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...CODES) },
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 200_000_000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 5e-324, -0, 0.1 + 0.2, 2 ** 53 + 2) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_CODES).map((c) => errorValue(c) as CellValue) },
  { weight: 1, arbitrary: dateValue },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ unit: binaryUnit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  // As long as a cell can hold, and text that would be a formula if written as one.
  {
    weight: 1,
    arbitrary: fc.constantFrom("职".repeat(32767), '=HYPERLINK("http://x")', "+1", "@SUM(A1)", "\t-2"),
  },
);

/** Real layouts (as the sample has them), the starting point of the "template with noise" grids. */
const TEMPLATES: readonly (readonly CellValue[])[][] = [
  [
    ["2023年度部门整体支出预算执行情况表"],
    ["预算部门名称：某某局", null, null, null, null, null, "单位：万元"],
    ["年度预算申请", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 3000, 10716.16, 10716.16, 10, 1, 10],
    ["按收入性质分："],
    ["  其中：一般公共预算", 3000, 9716.16, 9716.16],
    ["        政府性基金", "—", 1000, 1000],
    ["按支出性质分："],
    ["  其中：基本支出", 260, 256.79, 256.79],
    ["        项目支出", 2740, 10459.37, 10459.37],
  ],
  [
    ["2023年度部门支出决算表"],
    [null, null, null, null, "金额单位：元"],
    ["科目编码", "科目名称", "本年支出"],
    [null, null, "合计", "基本支出", "项目支出"],
    ["合计", null, 20588100, 2088100, 18500000],
    ["201", "一般公共服务支出", 20303500, 1803500, 18500000],
    ["20113", "  商贸事务", 20303500, 1803500, 18500000],
    ["2011301", "    行政运行", 1803500, 1803500, null],
    ["2011308", "    招商引资", 18500000, null, 18500000],
    ["208", "社会保障和就业支出", 284600, 284600, null],
  ],
  [
    [...INDICATOR_HEADER],
    ["产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 30, null, null],
    [null, null, "合同引资额", "≥20亿元", "22.12亿元", 20, null, null],
    [null, "成本指标", "机关运行经费", "≤300万元", "256.79万元", 10, null, null],
    ["效益指标", "社会效益指标", "企业满意度", "≥90%", "88%", 20, 18, null],
    ["满意度指标", "服务对象满意度指标", "冷链项目", "完成主体厂房建设", "部分达成", 10, 9, "进度滞后"],
  ],
  [
    ["部门名称", "某某局"],
    ["评价年度", 2023],
    ["职能职责", "负责……"],
    ["存在的问题", "年初预算与全年预算相差较大"],
  ],
];

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Non-overlapping merges inside the grid, with covered cells emptied the way the gateways report them. */
function withMerges(values: CellValue[][], originRow: number, originCol: number, boxes: CellRange[]) {
  const merges: CellRange[] = [];
  for (const b of boxes) {
    const m = {
      top: originRow + b.top,
      left: originCol + b.left,
      bottom: originRow + b.bottom,
      right: originCol + b.right,
    };
    if (m.bottom === m.top && m.right === m.left) continue;
    if (merges.some((x) => overlaps(x, m))) continue;
    merges.push(m);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++)
        if ((r !== b.top || c !== b.left) && values[r]) values[r][c] = null;
    }
  }
  return merges;
}

const box = (height: number, width: number): fc.Arbitrary<CellRange> =>
  fc
    .record({
      top: fc.nat({ max: height - 1 }),
      left: fc.nat({ max: width - 1 }),
      h: fc.nat({ max: 3 }),
      w: fc.nat({ max: 3 }),
    })
    .map(({ top, left, h, w }) => ({
      top,
      left,
      bottom: Math.min(height - 1, top + h),
      right: Math.min(width - 1, left + w),
    }));

const sheetName = fc.oneof(
  fc.constantFrom("表一 预算执行情况", "表二 支出决算表", "Sheet1", "绩效指标", "😀𠀀", "a'b", "  "),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
);

/** A sheet of noise: every cell drawn from cellValue. */
const noiseSheet: fc.Arbitrary<Omit<SheetSnapshot, "name">> = fc
  .record({ height: fc.integer({ min: 0, max: 12 }), width: fc.integer({ min: 1, max: 9 }) })
  .chain(({ height, width }) =>
    fc.record({
      originRow: fc.nat({ max: 30 }),
      originCol: fc.nat({ max: 10 }),
      values: fc.array(fc.array(cellValue, { maxLength: width }), { minLength: height, maxLength: height }),
      boxes: height === 0 ? fc.constant<CellRange[]>([]) : fc.array(box(height, width), { maxLength: 4 }),
      hidden: fc.boolean(),
    }),
  )
  .map(({ originRow, originCol, values, boxes, hidden }) => {
    const grid = values.map((r) => [...r]);
    return {
      originRow,
      originCol,
      values: grid,
      merges: withMerges(grid, originRow, originCol, boxes),
      hidden,
    };
  });

/** One or more real layouts stacked on a sheet, each cell replaced by noise with some probability. */
const templateSheet: fc.Arbitrary<Omit<SheetSnapshot, "name">> = fc
  .record({
    picks: fc.array(fc.nat({ max: TEMPLATES.length - 1 }), { minLength: 1, maxLength: 3 }),
    gap: fc.nat({ max: 2 }),
    // About one cell in eight replaced: enough to break every rule's assumptions, little enough to keep the tables.
    noise: fc.array(
      fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cellValue }),
      { minLength: 200, maxLength: 200 },
    ),
    originRow: fc.nat({ max: 5 }),
    originCol: fc.nat({ max: 3 }),
  })
  .chain(({ picks, gap, noise, originRow, originCol }) => {
    const rows: CellValue[][] = [];
    for (const p of picks) {
      rows.push(...TEMPLATES[p].map((r) => [...r]));
      for (let i = 0; i < gap; i++) rows.push([]);
    }
    let k = 0;
    for (const r of rows) {
      for (let c = 0; c < r.length; c++) {
        const replacement = noise[k++ % noise.length];
        if (replacement !== undefined) r[c] = replacement;
      }
    }
    const width = Math.max(1, ...rows.map((r) => r.length));
    return fc.array(box(Math.max(1, rows.length), width), { maxLength: 3 }).map((boxes) => ({
      originRow,
      originCol,
      values: rows,
      merges: withMerges(rows, originRow, originCol, boxes),
    }));
  });

/** A workbook of 0–3 sheets with unique names, each noise or a noisy real layout. */
export const workbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(fc.tuple(sheetName, fc.oneof(noiseSheet, templateSheet, templateSheet)), {
    maxLength: 3,
    selector: ([name]) => name,
  })
  .map((sheets) => ({ sheets: sheets.map(([name, sheet]) => ({ name, ...sheet })) }));
