import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.coverage", {
  valid: [
    { name: "the clean form", workbook: form() },
    {
      name: "a table of one 一级 group (an excerpt)",
      workbook: form({ A13: null, A14: null, B13: "数量指标", B14: "数量指标" }),
    },
  ],
  invalid: [
    {
      name: "no 时效指标",
      workbook: form({ B11: "质量指标" }),
      findings: [
        {
          severity: "warning",
          cells: [at("B8")],
          message:
            "绩效指标缺少时效指标：产出指标应含数量、质量、时效、成本指标，并设效益指标和满意度指标；请补充",
        },
      ],
    },
    {
      name: "no 满意度 and no 成本",
      workbook: form({ B12: "质量指标", A14: null, B14: "社会效益指标", C14: "带动企业数" }),
      findings: [
        {
          severity: "warning",
          cells: [at("B8")],
          message:
            "绩效指标缺少成本指标、满意度指标：产出指标应含数量、质量、时效、成本指标，并设效益指标和满意度指标；请补充",
        },
      ],
    },
  ],
});
