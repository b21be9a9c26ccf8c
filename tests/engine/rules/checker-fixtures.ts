/** Small recognised workbooks for the checker's rules, built with tests/engine/check/builder.ts. */
import type { CellValue } from "../../../src/engine/snapshot";
import type { RecognizedWorkbook } from "../../../src/engine/tables";
import { budgetBlock, expenditureTable, recognized, type BudgetRowSpec } from "../check/builder";

/** A budget block (sheet 预算执行, header row 4: A 项目 | B 年初预算数 | C 全年预算数 | D 全年执行数) in 万元. */
export function budget(rows: BudgetRowSpec[]): RecognizedWorkbook {
  return recognized({ budget: budgetBlock({ rows }) });
}

/** 年度资金总额 = 一般公共预算 = 基本支出 + 项目支出, with one figure replaced where asked. */
export function budgetRows(
  over: Partial<Record<"total" | "general" | "basic" | "project", CellValue[]>> = {},
) {
  const rows: BudgetRowSpec[] = [
    ["total", "年度资金总额", ...(over.total ?? [100, 100, 100])],
    ["general", "一般公共预算", ...(over.general ?? [100, 100, 100])],
    ["basic", "基本支出", ...(over.basic ?? [60, 60, 60])],
    ["project", "项目支出", ...(over.project ?? [40, 40, 40])],
  ];
  return rows;
}

/** A 支出决算表 (sheet 支出决算表, 合计 | 基本支出 | 项目支出 in C | D | E) with a 合计 row, one 类 and its 款. */
export function expenditure(
  rows: [string | null, string, CellValue, CellValue, CellValue][] = cleanExpenditure(),
): RecognizedWorkbook {
  return recognized({ expenditures: [expenditureTable({ rows })] });
}

export function cleanExpenditure(): [string | null, string, CellValue, CellValue, CellValue][] {
  return [
    [null, "合计", 100, 60, 40],
    ["201", "一般公共服务支出", 100, 60, 40],
    ["20103", "政府办公厅（室）及相关机构事务", 100, 60, 40],
  ];
}

/** The budget block and the 支出决算表 together, for cross.sheet. */
export function both(executedTotal: CellValue, expenditureTotal: CellValue): RecognizedWorkbook {
  const rows = cleanExpenditure();
  rows[0] = [null, "合计", expenditureTotal, 60, 40];
  return recognized({
    budget: budgetBlock({ rows: budgetRows({ total: [100, 100, executedTotal] }) }),
    expenditures: [expenditureTable({ rows })],
  });
}
