/**
 * Department information (domain.md §3.4): label/value pairs such as 部门名称 | 某某局. The value is the first filled
 * cell to the right of the label, else the cell below it, else the text after a colon in the label's own cell
 * ("预算部门名称：某某局"). A cell that is itself a label is never a value ("年度总体目标 | 预期目标 | 实际完成情况"
 * with the texts on the row below).
 */
import type { CellRange } from "../snapshot";
import type { InfoBlock, InfoField, TextCell } from "../tables";
import { LABEL_MAX_LENGTH, isBlank, isKnownLabel, normalizeLabel } from "./labels";
import type { InfoHit } from "./scan";
import type { SheetView } from "./sheet-view";

/** How far right of a label its value may stand. */
const MAX_VALUE_DISTANCE = 64;

export interface InfoPair {
  readonly field: InfoField;
  readonly label: TextCell;
  readonly value: TextCell;
}

/** The pair a label hit stands for, or null when no value can be found for it. */
export function readInfoPair(view: SheetView, hit: InfoHit): InfoPair | null {
  const label = view.textCell(hit.row, hit.col);
  if (hit.inline !== undefined) {
    const colon = label.text.search(/[:：]/);
    const labelText = colon > 0 ? label.text.slice(0, colon).trim() : label.text;
    return { field: hit.field, label: { ...label, text: labelText }, value: { ...label, text: hit.inline } };
  }
  const area = view.merge(hit.row, hit.col) ?? {
    top: hit.row,
    left: hit.col,
    bottom: hit.row,
    right: hit.col,
  };
  const value = valueRightOf(view, area) ?? valueBelow(view, area);
  return value ? { field: hit.field, label, value } : null;
}

function valueRightOf(view: SheetView, area: CellRange): TextCell | null {
  const end = Math.min(view.right, area.right + MAX_VALUE_DISTANCE);
  for (let c = area.right + 1; c <= end; c++) {
    const v = view.raw(area.top, c);
    if (isBlank(v)) continue;
    return isLabelValue(v) ? null : view.textCell(area.top, c);
  }
  return null;
}

function valueBelow(view: SheetView, area: CellRange): TextCell | null {
  const row = area.bottom + 1;
  if (row > view.bottom) return null;
  const v = view.raw(row, area.left);
  if (isBlank(v) || isLabelValue(v)) return null;
  return view.textCell(row, area.left);
}

function isLabelValue(v: unknown): boolean {
  return typeof v === "string" && v.length <= LABEL_MAX_LENGTH && isKnownLabel(normalizeLabel(v));
}

/**
 * Gathers the fields of the whole workbook, first found wins. The block is placed on the sheet holding most of
 * them (the range covers that sheet's labels and values); fields found on other sheets keep their own positions.
 */
export function assembleInfo(pairs: readonly InfoPair[]): InfoBlock | null {
  const fields: Partial<Record<InfoField, { label: TextCell; value: TextCell }>> = {};
  const perSheet = new Map<string, InfoPair[]>();
  for (const p of pairs) {
    if (fields[p.field]) continue;
    fields[p.field] = { label: p.label, value: p.value };
    const list = perSheet.get(p.label.pos.sheet);
    if (list) list.push(p);
    else perSheet.set(p.label.pos.sheet, [p]);
  }
  let sheet: string | null = null;
  let best: InfoPair[] = [];
  for (const [name, list] of perSheet) {
    if (list.length > best.length) {
      sheet = name;
      best = list;
    }
  }
  if (sheet === null) return null;
  let range: CellRange | null = null;
  for (const p of best)
    for (const cell of [p.label, p.value]) range = cover(range, cell.pos.row, cell.pos.col);
  return range ? { kind: "info", sheet, range, fields } : null;
}

function cover(range: CellRange | null, row: number, col: number): CellRange {
  if (!range) return { top: row, left: col, bottom: row, right: col };
  return {
    top: Math.min(range.top, row),
    left: Math.min(range.left, col),
    bottom: Math.max(range.bottom, row),
    right: Math.max(range.right, col),
  };
}
