import { budget, budgetRows } from "./checker-fixtures";
import { testRule } from "./tester";

testRule("budget.overspend", {
  valid: [
    {
      name: "执行数 within 预算数",
      workbook: budget(budgetRows({ total: [100, 100, 90], general: [100, 100, 90], basic: [60, 60, 50] })),
    },
  ],
  invalid: [
    {
      name: "项目支出 executed above its budget",
      workbook: budget(budgetRows({ basic: [60, 60, 50], project: [40, 40, 50] })),
      findings: [
        {
          severity: "warning",
          cells: ["预算执行!D8", "预算执行!C8"],
          message: "项目支出：全年执行数 50.00 万元 超过全年预算数 40.00 万元，超出 10.00 万元",
        },
      ],
    },
  ],
});
