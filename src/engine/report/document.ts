/**
 * The 自评报告 as a document (title, sections, the 自评表 as 附件, the 核查结果 summary), built from the same evaluation
 * and the same pieces as the report sheets: the narrative's paragraphs (narrative.ts) and the 绩效自评表's sheet spec
 * (table-sheet.ts), so the Word report states exactly what the sheets state. Renderer-neutral plain data: the .docx
 * gateway (src/gateway/docx) typesets it; any other document renderer could.
 */
import { confirmedCounts, countedSummary } from "../confirmations";
import { compareFindings, type Finding, type Severity, SEVERITIES } from "../findings";
import { rateText, scoreText } from "../format";
import type { Lang } from "../i18n";
import { FINDING_GROUP_ORDER, tableKindName } from "../table-kinds";
import { ruleName } from "../rules/index";
import { bannerText } from "./banner";
import { SEVERITY_NAMES } from "./findings-sheet";
import type { ReportInput } from "./input";
import { composeNarrative } from "./narrative";
import { VOCABULARIES } from "./narrative-vocabulary";
import type { CellSpec, HorizontalAlignment, SheetSpec } from "./spec";
import { AMOUNT_FORMAT, RATE_FORMAT, SCORE_FORMAT } from "./styles";
import { buildTableSheet } from "./table-sheet";

/** A paragraph of the body: a numbered section heading (一、…), a subheading (（一）…) or body text. */
export interface DocParagraph {
  readonly kind: "heading" | "subheading" | "body";
  readonly text: string;
}

/** One cell of a table; cells covered by a merge are left out of their row (the renderer spans over them). */
export interface DocTableCell {
  /** 0-based column of the cell's left edge. */
  readonly col: number;
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly align: HorizontalAlignment;
  readonly bold: boolean;
}

/** A line of text outside the table's box (its title, the unit caption, the signature line). */
export interface DocLine {
  readonly text: string;
  readonly align: HorizontalAlignment;
  readonly bold: boolean;
}

export interface DocTable {
  readonly caption: readonly DocLine[];
  /** Relative column widths (the sheet's column widths). */
  readonly columnWidths: readonly number[];
  readonly rows: readonly (readonly DocTableCell[])[];
  readonly after: readonly DocLine[];
}

export interface DocFindingGroup {
  /** "错误（2 项）". */
  readonly heading: string;
  /** The findings of this severity by the table they are about, as the task pane and the 核查结果 sheet group them. */
  readonly tables: readonly {
    /** "预算执行情况（1 项）". */
    readonly heading: string;
    /** One line per finding: rule name (never its id), where, and what. */
    readonly items: readonly string[];
  }[];
}

/**
 * The chart of the scores: 得分 against 分值 for the execution and per 一级指标, with the budget execution rate. The
 * .docx gateway draws it as a picture (numbers only inside it) and sets every word around it as document text.
 */
export interface DocChart {
  readonly title: string;
  readonly categories: readonly string[];
  /** Two series in this order: 得分 then 分值, one value per category. */
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  /** The budget execution rate, drawn as a bar of its own; null when the workbook gives none. */
  readonly rate: {
    /** Its name in the legend: "预算执行率". */
    readonly label: string;
    /** As a fraction: 1 is 100%. */
    readonly fraction: number;
    /** "100.00%", as the caption and the narrative state it. */
    readonly text: string;
  } | null;
  /** The chart in words, for a reader who cannot see the picture (its alt text). */
  readonly description: string;
  /** The line under it: "图 1  得分与分值（预算执行率 100.00%）". */
  readonly caption: string;
  /** Where it goes: before `body[before]` (the heading after 六、部门整体支出绩效情况), or at the body's end. */
  readonly before: number;
}

export interface ReportDocument {
  readonly lang: Lang;
  /** "<单位>20XX年度部门整体支出绩效自评报告". */
  readonly title: string;
  /** The red line under the title while errors stand (bannerText), null on a clean workbook. */
  readonly banner: string | null;
  readonly body: readonly DocParagraph[];
  /** The chart of the scores, at the end of 六、部门整体支出绩效情况; null when nothing was scored. */
  readonly chart: DocChart | null;
  /** "附件：…" and the 绩效自评表 as a table. */
  readonly appendix: { readonly heading: string; readonly table: DocTable };
  /** The findings that stand, summarised for people; null when there are none. */
  readonly findings: {
    readonly heading: string;
    readonly summary: string;
    readonly groups: readonly DocFindingGroup[];
  } | null;
}

function texts(lang: Lang) {
  const zh = lang === "zh-CN";
  return {
    appendix: zh
      ? "附件：部门整体支出绩效自评表"
      : "Annex: Overall Expenditure Performance Self-Evaluation Table",
    findings: zh ? "核查结果" : "Check results",
    summary: (n: number, c: Record<Severity, number>, explained: number) =>
      zh
        ? `本报告所据工作簿经核查共有 ${n} 项问题：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.notice} 项${explained > 0 ? `；${explained} 项已附出错说明（已说明的警告和提示不计入）` : ""}。请核实修改后再提交。`
        : `The checks found ${n} issues in the workbook behind this report: ${c.error} errors, ${c.warning} warnings, ${c.notice} notices${explained > 0 ? `; ${explained} explained by the filer (explained warnings and notices are not counted)` : ""}. Please review them before submitting.`,
    group: (s: Severity, n: number, explained: number) =>
      zh
        ? `${SEVERITY_NAMES[s][lang]}（${n} 项${explained > 0 ? `，其中 ${explained} 项已说明` : ""}）`
        : `${SEVERITY_NAMES[s][lang]}s (${n}${explained > 0 ? `, ${explained} explained` : ""})`,
    table: (name: string, n: number) => (zh ? `${name}（${n} 项）` : `${name} (${n})`),
    item: (i: number, rule: string, where: string, message: string) =>
      zh ? `${i}. “${rule}”（${where}）：${message}` : `${i}. "${rule}" (${where}): ${message}`,
    explanation: (text: string) => (zh ? `（出错说明：${text}）` : ` (Explanation: ${text})`),
    noCell: zh ? "未定位单元格" : "no cell",
    rateLabel: zh ? "预算执行率" : "Budget execution rate",
    chartDescription: (title: string, pairs: readonly string[], rate: string | null) =>
      zh
        ? `${title}（得分/分值）：${pairs.join("，")}${rate ? `；预算执行率 ${rate}` : ""}`
        : `${title} (score/weight): ${pairs.join(", ")}${rate ? `; budget execution rate ${rate}` : ""}`,
    chartCaption: (title: string, rate: string | null) =>
      zh
        ? `图 1\u3000${title}${rate ? `（预算执行率 ${rate}）` : ""}`
        : `Figure 1. ${title}${rate ? ` (budget execution rate ${rate})` : ""}`,
    separator: zh ? "、" : ", ",
  };
}

/** "1,234.50": the number formats the 自评表's cells use, as Excel would show them. */
export function formatCellValue(value: string | number | null, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  const fixed2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
  switch (numberFormat) {
    case AMOUNT_FORMAT: {
      const [int, frac] = fixed2(Math.abs(value)).split(".");
      return `${value < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
    }
    case RATE_FORMAT:
      return `${fixed2(value * 100)}%`;
    case SCORE_FORMAT:
      return fixed2(value);
    default:
      return String(Math.round(value * 1e6) / 1e6);
  }
}

function hasBorder(sheet: SheetSpec, cell: CellSpec): boolean {
  const b = sheet.styles[cell.styleId]?.borders;
  return !!b && !!(b.top || b.bottom || b.left || b.right);
}

/**
 * A sheet spec as a table: the boxed rows become the table (merges as spans), the rows above and below the box (the
 * title, the unit caption, the signature line) lines of text. Empty rows are dropped.
 */
export function sheetToTable(sheet: SheetSpec): DocTable {
  const byRow = new Map<number, CellSpec[]>();
  for (const c of sheet.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const boxedRows = [...byRow.entries()]
    .filter(([, cs]) => cs.some((c) => hasBorder(sheet, c)))
    .map(([r]) => r);
  const first = Math.min(...boxedRows);
  const last = Math.max(...boxedRows);
  const mergeAt = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.top; r <= m.bottom; r += 1)
      for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);

  const style = (c: CellSpec) => sheet.styles[c.styleId] ?? {};
  const text = (c: CellSpec) => formatCellValue(c.value, style(c).numberFormat);
  const line = (cs: readonly CellSpec[]): DocLine | null => {
    const shown = [...cs].sort((a, b) => a.col - b.col).filter((c) => text(c).trim() !== "");
    if (shown.length === 0) return null;
    return {
      text: shown.map(text).join(shown.length > 1 ? "\u3000\u3000" : ""),
      align: shown.length > 1 ? "left" : (style(shown[0]).horizontal ?? "left"),
      bold: style(shown[0]).font?.bold === true,
    };
  };
  const lines = (rows: number[]) =>
    rows
      .sort((a, b) => a - b)
      .map((r) => line(byRow.get(r) ?? []))
      .filter((l): l is DocLine => l !== null);

  const rows: DocTableCell[][] = [];
  for (let r = first; r <= last; r += 1) {
    const cells = (byRow.get(r) ?? [])
      .filter((c) => !covered.has(`${r}:${c.col}`))
      .sort((a, b) => a.col - b.col);
    rows.push(
      cells.map((c) => {
        const m = mergeAt.get(`${r}:${c.col}`);
        return {
          col: c.col,
          text: text(c),
          colSpan: m ? m.right - m.left + 1 : 1,
          rowSpan: m ? Math.min(m.bottom, last) - m.top + 1 : 1,
          align: style(c).horizontal ?? "left",
          bold: style(c).font?.bold === true,
        };
      }),
    );
  }
  return {
    caption: lines([...byRow.keys()].filter((r) => r < first)),
    columnWidths: sheet.columnWidths,
    rows,
    after: lines([...byRow.keys()].filter((r) => r > last)),
  };
}

function findingsSection(findings: readonly Finding[], lang: Lang): ReportDocument["findings"] {
  if (findings.length === 0) return null;
  const t = texts(lang);
  const sorted = [...findings].sort(compareFindings);
  // An explained warning or notice leaves the counts; an explained error stays counted (confirmations.ts).
  const counts = countedSummary(sorted);
  const explained = confirmedCounts(sorted);
  const groups = SEVERITIES.flatMap((s): DocFindingGroup[] => {
    const group = sorted.filter((f) => f.severity === s);
    if (group.length === 0) return [];
    let n = 0;
    const tables = FINDING_GROUP_ORDER.flatMap((table) => {
      const inTable = group.filter((f) => (f.table ?? "other") === table);
      if (inTable.length === 0) return [];
      const items = inTable.map((f) => {
        const where = f.cells.map((c) => `${c.sheet}!${c.address}`).join(t.separator) || t.noCell;
        n += 1;
        const item = t.item(n, ruleName(f.rule, lang), where, f.message[lang]);
        return f.confirmation ? item + t.explanation(f.confirmation.text) : item;
      });
      return [{ heading: t.table(tableKindName(table, lang), inTable.length), items }];
    });
    return [{ heading: t.group(s, group.length, explained[s]), tables }];
  });
  return {
    heading: t.findings,
    summary: t.summary(sorted.length, counts, sorted.filter((f) => f.confirmation).length),
    groups,
  };
}

/** The Word report's content, from an evaluation (any object with the fields of ReportInput). */
export function buildReportDocument(input: ReportInput, lang: Lang): ReportDocument {
  const t = texts(lang);
  // The narrative's own title line is the sheet's; the document states it in the form a submitted report takes.
  const body = composeNarrative(input, lang)
    .filter((p) => p.kind !== "title")
    .map((p): DocParagraph => ({ kind: p.kind as DocParagraph["kind"], text: p.text }));
  const table = buildTableSheet(input, lang);
  const rate = input.score?.execution.rate ?? null;
  // After the whole of 六 (its indicators included): before the seventh heading.
  const headings = body.map((p, i) => (p.kind === "heading" ? i : -1)).filter((i) => i >= 0);
  // The rate as a fraction and as the caption and the narrative write it ("100.00%").
  const rated = rate === null ? null : { fraction: rate, text: rateText(rate) };
  const spec = table.chart;
  const chart: DocChart | null = spec
    ? {
        title: spec.title,
        categories: spec.categories,
        series: spec.series,
        rate: rated && { label: t.rateLabel, ...rated },
        description: t.chartDescription(
          spec.title,
          spec.categories.map(
            (c, i) =>
              `${c} ${scoreText(spec.series[0]?.values[i] ?? 0)}/${scoreText(spec.series[1]?.values[i] ?? 0)}`,
          ),
          rated?.text ?? null,
        ),
        caption: t.chartCaption(spec.title, rated?.text ?? null),
        before: headings[6] ?? body.length,
      }
    : null;
  return {
    lang,
    // The same title as the 自评报告 sheet's (one vocabulary): "<单位>20XX年度部门整体支出绩效自评报告".
    title: VOCABULARIES[lang].title(input.year, input.department),
    banner: bannerText(input.findings, lang),
    body,
    chart,
    appendix: { heading: t.appendix, table: sheetToTable(table) },
    findings: findingsSection(input.findings, lang),
  };
}
