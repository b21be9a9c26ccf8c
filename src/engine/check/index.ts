/**
 * The consistency checker: every rule of issue 2 §2 over the recognised tables. Pure: the same model and options give
 * the same findings, in rule-family order (callers sort them for display).
 */
import type { Finding } from "../findings";
import { toleranceFen } from "../money";
import type { RecognizedWorkbook } from "../tables";
import { checkBudgetBreakdowns, checkOverspend } from "./budget-rules";
import { checkCrossTables } from "./cross-rules";
import { checkColumnSums, checkRowSums } from "./expenditure-rules";
import { checkTablesPresent } from "./table-rules";
import { checkBudgetValues, checkExpenditureValues, checkIndicatorValues } from "./value-rules";

export interface CheckOptions {
  /** How far a sum may miss before it is an error rather than 尾差, in each table's own unit. Default 0.01. */
  toleranceInUnit?: number;
}

export function checkRecognized(rec: RecognizedWorkbook, options: CheckOptions): Finding[] {
  const findings: Finding[] = [...checkTablesPresent(rec)];
  const budget = rec.budget;
  if (budget) {
    findings.push(...checkBudgetValues(budget));
    findings.push(...checkBudgetBreakdowns(budget, toleranceFen(budget.unit, options.toleranceInUnit)));
    findings.push(...checkOverspend(budget));
  }
  for (const table of rec.expenditures) {
    const tolerance = toleranceFen(table.unit, options.toleranceInUnit);
    findings.push(...checkExpenditureValues(table));
    findings.push(...checkRowSums(table, tolerance));
    findings.push(...checkColumnSums(table, tolerance));
  }
  if (budget) findings.push(...checkCrossTables(budget, rec.expenditures, options.toleranceInUnit));
  if (rec.indicators) findings.push(...checkIndicatorValues(rec.indicators));
  return findings;
}
