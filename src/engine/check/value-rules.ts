/**
 * Rules about single cells a table uses: error values, text that is not an amount, amounts stored as text and
 * negative amounts. Each bad cell is reported here once; the sum rules leave it out.
 */
import type { CellAddress, Finding, TableKind } from "../findings";
import type { MoneyUnit } from "../money";
import { quoteText } from "../quote";
import { isErrorValue } from "../snapshot";
import type { AmountCell, BudgetBlock, ExpenditureTable, IndicatorsTable, TextCell } from "../tables";
import { BUDGET_COLUMNS, budgetColumnName, namedBudgetRows } from "./budget-rules";
import { cellIn, expenditureColumnName, expenditureColumns } from "./expenditure-rules";
import { labelOr, expenditureRowName, type Name } from "./labels";
import { errorValueMessage, negativeMessage, textAmountMessage, unparsedMessage } from "./messages";
import { addressOf } from "./sum-finding";

function at(row: Name, column: Name): Name {
  return { zh: `${row.zh}（${column.zh}）`, en: `${row.en} (${column.en})` };
}

function valueFinding(
  rule: Finding["rule"],
  severity: Finding["severity"],
  cell: CellAddress,
  table: TableKind,
  amountFen: number | null,
  unit: MoneyUnit | undefined,
  message: Finding["message"],
): Finding {
  return {
    rule,
    severity,
    cells: [cell],
    table,
    expectedFen: null,
    actualFen: amountFen,
    differenceFen: null,
    ...(unit ? { unit } : {}),
    message,
  };
}

/** The findings one amount cell earns; a negative amount stored as text earns both. */
function amountCellFindings(cell: AmountCell, where: Name, table: TableKind, unit: MoneyUnit): Finding[] {
  const address = addressOf(cell.pos);
  const p = cell.parsed;
  switch (p.kind) {
    case "none":
      return [];
    case "error":
      return [
        valueFinding("value.error", "error", address, table, null, unit, errorValueMessage(where, p.code)),
      ];
    case "unparsed":
      return [
        valueFinding("value.unparsed", "error", address, table, null, unit, unparsedMessage(where, p.text)),
      ];
    case "amount": {
      const out: Finding[] = [];
      if (p.fromText) {
        out.push(
          valueFinding(
            "value.text",
            "notice",
            address,
            table,
            p.fen,
            unit,
            textAmountMessage(where, p.fen, unit),
          ),
        );
      }
      if (p.fen < 0) {
        out.push(
          valueFinding(
            "value.negative",
            "warning",
            address,
            table,
            p.fen,
            unit,
            negativeMessage(where, p.fen, unit),
          ),
        );
      }
      return out;
    }
  }
}

/** Non-money cells (分值, 执行率, 得分, indicator texts) only matter here when Excel put an error value in them. */
function errorOnly(
  cell: TextCell | AmountCell | undefined,
  where: Name,
  table: TableKind,
  unit?: MoneyUnit,
): Finding[] {
  if (!cell || !isErrorValue(cell.raw)) return [];
  const code = cell.raw.code;
  return [
    valueFinding(
      "value.error",
      "error",
      addressOf(cell.pos),
      table,
      null,
      unit,
      errorValueMessage(where, code),
    ),
  ];
}

export function checkBudgetValues(block: BudgetBlock): Finding[] {
  const findings: Finding[] = [];
  for (const { row, name } of namedBudgetRows(block)) {
    for (const column of BUDGET_COLUMNS) {
      const cell = row.cells[column];
      if (cell)
        findings.push(
          ...amountCellFindings(cell, at(name, budgetColumnName(block, column)), "budget", block.unit),
        );
    }
  }
  const total = namedBudgetRows(block)[0].name;
  const extra = block.extra;
  if (extra) {
    findings.push(...errorOnly(extra.weight, at(total, { zh: "分值", en: "weight" }), "budget", block.unit));
    findings.push(
      ...errorOnly(extra.rate, at(total, { zh: "执行率", en: "execution rate" }), "budget", block.unit),
    );
    findings.push(...errorOnly(extra.score, at(total, { zh: "得分", en: "score" }), "budget", block.unit));
  }
  return findings;
}

export function checkExpenditureValues(table: ExpenditureTable): Finding[] {
  const findings: Finding[] = [];
  const columns = expenditureColumns(table).map((c) => ({
    column: c,
    name: expenditureColumnName(table, c),
  }));
  for (const row of table.rows) {
    let rowName: Name | null = null; // named lazily: almost every cell is fine
    for (const { column, name } of columns) {
      const cell = cellIn(row, column);
      if (
        !cell ||
        cell.parsed.kind === "none" ||
        (cell.parsed.kind === "amount" && !cell.parsed.fromText && cell.parsed.fen >= 0)
      ) {
        continue;
      }
      rowName ??= totalRowAware(row);
      findings.push(...amountCellFindings(cell, at(rowName, name), "expenditure", table.unit));
    }
  }
  return findings;
}

/** "合计行（合计）" reads better than "合计（合计）" when the row and the column share a name. */
function totalRowAware(row: ExpenditureTable["rows"][number]): Name {
  const name = expenditureRowName(row);
  return row.isTotal ? { zh: `${name.zh}行`, en: name.en } : name;
}

export function checkIndicatorValues(table: IndicatorsTable): Finding[] {
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
  const findings: Finding[] = [];
  for (const row of table.rows) {
    const indicator = isErrorValue(row.name.raw) ? `第 ${row.row + 1} 行` : quoteText(row.name.text);
    const indicatorEn = isErrorValue(row.name.raw) ? `row ${row.row + 1}` : quoteText(row.name.text);
    for (const { name, pick } of columns) {
      findings.push(...errorOnly(pick(row), at({ zh: indicator, en: indicatorEn }, name), "indicators"));
    }
  }
  return findings;
}
