/**
 * The 自评报告's content as a list of paragraphs (domain.md §6.2, the seed's outline with its ten headings), composed
 * from the workbook: the department's own texts, the budget figures and the indicators' results. One outline says
 * which sections there are and what each draws on; the words of each language are in narrative-vocabulary.ts. Kept
 * apart from the sheet layout so the wording can be tested on its own.
 */
import type { Lang } from "../i18n";
import type { IndicatorScore } from "../score/types";
import { projectDisplayName } from "../recognize/project";
import type { FundSource, InfoField } from "../tables";
import {
  FUND_SOURCE_LABELS,
  SPENDING_KIND_LABELS,
  amountFen,
  infoText,
  presentKinds,
  presentSources,
  type ReportInput,
} from "./input";
import {
  VOCABULARIES,
  type ExecutedPart,
  type IndicatorGroup,
  type ProjectsParagraph,
  type PromptedText,
  type SectionId,
  type SubsectionId,
  type Vocabulary,
} from "./narrative-vocabulary";

export type ParagraphKind = "title" | "heading" | "subheading" | "body";

export interface Paragraph {
  readonly kind: ParagraphKind;
  readonly text: string;
  /** The text is (or embeds) text from the user's cells: written as a string, never interpreted. */
  readonly user?: true;
}

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

type Draw =
  /** The user's own text from the info sheet; when there is none: ask for it, say nothing, or say there is nothing. */
  | {
      readonly draw: "info";
      readonly field: InfoField;
      readonly absent: PromptedText | "silent" | "nothingElse";
    }
  /**
   * 二、一般公共预算支出情况: the 一般公共预算's own spending. The workbook splits 基本支出/项目支出 only for all funds
   * together, so that split is the 一般公共预算's only when no other fund spent anything; then it goes under the
   * subheadings (一)基本支出 (二)项目支出. Otherwise the section states the fund's own figure and the all-funds split
   * as such, never as the 一般公共预算's (which would count the other funds, stated in 三–五, twice).
   */
  | { readonly draw: "generalBudget" }
  /** One fund's budget and spending, or the sentence that there was none. */
  | { readonly draw: "fund"; readonly source: FundSource }
  /** The total budget, spending, execution rate and the breakdowns by source and by nature. */
  | { readonly draw: "overall" }
  /** The scored indicators, grouped into met, not fully met and without an actual value. */
  | { readonly draw: "indicators" }
  /** The total score and grade, when there is a score. */
  | { readonly draw: "result" }
  /** The project forms evaluated (issue 13); nothing when there is none. */
  | { readonly draw: "projects" };

/** A part of a section, under its own numbered subheading when it names one. */
type Part = Draw & { readonly sub?: SubsectionId };

export interface SectionOutline {
  readonly id: SectionId;
  readonly parts: readonly Part[];
}

/**
 * The report's outline (domain.md §6.2, the seed's ten headings): the sections in order and what each draws on. The
 * headings are numbered from their place here, so adding a section is one entry plus its words in each vocabulary.
 */
export const OUTLINE: readonly SectionOutline[] = [
  {
    id: "basics",
    parts: [
      { sub: "functions", draw: "info", field: "functions", absent: "functions" },
      { sub: "organization", draw: "info", field: "organization", absent: "organization" },
    ],
  },
  { id: "generalBudget", parts: [{ draw: "generalBudget" }] },
  { id: "govFund", parts: [{ draw: "fund", source: "govFund" }] },
  { id: "stateCapital", parts: [{ draw: "fund", source: "stateCapital" }] },
  { id: "socialInsurance", parts: [{ draw: "fund", source: "socialInsurance" }] },
  {
    id: "performance",
    parts: [
      { draw: "overall" },
      { draw: "info", field: "goalCompletion", absent: "silent" },
      { draw: "indicators" },
      { draw: "projects" },
    ],
  },
  { id: "problems", parts: [{ draw: "info", field: "problems", absent: "problems" }] },
  { id: "measures", parts: [{ draw: "info", field: "measures", absent: "measures" }] },
  {
    id: "application",
    parts: [{ draw: "info", field: "application", absent: "silent" }, { draw: "result" }],
  },
  { id: "other", parts: [{ draw: "info", field: "other", absent: "nothingElse" }] },
];

const INDICATOR_GROUPS: readonly IndicatorGroup[] = ["met", "unmet", "missing"];

function groupOf(s: IndicatorScore): IndicatorGroup {
  if (s.status === "missing") return "missing";
  return s.score >= s.weight ? "met" : "unmet";
}

/** The executed amounts by fund source and by spending kind, leaving out those not given or zero. */
function executedBreakdown(
  input: ReportInput,
  f: Figures,
): { readonly sources: ExecutedPart[]; readonly kinds: ExecutedPart[] } {
  const block = input.recognized.budget;
  if (!block) return { sources: [], kinds: [] };
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

/** Writes the paragraphs of one language: the outline's sections, each part in that vocabulary's words. */
class NarrativeWriter {
  readonly out: Paragraph[] = [];
  private readonly f: Figures;

  constructor(
    private readonly input: ReportInput,
    private readonly words: Vocabulary,
    private readonly lang: Lang,
  ) {
    this.f = figuresOf(input);
  }

  title(): void {
    this.out.push({
      kind: "title",
      text: this.words.title(this.input.year, this.input.department),
      user: true,
    });
  }

  section(n: number, section: SectionOutline): void {
    this.out.push({ kind: "heading", text: this.words.headingNumber(n) + this.words.headings[section.id] });
    let subs = 0;
    for (const part of section.parts) {
      if (part.sub) this.sub((subs += 1), this.words.subheadings[part.sub]);
      this.draw(part);
    }
  }

  private sub(n: number, text: string): void {
    this.out.push({ kind: "subheading", text: this.words.subheadingNumber(n) + text });
  }

  private body(text: string, user = false): void {
    this.out.push({ kind: "body", text: this.words.indent + text, ...(user ? { user: true as const } : {}) });
  }

  /** The user's own text, one paragraph per non-empty line. */
  private userText(text: string): boolean {
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "");
    for (const l of lines) this.body(l, true);
    return lines.length > 0;
  }

  private draw(part: Draw): void {
    const { words, f, input } = this;
    switch (part.draw) {
      case "info": {
        if (this.userText(infoText(input, part.field)) || part.absent === "silent") return;
        this.body(part.absent === "nothingElse" ? words.nothingElse : words.absent(part.absent));
        return;
      }
      case "generalBudget":
        this.generalBudget();
        return;
      case "fund": {
        const fund = f.sources[part.source];
        this.body(words.fund(part.source, fund?.budget ?? null, fund?.executed ?? null, f.total.executed));
        return;
      }
      case "overall": {
        this.body(
          words.overall({
            year: input.year,
            ...f.total,
            rate: input.score?.execution.rate ?? null,
            ...executedBreakdown(input, f),
          }),
        );
        return;
      }
      case "indicators":
        this.indicators();
        return;
      case "result": {
        const s = input.score;
        if (s) this.body(words.result(s.total, s.cappedFrom, s.grade));
        return;
      }
      case "projects": {
        const paragraph = projectsParagraph(input, this.lang);
        if (paragraph) this.body(words.projects(paragraph), true);
        return;
      }
    }
  }

  private generalBudget(): void {
    const { words, f, input } = this;
    const block = input.recognized.budget;
    const others = block
      ? presentSources(block).filter((s) => s !== "general" && (f.sources[s]?.executed ?? 0) !== 0)
      : [];
    if (others.length === 0) {
      (["basic", "project"] as const).forEach((kind, i) => {
        this.sub(i + 1, words.subheadings[kind]);
        const fen = kind === "basic" ? f.basic : f.project;
        this.body(fen === null ? words.absent(kind) : words.spending(kind, fen, f.total.executed));
      });
      return;
    }
    const general = f.sources.general;
    this.body(words.fund("general", general?.budget ?? null, general?.executed ?? null, f.total.executed));
    this.body(words.unsplitKinds(others, executedBreakdown(input, f).kinds));
  }

  /** Each non-empty group under its subheading (numbered by the group, not by the count shown), lines from 1. */
  private indicators(): void {
    const list = this.input.score?.indicators ?? [];
    if (list.length === 0) {
      this.body(this.words.noIndicators);
      return;
    }
    const groups: Record<IndicatorGroup, IndicatorScore[]> = { met: [], unmet: [], missing: [] };
    for (const s of list) groups[groupOf(s)].push(s);
    this.body(
      this.words.indicatorSummary({
        total: list.length,
        met: groups.met.length,
        unmet: groups.unmet.length,
        missing: groups.missing.length,
      }),
    );
    INDICATOR_GROUPS.forEach((g, gi) => {
      if (groups[g].length === 0) return;
      this.sub(gi + 1, this.words.indicatorGroups[g]);
      groups[g].forEach((s, i) => {
        const explain = g !== "met" || s.overachieved;
        const line = this.words.indicator(i + 1, {
          name: s.name,
          target: s.target,
          actual: s.status === "missing" ? null : s.actual,
          score: s.score,
          weight: s.weight,
          overachieved: s.overachieved,
          reason: explain && s.reason ? s.reason : null,
        });
        this.body(line, true);
      });
    });
  }
}

const GRADE_ORDER = ["优", "良", "中", "差"] as const;

/** The figures of the projects paragraph, null when the workbook has no project form. */
export function projectsParagraph(input: ReportInput, lang: Lang): ProjectsParagraph | null {
  const projects = input.projects ?? [];
  if (projects.length === 0) return null;
  let budget = 0;
  let executed = 0;
  for (const p of projects) {
    budget += amountFen(p.form.budget?.total.cells.budget) ?? 0;
    executed += amountFen(p.form.budget?.total.cells.executed) ?? 0;
  }
  const grades = GRADE_ORDER.map((grade) => ({
    grade,
    count: projects.filter((p) => p.score?.grade === grade).length,
  })).filter((g) => g.count > 0);
  let lowestIndex = -1;
  projects.forEach((p, i) => {
    const low = lowestIndex >= 0 ? projects[lowestIndex].score : null;
    if (p.score && (!low || p.score.total < low.total)) lowestIndex = i;
  });
  const low = lowestIndex >= 0 ? projects[lowestIndex] : null;
  const score = low?.score ?? null;
  return {
    count: projects.length,
    budget,
    executed,
    grades,
    lowest:
      low && score
        ? {
            name: projectDisplayName(low.form, lowestIndex, lang),
            total: score.total,
            grade: score.grade,
            rate: score.execution.rate !== null && score.execution.rate < 1 ? score.execution.rate : null,
            shortfalls: score.indicators
              .filter((i) => i.score < i.weight)
              .slice(0, 3)
              .map((i) => ({ name: i.name, reason: i.reason })),
          }
        : null,
  };
}

export function composeNarrative(input: ReportInput, lang: Lang): Paragraph[] {
  const writer = new NarrativeWriter(input, VOCABULARIES[lang], lang);
  writer.title();
  OUTLINE.forEach((section, i) => writer.section(i + 1, section));
  return writer.out;
}
