/**
 * The budget execution block (domain.md §3.1): amount columns 年初预算数 / 全年预算数 / 全年执行数 and rows for the
 * total, each fund source and each spending kind, under a label column that may be two merged columns wide, with
 * group headings (按收入性质分) and, in the Hunan 自评表, the columns 分值 | 执行率 | 得分 beside the amounts.
 */
import { type MoneyUnit, parseAmount, toHalfWidth } from "../money";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  BudgetRow,
  CellPos,
  FundSource,
  SpendingKind,
  TextCell,
} from "../tables";
import { recognizeBudgetPairs } from "./budget-pairs";
import { recognizeTransposedBudget } from "./budget-transposed";
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
import { budgetUnitAmbiguity, readTableUnit } from "./unit";

const AMOUNT_COLUMNS: readonly BudgetColumn[] = ["initial", "budget", "executed"];
/** A block has a dozen rows; the search below its header never goes further than this. */
const MAX_BLOCK_ROWS = 120;
/** Unrecognised rows in a row (其中 sub-items, notes) tolerated before the block is taken to have ended. */
const MAX_UNKNOWN_RUN = 5;
/** When the label column has no header, labels are looked for this many columns left of the amounts. */
const BARE_LABEL_COLUMNS = 2;

export function recognizeBudget(view: SheetView, anchor: Anchor): BudgetBlock | null {
  // A row of "预算数 | 6.84 | 执行数 | 6.84" is a block of its own kind: its labels head no column. So is a block whose
  // 全年预算数(A) / 全年执行数(B) head rows and whose fund sources head columns (宁夏): tried when nothing else fits.
  return (
    recognizeBudgetPairs(view, anchor) ??
    recognizeColumnBudget(view, anchor) ??
    recognizeTransposedBudget(view, anchor)
  );
}

/** The usual block: amount columns under a header row, one row per total, source or kind. */
function recognizeColumnBudget(view: SheetView, anchor: Anchor): BudgetBlock | null {
  const header = detectHeader(view, anchor.row, anchor.col, BUDGET_HEADER);
  if (!header) return null;
  const amountCols = AMOUNT_COLUMNS.filter((c) => header.fields.has(c));
  if (amountCols.length === 0) return null;
  const firstAmountCol = Math.min(...amountCols.map((c) => header.fields.get(c)?.col ?? Infinity));
  const labelLeft =
    firstAmountCol > header.left ? header.left : Math.max(view.left, firstAmountCol - BARE_LABEL_COLUMNS);
  if (labelLeft >= firstAmountCol) return null;
  const unitRead = readTableUnit(view, header);
  const unit = unitRead.unit;
  const rows = readRows(view, header, unit, labelLeft, firstAmountCol);
  if (!rows.total) return null;
  const above = totalsAbove(view, header, unit, amountCols.includes("budget") ? "budget" : amountCols[0]);
  for (const t of above) {
    if (t.cls.role === "source") rows.sources[t.cls.source] ??= t.row;
    else if (t.cls.role === "kind") rows.kinds[t.cls.kind] ??= t.row;
  }
  const top = Math.min(header.top, ...above.map((t) => t.row.label.pos.row));
  const unitAmbiguity = budgetUnitAmbiguity(unitRead, unit, [
    rows.total?.row,
    ...Object.values(rows.sources),
    ...Object.values(rows.kinds),
  ]);
  const columns: Partial<Record<BudgetColumn, TextCell>> = {};
  for (const c of amountCols) {
    const h = header.fields.get(c);
    if (h) columns[c] = h.cell;
  }
  return {
    kind: "budget",
    sheet: view.name,
    range: {
      top,
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
    ...partRowPointsOf(view, header, rows),
    ...(unitAmbiguity ? { unitAmbiguity } : {}),
    ...executionWeightOf(view, header, rows.total.at),
    ...(Object.keys(rows.subtotals).length > 0 ? { subtotals: rows.subtotals } : {}),
  };
}

/** Rows above the header where "基本支出总额 | 864.2万" may stand. */
const TOTALS_ABOVE_ROWS = 2;

/**
 * "基本支出总额 | 864.2万 | 项目支出总额 | 0" written on the rows just above the block (湖北 塘湖, issue 11 §2): each
 * names a spending kind (or a fund source) and its 总额, the money allotted to it — the block's budget column (its
 * 年初预算数 when it has no 全年预算数). A row the block already has is not replaced.
 */
function totalsAbove(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  unit: MoneyUnit,
  column: BudgetColumn,
): { cls: BudgetRowClass; row: BudgetRow }[] {
  const out: { cls: BudgetRowClass; row: BudgetRow }[] = [];
  for (let r = header.top - 1; r >= Math.max(view.top, header.top - TOTALS_ABOVE_ROWS); r--) {
    if (isBlankRow(view, r, header.left, header.right)) break;
    for (let c = header.left; c < header.right; c++) {
      const v = view.raw(r, c);
      if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
      const norm = normalizeLabel(v);
      if (!norm.endsWith("总额")) continue;
      const cls = classifyBudgetRow(norm.slice(0, -"总额".length));
      if (!cls || (cls.role !== "kind" && cls.role !== "source")) continue;
      const amountCol = (view.merge(r, c)?.right ?? c) + 1;
      const amount = amountCell(view, r, amountCol, unit);
      if (amount.parsed.kind !== "amount") continue;
      out.push({ cls, row: { label: view.textCell(r, c), cells: { [column]: amount } } });
    }
  }
  return out;
}

/** "(20分)", "（10分）", "(20分*执行率)": points stated in a header label. */
const STATED_POINTS = /\((\d{1,3}(?:\.\d+)?)分/;

/** The execution score's points as the form gives them: the total row's 分值, else "(N分)" in the header rows. */
function executionWeightOf(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  totalRow: number,
): Pick<BudgetBlock, "executionWeight"> {
  const weight = header.fields.get("weight");
  if (weight) {
    const raw = view.raw(totalRow, weight.col);
    const points =
      typeof raw === "number" ? raw : typeof raw === "string" ? Number(toHalfWidth(raw).trim()) : NaN;
    if (typeof raw !== "string" || /^\s*\d+(?:\.\d+)?\s*$/.test(toHalfWidth(raw))) {
      if (Number.isFinite(points))
        return { executionWeight: { points, cell: view.pos(totalRow, weight.col) } };
    }
  }
  for (let r = header.top; r <= header.bottom; r++) {
    for (let c = view.left; c <= header.right; c++) {
      const v = view.raw(r, c);
      if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
      const m = STATED_POINTS.exec(toHalfWidth(v).replace(/\s+/g, ""));
      if (m) return { executionWeight: { points: Number(m[1]), cell: view.pos(r, c) } };
    }
  }
  return {};
}

interface ReadRows {
  total: { row: BudgetRow; at: number } | null;
  sources: Partial<Record<FundSource, BudgetRow>>;
  kinds: Partial<Record<SpendingKind, BudgetRow>>;
  subtotals: NonNullable<BudgetBlock["subtotals"]>;
  lastRow: number;
}

/** Which breakdown a heading opens: 按收入性质分 / 按资金来源分 the sources, 按支出性质分 the kinds. */
function breakdownOfHeading(label: string): "sources" | "kinds" | null {
  const norm = normalizeLabel(label);
  if (/收入|来源|资金/.test(norm)) return "sources";
  if (/支出/.test(norm)) return "kinds";
  return null;
}

function readRows(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  unit: MoneyUnit,
  labelLeft: number,
  firstAmountCol: number,
): ReadRows {
  const out: ReadRows = { total: null, sources: {}, kinds: {}, subtotals: {}, lastRow: header.bottom };
  let unknownRun = 0;
  let found = false;
  const end = Math.min(view.bottom, header.bottom + MAX_BLOCK_ROWS);
  for (let r = header.bottom + 1; r <= end; r++) {
    if (isBlankRow(view, r, labelLeft, header.right)) {
      if (found) break;
      continue;
    }
    if (holdsAmountHeader(view, header, r)) break; // the next block's header
    const label = rowLabel(view, r, labelLeft, firstAmountCol, unit);
    if (label.kind === "foreign") break;
    // A second breakdown written beside the first, in the amount columns ("按支出性质分：1925.67" under 全年执行数).
    const beside = labelledAmountsBeside(view, header, r, unit);
    if (label.kind === "unknown" && beside.length === 0) {
      if (++unknownRun > MAX_UNKNOWN_RUN) break;
      continue;
    }
    unknownRun = 0;
    const entries: { cls: BudgetRowClass; row: () => BudgetRow }[] = [];
    if (label.kind === "known") {
      const besideCols = new Set(beside.map((b) => b.col));
      entries.push({
        cls: label.cls,
        row: () => ({
          label: label.cell,
          cells:
            label.amount !== null ? { executed: label.amount } : amountsOf(view, header, r, unit, besideCols),
        }),
      });
    }
    for (const b of beside)
      entries.push({ cls: b.cls, row: () => ({ label: b.cell, cells: { executed: b.amount } }) });
    for (const { cls, row } of entries) {
      if (cls.role === "heading") {
        // A heading that states its breakdown's subtotal ("按支出性质分：1925.67"): kept, so the sum can name it.
        const r = row();
        const which = breakdownOfHeading(r.label.text);
        const amount = r.cells.executed;
        if (which && amount?.parsed.kind === "amount" && !out.subtotals[which]) out.subtotals[which] = amount;
        continue;
      }
      found = true;
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
  }
  return out;
}

/** "其中：一般公共预算：1325.68" → the label and the amount after its last colon (null when there is no amount). */
export function splitLabelAmount(text: string): { label: string; amount: string } | null {
  const t = toHalfWidth(text).trim();
  // Digits with thousands separators only in groups of three ("2,030.12"), as parseAmount reads them: ",0" is no amount.
  const m = /^(.*[^\s:])\s*:\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:亿元|万元|千元|元|万)?)$/.exec(
    t,
  );
  return m ? { label: m[1], amount: m[2] } : null;
}

/** The amount read out of a label, at the label's own cell; it belongs to the 全年执行数 column (issue 11 §2). */
function labelAmount(
  view: SheetView,
  row: number,
  col: number,
  amount: string,
  unit: MoneyUnit,
): AmountCell | null {
  const parsed = parseAmount(amount, unit);
  if (parsed.kind !== "amount") return null;
  // Not a number stored as text the accountant could convert: it is part of a label.
  return { pos: view.pos(row, col), raw: view.raw(row, col), parsed: { ...parsed, fromText: false } };
}

/** Cells in the amount columns that hold "label：amount" of a known budget row (a breakdown written beside another). */
function labelledAmountsBeside(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  row: number,
  unit: MoneyUnit,
): { cls: BudgetRowClass; cell: TextCell; amount: AmountCell; col: number }[] {
  const out: { cls: BudgetRowClass; cell: TextCell; amount: AmountCell; col: number }[] = [];
  for (const c of AMOUNT_COLUMNS) {
    const h = header.fields.get(c);
    if (!h) continue;
    const v = view.raw(row, h.col);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
    const split = splitLabelAmount(v);
    const cls = split ? classifyBudgetRow(normalizeLabel(split.label)) : null;
    if (!split || !cls) continue;
    const amount = labelAmount(view, row, h.col, split.amount, unit);
    if (amount || cls.role === "heading") {
      const placeholder = amount ?? { pos: view.pos(row, h.col), raw: v, parsed: { kind: "none" as const } };
      out.push({ cls, cell: view.textCell(row, h.col), amount: placeholder, col: h.col });
    }
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
  | {
      readonly kind: "known";
      readonly cls: BudgetRowClass;
      readonly cell: TextCell;
      /** An amount written in the label itself ("其他资金：585.62"), else null. */
      readonly amount: AmountCell | null;
    }
  | { readonly kind: "unknown" }
  | { readonly kind: "foreign" };

/**
 * The row's label, read right to left across the label columns so that "一般公共预算" wins over a group heading
 * merged down beside it. A label of another table (年度总体目标, 一级指标) means the block is over.
 */
function rowLabel(
  view: SheetView,
  row: number,
  labelLeft: number,
  firstAmountCol: number,
  unit: MoneyUnit,
): RowLabel {
  let foreign = false;
  for (let c = firstAmountCol - 1; c >= labelLeft; c--) {
    const v = view.raw(row, c);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
    // "其中：一般公共预算：1325.68" first: its stem would also match without the amount, and lose it.
    const split = splitLabelAmount(v);
    const inLabel = split ? classifyBudgetRow(normalizeLabel(split.label)) : null;
    if (split && inLabel) {
      const amount = labelAmount(view, row, c, split.amount, unit);
      return { kind: "known", cls: inLabel, cell: view.textCell(row, c), amount };
    }
    const norm = normalizeLabel(v);
    const cls = classifyBudgetRow(norm);
    if (cls) return { kind: "known", cls, cell: view.textCell(row, c), amount: null };
    if (isKnownLabel(norm)) foreign = true;
  }
  return foreign ? { kind: "foreign" } : { kind: "unknown" };
}

function amountsOf(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  row: number,
  unit: MoneyUnit,
  skipCols: ReadonlySet<number> = new Set(),
): Partial<Record<BudgetColumn, AmountCell>> {
  const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
  for (const c of AMOUNT_COLUMNS) {
    const h = header.fields.get(c);
    if (h && !skipCols.has(h.col)) cells[c] = amountCell(view, row, h.col, unit);
  }
  return cells;
}

/**
 * 分值 / 得分 typed again on the breakdown rows (贵州: 10 | 10 on 基本支出 and 项目支出 under the total's 10 | 10): only
 * the total row is the execution score. A merge down the block shows its value on every row but holds it once, so it
 * is not a repeat.
 */
function partRowPointsOf(
  view: SheetView,
  header: Header<BudgetHeaderField>,
  rows: ReadRows,
): Pick<BudgetBlock, "partRowPoints"> {
  const cols = (["weight", "score"] as const)
    .map((f) => header.fields.get(f)?.col)
    .filter((c): c is number => c !== undefined);
  if (cols.length === 0 || !rows.total) return {};
  const totalRow = rows.total.at;
  const partRows = [...Object.values(rows.sources), ...Object.values(rows.kinds)]
    .map((r) => r?.label.pos.row)
    .filter((r): r is number => r !== undefined && r > header.bottom && r !== totalRow);
  const cells: CellPos[] = [];
  for (const r of [...new Set(partRows)].sort((a, b) => a - b)) {
    for (const c of cols) {
      const m = view.merge(r, c);
      if (m && m.bottom > m.top) continue;
      const v = view.raw(r, c);
      if (typeof v === "number" || (typeof v === "string" && !/^[\s/／\-—–]*$/.test(v)))
        cells.push(view.pos(r, c));
    }
  }
  return cells.length > 0 ? { partRowPoints: cells } : {};
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
