import { at, form } from "../review-form";
import { testRule } from "../tester";

testRule("quality.placeholder", {
  valid: [
    { name: "the clean form", workbook: form() },
    { name: "a lone X is a mark, not a placeholder", workbook: form({ H9: "X" }) },
  ],
  invalid: [
    {
      name: "≥XX% left in a target",
      workbook: form({ D10: "≥XX%" }),
      findings: [
        {
          severity: "error",
          cells: [at("D10")],
          message: "单元格填写的是模板占位文字 “≥XX%”：请填写实际内容（没有的写“无”），不要保留模板文字",
        },
      ],
    },
    {
      name: "待填写 left in a reason",
      workbook: form({ H12: "待填写" }),
      findings: [
        {
          severity: "error",
          cells: [at("H12")],
          message: "单元格填写的是模板占位文字 “待填写”：请填写实际内容（没有的写“无”），不要保留模板文字",
        },
      ],
    },
    {
      name: "…… left as an actual",
      workbook: form({ E11: "……" }),
      findings: [
        {
          severity: "error",
          cells: [at("E11")],
          message: "单元格填写的是模板占位文字 “……”：请填写实际内容（没有的写“无”），不要保留模板文字",
        },
      ],
    },
  ],
});
