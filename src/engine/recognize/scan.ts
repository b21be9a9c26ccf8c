/**
 * One pass over a sheet that notes every cell whose text is a known header or info label.
 * The recognisers start only from these anchors, so a 200,000-row table is walked once here and once when its rows
 * are read, never once per row.
 */
import { toHalfWidth } from "../money";
import type { InfoField } from "../tables";
import {
  BUDGET_HEADER,
  EXPENDITURE_HEADER,
  INDICATOR_HEADER,
  INFO_LABELS,
  LABEL_MAX_LENGTH,
  isBudgetAmountField,
  lookup,
  normalizeLabel,
} from "./labels";
import type { SheetView } from "./sheet-view";

export interface Anchor {
  readonly row: number;
  readonly col: number;
}

export interface InfoHit extends Anchor {
  readonly field: InfoField;
  /** The value written in the same cell after a colon ("预算部门名称：某某局"), when there is one. */
  readonly inline?: string;
}

export interface SheetScan {
  /** Cells naming a budget amount column (年初预算数, 全年预算数, 全年执行数 …), row-major. */
  readonly budget: readonly Anchor[];
  /** Cells naming an expenditure column, row-major. */
  readonly expenditure: readonly Anchor[];
  /** Cells naming an indicators column, row-major. */
  readonly indicators: readonly Anchor[];
  /** Department-information labels, row-major. */
  readonly info: readonly InfoHit[];
}

const DIGITS_ONLY = /^[0-9]+$/;

/** Only a short head of a cell is looked at for "label：value", so a huge narrative cell costs nothing. */
const INLINE_LABEL_HEAD = 24;

/** What one text says as a label: which header kinds it names, or which info field (with an inline value). */
interface TextHits {
  readonly budget: boolean;
  readonly expenditure: boolean;
  readonly indicators: boolean;
  readonly info: { readonly field: InfoField; readonly inline?: string } | null;
}

/** Distinct texts remembered per sheet; beyond this many, texts are classified afresh each time. */
const MEMO_LIMIT = 10_000;

export function scanSheet(view: SheetView): SheetScan {
  const budget: Anchor[] = [];
  const expenditure: Anchor[] = [];
  const indicators: Anchor[] = [];
  const info: InfoHit[] = [];
  // Subject names repeat down a 决算 export (行政运行, 一般行政管理事务 …): each distinct text is classified once.
  const memo = new Map<string, TextHits | null>();
  for (let i = 0; i < view.rowCount; i++) {
    const cells = view.rowAt(i);
    const row = view.top + i;
    for (let j = 0; j < cells.length; j++) {
      const v = cells[j];
      if (typeof v !== "string" || v.length === 0) continue;
      // Codes stored as text ("2010101") are most of a 决算 export's strings; digits alone are never a label (every
      // alias is Chinese, and a colon is needed for "label：value"), so they skip the normalising and the look-ups.
      if (DIGITS_ONLY.test(v)) continue;
      let hits = memo.get(v);
      if (hits === undefined) {
        hits = classify(v);
        if (memo.size < MEMO_LIMIT) memo.set(v, hits);
      }
      if (!hits) continue;
      const col = view.left + j;
      if (hits.budget) budget.push({ row, col });
      if (hits.expenditure) expenditure.push({ row, col });
      if (hits.indicators) indicators.push({ row, col });
      if (hits.info) info.push({ row, col, ...hits.info });
    }
  }
  return { budget, expenditure, indicators, info };
}

function classify(v: string): TextHits | null {
  let budget = false;
  let expenditure = false;
  let indicators = false;
  if (v.length <= LABEL_MAX_LENGTH) {
    const norm = normalizeLabel(v);
    const b = lookup(BUDGET_HEADER, norm);
    budget = b !== null && isBudgetAmountField(b);
    expenditure = lookup(EXPENDITURE_HEADER, norm) !== null;
    indicators = lookup(INDICATOR_HEADER, norm) !== null;
    const field = lookup(INFO_LABELS, norm);
    if (field) return { budget, expenditure, indicators, info: { field } };
  }
  const inline = inlineInfo(v);
  if (!budget && !expenditure && !indicators && !inline) return null;
  return { budget, expenditure, indicators, info: inline };
}

/** "预算部门名称：某某局" → department + "某某局". */
function inlineInfo(text: string): { field: InfoField; inline: string } | null {
  const raw = text.slice(0, INLINE_LABEL_HEAD);
  if (!raw.includes(":") && !raw.includes("：")) return null;
  const head = toHalfWidth(raw);
  const colon = head.indexOf(":");
  if (colon <= 0) return null;
  const field = lookup(INFO_LABELS, normalizeLabel(head.slice(0, colon)));
  if (!field) return null;
  const inline = untilNextLabel(text.slice(colon + 1));
  return inline === "" ? null : { field, inline };
}

/**
 * A title line often holds several "label：value" pairs ("单位名称：塘湖镇政府 填报日期：2021.5.18"): the value
 * stops where the next label begins (a space, then a short label and a colon).
 */
export function untilNextLabel(value: string): string {
  const half = toHalfWidth(value);
  const next = /\s+[^\s:]{1,10}:/.exec(half);
  // toHalfWidth keeps one character per character of the BMP text it maps, so the index holds in the original.
  return (next && half.length === value.length ? value.slice(0, next.index) : value).trim();
}
