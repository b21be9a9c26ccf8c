/**
 * Header detection: from one anchor label, find the header's rows (one or two, with merges) and which column holds
 * which field. A two-row header is a group label merged across columns above the column labels (a merged "本年支出"
 * above "合计 | 基本支出 | 项目支出"), while the columns without a group are merged down across both rows.
 */
import { parseAmount } from "../money";
import type { TextCell } from "../tables";
import { type AliasTable, isBlank, lookup, normalizeLabel } from "./labels";
import type { SheetView } from "./sheet-view";

export interface HeaderColumn {
  readonly col: number;
  /** The cell holding the label that named the column (a merge's top-left). */
  readonly cell: TextCell;
}

export interface Header<F extends string> {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** The first (leftmost) column of each field found. */
  readonly fields: ReadonlyMap<F, HeaderColumn>;
  /**
   * Further columns naming a field already found, left to right (a 河北 form heads its description column 指标分值 and
   * its weights 权重占比): a recogniser may prefer one of them when the first holds no values of that kind.
   */
  readonly others?: ReadonlyMap<F, readonly HeaderColumn[]>;
}

/** Labels written above a group of column labels. */
const GROUP_LABELS = new Set(
  [
    "绩效指标",
    "本年支出",
    "本年支出数",
    "支出功能分类科目",
    "功能分类科目",
    "科目",
    "项目",
    "预算执行情况",
    "年度预算执行",
  ].map(normalizeLabel),
);

/** A header is never wider than this; it bounds the work on pathological rows. */
const MAX_HEADER_WIDTH = 256;

/**
 * The header around the anchor cell, choosing among the anchor row alone and the two-row headers that include it,
 * whichever names the most fields. On a tie the upper row joins the header only when it reads as group labels
 * ("绩效指标", "本年支出"), not as a title.
 */
export function detectHeader<F extends string>(
  view: SheetView,
  anchorRow: number,
  anchorCol: number,
  table: AliasTable<F>,
): Header<F> | null {
  const options: [number, number][] = [[anchorRow, anchorRow]];
  if (anchorRow - 1 >= view.top) options.push([anchorRow - 1, anchorRow]);
  if (anchorRow + 1 <= view.bottom) options.push([anchorRow, anchorRow + 1]);
  let best: Header<F> | null = null;
  for (const [upper, lower] of options) {
    const left = extentEdge(view, upper, lower, anchorCol, -1);
    const right = extentEdge(view, upper, lower, anchorCol, +1);
    if (upper !== lower && !isTwoRowHeader(view, upper, lower, left, right, table)) continue;
    const { fields, others } = assignFields(view, upper, lower, left, right, table);
    const better =
      !best ||
      fields.size > best.fields.size ||
      (fields.size === best.fields.size &&
        upper < best.top &&
        isGroupRow(view, upper, lower, left, right, table));
    if (better)
      best = { top: upper, bottom: lower, left, right, fields, ...(others.size > 0 ? { others } : {}) };
  }
  if (!best || best.fields.size === 0) return null;
  return stretchOverMerges(view, best);
}

/** How far the header reaches from the anchor: while some header row shows a value in the next column. */
function extentEdge(view: SheetView, upper: number, lower: number, col: number, step: 1 | -1): number {
  let edge = col;
  for (let n = 0; n < MAX_HEADER_WIDTH; n++) {
    const next = edge + step;
    if (next < view.left || next > view.right) break;
    let filled = false;
    for (let r = upper; r <= lower && !filled; r++) filled = !isBlank(view.shown(r, next));
    if (!filled) break;
    edge = next;
  }
  return edge;
}

/**
 * Two rows form one header when the lower row holds no amounts and names a field under a group label merged across
 * columns (or under nothing), so a title row or a data row is never taken for half a header.
 */
function isTwoRowHeader<F extends string>(
  view: SheetView,
  upper: number,
  lower: number,
  left: number,
  right: number,
  table: AliasTable<F>,
): boolean {
  let grouped = false;
  for (let c = left; c <= right; c++) {
    const raw = view.raw(lower, c);
    if (typeof raw === "number") return false;
    if (typeof raw === "string" && parseAmount(raw, "元").kind === "amount") return false;
    if (grouped) continue;
    if (mergedAcrossBoth(view, upper, lower, c)) continue;
    const upperMerge = view.merge(upper, c);
    if (!lookup(table, normalizeLabel(view.shownText(lower, c)))) continue;
    const upperEmpty = isBlank(view.shown(upper, c));
    grouped = upperEmpty || (upperMerge !== undefined && upperMerge.right > upperMerge.left);
  }
  return grouped;
}

/**
 * A column without a group label: one merge covers its cell in both header rows, so it is one label, not a group
 * label above a column label.
 */
function mergedAcrossBoth(view: SheetView, upper: number, lower: number, col: number): boolean {
  const m = view.merge(upper, col);
  return m !== undefined && m === view.merge(lower, col);
}

/** An upper row of group labels: every text of its own (not merged down from above) is a known label. */
function isGroupRow<F extends string>(
  view: SheetView,
  upper: number,
  lower: number,
  left: number,
  right: number,
  table: AliasTable<F>,
): boolean {
  let groups = 0;
  for (let c = left; c <= right; c++) {
    if (mergedAcrossBoth(view, upper, lower, c)) continue;
    const m = view.merge(upper, c);
    if (m && c > Math.max(m.left, left)) continue; // already judged at the merge's first column
    const text = view.shownText(upper, c);
    if (text === "") continue;
    const norm = normalizeLabel(text);
    if (!GROUP_LABELS.has(norm) && !lookup(table, norm)) return false;
    groups++;
  }
  return groups > 0;
}

function assignFields<F extends string>(
  view: SheetView,
  upper: number,
  lower: number,
  left: number,
  right: number,
  table: AliasTable<F>,
): { fields: Map<F, HeaderColumn>; others: Map<F, HeaderColumn[]> } {
  const fields = new Map<F, HeaderColumn>();
  const others = new Map<F, HeaderColumn[]>();
  for (let c = left; c <= right; c++) {
    const hit = fieldOfColumn(view, upper, lower, c, table);
    if (!hit) continue;
    const column = { col: c, cell: view.textCell(hit.row, hit.col) };
    if (!fields.has(hit.field)) fields.set(hit.field, column);
    else others.set(hit.field, [...(others.get(hit.field) ?? []), column]);
  }
  if (upper !== lower) assignGroupValueColumns(view, upper, lower, left, right, table, fields);
  return { fields, others };
}

/**
 * A group label that itself names a field, over sub-columns of which exactly one has no label of its own: that one
 * holds the field's values (河北: "预期指标值" over 符号 | (none) | 单位, the target standing between its operator and
 * its unit). Only a field no column has named yet is taken so, so no header read before changes.
 */
function assignGroupValueColumns<F extends string>(
  view: SheetView,
  upper: number,
  lower: number,
  left: number,
  right: number,
  table: AliasTable<F>,
  fields: Map<F, HeaderColumn>,
): void {
  for (let c = left; c <= right; c++) {
    const m = view.merge(upper, c);
    if (!m || m.right <= m.left || m.left !== c || m.bottom >= lower) continue;
    const field = lookup(table, normalizeLabel(view.shownText(upper, c)));
    if (!field || fields.has(field)) continue;
    const unlabelled: number[] = [];
    let labelled = 0;
    for (let sub = Math.max(m.left, left); sub <= Math.min(m.right, right); sub++) {
      if (view.shownText(lower, sub) === "") unlabelled.push(sub);
      else labelled++;
    }
    if (unlabelled.length === 1 && labelled > 0)
      fields.set(field, { col: unlabelled[0], cell: view.textCell(m.top, m.left) });
  }
}

/**
 * The field a header column names: its own (lower) label first, then the group and the label read together
 * ("本年支出" + "合计"), then an upper label standing alone over an empty lower cell.
 */
function fieldOfColumn<F extends string>(
  view: SheetView,
  upper: number,
  lower: number,
  col: number,
  table: AliasTable<F>,
): { field: F; row: number; col: number } | null {
  const lowerAt = view.anchor(lower, col);
  const lowerText = view.shownText(lower, col);
  const own = lookup(table, normalizeLabel(lowerText));
  if (own) return { field: own, ...lowerAt };
  if (upper === lower) return null;
  if (mergedAcrossBoth(view, upper, lower, col)) return null;
  const upperMerge = view.merge(upper, col);
  const upperText = view.shownText(upper, col);
  if (upperText === "") return null;
  if (lowerText !== "") {
    const joined = lookup(table, normalizeLabel(upperText + lowerText));
    return joined ? { field: joined, ...lowerAt } : null;
  }
  if (upperMerge && upperMerge.right > upperMerge.left) return null; // a group label is not a column of its own
  const alone = lookup(table, normalizeLabel(upperText));
  return alone ? { field: alone, ...view.anchor(upper, col) } : null;
}

/** A field label merged down past the chosen rows belongs to the header too (anchor found on the lower row). */
function stretchOverMerges<F extends string>(view: SheetView, header: Header<F>): Header<F> {
  let top = header.top;
  let bottom = header.bottom;
  for (const { col } of header.fields.values()) {
    for (const r of [header.top, header.bottom]) {
      const m = view.merge(r, col);
      if (!m) continue;
      if (m.top < top && header.top - m.top <= 2) top = m.top;
      if (m.bottom > bottom && m.bottom - header.bottom <= 2) bottom = m.bottom;
    }
  }
  return top === header.top && bottom === header.bottom ? header : { ...header, top, bottom };
}
