/**
 * A workbook that holds the text of a 自评报告 rather than a 自评表 (the 江西 项目支出绩效自评总报告 pasted into Excel, the
 * 岳阳 自评报告 form's cover lines): its title, in the top rows of a sheet, names a 报告 and no 表. Such a workbook has no
 * table to check by its nature, which is not the same as a 自评表 whose tables went unrecognised.
 */
import type { TextCell } from "../tables";
import { LABEL_MAX_LENGTH } from "./labels";
import type { SheetView } from "./sheet-view";

/** How far down a sheet a title is looked for. */
const TITLE_ROWS = 3;

export function findNarrativeTitle(views: Iterable<SheetView>): TextCell | null {
  for (const view of views) {
    for (let r = view.top; r <= Math.min(view.bottom, view.top + TITLE_ROWS - 1); r++) {
      for (let c = view.left; c <= view.right; c++) {
        const v = view.raw(r, c);
        if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) continue;
        const t = v.replace(/\s+/g, "");
        if (/报告/.test(t) && !/表/.test(t)) return view.textCell(r, c);
      }
    }
  }
  return null;
}
