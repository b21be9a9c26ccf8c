import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.inflated", {
  valid: [
    { name: "the clean form: 95% spent", workbook: form() },
    { name: "a reason of 无 on a full-marks row", workbook: form({ H9: "无" }) },
    { name: "a reason of 0 on a full-marks row", workbook: form({ H9: "0" }) },
    { name: "a satisfaction of 100%", workbook: form({ E14: "100%" }) },
  ],
  invalid: [
    {
      name: "every indicator at full marks with 85% spent",
      workbook: form({ D4: 85, F4: "85%", G4: 8.5, G15: 98.5 }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("D4"), at("G9")],
          message:
            "预算执行率仅 85.00%（低于 90%），而全部 6 项指标均填报满分：资金未用完而目标全部完成，请核实各指标的实际完成值和得分，严禁刻意抬高分数",
        },
      ],
    },
    {
      name: "优 with 70% spent (and every indicator full)",
      workbook: form({ D4: 70, F4: "70%", G4: 7, G15: 97 }),
      findings: [
        {
          severity: "warning",
          cells: [at("F4"), at("D4"), at("G9")],
          message:
            "预算执行率仅 70.00%（低于 90%），而全部 6 项指标均填报满分：资金未用完而目标全部完成，请核实各指标的实际完成值和得分，严禁刻意抬高分数",
        },
        {
          severity: "warning",
          cells: [at("H15"), at("F4"), at("D4")],
          message:
            "预算执行率仅 70.00%（低于 80%），却评为“优”：执行率偏低的自评一般不应为优，请核实各项得分",
        },
      ],
    },
    {
      name: "full marks while the reason states a delay",
      workbook: form({ H11: "部分项目完工滞后" }),
      findings: [
        {
          severity: "warning",
          cells: [at("G11"), at("H11")],
          message:
            "“完工及时率”得满分 10，但偏差原因写明 “部分项目完工滞后”：有未完成的情况不应得满分，请按实际完成值评分",
        },
      ],
    },
    {
      name: "a satisfaction above 100%",
      workbook: form({ E14: "105%" }),
      findings: [
        {
          severity: "warning",
          cells: [at("E14")],
          message: "“企业满意度”实际完成值 “105%” 高于 100%：满意度不可能超过 100%，请按调查结果填写",
        },
      ],
    },
  ],
});
