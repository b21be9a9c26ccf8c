import { at, form } from "../review-form";
import { testRule } from "../tester";

const headed = (satisfaction: string) => ({
  A9: "产出指标(50分)",
  A13: "效益指标(30分)",
  A14: satisfaction,
});

testRule("quality.heading-total", {
  valid: [
    { name: "the clean form (no stated points)", workbook: form() },
    { name: "50 + 30 + 10 with 10 for execution", workbook: form(headed("满意度指标(10分)")) },
    { name: "one 一级 group states no points", workbook: form(headed("满意度指标")) },
  ],
  invalid: [
    {
      name: "50 + 30 + 20 with 10 for execution (原州: the headings give the indicators all 100)",
      workbook: form(headed("满意度指标(20分)")),
      findings: [
        {
          severity: "warning",
          cells: [at("A8"), at("A9"), at("A13"), at("A14")],
          message:
            "一级指标标明的分值 50 + 30 + 20 = 100 分，加预算执行率 10 分共 110 分，应为 100 分：请核对一级指标的分值",
        },
      ],
    },
    {
      name: "the form's own 20 for execution",
      workbook: form({ ...headed("满意度指标(10分)"), E4: 20 }),
      findings: [
        {
          severity: "warning",
          cells: [at("A8"), at("A9"), at("A13"), at("A14")],
          message:
            "一级指标标明的分值 50 + 30 + 10 = 90 分，加预算执行率 20 分（表中所列）共 110 分，应为 100 分：请核对一级指标的分值",
        },
      ],
    },
  ],
});
