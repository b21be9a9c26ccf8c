/** The text.* rules (文数一致): each against the seed's workbook (99.78 分, 优; 执行率 100%). */
import { testTextRule } from "./text-tester";

const B = "表一 预算执行情况";
const I = "表三 绩效指标";

testTextRule("text.amount", {
  valid: [
    { name: "基本支出 as the table has it", text: "本年度基本支出为256.79万元。" },
    { name: "the same in 元 with thousands separators", text: "基本支出2,567,900元。" },
    { name: "the total in 亿元, equal at the text's 2 decimals", text: "全年预算收入1.07亿元。" },
    { name: "a fund's income and spending", text: "本年度政府性基金预算收入1000万元，支出1000万元。" },
    {
      name: "a source after the total takes its column",
      text: "全年预算收入10716.16万元，其中，一般公共预算9716.16万元。",
    },
    { name: "an indicator's amount", text: "合同引资额22.12亿元。" },
    { name: "about, equal at the text's precision", text: "完成税收约3.5亿元。" },
    { name: "a figure the tables do not hold", text: "完成主导产业主营业务收入79.26亿元。" },
    { name: "a sub-item (其中)", text: "其中工业税收1.48亿元。" },
    { name: "spending the budget block has no row for", text: "对企业的补助支出300万元。" },
    { name: "last year's figure", text: "上年基本支出为200万元；2022年项目支出8000万元。" },
  ],
  invalid: [
    {
      name: "基本支出 written wrong",
      text: "本年度基本支出为265.79万元。",
      findings: [
        {
          severity: "error",
          cells: [`${B}!D11`],
          message:
            "报告文字“本年度基本支出为265.79万元”中基本支出全年执行数为“265.79万元”，表中为 256.79 万元",
        },
      ],
    },
    {
      name: "in 元 with thousands separators",
      text: "项目支出10,549,370元。",
      findings: [
        {
          severity: "error",
          cells: [`${B}!D12`],
          message:
            "报告文字“项目支出10,549,370元”中项目支出全年执行数为“10,549,370元”，表中为 104,593,700 元",
        },
      ],
    },
    {
      name: "the total in 亿元 off at the text's precision",
      text: "全年预算收入1.08亿元。",
      findings: [
        {
          severity: "error",
          cells: [`${B}!C5`],
          message: "报告文字“全年预算收入1.08亿元”中年度资金总额全年预算数为“1.08亿元”，表中为 1.071616 亿元",
        },
      ],
    },
    {
      name: "a fund's spending after its income",
      text: "本年度政府性基金预算收入1000万元，支出900万元。",
      findings: [
        {
          severity: "error",
          cells: [`${B}!D8`],
          message:
            "报告文字“本年度政府性基金预算收入1000万元，支出900万元”中政府性基金预算全年执行数为“900万元”，表中为 1000 万元",
        },
      ],
    },
    {
      name: "an indicator's amount",
      text: "合同引资额22.5亿元。",
      findings: [
        {
          severity: "error",
          cells: [`${I}!E5`],
          message: "报告文字“合同引资额22.5亿元”中“合同引资额”实际完成值为“22.5亿元”，表中为 22.12 亿元",
        },
      ],
    },
  ],
});

testTextRule("text.rate", {
  valid: [
    { name: "the execution rate", text: "预算执行率为100%。" },
    { name: "the execution rate with decimals", text: "资金执行率100.00%。" },
    { name: "a change, not a level", text: "完成技工贸总收入98.96亿元，同比增长27.9%。" },
    {
      name: "a threshold, not a statement",
      text: "预算执行率未达到90%的需说明原因；入园企业满意度低于80%的应整改。",
    },
    { name: "an indicator's percentage", text: "入园企业满意度为88%。" },
  ],
  invalid: [
    {
      name: "the execution rate written wrong",
      text: "预算执行率为98.5%。",
      findings: [
        {
          severity: "error",
          cells: [`${B}!F5`],
          message: "报告文字“预算执行率为98.5%”中预算执行率为“98.5%”，按表计算为 100.0%",
        },
      ],
    },
    {
      name: "an indicator's percentage written wrong",
      text: "入园企业满意度达到90%。",
      findings: [
        {
          severity: "error",
          cells: [`${I}!E17`],
          message: "报告文字“入园企业满意度达到90%”中“入园企业满意度”实际完成值为“90%”，表中为 88%",
        },
      ],
    },
  ],
});

testTextRule("text.count", {
  valid: [
    { name: "in digits", text: "园区完成新签约项目17个。" },
    { name: "in Chinese numerals", text: "园区完成新签约项目十七个。" },
    { name: "the noun after the count", text: "引导三利和、口口佳等9家企业启动扩能扩产项目。" },
    { name: "a count the tables do not hold", text: "内设机构5个，包括综合管理部等五个股室。" },
    { name: "numerals that are names", text: "“五好园区”建设项目、昌泰明渠二期已完成审核。" },
    { name: "a label's number before 项目", text: "指标1新签约项目数完成情况良好，1项目已开工。" },
  ],
  invalid: [
    {
      name: "in Chinese numerals",
      text: "园区完成新签约项目十五个。",
      findings: [
        {
          severity: "error",
          cells: [`${I}!E4`],
          message: "报告文字“园区完成新签约项目十五个”中“新签约项目数”实际完成值为“十五个”，表中为 17 个",
        },
      ],
    },
    {
      name: "in digits",
      text: "新培育规模以上工业企业10家。",
      findings: [
        {
          severity: "error",
          cells: [`${I}!E6`],
          message:
            "报告文字“新培育规模以上工业企业10家”中“新培育规模以上工业企业”实际完成值为“10家”，表中为 9 家",
        },
      ],
    },
    {
      name: "a bare 实际完成值 after the indicator's name (the Word report's wording)",
      text: "1.新签约项目数：年度指标值≥15个，实际完成值15个，得分8分（分值8分）。",
      findings: [
        {
          severity: "error",
          cells: [`${I}!E4`],
          message:
            "报告文字“1.新签约项目数：年度指标值≥15个，实际完成值15个，得分8分（分值8分）”中“新签约项目数”实际完成值为“15个”，表中为 17 个",
        },
      ],
    },
    {
      name: "in the indicator's own unit",
      text: "供气能力较去年翻番至80吨/小时。",
      findings: [
        {
          severity: "error",
          cells: [`${I}!E8`],
          message:
            "报告文字“供气能力较去年翻番至80吨/小时”中“集中供热站供气能力”实际完成值为“80吨/小时”，表中为 75 吨/小时",
        },
      ],
    },
  ],
});

testTextRule("text.score", {
  valid: [
    { name: "the rules' total", text: "对单位整体支出评分为99.78分。" },
    { name: "the total at the text's precision", text: "自评总分99.8分。" },
    { name: "points of a heading", text: "产出指标（50分）。" },
    { name: "a weight", text: "预算执行率分值10分。" },
    {
      name: "points a scoring criterion allots (a real 评分表's wording)",
      text: "1、设置年度绩效目标(2分,其中单位整体绩效目标1分,项目绩效目标1分,若单位无项目,得2分)",
    },
    { name: "得分 of no indicator the workbook has", text: "园区绿化得分8分。" },
    {
      name: "an indicator's score and weight",
      text: "1.新签约项目数：年度指标值≥15个，实际完成值17个，得分8分（分值8分）。",
    },
  ],
  invalid: [
    {
      name: "the unit's own total",
      text: "对单位整体支出评分为95分。",
      findings: [
        {
          severity: "warning",
          cells: [`${I}!G3`],
          message: "报告文字“对单位整体支出评分为95分”中总分为“95分”，按评分规则计算为 99.78 分",
        },
      ],
    },
    {
      name: "the execution score",
      text: "预算执行率得分9分。",
      findings: [
        {
          severity: "warning",
          cells: [`${B}!G5`],
          message: "报告文字“预算执行率得分9分”中预算执行率得分为“9分”，按评分规则计算为 10 分",
        },
      ],
    },
    {
      name: "得分 after the indicator's name",
      text: "14.入园企业满意度：年度指标值≥90%，实际完成值88%，得分9.5分（分值10分）。",
      findings: [
        {
          severity: "warning",
          cells: [`${I}!G17`],
          message:
            "报告文字“14.入园企业满意度：年度指标值≥90%，实际完成值88%，得分9.5分（分值10分）”中“入园企业满意度”得分为“9.5分”，按评分规则计算为 9.78 分",
        },
      ],
    },
    {
      name: "an indicator's score in Chinese numerals",
      text: "入园企业满意度指标得分八分。",
      findings: [
        {
          severity: "warning",
          cells: [`${I}!G17`],
          message:
            "报告文字“入园企业满意度指标得分八分”中“入园企业满意度”得分为“八分”，按评分规则计算为 9.78 分",
        },
      ],
    },
  ],
});

testTextRule("text.grade", {
  valid: [
    { name: "the rules' grade", text: "评价等级为“优”。" },
    { name: "in its long form", text: "自评等级：优秀。" },
    { name: "优 that is no grade", text: "持续优化营商环境，评为优秀单位。" },
  ],
  invalid: [
    {
      name: "another grade",
      text: "评价等级为“良”。",
      findings: [
        {
          severity: "warning",
          cells: [`${I}!G3`],
          message: "报告文字“评价等级为‘良’”中评价等级为“良”，按评分规则计算为 “优”",
        },
      ],
    },
    {
      name: "in its long form",
      text: "经自评，评定为中等。",
      findings: [
        {
          severity: "warning",
          cells: [`${I}!G3`],
          message: "报告文字“经自评，评定为中等”中评价等级为“中等”，按评分规则计算为 “优”",
        },
      ],
    },
  ],
});
