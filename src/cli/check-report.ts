/** Turns a CheckResult into what `selfeval check` prints: the JSON envelope or the readable report. */
import { rangeToA1 } from "../engine/a1";
import type { CheckResult } from "../engine/check";
import { confirmedCounts, type Confirmation } from "../engine/confirmations";
import type { CellAddress, Finding, RuleId, Severity, TableKind } from "../engine/findings";
import { SEVERITIES, messageOf } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { fenToYuan, type MoneyUnit } from "../engine/money";
import { ruleName } from "../engine/rules/index";
import type { TextCheckResult } from "../engine/text/index";
import { FINDING_GROUP_ORDER, tableKindName } from "../engine/table-kinds";
import { confirmationJson, type ConfirmationJson } from "./confirmation-json";
import { cliMessages } from "./messages";

/** The `--json` output, field for field as issue 2 specifies it. Amounts are in 元. */
export interface CheckEnvelope {
  readonly file: string;
  readonly tables: readonly {
    readonly kind: TableKind;
    readonly sheet: string;
    readonly range: string;
    /** Money tables only; null for the indicators table and the department information. */
    readonly unit: MoneyUnit | null;
    /** Project forms only (issue 13): the 项目名称 as written ("" when the form leaves it blank). */
    readonly name?: string;
  }[];
  readonly findings: readonly {
    readonly rule: RuleId;
    readonly severity: Severity;
    readonly cells: readonly CellAddress[];
    readonly expected: number | null;
    readonly actual: number | null;
    readonly difference: number | null;
    readonly message: string;
    /** The project form a finding is about (issue 13), absent on the department's findings. */
    readonly project?: string;
    /** The filer's 出错说明, only on a finding that has one that still holds. */
    readonly confirmation?: ConfirmationJson;
  }[];
  /** Errors, and the warnings and notices not explained (an explained one leaves the counts). */
  readonly summary: Record<Severity, number> & {
    /** How many findings carry a 出错说明 (only when some do). */
    readonly confirmed?: number;
  };
  /** Explanations whose figures changed since they were written (only when there are any). */
  readonly lapsed?: readonly {
    readonly rule: string;
    readonly cells: readonly string[];
    readonly text: string;
  }[];
}

/** What check and generate print from: an evaluation, with the workbook's 出错说明 applied when it has any. */
export type CheckedWorkbook = CheckResult & { readonly lapsed?: readonly Confirmation[] };

export function checkEnvelope(file: string, result: CheckedWorkbook, lang: Lang): CheckEnvelope {
  const confirmed = result.findings.filter((f) => f.confirmation).length;
  const lapsed = result.lapsed ?? [];
  return {
    file,
    tables: result.tables.map((t) => ({
      kind: t.kind,
      sheet: t.sheet,
      range: rangeToA1(t.range),
      unit: t.unit ?? null,
      ...(t.kind === "project" ? { name: t.name ?? "" } : {}),
    })),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
      expected: yuanOrNull(f.expectedFen),
      actual: yuanOrNull(f.actualFen),
      difference: yuanOrNull(f.differenceFen),
      message: messageOf(f, lang),
      ...(f.project !== undefined ? { project: f.project } : {}),
      ...(f.confirmation ? { confirmation: confirmationJson(f.confirmation) } : {}),
    })),
    summary: {
      error: result.summary.error,
      warning: result.summary.warning,
      notice: result.summary.notice,
      ...(confirmed > 0 ? { confirmed } : {}),
    },
    ...(lapsed.length > 0
      ? { lapsed: lapsed.map((c) => ({ rule: c.rule, cells: c.cells, text: c.text })) }
      : {}),
  };
}

function yuanOrNull(fen: number | null): number | null {
  return fen === null ? null : fenToYuan(fen);
}

/** The readable report: the tables found, then findings grouped by severity and, within it, by table. */
export function formatCheckReport(file: string, result: CheckedWorkbook, lang: Lang): string {
  const t = cliMessages(lang);
  const lines: string[] = [t.reportHeading(file)];

  if (result.tables.length === 0) {
    lines.push(t.noTables);
  } else {
    lines.push(t.tablesFound(result.tables.length));
    const rows = result.tables.map((table) => [
      table.kind === "project" && table.name
        ? `${tableKindName(table.kind, lang)}：${table.name}`
        : tableKindName(table.kind, lang),
      `${table.sheet}!${rangeToA1(table.range)}`,
      table.unit ?? "",
    ]);
    lines.push(...alignColumns(rows).map((l) => `  ${l}`));
  }
  lines.push("");

  if (result.findings.length === 0) {
    lines.push(t.noFindings, "");
  }
  lines.push(...findingLines(result.findings, lang));
  lines.push(...summaryLines(result, lang));
  return lines.join("\n") + "\n";
}

/** Findings grouped by severity, then by table, each with its cells; a blank line after each severity. */
function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const t = cliMessages(lang);
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(t.severityHeading(severity, ofSeverity.length));
    for (const kind of FINDING_GROUP_ORDER) {
      const group = ofSeverity.filter((f) => (f.table ?? "other") === kind);
      if (group.length === 0) continue;
      lines.push(`  ${tableKindName(kind, lang)}`);
      for (const finding of group) {
        lines.push(`    ${findingLine(finding, lang)}`);
        if (finding.confirmation) lines.push(`      ${t.explanation(finding.confirmation.text)}`);
      }
    }
    lines.push("");
  }
  return lines;
}

/** The `--json` envelope's "text" member: the report-text check's findings with the prose they quote. */
export interface TextEnvelope {
  readonly file: string;
  readonly sentences: number;
  readonly compared: number;
  readonly findings: readonly {
    readonly rule: RuleId;
    readonly name: string;
    readonly severity: Severity;
    readonly cells: readonly CellAddress[];
    readonly sentence: string;
    readonly stated: string;
    readonly subject: string;
    readonly recorded: string;
    readonly expected: number | null;
    readonly actual: number | null;
    readonly difference: number | null;
    readonly message: string;
  }[];
  readonly summary: Record<Severity, number>;
}

export function textEnvelope(file: string, result: TextCheckResult, lang: Lang): TextEnvelope {
  return {
    file,
    sentences: result.sentences,
    compared: result.compared,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      name: ruleName(f.rule, lang),
      severity: f.severity,
      cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
      sentence: f.text?.sentence ?? "",
      stated: f.text?.stated ?? "",
      subject: f.text?.subject[lang] ?? "",
      recorded: f.text?.recorded[lang] ?? "",
      expected: yuanOrNull(f.expectedFen),
      actual: yuanOrNull(f.actualFen),
      difference: yuanOrNull(f.differenceFen),
      message: messageOf(f, lang),
    })),
    summary: { ...result.summary },
  };
}

/** The readable report of the text check, printed after the workbook's. */
export function formatTextReport(file: string, result: TextCheckResult, lang: Lang): string {
  const t = cliMessages(lang);
  const lines: string[] = ["", t.textHeading(file, result.sentences, result.compared), ""];
  if (result.findings.length === 0) {
    lines.push(result.compared === 0 ? t.textNothingCompared : t.textNoFindings, "");
  }
  lines.push(...findingLines(result.findings, lang));
  lines.push(t.summaryLine(result.summary));
  return lines.join("\n") + "\n";
}

/** The summary line, then how many findings are explained and how many explanations lapsed (when any). */
export function summaryLines(result: CheckedWorkbook, lang: Lang): string[] {
  const t = cliMessages(lang);
  const lines = [t.summaryLine(result.summary)];
  if (result.findings.some((f) => f.confirmation))
    lines.push(t.explainedLine(confirmedCounts(result.findings)));
  if ((result.lapsed ?? []).length > 0) lines.push(t.lapsedLine(result.lapsed!.length));
  return lines;
}

function findingLine(finding: Finding, lang: Lang): string {
  const cells = cellList(finding.cells, cliMessages(lang).cellSeparator);
  const message = messageOf(finding, lang);
  return cells ? `${cells}  ${message}` : message;
}

/** "表二!C12、D12、E12": the sheet is named once per run of cells on the same sheet. */
function cellList(cells: readonly CellAddress[], separator: string): string {
  return cells
    .map((c, i) => (i > 0 && cells[i - 1].sheet === c.sheet ? c.address : `${c.sheet}!${c.address}`))
    .join(separator);
}

/** Pads each column to its widest entry, counting CJK characters as two columns as a terminal shows them. */
function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - displayWidth(cell) + 2)))
      .join("")
      .trimEnd(),
  );
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1;
  return width;
}
