import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.cost-operator", {
  valid: [{ name: "the clean form: ≤300万元", workbook: form() }],
  invalid: [
    {
      name: "≥300万元 under 成本指标",
      workbook: form({ D12: "≥300万元" }),
      findings: [
        {
          severity: "warning",
          cells: [at("D12")],
          message:
            "“机关运行经费”是成本指标，年度指标值 “≥300万元” 却写作“≥”：成本应控制在上限以内，请改为“≤”",
        },
      ],
    },
  ],
});
