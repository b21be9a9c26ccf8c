import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.grade-typed", {
  valid: [{ name: "the clean form: 99.5 is 优", workbook: form() }],
  invalid: [
    {
      name: "良 typed for 99.5",
      workbook: form({ H15: "良" }),
      findings: [
        {
          severity: "error",
          cells: [at("H15"), at("G15")],
          message:
            "评价等级填报 “良”，但填报总分 99.5 对应的等级为“优”（90 分及以上）：请改为“优”，或更正总分",
        },
      ],
    },
    {
      name: "优 typed for 89",
      workbook: form({ G15: 89 }),
      findings: [
        {
          severity: "error",
          cells: [at("H15"), at("G15")],
          message:
            "评价等级填报 “优”，但填报总分 89 对应的等级为“良”（80 分至不足 90 分）：请改为“良”，或更正总分",
        },
      ],
    },
  ],
});
