import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.execution-rate", {
  valid: [
    { name: "the clean form: 95% typed for 95 of 100", workbook: form() },
    {
      name: "86% typed for 86.2 of 100 (whole percents, within half a point)",
      workbook: form({ D4: 86.2, F4: "86%", G4: 8.62 }),
    },
    { name: "a percent-formatted cell holding the fraction 0.95", workbook: form({ F4: 0.95 }) },
    { name: "no rate typed", workbook: form({ F4: null }) },
  ],
  invalid: [
    {
      name: "90% typed for 95 of 100",
      workbook: form({ F4: "90%" }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("D4"), at("C4")],
          message:
            "执行率填报 “90%”（90.00%），按全年执行数 ÷ 全年预算数 = 95.00 ÷ 100.00 应为 95.00%，少填 5.00 个百分点：请改为 95.00%",
        },
      ],
    },
    {
      name: "0.1 typed for 14.46 of 100 (shown to a tenth, still off by more than half a point)",
      workbook: form({ D4: 14.46, F4: 0.1, G4: 1.45 }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("D4"), at("C4")],
          message:
            "执行率填报 “0.1”（10.00%），按全年执行数 ÷ 全年预算数 = 14.46 ÷ 100.00 应为 14.46%，少填 4.46 个百分点：请改为 14.46%",
        },
      ],
    },
    {
      name: "86.5% typed for 86.2 of 100 (shown to a tenth of a percent)",
      workbook: form({ D4: 86.2, F4: "86.5%", G4: 8.62 }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("D4"), at("C4")],
          message:
            "执行率填报 “86.5%”（86.50%），按全年执行数 ÷ 全年预算数 = 86.20 ÷ 100.00 应为 86.20%，多填 0.30 个百分点：请改为 86.20%",
        },
      ],
    },
    {
      name: "100% typed where 全年执行数 is blank: the blank cell is named",
      workbook: form({ D4: null, F4: "100%" }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("D4"), at("C4")],
          message:
            "执行率填报 “100%”，但全年执行数为空，无法计算执行率：请补填全年预算数和全年执行数，或删去执行率",
        },
      ],
    },
    {
      name: "100% typed where 全年预算数 is 0",
      workbook: form({ C4: 0, F4: "100%" }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("C4")],
          message:
            "执行率填报 “100%”，但全年预算数为空或为 0，无法计算执行率：请补填全年预算数和全年执行数，或删去执行率",
        },
      ],
    },
  ],
});
