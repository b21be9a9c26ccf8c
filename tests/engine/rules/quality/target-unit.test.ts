import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.target-unit", {
  valid: [{ name: "the clean form", workbook: form() }],
  invalid: [
    {
      name: "≥15 with no unit",
      workbook: form({ D9: "≥15", E9: "17" }),
      findings: [
        {
          severity: "warning",
          cells: [at("D9")],
          message: "“新签约项目数”的年度指标值 “≥15” 没有计量单位：请写明单位，如“≥15个”“≤260万元”“≥95%”",
        },
      ],
    },
  ],
});
