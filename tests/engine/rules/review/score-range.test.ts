import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.score-range", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "0 is in range", workbook: form({ E9: "0个", G9: 0 }) },
  ],
  invalid: [
    {
      name: "25 typed for a weight of 20",
      workbook: form({ G9: 25 }),
      findings: [
        {
          severity: "error",
          cells: [at("G9")],
          message: "“新签约项目数”填报得分 “25” 高于分值 20，多出 5.00 分：得分不能超过分值",
        },
      ],
    },
    {
      name: "a negative score",
      workbook: form({ G10: -1 }),
      findings: [
        {
          severity: "error",
          cells: [at("G10")],
          message: "“验收合格率”填报得分 “-1” 为负数：得分应在 0 至分值之间",
        },
      ],
    },
    {
      name: "12 typed on the execution row (分值 10)",
      workbook: form({ G4: 12 }),
      findings: [
        {
          severity: "error",
          cells: [at("G4")],
          message: "预算执行率填报得分 “12” 高于分值 10，多出 2.00 分：得分不能超过分值",
        },
      ],
    },
  ],
});
