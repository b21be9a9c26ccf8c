/**
 * What the filer typed around the tables, for the reviewer's rules (src/engine/rules/review/, quality/): the 总分 and
 * 评价等级 cells near the indicators table, the "(50分)" weights stated in its 一级/二级 headings and placeholder text
 * left from the template (XX, ××, 待填写, ……) where a value belongs. It reads the sheets directly, so a group heading's
 * span counts every row under it, recognised as an indicator or not.
 */
import { toHalfWidth } from "../money";
import type {
  IndicatorsTable,
  InfoBlock,
  TextCell,
  TypedFigures,
  TypedGrade,
  TypedGroupHeading,
} from "../tables";
import { cellText, isBlank, LABEL_MAX_LENGTH, normalizeLabel } from "./labels";
import type { SheetView } from "./sheet-view";

/** Labels of the typed total: the Hunan 总分, the Ningxia 自评得分 beside the project's name, Chongqing's 自评总分(分). */
const TOTAL_LABEL = /^(?:总分|总得分|自评总分|自评得分|自评得分合计|得分合计|综合得分)(?:\(分\))?$/;
/** 合计 and 总计 name a total only on the line under the indicators table (elsewhere they are amount rows). */
const TOTAL_LINE_LABEL = /^(?:合计|总计)$/;
const GRADE_LABEL = /^(?:评价等级|自评等级|绩效等级|等级|评价结果|自评结果)$/;
const GRADE_WORDS: Readonly<Record<string, TypedGrade>> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  差: "差",
  较差: "差",
};
/** How far right of a label its value may stand (a merged label, a blank spacer column). */
const VALUE_REACH = 4;
/** How many rows under the indicators table a 总分 line may stand. */
const ROWS_BELOW = 6;

/** Text left from a template where a value belongs. A lone "X" is a real symbol (an answer mark), two are not. */
const PLACEHOLDER =
  /(?:(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[×✕╳]{2,}|待填写|待填报|待补充|待完善|TODO|^(?:…+|\.{3,}|。{3,}|＊+|\*+)$)/;
/** "(50分)" in a heading: the weight the group is meant to carry. */
const STATED_POINTS = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

const EMPTY: TypedFigures = {
  total: null,
  grade: null,
  placeholders: [],
  groupHeadings: [],
};

export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER.test(toHalfWidth(text).trim());
}

/** A typed figure: a number, or text holding only a number with 分 or % ("100分", " 96 "). */
export function typedNumber(cell: TextCell): number | null {
  if (typeof cell.raw === "number") return Number.isFinite(cell.raw) ? cell.raw : null;
  const m = /^([+-]?\d+(?:\.\d+)?)\s*分?$/.exec(toHalfWidth(cell.text).replace(/\s+/g, ""));
  return m ? Number(m[1]) : null;
}

export function recognizeTypedFigures(
  views: ReadonlyMap<string, SheetView>,
  indicators: IndicatorsTable | null,
  info: InfoBlock | null,
  /** The first row a typed 总分 or 评价等级 may stand in (a project form's own first row; default the sheet's). */
  fromRow?: number,
): TypedFigures | null {
  const infoPlaceholders = info
    ? Object.values(info.fields)
        .map((f) => f.value)
        .filter((v) => isPlaceholderText(v.text))
    : [];
  const view = indicators ? views.get(indicators.sheet) : undefined;
  if (!indicators || !view) {
    return infoPlaceholders.length > 0 ? { ...EMPTY, placeholders: infoPlaceholders } : null;
  }
  const layout = layoutOf(indicators, fromRow ?? view.top);
  const rows = scanRows(view, layout);
  const total = findTotal(view, layout);
  return {
    total,
    grade: findGrade(view, layout, total),
    placeholders: [...rows, ...infoPlaceholders],
    groupHeadings: [
      ...headingsIn(view, layout, layout.level1Col, 1),
      ...headingsIn(view, layout, layout.level2Col, 2),
    ],
  };
}

interface Layout {
  readonly table: IndicatorsTable;
  /** The first row a typed figure is looked for in. */
  readonly top: number;
  /** First and last header rows; data rows follow. */
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly bottom: number;
  readonly level1Col: number | undefined;
  readonly level2Col: number | undefined;
  readonly nameCol: number;
  /** The columns that hold an indicator's figures: a row with all of them blank holds none. */
  readonly valueCols: readonly number[];
  /** Every column of the row a placeholder may be left in. */
  readonly textCols: readonly number[];
}

function layoutOf(table: IndicatorsTable, top: number): Layout {
  const h = table.headers;
  const headerCells = Object.values(h).filter((c): c is TextCell => c !== undefined);
  const headerTop = Math.min(...headerCells.map((c) => c.pos.row));
  const firstData = table.rows.length > 0 ? table.rows[0].row : table.range.bottom + 1;
  const headerBottom = Math.max(headerTop, Math.min(firstData - 1, table.range.bottom));
  const cols = (cells: readonly (TextCell | undefined)[]): number[] => [
    ...new Set(cells.filter((c): c is TextCell => c !== undefined).map((c) => c.pos.col)),
  ];
  return {
    table,
    top,
    headerTop,
    headerBottom,
    bottom: table.range.bottom,
    level1Col: h.level1?.pos.col,
    level2Col: h.level2?.pos.col,
    nameCol: h.name.pos.col,
    valueCols: cols([h.target, h.actual, h.weight, h.score]),
    textCols: cols([h.name, h.target, h.actual, h.weight, h.score, h.reason, h.operator, h.unit]),
  };
}

/** A cell that holds nothing, or only a dash the accountant writes for "none". */
function isEmptyValue(view: SheetView, row: number, col: number): boolean {
  const v = view.raw(row, col);
  return isBlank(v) || (typeof v === "string" && /^[-—–/／\\]+$/.test(v.trim()));
}

/** The cell's own text when the cell is not the tail of a merge started above or to its left. */
function ownText(view: SheetView, row: number, col: number): string {
  const a = view.anchor(row, col);
  return a.row === row && a.col === col ? cellText(view.raw(row, col)) : "";
}

/**
 * Placeholder text in the rows that hold figures. A row with no figures at all ("指标2", "……", a bare 二级 heading)
 * is a template row, which the indicators recogniser sets aside and indicator.placeholder reports once per table.
 */
function scanRows(view: SheetView, layout: Layout): TextCell[] {
  const placeholders: TextCell[] = [];
  for (let r = layout.headerBottom + 1; r <= layout.bottom; r++) {
    if (layout.valueCols.every((c) => isEmptyValue(view, r, c))) continue;
    for (const c of layout.textCols) {
      const text = ownText(view, r, c);
      if (text !== "" && text.length <= LABEL_MAX_LENGTH * 4 && isPlaceholderText(text)) {
        placeholders.push(view.textCell(r, c));
      }
    }
  }
  return placeholders;
}

/** Is the cell one of the indicators table's header cells (自评得分 may be its 得分 column's name)? */
function inHeader(layout: Layout, row: number): boolean {
  return row >= layout.headerTop && row <= layout.headerBottom;
}

function labelAt(view: SheetView, row: number, col: number): string {
  const v = view.raw(row, col);
  if (typeof v !== "string" || v.length > LABEL_MAX_LENGTH) return "";
  return normalizeLabel(v);
}

/** The first non-blank cell right of a label (skipping the label's own merge). */
function valueRightOf(view: SheetView, row: number, col: number, skipCol?: number): TextCell | null {
  const merge = view.merge(row, col);
  const start = (merge ? merge.right : col) + 1;
  for (let c = start; c <= Math.min(view.right, start + VALUE_REACH - 1); c++) {
    const a = view.anchor(row, c);
    if (a.row !== row || a.col === skipCol) continue;
    if (!isBlank(view.raw(a.row, a.col))) return view.textCell(a.row, a.col);
  }
  return null;
}

/**
 * The typed 总分: under the table, in the 得分 column of the 总分 line (beside it stands the 分值 total); elsewhere
 * (above the table, beside the project's name) the value right of the label.
 */
function findTotal(view: SheetView, layout: Layout): TypedFigures["total"] {
  const scoreCol = layout.table.headers.score?.pos.col;
  const weightCol = layout.table.headers.weight.pos.col;
  const last = Math.min(view.bottom, layout.bottom + ROWS_BELOW);
  let above: TypedFigures["total"] = null;
  for (let r = layout.top; r <= last; r++) {
    if (inHeader(layout, r) || (r > layout.headerBottom && r <= layout.bottom)) continue;
    for (let c = view.left; c <= view.right; c++) {
      const text = labelAt(view, r, c);
      if (!TOTAL_LABEL.test(text) && !(r > layout.bottom && TOTAL_LINE_LABEL.test(text))) continue;
      const label = view.textCell(r, c);
      // On the line under the table the total stands in the 得分 column; the figure beside the label is the 分值 total.
      const underTable = r > layout.bottom && scoreCol !== undefined && scoreCol > c;
      const cell = underTable ? view.textCell(r, scoreCol) : valueRightOf(view, r, c, weightCol);
      const value = cell ? typedNumber(cell) : null;
      if (!cell || value === null) continue;
      const found = { label, cell, value };
      if (r > layout.bottom) return found;
      above ??= found;
    }
  }
  return above;
}

function gradeOfText(text: string): TypedGrade | null {
  return GRADE_WORDS[text.replace(/\s+/g, "")] ?? null;
}

/** The typed 评价等级: right of its label, or on the 总分 line right of the typed total. */
function findGrade(view: SheetView, layout: Layout, total: TypedFigures["total"]): TypedFigures["grade"] {
  const last = Math.min(view.bottom, layout.bottom + ROWS_BELOW);
  for (let r = layout.top; r <= last; r++) {
    if (inHeader(layout, r) || (r > layout.headerBottom && r <= layout.bottom)) continue;
    for (let c = view.left; c <= view.right; c++) {
      if (!GRADE_LABEL.test(labelAt(view, r, c))) continue;
      const cell = valueRightOf(view, r, c);
      const grade = cell ? gradeOfText(cell.text) : null;
      if (cell && grade) return { cell, grade };
    }
  }
  if (total) {
    const cell = valueRightOf(view, total.cell.pos.row, total.cell.pos.col);
    const grade = cell ? gradeOfText(cell.text) : null;
    if (cell && grade) return { cell, grade };
  }
  return null;
}

/** The "(50分)" headings of one level column, each with the rows its group spans. */
function headingsIn(
  view: SheetView,
  layout: Layout,
  col: number | undefined,
  level: 1 | 2,
): TypedGroupHeading[] {
  if (col === undefined) return [];
  const starts: { row: number; text: string }[] = [];
  for (let r = layout.headerBottom + 1; r <= layout.bottom; r++) {
    const text = ownText(view, r, col);
    if (text !== "") starts.push({ row: r, text });
  }
  const out: TypedGroupHeading[] = [];
  starts.forEach((s, i) => {
    const m = STATED_POINTS.exec(toHalfWidth(s.text));
    if (!m) return;
    const merge = view.merge(s.row, col);
    const next = i + 1 < starts.length ? starts[i + 1].row - 1 : layout.bottom;
    const lastRow = merge && merge.bottom > s.row ? Math.min(merge.bottom, layout.bottom) : next;
    out.push({ cell: view.textCell(s.row, col), level, points: Number(m[1]), firstRow: s.row, lastRow });
  });
  return out;
}
