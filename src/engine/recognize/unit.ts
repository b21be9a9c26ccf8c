/**
 * The unit of a money table: stated in a header label ("全年预算数(万元)"), in the row-label column beside the header
 * (a merged "项目资金\n（元）" left of the amount headers), or in a caption, title or subtitle a few rows above it
 * ("单位：万元", "金额单位：元", "（单位：元）"); 万元 when nothing says. When the statements disagree the nearest one
 * (the header row) is used and the disagreement is reported, never settled silently (issue 11 §2).
 */
import type { BudgetBlock, BudgetRow, CellPos } from "../tables";
import { DEFAULT_UNIT, type MoneyUnit, unitInText } from "../money";
import { LABEL_MAX_LENGTH } from "./labels";
import type { SheetView } from "./sheet-view";

/** How many rows above a header a caption may stand (title, subtitle, caption, blank). */
const CAPTION_ROWS = 4;
/** A caption sits within the table's width or a little beside it; so does a row label stating the unit. */
const CAPTION_SIDE_COLUMNS = 6;

export interface UnitArea {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** A unit stated in one cell. */
export interface UnitStatement {
  readonly unit: MoneyUnit;
  readonly pos: CellPos;
}

export interface UnitRead {
  readonly unit: MoneyUnit;
  /** Every statement found (header first, then captions nearest first); empty when the unit is the default. */
  readonly statements: readonly UnitStatement[];
  /** True when the statements name more than one unit. */
  readonly ambiguous: boolean;
}

export function tableUnit(view: SheetView, header: UnitArea): MoneyUnit {
  return readTableUnit(view, header).unit;
}

export function readTableUnit(view: SheetView, header: UnitArea): UnitRead {
  const statements = [...unitsInHeader(view, header), ...unitsInCaption(view, header)];
  const units = new Set(statements.map((s) => s.unit));
  return {
    unit: statements[0]?.unit ?? DEFAULT_UNIT,
    statements,
    ambiguous: units.size > 1,
  };
}

/** The header's own cells first (left to right), then the label cells left of it on the header rows. */
function unitsInHeader(view: SheetView, header: UnitArea): UnitStatement[] {
  const out: UnitStatement[] = [];
  const seen = new Set<string>();
  const sideLeft = Math.max(view.left, header.left - CAPTION_SIDE_COLUMNS);
  const columns = [...range(header.left, header.right), ...range(sideLeft, header.left - 1).reverse()];
  for (const c of columns) {
    for (let r = header.top; r <= header.bottom; r++) {
      const a = view.anchor(r, c);
      const key = `${a.row}:${a.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const unit = unitOfCell(view, a.row, a.col);
      if (unit) out.push({ unit, pos: view.pos(a.row, a.col) });
    }
  }
  return out;
}

/** Nearest row first; a row holding a number belongs to the table above, so the search stops there. */
function unitsInCaption(view: SheetView, header: UnitArea): UnitStatement[] {
  const out: UnitStatement[] = [];
  const left = Math.max(view.left, header.left - CAPTION_SIDE_COLUMNS);
  const right = Math.min(view.right, header.right + CAPTION_SIDE_COLUMNS);
  for (let r = header.top - 1; r >= Math.max(view.top, header.top - CAPTION_ROWS); r--) {
    for (let c = left; c <= right; c++) {
      const unit = unitOfCell(view, r, c);
      if (unit) out.push({ unit, pos: view.pos(r, c) });
    }
    for (let c = left; c <= right; c++) if (typeof view.raw(r, c) === "number") return out;
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}

function unitOfCell(view: SheetView, row: number, col: number): MoneyUnit | null {
  const v = view.raw(row, col);
  // Long narrative text may mention 元 in passing; a caption or a header label is short.
  if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) return null;
  return unitInText(v);
}

/**
 * The unit is ambiguous when the header, labels and captions name different units, or when an amount carries a unit
 * glued on ("300万元") that is not the table's: every stating cell is named, so the accountant sees where.
 */
export function budgetUnitAmbiguity(
  read: UnitRead,
  unit: MoneyUnit,
  rows: readonly (BudgetRow | undefined)[],
): BudgetBlock["unitAmbiguity"] | null {
  const glued: { unit: MoneyUnit; pos: CellPos }[] = [];
  for (const row of rows) {
    for (const cell of Object.values(row?.cells ?? {})) {
      if (cell?.parsed.kind === "amount" && cell.parsed.statedUnit)
        glued.push({ unit: cell.parsed.statedUnit, pos: cell.pos });
    }
  }
  const conflicting = glued.filter((g) => g.unit !== unit);
  if (!read.ambiguous && conflicting.length === 0) return null;
  const statements = [...read.statements, ...conflicting];
  const units = [...new Set([unit, ...statements.map((s) => s.unit)])];
  return { units, cells: statements.map((s) => s.pos) };
}
