import { indicatorsTable, recognized } from "../score/build";
import { budget, budgetRows } from "./checker-fixtures";
import { testRule } from "./tester";

const clean = { name: "a block of plain amounts", workbook: budget(budgetRows()) };

testRule("value.error", {
  valid: [clean],
  invalid: [
    {
      name: "#REF! in 全年执行数",
      workbook: budget(budgetRows({ basic: [60, 60, "#REF!"] })),
      findings: [
        {
          severity: "error",
          cells: ["预算执行!D7"],
          message: "基本支出（全年执行数）：错误值 #REF!，请修正公式或引用",
        },
      ],
    },
  ],
});

testRule("value.unparsed", {
  valid: [
    clean,
    {
      name: "an indicator whose actual is a number",
      workbook: recognized(
        indicatorsTable([{ name: "培训人次", target: "≥100人次", actual: "120人次", weight: 90 }]),
      ),
    },
  ],
  invalid: [
    {
      name: "text that is not an amount",
      workbook: budget(budgetRows({ project: [40, "约40", 40] })),
      findings: [
        {
          severity: "error",
          cells: ["预算执行!C8"],
          message: "项目支出（全年预算数）：“约40”不是金额，该单元格未参与求和校验",
        },
      ],
    },
    {
      name: "an indicator's actual value that cannot be read",
      workbook: recognized(
        indicatorsTable([{ name: "服务质量", target: "优良", actual: "较好", weight: 90 }]),
      ),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!G5"],
          message: "“服务质量”的实际完成值“较好”无法识别，按 0 分计：定性指标应填写 达成 / 部分达成 / 未达成",
        },
      ],
    },
  ],
});

testRule("value.text", {
  valid: [clean],
  invalid: [
    {
      name: "an amount typed as text",
      workbook: budget(budgetRows({ basic: [60, "60.00", 60] })),
      findings: [
        {
          severity: "notice",
          cells: ["预算执行!C7"],
          message: "基本支出（全年预算数）：金额 60.00 万元 以文本形式存储，已按数值读取，建议改为数值格式",
        },
      ],
    },
  ],
});

testRule("value.negative", {
  valid: [clean],
  invalid: [
    {
      name: "a negative amount",
      workbook: budget(budgetRows({ project: [40, 40, -5] })),
      findings: [
        {
          severity: "warning",
          cells: ["预算执行!D8"],
          message: "项目支出（全年执行数）：金额为负数 -5.00 万元，请确认",
        },
      ],
    },
  ],
});

testRule("value.missing", {
  valid: [
    {
      name: "an indicator with its actual value",
      workbook: recognized(
        indicatorsTable([{ name: "培训人次", target: "≥100人次", actual: "100人次", weight: 90 }]),
      ),
    },
  ],
  invalid: [
    {
      name: "an indicator with a blank actual value",
      workbook: recognized(
        indicatorsTable([{ name: "培训人次", target: "≥100人次", actual: "", weight: 90 }]),
      ),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!G5"],
          message: "“培训人次”未填写实际完成值，按 0 分计（属缺失，不等同于未完成）",
        },
      ],
    },
  ],
});
