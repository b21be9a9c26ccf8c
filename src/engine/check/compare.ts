/**
 * The arithmetic every sum rule shares: reading cells as 分 and judging a total against the sum of its parts.
 * Kept in one place so the three sum rules and the cross-table rule agree on what "equal", "尾差" and "skip" mean.
 */
import type { AmountCell } from "../tables";

/** A cell's contribution to a sum: 分 (blank and dashes count as 0), or "bad" when it is an error or unreadable text. */
export type Contribution = number | "bad";

export function contribution(cell: AmountCell | undefined): Contribution {
  if (!cell) return 0;
  switch (cell.parsed.kind) {
    case "amount":
      return cell.parsed.fen;
    case "none":
      return 0;
    default:
      // Error values and unparsed text are reported once by the value rules; a sum built on them would only repeat it.
      return "bad";
  }
}

export function hasValue(cell: AmountCell | undefined): boolean {
  return cell !== undefined && cell.parsed.kind !== "none";
}

export function isBad(cell: AmountCell | undefined): boolean {
  return cell !== undefined && (cell.parsed.kind === "error" || cell.parsed.kind === "unparsed");
}

/** Sums the parts' 分, or returns "bad" when any part cannot be read. Integer addition only. */
export function sumOf(cells: readonly (AmountCell | undefined)[]): Contribution {
  let sum = 0;
  for (const cell of cells) {
    const c = contribution(cell);
    if (c === "bad") return "bad";
    sum += c;
  }
  return sum;
}

export type Verdict = "equal" | "rounding" | "mismatch";

/** Whether an entered aggregate matches the sum it should be; within the tolerance (inclusive) is 尾差. */
export function judge(actualFen: number, expectedFen: number, toleranceFen: number): Verdict {
  const diff = Math.abs(actualFen - expectedFen);
  if (diff === 0) return "equal";
  return diff <= toleranceFen ? "rounding" : "mismatch";
}
