import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.grade", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "评价等级 label beside its value", workbook: form({ H15: null, A16: "评价等级", B16: "优" }) },
  ],
  invalid: [
    {
      name: "良 typed, the rules give 99.5",
      workbook: form({ H15: "良" }),
      findings: [
        {
          severity: "warning",
          cells: [at("H15")],
          message:
            "评价等级填报 “良”，按评分规则总分为 99.5，对应等级“优”（90 分及以上）：请核对各项得分，等级应为“优”",
        },
      ],
    },
    {
      name: "评价等级 label: 中 typed",
      workbook: form({ H15: null, A16: "评价等级", B16: "中" }),
      findings: [
        {
          severity: "warning",
          cells: [at("B16")],
          message:
            "评价等级填报 “中”，按评分规则总分为 99.5，对应等级“优”（90 分及以上）：请核对各项得分，等级应为“优”",
        },
      ],
    },
  ],
});
