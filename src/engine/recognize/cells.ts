/** Small readers shared by the table recognisers. */
import { type MoneyUnit, parseAmount } from "../money";
import type { AmountCell } from "../tables";
import { isBlank } from "./labels";
import type { SheetView } from "./sheet-view";

export function amountCell(view: SheetView, row: number, col: number, unit: MoneyUnit): AmountCell {
  const raw = view.raw(row, col);
  return { pos: view.pos(row, col), raw, parsed: parseAmount(raw, unit) };
}

/** True when every cell of the row between left and right (inclusive) is empty or whitespace. */
export function isBlankRow(view: SheetView, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) if (!isBlank(view.raw(row, c))) return false;
  return true;
}
