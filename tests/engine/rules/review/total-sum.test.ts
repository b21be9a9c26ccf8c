import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("review.total-sum", {
  valid: [
    { name: "the clean form: 9.5 + 90 = 99.5", workbook: form() },
    { name: "a row without a typed score is not added up", workbook: form({ G9: null, G15: 98 }) },
    {
      name: "no execution score read and weights short of 100: not all of the form's scores are seen",
      workbook: form({ E3: null, F3: null, G3: null, E4: null, F4: null, G4: null, F9: 10, G9: 10, G15: 95 }),
    },
  ],
  invalid: [
    {
      name: "98 typed for 99.5",
      workbook: form({ G15: 98 }),
      findings: [
        {
          severity: "error",
          cells: [at("G15")],
          message:
            "总分填报 “98”，表内各项填报得分合计为 99.5（预算执行率 9.5 + 指标 90），填报少 1.50 分：请改为 99.5，或更正有误的得分",
        },
      ],
    },
    {
      name: "no execution score on the form: 95 typed for the indicators' 90",
      workbook: form({ E3: null, F3: null, G3: null, E4: null, F4: null, G4: null, G15: 95 }),
      findings: [
        {
          severity: "error",
          cells: [at("G15")],
          message:
            "总分填报 “95”，表内各项填报得分合计为 90（指标得分之和），填报多 5.00 分：请改为 90，或更正有误的得分",
        },
      ],
    },
  ],
});
