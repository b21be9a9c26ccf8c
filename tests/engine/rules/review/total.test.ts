import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.total", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "a total written as text with 分", workbook: form({ G15: "99.5分" }) },
  ],
  invalid: [
    {
      name: "100 typed, the rules give 99.5",
      workbook: form({ G15: 100 }),
      findings: [
        {
          severity: "warning",
          cells: [at("G15")],
          message:
            "总分填报 “100”，按评分规则计算为 99.50（预算执行率 9.5 + 指标 90.00），填报多 0.50 分：请核对各项得分，总分应为 99.50",
        },
      ],
    },
    {
      name: "a lower typed score (94% against ≥95%) makes the rule total 99.39",
      workbook: form({ E10: "94%", G10: 10 }),
      findings: [
        {
          severity: "warning",
          cells: [at("G15")],
          message:
            "总分填报 “99.5”，按评分规则计算为 99.39（预算执行率 9.5 + 指标 89.89），填报多 0.11 分：请核对各项得分，总分应为 99.39",
        },
      ],
    },
  ],
});
