/**
 * The 自评报告's words, one vocabulary per language. The outline (narrative.ts) decides which sections there are, in
 * which order and what each draws on; a vocabulary only says how that reads in its language: the headings, the
 * numbering, and a sentence for each kind of figure. Adding a section is one outline entry plus its heading here.
 */
import type { Lang } from "../i18n";
import type { FundSource } from "../tables";
import { FUND_SOURCE_LABELS, percentText, scoreText, wanText } from "./input";

/** The sections of the report, in no particular order (the outline orders them). */
export type SectionId =
  | "basics"
  | "generalBudget"
  | "govFund"
  | "stateCapital"
  | "socialInsurance"
  | "performance"
  | "problems"
  | "measures"
  | "application"
  | "other";

/** The subsections that carry their own numbered subheading. */
export type SubsectionId = "functions" | "organization" | "basic" | "project";

/** Texts the workbook may lack, for which the report asks the user to add them. */
export type PromptedText = "functions" | "organization" | "problems" | "measures" | "basic" | "project";

export type IndicatorGroup = "met" | "unmet" | "missing";

/** An executed amount by fund source or spending kind, in 分, with its name in both languages. */
export interface ExecutedPart {
  readonly label: Readonly<Record<Lang, string>>;
  readonly fen: number;
}

/** What the 整体支出绩效情况 paragraph states, when known. */
export interface OverallFigures {
  readonly year: string;
  readonly budget: number | null;
  readonly executed: number | null;
  readonly rate: number | null;
  readonly sources: readonly ExecutedPart[];
  readonly kinds: readonly ExecutedPart[];
}

/** One indicator's line under its group. */
export interface IndicatorLine {
  readonly name: string;
  readonly target: string;
  /** null when no actual value was given. */
  readonly actual: string | null;
  readonly score: number;
  readonly weight: number;
  readonly overachieved: boolean;
  /** 偏差原因 worth stating (for a shortfall or an over-completion), else null. */
  readonly reason: string | null;
}

export interface Vocabulary {
  /** Opens each body paragraph (Chinese documents indent with two full-width spaces). */
  readonly indent: string;
  readonly title: (year: string, department: string) => string;
  readonly headingNumber: (n: number) => string;
  readonly subheadingNumber: (n: number) => string;
  readonly headings: Readonly<Record<SectionId, string>>;
  readonly subheadings: Readonly<Record<SubsectionId, string>>;
  /** "Please add it" for a text the workbook does not give. */
  readonly absent: (what: PromptedText) => string;
  /** What the report says when the user wrote nothing where nothing is a fine answer (十、其他需要说明的情况). */
  readonly nothingElse: string;
  /** 基本支出 / 项目支出 this year, in 分, and its share of the total spent. */
  readonly spending: (kind: "basic" | "project", fen: number, total: number | null) => string;
  /** A fund's spending (null or 0: none) against its full-year budget, and its share of the total spent. */
  readonly fund: (
    source: FundSource,
    budget: number | null,
    executed: number | null,
    total: number | null,
  ) => string;
  /**
   * The workbook gives 基本支出/项目支出 only for all funds together while funds besides the 一般公共预算 (`others`)
   * spent too: say so, and state the all-funds split as such (`kinds` may be empty).
   */
  readonly unsplitKinds: (others: readonly FundSource[], kinds: readonly ExecutedPart[]) => string;
  readonly overall: (figures: OverallFigures) => string;
  readonly noIndicators: string;
  readonly indicatorSummary: (counts: Readonly<Record<IndicatorGroup, number>> & { total: number }) => string;
  readonly indicatorGroups: Readonly<Record<IndicatorGroup, string>>;
  readonly indicator: (n: number, line: IndicatorLine) => string;
  readonly result: (total: number, cappedFrom: number | undefined, grade: string) => string;
  /** The projects evaluated (issue 13): how many, their funds, their grades, the lowest-scoring one and why. */
  readonly projects: (p: ProjectsParagraph) => string;
}

/** What the 自评报告 says about the project forms of the workbook. */
export interface ProjectsParagraph {
  readonly count: number;
  /** Σ 全年预算数 and Σ 全年执行数 of the projects, in 分. */
  readonly budget: number;
  readonly executed: number;
  /** How many projects got each grade, best first (grades no project got left out). */
  readonly grades: readonly { readonly grade: string; readonly count: number }[];
  readonly lowest: {
    readonly name: string;
    readonly total: number;
    readonly grade: string;
    /** Its execution rate when below 100%. */
    readonly rate: number | null;
    /** The indicators that lost points, with the reason the form gives ("" when none). */
    readonly shortfalls: readonly { readonly name: string; readonly reason: string }[];
  } | null;
}

/** An execution rate (0.9123) as a percentage with two decimals ("91.23"). */
function ratePercent(rate: number): string {
  return (Math.round(rate * 10000) / 100).toFixed(2);
}

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (a report has fewer than a hundred sections). */
function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[ones]}`;
}

const ZH_PROMPTED: Readonly<Record<PromptedText, string>> = {
  functions: "职能职责",
  organization: "机构设置",
  problems: "存在的问题",
  measures: "改进措施",
  basic: "基本支出数据",
  project: "项目支出数据",
};

const ZH_SUBHEADINGS: Readonly<Record<SubsectionId, string>> = {
  functions: "职能职责",
  organization: "机构设置",
  basic: "基本支出",
  project: "项目支出",
};

const ZH: Vocabulary = {
  indent: "\u3000\u3000",
  /** The usual form of a submitted report's title: "<单位>20XX年度部门整体支出绩效自评报告". */
  title: (year, department) =>
    `${department || "本单位"}${year ? `${year}年度` : ""}部门整体支出绩效自评报告`,
  headingNumber: (n) => `${chineseNumeral(n)}、`,
  subheadingNumber: (n) => `（${chineseNumeral(n)}）`,
  headings: {
    basics: "部门（单位）基本情况",
    generalBudget: "一般公共预算支出情况",
    govFund: "政府性基金预算支出情况",
    stateCapital: "国有资本经营预算支出情况",
    socialInsurance: "社会保险基金预算支出情况",
    performance: "部门整体支出绩效情况",
    problems: "存在的问题及原因分析",
    measures: "下一步改进措施",
    application: "部门整体支出绩效自评结果拟应用和公开情况",
    other: "其他需要说明的情况",
  },
  subheadings: ZH_SUBHEADINGS,
  absent: (what) => `（工作簿中未提供${ZH_PROMPTED[what]}，请补充。）`,
  nothingElse: "无。",
  spending: (kind, fen, total) => {
    const label = ZH_SUBHEADINGS[kind];
    if (fen === 0) return `本年度无${label}。`;
    const share = percentText(fen, total);
    return `本年度${label}为${wanText(fen)}万元${share ? `，占总支出的${share}` : ""}。`;
  },
  fund: (source, budget, executed, total) => {
    const label = FUND_SOURCE_LABELS[source]["zh-CN"];
    if (executed === null || executed === 0) return `我单位无${label}支出。`;
    const planned = budget !== null ? `全年预算数${wanText(budget)}万元，` : "";
    const share = percentText(executed, total);
    return `本年度${label}${planned}支出${wanText(executed)}万元${share ? `，占总支出的${share}` : ""}。`;
  },
  unsplitKinds: (others, kinds) => {
    const names = others.map((s) => FUND_SOURCE_LABELS[s]["zh-CN"]).join("、");
    const split = kinds.map((k) => `${k.label["zh-CN"]}${wanText(k.fen)}万元`).join("，");
    return (
      "工作簿未按资金来源划分基本支出和项目支出" + (split ? `；全部资金（含${names}）中，${split}。` : "。")
    );
  },
  overall: (f) => {
    const when = f.year ? `${f.year}年，` : "本年度，";
    const parts: string[] = [];
    if (f.budget !== null) parts.push(`全年预算数${wanText(f.budget)}万元`);
    if (f.executed !== null) parts.push(`全年执行数${wanText(f.executed)}万元`);
    if (f.rate !== null) parts.push(`预算执行率为${ratePercent(f.rate)}%`);
    let text =
      parts.length > 0 ? `${when}我单位${parts.join("，")}。` : `${when}我单位预算执行数据未在工作簿中找到。`;
    const part = (x: ExecutedPart): string => `${x.label["zh-CN"]}${wanText(x.fen)}万元`;
    if (f.sources.length > 0) text += `按收入性质分，${f.sources.map(part).join("，")}。`;
    if (f.kinds.length > 0) text += `按支出性质分，${f.kinds.map(part).join("，")}。`;
    return text;
  },
  noIndicators: "（工作簿中未提供绩效指标，请补充。）",
  indicatorSummary: (c) =>
    `单位整体绩效目标完成情况如下：共设置绩效指标${c.total}项，已完成${c.met}项，未完全完成${c.unmet}项` +
    (c.missing > 0 ? `，未填报实际完成值${c.missing}项` : "") +
    "。",
  indicatorGroups: { met: "已完成的指标", unmet: "未完全完成的指标", missing: "未填报实际完成值的指标" },
  indicator: (n, s) => {
    const actual = s.actual === null ? "未填报实际完成值" : `实际完成值${s.actual}`;
    let text = `${n}.${s.name}：年度指标值${s.target}，${actual}，得分${scoreText(s.score)}分（分值${scoreText(s.weight)}分）。`;
    if (s.overachieved) text += "超额完成年度指标。";
    if (s.reason) text += `偏差原因及改进措施：${s.reason}`;
    return text;
  },
  result: (total, cappedFrom, grade) => {
    const capped = cappedFrom !== undefined ? `（按预算执行率上限由${scoreText(cappedFrom)}分调整）` : "";
    return `经自评，对单位整体支出评分为${scoreText(total)}分${capped}，评价等级为“${grade}”。`;
  },
  projects: (p) => {
    const grades = p.grades.map((g) => `“${g.grade}”${g.count}个`).join("、");
    let text = `本年度共对${p.count}个项目开展绩效自评，全年预算数合计${wanText(p.budget)}万元，全年执行数合计${wanText(p.executed)}万元。`;
    if (grades) text += `评价等级为${grades}。`;
    const l = p.lowest;
    if (l) {
      const why: string[] = [];
      if (l.rate !== null) why.push(`预算执行率${ratePercent(l.rate)}%`);
      for (const s of l.shortfalls) why.push(`“${s.name}”未达目标${s.reason ? `（${s.reason}）` : ""}`);
      text += `得分最低的是“${l.name}”，${scoreText(l.total)}分，评价等级“${l.grade}”${why.length > 0 ? `，主要原因：${why.join("；")}` : ""}。`;
    }
    return text;
  },
};

const EN_PROMPTED: Readonly<Record<PromptedText, string>> = {
  functions: "functions and responsibilities",
  organization: "organisation",
  problems: "problems",
  measures: "improvement measures",
  basic: "basic expenditure figure",
  project: "project expenditure figure",
};

const EN_SUBHEADINGS: Readonly<Record<SubsectionId, string>> = {
  functions: "Functions and responsibilities",
  organization: "Organisation",
  basic: "Basic expenditure",
  project: "Project expenditure",
};

/** Amounts in English prose stay in 万元, named in words. */
function money(fen: number): string {
  return `${wanText(fen)} ten-thousand yuan`;
}

const EN: Vocabulary = {
  indent: "",
  title: (year, department) =>
    `${year ? `FY${year} ` : ""}Overall Expenditure Performance Self-Evaluation Report${
      department ? ` of ${department}` : ""
    }`,
  headingNumber: (n) => `${n}. `,
  subheadingNumber: (n) => `(${n}) `,
  headings: {
    basics: "Basic information of the department (unit)",
    generalBudget: "General public budget expenditure",
    govFund: "Government fund budget expenditure",
    stateCapital: "State capital operation budget expenditure",
    socialInsurance: "Social insurance fund budget expenditure",
    performance: "Overall expenditure performance",
    problems: "Problems and their causes",
    measures: "Improvement measures",
    application: "Use and publication of the self-evaluation results",
    other: "Other matters",
  },
  subheadings: EN_SUBHEADINGS,
  absent: (what) => `(The workbook does not give the ${EN_PROMPTED[what]}; please add it.)`,
  nothingElse: "None.",
  spending: (kind, fen, total) => {
    const label = EN_SUBHEADINGS[kind];
    if (fen === 0) return `There was no ${label.toLowerCase()} this year.`;
    const share = percentText(fen, total);
    return `${label} this year was ${money(fen)}${share ? `, ${share} of total expenditure` : ""}.`;
  },
  fund: (source, budget, executed, total) => {
    const label = FUND_SOURCE_LABELS[source]["en-US"].toLowerCase();
    if (executed === null || executed === 0) return `The unit had no ${label} expenditure.`;
    const planned = budget !== null ? ` against a full-year budget of ${money(budget)}` : "";
    const share = percentText(executed, total);
    return `Spending from the ${label} was ${money(executed)}${planned}${share ? `, ${share} of total expenditure` : ""}.`;
  },
  unsplitKinds: (others, kinds) => {
    const names = others.map((s) => FUND_SOURCE_LABELS[s]["en-US"].toLowerCase()).join(" and the ");
    const split = kinds.map((k) => `${k.label["en-US"].toLowerCase()} ${money(k.fen)}`).join("; ");
    return (
      "The workbook does not split basic and project expenditure by fund source" +
      (split ? `. Across all funds (including the ${names}): ${split}.` : ".")
    );
  },
  overall: (f) => {
    const when = f.year ? `In ${f.year}` : "This year";
    const parts: string[] = [];
    if (f.budget !== null) parts.push(`a full-year budget of ${money(f.budget)}`);
    if (f.executed !== null) parts.push(`spending of ${money(f.executed)}`);
    let text =
      parts.length > 0
        ? `${when} the unit had ${parts.join(" and ")}`
        : `${when} the unit's budget execution was not found in the workbook`;
    if (f.rate !== null) text += `, an execution rate of ${ratePercent(f.rate)}%`;
    text += ".";
    const part = (x: ExecutedPart): string => `${x.label["en-US"].toLowerCase()} ${money(x.fen)}`;
    if (f.sources.length > 0) text += ` By source: ${f.sources.map(part).join("; ")}.`;
    if (f.kinds.length > 0) text += ` By nature: ${f.kinds.map(part).join("; ")}.`;
    return text;
  },
  noIndicators: "(The workbook gives no performance indicators; please add them.)",
  indicatorSummary: (c) =>
    `Performance against the goals: ${c.total} indicators, ${c.met} met in full, ${c.unmet} not fully met` +
    (c.missing > 0 ? `, ${c.missing} without an actual value` : "") +
    ".",
  indicatorGroups: {
    met: "Indicators met",
    unmet: "Indicators not fully met",
    missing: "Indicators without an actual value",
  },
  indicator: (n, s) => {
    const actual = s.actual === null ? "no actual value given" : `actual ${s.actual}`;
    let text = `${n}. ${s.name}: target ${s.target}, ${actual}, score ${scoreText(s.score)} of ${scoreText(s.weight)}.`;
    if (s.overachieved) text += " The target was exceeded.";
    if (s.reason) text += ` Reasons and measures: ${s.reason}`;
    return text;
  },
  result: (total, cappedFrom, grade) => {
    const capped =
      cappedFrom !== undefined ? ` (capped by the execution rate from ${scoreText(cappedFrom)})` : "";
    return `The self-evaluation scores the unit's overall expenditure at ${scoreText(total)}${capped}, grade ${grade}.`;
  },
  projects: (p) => {
    const grades = p.grades.map((g) => `${g.count} graded ${g.grade}`).join(", ");
    let text = `${p.count} projects were self-evaluated this year, with a full-year budget of ${wanText(p.budget)} and spending of ${wanText(p.executed)} (10,000 yuan).`;
    if (grades) text += ` Grades: ${grades}.`;
    const l = p.lowest;
    if (l) {
      const why: string[] = [];
      if (l.rate !== null) why.push(`a budget execution rate of ${ratePercent(l.rate)}%`);
      for (const s of l.shortfalls)
        why.push(`“${s.name}” short of its target${s.reason ? ` (${s.reason})` : ""}`);
      text += ` The lowest score is “${l.name}”, ${scoreText(l.total)}, grade ${l.grade}${why.length > 0 ? `, mainly for ${why.join("; ")}` : ""}.`;
    }
    return text;
  },
};

export const VOCABULARIES: Readonly<Record<Lang, Vocabulary>> = { "zh-CN": ZH, "en-US": EN };
