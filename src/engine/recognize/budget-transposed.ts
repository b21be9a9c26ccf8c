/**
 * The fund block turned on its side (宁夏 项目 form): the amount kinds head the rows (全年预算数(A) / 全年执行数(B) /
 * 执行率(B/A), in one label column) and the total and its fund sources head the columns (年度资金总额 | 其中 中央补助 |
 * 自治区补助 | 市县资金, the sources under a merged 其中). Each column becomes one budget row, so the rules read it like
 * any other block.
 */
import type { AmountCell, BudgetBlock, BudgetColumn, BudgetRow, FundSource, TextCell } from "../tables";
import { amountCell } from "./cells";
import {
  BUDGET_HEADER,
  LABEL_MAX_LENGTH,
  classifyBudgetRow,
  classifyLevelSource,
  isBlank,
  isBudgetAmountField,
  lookup,
  normalizeLabel,
} from "./labels";
import type { Anchor } from "./scan";
import type { SheetView } from "./sheet-view";
import { budgetUnitAmbiguity, readTableUnit } from "./unit";

/** The row labels stand on consecutive rows: 年初预算数?, 全年预算数, 全年执行数, 执行率? — four at most. */
const MAX_LABEL_ROWS = 4;
/** A column's head stands within this many rows above the first amount row (a merged 其中 above the sources). */
const HEAD_ROWS = 3;
/** How far right of the row labels the total and source columns may reach. */
const MAX_COLUMNS = 12;

type Head = { readonly cell: TextCell } & (
  { readonly role: "total" } | { readonly role: "source"; readonly source: FundSource }
);

/**
 * The block whose first amount-kind row label is the anchor, or null. It needs a 全年预算数 row and a 全年执行数 row
 * in the anchor's column, and a 年度资金总额 column head above them: a 中央补助 written elsewhere on the sheet, or a
 * lone 全年预算数 label, is not such a block.
 */
export function recognizeTransposedBudget(view: SheetView, anchor: Anchor): BudgetBlock | null {
  const labelCol = anchor.col;
  const rows = new Map<BudgetColumn, number>();
  const labels: Partial<Record<BudgetColumn, TextCell>> = {};
  let rateRow: number | null = null;
  let lastRow = anchor.row;
  for (let r = anchor.row; r <= Math.min(view.bottom, anchor.row + MAX_LABEL_ROWS - 1); r++) {
    const v = view.raw(r, labelCol);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) break;
    const field = lookup(BUDGET_HEADER, normalizeLabel(v));
    if (field !== null && isBudgetAmountField(field) && !rows.has(field)) {
      rows.set(field, r);
      labels[field] = view.textCell(r, labelCol);
    } else if (field === "rate" && rateRow === null) {
      rateRow = r;
    } else {
      break;
    }
    lastRow = r;
  }
  // The anchor is the block's first row label; the executed row's own anchor would only find a part of it.
  if (!rows.has("budget") || !rows.has("executed")) return null;
  if (Math.min(...rows.values()) !== anchor.row) return null;

  const labelMerge = view.merge(anchor.row, labelCol);
  const labelRight = labelMerge?.right ?? labelCol;
  const heads = new Map<number, Head>();
  let headTop = anchor.row;
  for (let c = labelRight + 1; c <= Math.min(view.right, labelRight + MAX_COLUMNS); c++) {
    const head = headOf(view, anchor.row, c);
    if (!head) continue;
    heads.set(c, head);
    headTop = Math.min(headTop, head.cell.pos.row);
  }
  const totalCol = [...heads].find(([, h]) => h.role === "total")?.[0];
  if (totalCol === undefined) return null;
  const right = Math.max(...heads.keys());

  const unitRead = readTableUnit(view, { top: headTop, bottom: anchor.row - 1, left: labelCol, right });
  const unit = unitRead.unit;
  const rowOf = (c: number, head: Head): BudgetRow => {
    const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
    for (const [column, r] of rows) cells[column] = amountCell(view, r, c, unit);
    return { label: head.cell, cells };
  };
  const total = rowOf(totalCol, heads.get(totalCol) as Head);
  const sources: Partial<Record<FundSource, BudgetRow>> = {};
  for (const [c, head] of heads) {
    if (head.role === "source") sources[head.source] ??= rowOf(c, head);
  }
  const all = [total, ...Object.values(sources)];
  // Heads over empty columns only are a form's blank template, not a filing's figures.
  if (!all.some((row) => Object.values(row.cells).some((cell) => cell?.parsed.kind === "amount")))
    return null;
  const unitAmbiguity = budgetUnitAmbiguity(unitRead, unit, all);
  const rate = rateRow !== null && !isBlank(view.raw(rateRow, totalCol)) ? rateRow : null;
  return {
    kind: "budget",
    sheet: view.name,
    range: { top: headTop, left: labelMerge?.left ?? labelCol, bottom: lastRow, right },
    unit,
    columns: labels,
    total,
    sources,
    kinds: {},
    ...(rate !== null ? { extra: { rate: view.textCell(rate, totalCol) } } : {}),
    ...(unitAmbiguity ? { unitAmbiguity } : {}),
  };
}

/** The nearest text above the first amount row in a column, when it names the total or a fund source. */
function headOf(view: SheetView, firstRow: number, col: number): Head | null {
  for (let r = firstRow - 1; r >= Math.max(view.top, firstRow - HEAD_ROWS); r--) {
    const at = view.anchor(r, col);
    // A merge spanning several columns (其中 over the sources) heads none of them alone: look above it no further.
    const m = view.merge(r, col);
    const v = view.raw(at.row, at.col);
    if (isBlank(v)) continue;
    if (m && m.right > m.left) return null;
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) return null;
    const norm = normalizeLabel(v);
    const cell = view.textCell(at.row, at.col);
    const level = classifyLevelSource(norm);
    if (level) return { cell, role: "source", source: level };
    const cls = classifyBudgetRow(norm);
    if (cls?.role === "total") return { cell, role: "total" };
    if (cls?.role === "source") return { cell, role: "source", source: cls.source };
    return null;
  }
  return null;
}
