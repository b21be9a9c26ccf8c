/**
 * Reading a report's prose (文数一致, issue 14 §2): its sentences, the clauses inside them, and every figure a sentence
 * states — amounts (元/千元/万元/亿元, thousands separators), percentages, scores (分), grades (优/良/中/差) and counts
 * (个/项/家/人次 …, in digits or in Chinese numerals: "五个", "十七个", "一百二十人"). Each figure keeps where it stands
 * so the matcher can read the words before and after it.
 */
import { fromDecimal, ratio, type Ratio } from "../score/exact";

export type FigureKind = "amount" | "percent" | "score" | "grade" | "quantity";

export interface TextFigure {
  readonly kind: FigureKind;
  /** As written in the text ("256.79万元", "十五个", "“良”"). */
  readonly written: string;
  /** The number (null for a grade). */
  readonly value: Ratio | null;
  /** Decimal places written: the precision a table's figure is rounded to before comparing. */
  readonly decimals: number;
  /** "万元", "%", "分", "个", "吨/小时" (with a 万/亿 prefix when written: "万人次"); "" for a grade. */
  readonly unit: string;
  /** 优 / 良 / 中 / 差 for a grade. */
  readonly grade?: "优" | "良" | "中" | "差";
  /** Offsets in the sentence. */
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  /** The sentence as written, trimmed. */
  readonly text: string;
  /** The same with full-width digits, ％ and ． made half-width (same length, so offsets agree). */
  readonly normalized: string;
}

/** Full-width digits, ．，％ and letters to half-width, one character for one (offsets are kept). */
export function normalizeDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0xff05) out += "%";
    else if (c === 0xff0e) out += ".";
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a))
      out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0xff0f) out += "/";
    else out += ch;
  }
  return out;
}

/**
 * Sentences end at 。！？；, their ASCII forms and line breaks — but not at the "!" of a cell reference: our own report's
 * 核查结果 quotes each finding as "1. “指标分值”（表三 绩效指标!F3）：指标分值合计 …", and a cut there leaves the words
 * before the reference in another sentence than the figures after it. A reference's "!" has its sheet name right
 * before it (no space: "Sheet1", "绩效指标", "'表 三'") and an A1 address or range right after it, as parseA1Range
 * reads them ("F3", "$A$1:$B$2"; Excel takes lowercase "f3" too), with no letter or digit following the address.
 * Nor at the "!" that ends an Excel error value ("#DIV/0!", "#REF!", "#VALUE!", "#SPILL!": uppercase after "#"),
 * which the error-value finding quotes mid-sentence ("错误值 #DIV/0!，请修正公式或引用").
 * "Done! 下一句" and "完成!下一句" still end there; the full-width "！" always does.
 */
const SENTENCE_END =
  /(?:[。！？；?;\r\n]|(?<!#[A-Z][A-Z0-9_/]*)!(?!\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?(?![A-Za-z0-9_]))|(?<![^\s。！？；!?;])!)+/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const piece of text.split(SENTENCE_END)) {
    const t = piece.trim();
    if (t === "") continue;
    out.push({ text: t, normalized: normalizeDigits(t) });
  }
  return out;
}

/** Clause boundaries inside a sentence: ，、：（） and a comma that is not a thousands separator. */
export function clauseBounds(
  sentence: string,
  at: number,
  /** Scan at most this far each way (a clause of thousands of characters is cut there). */
  reach = Number.POSITIVE_INFINITY,
): { start: number; end: number } {
  const isBoundary = (i: number): boolean => {
    const ch = sentence[i];
    if ("，、：:（）()".includes(ch)) return true;
    if (ch === ",") return !(/\d/.test(sentence[i - 1] ?? "") && /^\d{3}(?!\d)/.test(sentence.slice(i + 1)));
    return false;
  };
  let start = at;
  while (start > 0 && at - start < reach && !isBoundary(start - 1)) start -= 1;
  let end = at;
  while (end < sentence.length && end - at < reach && !isBoundary(end)) end += 1;
  return { start, end };
}

// ---------------------------------------------------------------- Chinese numerals

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** "十七" → 17, "一百二十" → 120, "两千零五" → 2005, "三万五千" → 35000; null when it is not a numeral. */
export function chineseNumeral(text: string): number | null {
  if (text === "") return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[ch] !== 0) return null; // "二三" is no numeral
      digit = CN_DIGITS[ch];
    } else if (ch in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[ch];
      digit = null;
    } else if (ch === "万") {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * 10_000;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

// ---------------------------------------------------------------- figures

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const CN_NUMBER = "([零〇一二两三四五六七八九十百千万]+)";
/** Measure words of counts. 期, 年, 月 and 日 are left out: "二期", "2023年", "4月份" are names and dates. */
export const COUNT_UNITS: readonly string[] = [
  "人次",
  "个",
  "项",
  "人",
  "次",
  "家",
  "名",
  "户",
  "件",
  "所",
  "座",
  "条",
  "台",
  "套",
  "篇",
  "场",
  "批",
  "处",
  "栋",
  "间",
  "辆",
  "份",
  "宗",
  "位",
];
/** A measure word that starts a longer word: 项目, 个人, 人员, 次数, 件事 …. */
const WORD_AFTER_UNIT =
  "(?<=项)目|(?<=个)[人体性案]|(?<=人)[员民才口均次]|(?<=次)[数要]|(?<=家)[庭长乡属]|(?<=名)[称单额]|(?<=所)[有属在得以]|(?<=条)[件例款]|(?<=台)[账帐]|(?<=场)[所地景馆]|(?<=处)[理置罚室]|(?<=份)[额]|(?<=位)[置于]";

/** 分 as a score, not 分析, 分别, 部分, 分钟 …. */
const NOT_SCORE_AFTER = "析别钟之配类管局行期批摊解布散享红开离工支点";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function decimalsOf(digits: string): number {
  const dot = digits.indexOf(".");
  return dot < 0 ? 0 : digits.length - dot - 1;
}

const GRADE_WORDS: Readonly<Record<string, "优" | "良" | "中" | "差">> = {
  优秀: "优",
  优: "优",
  良好: "良",
  良: "良",
  中等: "中",
  中: "中",
  一般: "中",
  较差: "差",
  差: "差",
};

/** A grade is read only where the text says it is one: 评价等级为“良”, 自评等级：优, 评定为优秀. */
const GRADE_PATTERN =
  /(?:评价等级|自评等级|绩效等级|等级|等次|评价结果|自评结果|评定为|评为|评级)\s*(?:为|是|:|：|确定为|评定为)?\s*[“"‘'「『]?(优秀|良好|中等|较差|一般|优|良|中|差)(?![^”"’'」』，。；、\s])/g;

interface Patterns {
  readonly amount: RegExp;
  readonly percent: RegExp;
  readonly score: RegExp;
  readonly cnScore: RegExp;
  readonly count: RegExp;
  readonly cnCount: RegExp;
}

const PATTERNS = new Map<string, Patterns>();

/** The patterns for a set of extra units, compiled once per set (a report has thousands of sentences). */
function patternsFor(extraUnits: readonly string[]): Patterns {
  const units = [...new Set([...COUNT_UNITS, ...extraUnits.filter((u) => u !== "" && u !== "%")])].sort(
    (a, b) => b.length - a.length,
  );
  const key = units.join("|");
  const cached = PATTERNS.get(key);
  if (cached) return cached;
  const unitPattern = units.map(escape).join("|");
  const patterns: Patterns = {
    amount: new RegExp(`(?<![\\d.,])${NUMBER}\\s*(亿元|万元|千元|元)`, "g"),
    percent: new RegExp(`(?<![\\d.,])${NUMBER}\\s*%`, "g"),
    score: new RegExp(`(?<![\\d.,])${NUMBER}\\s*分(?![${NOT_SCORE_AFTER}])`, "g"),
    cnScore: new RegExp(`(?<![第\\d])${CN_NUMBER}分(?![${NOT_SCORE_AFTER}])`, "g"),
    // A count's unit must not run on into a longer word: "2个百分点" is a change, not two things.
    // "指标1项目…" is a label's number before a word (项目), not one 项.
    count: new RegExp(
      `(?<![\\d.,]|指标|序号|第)${NUMBER}\\s*((?:亿|万|千)?(?:${unitPattern}))(?!百分点|${WORD_AFTER_UNIT})`,
      "g",
    ),
    cnCount: new RegExp(`(?<![第\\d])${CN_NUMBER}((?:${unitPattern}))(?!百分点|${WORD_AFTER_UNIT})`, "g"),
  };
  if (PATTERNS.size > 32) PATTERNS.clear();
  PATTERNS.set(key, patterns);
  return patterns;
}

/** Every figure of a sentence, in order. `extraUnits` are the units the workbook's indicators use ("吨/小时"). */
export function findFigures(sentence: string, extraUnits: readonly string[] = []): TextFigure[] {
  const out: TextFigure[] = [];
  // Which characters a figure already holds: the first pattern to read a span keeps it (amounts before counts).
  const taken = new Uint8Array(sentence.length);
  const push = (f: TextFigure) => {
    for (let i = f.start; i < f.end; i++) if (taken[i]) return;
    taken.fill(1, f.start, f.end);
    out.push(f);
  };
  const p = patternsFor(extraUnits);

  for (const m of sentence.matchAll(p.amount)) {
    const digits = m[1].replace(/,/g, "");
    push(figure("amount", m, fromDecimal(digits), decimalsOf(digits), m[2]));
  }
  for (const m of sentence.matchAll(p.percent)) {
    const digits = m[1].replace(/,/g, "");
    push(figure("percent", m, fromDecimal(digits), decimalsOf(digits), "%"));
  }
  for (const m of sentence.matchAll(/百分之([零〇一二两三四五六七八九十百]+)/g)) {
    const n = chineseNumeral(m[1]);
    if (n !== null) push(figure("percent", m, ratio(BigInt(n)), 0, "%"));
  }
  for (const m of sentence.matchAll(p.score)) {
    const digits = m[1].replace(/,/g, "");
    push(figure("score", m, fromDecimal(digits), decimalsOf(digits), "分"));
  }
  for (const m of sentence.matchAll(p.cnScore)) {
    const n = chineseNumeral(m[1]);
    if (n !== null && m[1] !== "十") push(figure("score", m, ratio(BigInt(n)), 0, "分"));
  }
  for (const m of sentence.matchAll(p.count)) {
    const digits = m[1].replace(/,/g, "");
    push(figure("quantity", m, fromDecimal(digits), decimalsOf(digits), m[2]));
  }
  for (const m of sentence.matchAll(p.cnCount)) {
    const n = chineseNumeral(m[1]);
    if (n === null) continue;
    push(figure("quantity", m, ratio(BigInt(n)), 0, m[2]));
  }

  for (const m of sentence.matchAll(GRADE_PATTERN)) {
    const word = m[1];
    const start = (m.index ?? 0) + m[0].lastIndexOf(word);
    push({
      kind: "grade",
      written: word,
      value: null,
      decimals: 0,
      unit: "",
      grade: GRADE_WORDS[word],
      start,
      end: start + word.length,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function figure(
  kind: FigureKind,
  m: RegExpMatchArray,
  value: Ratio | null,
  decimals: number,
  unit: string,
): TextFigure {
  const start = m.index ?? 0;
  return { kind, written: m[0], value, decimals, unit, start, end: start + m[0].length };
}
