import { recognized } from "../check/builder";
import { budget, budgetRows } from "./checker-fixtures";
import { testRule } from "./tester";

testRule("table.missing", {
  valid: [{ name: "a workbook with a budget block", workbook: budget(budgetRows()) }],
  invalid: [
    {
      name: "a workbook with no table the engine knows",
      workbook: recognized({}),
      findings: [
        {
          severity: "error",
          cells: [],
          message:
            "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
        },
      ],
    },
  ],
});
