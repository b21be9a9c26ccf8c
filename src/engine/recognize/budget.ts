/**
 * The budget execution block (domain.md §3.1): amount columns 年初预算数 / 全年预算数 / 全年执行数 and rows for the
 * total, each fund source and each spending kind, under a label column that may be two merged columns wide, with
 * group headings (按收入性质分) and, in the Hunan 自评表, the columns 分值 | 执行率 | 得分 beside the amounts.
 */
import type { MoneyUnit } from "../money";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  BudgetRow,
  FundSource,
  SpendingKind,
  TextCell,
} from "../tables";
import { amountCell, isBlankRow } from "./cells";
import { type Header, detectHeader } from "./header";
import {
  BUDGET_HEADER,
  type BudgetHeaderField,
  type BudgetRowClass,
  classifyBudgetRow,
  isBudgetAmountField,
  lookup,
  isKnownLabel,
  LABEL_MAX_LENGTH,
  normalizeLabel,
} from "./labels";
import type { Anchor } from "./scan";
import type { SheetView } from "./sheet-view";
import { tableUnit } from "./unit";

const AMOUNT_COLUMNS: readonly BudgetColumn[] = ["initial", "budget", "executed"];
/** A block has a dozen rows; the search below its header never goes further than this. */
const MAX_BLOCK_ROWS = 120;
/** Unrecognised rows in a row (其中 sub-items, notes) tolerated before the block is taken to have ended. */
const MAX_UNKNOWN_RUN = 5;
/** When the label column has no header, labels are looked for this many columns left of the amounts. */
const BARE_LABEL_COLUMNS = 2;

export function recognizeBudget(view: SheetView, anchor: Anchor): BudgetBlock | null {
  const header = detectHeader(view, anchor.row, anchor.col, BUDGET_HEADER);
  if (!header) return null;
  const amountCols = AMOUNT_COLUMNS.filter((c) => header.fields.has(c));
  if (amountCols.length === 0) return null;
  const firstAmountCol = Math.min(...amountCols.map((c) => header.fields.get(c)?.col ?? Infinity));
  const labelLeft =
    firstAmountCol > header.left ? header.left : Math.max(view.left, firstAmountCol - BARE_LABEL_COLUMNS);
  if (labelLeft >= firstAmountCol) return null;
  const unit = tableUnit(view, header);
  const rows = readRows(view, header, unit, labelLeft, firstAmountCol);
  if (!rows.total) return null;
  const columns: Partial<Record<BudgetColumn, TextCell>> = {};
  for (const c of amountCols) {
    const h = header.fields.get(c);
    if (h) columns[c] = h.cell;
  }
  return {
    kind: "budget",
    sheet: view.name,
    range: {
      top: header.top,
      left: Math.min(labelLeft, header.left),
      bottom: rows.lastRow,
      right: header.right,
    },
    unit,
    columns,
    total: rows.total.row,
    sources: rows.sources,
    kinds: rows.kinds,
    ...extraOf(view, header, rows.total.at, unit),
  };
}

interface ReadRows {
  total: { row: BudgetRow; at: number } | null;
  sources: Partial<Record<FundSource, BudgetRow>>;
  kinds: Partial<Record<SpendingKind, BudgetRow>>;
  lastRow: number;
}

function readRows(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  unit: MoneyUnit,
  labelLeft: number,
  firstAmountCol: number,
): ReadRows {
  const out: ReadRows = { total: null, sources: {}, kinds: {}, lastRow: header.bottom };
  let unknownRun = 0;
  let found = false;
  const end = Math.min(view.bottom, header.bottom + MAX_BLOCK_ROWS);
  for (let r = header.bottom + 1; r <= end; r++) {
    if (isBlankRow(view, r, labelLeft, header.right)) {
      if (found) break;
      continue;
    }
    if (holdsAmountHeader(view, header, r)) break; // the next block's header
    const label = rowLabel(view, r, labelLeft, firstAmountCol);
    if (label.kind === "foreign") break;
    if (label.kind === "unknown") {
      if (++unknownRun > MAX_UNKNOWN_RUN) break;
      continue;
    }
    unknownRun = 0;
    const cls = label.cls;
    if (cls.role === "heading") continue;
    found = true;
    const row = (): BudgetRow => ({ label: label.cell, cells: amountsOf(view, header, r, unit) });
    if (cls.role === "total") {
      if (out.total) continue; // a second 合计 further down belongs to something else
      out.total = { row: row(), at: r };
    } else if (cls.role === "source") {
      if (out.sources[cls.source]) continue;
      out.sources[cls.source] = row();
    } else {
      if (out.kinds[cls.kind]) continue;
      out.kinds[cls.kind] = row();
    }
    out.lastRow = r;
  }
  return out;
}

function holdsAmountHeader(view: SheetView, header: Header<BudgetHeaderField>, row: number): boolean {
  for (const c of AMOUNT_COLUMNS) {
    const h = header.fields.get(c);
    const v = h ? view.raw(row, h.col) : null;
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
    const field = lookup(BUDGET_HEADER, normalizeLabel(v));
    if (field && isBudgetAmountField(field)) return true;
  }
  return false;
}

type RowLabel =
  | { readonly kind: "known"; readonly cls: BudgetRowClass; readonly cell: TextCell }
  | { readonly kind: "unknown" }
  | { readonly kind: "foreign" };

/**
 * The row's label, read right to left across the label columns so that "一般公共预算" wins over a group heading
 * merged down beside it. A label of another table (年度总体目标, 一级指标) means the block is over.
 */
function rowLabel(view: SheetView, row: number, labelLeft: number, firstAmountCol: number): RowLabel {
  let foreign = false;
  for (let c = firstAmountCol - 1; c >= labelLeft; c--) {
    const v = view.raw(row, c);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
    const norm = normalizeLabel(v);
    const cls = classifyBudgetRow(norm);
    if (cls) return { kind: "known", cls, cell: view.textCell(row, c) };
    if (isKnownLabel(norm)) foreign = true;
  }
  return foreign ? { kind: "foreign" } : { kind: "unknown" };
}

function amountsOf(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  row: number,
  unit: MoneyUnit,
): Partial<Record<BudgetColumn, AmountCell>> {
  const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
  for (const c of AMOUNT_COLUMNS) {
    const h = header.fields.get(c);
    if (h) cells[c] = amountCell(view, row, h.col, unit);
  }
  return cells;
}

/** 分值 | 执行率 | 得分 of the Hunan 自评表 stand on the total row (often merged down the block). */
function extraOf(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  totalRow: number,
  unit: MoneyUnit,
): Pick<BudgetBlock, "extra"> {
  const weight = header.fields.get("weight");
  const rate = header.fields.get("rate");
  const score = header.fields.get("score");
  if (!weight && !rate && !score) return {};
  return {
    extra: {
      ...(weight ? { weight: amountCell(view, totalRow, weight.col, unit) } : {}),
      ...(rate ? { rate: view.textCell(totalRow, rate.col) } : {}),
      ...(score ? { score: view.textCell(totalRow, score.col) } : {}),
    },
  };
}
