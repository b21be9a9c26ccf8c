/**
 * One breakdown of a budget block's column: the total against the sum of its parts (and, where the heading states one,
 * the filer's own subtotal against the same parts). sum.breakdown runs it over the department's block, project.fund-sum
 * over each project form's fund block, so both judge, name the cells and word the finding alike.
 */
import type { RuleContext } from "../rules/rule";
import type { AmountCell, BudgetBlock, BudgetColumn, CellPos } from "../tables";
import { budgetColumnName, budgetPosition, type NamedRow } from "./budget-view";
import { contribution, hasValue, judge, sumOf } from "./compare";
import { joinParts } from "./labels";
import { reportSum } from "./sum-finding";
import { sumMessage } from "./sum-message";

/** "按支出性质分：1925.67" → "按支出性质分". */
function headingName(cell: AmountCell): string {
  const text = typeof cell.raw === "string" ? cell.raw : "";
  return text.replace(/[:：][^:：]*$/, "").trim() || "小计";
}

export function checkBreakdown(
  context: RuleContext<"sum.rounding">,
  table: "budget" | "project",
  block: BudgetBlock,
  column: BudgetColumn,
  total: NamedRow,
  parts: readonly NamedRow[],
  tolerance: number,
  subtotal?: AmountCell,
): void {
  const partCells = parts.map((p) => p.row.cells[column]);
  // Many filings break the total down only in 全年执行数; a column with no part filled in is not a breakdown.
  if (!partCells.some(hasValue)) return;
  const expected = sumOf(partCells);
  const actual = contribution(total.row.cells[column]);
  if (expected === "bad" || actual === "bad") return;
  const totalPos = budgetPosition(block, total.row, column);
  if (!totalPos) return;
  const partPositions = partCells.filter((c): c is AmountCell => c !== undefined).map((c) => c.pos);
  // The filer's own subtotal: checked against its parts; when it agrees with them, it is the figure that misses the
  // total, so the finding about the total names it first.
  let leading: CellPos[] = [];
  if (subtotal?.parsed.kind === "amount") {
    const stated = subtotal.parsed.fen;
    const name = headingName(subtotal);
    if (judge(stated, expected, tolerance) === "mismatch") {
      reportSum(context, {
        table,
        unit: block.unit,
        cells: [subtotal.pos, ...partPositions],
        expectedFen: expected,
        actualFen: stated,
        toleranceFen: tolerance,
        message: (rounding) =>
          sumMessage({
            context: budgetColumnName(block, column),
            parts: joinParts(parts.map((p) => p.name)),
            aggregate: { zh: name, en: "the subtotal" },
            expectedFen: expected,
            actualFen: stated,
            unit: block.unit,
            roundingToleranceFen: rounding,
          }),
      });
    } else {
      leading = [subtotal.pos];
    }
  }
  reportSum(context, {
    table,
    unit: block.unit,
    cells: [...leading, totalPos, ...partPositions],
    expectedFen: expected,
    actualFen: actual,
    toleranceFen: tolerance,
    message: (rounding) =>
      sumMessage({
        context: budgetColumnName(block, column),
        parts: joinParts(parts.map((p) => p.name)),
        aggregate: { zh: total.name.zh, en: "total" },
        expectedFen: expected,
        actualFen: actual,
        unit: block.unit,
        roundingToleranceFen: rounding,
      }),
  });
}
