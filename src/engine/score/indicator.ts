/**
 * Scores one row of the indicators table and records what the indicator rules need to know about it (which way the
 * scoring went, units that did not convert, over-completion); the rules in src/engine/rules/indicator/ word findings.
 */
import { localized, type Localized } from "../i18n";
import { numberToDecimalString } from "../money";
import { quoteText } from "../quote";
import { isErrorValue } from "../snapshot";
import type { CellPos, IndicatorRow, IndicatorsTable } from "../tables";
import {
  cmp,
  div,
  fromInt,
  fromNumber,
  max,
  mul,
  sign,
  sub,
  toFixed,
  toNumber,
  toText,
  ZERO,
  type Ratio,
} from "./exact";
import type { IndicatorDetail, IndicatorLabel, ScoringPath, WeightRead } from "./details";
import type { ResolvedOptions } from "./options";
import { roundScore, scoreQualitative, scoreQuantitative, type RuleOutcome } from "./rules";
import {
  isBlankMark,
  parseActual,
  parseOperatorColumn,
  parseTarget,
  parseUnitColumn,
  tierOfStatement,
  type ActualParse,
  type Quantity,
  type TargetParse,
  type Tier,
} from "./target";
import type { IndicatorKind, IndicatorScore, IndicatorStatus, Operator } from "./types";
import { convert } from "./units";

const OPERATOR_SYMBOLS: Record<Operator, string> = { ">=": "≥", "<=": "≤", ">": "＞", "<": "＜", "=": "＝" };

export interface ScoredIndicator {
  readonly score: IndicatorScore;
  /** The weight the row counts with in the weights total: its 分值, or 0 when that cannot be used. */
  readonly weight: Ratio;
  /** What the indicator rules judge. */
  readonly detail: IndicatorDetail;
}

function readWeight(row: IndicatorRow, table: IndicatorsTable): WeightRead {
  if (table.weightsFrom?.kind === "unstated") return { kind: "unstated" };
  const { cell, value } = row.weight;
  if (isErrorValue(cell.raw)) return { kind: "error" };
  const written = cellText(cell.raw, cell.text);
  if (value === null) {
    return written === "" || isBlankMark(written) ? { kind: "blank" } : { kind: "unparsed", text: written };
  }
  const exact = fromNumber(value);
  if (exact === null) return { kind: "unparsed", text: written };
  // A negative weight would turn every rule's share of it into a negative score.
  return sign(exact) < 0 ? { kind: "negative", text: written } : { kind: "ok", value: exact };
}

/** The method text of a row whose 分值 cannot be used. */
function unusableWeightMethod(read: Exclude<WeightRead, { kind: "ok" }>): Localized {
  switch (read.kind) {
    case "blank":
      return localized("未填写分值，得 0 分", "no weight: score 0");
    case "unstated":
      return localized(
        "表中没有分值列，也未写明各指标分值，未按分值计分（得 0 分）",
        "the form has no weight column and states no weights: not scored by weight (0)",
      );
    case "negative":
      return localized(
        `分值 ${quoteText(read.text)} 为负数，得 0 分`,
        `negative weight ${quoteText(read.text)}: score 0`,
      );
    default:
      return localized("分值无法识别，得 0 分", "the weight cannot be read: score 0");
  }
}

/** Cell text as written; a numeric cell shows its number (TextCell.text may be empty for it). */
function cellText(raw: unknown, text: string): string {
  if (text !== "") return text;
  return typeof raw === "number" && Number.isFinite(raw) ? numberToDecimalString(raw) : "";
}

/** A row that is the budget execution rate scored as an indicator ("预算执行率", "资金执行率"). */
export function isExecutionRateRow(row: IndicatorRow): boolean {
  return /^(?:预算|资金)?执行率$/.test(row.name.text.replace(/\s+/g, "").replace(/[(（].*[)）]$/, ""));
}

/** 成本指标 is where less is better, so a target written without an operator is a ceiling there. */
function isCostIndicator(row: IndicatorRow): boolean {
  return /成本/.test(row.level2) || /成本/.test(row.level1);
}

/** Target as written, with the operator and unit columns glued on when the cell itself does not carry them. */
function displayTarget(row: IndicatorRow, parsed: TargetParse, written: string): string {
  if (parsed.kind !== "quantitative") return written;
  const op = parseOperatorColumn(row.operator?.text);
  const hasOwnOperator = /^[\s<>=≥≧⩾≤≦⩽＞＜＝]/.test(written) || /^[\p{Script=Han}]/u.test(written.trim());
  const prefix = op.kind === "operator" && !hasOwnOperator ? OPERATOR_SYMBOLS[op.operator] : "";
  return prefix + displayQuantity(row, written);
}

function displayQuantity(row: IndicatorRow, written: string): string {
  const unit = parseUnitColumn(row.unit?.text);
  return unit !== "" && /[\d.]\s*$/.test(written) ? written + unit : written;
}

function displayActual(row: IndicatorRow, parsed: ActualParse, written: string): string {
  return parsed.kind === "number" ? displayQuantity(row, written) : written;
}

/** The 偏差原因 cell of a row: its own, else where the reason column crosses the row, else the name cell. */
function reasonPos(row: IndicatorRow, table: IndicatorsTable): CellPos {
  if (row.reason) return row.reason.pos;
  if (table.headers.reason)
    return { sheet: row.name.pos.sheet, row: row.row, col: table.headers.reason.pos.col };
  return row.name.pos;
}

function statusOf(score: Ratio, weight: Ratio, share: Ratio): IndicatorStatus {
  if (sign(weight) > 0) {
    if (cmp(score, weight) >= 0) return "full";
    return sign(score) <= 0 ? "zero" : "partial";
  }
  if (cmp(share, fromInt(1)) >= 0) return "full";
  return sign(share) <= 0 ? "zero" : "partial";
}

function withNote(note: Localized | null, method: Localized): Localized {
  if (!note) return method;
  return localized(note["zh-CN"] + method["zh-CN"], note["en-US"] + method["en-US"]);
}

function joinNotes(notes: readonly Localized[]): Localized | null {
  if (notes.length === 0) return null;
  return localized(notes.map((n) => n["zh-CN"]).join(""), notes.map((n) => n["en-US"]).join(""));
}

/** A row read once: what was written, what it parses to, and the numbers the rules need. */
interface RowInput {
  readonly row: IndicatorRow;
  readonly label: IndicatorLabel;
  readonly targetWritten: string;
  readonly actualWritten: string;
  readonly target: TargetParse;
  readonly actual: ActualParse;
  /** The 分值 the rules use: 0 when it cannot be used (see `weightRead`), so no score goes below 0. */
  readonly weight: Ratio;
  readonly weightRead: WeightRead;
  /** The user's 得分, null when blank or when there is no 得分 column. */
  readonly typed: Ratio | null;
  /** 偏差原因 as written, "" when none; a dash is the accountant's "nothing to say", not a reason. */
  readonly reason: string;
}

function readRow(row: IndicatorRow, table: IndicatorsTable): RowInput {
  const operatorColumn = parseOperatorColumn(row.operator?.text);
  const unitColumn = parseUnitColumn(row.unit?.text);
  const targetWritten = cellText(row.target.raw, row.target.text);
  const actualWritten = cellText(row.actual.raw, row.actual.text);
  const typedValue = row.score?.value;
  const weightRead = readWeight(row, table);
  return {
    row,
    label: { name: row.name.text, row: row.row },
    targetWritten,
    actualWritten,
    target: parseTarget(row.target.raw, targetWritten, operatorColumn, unitColumn),
    actual: parseActual(row.actual.raw, actualWritten, unitColumn),
    weight: weightRead.kind === "ok" ? weightRead.value : ZERO,
    weightRead,
    typed: typedValue === null || typedValue === undefined ? null : fromNumber(typedValue),
    reason: row.reason && !isBlankMark(row.reason.text) ? row.reason.text : "",
  };
}

/** What the rules made of a row, before the over-completion deduction. */
interface Scored {
  readonly kind: IndicatorKind;
  readonly path: ScoringPath;
  /** Set when the row could not be scored (missing, invalid); otherwise derived from the score. */
  readonly status: IndicatorStatus | null;
  readonly outcome: RuleOutcome;
  /** actual / target in percent, when at or above the over-completion threshold. */
  readonly overachieved: Ratio | null;
  readonly tier?: IndicatorDetail["tier"];
  readonly unitMismatch?: IndicatorDetail["unitMismatch"];
}

function unscored(
  kind: IndicatorKind,
  path: ScoringPath,
  status: IndicatorStatus,
  method: Localized,
): Scored {
  return { kind, path, status, outcome: { share: ZERO, score: ZERO, method }, overachieved: null };
}

/** Picks the rule for the row and applies it. */
function scoreByRule(input: RowInput, options: ResolvedOptions): Scored {
  const { row, target, actual } = input;
  // 预算执行率 placed among the indicators (宁夏, 云南 forms) with no target of its own ("一", "—"): its target is
  // the whole budget, 100%, and its score is min(1, rate) × its 分值, as the execution rule scores it.
  if (isExecutionRateRow(row) && target.kind !== "quantitative" && actual.kind === "number") {
    const full: Quantity = { value: fromInt(100), unit: "%", fromNumberCell: false };
    return scoreNumbers(input, ">=", full, actual.quantity, options);
  }
  // A dash written as the target ("—", "-": the 共性 rows of 项目决策 / 项目管理 on the 宁夏 form) says the row has no
  // target value on purpose; an actual that states the outcome or names a tier is then judged by what it says, like a
  // qualitative target. A blank target is still unreadable, and so is a dash against a number.
  if (target.kind === "invalid" && target.reason === "empty" && input.targetWritten !== "") {
    const tier =
      actual.kind === "tier"
        ? actual.tier
        : actual.kind === "unparsed" && !isErrorValue(row.actual.raw)
          ? tierOfStatement(input.actualWritten, "")
          : null;
    if (tier) return scoreTier(input, tier, options);
  }
  if (target.kind === "invalid") {
    return unscored(
      "invalid",
      "target-unreadable",
      "invalid",
      localized("年度指标值无法识别，得 0 分", "the target cannot be read: score 0"),
    );
  }
  // A tier written against a quantitative target ("已完成" for ≥95%) says how far it was met: scored by the tier.
  const kind: IndicatorKind =
    target.kind === "quantitative" && actual.kind !== "tier" ? "quantitative" : "qualitative";
  if (actual.kind === "missing") {
    return unscored(
      kind,
      "actual-missing",
      "missing",
      localized("未填写实际完成值，得 0 分", "no actual value: score 0"),
    );
  }
  if (actual.kind === "tier") return scoreTier(input, actual.tier, options);
  // A qualitative target met by a statement of the outcome ("有效" / "有效", "显著提升"): scored by what it says.
  const stated =
    target.kind === "qualitative" && actual.kind === "unparsed" && !isErrorValue(row.actual.raw)
      ? tierOfStatement(input.actualWritten, input.targetWritten)
      : null;
  if (stated) return scoreTier(input, stated, options);
  if (actual.kind === "unparsed" || target.kind === "qualitative") {
    return unscored(
      kind,
      "actual-unreadable",
      "invalid",
      localized("实际完成值无法识别，得 0 分", "the actual value cannot be read: score 0"),
    );
  }
  return scoreNumbers(input, target.operator, target.quantity, actual.quantity, options);
}

function scoreTier(input: RowInput, tier: Tier, options: ResolvedOptions): Scored {
  const { weight, typed } = input;
  const result = scoreQualitative(tier, weight, typed, options.qualitativeDefaults[tier]);
  return {
    kind: "qualitative",
    path: "tier",
    status: null,
    outcome: result,
    overachieved: null,
    tier: { tier, typedOutsideTier: result.typedOutsideTier, score: result.score },
  };
}

function scoreNumbers(
  input: RowInput,
  written: Operator | null,
  t: Quantity,
  a: Quantity,
  options: ResolvedOptions,
): Scored {
  const notes: Localized[] = [];
  let unitMismatch: IndicatorDetail["unitMismatch"] = null;
  const operator = written ?? (isCostIndicator(input.row) ? "<=" : ">=");
  if (written === null && operator === "<=") {
    notes.push(
      localized("成本指标未写计算符号，按 ≤ 计；", "cost indicator without an operator: scored as ≤; "),
    );
  }
  const conversion = convert(t, a);
  let tv: Ratio;
  let av: Ratio;
  if (conversion.kind === "mismatch") {
    // Scored on the numbers as written: the units are usually two names for one thing (个/项), and the finding asks.
    const { targetUnit, actualUnit } = conversion;
    unitMismatch = { targetUnit, actualUnit };
    notes.push(
      localized(
        `单位不一致（${targetUnit}/${actualUnit}），按数值比较；`,
        `units differ (${targetUnit}/${actualUnit}), numbers compared as written; `,
      ),
    );
    tv = t.value;
    av = a.value;
  } else {
    tv = conversion.target;
    av = conversion.actual;
    if (conversion.converted) {
      notes.push(
        localized(
          `按 ${conversion.unit} 计：目标 ${toText(tv)}，实际 ${toText(av)}；`,
          `in ${conversion.unit}: target ${toText(tv)}, actual ${toText(av)}; `,
        ),
      );
    }
  }
  if (sign(av) < 0) {
    notes.push(
      localized(`实际值 ${toText(av)} 为负，按 0 计；`, `negative actual ${toText(av)} counted as 0; `),
    );
  }
  const result = scoreQuantitative(operator, tv, av, input.weight);
  // Over-completion only means something where more is better (≥, ＞ and ＝, which is scored as ≥).
  const moreIsBetter = operator === ">=" || operator === ">" || operator === "=";
  const over = moreIsBetter && sign(tv) > 0 && cmp(av, mul(tv, options.overachieveThreshold)) >= 0;
  return {
    kind: "quantitative",
    path: "numbers",
    status: null,
    outcome: { ...result, method: withNote(joinNotes(notes), result.method) },
    overachieved: over ? mul(div(av, tv), fromInt(100)) : null,
    unitMismatch,
  };
}

/** The deduction option: points off an over-completed indicator that gives no reason (never below 0). */
function deductForOverachievement(
  score: Ratio,
  method: Localized,
  deduction: Ratio,
): { score: Ratio; method: Localized } {
  const after = max(roundScore(sub(score, deduction)), ZERO);
  const d = toText(deduction);
  const arithmetic = `${toFixed(score, 2)}−${d}=${toFixed(after, 2)}`;
  return {
    score: after,
    method: localized(
      `${method["zh-CN"]}；超额完成未说明原因，扣 ${d} 分：${arithmetic}`,
      `${method["en-US"]}; over-completed without a reason, ${d} deducted: ${arithmetic}`,
    ),
  };
}

/**
 * A 评分表 row (table.byCriteria): the evaluator's score against the 评分标准 is not something the rules recompute; the
 * typed 得分 stands, never below 0 nor above the 分值 (review.score-range reports a typed score outside them).
 */
function scoreByCriteria(input: RowInput): Scored {
  const { typed, weight } = input;
  if (typed === null) {
    return unscored(
      "qualitative",
      "actual-missing",
      "missing",
      localized("未填写自评得分，得 0 分", "no score entered: score 0"),
    );
  }
  const score = roundScore(max(ZERO, cmp(typed, weight) > 0 ? weight : typed));
  const share = sign(weight) > 0 ? div(score, weight) : ZERO;
  return {
    kind: "qualitative",
    path: "criteria",
    status: null,
    outcome: {
      share,
      score,
      method: localized(
        `按评分标准自评，取自评得分 ${toFixed(score, 2)}`,
        `judged against the scoring standard: the score entered, ${toFixed(score, 2)}`,
      ),
    },
    overachieved: null,
  };
}

export function scoreIndicator(
  row: IndicatorRow,
  table: IndicatorsTable,
  options: ResolvedOptions,
): ScoredIndicator {
  const input = readRow(row, table);
  const { label, weight, weightRead, typed, reason } = input;
  const usableWeight = weightRead.kind === "ok";
  const scored = table.byCriteria ? scoreByCriteria(input) : scoreByRule(input, options);
  let status = scored.status ?? statusOf(scored.outcome.score, weight, scored.outcome.share);
  const reasonGiven = reason !== "";
  const target = displayTarget(row, input.target, input.targetWritten);
  const actual = displayActual(row, input.actual, input.actualWritten);

  let { score, method } = scored.outcome;
  const from = table.weightsFrom;
  if (from?.kind === "scores" && from.stated) {
    // No 分值 column: the weight is the typed 得分, as the form allots its stated points (tables.ts weightsFrom).
    const heading = quoteText(from.stated.cell.text);
    method = withNote(
      localized(
        `表中无分值列，分值取填报得分（合计等于“${heading}”所列 ${from.stated.points} 分）；`,
        `no weight column: the weight is the score entered (they add up to the ${from.stated.points} points of "${heading}"); `,
      ),
      method,
    );
  }
  if (weightRead.kind !== "ok") {
    // Without a usable weight there is nothing to take a share of: 0, and no typed score or reason to compare.
    score = ZERO;
    method = unusableWeightMethod(weightRead);
    status = "invalid";
  }
  let overachieved: IndicatorDetail["overachieved"] = null;
  if (scored.overachieved) {
    const deduct = usableWeight && !reasonGiven && sign(options.overachieveDeduction) > 0;
    if (deduct) ({ score, method } = deductForOverachievement(score, method, options.overachieveDeduction));
    overachieved = {
      percent: scored.overachieved,
      threshold: options.overachieveThreshold,
      deduction: deduct ? options.overachieveDeduction : null,
    };
  }

  const result: IndicatorScore = {
    row: row.row,
    level1: row.level1,
    level2: row.level2,
    name: row.name.text,
    nameCell: row.name,
    target,
    actual,
    weight: toNumber(weight, 4),
    score: toNumber(score, 2),
    kind: scored.kind,
    status,
    overachieved: scored.overachieved !== null,
    reason,
    method,
  };
  return {
    score: result,
    weight,
    detail: {
      row,
      label,
      result,
      path: scored.path,
      target: input.target,
      actual: input.actual,
      targetWritten: input.targetWritten,
      actualWritten: input.actualWritten,
      weightRead,
      weight,
      score,
      typed,
      tier: scored.tier ?? null,
      unitMismatch: scored.unitMismatch ?? null,
      overachieved,
      reasonCell: reasonPos(row, table),
    },
  };
}
