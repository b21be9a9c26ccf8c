/**
 * The figures a workbook holds that a report's prose may state (文数一致): the budget block's amounts by source and by
 * nature in each column, the execution rate, the total score and grade, the execution score, and each indicator's
 * actual value and score — each with the cell it comes from (the computed ones with the cell the reader should look at).
 */
import { localized, type Localized } from "../i18n";
import type { MoneyUnit } from "../money";
import { FUND_SOURCE_LABELS, SPENDING_KIND_LABELS } from "../report/input";
import { fromNumber, ratio, type Ratio } from "../score/exact";
import { parseActual, parseUnitColumn, type Quantity } from "../score/target";
import type { Grade, ScoreResult } from "../score/types";
import type {
  BudgetColumn,
  BudgetRow,
  CellPos,
  FundSource,
  RecognizedWorkbook,
  SpendingKind,
} from "../tables";
import { FUND_SOURCES, SPENDING_KINDS } from "../tables";

/** What the check reads: an evaluation (src/engine/evaluate.ts) or any object with these two parts. */
export interface TextCheckInput {
  readonly recognized: RecognizedWorkbook;
  readonly score: ScoreResult | null;
  /** The evaluation year ("2023"); a figure the text gives for another year is not compared. */
  readonly year?: string;
}

export interface HeldAmount {
  readonly fen: number;
  /** The unit of the table the amount is in. */
  readonly unit: MoneyUnit;
  readonly cell: CellPos;
  /** "政府性基金预算 全年执行数". */
  readonly label: Localized;
}

export type BudgetKey = "total" | FundSource | SpendingKind;

export interface HeldNumber {
  readonly value: Ratio;
  readonly cell: CellPos | null;
  readonly label: Localized;
}

export interface HeldIndicator {
  readonly name: string;
  /** The actual value as a quantity, null when it is no number (a tier, missing). */
  readonly actual: Quantity | null;
  readonly actualWritten: string;
  readonly actualCell: CellPos;
  /** The rule's score and the cell to look at (the 得分 cell, else the name). */
  readonly score: Ratio;
  readonly scoreCell: CellPos;
}

export interface HeldFigures {
  readonly budget: ReadonlyMap<BudgetKey, Partial<Record<BudgetColumn, HeldAmount>>>;
  /** 预算执行率 in percent points. */
  readonly rate: HeldNumber | null;
  readonly total: HeldNumber | null;
  readonly executionScore: HeldNumber | null;
  readonly grade: { readonly grade: Grade; readonly cell: CellPos | null } | null;
  readonly indicators: readonly HeldIndicator[];
  /** Units the indicators' actual values are written in ("吨/小时"), so the prose's figures in them are read. */
  readonly units: readonly string[];
}

export const COLUMN_LABELS: Readonly<Record<BudgetColumn, Localized>> = {
  initial: localized("年初预算数", "initial budget"),
  budget: localized("全年预算数", "full-year budget"),
  executed: localized("全年执行数", "full-year execution"),
};

const TOTAL_LABEL = localized("年度资金总额", "Total funds");

function rowAmounts(
  row: BudgetRow | undefined,
  unit: MoneyUnit,
  name: Localized,
): Partial<Record<BudgetColumn, HeldAmount>> | null {
  if (!row) return null;
  const out: Partial<Record<BudgetColumn, HeldAmount>> = {};
  for (const column of ["initial", "budget", "executed"] as const) {
    const cell = row.cells[column];
    if (!cell || cell.parsed.kind !== "amount") continue;
    out[column] = {
      fen: cell.parsed.fen,
      unit,
      cell: cell.pos,
      label: localized(
        `${name["zh-CN"]}${COLUMN_LABELS[column]["zh-CN"]}`,
        `${name["en-US"].charAt(0).toLowerCase()}${name["en-US"].slice(1)}, ${COLUMN_LABELS[column]["en-US"]}`,
      ),
    };
  }
  return out;
}

export function heldFigures(input: TextCheckInput): HeldFigures {
  const rec = input.recognized;
  const budget = new Map<BudgetKey, Partial<Record<BudgetColumn, HeldAmount>>>();
  const block = rec.budget;
  if (block) {
    const total = rowAmounts(block.total, block.unit, TOTAL_LABEL);
    if (total) budget.set("total", total);
    for (const s of FUND_SOURCES) {
      const r = rowAmounts(block.sources[s], block.unit, localizedOf(FUND_SOURCE_LABELS[s]));
      if (r) budget.set(s, r);
    }
    for (const k of SPENDING_KINDS) {
      const r = rowAmounts(block.kinds[k], block.unit, localizedOf(SPENDING_KIND_LABELS[k]));
      if (r) budget.set(k, r);
    }
  }

  const score = input.score;
  const execution = score?.execution ?? null;
  const rateCell = block?.extra?.rate?.pos ?? block?.total.cells.executed?.pos ?? null;
  const rate =
    execution && execution.budgetFen !== null && execution.executedFen !== null && execution.budgetFen > 0
      ? {
          value: ratio(BigInt(execution.executedFen) * 100n, BigInt(execution.budgetFen)),
          cell: rateCell,
          label: localized("预算执行率", "the budget execution rate"),
        }
      : null;

  const typed = rec.typed;
  const anchor = rec.indicators?.headers.score?.pos ?? rec.indicators?.headers.weight.pos ?? null;
  const total = score
    ? {
        value: fromNumber(score.total) ?? ratio(0n),
        cell: typed?.total?.cell.pos ?? anchor,
        label: localized("总分", "the total score"),
      }
    : null;
  const grade = score ? { grade: score.grade, cell: typed?.grade?.cell.pos ?? anchor } : null;
  const executionScore =
    execution && rate
      ? {
          value: fromNumber(execution.score) ?? ratio(0n),
          cell: block?.extra?.score?.pos ?? rateCell,
          label: localized("预算执行率得分", "the execution score"),
        }
      : null;

  const indicators: HeldIndicator[] = [];
  const units = new Set<string>();
  const rows = new Map((rec.indicators?.rows ?? []).map((r) => [r.row, r]));
  for (const s of score?.indicators ?? []) {
    const row = rows.get(s.row);
    if (!row) continue;
    const parsed = parseActual(row.actual.raw, row.actual.text, parseUnitColumn(row.unit?.text));
    const actual = parsed.kind === "number" ? parsed.quantity : null;
    if (actual && actual.unit) units.add(actual.unit.replace(/^(亿|万|千)(?!元)/, ""));
    indicators.push({
      name: s.name,
      actual,
      actualWritten: row.actual.text,
      actualCell: row.actual.pos,
      score: fromNumber(s.score) ?? ratio(0n),
      scoreCell: row.score?.cell.pos ?? row.name.pos,
    });
  }
  return {
    budget,
    rate,
    total,
    executionScore,
    grade,
    indicators,
    units: [...units].filter((u) => !/^(亿元|万元|千元|元|%|‰)$/.test(u)),
  };
}

function localizedOf(labels: Readonly<Record<"zh-CN" | "en-US", string>>): Localized {
  return localized(labels["zh-CN"], labels["en-US"]);
}
