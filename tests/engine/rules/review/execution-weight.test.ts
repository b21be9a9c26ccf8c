import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.execution-weight", {
  valid: [
    { name: "the clean form: 10", workbook: form() },
    { name: "a dash", workbook: form({ E4: "—" }) },
  ],
  invalid: [
    {
      name: "20 typed",
      workbook: form({ E4: 20, G4: 19 }),
      findings: [
        {
          severity: "warning",
          cells: [at("E4"), at("G4")],
          message:
            "预算执行率按 “20” 分计，评分规则为 10 分（按 10 分计算执行率得分和总分）：请改为 10 分，并相应调整指标分值使合计为 100 分",
        },
      ],
    },
    {
      name: "20 points stated in the block's header, with no 分值 column",
      workbook: form({ E3: null, E4: null, A3: "年度预算申请(20分)", G4: 19 }),
      findings: [
        {
          severity: "warning",
          cells: [at("A3")],
          message:
            "预算执行率按 “20” 分计，评分规则为 10 分（按 10 分计算执行率得分和总分）：请改为 10 分，并相应调整指标分值使合计为 100 分",
        },
      ],
    },
  ],
});
