/**
 * The unit of a money table: stated in a header label ("全年预算数(万元)") or in a caption a few rows above it
 * ("单位：万元", "金额单位：元", "（单位：元）"); 万元 when nothing says.
 */
import { DEFAULT_UNIT, type MoneyUnit, unitInText } from "../money";
import { LABEL_MAX_LENGTH } from "./labels";
import type { SheetView } from "./sheet-view";

/** How many rows above a header a caption may stand (title, subtitle, caption, blank). */
const CAPTION_ROWS = 4;
/** A caption sits within the table's width or a little beside it. */
const CAPTION_SIDE_COLUMNS = 6;

export interface UnitArea {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export function tableUnit(view: SheetView, header: UnitArea): MoneyUnit {
  return unitInHeader(view, header) ?? unitInCaption(view, header) ?? DEFAULT_UNIT;
}

function unitInHeader(view: SheetView, header: UnitArea): MoneyUnit | null {
  for (let r = header.top; r <= header.bottom; r++) {
    for (let c = header.left; c <= header.right; c++) {
      const unit = unitOfCell(view, r, c);
      if (unit) return unit;
    }
  }
  return null;
}

/** Nearest row first; a row holding a number belongs to the table above, so the search stops there. */
function unitInCaption(view: SheetView, header: UnitArea): MoneyUnit | null {
  const left = Math.max(view.left, header.left - CAPTION_SIDE_COLUMNS);
  const right = Math.min(view.right, header.right + CAPTION_SIDE_COLUMNS);
  for (let r = header.top - 1; r >= Math.max(view.top, header.top - CAPTION_ROWS); r--) {
    for (let c = left; c <= right; c++) {
      const unit = unitOfCell(view, r, c);
      if (unit) return unit;
    }
    for (let c = left; c <= right; c++) if (typeof view.raw(r, c) === "number") return null;
  }
  return null;
}

function unitOfCell(view: SheetView, row: number, col: number): MoneyUnit | null {
  const v = view.raw(row, col);
  // Long narrative text may mention 元 in passing; a caption or a header label is short.
  if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) return null;
  return unitInText(v);
}
