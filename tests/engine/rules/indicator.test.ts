import { filler, indicatorsTable, recognized, type RowSpec } from "../score/build";
import type { TableOptions } from "../score/build";
import { testRule } from "./tester";

/** One indicator on sheet row 5 (target F5, actual G5, 分值 H5, 得分 I5, 偏差原因 J5), weighted 90. */
function one(spec: Partial<RowSpec>, options: TableOptions = {}) {
  const row: RowSpec = { name: "新签约项目数", target: "≥15个", actual: "15个", weight: 90, ...spec };
  return recognized(indicatorsTable([{ level1: "产出指标", level2: "数量指标", ...row }], options));
}

const met = { name: "a quantitative indicator met in full", workbook: one({}) };

testRule("indicator.weights", {
  valid: [
    met,
    {
      name: "weights of 60 + 30 with 10 for execution",
      workbook: recognized(
        indicatorsTable([{ name: "新签约项目数", target: "≥15个", actual: "15个", weight: 60 }, filler(30)]),
      ),
    },
  ],
  invalid: [
    {
      name: "weights that do not reach 100 with execution",
      workbook: one({ weight: 80 }),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!H4"],
          message: "指标分值合计 80，加预算执行率 10 分共 90 分，应为 100 分",
        },
      ],
    },
    {
      name: "a blank 分值 (and the total it leaves short)",
      workbook: one({ weight: null }, {}),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!H4"],
          message: "指标分值合计 0，加预算执行率 10 分共 10 分，应为 100 分",
        },
        {
          severity: "error",
          cells: ["绩效自评表!H5"],
          message: "“新签约项目数”未填写分值，按 0 分计：请填写该指标的分值",
        },
      ],
    },
  ],
});

testRule("indicator.target", {
  valid: [met],
  invalid: [
    {
      name: "a blank target",
      workbook: one({ target: "" }),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!F5"],
          message: "“新签约项目数”未填写年度指标值，无法评分",
        },
      ],
    },
    {
      name: "a target that cannot be read",
      workbook: one({ target: "≥约15公里" }),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!F5"],
          message: "“新签约项目数”的年度指标值“≥约15公里”无法识别：应为数量（如 ≥15个）或定性描述",
        },
      ],
    },
  ],
});

testRule("indicator.qualitative-tier", {
  valid: [
    {
      name: "部分达成 with a score inside its tier",
      workbook: one({ target: "有效", actual: "部分达成", score: 63 }),
    },
  ],
  invalid: [
    {
      name: "部分达成 with a score above its tier",
      workbook: one({ target: "有效", actual: "部分达成", score: 80 }),
      findings: [
        {
          severity: "error",
          cells: ["绩效自评表!I5"],
          message:
            "“新签约项目数”为“部分达成”，该档得分应为 54 分至不足 72 分（分值的 60%–<80%），填报得分 80 不在其内，按 63.00 分计",
        },
      ],
    },
  ],
});

testRule("indicator.unit-mismatch", {
  valid: [
    met,
    {
      name: "units that convert (万元 against 亿元)",
      workbook: one({ target: "≥1亿元", actual: "12000万元" }),
    },
  ],
  invalid: [
    {
      name: "个 against 项",
      workbook: one({ target: "≥15个", actual: "15项" }),
      findings: [
        {
          severity: "warning",
          cells: ["绩效自评表!G5"],
          message: "“新签约项目数”的目标单位“个”与实际完成值单位“项”无法换算，已按数值直接比较，请核对",
        },
      ],
    },
  ],
});

testRule("indicator.overachieved", {
  valid: [met, { name: "120% of the target, below the threshold", workbook: one({ actual: "18个" }) }],
  invalid: [
    {
      name: "200% of the target with no reason",
      workbook: one({ actual: "30个" }, { withReason: true }),
      findings: [
        {
          severity: "warning",
          cells: ["绩效自评表!G5"],
          message: "“新签约项目数”实际完成值 30个 为目标 ≥15个 的 200%（达到 130% 及以上），目标可能设定偏低",
        },
      ],
    },
    {
      name: "a reason given makes it a step less severe",
      workbook: one({ actual: "30个", reason: "新增招商政策" }),
      findings: [
        {
          severity: "notice",
          cells: ["绩效自评表!G5"],
          message:
            "“新签约项目数”实际完成值 30个 为目标 ≥15个 的 200%（达到 130% 及以上），目标可能设定偏低；已说明原因",
        },
      ],
    },
  ],
});

testRule("indicator.score-mismatch", {
  valid: [
    met,
    { name: "a typed score equal to the rule's", workbook: one({ actual: "12个", score: 72, reason: "x" }) },
  ],
  invalid: [
    {
      name: "a typed score above the rule's",
      workbook: one({ actual: "12个", score: 90, reason: "x" }),
      findings: [
        {
          severity: "warning",
          cells: ["绩效自评表!I5"],
          message: "“新签约项目数”填报得分 90，按评分规则应为 72.00（90×12/15=72.00）",
        },
      ],
    },
  ],
});

testRule("indicator.reason-missing", {
  valid: [
    met,
    { name: "a shortfall with its reason", workbook: one({ actual: "12个", reason: "项目延期" }) },
  ],
  invalid: [
    {
      name: "a shortfall without a reason",
      workbook: one({ actual: "12个" }, { withReason: true }),
      findings: [
        {
          severity: "warning",
          cells: ["绩效自评表!J5"],
          message: "“新签约项目数”得分 72.00 低于分值 90，未填写偏差原因分析及改进措施",
        },
      ],
    },
  ],
});

testRule("indicator.actual-word", {
  valid: [
    met,
    { name: "a qualitative target met in words", workbook: one({ target: "有效改善", actual: "有效改善" }) },
    { name: "a figure against a quantitative target", workbook: one({ actual: "12个" }) },
  ],
  invalid: [
    {
      name: "“完成” against ≤ 30 万元 in their own columns (四川 大英)",
      workbook: one({ name: "成本控制数", target: 30, operator: "≤", unit: "万元", actual: "完成" }),
      findings: [
        {
          severity: "warning",
          cells: ["绩效自评表!G5"],
          message:
            "“成本控制数”的年度指标值 “≤30万元” 是数值，实际完成值 “完成” 不是数值，已按“达成”计分，无法核对是否达到目标：请填写实际数值",
        },
      ],
    },
    {
      name: "“部分完成” against ≥15个",
      workbook: one({ actual: "部分完成" }),
      findings: [
        {
          severity: "warning",
          cells: ["绩效自评表!G5"],
          message:
            "“新签约项目数”的年度指标值 “≥15个” 是数值，实际完成值 “部分完成” 不是数值，已按“部分达成”计分，无法核对是否达到目标：请填写实际数值",
        },
      ],
    },
  ],
});
