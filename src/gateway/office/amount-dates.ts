/**
 * Dates typed where an amount belongs. Office.js hands a date as its serial number (45291 for 2023-12-31), where the
 * .xlsx readers see a date (the cell's number format says so) and the engine reports it as an unreadable amount. To
 * give the same finding, the reader loads the number formats of the recognised tables' amount columns — those alone,
 * not the whole sheet — and turns a number under a date format into the DateValue the .xlsx reader makes of it.
 */
import { recognizeWorkbook } from "../../engine/recognize/index";
import type { CellValue, DateValue, WorkbookSnapshot } from "../../engine/snapshot";
import type { AmountCell } from "../../engine/tables";

/** One amount column of one recognised table: absolute 0-based rows `top`..`bottom` of column `col`. */
export interface AmountColumn {
  readonly sheet: string;
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The amount columns of the budget block and of every expenditure table, each spanning the table's amount cells.
 * Only columns holding at least one number: a date reaches Office.js as a number, so a column of text or blanks has
 * nothing to turn and costs no load.
 */
export function amountColumns(snapshot: WorkbookSnapshot): AmountColumn[] {
  const recognized = recognizeWorkbook(snapshot);
  const columns: AmountColumn[] = [];
  if (recognized.budget) {
    const b = recognized.budget;
    const spans = new ColumnSpans();
    for (const r of [b.total, ...Object.values(b.sources), ...Object.values(b.kinds)])
      for (const c of Object.values(r.cells)) spans.add(c);
    columns.push(...spans.columns);
  }
  for (const t of recognized.expenditures) {
    const spans = new ColumnSpans();
    for (const r of t.rows) {
      spans.add(r.total);
      for (const c of Object.values(r.parts)) spans.add(c);
    }
    columns.push(...spans.columns);
  }
  return columns;
}

/**
 * The rows each column of one table spans with numbers, the columns in the order first met. Found by sheet, then by
 * column number: a 支出决算表 of 200,000 rows has 600,000 amount cells, and a text key built for each ("sheet\0col")
 * cost the read about a quarter of a second, a third of what recognising the table costs.
 */
class ColumnSpans {
  readonly columns: { sheet: string; col: number; top: number; bottom: number }[] = [];
  private readonly bySheet = new Map<string, Map<number, { top: number; bottom: number }>>();

  add(c: AmountCell): void {
    if (typeof c.raw !== "number") return;
    const { sheet, row, col } = c.pos;
    let byCol = this.bySheet.get(sheet);
    if (!byCol) {
      byCol = new Map();
      this.bySheet.set(sheet, byCol);
    }
    const seen = byCol.get(col);
    if (!seen) {
      const span = { sheet, col, top: row, bottom: row };
      byCol.set(col, span);
      this.columns.push(span);
    } else {
      if (row < seen.top) seen.top = row;
      if (row > seen.bottom) seen.bottom = row;
    }
  }
}

/**
 * A number format that shows a date or a time: a date or time letter (y m d h s, M, and b for the Buddhist year)
 * outside quoted text and bracketed parts ([Red], [$-804], [h]). The .xlsx readers (exceljs) decide by this very test,
 * so the two paths see a date in the same cells; "General", "0.00", "#,##0.00" and "@" hold none of those letters.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** Day 25569 is 1970-01-01 in Excel's 1900 date system, the one the .xlsx readers use unless the file says 1904. */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/**
 * A serial number as the .xlsx reader's DateValue: a whole day "2023-12-31", a time "2023-12-31T08:30:00", rounded to
 * the second as serials carry float noise. Same arithmetic as the .xlsx path (dates carry no time zone, taken as UTC).
 */
export function serialToDate(serial: number): CellValue {
  const ms = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  if (!Number.isFinite(rounded.getTime())) return serial;
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  const date: DateValue = { kind: "date", iso: time === "00:00:00" ? day : `${day}T${time}` };
  return date;
}
