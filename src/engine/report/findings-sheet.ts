/**
 * 核查结果: every finding of the checker and the scorer, grouped as the task pane groups them — by severity (错误 / 警告 /
 * 提示), then by the table it is about — each row naming its rule (by name: ids are for developers) and linking to the
 * cell to look at. Amounts are shown in the unit of the table they were read from.
 */
import { confirmedCounts, countedSummary } from "../confirmations";
import { compareFindings, type Finding, type RuleId, type Severity, SEVERITIES } from "../findings";
import { amountNumberFormat } from "../format";
import type { Lang } from "../i18n";
import { FINDING_GROUP_ORDER, tableKindName } from "../table-kinds";
import { fenToUnitNumber, type MoneyUnit } from "../money";
import { RULES, ruleName } from "../rules/index";
import type { ReportInput } from "./input";
import { SheetGrid } from "./layout";
import { DEFAULT_SHEET_NAMES } from "./sheet-names";
import type { CellStyle, SheetSpec } from "./spec";
import { TABLE_MARGINS, a4Print, boxed, fontsFor } from "./styles";

const COLUMN_WIDTHS = [8, 20, 14, 9.5, 16, 16, 15, 52];
/** With 出错说明 (only when a finding has one): the message narrower, the explanation beside it. */
const COLUMN_WIDTHS_EXPLAINED = [8, 20, 14, 9.5, 16, 16, 15, 40, 32];
const EXPLANATION_COL = 8;
const SIZE = 10.5;

/** Every rule's name by id, from the rule registry (kept for the pane and the CSV, which look names up by id). */
export const RULE_NAMES: Readonly<Record<RuleId, Readonly<Record<Lang, string>>>> = Object.fromEntries(
  RULES.map((rule) => [rule.id, rule.meta.name]),
) as Record<RuleId, Readonly<Record<Lang, string>>>;

export const SEVERITY_NAMES: Readonly<Record<Severity, Readonly<Record<Lang, string>>>> = {
  error: { "zh-CN": "错误", "en-US": "Error" },
  warning: { "zh-CN": "警告", "en-US": "Warning" },
  notice: { "zh-CN": "提示", "en-US": "Notice" },
};

const SEVERITY_COLORS: Record<Severity, { readonly fill: string; readonly font: string }> = {
  error: { fill: "#FDE7E9", font: "#A4262C" },
  warning: { fill: "#FFF4CE", font: "#8A5300" },
  notice: { fill: "#E8F1FB", font: "#0F548C" },
};

function findingsTexts(lang: Lang) {
  const zh = lang === "zh-CN";
  return {
    title: zh ? "核查结果" : "Check Results",
    summary: (n: number, c: Record<Severity, number>, explained = "") =>
      zh
        ? `共 ${n} 项：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.notice} 项。${explained}单击“单元格”一列可转到该单元格。`
        : `${n} findings: ${c.error} errors, ${c.warning} warnings, ${c.notice} notices. ${explained ? `${explained} ` : ""}Click a cell address to go to it.`,
    /** The summary's addition when findings are explained: counted errors among them, uncounted others. */
    explained: (c: Record<Severity, number>) => {
      const others = c.warning + c.notice;
      const parts = zh
        ? [
            c.error > 0 ? `错误中 ${c.error} 项已说明` : "",
            others > 0 ? `另有 ${others} 项警告或提示已说明，不计入` : "",
          ]
        : [
            c.error > 0 ? `${c.error} of the errors explained` : "",
            others > 0 ? `${others} explained warning${others === 1 ? "" : "s"} or notices not counted` : "",
          ];
      return parts.filter((p) => p !== "").join(zh ? "，" : "; ") + (zh ? "。" : ".");
    },
    header: zh
      ? ["级别", "规则", "工作表", "单元格", "应为", "实际", "差额", "说明"]
      : ["Severity", "Rule", "Sheet", "Cell", "Expected", "Actual", "Difference", "Details"],
    explanationHeader: zh ? "出错说明" : "Explanation",
    group: (s: Severity, n: number, explained: number) =>
      zh
        ? `${SEVERITY_NAMES[s][lang]}（${n} 项${explained > 0 ? `，其中 ${explained} 项已说明` : ""}）`
        : `${SEVERITY_NAMES[s][lang]}s (${n}${explained > 0 ? `, ${explained} explained` : ""})`,
    table: (name: string, n: number) => (zh ? `${name}（${n} 项）` : `${name} (${n})`),
    none: zh ? "未发现问题。" : "No findings.",
    otherCells: zh ? "相关单元格：" : "Other cells: ",
  };
}

/** Number format that shows the table's unit after the amount, so each row reads in its own unit. */
function amountStyleId(unit: MoneyUnit): string {
  return `amount:${unit}`;
}

function styles(lang: Lang, units: readonly MoneyUnit[]): Record<string, CellStyle> {
  const f = fontsFor(lang).table;
  const out: Record<string, CellStyle> = {
    title: {
      font: { name: fontsFor(lang).title, size: 16, bold: true },
      horizontal: "center",
      vertical: "center",
    },
    summary: { font: { name: f, size: SIZE }, horizontal: "left", vertical: "center", wrap: true },
    header: boxed(f, SIZE, { font: { bold: true }, horizontal: "center", fill: "#F2F2F2" }),
    text: boxed(f, SIZE, { horizontal: "left", vertical: "top" }),
    center: boxed(f, SIZE, { horizontal: "center", vertical: "top" }),
    link: boxed(f, SIZE, {
      horizontal: "center",
      vertical: "top",
      font: { color: "#0563C1", underline: true },
    }),
    none: boxed(f, SIZE, { horizontal: "left" }),
    table: boxed(f, SIZE, { font: { bold: true }, horizontal: "left", indent: 1 }),
  };
  for (const s of SEVERITIES) {
    const c = SEVERITY_COLORS[s];
    out[`group:${s}`] = boxed(f, SIZE, {
      font: { bold: true, color: c.font },
      fill: c.fill,
      horizontal: "left",
    });
    out[`severity:${s}`] = boxed(f, SIZE, {
      font: { bold: true, color: c.font },
      horizontal: "center",
      vertical: "top",
    });
  }
  for (const u of units) {
    out[amountStyleId(u)] = boxed(f, SIZE, {
      horizontal: "right",
      vertical: "top",
      numberFormat: amountNumberFormat(u),
    });
  }
  return out;
}

function unitOf(f: Finding): MoneyUnit {
  return f.unit ?? "元";
}

export function buildFindingsSheet(input: ReportInput, lang: Lang): SheetSpec {
  const t = findingsTexts(lang);
  const findings = [...input.findings].sort(compareFindings);
  // The 出错说明 column is there only when a finding has one: a workbook without any keeps the sheet as it was.
  const explained = confirmedCounts(findings);
  const withExplanations = findings.some((f) => f.confirmation);
  const widths = withExplanations ? COLUMN_WIDTHS_EXPLAINED : COLUMN_WIDTHS;
  const lastCol = widths.length - 1;
  const g = new SheetGrid(widths);
  const counts = countedSummary(findings);

  g.area(0, 0, 0, lastCol, t.title, "title");
  g.height(0, 32);
  const summary = t.summary(findings.length, counts, withExplanations ? t.explained(explained) : "");
  g.area(1, 0, 1, lastCol, summary, "summary");
  g.fitRow(1, summary, 0, lastCol, SIZE, 22);
  t.header.forEach((h, i) => g.set(2, i, h, "header"));
  if (withExplanations) g.set(2, EXPLANATION_COL, t.explanationHeader, "header");
  g.height(2, 22);
  let row = 3;

  if (findings.length === 0) {
    g.area(row, 0, row, lastCol, t.none, "none");
    g.height(row, 22);
  }
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    g.area(row, 0, row, lastCol, t.group(severity, group.length, explained[severity]), `group:${severity}`);
    g.height(row, 22);
    row += 1;
    for (const table of FINDING_GROUP_ORDER) {
      const inTable = group.filter((f) => (f.table ?? "other") === table);
      if (inTable.length === 0) continue;
      g.area(row, 0, row, lastCol, t.table(tableKindName(table, lang), inTable.length), "table");
      g.height(row, 20);
      row += 1;
      for (const f of inTable) {
        writeFinding(g, f, row, lang, withExplanations);
        row += 1;
      }
    }
  }

  const units = [...new Set(findings.map(unitOf))];
  return {
    key: "findings",
    name: DEFAULT_SHEET_NAMES[lang].findings,
    cells: g.cells,
    merges: g.merges,
    styles: styles(lang, units),
    columnWidths: widths,
    rowHeights: g.rowHeights,
    freeze: { rows: 3, cols: 0 },
    print: a4Print(lang, "landscape", TABLE_MARGINS, "1:3"),
    showGridLines: false,
  };
}

function writeFinding(g: SheetGrid, f: Finding, row: number, lang: Lang, withExplanations: boolean): void {
  const t = findingsTexts(lang);
  const first = f.cells[0];
  const ruleText = ruleName(f.rule, lang);
  g.set(row, 0, SEVERITY_NAMES[f.severity][lang], `severity:${f.severity}`);
  g.set(row, 1, ruleText, "center");
  g.set(row, 2, first ? first.sheet : null, "center", { text: true });
  if (first) {
    g.set(row, 3, first.address, "link", {
      text: true,
      hyperlink: { sheet: first.sheet, address: first.address },
    });
  } else {
    g.set(row, 3, null, "center");
  }
  const amountStyle = amountStyleId(unitOf(f));
  const amount = (fen: number | null): number | null =>
    fen === null ? null : fenToUnitNumber(fen, unitOf(f));
  g.set(row, 4, amount(f.expectedFen), amountStyle);
  g.set(row, 5, amount(f.actualFen), amountStyle);
  g.set(row, 6, amount(f.differenceFen), amountStyle);
  const others = f.cells.slice(1).map((c) => `${c.sheet}!${c.address}`);
  const message =
    f.message[lang] +
    (others.length > 0 ? `\n${t.otherCells}${others.join(lang === "zh-CN" ? "、" : ", ")}` : "");
  g.set(row, 7, message, "text", { text: true });
  g.fitRow(row, message, 7, 7, SIZE, 22);
  if (withExplanations) {
    const explanation = f.confirmation?.text ?? null;
    g.set(row, EXPLANATION_COL, explanation, "text", { text: true });
    if (explanation) g.fitRow(row, explanation, EXPLANATION_COL, EXPLANATION_COL, SIZE, 22);
  }
  g.fitRow(row, ruleText, 1, 1, SIZE, 22);
  if (first) g.fitRow(row, first.sheet, 2, 2, SIZE, 22);
}
