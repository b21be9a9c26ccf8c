/**
 * What `selfeval review` hands back, built from the files' results: the three sheets of the summary workbook (one row
 * per file, every finding, the findings counted by rule) and the `--json` envelope.
 */
import type { Lang } from "../engine/i18n";
import type { RuleId } from "../engine/findings";
import { ruleName } from "../engine/rules/index";
import type { SummaryColumn, SummarySheet } from "../gateway/xlsx/review-workbook";
import type { ReviewedFile, ReviewedFinding } from "./review-check";
import { reviewMessages } from "./review-messages";

export interface RuleCount {
  readonly rule: RuleId;
  readonly name: string;
  readonly count: number;
  /** How many files have the finding at least once. */
  readonly files: number;
}

/** Findings counted by rule, most frequent first (then by files, then by rule id, so ties never reorder). */
export function countByRule(results: readonly ReviewedFile[], lang: Lang): RuleCount[] {
  const counts = new Map<RuleId, { count: number; files: Set<string> }>();
  for (const result of results) {
    for (const finding of result.findings) {
      const entry = counts.get(finding.rule) ?? { count: 0, files: new Set<string>() };
      entry.count += 1;
      entry.files.add(result.file);
      counts.set(finding.rule, entry);
    }
  }
  return [...counts]
    .map(([rule, { count, files }]) => ({ rule, name: ruleName(rule, lang), count, files: files.size }))
    .sort(
      (a, b) => b.count - a.count || b.files - a.files || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    );
}

export interface ReviewTotals {
  readonly files: number;
  readonly read: number;
  readonly unreadable: number;
  readonly errors: number;
  readonly warnings: number;
}

export function totalsOf(results: readonly ReviewedFile[]): ReviewTotals {
  const unreadable = results.filter((r) => r.error !== null).length;
  return {
    files: results.length,
    read: results.length - unreadable,
    unreadable,
    errors: results.reduce((n, r) => n + r.counts.error, 0),
    warnings: results.reduce((n, r) => n + r.counts.warning, 0),
  };
}

/** The `--json` output, field for field as issue 12 §4 specifies it. */
export interface ReviewEnvelope {
  readonly files: readonly {
    readonly file: string;
    readonly department: string;
    readonly year: string;
    readonly score: number | null;
    readonly grade: string | null;
    readonly typedTotal: number | null;
    readonly errors: number;
    readonly warnings: number;
    /** Present only for a file that could not be checked: why, in the chosen language. */
    readonly error?: string;
    /** Present only when some finding of the file carries the filer's 出错说明: those findings, with it. */
    readonly explained?: readonly ExplainedFinding[];
    /** Each project form of the file (issue 13); an empty array when there is none. */
    readonly projects: readonly {
      readonly name: string;
      readonly sheet: string;
      readonly score: number | null;
      readonly grade: string | null;
      readonly errors: number;
      readonly warnings: number;
    }[];
  }[];
  readonly summary: ReviewTotals & {
    readonly byRule: readonly { rule: RuleId; name: string; count: number }[];
    /** How many findings across the files carry a 出错说明 (only when some do). */
    readonly confirmed?: number;
  };
}

export interface ExplainedFinding {
  readonly rule: RuleId;
  readonly name: string;
  readonly severity: ReviewedFinding["severity"];
  /** "表二 支出决算表!C12", as check's JSON names them. */
  readonly cells: readonly string[];
  readonly message: string;
  readonly confirmation: NonNullable<ReviewedFinding["confirmation"]>;
}

function explainedFindings(file: ReviewedFile, lang: Lang): ExplainedFinding[] {
  return file.findings.flatMap((f) =>
    f.confirmation
      ? [
          {
            rule: f.rule,
            name: ruleName(f.rule, lang),
            severity: f.severity,
            cells: f.cells.map((c) => `${c.sheet}!${c.address}`),
            message: f.message[lang],
            confirmation: f.confirmation,
          },
        ]
      : [],
  );
}

export function reviewEnvelope(results: readonly ReviewedFile[], lang: Lang): ReviewEnvelope {
  const confirmed = results.reduce((n, r) => n + r.findings.filter((f) => f.confirmation).length, 0);
  return {
    files: results.map((r) => ({
      file: r.file,
      department: r.department,
      year: r.year,
      score: r.score,
      grade: r.grade,
      typedTotal: r.typedTotal,
      errors: r.counts.error,
      warnings: r.counts.warning,
      ...(r.error ? { error: r.error[lang] } : {}),
      ...(r.findings.some((f) => f.confirmation) ? { explained: explainedFindings(r, lang) } : {}),
      projects: r.projects.map((p) => ({
        name: p.name,
        sheet: p.sheet,
        score: p.score,
        grade: p.grade,
        errors: p.counts.error,
        warnings: p.counts.warning,
      })),
    })),
    summary: {
      ...totalsOf(results),
      byRule: countByRule(results, lang).map(({ rule, name, count }) => ({ rule, name, count })),
      ...(confirmed > 0 ? { confirmed } : {}),
    },
  };
}

// ---------------------------------------------------------------- the summary workbook

type Row = (string | number | null)[];
type Column = [header: string, format: SummaryColumn["format"], max: number];

export function summarySheets(results: readonly ReviewedFile[], lang: Lang): SummarySheet[] {
  const t = reviewMessages(lang);
  const fileRows: Row[] = results.map((r) => {
    const worst = r.findings[0];
    const problem: [string | null, string | null] = r.error
      ? [t.unreadableRule, r.error[lang]]
      : worst
        ? [ruleName(worst.rule, lang), worst.message[lang]]
        : [null, null];
    return [
      r.file,
      r.department || null,
      r.year || null,
      r.form === "department" ? t.formDepartment : r.form === "project" ? t.formProject : null,
      r.score,
      r.typedTotal,
      r.grade,
      r.executionRate,
      r.error ? null : r.counts.error,
      r.error ? null : r.counts.warning,
      ...problem,
    ];
  });
  // The 出错说明 column is there only when some finding has one, as in the report's 核查结果.
  const explained = results.some((r) => r.findings.some((f) => f.confirmation));
  const findingRows: Row[] = results.flatMap((r) =>
    r.findings.map((f) => [
      r.file,
      ruleName(f.rule, lang),
      t.severity[f.severity],
      cellList(f, t.cellSeparator),
      f.message[lang],
      ...(explained ? [f.confirmation?.text ?? null] : []),
    ]),
  );
  const ruleRows: Row[] = countByRule(results, lang).map((c) => [c.name, c.count, c.files]);
  // One row per project form of each file (issue 13): a sheet of its own, written only when some file has one.
  const projectRows: Row[] = results.flatMap((r) =>
    r.projects.map((p) => [
      r.file,
      p.name,
      p.sheet,
      p.score,
      p.grade,
      p.executionRate,
      p.counts.error,
      p.counts.warning,
    ]),
  );

  const [file, department, year, form, total, typed, grade, rate, errors, warnings, problem, details] =
    t.filesHeader;
  return [
    sheet(t.sheets.files, fileRows, [
      [file, "text", 60],
      [department, "text", 30],
      [year, "text", 8],
      [form, "text", 16],
      [total, "score", 10],
      [typed, "score", 10],
      [grade, "text", 8],
      [rate, "percent", 10],
      [errors, "integer", 8],
      [warnings, "integer", 8],
      [problem, "text", 24],
      [details, "text", 60],
    ]),
    sheet(t.sheets.findings, findingRows, [
      [t.findingsHeader[0], "text", 60],
      [t.findingsHeader[1], "text", 24],
      [t.findingsHeader[2], "text", 8],
      [t.findingsHeader[3], "text", 30],
      [t.findingsHeader[4], "text", explained ? 60 : 80],
      ...(explained ? [[t.explanationHeader, "text", 40] satisfies Column] : []),
    ]),
    sheet(t.sheets.byRule, ruleRows, [
      [t.byRuleHeader[0], "text", 40],
      [t.byRuleHeader[1], "integer", 10],
      [t.byRuleHeader[2], "integer", 10],
    ]),
    ...(projectRows.length > 0
      ? [
          sheet(t.projectsSheet, projectRows, [
            [t.projectsHeader[0], "text", 60],
            [t.projectsHeader[1], "text", 40],
            [t.projectsHeader[2], "text", 20],
            [t.projectsHeader[3], "score", 10],
            [t.projectsHeader[4], "text", 8],
            [t.projectsHeader[5], "percent", 10],
            [t.projectsHeader[6], "integer", 8],
            [t.projectsHeader[7], "integer", 8],
          ]),
        ]
      : []),
  ];
}

/**
 * A sheet whose columns are as wide as their widest entry (CJK characters count two, as Excel shows them) but no
 * wider than `max`, past which the text wraps; never narrower than the header.
 */
function sheet(name: string, rows: readonly Row[], columns: readonly Column[]): SummarySheet {
  return {
    name,
    rows,
    columns: columns.map(([header, format, max], c) => {
      let width = displayWidth(header);
      for (const row of rows) width = Math.max(width, displayWidth(shown(row[c], format)));
      return {
        header,
        format,
        width: Math.min(Math.max(width + 2, 6), Math.max(max, displayWidth(header) + 2)),
      };
    }),
  };
}

function shown(value: string | number | null, format: SummaryColumn["format"]): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (format === "percent") return `${(value * 100).toFixed(2)}%`;
  if (format === "score") return value.toFixed(2);
  return String(value);
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}

/** "表二!C12、D12": the sheet is named once per run of cells on the same sheet. */
function cellList(finding: ReviewedFinding, separator: string): string {
  return finding.cells
    .map((c, i) => (i > 0 && finding.cells[i - 1].sheet === c.sheet ? c.address : `${c.sheet}!${c.address}`))
    .join(separator);
}
