/** 预算执行率 and its 10 points (domain.md §5): min(1, 全年执行数 / 全年预算数) × 10, from the block's total row. */
import { localized } from "../i18n";
import { formatFen } from "../money";
import type { AmountCell, BudgetBlock } from "../tables";
import { cmp, fromInt, max, min, mul, ONE, ratio, toFixed, toNumber, ZERO, type Ratio } from "./exact";
import { roundScore } from "./rules";
import type { ExecutionScore } from "./types";

export const EXECUTION_WEIGHT = 10;

function fenOf(cell: AmountCell | undefined): number | null {
  return cell && cell.parsed.kind === "amount" ? cell.parsed.fen : null;
}

/**
 * The fund sources' 全年预算数 and 全年执行数 added up, when the total row carries no 全年预算数 (0 or blank) but the
 * sources do (安徽 棠溪: 年度资金总额 left at 0 beside a filled 本年财政拨款 row): the money is in the sources, and
 * sum.breakdown reports the total. Null when the sources hold no 全年预算数 above 0 or no 全年执行数 at all.
 */
function fromSources(budget: BudgetBlock): { budgetFen: number; executedFen: number } | null {
  const rows = Object.values(budget.sources);
  const budgets = rows.map((r) => fenOf(r?.cells.budget)).filter((f): f is number => f !== null);
  const executed = rows.map((r) => fenOf(r?.cells.executed)).filter((f): f is number => f !== null);
  const budgetFen = budgets.reduce((a, f) => a + f, 0);
  if (budgetFen <= 0 || executed.length === 0) return null;
  return { budgetFen, executedFen: executed.reduce((a, f) => a + f, 0) };
}

export function scoreExecution(budget: BudgetBlock | null): ExecutionScore {
  // A block with no 全年预算数 column at all (贵州: 年初预算数(A) | 全年执行数(B)) has the 年初预算数 as its only budget.
  const initialOnly = budget !== null && !budget.columns.budget && budget.columns.initial !== undefined;
  let budgetFen = budget ? fenOf(initialOnly ? budget.total.cells.initial : budget.total.cells.budget) : null;
  let executedFen = budget ? fenOf(budget.total.cells.executed) : null;
  const weight = fromInt(EXECUTION_WEIGHT);
  const sources = budget && (budgetFen === null || budgetFen <= 0) ? fromSources(budget) : null;
  if (sources && (executedFen === null || executedFen <= 0)) ({ budgetFen, executedFen } = sources);
  const note = initialOnly
    ? localized("表中没有全年预算数栏，按年初预算数计算：", "no 全年预算数 column, against the 年初预算数: ")
    : sources && budgetFen === sources.budgetFen
      ? localized(
          "年度资金总额未填全年预算数，按资金来源合计计算：",
          "no budget on the total row, from the fund sources: ",
        )
      : null;
  if (budget === null || budgetFen === null || executedFen === null || budgetFen <= 0) {
    return {
      budgetFen,
      executedFen,
      rate: null,
      weight: EXECUTION_WEIGHT,
      score: 0,
      method: localized(
        "缺少全年预算数或全年执行数，无法计算执行率，得 0 分",
        "全年预算数 or 全年执行数 is missing: no execution rate, score 0",
      ),
    };
  }
  const rate = ratio(BigInt(executedFen), BigInt(budgetFen));
  // A negative execution (a refund larger than the spending) earns nothing rather than negative points.
  const counted = max(min(rate, ONE), ZERO);
  const score = roundScore(mul(weight, counted));
  const unit = budget.unit;
  const pct = `${toFixed(mul(rate, fromInt(100)), 2)}%`;
  const formula = `${formatFen(executedFen, unit)}/${formatFen(budgetFen, unit)}`;
  const s = toFixed(score, 2);
  const method0 =
    cmp(rate, ONE) > 0
      ? localized(
          `执行率 = ${formula} = ${pct}，超过 100% 按 100% 计，得 ${s} 分`,
          `execution rate = ${formula} = ${pct}, counted as 100%: score ${s}`,
        )
      : localized(
          `执行率 = ${formula} = ${pct}，10×${pct}=${s}`,
          `execution rate = ${formula} = ${pct}, 10×${pct}=${s}`,
        );
  const method = note
    ? localized(note["zh-CN"] + method0["zh-CN"], note["en-US"] + method0["en-US"])
    : method0;
  return {
    budgetFen,
    executedFen,
    rate: Number(rate.n) / Number(rate.d),
    weight: EXECUTION_WEIGHT,
    score: toNumber(score, 2),
    method,
  };
}

/** The execution rate as an exact ratio, for the cap option (null when there is none). */
export function executionRate(execution: ExecutionScore): Ratio | null {
  if (execution.budgetFen === null || execution.executedFen === null || execution.budgetFen <= 0) return null;
  return ratio(BigInt(execution.executedFen), BigInt(execution.budgetFen));
}
