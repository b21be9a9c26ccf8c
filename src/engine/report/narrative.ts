/**
 * The 自评报告's content as a list of paragraphs (domain.md §6.2, the seed's outline with its ten headings), composed
 * from the workbook: the department's own texts, the budget figures and the indicators' results. Kept apart from the
 * sheet layout so the wording can be tested on its own.
 */
import type { Lang } from "../i18n";
import type { IndicatorScore } from "../score/types";
import type { FundSource } from "../tables";
import {
  FUND_SOURCE_LABELS,
  SPENDING_KIND_LABELS,
  amountFen,
  infoText,
  percentText,
  presentKinds,
  presentSources,
  scoreText,
  wanText,
  type ReportInput,
} from "./input";

export type ParagraphKind = "title" | "heading" | "subheading" | "body";

export interface Paragraph {
  readonly kind: ParagraphKind;
  readonly text: string;
  /** The text is (or embeds) text from the user's cells: written as a string, never interpreted. */
  readonly user?: true;
}

/** Chinese documents open each paragraph with two full-width spaces. */
const INDENT_ZH = "\u3000\u3000";

interface Figures {
  readonly total: { readonly budget: number | null; readonly executed: number | null };
  readonly basic: number | null;
  readonly project: number | null;
  readonly sources: Partial<
    Record<FundSource, { readonly budget: number | null; readonly executed: number | null }>
  >;
}

function figuresOf(input: ReportInput): Figures {
  const block = input.recognized.budget;
  if (!block) return { total: { budget: null, executed: null }, basic: null, project: null, sources: {} };
  const sources: Figures["sources"] = {};
  for (const s of presentSources(block)) {
    const cells = block.sources[s]?.cells;
    (sources as Record<FundSource, unknown>)[s] = {
      budget: amountFen(cells?.budget),
      executed: amountFen(cells?.executed),
    };
  }
  return {
    total: { budget: amountFen(block.total.cells.budget), executed: amountFen(block.total.cells.executed) },
    basic: amountFen(block.kinds.basic?.cells.executed),
    project: amountFen(block.kinds.project?.cells.executed),
    sources,
  };
}

/** The funds reported under their own heading (三、四、五), in the seed's order. */
const FUND_HEADINGS: readonly { readonly source: FundSource; readonly zh: string; readonly en: string }[] = [
  { source: "govFund", zh: "三、政府性基金预算支出情况", en: "3. Government fund budget expenditure" },
  {
    source: "stateCapital",
    zh: "四、国有资本经营预算支出情况",
    en: "4. State capital operation budget expenditure",
  },
  {
    source: "socialInsurance",
    zh: "五、社会保险基金预算支出情况",
    en: "5. Social insurance fund budget expenditure",
  },
];

type IndicatorGroup = "met" | "unmet" | "missing";

function groupOf(s: IndicatorScore): IndicatorGroup {
  if (s.status === "missing") return "missing";
  return s.score >= s.weight ? "met" : "unmet";
}

function groupIndicators(list: readonly IndicatorScore[]): Record<IndicatorGroup, IndicatorScore[]> {
  const groups: Record<IndicatorGroup, IndicatorScore[]> = { met: [], unmet: [], missing: [] };
  for (const s of list) groups[groupOf(s)].push(s);
  return groups;
}

/** Each non-empty group under its subheading, its indicators numbered from 1 within the group. */
function writeIndicatorGroups(
  groups: Record<IndicatorGroup, IndicatorScore[]>,
  titles: Record<IndicatorGroup, string>,
  line: (i: number, s: IndicatorScore) => string,
  body: (text: string, user?: boolean) => void,
  sub: (text: string) => void,
): void {
  for (const g of ["met", "unmet", "missing"] as const) {
    if (groups[g].length === 0) continue;
    sub(titles[g]);
    groups[g].forEach((s, i) => body(line(i, s), true));
  }
}

/** An execution rate (0.9123) as a percentage with two decimals ("91.23"). */
function ratePercent(rate: number): string {
  return (Math.round(rate * 10000) / 100).toFixed(2);
}

interface ExecutedPart {
  readonly label: Readonly<Record<Lang, string>>;
  readonly fen: number;
}

/** The executed amounts by fund source and by spending kind, leaving out those not given or zero. */
function executedBreakdown(
  input: ReportInput,
  f: Figures,
): { readonly sources: ExecutedPart[]; readonly kinds: ExecutedPart[] } | null {
  const block = input.recognized.budget;
  if (!block) return null;
  const nonZero = (x: { label: Readonly<Record<Lang, string>>; fen: number | null }): x is ExecutedPart =>
    x.fen !== null && x.fen !== 0;
  return {
    sources: presentSources(block)
      .map((s) => ({ label: FUND_SOURCE_LABELS[s], fen: f.sources[s]?.executed ?? null }))
      .filter(nonZero),
    kinds: presentKinds(block)
      .map((k) => ({ label: SPENDING_KIND_LABELS[k], fen: amountFen(block.kinds[k]?.cells.executed) }))
      .filter(nonZero),
  };
}

interface ParagraphWriter {
  readonly heading: (text: string) => void;
  readonly sub: (text: string) => void;
  readonly body: (text: string, user?: boolean) => void;
  /** The user's own text, one paragraph per line, or else the `missing` prompt (nothing when that is ""). */
  readonly userText: (text: string, missing: string) => void;
}

/** Appends paragraphs to `out`; body paragraphs start with `indent` (Chinese indents, English does not). */
function paragraphWriter(out: Paragraph[], indent: string): ParagraphWriter {
  const heading = (text: string): void => void out.push({ kind: "heading", text });
  const sub = (text: string): void => void out.push({ kind: "subheading", text });
  const body = (text: string, user = false): void =>
    void out.push({ kind: "body", text: indent + text, ...(user ? { user: true as const } : {}) });
  const userText = (text: string, missing: string): void => {
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "");
    if (lines.length === 0) {
      if (missing) body(missing);
    } else for (const l of lines) body(l, true);
  };
  return { heading, sub, body, userText };
}

export function composeNarrative(input: ReportInput, lang: Lang): Paragraph[] {
  return lang === "zh-CN" ? composeZh(input) : composeEn(input);
}

// ---------------------------------------------------------------- zh-CN

function composeZh(input: ReportInput): Paragraph[] {
  const out: Paragraph[] = [];
  const f = figuresOf(input);
  const { heading, sub, body, userText } = paragraphWriter(out, INDENT_ZH);
  const missing = (what: string): string => `（工作簿中未提供${what}，请补充。）`;

  const department = input.department || "本单位";
  out.push({
    kind: "title",
    text: `${input.year ? `${input.year}年度` : ""}${department}整体支出绩效自评报告`,
    user: true,
  });

  heading("一、部门（单位）基本情况");
  sub("（一）职能职责");
  userText(infoText(input, "functions"), missing("职能职责"));
  sub("（二）机构设置");
  userText(infoText(input, "organization"), missing("机构设置"));

  heading("二、一般公共预算支出情况");
  const kindSentence = (label: string, fen: number | null): string => {
    if (fen === null) return missing(`${label}数据`);
    if (fen === 0) return `本年度无${label}。`;
    const share = percentText(fen, f.total.executed);
    return `本年度${label}为${wanText(fen)}万元${share ? `，占总支出的${share}` : ""}。`;
  };
  sub("（一）基本支出");
  body(kindSentence("基本支出", f.basic));
  sub("（二）项目支出");
  body(kindSentence("项目支出", f.project));

  for (const { source, zh } of FUND_HEADINGS) {
    heading(zh);
    const label = FUND_SOURCE_LABELS[source]["zh-CN"];
    const fund = f.sources[source];
    if (!fund || fund.executed === null || fund.executed === 0) {
      body(`我单位无${label}支出。`);
    } else {
      const budget = fund.budget !== null ? `全年预算数${wanText(fund.budget)}万元，` : "";
      const share = percentText(fund.executed, f.total.executed);
      body(
        `本年度${label}${budget}支出${wanText(fund.executed)}万元${share ? `，占总支出的${share}` : ""}。`,
      );
    }
  }

  heading("六、部门整体支出绩效情况");
  body(overallZh(input, f));
  userText(infoText(input, "goalCompletion"), "");
  indicatorsZh(input, body, sub);

  heading("七、存在的问题及原因分析");
  userText(infoText(input, "problems"), missing("存在的问题"));
  heading("八、下一步改进措施");
  userText(infoText(input, "measures"), missing("改进措施"));
  heading("九、部门整体支出绩效自评结果拟应用和公开情况");
  userText(infoText(input, "application"), "");
  if (input.score) {
    const s = input.score;
    const capped = s.cappedFrom !== undefined ? `（按预算执行率上限由${scoreText(s.cappedFrom)}分调整）` : "";
    body(`经自评，对单位整体支出评分为${scoreText(s.total)}分${capped}，评价等级为“${s.grade}”。`);
  }
  heading("十、其他需要说明的情况");
  userText(infoText(input, "other"), "无。");
  return out;
}

function overallZh(input: ReportInput, f: Figures): string {
  const when = input.year ? `${input.year}年，` : "本年度，";
  const parts: string[] = [];
  if (f.total.budget !== null) parts.push(`全年预算数${wanText(f.total.budget)}万元`);
  if (f.total.executed !== null) parts.push(`全年执行数${wanText(f.total.executed)}万元`);
  const rate = input.score?.execution.rate;
  if (rate !== null && rate !== undefined) parts.push(`预算执行率为${ratePercent(rate)}%`);
  let text =
    parts.length > 0 ? `${when}我单位${parts.join("，")}。` : `${when}我单位预算执行数据未在工作簿中找到。`;
  const breakdown = executedBreakdown(input, f);
  if (breakdown) {
    const part = (x: ExecutedPart): string => `${x.label["zh-CN"]}${wanText(x.fen)}万元`;
    if (breakdown.sources.length > 0) text += `按收入性质分，${breakdown.sources.map(part).join("，")}。`;
    if (breakdown.kinds.length > 0) text += `按支出性质分，${breakdown.kinds.map(part).join("，")}。`;
  }
  return text;
}

function indicatorsZh(
  input: ReportInput,
  body: (text: string, user?: boolean) => void,
  sub: (text: string) => void,
): void {
  const list = input.score?.indicators ?? [];
  if (list.length === 0) {
    body("（工作簿中未提供绩效指标，请补充。）");
    return;
  }
  const groups = groupIndicators(list);
  body(
    `单位整体绩效目标完成情况如下：共设置绩效指标${list.length}项，已完成${groups.met.length}项，` +
      `未完全完成${groups.unmet.length}项` +
      (groups.missing.length > 0 ? `，未填报实际完成值${groups.missing.length}项` : "") +
      "。",
  );
  const line = (i: number, s: IndicatorScore): string => {
    const actual = s.status === "missing" ? "未填报实际完成值" : `实际完成值${s.actual}`;
    let text = `${i + 1}.${s.name}：年度指标值${s.target}，${actual}，得分${scoreText(s.score)}分（分值${scoreText(s.weight)}分）。`;
    if (s.overachieved) text += "超额完成年度指标。";
    if (groupOf(s) !== "met" || s.overachieved) text += s.reason ? `偏差原因及改进措施：${s.reason}` : "";
    return text;
  };
  const titles: Record<IndicatorGroup, string> = {
    met: "（一）已完成的指标",
    unmet: "（二）未完全完成的指标",
    missing: "（三）未填报实际完成值的指标",
  };
  writeIndicatorGroups(groups, titles, line, body, sub);
}

// ---------------------------------------------------------------- en-US

function composeEn(input: ReportInput): Paragraph[] {
  const out: Paragraph[] = [];
  const f = figuresOf(input);
  const { heading, sub, body, userText } = paragraphWriter(out, "");
  const missing = (what: string): string => `(The workbook does not give the ${what}; please add it.)`;
  const money = (fen: number): string => `${wanText(fen)} ten-thousand yuan`;

  out.push({
    kind: "title",
    text: `${input.year ? `FY${input.year} ` : ""}Overall Expenditure Performance Self-Evaluation Report${
      input.department ? ` of ${input.department}` : ""
    }`,
    user: true,
  });

  heading("1. Basic information of the department (unit)");
  sub("(1) Functions and responsibilities");
  userText(infoText(input, "functions"), missing("functions and responsibilities"));
  sub("(2) Organisation");
  userText(infoText(input, "organization"), missing("organisation"));

  heading("2. General public budget expenditure");
  const kindSentence = (label: string, fen: number | null): string => {
    if (fen === null) return missing(`${label.toLowerCase()} figure`);
    if (fen === 0) return `There was no ${label.toLowerCase()} this year.`;
    const share = percentText(fen, f.total.executed);
    return `${label} this year was ${money(fen)}${share ? `, ${share} of total expenditure` : ""}.`;
  };
  sub("(1) Basic expenditure");
  body(kindSentence("Basic expenditure", f.basic));
  sub("(2) Project expenditure");
  body(kindSentence("Project expenditure", f.project));

  for (const { source, en } of FUND_HEADINGS) {
    heading(en);
    const label = FUND_SOURCE_LABELS[source]["en-US"].toLowerCase();
    const fund = f.sources[source];
    if (!fund || fund.executed === null || fund.executed === 0) {
      body(`The unit had no ${label} expenditure.`);
    } else {
      const budget = fund.budget !== null ? ` against a full-year budget of ${money(fund.budget)}` : "";
      const share = percentText(fund.executed, f.total.executed);
      body(
        `Spending from the ${label} was ${money(fund.executed)}${budget}${share ? `, ${share} of total expenditure` : ""}.`,
      );
    }
  }

  heading("6. Overall expenditure performance");
  body(overallEn(input, f, money));
  userText(infoText(input, "goalCompletion"), "");
  indicatorsEn(input, body, sub);

  heading("7. Problems and their causes");
  userText(infoText(input, "problems"), missing("problems"));
  heading("8. Improvement measures");
  userText(infoText(input, "measures"), missing("improvement measures"));
  heading("9. Use and publication of the self-evaluation results");
  userText(infoText(input, "application"), "");
  if (input.score) {
    const s = input.score;
    const capped =
      s.cappedFrom !== undefined ? ` (capped by the execution rate from ${scoreText(s.cappedFrom)})` : "";
    body(
      `The self-evaluation scores the unit's overall expenditure at ${scoreText(s.total)}${capped}, grade ${s.grade}.`,
    );
  }
  heading("10. Other matters");
  userText(infoText(input, "other"), "None.");
  return out;
}

function overallEn(input: ReportInput, f: Figures, money: (fen: number) => string): string {
  const when = input.year ? `In ${input.year}` : "This year";
  const parts: string[] = [];
  if (f.total.budget !== null) parts.push(`a full-year budget of ${money(f.total.budget)}`);
  if (f.total.executed !== null) parts.push(`spending of ${money(f.total.executed)}`);
  const rate = input.score?.execution.rate;
  let text =
    parts.length > 0
      ? `${when} the unit had ${parts.join(" and ")}`
      : `${when} the unit's budget execution was not found in the workbook`;
  if (rate !== null && rate !== undefined) text += `, an execution rate of ${ratePercent(rate)}%`;
  text += ".";
  const breakdown = executedBreakdown(input, f);
  if (breakdown) {
    const part = (x: ExecutedPart): string => `${x.label["en-US"].toLowerCase()} ${money(x.fen)}`;
    if (breakdown.sources.length > 0) text += ` By source: ${breakdown.sources.map(part).join("; ")}.`;
    if (breakdown.kinds.length > 0) text += ` By nature: ${breakdown.kinds.map(part).join("; ")}.`;
  }
  return text;
}

function indicatorsEn(
  input: ReportInput,
  body: (text: string, user?: boolean) => void,
  sub: (text: string) => void,
): void {
  const list = input.score?.indicators ?? [];
  if (list.length === 0) {
    body("(The workbook gives no performance indicators; please add them.)");
    return;
  }
  const groups = groupIndicators(list);
  body(
    `Performance against the goals: ${list.length} indicators, ${groups.met.length} met in full, ` +
      `${groups.unmet.length} not fully met` +
      (groups.missing.length > 0 ? `, ${groups.missing.length} without an actual value` : "") +
      ".",
  );
  const line = (i: number, s: IndicatorScore): string => {
    const actual = s.status === "missing" ? "no actual value given" : `actual ${s.actual}`;
    let text = `${i + 1}. ${s.name}: target ${s.target}, ${actual}, score ${scoreText(s.score)} of ${scoreText(s.weight)}.`;
    if (s.overachieved) text += " The target was exceeded.";
    if ((groupOf(s) !== "met" || s.overachieved) && s.reason) text += ` Reasons and measures: ${s.reason}`;
    return text;
  };
  const titles: Record<IndicatorGroup, string> = {
    met: "(1) Indicators met",
    unmet: "(2) Indicators not fully met",
    missing: "(3) Indicators without an actual value",
  };
  writeIndicatorGroups(groups, titles, line, body, sub);
}
