/** Turns a judged sum into a finding: the rule's own error, or a sum.rounding notice when the gap is 尾差. */
import { toA1 } from "../a1";
import type { CellAddress, Finding, RuleId, TableKind } from "../findings";
import type { Localized } from "../i18n";
import type { MoneyUnit } from "../money";
import type { CellPos } from "../tables";
import { judge } from "./compare";

export function addressOf(pos: CellPos): CellAddress {
  return { sheet: pos.sheet, address: toA1(pos.row, pos.col) };
}

export interface SumCheck {
  /** The rule that applies when the gap is larger than the tolerance. */
  readonly rule: Extract<RuleId, "sum.breakdown" | "sum.row" | "sum.column" | "cross.sheet">;
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

/** Null when the sum holds exactly. */
export function sumFinding(check: SumCheck): Finding | null {
  const verdict = judge(check.actualFen, check.expectedFen, check.toleranceFen);
  if (verdict === "equal") return null;
  const rounding = verdict === "rounding";
  return {
    rule: rounding ? "sum.rounding" : check.rule,
    severity: rounding ? "notice" : "error",
    cells: check.cells.map(addressOf),
    table: check.table,
    expectedFen: check.expectedFen,
    actualFen: check.actualFen,
    differenceFen: check.actualFen - check.expectedFen,
    unit: check.unit,
    message: check.message(rounding ? check.toleranceFen : undefined),
  };
}
