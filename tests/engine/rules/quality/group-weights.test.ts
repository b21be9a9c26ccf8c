import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.group-weights", {
  valid: [
    { name: "the clean form (no stated points)", workbook: form() },
    { name: "产出指标(50分) over 20 + 10 + 10 + 10", workbook: form({ A9: "产出指标(50分)" }) },
  ],
  invalid: [
    {
      name: "产出指标(40分) over 50",
      workbook: form({ A9: "产出指标（40分）" }),
      findings: [
        {
          severity: "warning",
          cells: [at("A9"), at("F9"), at("F10"), at("F11"), at("F12")],
          message:
            "“产出指标（40分）”标明 40 分，其下 4 项指标分值合计 50 分，多 10.00 分：请调整指标分值或更正标题中的分值",
        },
      ],
    },
    {
      name: "a 二级 heading 数量指标(10分) over 20",
      workbook: form({ B9: "数量指标(10分)" }),
      findings: [
        {
          severity: "warning",
          cells: [at("B9"), at("F9")],
          message:
            "“数量指标(10分)”标明 10 分，其下 1 项指标分值合计 20 分，多 10.00 分：请调整指标分值或更正标题中的分值",
        },
      ],
    },
  ],
});
