import { recognizeWorkbook } from "../../../../src/engine/recognize/index";
import { sheet, workbook } from "../../../helpers/grid";
import { at, form } from "../review-form";
import { testRule } from "../tester";

/** 隆阳's layout: no 分值 column, a typed 得分 per row, "一、" rows over "1、2、" rows. */
const byScores = (parent: number) =>
  recognizeWorkbook(
    workbook(
      sheet("Sheet1", [
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["产出指标", "数量指标", "一、示范区建立", "≧2000亩", "2000亩", parent],
        [null, null, "1、水稻", "≧500亩", "500亩", 10],
        [null, null, "2、玉米", "≧1500亩", "1500亩", 10],
        [null, null, "二、土样化验", "≧60个", "60个", 10],
      ]),
    ),
  );

testRule("quality.parent-row", {
  valid: [
    { name: "the clean form", workbook: form() },
    {
      name: "一、 over a single 1、",
      workbook: form({ C9: "一、新签约项目数", C10: "1、验收合格率", C11: "完工及时率" }),
    },
    {
      name: "一、 whose 分值 is not its rows' sum",
      workbook: form({ C9: "一、新签约项目数", C10: "1、验收合格率", C11: "2、完工及时率", F11: 5 }),
    },
    { name: "typed 得分 that are not the rows' sum", workbook: byScores(15) },
  ],
  invalid: [
    {
      name: "一、 weighted 20 over 1、 10 and 2、 10",
      workbook: form({ C9: "一、新签约项目数", C10: "1、验收合格率", C11: "2、完工及时率" }),
      findings: [
        {
          severity: "warning",
          cells: [at("F9")],
          message:
            "“一、新签约项目数”的 20 分是其下 2 行之和，与分项行一起计分会重复计算：请删去合计行的分值，或将其写作分组标题",
        },
      ],
    },
    {
      name: "no 分值 column: the typed 得分 20 over 10 + 10 (隆阳)",
      workbook: byScores(20),
      findings: [
        {
          severity: "warning",
          cells: ["Sheet1!F2"],
          message:
            "“一、示范区建立”的 20 分是其下 2 行之和，与分项行一起计分会重复计算：请删去合计行的得分，或将其写作分组标题",
        },
      ],
    },
  ],
});
