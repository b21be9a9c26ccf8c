import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.direction", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "a bare number under 数量指标", workbook: form({ D9: "15个" }) },
    { name: "a bare number under 成本指标", workbook: form({ D12: "300万元" }) },
  ],
  invalid: [
    {
      name: "a bare 90% under 时效指标",
      workbook: form({ D11: "90%" }),
      findings: [
        {
          severity: "warning",
          cells: [at("D11")],
          message:
            "“完工及时率”的年度指标值 “90%” 只有数字，没有“≥”“≤”等符号，所属指标也不能确定越高越好还是越低越好（已按 ≥ 计分）：请加上符号",
        },
      ],
    },
    {
      name: "a bare number under 社会效益指标",
      workbook: form({ D13: "100人" }),
      findings: [
        {
          severity: "warning",
          cells: [at("D13")],
          message:
            "“带动就业人数”的年度指标值 “100人” 只有数字，没有“≥”“≤”等符号，所属指标也不能确定越高越好还是越低越好（已按 ≥ 计分）：请加上符号",
        },
      ],
    },
  ],
});
