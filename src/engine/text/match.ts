/**
 * Attaching each figure of the prose to its subject and comparing it with the workbook's figure (文数一致).
 *
 * A figure is compared only when its subject is clear: a budget row named right before it ("基本支出为256.79万元",
 * "政府性基金预算收入1000万元"), the whole budget ("全年预算收入…", "支出…"), the execution rate, the score, the grade, or
 * an indicator whose name the clause repeats ("新签约项目17个", "9家企业启动扩能扩产项目"). Figures the workbook does not
 * hold (技工贸总收入 when no indicator has it, 同比增长 rates, 内设机构 counts) are left alone.
 *
 * Tolerance is the text's own precision: the table's figure, in the text's unit, is rounded to as many decimals as the
 * text wrote ("256.79万元" against 2 decimals, "1000万元" against none, "约3.5亿元" against one) and must then be equal.
 */
import { localized, type Localized } from "../i18n";
import { UNIT_NAMES } from "../format";
import type { MoneyUnit } from "../money";
import { quoteText } from "../quote";
import { div, mul, ratio, roundScaled, toText, type Ratio } from "../score/exact";
import { convert, type Conversion } from "../score/units";
import type { BudgetColumn, CellPos, FundSource, SpendingKind } from "../tables";
import type { TableKind } from "../table-kinds";
import { clauseBounds, findFigures, splitSentences, type TextFigure } from "./figures";
import { heldFigures, type BudgetKey, type HeldAmount, type HeldFigures, type HeldIndicator } from "./held";
import type { TextCheckInput } from "./held";

/** Which rule a comparison belongs to. */
export type ComparisonKind = "amount" | "rate" | "score" | "grade" | "count";

export interface TextComparison {
  readonly kind: ComparisonKind;
  /** The sentence, or the part of it around the figure when it is long. */
  readonly sentence: string;
  /** The figure as the text writes it ("265.79万元", "十五个", "良"). */
  readonly stated: string;
  /** What the figure was read as ("基本支出全年执行数"). */
  readonly subject: Localized;
  /** The workbook's figure in the text's unit ("256.79 万元"), or the grade. */
  readonly recorded: Localized;
  /** The cell to look at; null when the workbook has none (a score computed without a 得分 column). */
  readonly cell: CellPos | null;
  readonly table: TableKind;
  /** The figure is the scorer's (total, grade, rate, a score), not a cell's value. */
  readonly computed: boolean;
  readonly agrees: boolean;
  /** For money: both figures in 分 and the text's unit. */
  readonly money?: { readonly stated: number; readonly recorded: number; readonly unit: MoneyUnit };
}

const MONEY_YUAN: Readonly<Record<MoneyUnit, bigint>> = {
  元: 1n,
  千元: 1000n,
  万元: 10000n,
  亿元: 100000000n,
};

const SOURCE_WORDS: readonly (readonly [RegExp, FundSource])[] = [
  [/一般公共预算/g, "general"],
  [/政府性基金/g, "govFund"],
  [/国有资本经营/g, "stateCapital"],
  [/社会保险基金|社保基金/g, "socialInsurance"],
  [/财政专户/g, "specialAccount"],
];
const KIND_WORDS: readonly (readonly [RegExp, SpendingKind])[] = [
  [/基本支出/g, "basic"],
  [/项目支出/g, "project"],
  [/上缴上级支出/g, "remitted"],
  [/经营支出/g, "business"],
  [/对附属单位补助支出/g, "subsidiary"],
];
/** What may stand between a budget row's name and its figure: column words and fillers only. */
const BUDGET_TAIL =
  /^(?:预算|收入|拨款|支出|执行数|执行|预算数|决算数|决算|年初|全年|数|资金|总额|金额|合计|共计|总计|为|是|达到|达|共|计|约|了|完成|实现|累计|\s)*$/;
/** Words in front of the whole budget's figure that name nothing ("我单位全年预算收入"). */
const LEADING_FILLER =
  /^(?:我单位|本单位|单位|我部门|本部门|部门|本年度|本年|全年|年度|\d{4}年度?|共|累计|合计|\s)+/;
const TOTAL_SUBJECT =
  /^(?:年初|全年|年度)?(?:预算|资金)?(?:总)?(?:收入|支出|执行数|预算数|决算数|总额)(?:总额|合计|总计)?(?:为|是|达到|达|共|计|约|了)*$|^(?:年初|全年|年度)?(?:预算|资金)(?:总额)?(?:为|是|达到|达|共|计|约)*$/;
/** A figure that states a change or a share, not a level: "同比增长27.9%", "较上年减少5个". */
const CHANGE =
  /(?:同比|比上年|较上年|较去年|比去年|增长|增幅|增加|下降|减少|降低|提高|上升|降幅|占比|占|比重)[^至到]*$/;
/**
 * The total: 总分, 评分 ("对单位整体支出评分为80分"), 自评 …; a bare 得分 is an indicator's when the sentence names one.
 * 评分规则/标准/细则/办法 are the rules, not the score they gave: "评分规则为 10 分" (review.execution-weight's message,
 * which our own report quotes) states a row's 分值 and "按评分规则得 0 分" an indicator's score, neither the total.
 */
const TOTAL_SCORE_WORDS = /总分|评分(?!规则|标准|细则|办法|方法|依据)|自评|整体|综合|最终|合计/;
const SCORE_WORDS = /得分|分数|打分/;
/** A target, not an actual: "年度指标值≥15个", "目标不少于15个". */
const TARGET_WORDS = /指标值|目标|计划|预期|[≥≤><]|不低于|不少于|不高于|不超过/;
/** A threshold, not a statement: "执行率未达到90%的需说明原因", "低于80%的". */
const THRESHOLD = /未达到|未达|不足|不到|低于|高于|超过|不低于|不少于|不高于|不超过|[≥≤><]/;
const ACTUAL_ONLY = /^(?:实际)?完成(?:值|数|情况)?(?:为|是|达到|达)?$|^实际(?:值|数)?(?:为|是)?$/;
const NOT_SCORE = /分值|满分|权重/;
const WEIGHT_WORDS = /分值|权重/;
/** A score inside an open parenthesis or after 其中 is what a scoring criterion allots. */
const ALLOTTED_POINTS = /其中|[（(][^）)]*$/;
const RATE_WORDS = /执行率|执行进度/;
const INDICATOR_SUFFIX = /(?:数量|总量|总额|金额|完成值|完成率|情况|收入|数|额|量)$/;

/** How far before (and after) a figure its subject is looked for: in its clause, and in its sentence. */
const CLAUSE_REACH = 40;
const SENTENCE_REACH = 120;

function nearBefore(sentence: string, end: number, reach: number): string {
  return sentence.slice(Math.max(0, end - reach), end);
}

/** Words that put a figure in another year. */
const PRIOR = /上年|去年|上一年|前年|同期|往年/;

/** "上年基本支出…" is last year's; "较去年翻番至75吨/小时" is this year's level, compared with last year's. */
function priorYear(left: string): boolean {
  const at = left.search(PRIOR);
  return at >= 0 && !/[至到]/.test(left.slice(at));
}

function otherYear(left: string, year: string | undefined): boolean {
  if (!year) return false;
  return [...left.matchAll(/((?:19|20)\d{2})\s*年/g)].some((m) => m[1] !== year);
}

function columnOf(words: string): BudgetColumn | null {
  if (/年初/.test(words)) return "initial";
  if (/支出|执行|决算/.test(words)) return "executed";
  if (/收入|预算|拨款/.test(words)) return "budget";
  return null;
}

/** Longest common substring length. */
function lcs(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1] + 1;
        if (cur[j] > best) best = cur[j];
      }
    }
    prev = cur;
  }
  return best;
}

function coreName(name: string): string {
  const core = name.replace(/\s+/g, "").replace(INDICATOR_SUFFIX, "");
  return core.length >= 2 ? core : name.replace(/\s+/g, "");
}

/** A decimal for a sentence: as many decimals as needed, at least `decimals`. */
function shown(value: Ratio, decimals: number): string {
  const text = toText(value, Math.max(6, decimals));
  if (decimals === 0) return text;
  const [int, frac = ""] = text.split(".");
  return `${int}.${frac.padEnd(decimals, "0")}`;
}

function grouped(digits: string): string {
  const [int, frac] = digits.split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? g : `${g}.${frac}`;
}

function agreesAt(stated: Ratio, decimals: number, recorded: Ratio): boolean {
  return roundScaled(stated, decimals) === roundScaled(recorded, decimals);
}

/** A long sentence is quoted around its figure: the clause holding it and its neighbours. */
function quoteAround(sentence: string, figure: TextFigure): string {
  return nested(around(sentence, figure));
}

function around(sentence: string, figure: TextFigure): string {
  if (sentence.length <= 60) return sentence;
  const before = clauseBounds(sentence, Math.max(0, figure.start - 1), SENTENCE_REACH);
  const start = before.start > 0 ? clauseBounds(sentence, before.start - 1, SENTENCE_REACH).start : 0;
  const end = clauseBounds(sentence, figure.end, SENTENCE_REACH).end;
  const body = quoteText(sentence.slice(start, end));
  return `${start > 0 ? "…" : ""}${body}${end < sentence.length && !body.endsWith("…") ? "…" : ""}`;
}

/** Quotes inside a quoted sentence become single quotes: “…等级为‘良’”. */
function nested(text: string): string {
  return text.replace(/“/g, "‘").replace(/”/g, "’");
}

interface BudgetSubject {
  readonly key: BudgetKey;
  readonly column: BudgetColumn | null;
  /** The key came from an earlier figure of the sentence ("…收入1000万元，支出1000万元"). */
  readonly alternatives?: readonly BudgetKey[];
}

function budgetSubject(left: string): BudgetSubject | null {
  let best: { key: FundSource | SpendingKind; at: number; length: number } | null = null;
  for (const [re, key] of [...SOURCE_WORDS, ...KIND_WORDS]) {
    for (const m of left.matchAll(re)) {
      const at = m.index ?? 0;
      if (!best || at > best.at) best = { key, at, length: m[0].length };
    }
  }
  if (best) {
    const tail = left.slice(best.at + best.length);
    if (!BUDGET_TAIL.test(tail)) return null;
    const isKind = (KIND_WORDS as readonly (readonly [RegExp, string])[]).some(([, k]) => k === best?.key);
    const column = columnOf(tail) ?? (isKind ? (/预算/.test(tail) ? "budget" : "executed") : null);
    return { key: best.key, column };
  }
  const rest = left.replace(LEADING_FILLER, "");
  if (rest !== "" && TOTAL_SUBJECT.test(rest)) return { key: "total", column: columnOf(rest) ?? "budget" };
  return null;
}

function moneyRecorded(held: HeldAmount, unit: MoneyUnit): Ratio {
  return div(ratio(BigInt(held.fen), 100n), ratio(MONEY_YUAN[unit]));
}

function moneyUnitOf(unit: string): MoneyUnit | null {
  return unit === "元" || unit === "千元" || unit === "万元" || unit === "亿元" ? unit : null;
}

/** Everything a matched figure needs to become a comparison. */
interface Context {
  readonly sentence: string;
  readonly figure: TextFigure;
}

function compareMoney(
  ctx: Context,
  candidates: readonly HeldAmount[],
  report: HeldAmount,
  table: TableKind,
): TextComparison | null {
  const unit = moneyUnitOf(ctx.figure.unit);
  if (!unit || !ctx.figure.value) return null;
  const stated = ctx.figure.value;
  const agrees = candidates.some((c) => agreesAt(stated, ctx.figure.decimals, moneyRecorded(c, unit)));
  const recorded = moneyRecorded(report, unit);
  // Thousands separators in the table's figure when the text writes them ("2,567,900元").
  const digits = shown(recorded, ctx.figure.decimals);
  const number = ctx.figure.written.includes(",") ? grouped(digits) : digits;
  return {
    kind: "amount",
    sentence: quoteAround(ctx.sentence, ctx.figure),
    stated: ctx.figure.written,
    subject: report.label,
    recorded: localized(`${number} ${unit}`, `${number} ${UNIT_NAMES[unit]["en-US"]}`),
    cell: report.cell,
    table,
    computed: false,
    agrees,
    money: {
      stated: Number(roundScaled(mul(stated, ratio(MONEY_YUAN[unit] * 100n)), 0)),
      recorded: report.fen,
      unit,
    },
  };
}

function compareNumber(
  ctx: Context,
  kind: ComparisonKind,
  recorded: Ratio,
  label: Localized,
  cell: CellPos | null,
  table: TableKind,
  computed: boolean,
  unitText: Localized,
): TextComparison | null {
  if (!ctx.figure.value) return null;
  const text = shown(recorded, ctx.figure.decimals);
  return {
    kind,
    sentence: quoteAround(ctx.sentence, ctx.figure),
    stated: ctx.figure.written,
    subject: label,
    recorded: localized(`${text}${unitText["zh-CN"]}`, `${text}${unitText["en-US"]}`),
    cell,
    table,
    computed,
    agrees: agreesAt(ctx.figure.value, ctx.figure.decimals, recorded),
  };
}

function indicatorFor(
  held: HeldFigures,
  context: string,
  fits: (i: HeldIndicator) => boolean,
): HeldIndicator | null {
  let best: HeldIndicator | null = null;
  let bestScore = 0;
  let tie = false;
  for (const indicator of held.indicators) {
    if (!fits(indicator)) continue;
    const core = coreName(indicator.name);
    const n = lcs(core, context);
    if (n < Math.min(4, core.length) || n < 2) continue;
    if (n > bestScore) {
      best = indicator;
      bestScore = n;
      tie = false;
    } else if (n === bestScore) {
      tie = true;
    }
  }
  return tie ? null : best;
}

function convertTo(figure: TextFigure, actual: HeldIndicator["actual"]): Conversion | null {
  if (!actual || !figure.value) return null;
  const c = convert({ value: figure.value, unit: figure.unit, fromNumberCell: false }, actual);
  return c.kind === "ok" ? c : null;
}

/** Every figure of the text the workbook holds, compared. */
export function compareText(input: TextCheckInput, text: string): TextComparison[] {
  const held = heldFigures(input);
  const out: TextComparison[] = [];
  /** Per indicator, the comparisons made with it: one agreeing mention covers the rest (sub-items, "其中…"). */
  const byIndicator = new Map<HeldIndicator, TextComparison[]>();

  for (const s of splitSentences(text)) {
    const sentence = s.normalized;
    let previous = null as { key: BudgetKey; column: BudgetColumn | null } | null;
    for (const figure of findFigures(sentence, held.units)) {
      const clause = clauseBounds(sentence, figure.start, SENTENCE_REACH);
      // The words nearest the figure name it; a clause of thousands of characters is cut to them (and stays linear).
      const left = sentence.slice(Math.max(clause.start, figure.start - CLAUSE_REACH), figure.start).trim();
      const right = sentence.slice(figure.end, clauseBounds(sentence, figure.end, CLAUSE_REACH).end).trim();
      const ctx: Context = { sentence: s.text, figure };
      // Last year's figures ("上年基本支出200万元", "2022年…" in a 2023 report) are not this year's tables'.
      if (priorYear(left) || otherYear(left, input.year)) continue;

      if (figure.kind === "grade") {
        if (!held.grade || !figure.grade) continue;
        const grade = held.grade.grade;
        out.push({
          kind: "grade",
          sentence: quoteAround(s.text, figure),
          stated: figure.written,
          subject: localized("评价等级", "the grade"),
          recorded: localized(`“${grade}”`, `"${grade}"`),
          cell: held.grade.cell,
          table: "indicators",
          computed: true,
          agrees: figure.grade === grade,
        });
        continue;
      }

      if (figure.kind === "score") {
        // Points a criterion allots, not points scored: "设置年度绩效目标(2分,其中单位整体绩效目标1分…)".
        if (NOT_SCORE.test(left) || ALLOTTED_POINTS.test(left)) continue;
        const points = localized(" 分", " points");
        if (RATE_WORDS.test(left) || /预算执行/.test(left)) {
          // A sentence summing 分值 gives the execution row's points, not its score: "指标分值合计 85，加预算执行率
          // 20 分共 105 分" (indicator.weights' message, which our own report quotes); "执行率得分9分" still is a score.
          if (!SCORE_WORDS.test(left) && WEIGHT_WORDS.test(sentence.slice(0, figure.start))) continue;
          const e = held.executionScore;
          const c = e && compareNumber(ctx, "score", e.value, e.label, e.cell, "budget", true, points);
          if (c) out.push(c);
          continue;
        }
        if (TOTAL_SCORE_WORDS.test(left)) {
          const t = held.total;
          const c = t && compareNumber(ctx, "score", t.value, t.label, t.cell, "indicators", true, points);
          if (c) out.push(c);
          continue;
        }
        if (!SCORE_WORDS.test(left)) continue;
        // "1.新签约项目数：…，得分8分": the indicator is named earlier in the sentence.
        const indicator = indicatorFor(held, nearBefore(sentence, figure.start, SENTENCE_REACH), () => true);
        if (!indicator) continue;
        const c = compareNumber(
          ctx,
          "score",
          indicator.score,
          localized(`“${indicator.name}”得分`, `the score of "${indicator.name}"`),
          indicator.scoreCell,
          "indicators",
          true,
          points,
        );
        if (c) out.push(c);
        continue;
      }

      if (figure.kind === "percent" && RATE_WORDS.test(left)) {
        const after = left.replace(/.*执行率/, "");
        if (CHANGE.test(after) || THRESHOLD.test(after) || !held.rate) continue;
        const r = held.rate;
        const c = compareNumber(ctx, "rate", r.value, r.label, r.cell, "budget", true, localized("%", "%"));
        if (c) out.push(c);
        continue;
      }

      if (figure.kind === "amount") {
        const subject = budgetSubject(left);
        if (subject) {
          const c = budgetComparison(ctx, held, subject, previous);
          previous = { key: subject.key, column: subject.column ?? previous?.column ?? null };
          if (c) out.push(c);
          continue;
        }
      }

      // An indicator's actual value: amounts, percentages and counts whose clause names the indicator.
      if (/^其中/.test(left) || CHANGE.test(left) || TARGET_WORDS.test(left) || THRESHOLD.test(left))
        continue;
      const fits = (i: HeldIndicator) => convertTo(figure, i.actual) !== null;
      const context = figure.kind === "quantity" ? `${left}${right}` : left;
      // "1.新签约项目数：年度指标值≥15个，实际完成值17个": a bare 实际完成值 is the actual of the indicator named before.
      const indicator =
        indicatorFor(held, context, fits) ??
        (ACTUAL_ONLY.test(left)
          ? indicatorFor(held, nearBefore(sentence, clause.start, SENTENCE_REACH), fits)
          : null);
      if (!indicator || !figure.value) continue;
      const conversion = convertTo(figure, indicator.actual);
      if (!conversion || conversion.kind !== "ok") continue;
      const kind: ComparisonKind =
        figure.kind === "amount" ? "amount" : figure.kind === "percent" ? "rate" : "count";
      const recordedText = `${shown(conversion.actual, figure.decimals)}${figure.unit === "%" ? "" : " "}${figure.unit}`;
      const comparison: TextComparison = {
        kind,
        sentence: quoteAround(s.text, figure),
        stated: figure.written,
        subject: localized(`“${indicator.name}”实际完成值`, `the actual value of "${indicator.name}"`),
        recorded: localized(recordedText, recordedText),
        cell: indicator.actualCell,
        table: "indicators",
        computed: false,
        agrees: agreesAt(figure.value, figure.decimals, conversion.actual),
      };
      out.push(comparison);
      byIndicator.set(indicator, [...(byIndicator.get(indicator) ?? []), comparison]);
    }
  }

  const covered = new Set<TextComparison>();
  for (const list of byIndicator.values()) {
    if (list.some((c) => c.agrees)) for (const c of list) covered.add(c);
  }
  return out.map((c) => (covered.has(c) && !c.agrees ? { ...c, agrees: true } : c));
}

function budgetComparison(
  ctx: Context,
  held: HeldFigures,
  subject: BudgetSubject,
  previous: { key: BudgetKey; column: BudgetColumn | null } | null,
): TextComparison | null {
  // "…政府性基金预算收入1000万元，支出1000万元": a bare 支出 after a named row is that row's, or the whole budget's.
  const inherited =
    subject.key === "total" && previous !== null && previous.key !== "total" ? previous.key : null;
  const key = inherited ?? subject.key;
  const column = subject.key === "total" ? subject.column : (subject.column ?? previous?.column ?? null);
  const row = held.budget.get(key);
  if (!row) return null;
  const columns: BudgetColumn[] = column ? [column] : ["executed", "budget", "initial"];
  const candidates = columns.map((c) => row[c]).filter((a): a is HeldAmount => a !== undefined);
  const report = candidates[0];
  if (!report) return null;
  if (inherited && column) {
    const whole = held.budget.get("total")?.[column];
    if (whole) candidates.push(whole);
  }
  return compareMoney(ctx, candidates, report, "budget");
}
