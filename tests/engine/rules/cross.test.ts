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
          cells: ["预算执行!D5", "支出决算表!C6"],
          message:
            "预算执行情况“全年执行数”年度资金总额（预算执行!D5）为 100.00 万元，支出决算表合计行“合计”（支出决算表!C6）为 110.00 万元，相差 10.00 万元，预算执行情况少；以支出决算表为准",
        },
      ],
    },
  ],
});
