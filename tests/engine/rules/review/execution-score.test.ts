import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.execution-score", {
  valid: [
    { name: "the clean form: 9.5 for 95%", workbook: form() },
    { name: "the row's own 分值 of 20: 19 for 95%", workbook: form({ E4: 20, G4: 19 }) },
    { name: "above 100% counts as 100%", workbook: form({ D4: 110, F4: "110%", G4: 10 }) },
  ],
  invalid: [
    {
      name: "9 typed for 95%",
      workbook: form({ G4: 9 }),
      findings: [
        {
          severity: "warning",
          cells: [at("G4"), at("F4")],
          message:
            "预算执行率得分填报 “9”，执行率 95.00%，按 10 × 95.00% 应得 9.50 分，少 0.50 分：请改为 9.50",
        },
      ],
    },
    {
      name: "19.5 typed against the row's own 分值 of 20",
      workbook: form({ E4: 20, G4: 19.5 }),
      findings: [
        {
          severity: "warning",
          cells: [at("G4"), at("F4")],
          message:
            "预算执行率得分填报 “19.5”，执行率 95.00%，按 20 × 95.00% 应得 19.00 分，多 0.50 分：请改为 19.00",
        },
      ],
    },
    {
      name: "10 typed with no budget and no rate",
      workbook: form({ C4: null, F4: null, G4: 10 }),
      findings: [
        {
          severity: "warning",
          cells: [at("G4")],
          message:
            "预算执行率得分填报 “10”，但全年预算数或全年执行数为空（或预算数为 0），无法计算执行率，应得 0 分：请补填预算数和执行数",
        },
      ],
    },
  ],
});
