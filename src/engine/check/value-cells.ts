/**
 * The single cells the value rules (value.error, value.unparsed, value.text, value.negative) look at, each with the
 * name a message gives it. Every amount cell of the budget block and the expenditure tables that is not a plain
 * amount of 0 or more, and the non-money cells (分值, 执行率, 得分, indicator texts) that hold an Excel error value.
 * Worked out once per workbook and shared by the four rules: a 200,000-row table is walked once, not four times.
 */
import type { MoneyUnit } from "../money";
import { quoteText } from "../quote";
import { isErrorValue } from "../snapshot";
import type { TableKind } from "../table-kinds";
import type {
  AmountCell,
  BudgetBlock,
  CellPos,
  ExpenditureTable,
  IndicatorsTable,
  RecognizedWorkbook,
  TextCell,
} from "../tables";
import type { AmountParse } from "../money";
import { BUDGET_COLUMNS, budgetColumnName, namedBudgetRows } from "./budget-view";
import { cellIn, expenditureColumnName, expenditureColumns, totalRowAware } from "./expenditure-view";
import { labelOr, type Name } from "./labels";

export interface ValueSite {
  readonly pos: CellPos;
  /** "年度资金总额（全年执行数）": the row and the column the cell sits in. */
  readonly where: Name;
  readonly table: TableKind;
  readonly unit?: MoneyUnit;
  /** What the cell holds; an error-only cell is always { kind: "error" }. */
  readonly parsed: Exclude<AmountParse, { kind: "none" }>;
}

const CACHE = new WeakMap<RecognizedWorkbook, readonly ValueSite[]>();

/** The sites of a workbook, in table order (budget, expenditure tables, indicators), rows then columns. */
export function valueSites(workbook: RecognizedWorkbook): readonly ValueSite[] {
  const cached = CACHE.get(workbook);
  if (cached) return cached;
  const sites: ValueSite[] = [];
  if (workbook.budget) budgetSites(workbook.budget, sites);
  for (const table of workbook.expenditures) expenditureSites(table, sites);
  if (workbook.indicators) indicatorSites(workbook.indicators, sites);
  CACHE.set(workbook, sites);
  return sites;
}

function at(row: Name, column: Name): Name {
  return { zh: `${row.zh}（${column.zh}）`, en: `${row.en} (${column.en})` };
}

/** Blank cells and plain amounts of 0 or more need no word; everything else may. */
function notable(cell: AmountCell): boolean {
  const p = cell.parsed;
  return p.kind !== "none" && !(p.kind === "amount" && !p.fromText && p.fen >= 0);
}

function amountSite(cell: AmountCell, where: Name, table: TableKind, unit: MoneyUnit): ValueSite {
  return { pos: cell.pos, where, table, unit, parsed: cell.parsed as ValueSite["parsed"] };
}

/** A non-money cell only matters when Excel put an error value in it. */
function errorSite(
  cell: TextCell | AmountCell | undefined,
  where: Name,
  table: TableKind,
  unit: MoneyUnit | undefined,
  out: ValueSite[],
): void {
  if (!cell || !isErrorValue(cell.raw)) return;
  out.push({
    pos: cell.pos,
    where,
    table,
    ...(unit ? { unit } : {}),
    parsed: { kind: "error", code: cell.raw.code },
  });
}

function budgetSites(block: BudgetBlock, out: ValueSite[]): void {
  const rows = namedBudgetRows(block);
  for (const { row, name } of rows) {
    for (const column of BUDGET_COLUMNS) {
      const cell = row.cells[column];
      if (cell && notable(cell))
        out.push(amountSite(cell, at(name, budgetColumnName(block, column)), "budget", block.unit));
    }
  }
  const total = rows[0].name;
  const extra = block.extra;
  if (extra) {
    errorSite(extra.weight, at(total, { zh: "分值", en: "weight" }), "budget", block.unit, out);
    errorSite(extra.rate, at(total, { zh: "执行率", en: "execution rate" }), "budget", block.unit, out);
    errorSite(extra.score, at(total, { zh: "得分", en: "score" }), "budget", block.unit, out);
  }
}

function expenditureSites(table: ExpenditureTable, out: ValueSite[]): void {
  const columns = expenditureColumns(table).map((c) => ({
    column: c,
    name: expenditureColumnName(table, c),
  }));
  for (const row of table.rows) {
    let rowName: Name | null = null; // named lazily: almost every cell is fine
    for (const { column, name } of columns) {
      const cell = cellIn(row, column);
      if (!cell || !notable(cell)) continue;
      rowName ??= totalRowAware(row);
      out.push(amountSite(cell, at(rowName, name), "expenditure", table.unit));
    }
  }
}

function indicatorSites(table: IndicatorsTable, out: ValueSite[]): void {
  const h = table.headers;
  const columns: { name: Name; pick: (r: IndicatorsTable["rows"][number]) => TextCell | undefined }[] = [
    { name: { zh: labelOr(h.name, "三级指标"), en: "indicator" }, pick: (r) => r.name },
    { name: { zh: labelOr(h.target, "年度指标值"), en: "target" }, pick: (r) => r.target },
    { name: { zh: labelOr(h.actual, "实际完成值"), en: "actual value" }, pick: (r) => r.actual },
    { name: { zh: labelOr(h.weight, "分值"), en: "weight" }, pick: (r) => r.weight.cell },
    { name: { zh: labelOr(h.score, "得分"), en: "score" }, pick: (r) => r.score?.cell },
    {
      name: { zh: labelOr(h.reason, "偏差原因分析及改进措施"), en: "reason for deviation" },
      pick: (r) => r.reason,
    },
    { name: { zh: labelOr(h.operator, "计算符号"), en: "operator" }, pick: (r) => r.operator },
    { name: { zh: labelOr(h.unit, "计量单位"), en: "unit of measure" }, pick: (r) => r.unit },
  ];
  for (const row of table.rows) {
    const unnamed = isErrorValue(row.name.raw);
    const indicator: Name = unnamed
      ? { zh: `第 ${row.row + 1} 行`, en: `row ${row.row + 1}` }
      : { zh: quoteText(row.name.text), en: quoteText(row.name.text) };
    for (const { name, pick } of columns)
      errorSite(pick(row), at(indicator, name), "indicators", undefined, out);
  }
}
