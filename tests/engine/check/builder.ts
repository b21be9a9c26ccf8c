/**
 * Builds recognised table models directly, laid out as on a sheet (a header row, then data rows below it), so the
 * checker can be tested without the recogniser. Every cell gets the absolute position it would have on the sheet.
 */
import { parseA1 } from "../../../src/engine/a1";
import { DEFAULT_UNIT, parseAmount, type MoneyUnit } from "../../../src/engine/money";
import { errorValue, type CellValue } from "../../../src/engine/snapshot";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  BudgetRow,
  ExpenditureRow,
  ExpenditureTable,
  FundSource,
  IndicatorRow,
  IndicatorsTable,
  RecognizedWorkbook,
  SpendingKind,
  SubjectLevel,
  TableSummary,
  TextCell,
} from "../../../src/engine/tables";

/** Strings like "#REF!", "#DIV/0!", "#N/A" stand for Excel error values, as in tests/helpers/grid.ts. */
function cellValue(v: CellValue): CellValue {
  return typeof v === "string" && /^#[A-Z/0]+[!?A]$/.test(v) ? errorValue(v) : v;
}

function textCell(sheet: string, row: number, col: number, value: CellValue): TextCell {
  const raw = cellValue(value);
  return {
    pos: { sheet, row, col },
    raw,
    text: typeof raw === "string" ? raw.trim() : raw === null ? "" : String(raw),
  };
}

function amountCell(sheet: string, row: number, col: number, value: CellValue, unit: MoneyUnit): AmountCell {
  const raw = cellValue(value);
  return { pos: { sheet, row, col }, raw, parsed: parseAmount(raw, unit) };
}

// ---------------------------------------------------------------- budget block

export type BudgetRole = "total" | FundSource | SpendingKind;

/** [role, label as written, one value per column]; a value left off means the block has no cell there. */
export type BudgetRowSpec = [BudgetRole, string, ...CellValue[]];

export interface BudgetSpec {
  sheet?: string;
  unit?: MoneyUnit;
  /** The top-left cell: the label column's header; amount column headers to its right (default "A4"). */
  at?: string;
  columns?: BudgetColumn[];
  headers?: Partial<Record<BudgetColumn, string>>;
  rows: BudgetRowSpec[];
}

const BUDGET_HEADERS: Record<BudgetColumn, string> = {
  initial: "年初预算数",
  budget: "全年预算数",
  executed: "全年执行数",
};
const SOURCES = new Set<string>([
  "general",
  "govFund",
  "stateCapital",
  "socialInsurance",
  "specialAccount",
  "other",
]);

export function budgetBlock(spec: BudgetSpec): BudgetBlock {
  const sheet = spec.sheet ?? "预算执行";
  const unit = spec.unit ?? DEFAULT_UNIT;
  const origin = parseA1(spec.at ?? "A4");
  const columnKeys = spec.columns ?? ["initial", "budget", "executed"];
  const columns: Partial<Record<BudgetColumn, TextCell>> = {};
  columnKeys.forEach((c, i) => {
    columns[c] = textCell(sheet, origin.row, origin.col + 1 + i, spec.headers?.[c] ?? BUDGET_HEADERS[c]);
  });
  let total: BudgetRow | null = null;
  const sources: Partial<Record<FundSource, BudgetRow>> = {};
  const kinds: Partial<Record<SpendingKind, BudgetRow>> = {};
  spec.rows.forEach(([role, label, ...values], i) => {
    const row = origin.row + 1 + i;
    const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
    values.forEach((v, j) => {
      cells[columnKeys[j]] = amountCell(sheet, row, origin.col + 1 + j, v, unit);
    });
    const budgetRow: BudgetRow = { label: textCell(sheet, row, origin.col, label), cells };
    if (role === "total") total = budgetRow;
    else if (SOURCES.has(role)) sources[role as FundSource] = budgetRow;
    else kinds[role as SpendingKind] = budgetRow;
  });
  if (!total) throw new Error("a budget block needs a total row");
  const width = columnKeys.length;
  return {
    kind: "budget",
    sheet,
    range: {
      top: origin.row,
      left: origin.col,
      bottom: origin.row + spec.rows.length,
      right: origin.col + width,
    },
    unit,
    columns,
    total,
    sources,
    kinds,
  };
}

// ---------------------------------------------------------------- expenditure table

/** [科目编码 (null on the 合计 row), 科目名称, 合计, one value per part column]. */
export type ExpenditureRowSpec = [string | null, string, ...CellValue[]];

export interface ExpenditureSpec {
  sheet?: string;
  unit?: MoneyUnit;
  /** The 科目编码 header cell; 科目名称, 合计 and the part columns follow to its right (default "A5"). */
  at?: string;
  parts?: SpendingKind[];
  headers?: Partial<Record<"total" | SpendingKind, string>>;
  rows: ExpenditureRowSpec[];
}

const EXPENDITURE_HEADERS: Record<"total" | SpendingKind, string> = {
  total: "合计",
  basic: "基本支出",
  project: "项目支出",
  remitted: "上缴上级支出",
  business: "经营支出",
  subsidiary: "对附属单位补助支出",
};

const LEVEL_BY_LENGTH: Record<number, SubjectLevel> = { 3: 1, 5: 2, 7: 3 };

export function expenditureTable(spec: ExpenditureSpec): ExpenditureTable {
  const sheet = spec.sheet ?? "支出决算表";
  const unit = spec.unit ?? DEFAULT_UNIT;
  const origin = parseA1(spec.at ?? "A5");
  const parts = spec.parts ?? ["basic", "project"];
  const totalCol = origin.col + 2;
  const partColumns: Partial<Record<SpendingKind, TextCell>> = {};
  parts.forEach((k, i) => {
    partColumns[k] = textCell(
      sheet,
      origin.row,
      totalCol + 1 + i,
      spec.headers?.[k] ?? EXPENDITURE_HEADERS[k],
    );
  });
  const rows: ExpenditureRow[] = spec.rows.map(([code, name, total, ...values], i) => {
    const row = origin.row + 1 + i;
    const rowParts: Partial<Record<SpendingKind, AmountCell>> = {};
    values.forEach((v, j) => {
      rowParts[parts[j]] = amountCell(sheet, row, totalCol + 1 + j, v, unit);
    });
    return {
      row,
      code,
      name: textCell(sheet, row, origin.col + 1, name),
      level: code ? (LEVEL_BY_LENGTH[code.length] ?? null) : null,
      isTotal: code === null && /^(合\s*计|总\s*计|本年支出合计)$/.test(name.trim()),
      total: amountCell(sheet, row, totalCol, total ?? null, unit),
      parts: rowParts,
    };
  });
  return {
    kind: "expenditure",
    sheet,
    range: {
      top: origin.row,
      left: origin.col,
      bottom: origin.row + spec.rows.length,
      right: totalCol + parts.length,
    },
    unit,
    totalColumn: textCell(sheet, origin.row, totalCol, spec.headers?.total ?? EXPENDITURE_HEADERS.total),
    partColumns,
    rows,
  };
}

// ---------------------------------------------------------------- indicators table

/** [三级指标, 年度指标值, 实际完成值, 分值]. */
export type IndicatorRowSpec = [CellValue, CellValue, CellValue, CellValue];

export function indicatorsTable(spec: {
  sheet?: string;
  at?: string;
  rows: IndicatorRowSpec[];
}): IndicatorsTable {
  const sheet = spec.sheet ?? "绩效指标";
  const origin = parseA1(spec.at ?? "A3");
  const col = origin.col;
  const rows: IndicatorRow[] = spec.rows.map(([name, target, actual, weight], i) => {
    const row = origin.row + 1 + i;
    const weightCell = textCell(sheet, row, col + 3, weight);
    return {
      row,
      level1: "产出指标",
      level2: "数量指标",
      name: textCell(sheet, row, col, name),
      target: textCell(sheet, row, col + 1, target),
      actual: textCell(sheet, row, col + 2, actual),
      weight: { cell: weightCell, value: typeof weightCell.raw === "number" ? weightCell.raw : null },
    };
  });
  return {
    kind: "indicators",
    sheet,
    range: { top: origin.row, left: col, bottom: origin.row + spec.rows.length, right: col + 3 },
    headers: {
      name: textCell(sheet, origin.row, col, "三级指标"),
      target: textCell(sheet, origin.row, col + 1, "年度指标值"),
      actual: textCell(sheet, origin.row, col + 2, "实际完成值"),
      weight: textCell(sheet, origin.row, col + 3, "分值"),
    },
    rows,
  };
}

// ---------------------------------------------------------------- workbook

export function recognized(parts: {
  budget?: BudgetBlock;
  expenditures?: ExpenditureTable[];
  indicators?: IndicatorsTable;
}): RecognizedWorkbook {
  const budget = parts.budget ?? null;
  const expenditures = parts.expenditures ?? [];
  const indicators = parts.indicators ?? null;
  const tables: TableSummary[] = [];
  if (budget) tables.push({ kind: "budget", sheet: budget.sheet, range: budget.range, unit: budget.unit });
  for (const t of expenditures)
    tables.push({ kind: "expenditure", sheet: t.sheet, range: t.range, unit: t.unit });
  if (indicators) tables.push({ kind: "indicators", sheet: indicators.sheet, range: indicators.range });
  return { budget, expenditures, indicators, info: null, tables };
}
