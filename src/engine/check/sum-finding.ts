/**
 * Turns a judged sum into a report: the rule's own finding, or sum.rounding in its place when the gap is 尾差.
 * Shared by the sum rules (sum.breakdown, sum.row, sum.column) and cross.sheet so they agree on what "equal",
 * "尾差" and "skip" mean.
 */
import type { Localized } from "../i18n";
import type { MoneyUnit } from "../money";
import type { RuleContext } from "../rules/rule";
import type { TableKind } from "../table-kinds";
import type { CellPos } from "../tables";
import { judge } from "./compare";

export interface SumCheck {
  readonly table: TableKind;
  readonly unit: MoneyUnit;
  /** First the cell that should hold the sum, then the others involved. */
  readonly cells: readonly CellPos[];
  readonly expectedFen: number;
  readonly actualFen: number;
  readonly toleranceFen: number;
  /** Builds the message; told the tolerance when the gap is 尾差. */
  readonly message: (roundingToleranceFen: number | undefined) => Localized;
}

/** Reports nothing when the sum holds exactly. */
export function reportSum(context: RuleContext<"sum.rounding">, check: SumCheck): void {
  const verdict = judge(check.actualFen, check.expectedFen, check.toleranceFen);
  if (verdict === "equal") return;
  const rounding = verdict === "rounding";
  context.report({
    ...(rounding ? { as: "sum.rounding" as const } : {}),
    cells: check.cells,
    table: check.table,
    expectedFen: check.expectedFen,
    actualFen: check.actualFen,
    differenceFen: check.actualFen - check.expectedFen,
    unit: check.unit,
    message: check.message(rounding ? check.toleranceFen : undefined),
  });
}
