/**
 * The expenditure table (domain.md §3.2): functional codes (类 3 digits, 款 5, 项 7) with names, a 合计 column and the
 * spending-kind columns, the 合计 row at the top or the bottom. Codes come as numbers or text, in their own column,
 * glued to the name ("201 一般公共服务支出") or split over 类 | 款 | 项 columns.
 */
import { toHalfWidth } from "../money";
import {
  type AmountCell,
  type ExpenditureRow,
  type ExpenditureTable,
  SPENDING_KINDS,
  type SpendingKind,
  type SubjectLevel,
  type TextCell,
} from "../tables";
import { amountCell, isBlankRow } from "./cells";
import { type Header, detectHeader } from "./header";
import {
  EXPENDITURE_HEADER,
  EXPENDITURE_TOTAL_ROW,
  type ExpenditureHeaderField,
  LABEL_MAX_LENGTH,
  cellText,
  isNoteText,
  lookup,
  normalizeLabel,
} from "./labels";
import type { Anchor } from "./scan";
import type { SheetView } from "./sheet-view";
import { tableUnit } from "./unit";

/** Blank rows tolerated between the header and the first data row. */
const MAX_LEADING_BLANKS = 3;

const LEVEL_OF_LENGTH: Record<number, SubjectLevel> = { 3: 1, 5: 2, 7: 3 };

export function recognizeExpenditure(view: SheetView, anchor: Anchor): ExpenditureTable | null {
  const header = detectHeader(view, anchor.row, anchor.col, EXPENDITURE_HEADER);
  if (!header) return null;
  const f = header.fields;
  const totalColumn = f.get("total");
  const hasPart = SPENDING_KINDS.some((k) => f.has(k));
  const hasLabel = f.has("code") || f.has("name") || f.has("subject") || f.has("codeClass");
  if (!totalColumn || !hasPart || !hasLabel) return null;
  const unit = tableUnit(view, header);
  const partColumns: Partial<Record<SpendingKind, TextCell>> = {};
  const partCols: [SpendingKind, number][] = [];
  for (const k of SPENDING_KINDS) {
    const h = f.get(k);
    if (!h) continue;
    partColumns[k] = h.cell;
    partCols.push([k, h.col]);
  }
  const reader = new RowReader(view, header);
  const rows: ExpenditureRow[] = [];
  let leadingBlanks = 0;
  for (let r = header.bottom + 1; r <= view.bottom; r++) {
    if (isBlankRow(view, r, header.left, header.right)) {
      if (rows.length > 0 || ++leadingBlanks > MAX_LEADING_BLANKS) break;
      continue;
    }
    const labels = reader.labels(r);
    if (labels.note) break;
    if (labels.skip) continue;
    const parts: Partial<Record<SpendingKind, AmountCell>> = {};
    for (const [k, col] of partCols) parts[k] = amountCell(view, r, col, unit);
    rows.push({
      row: r,
      code: labels.code,
      name: labels.name,
      level: labels.code ? (LEVEL_OF_LENGTH[labels.code.length] ?? null) : null,
      isTotal: labels.isTotal,
      total: amountCell(view, r, totalColumn.col, unit),
      parts,
    });
  }
  if (rows.length === 0) return null;
  return {
    kind: "expenditure",
    sheet: view.name,
    range: { top: header.top, left: header.left, bottom: rows[rows.length - 1].row, right: header.right },
    unit,
    totalColumn: totalColumn.cell,
    partColumns,
    rows,
  };
}

interface RowLabels {
  readonly code: string | null;
  readonly name: TextCell | null;
  readonly isTotal: boolean;
  /** A note under the table ("注：…") ends it. */
  readonly note: boolean;
  /** A 栏次 row or a repeated header is not data. */
  readonly skip: boolean;
}

const GLUED_CODE = /^(\d{3}(?:\d{2}){0,2})(?![\d.])\s*(.*)$/s;

/** Reads the code and name of each row, remembering 类 and 款 for codes split over 类 | 款 | 项 columns. */
class RowReader {
  private lastClass = "";
  private lastItem = "";
  private readonly col: Partial<Record<ExpenditureHeaderField, number>> = {};
  private readonly left: number;

  constructor(
    private readonly view: SheetView,
    header: Header<ExpenditureHeaderField>,
  ) {
    this.left = header.left;
    for (const [field, h] of header.fields) this.col[field] = h.col;
  }

  labels(row: number): RowLabels {
    const codeText = this.text(row, "code");
    const nameCol = this.col.name ?? this.col.subject;
    const nameText = nameCol === undefined ? "" : cellText(this.view.raw(row, nameCol));
    const subjectText = this.col.name !== undefined ? this.text(row, "subject") : "";
    const classText = this.text(row, "codeClass");
    const labelTexts = [codeText, classText, subjectText, nameText];
    const first = [cellText(this.view.raw(row, this.left)), ...labelTexts].find((t) => t !== "") ?? "";
    const none = { code: null, name: null, isTotal: false };
    if (isNoteText(first)) return { ...none, note: true, skip: false };
    if (this.isLayoutRow(row, first)) return { ...none, note: false, skip: true };

    let code = this.splitCode(row);
    let name: TextCell | null =
      nameCol === undefined || nameText === "" ? null : this.view.textCell(row, nameCol);
    if (code === null) {
      // A code glued to its name, in the code column or in the name column.
      for (const [text, col] of [
        [codeText, this.col.code],
        [subjectText, this.col.subject],
        [nameText, nameCol],
      ] as const) {
        const glued = col === undefined ? null : GLUED_CODE.exec(toHalfWidth(text));
        if (!glued || col === undefined) continue;
        code = glued[1];
        const rest = text.slice(glued[1].length).trim(); // the name as written, not its half-width form
        if (rest !== "" && (col === nameCol || name === null))
          name = { ...this.view.textCell(row, col), text: rest };
        break;
      }
    }
    const isTotal =
      code === null &&
      labelTexts.some((t) => t.length <= LABEL_MAX_LENGTH && EXPENDITURE_TOTAL_ROW.has(normalizeLabel(t)));
    return { code, name, isTotal, note: false, skip: false };
  }

  /** A 栏次 row (column numbers under the header) or the header repeated after a page break. */
  private isLayoutRow(row: number, first: string): boolean {
    if (first.includes("栏") && first.length <= LABEL_MAX_LENGTH && normalizeLabel(first) === "栏次")
      return true;
    const total = this.col.total === undefined ? null : this.view.raw(row, this.col.total);
    return (
      typeof total === "string" &&
      total.length <= LABEL_MAX_LENGTH &&
      lookup(EXPENDITURE_HEADER, normalizeLabel(total)) !== null
    );
  }

  private text(row: number, field: ExpenditureHeaderField): string {
    const c = this.col[field];
    return c === undefined ? "" : cellText(this.view.raw(row, c));
  }

  /** The code from the code column, or joined from 类 | 款 | 项 (blank 类/款 under a filled one mean "same as above"). */
  private splitCode(row: number): string | null {
    if (this.col.code !== undefined) {
      const text = this.text(row, "code");
      if (/^\d{3,}$/.test(text)) return text;
      const t = toHalfWidth(text).replace(/\s+/g, "");
      return /^\d{3,}$/.test(t) ? t : null;
    }
    if (this.col.codeClass === undefined) return null;
    const cls = digits(this.text(row, "codeClass"));
    const item = digits(this.text(row, "codeItem"));
    const sub = digits(this.text(row, "codeSub"));
    if (cls && /^\d{3}$/.test(cls)) {
      this.lastClass = cls;
      this.lastItem = "";
    }
    if (item) this.lastItem = item.padStart(2, "0");
    if (!cls && !item && !sub) return null;
    if (sub)
      return this.lastClass && this.lastItem ? this.lastClass + this.lastItem + sub.padStart(2, "0") : null;
    if (item) return this.lastClass ? this.lastClass + this.lastItem : null;
    return /^\d{3}$/.test(cls) ? cls : null;
  }
}

function digits(text: string): string {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  return /^\d{1,3}$/.test(t) ? t : "";
}
