import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.vague", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "a date", workbook: form({ D11: "2023年12月底前完成", E11: "达成" }) },
    {
      name: "a clear criterion beside the wording",
      workbook: form({ D11: "逐步完善并通过验收", E11: "达成" }),
    },
  ],
  invalid: [
    {
      name: "进一步提高 with no figure",
      workbook: form({ D13: "就业质量进一步提高", E13: "达成" }),
      findings: [
        {
          severity: "warning",
          cells: [at("D13")],
          message:
            "“带动就业人数”的年度指标值 “就业质量进一步提高” 只写了“进一步提高”，没有数值或明确的达成标准，无法衡量：请写成可衡量的目标，如“≥95%”“2023年12月底前完成”",
        },
      ],
    },
    {
      name: "稳步推进",
      workbook: form({ D11: "工程稳步推进", E11: "达成" }),
      findings: [
        {
          severity: "warning",
          cells: [at("D11")],
          message:
            "“完工及时率”的年度指标值 “工程稳步推进” 只写了“稳步推进”，没有数值或明确的达成标准，无法衡量：请写成可衡量的目标，如“≥95%”“2023年12月底前完成”",
        },
      ],
    },
  ],
});
