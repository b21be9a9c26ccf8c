/**
 * Table recognition (domain.md §3): finds the budget execution block, the expenditure tables, the indicators table
 * and the department information by their labels, on any sheet (hidden ones too), wherever they sit.
 *
 * Each sheet is scanned once for label cells; each recogniser starts from those anchors only and reads its rows once.
 */
import type { MoneyUnit } from "../money";
import type { CellRange, WorkbookSnapshot } from "../snapshot";
import type {
  BudgetBlock,
  ExpenditureTable,
  IndicatorsTable,
  RecognizedWorkbook,
  TableSummary,
} from "../tables";
import { recognizeBudget } from "./budget";
import { recognizeExpenditure } from "./expenditure";
import { recognizeIndicators } from "./indicators";
import { type InfoPair, assembleInfo, readInfoPair } from "./info";
import { findNarrativeTitle } from "./narrative";
import { recognizeProjects } from "./project";
import { type Anchor, scanSheet } from "./scan";
import { SheetView } from "./sheet-view";
import { recognizeTypedFigures } from "./typed-figures";

export { normalizeLabel } from "./labels";

export function recognizeWorkbook(workbook: WorkbookSnapshot): RecognizedWorkbook {
  const budgets: BudgetBlock[] = [];
  const expenditures: ExpenditureTable[] = [];
  const indicatorTables: IndicatorsTable[] = [];
  const infoPairs: InfoPair[] = [];
  const sheetOrder = new Map<string, number>();
  const views = new Map<string, SheetView>();
  const sheets = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
  sheets.forEach((sheet, index) => {
    if (!sheet) return;
    const view = new SheetView(sheet);
    if (!sheetOrder.has(view.name)) sheetOrder.set(view.name, index);
    if (!views.has(view.name)) views.set(view.name, view);
    const scan = scanSheet(view);
    budgets.push(...findTables(view, scan.budget, recognizeBudget));
    expenditures.push(...findTables(view, scan.expenditure, recognizeExpenditure));
    indicatorTables.push(...findTables(view, scan.indicators, recognizeIndicators));
    for (const hit of scan.info) {
      const pair = readInfoPair(view, hit);
      if (pair) infoPairs.push(pair);
    }
  });

  // Project forms take their own fund block and indicators (issue 13); the department's are chosen from the rest.
  const { projects, claimed } = recognizeProjects(views, budgets, indicatorTables);
  const budget = pickBest(
    budgets.filter((b) => !claimed.has(b)),
    budgetWeight,
  );
  const indicators = pickBest(
    indicatorTables.filter((t) => !claimed.has(t)),
    (t) => t.rows.length,
  );
  // The 年度总体目标 of a project form is the project's, not the department's.
  const info = assembleInfo(
    projects.length === 0
      ? infoPairs
      : infoPairs.filter(
          (pair) =>
            !projects.some(
              (p) =>
                p.sheet === pair.label.pos.sheet &&
                insideRange(p.range, pair.label.pos.row, pair.label.pos.col),
            ),
        ),
  );
  const summaries: TableSummary[] = [];
  if (budget) summaries.push(summary(budget, budget.unit));
  for (const t of expenditures) summaries.push(summary(t, t.unit));
  if (indicators) summaries.push(summary(indicators));
  if (info) summaries.push(summary(info));
  for (const p of projects) {
    const unit = p.budget?.unit;
    summaries.push({ ...summary(p, unit), name: p.name?.text ?? "" });
  }
  summaries.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.range.top - b.range.top ||
      a.range.left - b.range.left,
  );
  const typed = recognizeTypedFigures(views, indicators, info);
  const computed = sheets
    .filter((s) => s && (s.computedCells?.length ?? 0) > 0)
    .map((s) => ({
      sheet: s.name,
      cells: (s.computedCells ?? []).map((c: { row: number; col: number }) => ({ sheet: s.name, ...c })),
    }));
  const narrative =
    !budget && expenditures.length === 0 && !indicators ? findNarrativeTitle(views.values()) : null;
  return {
    budget,
    expenditures,
    indicators,
    info,
    tables: summaries,
    ...(narrative ? { narrative } : {}),
    ...(typed ? { typed } : {}),
    ...(computed.length > 0 ? { computed } : {}),
    ...(projects.length > 0 ? { projects } : {}),
  };
}

/**
 * Tries each anchor in row-major order; an anchor inside a table already found belongs to it and is skipped, so a
 * table with many label cells (or a 合计 row) is read once.
 */
function findTables<T extends { readonly range: CellRange }>(
  view: SheetView,
  anchors: readonly Anchor[],
  recognize: (view: SheetView, anchor: Anchor) => T | null,
): T[] {
  const found: T[] = [];
  const failedRows = new Set<number>();
  for (const a of anchors) {
    if (found.some((t) => inside(t.range, a))) continue;
    // Every anchor of a row that failed shares its header, so it would fail the same way.
    if (failedRows.has(a.row)) continue;
    const table = recognize(view, a);
    if (table) found.push(table);
    else failedRows.add(a.row);
  }
  return found;
}

function inside(r: CellRange, a: Anchor): boolean {
  return insideRange(r, a.row, a.col);
}

function insideRange(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** The candidate with the highest weight; the first one on a tie (sheet order, then top to bottom). */
function pickBest<T>(items: readonly T[], weight: (t: T) => number): T | null {
  let best: T | null = null;
  let bestWeight = -Infinity;
  for (const t of items) {
    const w = weight(t);
    if (w > bestWeight) {
      best = t;
      bestWeight = w;
    }
  }
  return best;
}

/** A block with more recognised rows and amount columns is the real one (a summary elsewhere has fewer). */
function budgetWeight(b: BudgetBlock): number {
  const rows = 1 + Object.keys(b.sources).length + Object.keys(b.kinds).length;
  return rows * 10 + Object.keys(b.columns).length;
}

/** The table's place for the JSON envelope and the UI; money tables carry their unit. */
function summary(
  t: { kind: TableSummary["kind"]; sheet: string; range: CellRange },
  unit?: MoneyUnit,
): TableSummary {
  const base = { kind: t.kind, sheet: t.sheet, range: t.range };
  return unit ? { ...base, unit } : base;
}
