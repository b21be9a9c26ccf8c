/** Turns a CheckResult into what `selfeval check` prints: the JSON envelope or the readable report. */
import { rangeToA1 } from "../engine/a1";
import type { CheckResult } from "../engine/check";
import type { CellAddress, Finding, RuleId, Severity, TableKind } from "../engine/findings";
import { SEVERITIES, messageOf } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { fenToYuan, type MoneyUnit } from "../engine/money";
import { FINDING_GROUP_ORDER, tableKindName } from "../engine/table-kinds";
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
  }[];
  readonly summary: Record<Severity, number>;
}

export function checkEnvelope(file: string, result: CheckResult, lang: Lang): CheckEnvelope {
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
    })),
    summary: { error: result.summary.error, warning: result.summary.warning, notice: result.summary.notice },
  };
}

function yuanOrNull(fen: number | null): number | null {
  return fen === null ? null : fenToYuan(fen);
}

/** The readable report: the tables found, then findings grouped by severity and, within it, by table. */
export function formatCheckReport(file: string, result: CheckResult, lang: Lang): string {
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
  for (const severity of SEVERITIES) {
    const ofSeverity = result.findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(t.severityHeading(severity, ofSeverity.length));
    for (const kind of FINDING_GROUP_ORDER) {
      const group = ofSeverity.filter((f) => (f.table ?? "other") === kind);
      if (group.length === 0) continue;
      lines.push(`  ${tableKindName(kind, lang)}`);
      for (const finding of group) lines.push(`    ${findingLine(finding, lang)}`);
    }
    lines.push("");
  }

  lines.push(t.summaryLine(result.summary));
  return lines.join("\n") + "\n";
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
