/**
 * The tables the engine recognises in a workbook (domain.md §3), as plain data.
 * Coordinates are absolute and 0-based; every value keeps the cell it came from so findings can name it.
 */
import type { AmountParse, MoneyUnit } from "./money";
import type { CellRange, CellValue } from "./snapshot";
import type { TableKind } from "./table-kinds";

export interface CellPos {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** A cell read as an amount in its table's unit. */
export interface AmountCell {
  readonly pos: CellPos;
  readonly raw: CellValue;
  readonly parsed: AmountParse;
}

/** A cell read as text (labels, targets, actual values, reasons), already trimmed. */
export interface TextCell {
  readonly pos: CellPos;
  readonly raw: CellValue;
  readonly text: string;
}

/** Where a table was found and in which unit its amounts are. */
export interface TableSummary {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly range: CellRange;
  /** Money tables only. */
  readonly unit?: MoneyUnit;
  /** Project forms only: the 项目名称 as written ("" when the form leaves it blank). */
  readonly name?: string;
}

// ---------------------------------------------------------------- budget execution block (§3.1)

export type BudgetColumn = "initial" | "budget" | "executed";

/** 按收入性质分. */
export type FundSource =
  | "general"
  | "govFund"
  | "stateCapital"
  | "socialInsurance"
  | "specialAccount"
  | "other"
  // By level of government (宁夏 项目 form: 中央补助 | 自治区补助 | 市县资金): a second way to split the same money.
  | "central"
  | "provincial"
  | "local";

/** 按支出性质分 (also the part columns of the expenditure table). */
export type SpendingKind = "basic" | "project" | "remitted" | "business" | "subsidiary";

export const FUND_SOURCES: readonly FundSource[] = [
  "general",
  "govFund",
  "stateCapital",
  "socialInsurance",
  "specialAccount",
  "other",
  "central",
  "provincial",
  "local",
];

export const SPENDING_KINDS: readonly SpendingKind[] = [
  "basic",
  "project",
  "remitted",
  "business",
  "subsidiary",
];

export interface BudgetRow {
  /** The label as written ("  其中：一般公共预算"). */
  readonly label: TextCell;
  /** One amount per column the block has. */
  readonly cells: Partial<Record<BudgetColumn, AmountCell>>;
}

export interface BudgetBlock {
  readonly kind: "budget";
  readonly sheet: string;
  readonly range: CellRange;
  readonly unit: MoneyUnit;
  /** The header cell of each amount column found. */
  readonly columns: Partial<Record<BudgetColumn, TextCell>>;
  readonly total: BudgetRow;
  readonly sources: Partial<Record<FundSource, BudgetRow>>;
  readonly kinds: Partial<Record<SpendingKind, BudgetRow>>;
  /** Other score-table columns when present in the block (分值, 执行率, 得分), as typed by the user. */
  readonly extra?: { readonly weight?: AmountCell; readonly rate?: TextCell; readonly score?: TextCell };
  /**
   * The unit is not clear (issue 11 §2): the header, a label and a caption state different units, or the amounts
   * carry a unit glued on that differs from the table's. `unit` is then the one read nearest the amounts; `cells` are
   * every cell that states a unit, so a finding can name them. Absent when the unit is clear.
   */
  readonly unitAmbiguity?: { readonly units: readonly MoneyUnit[]; readonly cells: readonly CellPos[] };
  /**
   * The points the form itself gives the execution score (issue 11 §2): the 分值 typed on the total row, or a
   * "(20分)" stated in the block's header ("预算执行情况（万元）（20分）", "得分（20分*执行率）"). The configured weight
   * stays the rule; this is what a finding compares it with, at `cell`. Absent when the form states none.
   */
  readonly executionWeight?: { readonly points: number; readonly cell: CellPos };
  /**
   * 分值 / 得分 cells typed on the breakdown rows as well as on the total row (贵州): the execution score is the total
   * row's alone, so a reader adding the column counts it again. Absent when no breakdown row has one.
   */
  readonly partRowPoints?: readonly CellPos[];
  /**
   * The filer's own subtotal of a breakdown, written in its heading ("按支出性质分：1925.67" on the Hunan form), in the
   * 全年执行数 column like the amounts in the labels under it. Absent when the heading states none.
   */
  readonly subtotals?: Partial<Record<"sources" | "kinds", AmountCell>>;
}

// ---------------------------------------------------------------- expenditure table (§3.2)

/** 类 (3-digit code), 款 (5-digit), 项 (7-digit). */
export type SubjectLevel = 1 | 2 | 3;

export interface ExpenditureRow {
  readonly row: number;
  /** The functional code as text ("2011301"), null on the 合计 row or a row without a code. */
  readonly code: string | null;
  readonly name: TextCell | null;
  readonly level: SubjectLevel | null;
  readonly isTotal: boolean;
  readonly total: AmountCell;
  readonly parts: Partial<Record<SpendingKind, AmountCell>>;
}

export interface ExpenditureTable {
  readonly kind: "expenditure";
  readonly sheet: string;
  readonly range: CellRange;
  readonly unit: MoneyUnit;
  /** Header cells of the amount columns: the 合计 column and each part column present. */
  readonly totalColumn: TextCell;
  readonly partColumns: Partial<Record<SpendingKind, TextCell>>;
  /** Data rows in sheet order, the 合计 row included (flagged isTotal). */
  readonly rows: readonly ExpenditureRow[];
}

// ---------------------------------------------------------------- indicators table (§3.3)

export interface IndicatorRow {
  readonly row: number;
  /** 一级/二级 with "same as above" already filled in from merges and blanks. */
  readonly level1: string;
  readonly level2: string;
  /** 三级指标 (or 指标名称) as written. */
  readonly name: TextCell;
  readonly target: TextCell;
  readonly actual: TextCell;
  /** 分值/权重: the number, null when blank or not a number. */
  readonly weight: { readonly cell: TextCell; readonly value: number | null };
  /** 得分 as typed by the user, when the column exists. */
  readonly score?: { readonly cell: TextCell; readonly value: number | null };
  readonly reason?: TextCell;
  /** 计算符号/指标性质 and 计量单位 when they stand in their own columns. */
  readonly operator?: TextCell;
  readonly unit?: TextCell;
}

export interface IndicatorsTable {
  readonly kind: "indicators";
  readonly sheet: string;
  readonly range: CellRange;
  /** Header cells, for findings about a whole column (the 分值 header for indicator.weights). */
  readonly headers: {
    readonly level1?: TextCell;
    readonly level2?: TextCell;
    readonly name: TextCell;
    readonly target: TextCell;
    readonly actual: TextCell;
    readonly weight: TextCell;
    readonly score?: TextCell;
    readonly reason?: TextCell;
    readonly operator?: TextCell;
    readonly unit?: TextCell;
    readonly criteria?: TextCell;
  };
  readonly rows: readonly IndicatorRow[];
  /**
   * A 评分表 (安徽 部门整体): the rows are judged by the evaluator against a 评分标准 column, and the form has no
   * 年度指标值 or 实际完成值. Each row's `target` is then its 评分标准 cell and its `actual` its 自评得分 cell: the rules
   * cannot recompute such a score, only keep it within 0–分值. Absent on the target-and-actual 自评表.
   */
  readonly byCriteria?: true;
  /**
   * Forms with no 分值 column, only 得分 (湖北, 云南 项目 forms; issue 11 §2). `headers.weight` and each row's `weight`
   * are then the 得分 column's cells, and:
   * - "scores": the typed 得分 add up to exactly the points the form states for its indicators (`stated`, "年度目标1：
   *   (80分)"), so the form allots them as typed and each row's typed 得分 is its 分值;
   * - "unstated": nothing states the weights (no such heading, or the typed 得分 do not add up to it): the rows have
   *   no 分值, are not scored by weight (0), and quality.weights-unstated says so once.
   * Absent when the table has a 分值 column.
   */
  readonly weightsFrom?: {
    readonly kind: "scores" | "unstated";
    readonly stated: { readonly cell: TextCell; readonly points: number } | null;
  };
  /**
   * Template leftovers inside the table (issue 11 §2): placeholder rows ("指标1", "指标2：", "……", rows of "/"),
   * empty spare rows inside a 一级/二级 group. Never scored; each names the cell the accountant should delete
   * (the name cell, or the row's first written cell when the name is empty). Absent when there is none.
   */
  readonly placeholderRows?: readonly TextCell[];
}

// ---------------------------------------------------------------- department information (§3.4)

export type InfoField =
  | "department"
  | "year"
  | "functions"
  | "organization"
  | "overallGoal"
  | "goalCompletion"
  | "problems"
  | "measures"
  | "application"
  | "other";

export interface InfoBlock {
  readonly kind: "info";
  readonly sheet: string;
  readonly range: CellRange;
  readonly fields: Partial<Record<InfoField, { readonly label: TextCell; readonly value: TextCell }>>;
}

// ---------------------------------------------------------------- project forms (issue 13)

/**
 * One 项目支出绩效自评表: 项目名称, 主管部门, 实施单位, the fund block (项目资金: 年度资金总额, 其中 当年财政拨款,
 * 上年结转资金, 其他资金), 年度总体目标, the indicators and the typed 总分 / 评价等级 under them. The fund block and the
 * indicators are read by the department tables' recognisers and belong to the form, not to the department.
 */
export interface ProjectForm {
  readonly kind: "project";
  readonly sheet: string;
  readonly range: CellRange;
  /** The 项目名称 label cell. */
  readonly label: TextCell;
  /** The name as written, null when the form leaves it blank. */
  readonly name: TextCell | null;
  readonly supervisor: TextCell | null;
  readonly implementer: TextCell | null;
  readonly budget: BudgetBlock | null;
  /** 上年结转资金: a part of the fund total the department's block has no row for. */
  readonly carryover: BudgetRow | null;
  readonly indicators: IndicatorsTable | null;
  readonly goal: { readonly expected: TextCell | null; readonly actual: TextCell | null };
  readonly typed: TypedFigures | null;
}

/** Everything recognised in one workbook. */
export interface RecognizedWorkbook {
  readonly budget: BudgetBlock | null;
  readonly expenditures: readonly ExpenditureTable[];
  readonly indicators: IndicatorsTable | null;
  readonly info: InfoBlock | null;
  /** Every table found, in sheet order, for the JSON envelope and the UI. */
  readonly tables: readonly TableSummary[];
  /** What the filer typed around the tables (总分, 评价等级, placeholders); absent on hand-built models. */
  readonly typed?: TypedFigures;
  /**
   * The title of a 自评报告's text (a title naming a 报告 and no 表, recognize/narrative.ts), set only when the
   * workbook holds no budget block, expenditure table or indicators table: it has none to check by its nature.
   */
  readonly narrative?: TextCell;
  /** Per sheet, the formula cells saved without a result that the gateway computed (snapshot computedCells). */
  readonly computed?: readonly { readonly sheet: string; readonly cells: readonly CellPos[] }[];
  /** The project forms, in sheet order (absent or empty when there is none); their tables are not the department's. */
  readonly projects?: readonly ProjectForm[];
  /** Set on the view of one project form (src/engine/project.ts) that the rules run over per form. */
  readonly form?: ProjectForm;
}

// ---------------------------------------------------------------- what the filer typed around the tables

export type TypedGrade = "优" | "良" | "中" | "差";

/** A "(50分)" in a 一级 or 二级 heading of the indicators table, with the rows its group spans (0-based, inclusive). */
export interface TypedGroupHeading {
  readonly cell: TextCell;
  readonly level: 1 | 2;
  readonly points: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** The reviewer's view of what was typed (src/engine/recognize/typed-figures.ts). */
export interface TypedFigures {
  /** The typed 总分 (总分, 自评得分, 自评总分 …): its label, the cell holding the figure and the figure. */
  readonly total: { readonly label: TextCell; readonly cell: TextCell; readonly value: number } | null;
  readonly grade: { readonly cell: TextCell; readonly grade: TypedGrade } | null;
  /** Cells holding template placeholders (XX, ××, 待填写, ……) where a value belongs. */
  readonly placeholders: readonly TextCell[];
  readonly groupHeadings: readonly TypedGroupHeading[];
}
