/**
 * The spreadsheet route the engine is compared with: the checks a user would otherwise write as SUM formulas beside
 * the 支出决算表 — each row's 合计 against its parts, each 款 against its 项, each 类 against its 款 and the 合计 row
 * against the 类 — evaluated by HyperFormula on the same grid the engine reads.
 *
 * The hierarchy is found the way a user would lay the formulas out: from the codes in column A (a 款 is followed by its
 * 项 rows; a 类's 款 rows are spread out, so its formula names them one by one).
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { CellValue, SheetSnapshot } from "../src/engine/snapshot";

export interface FormulaSheet {
  /** The sheet's values with the check formulas to the right of the table. */
  readonly cells: RawCellContent[][];
  /** Where the check formulas are (0-based row, col), to read their results back. */
  readonly checks: readonly (readonly [number, number])[];
}

function raw(v: CellValue): RawCellContent {
  if (v === null || typeof v === "number" || typeof v === "boolean") return v;
  // Excel's own limit (HyperFormula defaults to 40,000 rows).
  // Text is entered as text ('…' keeps "201" from becoming a number, as an apostrophe does in Excel).
  if (typeof v === "string") return `'${v}`;
  return v.kind === "error" ? v.code : v.iso;
}

const AMOUNT_COLUMNS = ["C", "D", "E"] as const;

/**
 * Builds the formula sheet from the expenditure sheet: columns A–E as in the workbook (科目编码, 科目名称, 合计, 基本支出,
 * 项目支出; the 合计 row at `totalRow`, 1-based), the row check in G and the column checks in H–J.
 */
export function formulaSheet(sheet: SheetSnapshot, totalRow: number): FormulaSheet {
  if (sheet.originRow !== 0 || sheet.originCol !== 0) throw new Error("expected the table at A1");
  const cells: RawCellContent[][] = sheet.values.map((row) => {
    const out = row.map(raw);
    while (out.length < 10) out.push(null);
    return out;
  });
  const checks: [number, number][] = [];
  const firstData = totalRow + 1;
  const lastData = sheet.values.length;
  const code = (r: number): string => {
    const v = sheet.values[r - 1]?.[0];
    return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  };

  // Children by parent row (1-based Excel rows), from the codes.
  const classRows: number[] = [];
  const children = new Map<number, number[]>();
  const rowOfCode = new Map<string, number>();
  for (let r = firstData; r <= lastData; r++) {
    const c = code(r);
    rowOfCode.set(c, r);
    if (c.length === 3) classRows.push(r);
    else {
      const parent = rowOfCode.get(c.slice(0, -2));
      if (parent !== undefined) {
        const list = children.get(parent) ?? [];
        list.push(r);
        children.set(parent, list);
      }
    }
  }
  children.set(totalRow, classRows);

  // Row check: 合计 − (基本支出 + 项目支出), rounded to 分.
  for (let r = totalRow; r <= lastData; r++) {
    cells[r - 1][6] = `=ROUND(C${r}-SUM(D${r}:E${r}),2)`;
    checks.push([r - 1, 6]);
  }
  // Column checks: an aggregate minus the sum of its children, in each amount column.
  for (const [parent, kids] of children) {
    if (kids.length === 0) continue;
    const contiguous = kids.every((k, i) => i === 0 || k === kids[i - 1] + 1);
    AMOUNT_COLUMNS.forEach((col, j) => {
      const sum = contiguous
        ? `SUM(${col}${kids[0]}:${col}${kids[kids.length - 1]})`
        : `SUM(${kids.map((k) => `${col}${k}`).join(",")})`;
      cells[parent - 1][7 + j] = `=ROUND(${col}${parent}-${sum},2)`;
      checks.push([parent - 1, 7 + j]);
    });
  }
  return { cells, checks };
}

export interface FormulaRun {
  /** Check cells that are not 0: the mismatches the formulas found. */
  readonly mismatches: number;
  readonly checks: number;
}

/** Loads the sheet into HyperFormula (which evaluates every formula) and reads every check back. */
export function runFormulaRoute(sheet: FormulaSheet): FormulaRun {
  const hf = HyperFormula.buildFromSheets(
    { 支出: sheet.cells },
    { licenseKey: "gpl-v3", maxRows: 1_048_576 },
  );
  try {
    const id = hf.getSheetId("支出");
    if (id === undefined) throw new Error("sheet missing");
    let mismatches = 0;
    for (const [row, col] of sheet.checks) {
      const v = hf.getCellValue({ sheet: id, row, col });
      if (v !== 0) mismatches++;
    }
    return { mismatches, checks: sheet.checks.length };
  } finally {
    hf.destroy();
  }
}
