import { recognizeWorkbook } from "../../../../src/engine/recognize/index";
import { sheet, workbook } from "../../../helpers/grid";
import { FORM, at, form, formGrid } from "../review-form";
import { testRule } from "../tester";

/** The form with its 分值 and 得分 merged down the block, as the Hunan form prints them: held once, shown on each row. */
const mergedDown = recognizeWorkbook(workbook(sheet(FORM, formGrid(), { merges: ["E4:E6", "G4:G6"] })));

testRule("review.execution-repeated", {
  valid: [
    { name: "the clean form: 分值 and 得分 on the total row only", workbook: form() },
    { name: "分值 and 得分 merged down the block", workbook: mergedDown },
    { name: "dashes and slashes on the breakdown rows", workbook: form({ E5: "—", G5: "/", E6: "-" }) },
  ],
  invalid: [
    {
      name: "10 | 10 typed again on 基本支出 and 项目支出 (贵州)",
      workbook: form({ E5: 10, G5: 10, E6: 10, G6: 9 }),
      findings: [
        {
          severity: "warning",
          cells: [at("E5"), at("G5"), at("E6"), at("G6")],
          message:
            "预算执行率的分值和得分只属于“年度资金总额”一行，分项行上又填了（E5、G5、E6、G6），合计时会重复计算：请删去分项行上的分值和得分",
        },
      ],
    },
    {
      name: "a 分值 alone on one breakdown row",
      workbook: form({ E6: "10分" }),
      findings: [
        {
          severity: "warning",
          cells: [at("E6")],
          message:
            "预算执行率的分值和得分只属于“年度资金总额”一行，分项行上又填了（E6），合计时会重复计算：请删去分项行上的分值和得分",
        },
      ],
    },
  ],
});
