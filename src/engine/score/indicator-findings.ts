/** The scorer's findings (issue 3 §1 table): each names its cell and says what is wrong in both languages. */
import { toA1 } from "../a1";
import type { Finding, RuleId, Severity } from "../findings";
import { localized, type Localized } from "../i18n";
import type { CellPos } from "../tables";
import { quoteText } from "../quote";
import type { Tier } from "./target";
import { TIER_NAMES } from "./rules";

function finding(rule: RuleId, severity: Severity, pos: CellPos, message: Localized): Finding {
  return {
    rule,
    severity,
    cells: [{ sheet: pos.sheet, address: toA1(pos.row, pos.col) }],
    table: "indicators",
    expectedFen: null,
    actualFen: null,
    differenceFen: null,
    message,
  };
}

/** How an indicator is named in messages: its 三级指标 text, or its row when that is blank. */
export interface IndicatorLabel {
  readonly name: string;
  /** 0-based sheet row. */
  readonly row: number;
}

function zhName(label: IndicatorLabel): string {
  return label.name ? `「${quoteText(label.name)}」` : `第 ${label.row + 1} 行指标`;
}

function enName(label: IndicatorLabel): string {
  return label.name ? `"${quoteText(label.name)}"` : `the indicator on row ${label.row + 1}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function targetFinding(pos: CellPos, label: IndicatorLabel, target: string): Finding {
  const message =
    target === ""
      ? localized(
          `${zhName(label)}未填写年度指标值，无法评分`,
          `${capitalized(enName(label))} has no target: it cannot be scored`,
        )
      : localized(
          `${zhName(label)}的年度指标值「${quoteText(target)}」无法识别：应为数量（如 ≥15个）或定性描述`,
          `The target of ${enName(label)} ("${quoteText(target)}") cannot be read: write a quantity (e.g. ≥15个) or a qualitative description`,
        );
  return finding("indicator.target", "error", pos, message);
}

export function missingFinding(pos: CellPos, label: IndicatorLabel): Finding {
  return finding(
    "value.missing",
    "error",
    pos,
    localized(
      `${zhName(label)}未填写实际完成值，按 0 分计（属缺失，不等同于未完成）`,
      `${capitalized(enName(label))} has no actual value: scored 0 (missing, which is not the same as not met)`,
    ),
  );
}

export function unparsedActualFinding(
  pos: CellPos,
  label: IndicatorLabel,
  actual: string,
  quantitative: boolean,
): Finding {
  const zhHint = quantitative
    ? "应填写数值（如 17个）或 达成 / 部分达成 / 未达成"
    : "定性指标应填写 达成 / 部分达成 / 未达成";
  const enHint = quantitative
    ? "write a number (e.g. 17个) or 达成 / 部分达成 / 未达成"
    : "a qualitative indicator takes 达成 / 部分达成 / 未达成";
  return finding(
    "value.unparsed",
    "error",
    pos,
    localized(
      `${zhName(label)}的实际完成值「${quoteText(actual)}」无法识别，按 0 分计：${zhHint}`,
      `The actual value of ${enName(label)} ("${quoteText(actual)}") cannot be read, scored 0: ${enHint}`,
    ),
  );
}

/** Why a row's 分值 cannot be used: left blank, not a number ("约5"), or below 0 ("-5"). */
export type WeightProblem =
  | { readonly kind: "blank" }
  | { readonly kind: "unparsed"; readonly text: string }
  | { readonly kind: "negative"; readonly text: string };

/** One row's 分值 that cannot be used: the indicator scores 0 (never below), and the cell says why. */
export function weightFinding(pos: CellPos, label: IndicatorLabel, problem: WeightProblem): Finding {
  let message: Localized;
  switch (problem.kind) {
    case "blank":
      message = localized(
        `${zhName(label)}未填写分值，按 0 分计：请填写该指标的分值`,
        `${capitalized(enName(label))} has no weight: scored 0; enter the indicator's points`,
      );
      break;
    case "unparsed":
      message = localized(
        `${zhName(label)}的分值「${quoteText(problem.text)}」不是数字，按 0 分计：请填写分值，如 10`,
        `The weight of ${enName(label)} ("${quoteText(problem.text)}") is not a number: scored 0; enter the points, e.g. 10`,
      );
      break;
    case "negative":
      message = localized(
        `${zhName(label)}的分值 ${quoteText(problem.text)} 为负数，按 0 分计：分值应为 0 或正数`,
        `The weight of ${enName(label)} is ${quoteText(problem.text)}, a negative number: scored 0; a weight must be 0 or more`,
      );
      break;
  }
  return finding("indicator.weights", "error", pos, message);
}

export function weightsFinding(pos: CellPos, indicatorWeights: string, total: string): Finding {
  return finding(
    "indicator.weights",
    "error",
    pos,
    localized(
      `指标分值合计 ${indicatorWeights}，加预算执行率 10 分共 ${total} 分，应为 100 分`,
      `The indicator weights total ${indicatorWeights}; with 10 for budget execution that is ${total}, not 100`,
    ),
  );
}

export function tierFinding(
  pos: CellPos,
  label: IndicatorLabel,
  tier: Tier,
  typed: string,
  range: Localized,
  used: string,
): Finding {
  const name = TIER_NAMES[tier];
  return finding(
    "indicator.qualitative-tier",
    "error",
    pos,
    localized(
      `${zhName(label)}为「${name["zh-CN"]}」，该档得分应为 ${range["zh-CN"]}，填报得分 ${quoteText(typed)} 不在其内，按 ${used} 分计`,
      `${capitalized(enName(label))} is ${name["en-US"]}, whose tier is ${range["en-US"]}; the typed score ${quoteText(typed)} is outside it: scored ${used}`,
    ),
  );
}

export function scoreMismatchFinding(
  pos: CellPos,
  label: IndicatorLabel,
  typed: string,
  rule: string,
  method: Localized,
): Finding {
  return finding(
    "indicator.score-mismatch",
    "warning",
    pos,
    localized(
      `${zhName(label)}填报得分 ${quoteText(typed)}，按评分规则应为 ${rule}（${method["zh-CN"]}）`,
      `${capitalized(enName(label))}: the typed score is ${quoteText(typed)}, the scoring rule gives ${rule} (${method["en-US"]})`,
    ),
  );
}

export function reasonMissingFinding(
  pos: CellPos,
  label: IndicatorLabel,
  cause:
    | { readonly kind: "shortfall"; readonly score: string; readonly weight: string }
    | { readonly kind: "overachieved" },
): Finding {
  const message =
    cause.kind === "shortfall"
      ? localized(
          `${zhName(label)}得分 ${cause.score} 低于分值 ${cause.weight}，未填写偏差原因分析及改进措施`,
          `${capitalized(enName(label))} scores ${cause.score} of ${cause.weight} and gives no reason for the shortfall or measures to improve`,
        )
      : localized(
          `${zhName(label)}超额完成，未填写偏差原因（说明目标为何设定偏低）`,
          `${capitalized(enName(label))} was over-completed and gives no reason (why the target was set so low)`,
        );
  return finding("indicator.reason-missing", "warning", pos, message);
}

export function overachievedFinding(
  pos: CellPos,
  label: IndicatorLabel,
  detail: {
    readonly actual: string;
    readonly target: string;
    readonly percent: string;
    readonly threshold: string;
    readonly reasonGiven: boolean;
    readonly deduction: string | null;
  },
): Finding {
  const zh = [
    `${zhName(label)}实际完成值 ${quoteText(detail.actual)} 为目标 ${quoteText(detail.target)} 的 ${quoteText(detail.percent)}（达到 ${detail.threshold} 及以上），目标可能设定偏低`,
  ];
  const en = [
    `${capitalized(enName(label))}: the actual ${quoteText(detail.actual)} is ${quoteText(detail.percent)} of the target ${quoteText(detail.target)} (${detail.threshold} or more), so the target may have been set too low`,
  ];
  if (detail.reasonGiven) {
    zh.push("；已说明原因");
    en.push("; a reason is given");
  } else if (detail.deduction !== null) {
    zh.push(`；未说明原因，扣 ${detail.deduction} 分`);
    en.push(`; no reason is given, ${detail.deduction} points deducted`);
  }
  return finding(
    "indicator.overachieved",
    detail.reasonGiven ? "notice" : "warning",
    pos,
    localized(zh.join(""), en.join("")),
  );
}

export function unitMismatchFinding(
  pos: CellPos,
  label: IndicatorLabel,
  targetUnit: string,
  actualUnit: string,
): Finding {
  return finding(
    "indicator.unit-mismatch",
    "warning",
    pos,
    localized(
      `${zhName(label)}的目标单位「${quoteText(targetUnit)}」与实际完成值单位「${quoteText(actualUnit)}」无法换算，已按数值直接比较，请核对`,
      `The target unit of ${enName(label)} ("${quoteText(targetUnit)}") and the actual's unit ("${quoteText(actualUnit)}") cannot be converted; the numbers were compared as written, please check`,
    ),
  );
}
