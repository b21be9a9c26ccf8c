/**
 * Project forms (项目支出绩效自评表, issue 13): a 项目名称 label with its value, then within a few rows the fund block
 * (read by the budget recogniser) and the indicators (read by the indicators recogniser). Each 项目名称 starts a form;
 * the form takes the first fund block and the first indicators table below it, before the next form's 项目名称, so
 * several forms stacked on one sheet, one per sheet, or forms beside the department's tables are each read apart.
 *
 * Only the rows just above the tables already found are looked at for a 项目名称, so a big sheet costs nothing more.
 */
import type { Lang } from "../i18n";
import { toHalfWidth } from "../money";
import type {
  AmountCell,
  BudgetBlock,
  BudgetColumn,
  BudgetRow,
  IndicatorsTable,
  ProjectForm,
  TextCell,
} from "../tables";
import type { CellRange } from "../snapshot";
import { amountCell, isBlankRow } from "./cells";
import { LABEL_MAX_LENGTH, isBlank, isKnownLabel, normalizeLabel } from "./labels";
import type { SheetView } from "./sheet-view";
import { recognizeTypedFigures } from "./typed-figures";

/** How far above a fund block or an indicators table its form's 项目名称 may stand. */
const NAME_REACH = 14;
/** How far below the 项目名称 (or the fund block) the form's indicators may start. */
const INDICATORS_REACH = 16;
/** Title rows looked at above the 项目名称 ("20XX年度项目支出绩效自评表", "（2022年度）"). */
const TITLE_ROWS = 3;
/** How far right of its label a value may stand. */
const VALUE_REACH = 8;

const NAME_LABEL = new Set(["项目名称", "项目全称"]);
const SUPERVISOR_LABEL = /^(?:主管部门|项目主管部门|主管单位|实施\(主管\)单位|自治区主管部门|市县主管部门)$/;
const IMPLEMENTER_LABEL = /^(?:实施单位|项目实施单位|实施单位\(盖章\))(?:\/.*)?$/;
/** A label of the form's head, never a value: 主管部门, 项目负责人, 联系电话, 项目实施单位/项目负责人 … */
const HEAD_LABEL =
  /^(?:.{0,8}(?:部门|单位|负责人|电话|类别|属性|类型)(?:\(.*\))?(?:\/.{0,8})?|是否为专项资金)$/;
const CARRYOVER = /^上年结转(?:资金|结余)?$/;
const TITLE = /自评表|绩效|\d{4}\s*年/;

export interface ProjectsFound {
  readonly projects: readonly ProjectForm[];
  /** The fund blocks and indicators tables the forms took: they are not the department's. */
  readonly claimed: ReadonlySet<BudgetBlock | IndicatorsTable>;
}

interface NameAnchor {
  readonly row: number;
  readonly col: number;
  /** The value in the label's own cell ("项目名称：某某项目"), when there is one. */
  readonly inline?: string;
}

export function recognizeProjects(
  views: ReadonlyMap<string, SheetView>,
  budgets: readonly BudgetBlock[],
  indicatorTables: readonly IndicatorsTable[],
): ProjectsFound {
  const projects: ProjectForm[] = [];
  const claimed = new Set<BudgetBlock | IndicatorsTable>();
  for (const [sheet, view] of views) {
    const sheetBudgets = budgets.filter((b) => b.sheet === sheet).sort((a, b) => a.range.top - b.range.top);
    const sheetIndicators = indicatorTables
      .filter((t) => t.sheet === sheet)
      .sort((a, b) => a.range.top - b.range.top);
    if (sheetBudgets.length === 0 && sheetIndicators.length === 0) continue;
    const anchors = nameAnchors(view, [...sheetBudgets, ...sheetIndicators]);
    anchors.forEach((anchor, i) => {
      const next = anchors[i + 1]?.row ?? Infinity;
      const inSegment = (r: CellRange): boolean => r.top > anchor.row && r.top < next;
      const budget =
        sheetBudgets.find(
          (b) => !claimed.has(b) && inSegment(b.range) && b.range.top - anchor.row <= NAME_REACH,
        ) ?? null;
      const from = budget ? budget.range.bottom : anchor.row;
      const indicators =
        sheetIndicators.find(
          (t) =>
            !claimed.has(t) &&
            inSegment(t.range) &&
            t.range.top > from &&
            t.range.top - from <= INDICATORS_REACH,
        ) ?? null;
      if (!budget && !indicators) return;
      if (budget) claimed.add(budget);
      if (indicators) claimed.add(indicators);
      projects.push(readForm(view, views, anchor, next, budget, indicators));
    });
  }
  return { projects, claimed };
}

/** The 项目名称 cells standing within reach above the given tables, top to bottom, one per row. */
function nameAnchors(view: SheetView, tables: readonly { readonly range: CellRange }[]): NameAnchor[] {
  const rows = new Map<number, NameAnchor>();
  const looked = new Set<number>();
  for (const t of tables) {
    for (let r = Math.max(view.top, t.range.top - NAME_REACH); r <= t.range.top; r++) {
      if (looked.has(r)) continue;
      looked.add(r);
      for (let c = view.left; c <= view.right; c++) {
        const hit = nameLabelAt(view, r, c);
        if (hit) {
          rows.set(r, hit);
          break;
        }
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

function nameLabelAt(view: SheetView, row: number, col: number): NameAnchor | null {
  const v = view.raw(row, col);
  if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH * 2) return null;
  const half = toHalfWidth(v).trim();
  const colon = half.indexOf(":");
  const head = normalizeLabel(colon > 0 ? half.slice(0, colon) : half);
  if (!NAME_LABEL.has(head)) return null;
  const inline = colon > 0 ? half.slice(colon + 1).trim() : "";
  // 项目名称 heading the label column of a department's budget block is a header, not a form's name.
  if (inline === "" && rowHoldsAmountHeader(view, row, col)) return null;
  return inline !== "" ? { row, col, inline } : { row, col };
}

function rowHoldsAmountHeader(view: SheetView, row: number, col: number): boolean {
  for (let c = col + 1; c <= Math.min(view.right, col + VALUE_REACH); c++) {
    const v = view.raw(row, c);
    if (typeof v === "string" && /预算数|执行数|决算数/.test(v)) return true;
  }
  return false;
}

function readForm(
  view: SheetView,
  views: ReadonlyMap<string, SheetView>,
  anchor: NameAnchor,
  next: number,
  budget: BudgetBlock | null,
  indicators: IndicatorsTable | null,
): ProjectForm {
  const label = view.textCell(anchor.row, anchor.col);
  const name =
    anchor.inline !== undefined
      ? { ...label, text: anchor.inline }
      : valueRightOf(view, anchor.row, anchor.col);
  const headEnd = Math.min(budget?.range.top ?? indicators?.range.top ?? anchor.row, next) - 1;
  const supervisor = headValue(view, anchor.row, headEnd, SUPERVISOR_LABEL);
  const implementer = headValue(view, anchor.row, headEnd, IMPLEMENTER_LABEL);
  const carryover = budget ? carryoverRow(view, budget) : null;
  const goalFrom = anchor.row + 1;
  const goalTo = (indicators ? indicators.range.top : Math.min(next, goalFrom + INDICATORS_REACH)) - 1;
  const top = titleTop(
    view,
    anchor.row,
    [budget?.range, indicators?.range].filter((r): r is CellRange => r !== undefined),
  );
  const typed = indicators ? recognizeTypedFigures(views, indicators, null, top) : null;
  const parts = [budget?.range, indicators?.range].filter((r): r is CellRange => r !== undefined);
  let bottom = Math.max(anchor.row, ...parts.map((r) => r.bottom));
  for (const cell of [typed?.total?.cell, typed?.grade?.cell])
    if (cell) bottom = Math.max(bottom, cell.pos.row);
  if (carryover) bottom = Math.max(bottom, carryover.label.pos.row);
  return {
    kind: "project",
    sheet: view.name,
    range: {
      top,
      left: Math.min(anchor.col, ...parts.map((r) => r.left)),
      bottom,
      right: Math.max(anchor.col, ...parts.map((r) => r.right)),
    },
    label: { ...label, text: anchor.inline !== undefined ? label.text.split(/[:：]/)[0].trim() : label.text },
    name: name && name.text !== "" ? name : null,
    supervisor,
    implementer,
    budget,
    carryover,
    indicators,
    goal: readGoal(view, goalFrom, goalTo, budget?.range ?? null),
    typed,
  };
}

/** The first filled cell right of a label (past its merge), unless it is itself a label. */
function valueRightOf(view: SheetView, row: number, col: number): TextCell | null {
  const right = view.merge(row, col)?.right ?? col;
  for (let c = right + 1; c <= Math.min(view.right, right + VALUE_REACH); c++) {
    const v = view.raw(row, c);
    if (isBlank(v)) continue;
    if (typeof v === "string" && isHeadLabel(v)) return null;
    return view.textCell(row, c);
  }
  return null;
}

function isHeadLabel(text: string): boolean {
  if (text.length > LABEL_MAX_LENGTH) return false;
  const norm = normalizeLabel(text);
  return isKnownLabel(norm) || NAME_LABEL.has(norm) || HEAD_LABEL.test(norm);
}

/** The value of the first label matching `pattern` in the form's head rows. */
function headValue(view: SheetView, from: number, to: number, pattern: RegExp): TextCell | null {
  for (let r = from; r <= to; r++) {
    for (let c = view.left; c <= view.right; c++) {
      const v = view.raw(r, c);
      if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
      const half = toHalfWidth(v).trim();
      const colon = half.indexOf(":");
      if (colon > 0 && pattern.test(normalizeLabel(half.slice(0, colon)))) {
        const inline = half.slice(colon + 1).trim();
        if (inline !== "") return { ...view.textCell(r, c), text: inline };
      }
      if (pattern.test(normalizeLabel(v))) return valueRightOf(view, r, c);
    }
  }
  return null;
}

/** 上年结转资金 within (or just under) the fund block, read in the block's amount columns. */
function carryoverRow(view: SheetView, block: BudgetBlock): BudgetRow | null {
  const end = Math.min(view.bottom, block.range.bottom + 2);
  const amountCols = Object.entries(block.columns) as [BudgetColumn, TextCell][];
  const firstAmount = Math.min(...amountCols.map(([, h]) => h.pos.col));
  for (let r = block.range.top + 1; r <= end; r++) {
    if (isBlankRow(view, r, block.range.left, block.range.right)) continue;
    for (let c = block.range.left; c < firstAmount; c++) {
      const v = view.raw(r, c);
      if (typeof v !== "string" || !CARRYOVER.test(normalizeLabel(v))) continue;
      const cells: Partial<Record<BudgetColumn, AmountCell>> = {};
      for (const [column, header] of amountCols)
        cells[column] = amountCell(view, r, header.pos.col, block.unit);
      return { label: view.textCell(r, c), cells };
    }
  }
  return null;
}

const GOAL_EXPECTED = /^(?:预期目标|年初设定目标|年度目标|项目年度目标|年初目标)$/;
const GOAL_ACTUAL =
  /^(?:实际完成情况|年度总体目标完成情况综述|年度目标完成情况|总体目标完成情况|完成情况|年度目标完成情况综述)$/;

/** 年度总体目标: the texts under the 预期目标 and 实际完成情况 headings between the fund block and the indicators. */
function readGoal(view: SheetView, from: number, to: number, fund: CellRange | null): ProjectForm["goal"] {
  let expected: TextCell | null = null;
  let actual: TextCell | null = null;
  for (let r = from; r <= to && r <= view.bottom; r++) {
    if (fund && r >= fund.top && r <= fund.bottom) continue;
    for (let c = view.left; c <= view.right; c++) {
      const v = view.raw(r, c);
      if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
      const norm = normalizeLabel(v);
      const which = GOAL_EXPECTED.test(norm) ? "expected" : GOAL_ACTUAL.test(norm) ? "actual" : null;
      if (!which) continue;
      const below = (view.merge(r, c)?.bottom ?? r) + 1;
      const value = below <= view.bottom ? view.raw(below, c) : null;
      if (isBlank(value) || (typeof value === "string" && isHeadLabel(value))) continue;
      if (which === "expected") expected ??= view.textCell(below, c);
      else actual ??= view.textCell(below, c);
    }
  }
  return { expected, actual };
}

/** The form starts at its title when one stands just above the 项目名称. */
function titleTop(view: SheetView, row: number, parts: readonly CellRange[]): number {
  const left = Math.min(...parts.map((r) => r.left), view.right);
  const right = Math.max(...parts.map((r) => r.right), view.left);
  let top = row;
  for (let r = row - 1; r >= Math.max(view.top, row - TITLE_ROWS); r--) {
    if (isBlankRow(view, r, left, right)) break;
    let title = false;
    for (let c = view.left; c <= view.right && !title; c++) {
      const v = view.raw(r, c);
      title = typeof v === "string" && v.length <= LABEL_MAX_LENGTH * 2 && TITLE.test(v);
    }
    if (!title) break;
    top = r;
  }
  return top;
}

/** The project's name as shown: the 项目名称 as written, else "项目 N" by its place among the forms. */
export function projectDisplayName(form: ProjectForm, index: number, lang: Lang): string {
  const written = form.name?.text.replace(/\s+/g, " ").trim() ?? "";
  if (written !== "") return written;
  return lang === "zh-CN" ? `项目 ${index + 1}` : `Project ${index + 1}`;
}
