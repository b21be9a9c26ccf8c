/**
 * The indicators table (domain.md §3.3): 一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值 and the optional 得分,
 * 偏差原因, 计算符号 and 计量单位 columns. 一级 and 二级 are merged down or left blank under the first row of a group,
 * both meaning "same as above".
 */
import { toHalfWidth } from "../money";
import type { IndicatorRow, IndicatorsTable, TextCell } from "../tables";
import { isBlankRow } from "./cells";
import { type Header, type HeaderColumn, detectHeader } from "./header";
import {
  INDICATOR_END_ROW,
  INDICATOR_HEADER,
  type IndicatorHeaderField,
  LABEL_MAX_LENGTH,
  isNoteText,
  lookup,
  normalizeLabel,
} from "./labels";
import type { Anchor } from "./scan";
import type { SheetView } from "./sheet-view";

const MAX_LEADING_BLANKS = 3;

export function recognizeIndicators(view: SheetView, anchor: Anchor): IndicatorsTable | null {
  const header = detectHeader(view, anchor.row, anchor.col, INDICATOR_HEADER);
  if (!header) return null;
  const h = header.fields;
  const name = h.get("name");
  // No 分值 column, only 得分 (湖北, 云南): the 得分 column is read in the 分值's place (see weightsFromScores).
  const noWeightColumn = !h.has("weight") && h.has("score");
  const weight = weightColumn(view, header) ?? h.get("score");
  // A 评分表 has a 评分标准 column and a 自评得分 instead of 年度指标值 and 实际完成值: its rows are read with the
  // standard in place of the target and the typed score in place of the actual.
  const byCriteria = (!h.get("target") || !h.get("actual")) && h.has("criteria") && h.has("score");
  const target = byCriteria ? h.get("criteria") : h.get("target");
  const actual = byCriteria ? h.get("score") : h.get("actual");
  if (!name || !target || !actual || !weight) return null;
  const optional = (field: IndicatorHeaderField): { readonly [k: string]: TextCell } => {
    const col = h.get(field);
    return col ? { [field]: col.cell } : {};
  };
  const headers: IndicatorsTable["headers"] = {
    name: name.cell,
    target: target.cell,
    actual: actual.cell,
    weight: weight.cell,
    ...optional("level1"),
    ...optional("level2"),
    ...optional("score"),
    ...optional("reason"),
    ...optional("operator"),
    ...optional("unit"),
    ...optional("criteria"),
  };

  const colOf = (field: IndicatorHeaderField): number | undefined => h.get(field)?.col;
  const level1Col = colOf("level1");
  const level2Col = colOf("level2");
  const scoreCol = colOf("score");
  const reasonCol = colOf("reason");
  const operatorCol = colOf("operator");
  const unitCol = colOf("unit");
  const firstCols = [...new Set([header.left, level1Col, level2Col, name.col])].filter(
    (c): c is number => c !== undefined,
  );

  const allCols: number[] = [];
  for (let c = header.left; c <= header.right; c++) allCols.push(c);
  const rows: IndicatorRow[] = [];
  const placeholderRows: TextCell[] = [];
  const valueCols = [target.col, actual.col, weight.col, scoreCol].filter(
    (c): c is number => c !== undefined,
  );
  let level1 = "";
  let level2 = "";
  let leadingBlanks = 0;
  for (let r = header.bottom + 1; r <= view.bottom; r++) {
    if (isBlankRow(view, r, header.left, header.right)) {
      if (rows.length > 0 || ++leadingBlanks > MAX_LEADING_BLANKS) break;
      continue;
    }
    if (endsTable(view, r, firstCols)) break;
    // A 总分 / 评价等级 line written further right (under 实际完成值, as 云南 and 四川 forms do) ends the table too,
    // when the row names no indicator of its own.
    if (view.textCell(r, name.col).text === "" && endsTable(view, r, allCols)) break;
    // The header pasted again under itself (or repeated at a page break) is not an indicator, nor a 一级 group.
    if (repeatsHeader(view, r, name.col, target.col)) continue;
    // Merged cells show their top-left value on every row they cover; a blank cell means "same as above".
    const l1 = level1Col === undefined ? "" : view.shownText(r, level1Col) || cellString(view, r, level1Col);
    const l2 = level2Col === undefined ? "" : view.shownText(r, level2Col) || cellString(view, r, level2Col);
    if (l1 !== "") {
      if (l1 !== level1 && l2 === "") level2 = "";
      level1 = l1;
    }
    if (l2 !== "") level2 = l2;
    const nameCell = view.textCell(r, name.col);
    const leftover = templateLeftover(view, r, nameCell, valueCols, weight.col, header);
    if (leftover === "placeholder") {
      placeholderRows.push(firstWrittenCell(view, r, nameCell, header.left, header.right));
      continue;
    }
    if (leftover === "subRow") continue;
    // A row without a 三级指标 but with a weight or values of its own is an indicator whose name was left blank (or is
    // illegible): it is scored and named by its row. The cells under a name merged down are not such rows.
    if (nameCell.text === "" && (view.merge(r, name.col) || !hasOwnValues(view, r, valueCols))) continue;
    const text = (col: number | undefined): TextCell | undefined =>
      col === undefined ? undefined : view.textCell(r, col);
    const weightCell = view.textCell(r, weight.col);
    const scoreCell = text(scoreCol);
    const reason = text(reasonCol);
    const operator = text(operatorCol);
    const unit = text(unitCol);
    rows.push({
      row: r,
      level1,
      level2,
      name: nameCell,
      target: view.textCell(r, target.col),
      actual: view.textCell(r, actual.col),
      weight: { cell: weightCell, value: pointsOf(weightCell) },
      ...(scoreCell ? { score: { cell: scoreCell, value: pointsOf(scoreCell) } } : {}),
      ...(reason ? { reason } : {}),
      ...(operator ? { operator } : {}),
      ...(unit ? { unit } : {}),
    });
  }
  if (rows.length === 0) return null;
  const weightsFrom = noWeightColumn ? weightsFromScores(view, header, rows) : null;
  return {
    kind: "indicators",
    sheet: view.name,
    range: { top: header.top, left: header.left, bottom: rows[rows.length - 1].row, right: header.right },
    headers,
    rows,
    ...(byCriteria ? { byCriteria: true as const } : {}),
    ...(weightsFrom ? { weightsFrom } : {}),
    ...(placeholderRows.length > 0 ? { placeholderRows } : {}),
  };
}

/** Rows under the header looked at to tell a column of points from a column of text. */
const WEIGHT_PROBE_ROWS = 12;

/**
 * The 分值 column: the first column headed so, unless its cells hold text and no points while a later column headed
 * so holds points (河北: 指标分值 over each indicator's description, the weights under 权重占比(%)).
 */
function weightColumn(view: SheetView, header: Header<IndicatorHeaderField>): HeaderColumn | undefined {
  const first = header.fields.get("weight");
  const others = header.others?.get("weight") ?? [];
  if (!first || others.length === 0) return first;
  const probe = (col: number): { points: number; text: number } => {
    let points = 0;
    let text = 0;
    const end = Math.min(view.bottom, header.bottom + WEIGHT_PROBE_ROWS);
    for (let r = header.bottom + 1; r <= end; r++) {
      const cell = view.textCell(r, col);
      if (cell.text === "") continue;
      if (pointsOf(cell) !== null) points++;
      else text++;
    }
    return { points, text };
  };
  const own = probe(first.col);
  if (own.points > 0 || own.text === 0) return first;
  return others.find((o) => probe(o.col).points > 0) ?? first;
}

/** "(80分)", "（80分）", ":(80分)": the points a heading states. */
const STATED_POINTS = /[(（]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[)）]/;

/**
 * The weights of a table with no 分值 column: the points the form states for its indicators ("年度绩效目标1 (80分)",
 * "年度目标1:(80分)": a heading naming a 目标 or the 指标, in the header's rows or the two above, never the budget
 * block's "(20分)"), and whether the typed 得分 add up to exactly that — then each row's 得分 is its 分值 as the form
 * allots it; otherwise the weights are unstated and the rows keep no 分值.
 */
function weightsFromScores(
  view: SheetView,
  header: { readonly top: number; readonly bottom: number; readonly right: number },
  rows: IndicatorRow[],
): NonNullable<IndicatorsTable["weightsFrom"]> {
  let stated: { cell: TextCell; points: number } | null = null;
  for (let r = Math.max(view.top, header.top - 2); r <= header.bottom && !stated; r++) {
    for (let c = view.left; c <= header.right && !stated; c++) {
      const v = view.raw(r, c);
      if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
      const t = toHalfWidth(v).replace(/\s+/g, "");
      const m = STATED_POINTS.exec(t);
      if (m && /目标|指标/.test(t) && !/执行|预算/.test(t))
        stated = { cell: view.textCell(r, c), points: Number(m[1]) };
    }
  }
  const typed = rows.map((row) => row.weight.value);
  const sum = typed.reduce<number>((a, v) => a + (v ?? NaN), 0);
  const allotted =
    stated !== null && typed.every((v) => v !== null && v >= 0) && Math.abs(sum - stated.points) < 0.005;
  if (!allotted) {
    for (let i = 0; i < rows.length; i++)
      rows[i] = { ...rows[i], weight: { ...rows[i].weight, value: null } };
  }
  return { kind: allotted ? "scores" : "unstated", stated };
}

/**
 * "指标1", "指标2：", "指标 3:" — the template's numbered slot with nothing of the accountant's after it, or only a "/"
 * (安徽: "指标1:/" with "/" under 年度指标值 and 实际完成值, the slot marked unused).
 */
const PLACEHOLDER_NAME = /^(?:指标\d*(?::?[/／]+)?|…+|\.{3,}|。{3,}|\/|x+|×+)$/i;

/**
 * Template leftovers (issue 11 §2): a placeholder row ("指标1", "……", every cell "/") or an empty spare row left inside
 * a 一级/二级 group is "placeholder"; an unweighted "其中：…" row under a weighted one is a "subRow" (it details the
 * row above, it is not an indicator). Neither is scored, neither ends the table. A row with a weight or a value of its
 * own is never a leftover, whatever its name: the accountant filled it in.
 */
function templateLeftover(
  view: SheetView,
  row: number,
  nameCell: TextCell,
  valueCols: readonly number[],
  weightCol: number,
  { left, right }: { readonly left: number; readonly right: number },
): "placeholder" | "subRow" | null {
  const valuesEmpty = valueCols.every((c) => isEmptyMark(view.textCell(row, c).text));
  const nameText = toHalfWidth(nameCell.text)
    .replace(/\s+/g, "")
    .replace(/[:：]+$/, "");
  if (/^其中/.test(nameText) && isEmptyMark(view.textCell(row, weightCol).text)) return "subRow";
  if (!valuesEmpty) return null;
  if (nameText === "" || PLACEHOLDER_NAME.test(nameText)) return "placeholder";
  // A row of "/" in every cell: the template's way of saying "this slot is not used".
  let written = 0;
  for (let c = left; c <= right; c++) {
    const t = view.textCell(row, c).text.trim();
    if (t === "") continue;
    if (!/^[/／]$/.test(t)) return null;
    written++;
  }
  return written > 0 ? "placeholder" : null;
}

function hasOwnValues(view: SheetView, row: number, valueCols: readonly number[]): boolean {
  return valueCols.some((c) => !view.merge(row, c) && !isEmptyMark(view.textCell(row, c).text));
}

function isEmptyMark(text: string): boolean {
  return /^[\s/／\-—–]*$/.test(text);
}

/** Where a leftover row is pointed at: its name cell, else the first cell of the row that shows text. */
function firstWrittenCell(
  view: SheetView,
  row: number,
  nameCell: TextCell,
  left: number,
  right: number,
): TextCell {
  if (nameCell.text !== "") return nameCell;
  for (let c = left; c <= right; c++) {
    const cell = view.textCell(row, c);
    if (cell.text !== "" && !view.merge(row, c)) return cell;
  }
  for (let c = left; c <= right; c++) {
    const cell = view.textCell(row, c);
    if (cell.text !== "") return cell;
  }
  return nameCell;
}

/** 总分 / 评价等级 / 合计 lines and notes under the table end it. */
function endsTable(view: SheetView, row: number, cols: readonly number[]): boolean {
  for (const c of cols) {
    const v = view.raw(row, c);
    if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH * 4) continue;
    if (isNoteText(v)) return true;
    if (v.length <= LABEL_MAX_LENGTH && INDICATOR_END_ROW.has(normalizeLabel(v))) return true;
  }
  return false;
}

/** Whether a row's name and target cells carry the header's own labels (三级指标, 年度指标值 …). */
function repeatsHeader(view: SheetView, row: number, nameCol: number, targetCol: number): boolean {
  const field = (col: number) => {
    const v = view.raw(row, col);
    return typeof v === "string" && v.length <= LABEL_MAX_LENGTH
      ? lookup(INDICATOR_HEADER, normalizeLabel(v))
      : null;
  };
  return field(nameCol) === "name" && field(targetCol) === "target";
}

/** Non-string values (a 一级 typed as a number) still count as written. */
function cellString(view: SheetView, row: number, col: number): string {
  return view.textCell(row, col).text;
}

/** 分值 / 得分 as a number: 10, "10", "１０分", "9.5" → the number; anything else → null. */
export function pointsOf(cell: TextCell): number | null {
  if (typeof cell.raw === "number") return Number.isFinite(cell.raw) ? cell.raw : null;
  if (typeof cell.raw !== "string") return null;
  const t = toHalfWidth(cell.raw).replace(/\s+/g, "").replace(/分$/, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}
