/**
 * Builds recognised table models directly, laid out like a 自评表's indicator block, so the scorer can be tested apart
 * from the recogniser. Columns: A 一级 | B 二级 | C 三级指标 | D 计算符号 | E 计量单位 | F 年度指标值 | G 实际完成值 |
 * H 分值 | I 得分 | J 偏差原因分析及改进措施; header on row 4, data from row 5.
 */
import { parseAmount, type MoneyUnit } from "../../../src/engine/money";
import type { CellValue } from "../../../src/engine/snapshot";
import type {
  AmountCell,
  BudgetBlock,
  IndicatorRow,
  IndicatorsTable,
  RecognizedWorkbook,
  TextCell,
} from "../../../src/engine/tables";

export const SHEET = "绩效自评表";
const HEADER_ROW = 3;
const COL = {
  level1: 0,
  level2: 1,
  name: 2,
  operator: 3,
  unit: 4,
  target: 5,
  actual: 6,
  weight: 7,
  score: 8,
  reason: 9,
};

export function textCell(row: number, col: number, raw: CellValue, sheet = SHEET): TextCell {
  const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
  return { pos: { sheet, row, col }, raw, text };
}

export interface RowSpec {
  level1?: string;
  level2?: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  weight: number | null;
  /** The user's 得分 (the column exists only when some row gives this key). */
  score?: number | null;
  reason?: string;
  operator?: string;
  unit?: string;
}

export interface TableOptions {
  /** Force the 得分 / 偏差原因 / 计算符号 / 计量单位 columns on or off (default: on when a row uses them). */
  withScore?: boolean;
  withReason?: boolean;
  withOperator?: boolean;
  withUnit?: boolean;
}

export function indicatorsTable(specs: RowSpec[], options: TableOptions = {}): IndicatorsTable {
  const has = (key: keyof RowSpec, forced: boolean | undefined): boolean =>
    forced ?? specs.some((s) => s[key] !== undefined);
  const withScore = has("score", options.withScore);
  const withReason = has("reason", options.withReason);
  const withOperator = has("operator", options.withOperator);
  const withUnit = has("unit", options.withUnit);
  const header = (col: number, label: string): TextCell => textCell(HEADER_ROW, col, label);
  let level1 = "";
  let level2 = "";
  const rows: IndicatorRow[] = specs.map((s, i) => {
    const r = HEADER_ROW + 1 + i;
    level1 = s.level1 ?? level1;
    level2 = s.level2 ?? level2;
    const weightCell = textCell(r, COL.weight, s.weight);
    return {
      row: r,
      level1,
      level2,
      name: textCell(r, COL.name, s.name),
      target: textCell(r, COL.target, s.target),
      actual: textCell(r, COL.actual, s.actual),
      weight: { cell: weightCell, value: s.weight },
      ...(withScore
        ? { score: { cell: textCell(r, COL.score, s.score ?? null), value: s.score ?? null } }
        : {}),
      ...(withReason ? { reason: textCell(r, COL.reason, s.reason ?? "") } : {}),
      ...(withOperator ? { operator: textCell(r, COL.operator, s.operator ?? "") } : {}),
      ...(withUnit ? { unit: textCell(r, COL.unit, s.unit ?? "") } : {}),
    };
  });
  const last = HEADER_ROW + specs.length;
  return {
    kind: "indicators",
    sheet: SHEET,
    range: { top: HEADER_ROW, left: 0, bottom: last, right: COL.reason },
    headers: {
      level1: header(COL.level1, "一级指标"),
      level2: header(COL.level2, "二级指标"),
      name: header(COL.name, "三级指标"),
      target: header(COL.target, "年度指标值"),
      actual: header(COL.actual, "实际完成值"),
      weight: header(COL.weight, "分值"),
      ...(withScore ? { score: header(COL.score, "得分") } : {}),
      ...(withReason ? { reason: header(COL.reason, "偏差原因分析及改进措施") } : {}),
      ...(withOperator ? { operator: header(COL.operator, "计算符号") } : {}),
      ...(withUnit ? { unit: header(COL.unit, "计量单位") } : {}),
    },
    rows,
  };
}

function amountCell(sheet: string, row: number, col: number, raw: CellValue, unit: MoneyUnit): AmountCell {
  return { pos: { sheet, row, col }, raw, parsed: parseAmount(raw, unit) };
}

/** A budget block whose total row holds 全年预算数 and 全年执行数 as typed (in `unit`). */
export function budgetBlock(budget: CellValue, executed: CellValue, unit: MoneyUnit = "万元"): BudgetBlock {
  const sheet = "预算执行";
  return {
    kind: "budget",
    sheet,
    range: { top: 2, left: 0, bottom: 3, right: 3 },
    unit,
    columns: {
      initial: textCell(2, 1, "年初预算数", sheet),
      budget: textCell(2, 2, "全年预算数", sheet),
      executed: textCell(2, 3, "全年执行数", sheet),
    },
    total: {
      label: textCell(3, 0, "年度资金总额", sheet),
      cells: {
        initial: amountCell(sheet, 3, 1, budget, unit),
        budget: amountCell(sheet, 3, 2, budget, unit),
        executed: amountCell(sheet, 3, 3, executed, unit),
      },
    },
    sources: {},
    kinds: {},
  };
}

export function recognized(
  indicators: IndicatorsTable | null,
  budget: BudgetBlock | null = null,
): RecognizedWorkbook {
  return { budget, expenditures: [], indicators, info: null, tables: [] };
}

/** Pads a list of indicators with a filler row so the weights reach 90 (+10 for execution = 100). */
export function filler(weight: number): RowSpec {
  return {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "群众获得感",
    target: "达成",
    actual: "达成",
    weight,
  };
}
