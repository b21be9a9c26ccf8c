/**
 * The 自评报告's text: one outline, numbered from its order, in each language's words. The paragraphs below were taken
 * from the composer before it was split into an outline and two vocabularies, and must stay byte for byte the same.
 */
import { parseAmount } from "../../../src/engine/money";
import type { ReportInput } from "../../../src/engine/report/input";
import { OUTLINE, composeNarrative, type Paragraph } from "../../../src/engine/report/narrative";
import { VOCABULARIES } from "../../../src/engine/report/narrative-vocabulary";
import type { AmountCell, BudgetRow } from "../../../src/engine/tables";
import { BUDGET_SHEET, seedBudget, seedInfo, seedInput, seedScore } from "./fixture";

/** [kind, text] and a third `true` for text that embeds the user's cells. */
type Line = [Paragraph["kind"], string] | [Paragraph["kind"], string, true];

function lines(input: ReportInput, lang: "zh-CN" | "en-US"): Line[] {
  return composeNarrative(input, lang).map((p): Line => (p.user ? [p.kind, p.text, true] : [p.kind, p.text]));
}

function row(label: string, budget?: number | string | null, executed?: number | string | null): BudgetRow {
  const cell = (col: number, value: number | string | null): AmountCell => ({
    pos: { sheet: BUDGET_SHEET, row: 1, col },
    raw: value,
    parsed: parseAmount(value, "万元"),
  });
  const cells: BudgetRow["cells"] = {
    ...(budget !== undefined ? { budget: cell(2, budget) } : {}),
    ...(executed !== undefined ? { executed: cell(3, executed) } : {}),
  };
  return { label: { pos: { sheet: BUDGET_SHEET, row: 1, col: 0 }, raw: label, text: label }, cells };
}

describe("the outline", () => {
  test("has the seed's ten sections in order, each with a heading in both vocabularies and none left over", () => {
    const ids = OUTLINE.map((s) => s.id);
    expect(ids).toEqual([
      "basics",
      "generalBudget",
      "govFund",
      "stateCapital",
      "socialInsurance",
      "performance",
      "problems",
      "measures",
      "application",
      "other",
    ]);
    for (const words of Object.values(VOCABULARIES))
      expect(Object.keys(words.headings).sort()).toEqual([...ids].sort());
  });

  test("numbers the headings from their place in the outline, past ten as well", () => {
    const headings = (lang: "zh-CN" | "en-US") =>
      composeNarrative(seedInput(), lang)
        .filter((p) => p.kind === "heading")
        .map((p) => p.text);
    expect(headings("zh-CN")).toEqual(
      OUTLINE.map(
        (s, i) => VOCABULARIES["zh-CN"].headingNumber(i + 1) + VOCABULARIES["zh-CN"].headings[s.id],
      ),
    );
    expect(headings("en-US")[9]).toBe("10. Other matters");
    expect([11, 20, 21].map(VOCABULARIES["zh-CN"].headingNumber)).toEqual(["十一、", "二十、", "二十一、"]);
    expect([11, 20].map(VOCABULARIES["zh-CN"].subheadingNumber)).toEqual(["（十一）", "（二十）"]);
    expect(VOCABULARIES["en-US"].headingNumber(11)).toBe("11. ");
  });
});

describe("a workbook with nothing but its indicators table", () => {
  const seed = seedInput();
  const bare = seedInput({
    recognized: { ...seed.recognized, budget: null, info: null },
    score: null,
    department: "",
    year: "",
  });

  test("zh-CN asks for every missing text and says there is nothing else", () => {
    expect(lines(bare, "zh-CN")).toEqual([
      ["title", "本单位部门整体支出绩效自评报告", true],
      ["heading", "一、部门（单位）基本情况"],
      ["subheading", "（一）职能职责"],
      ["body", "　　（工作簿中未提供职能职责，请补充。）"],
      ["subheading", "（二）机构设置"],
      ["body", "　　（工作簿中未提供机构设置，请补充。）"],
      ["heading", "二、一般公共预算支出情况"],
      ["subheading", "（一）基本支出"],
      ["body", "　　（工作簿中未提供基本支出数据，请补充。）"],
      ["subheading", "（二）项目支出"],
      ["body", "　　（工作簿中未提供项目支出数据，请补充。）"],
      ["heading", "三、政府性基金预算支出情况"],
      ["body", "　　我单位无政府性基金预算支出。"],
      ["heading", "四、国有资本经营预算支出情况"],
      ["body", "　　我单位无国有资本经营预算支出。"],
      ["heading", "五、社会保险基金预算支出情况"],
      ["body", "　　我单位无社会保险基金预算支出。"],
      ["heading", "六、部门整体支出绩效情况"],
      ["body", "　　本年度，我单位预算执行数据未在工作簿中找到。"],
      ["body", "　　（工作簿中未提供绩效指标，请补充。）"],
      ["heading", "七、存在的问题及原因分析"],
      ["body", "　　（工作簿中未提供存在的问题，请补充。）"],
      ["heading", "八、下一步改进措施"],
      ["body", "　　（工作簿中未提供改进措施，请补充。）"],
      ["heading", "九、部门整体支出绩效自评结果拟应用和公开情况"],
      ["heading", "十、其他需要说明的情况"],
      ["body", "　　无。"],
    ]);
  });

  test("en-US likewise", () => {
    expect(lines(bare, "en-US")).toEqual([
      ["title", "Overall Expenditure Performance Self-Evaluation Report", true],
      ["heading", "1. Basic information of the department (unit)"],
      ["subheading", "(1) Functions and responsibilities"],
      ["body", "(The workbook does not give the functions and responsibilities; please add it.)"],
      ["subheading", "(2) Organisation"],
      ["body", "(The workbook does not give the organisation; please add it.)"],
      ["heading", "2. General public budget expenditure"],
      ["subheading", "(1) Basic expenditure"],
      ["body", "(The workbook does not give the basic expenditure figure; please add it.)"],
      ["subheading", "(2) Project expenditure"],
      ["body", "(The workbook does not give the project expenditure figure; please add it.)"],
      ["heading", "3. Government fund budget expenditure"],
      ["body", "The unit had no government fund budget expenditure."],
      ["heading", "4. State capital operation budget expenditure"],
      ["body", "The unit had no state capital operation budget expenditure."],
      ["heading", "5. Social insurance fund budget expenditure"],
      ["body", "The unit had no social insurance fund budget expenditure."],
      ["heading", "6. Overall expenditure performance"],
      ["body", "This year the unit's budget execution was not found in the workbook."],
      ["body", "(The workbook gives no performance indicators; please add them.)"],
      ["heading", "7. Problems and their causes"],
      ["body", "(The workbook does not give the problems; please add it.)"],
      ["heading", "8. Improvement measures"],
      ["body", "(The workbook does not give the improvement measures; please add it.)"],
      ["heading", "9. Use and publication of the self-evaluation results"],
      ["heading", "10. Other matters"],
      ["body", "None."],
    ]);
  });
});

describe("partial budget figures and texts", () => {
  const seed = seedInput();
  const score = seedScore();
  const input = seedInput({
    recognized: {
      ...seed.recognized,
      budget: {
        ...seedBudget(),
        total: row("合计", 5000, null),
        sources: {
          general: row("一般公共预算", 3000, 2000),
          stateCapital: row("国有资本", 100, 0),
          socialInsurance: row("社保", undefined, 123.45),
          specialAccount: row("财政专户", 10, 5),
          other: row("其他", null, "abc"),
        },
        kinds: {
          basic: row("基本", null, 0),
          remitted: row("上缴", null, 12),
          business: row("经营", null, 7.5),
        },
      },
      info: seedInfo({
        functions: "",
        organization: "\n  \n",
        problems: "  第一行 \r\n\r\n第二行",
        measures: "",
        application: "",
        goalCompletion: "",
        other: "其他说明一\n其他说明二",
      }),
    },
    score: { ...score, execution: { ...score.execution, rate: null } },
  });

  test("zh-CN: none for a zero, a prompt for a blank, each line of the user's text its own paragraph", () => {
    expect(lines(input, "zh-CN")).toEqual([
      ["title", "岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告", true],
      ["heading", "一、部门（单位）基本情况"],
      ["subheading", "（一）职能职责"],
      ["body", "　　（工作簿中未提供职能职责，请补充。）"],
      ["subheading", "（二）机构设置"],
      ["body", "　　（工作簿中未提供机构设置，请补充。）"],
      ["heading", "二、一般公共预算支出情况"],
      // Other funds spent too and the workbook splits 基本/项目 for all funds only: no subsections, no implied split.
      ["body", "　　本年度一般公共预算全年预算数3000.00万元，支出2000.00万元。"],
      [
        "body",
        "　　工作簿未按资金来源划分基本支出和项目支出；全部资金（含社会保险基金预算、财政专户管理资金）中，上缴上级支出12.00万元，经营支出7.50万元。",
      ],
      ["heading", "三、政府性基金预算支出情况"],
      ["body", "　　我单位无政府性基金预算支出。"],
      ["heading", "四、国有资本经营预算支出情况"],
      ["body", "　　我单位无国有资本经营预算支出。"],
      ["heading", "五、社会保险基金预算支出情况"],
      ["body", "　　本年度社会保险基金预算支出123.45万元。"],
      ["heading", "六、部门整体支出绩效情况"],
      [
        "body",
        "　　2023年，我单位全年预算数5000.00万元。按收入性质分，一般公共预算2000.00万元，社会保险基金预算123.45万元，财政专户管理资金5.00万元。按支出性质分，上缴上级支出12.00万元，经营支出7.50万元。",
      ],
      [
        "body",
        "　　单位整体绩效目标完成情况如下：共设置绩效指标8项，已完成6项，未完全完成1项，未填报实际完成值1项。",
      ],
      ["subheading", "（一）已完成的指标"],
      ["body", "　　1.新签约项目数：年度指标值≥15个，实际完成值17个，得分10分（分值10分）。", true],
      ["body", "　　2.新培育规模以上工业企业：年度指标值≥8家，实际完成值9家，得分10分（分值10分）。", true],
      [
        "body",
        "　　3.冷链物流项目主体完工：年度指标值2023年12月底前完成，实际完成值达成，得分10分（分值10分）。",
        true,
      ],
      ["body", "　　4.园区运行维护成本：年度指标值≤260万元，实际完成值250万元，得分10分（分值10分）。", true],
      ["body", "　　5.技工贸总收入：年度指标值≥95亿元，实际完成值98.96亿元，得分15分（分值15分）。", true],
      ["body", "　　6.入园企业满意度：年度指标值≥90%，实际完成值95%，得分10分（分值10分）。", true],
      ["subheading", "（二）未完全完成的指标"],
      [
        "body",
        "　　1.项目开工率：年度指标值≥90%，实际完成值88%，得分9.78分（分值10分）。偏差原因及改进措施：部分项目受用地报批影响推迟开工，下一步加快报批。",
        true,
      ],
      ["subheading", "（三）未填报实际完成值的指标"],
      ["body", "　　1.新增就业人数：年度指标值≥500人，未填报实际完成值，得分0分（分值15分）。", true],
      ["heading", "七、存在的问题及原因分析"],
      ["body", "　　第一行", true],
      ["body", "　　第二行", true],
      ["heading", "八、下一步改进措施"],
      ["body", "　　（工作簿中未提供改进措施，请补充。）"],
      ["heading", "九、部门整体支出绩效自评结果拟应用和公开情况"],
      ["body", "　　经自评，对单位整体支出评分为84.78分，评价等级为“良”。"],
      ["heading", "十、其他需要说明的情况"],
      ["body", "　　其他说明一", true],
      ["body", "　　其他说明二", true],
    ]);
  });

  test("en-US likewise", () => {
    expect(lines(input, "en-US")).toEqual([
      [
        "title",
        "FY2023 Overall Expenditure Performance Self-Evaluation Report of 岳阳市君山产业开发区管委会",
        true,
      ],
      ["heading", "1. Basic information of the department (unit)"],
      ["subheading", "(1) Functions and responsibilities"],
      ["body", "(The workbook does not give the functions and responsibilities; please add it.)"],
      ["subheading", "(2) Organisation"],
      ["body", "(The workbook does not give the organisation; please add it.)"],
      ["heading", "2. General public budget expenditure"],
      [
        "body",
        "Spending from the general public budget was 2000.00 ten-thousand yuan against a full-year budget of 3000.00 ten-thousand yuan.",
      ],
      [
        "body",
        "The workbook does not split basic and project expenditure by fund source. Across all funds (including the social insurance fund budget and the special fiscal account funds): remittances to higher levels 12.00 ten-thousand yuan; business expenditure 7.50 ten-thousand yuan.",
      ],
      ["heading", "3. Government fund budget expenditure"],
      ["body", "The unit had no government fund budget expenditure."],
      ["heading", "4. State capital operation budget expenditure"],
      ["body", "The unit had no state capital operation budget expenditure."],
      ["heading", "5. Social insurance fund budget expenditure"],
      ["body", "Spending from the social insurance fund budget was 123.45 ten-thousand yuan."],
      ["heading", "6. Overall expenditure performance"],
      [
        "body",
        "In 2023 the unit had a full-year budget of 5000.00 ten-thousand yuan. By source: general public budget 2000.00 ten-thousand yuan; social insurance fund budget 123.45 ten-thousand yuan; special fiscal account funds 5.00 ten-thousand yuan. By nature: remittances to higher levels 12.00 ten-thousand yuan; business expenditure 7.50 ten-thousand yuan.",
      ],
      [
        "body",
        "Performance against the goals: 8 indicators, 6 met in full, 1 not fully met, 1 without an actual value.",
      ],
      ["subheading", "(1) Indicators met"],
      ["body", "1. 新签约项目数: target ≥15个, actual 17个, score 10 of 10.", true],
      ["body", "2. 新培育规模以上工业企业: target ≥8家, actual 9家, score 10 of 10.", true],
      ["body", "3. 冷链物流项目主体完工: target 2023年12月底前完成, actual 达成, score 10 of 10.", true],
      ["body", "4. 园区运行维护成本: target ≤260万元, actual 250万元, score 10 of 10.", true],
      ["body", "5. 技工贸总收入: target ≥95亿元, actual 98.96亿元, score 15 of 15.", true],
      ["body", "6. 入园企业满意度: target ≥90%, actual 95%, score 10 of 10.", true],
      ["subheading", "(2) Indicators not fully met"],
      [
        "body",
        "1. 项目开工率: target ≥90%, actual 88%, score 9.78 of 10. Reasons and measures: 部分项目受用地报批影响推迟开工，下一步加快报批。",
        true,
      ],
      ["subheading", "(3) Indicators without an actual value"],
      ["body", "1. 新增就业人数: target ≥500人, no actual value given, score 0 of 15.", true],
      ["heading", "7. Problems and their causes"],
      ["body", "第一行", true],
      ["body", "第二行", true],
      ["heading", "8. Improvement measures"],
      ["body", "(The workbook does not give the improvement measures; please add it.)"],
      ["heading", "9. Use and publication of the self-evaluation results"],
      ["body", "The self-evaluation scores the unit's overall expenditure at 84.78, grade 良."],
      ["heading", "10. Other matters"],
      ["body", "其他说明一", true],
      ["body", "其他说明二", true],
    ]);
  });
});

describe("indicators over-completed, short, and a capped total", () => {
  const score = seedScore();
  const input = seedInput({
    score: {
      ...score,
      cappedFrom: 91.5,
      total: 89,
      execution: { ...score.execution, rate: 0.7534 },
      indicators: score.indicators.map((s, i) =>
        i === 0
          ? { ...s, overachieved: true, reason: "当年招商力度加大。" }
          : i === 1
            ? { ...s, overachieved: true }
            : i === 2
              ? { ...s, reason: "" }
              : i === 6
                ? { ...s, status: "zero" as const, actual: "0人", reason: "疫情影响" }
                : s,
      ),
    },
  });

  test("zh-CN states an over-completion's reason, a shortfall's reason when given, and the cap", () => {
    const text = lines(input, "zh-CN");
    const from = text.findIndex(([, t]) => t.startsWith("　　单位整体绩效目标完成情况"));
    expect(text.slice(from, from + 12)).toEqual([
      ["body", "　　单位整体绩效目标完成情况如下：共设置绩效指标8项，已完成6项，未完全完成2项。"],
      ["subheading", "（一）已完成的指标"],
      [
        "body",
        "　　1.新签约项目数：年度指标值≥15个，实际完成值17个，得分10分（分值10分）。超额完成年度指标。偏差原因及改进措施：当年招商力度加大。",
        true,
      ],
      [
        "body",
        "　　2.新培育规模以上工业企业：年度指标值≥8家，实际完成值9家，得分10分（分值10分）。超额完成年度指标。",
        true,
      ],
      [
        "body",
        "　　3.冷链物流项目主体完工：年度指标值2023年12月底前完成，实际完成值达成，得分10分（分值10分）。",
        true,
      ],
      ["body", "　　4.园区运行维护成本：年度指标值≤260万元，实际完成值250万元，得分10分（分值10分）。", true],
      ["body", "　　5.技工贸总收入：年度指标值≥95亿元，实际完成值98.96亿元，得分15分（分值15分）。", true],
      ["body", "　　6.入园企业满意度：年度指标值≥90%，实际完成值95%，得分10分（分值10分）。", true],
      ["subheading", "（二）未完全完成的指标"],
      ["body", "　　1.项目开工率：年度指标值≥90%，实际完成值88%，得分9.78分（分值10分）。", true],
      [
        "body",
        "　　2.新增就业人数：年度指标值≥500人，实际完成值0人，得分0分（分值15分）。偏差原因及改进措施：疫情影响",
        true,
      ],
      ["heading", "七、存在的问题及原因分析"],
    ]);
    expect(text).toContainEqual([
      "body",
      "　　经自评，对单位整体支出评分为89分（按预算执行率上限由91.5分调整），评价等级为“良”。",
    ]);
  });

  test("en-US likewise", () => {
    const text = lines(input, "en-US");
    const from = text.findIndex(([, t]) => t.startsWith("Performance against the goals"));
    expect(text.slice(from, from + 12)).toEqual([
      ["body", "Performance against the goals: 8 indicators, 6 met in full, 2 not fully met."],
      ["subheading", "(1) Indicators met"],
      [
        "body",
        "1. 新签约项目数: target ≥15个, actual 17个, score 10 of 10. The target was exceeded. Reasons and measures: 当年招商力度加大。",
        true,
      ],
      [
        "body",
        "2. 新培育规模以上工业企业: target ≥8家, actual 9家, score 10 of 10. The target was exceeded.",
        true,
      ],
      ["body", "3. 冷链物流项目主体完工: target 2023年12月底前完成, actual 达成, score 10 of 10.", true],
      ["body", "4. 园区运行维护成本: target ≤260万元, actual 250万元, score 10 of 10.", true],
      ["body", "5. 技工贸总收入: target ≥95亿元, actual 98.96亿元, score 15 of 15.", true],
      ["body", "6. 入园企业满意度: target ≥90%, actual 95%, score 10 of 10.", true],
      ["subheading", "(2) Indicators not fully met"],
      ["body", "1. 项目开工率: target ≥90%, actual 88%, score 9.78 of 10.", true],
      [
        "body",
        "2. 新增就业人数: target ≥500人, actual 0人, score 0 of 15. Reasons and measures: 疫情影响",
        true,
      ],
      ["heading", "7. Problems and their causes"],
    ]);
    expect(text).toContainEqual([
      "body",
      "The self-evaluation scores the unit's overall expenditure at 89 (capped by the execution rate from 91.5), grade 良.",
    ]);
  });
});
