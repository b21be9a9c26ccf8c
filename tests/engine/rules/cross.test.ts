import { both } from "./checker-fixtures";
import { testRule } from "./tester";

testRule("cross.sheet", {
  valid: [
    { name: "the 合计 row equals 全年执行数", workbook: both(100, 100) },
    { name: "a blank on one side is an unfilled table, not a disagreement", workbook: both(null, 100) },
  ],
  invalid: [
    {
      name: "the 合计 row's 合计 differs from 年度资金总额's 全年执行数",
      workbook: both(100, 110),
      findings: [
        {
          severity: "error",
          cells: ["支出决算表!C6", "预算执行!D5"],
          message:
            "支出决算表合计行「合计」填列 110.00 万元，预算执行情况「全年执行数」年度资金总额为 100.00 万元，相差 10.00 万元",
        },
      ],
    },
  ],
});
