import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.total-sum", {
  valid: [
    { name: "the clean form: 9.5 + 90 = 99.5", workbook: form() },
    { name: "a row without a typed score is not added up", workbook: form({ G9: null, G15: 98 }) },
  ],
  invalid: [
    {
      name: "98 typed for 99.5",
      workbook: form({ G15: 98 }),
      findings: [
        {
          severity: "error",
          cells: [at("G15")],
          message:
            "总分填报 “98”，表内各项填报得分合计为 99.5（预算执行率 9.5 + 指标 90），填报少 1.50 分：请改为 99.5，或更正有误的得分",
        },
      ],
    },
  ],
});
