import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.unfounded-score", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "no actual and a typed 0", workbook: form({ E10: null, G10: 0 }) },
  ],
  invalid: [
    {
      name: "full marks with no actual",
      workbook: form({ E10: null }),
      findings: [
        {
          severity: "warning",
          cells: [at("G10"), at("E10")],
          message:
            "“验收合格率”未填写实际完成值，却填报得分 “10”（满分）：按评分规则得 0 分；请补填实际完成值，或将得分改为 0",
        },
      ],
    },
    {
      name: "a partial score with neither target nor actual",
      workbook: form({ D10: null, E10: null, G10: 5 }),
      findings: [
        {
          severity: "warning",
          cells: [at("G10"), at("D10")],
          message:
            "“验收合格率”未填写年度指标值和实际完成值，却填报得分 “5”：按评分规则得 0 分；请补填年度指标值和实际完成值，或将得分改为 0",
        },
      ],
    },
  ],
});
