import { budget, budgetRows, cleanExpenditure, expenditure } from "./checker-fixtures";
import { testRule } from "./tester";

testRule("sum.breakdown", {
  valid: [
    { name: "total = sources = kinds in every column", workbook: budget(budgetRows()) },
    {
      name: "a column whose parts are all blank is no breakdown",
      workbook: budget(
        budgetRows({ general: [null, 100, 100], basic: [null, 60, 60], project: [null, 40, 40] }),
      ),
    },
  ],
  invalid: [
    {
      name: "基本支出 + 项目支出 short of the total",
      workbook: budget(budgetRows({ project: [40, 40, 30] })),
      findings: [
        {
          severity: "error",
          cells: ["预算执行!D5", "预算执行!D7", "预算执行!D8"],
          message:
            "全年执行数：基本支出 + 项目支出 = 90.00 万元，年度资金总额填列 100.00 万元，相差 10.00 万元，填列数多于分项之和",
        },
      ],
    },
    {
      name: "a gap within the tolerance is sum.rounding instead",
      workbook: budget(budgetRows({ project: [40, 40, 39.99] })),
      findings: [
        {
          rule: "sum.rounding",
          severity: "notice",
          cells: ["预算执行!D5", "预算执行!D7", "预算执行!D8"],
          message:
            "全年执行数：基本支出 + 项目支出 = 99.99 万元，年度资金总额填列 100.00 万元，相差 0.01 万元，填列数多于分项之和（尾差，在允许误差 0.01 万元 以内）",
        },
      ],
    },
  ],
});

testRule("sum.row", {
  valid: [{ name: "every 合计 is 基本支出 + 项目支出", workbook: expenditure() }],
  invalid: [
    {
      name: "a row whose 合计 is not the sum of its parts",
      workbook: expenditure([
        ...cleanExpenditure().slice(0, 2),
        ["20103", "政府办公厅（室）及相关机构事务", 100, 60, 30],
      ]),
      findings: [
        {
          severity: "error",
          cells: ["支出决算表!C8", "支出决算表!D8", "支出决算表!E8"],
          message:
            "20103 政府办公厅(室)及相关机构事务：基本支出 + 项目支出 = 90.00 万元，合计填列 100.00 万元，相差 10.00 万元，填列数多于分项之和",
        },
      ],
    },
  ],
});

testRule("sum.column", {
  valid: [{ name: "合计 = Σ 类 and 类 = Σ 款 in every column", workbook: expenditure() }],
  invalid: [
    {
      name: "a 类 that is not the sum of its 款",
      workbook: expenditure([
        [null, "合计", 100, 60, 40],
        ["201", "一般公共服务支出", 100, 60, 40],
        ["20103", "政府办公厅（室）及相关机构事务", 90, 50, 40],
      ]),
      findings: [
        {
          severity: "error",
          cells: ["支出决算表!C7", "支出决算表!C8"],
          message:
            "“合计”列：201 一般公共服务支出的下级科目（1 个）之和 = 90.00 万元，201 一般公共服务支出填列 100.00 万元，相差 10.00 万元，填列数多于分项之和",
        },
        {
          severity: "error",
          cells: ["支出决算表!D7", "支出决算表!D8"],
          message:
            "“基本支出”列：201 一般公共服务支出的下级科目（1 个）之和 = 50.00 万元，201 一般公共服务支出填列 60.00 万元，相差 10.00 万元，填列数多于分项之和",
        },
      ],
    },
  ],
});

testRule("sum.rounding", {
  valid: [{ name: "an exact sum", workbook: budget(budgetRows()) }],
  invalid: [
    {
      name: "reported by a sum rule (here sum.breakdown, switched back on) when the gap is within the tolerance",
      workbook: budget(budgetRows({ basic: [60, 60, 60.01] })),
      options: { rules: { "sum.breakdown": "error" } },
      findings: [
        {
          severity: "notice",
          cells: ["预算执行!D5", "预算执行!D7", "预算执行!D8"],
          message:
            "全年执行数：基本支出 + 项目支出 = 100.01 万元，年度资金总额填列 100.00 万元，相差 0.01 万元，填列数少于分项之和（尾差，在允许误差 0.01 万元 以内）",
        },
      ],
    },
  ],
});
