import { checkRecognized } from "../../../src/engine/check/index";
import type { BudgetBlock } from "../../../src/engine/tables";
import { budgetBlock, expenditureTable, indicatorsTable, recognized } from "./builder";

describe("value rules", () => {
  it("value.error: an error value in a budget cell, one finding and no sum built on it", () => {
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", null, "#N/A", 2030.12],
        ["general", "一般公共预算", null, 2030.12, 2030.12],
      ],
    });
    expect(checkRecognized(recognized({ budget }), {})).toEqual([
      {
        rule: "value.error",
        severity: "error",
        cells: [{ sheet: "预算执行", address: "C5" }],
        table: "budget",
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        unit: "万元",
        message: {
          "zh-CN": "年度资金总额（全年预算数）：错误值 #N/A，请修正公式或引用",
          "en-US": "Total funds (full-year budget): error value #N/A; fix the formula or its reference",
        },
      },
    ]);
  });

  it("value.error: #DIV/0! in the 执行率 column of the score table and in an indicator's actual value", () => {
    const plain = budgetBlock({ rows: [["total", "年度资金总额", 861.1, 2030.12, 2030.12]] });
    const budget: BudgetBlock = {
      ...plain,
      extra: {
        rate: {
          pos: { sheet: "预算执行", row: 4, col: 5 },
          raw: { kind: "error", code: "#DIV/0!" },
          text: "#DIV/0!",
        },
      },
    };
    const indicators = indicatorsTable({
      at: "A20",
      rows: [
        ["开展政策宣传次数", "≥12次", 15, 10],
        ["服务对象满意度", "≥90%", "#N/A", 10],
      ],
    });
    const findings = checkRecognized(recognized({ budget, indicators }), {});
    expect(
      findings.map((f) => [f.rule, f.table, f.cells[0].sheet, f.cells[0].address, f.message["zh-CN"]]),
    ).toEqual([
      // Sorted (compareFindings): same severity, so by sheet name, and 绩 sorts before 预.
      [
        "value.error",
        "indicators",
        "绩效指标",
        "C22",
        "服务对象满意度（实际完成值）：错误值 #N/A，请修正公式或引用",
      ],
      ["value.error", "budget", "预算执行", "F5", "年度资金总额（执行率）：错误值 #DIV/0!，请修正公式或引用"],
    ]);
    expect(findings[0].message["en-US"]).toBe(
      "服务对象满意度 (actual value): error value #N/A; fix the formula or its reference",
    );
    expect(findings[0].unit).toBeUndefined();
  });

  it("value.unparsed: text that is not an amount in an amount column", () => {
    const budget = budgetBlock({
      rows: [
        ["total", "年度资金总额", null, null, "约100"],
        ["basic", "基本支出", null, null, 40],
        ["project", "项目支出", null, null, 50],
      ],
    });
    expect(checkRecognized(recognized({ budget }), {})).toEqual([
      {
        rule: "value.unparsed",
        severity: "error",
        cells: [{ sheet: "预算执行", address: "D5" }],
        table: "budget",
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        unit: "万元",
        message: {
          "zh-CN": "年度资金总额（全年执行数）：“约100”不是金额，该单元格未参与求和校验",
          "en-US":
            'Total funds (full-year execution): "约100" is not an amount; the cell was left out of the sum checks',
        },
      },
    ]);
  });

  it("value.text: amounts stored as text, with thousands separators and full-width digits, still take part in sums", () => {
    const table = expenditureTable({
      unit: "元",
      at: "B3",
      rows: [[null, "合计", "１０７１６１６００", "2,567,900.00 ", 104593700]],
    });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(findings).toEqual([
      {
        rule: "value.text",
        severity: "notice",
        cells: [{ sheet: "支出决算表", address: "D4" }],
        table: "expenditure",
        expectedFen: null,
        actualFen: 10_716_160_000,
        differenceFen: null,
        unit: "元",
        message: {
          "zh-CN": "合计行（合计）：金额 107,161,600.00 元 以文本形式存储，已按数值读取，建议改为数值格式",
          "en-US":
            "The total row (total): the amount 107,161,600.00 元 (yuan) is stored as text; it was read as a number, but should be entered as one",
        },
      },
      {
        rule: "value.text",
        severity: "notice",
        cells: [{ sheet: "支出决算表", address: "E4" }],
        table: "expenditure",
        expectedFen: null,
        actualFen: 256_790_000,
        differenceFen: null,
        unit: "元",
        message: {
          "zh-CN": "合计行（基本支出）：金额 2,567,900.00 元 以文本形式存储，已按数值读取，建议改为数值格式",
          "en-US":
            "The total row (basic spending): the amount 2,567,900.00 元 (yuan) is stored as text; it was read as a number, but should be entered as one",
        },
      },
    ]);
  });

  it("value.negative: a negative amount is a warning; one stored as text is also a notice", () => {
    const table = expenditureTable({
      rows: [
        ["2010301", "行政运行", -5, -5, 0],
        ["2010302", "一般行政管理事务", "-3.50", 0, "(3.50)"],
      ],
    });
    const findings = checkRecognized(recognized({ expenditures: [table] }), {});
    expect(findings.map((f) => [f.rule, f.severity, f.cells[0].address, f.actualFen])).toEqual([
      // Sorted (compareFindings): warnings before notices, each by cell.
      ["value.negative", "warning", "C6", -5_000_000],
      ["value.negative", "warning", "D6", -5_000_000],
      ["value.negative", "warning", "C7", -3_500_000],
      ["value.negative", "warning", "E7", -3_500_000],
      ["value.text", "notice", "C7", -3_500_000],
      ["value.text", "notice", "E7", -3_500_000],
    ]);
    expect(findings[0].message).toEqual({
      "zh-CN": "2010301 行政运行（合计）：金额为负数 -5.00 万元，请确认",
      "en-US": "2010301 行政运行 (total): negative amount -5.00 万元 (10,000 yuan); please confirm it",
    });
  });

  it("treats dashes, slashes and blanks as none, not as errors", () => {
    const table = expenditureTable({
      parts: ["basic", "project", "business"],
      rows: [
        ["2010301", "行政运行", 10, 10, "-", "—"],
        ["2010302", "一般行政管理事务", "", " ", "/", null],
      ],
    });
    expect(checkRecognized(recognized({ expenditures: [table] }), {})).toEqual([]);
  });
});

describe("table.missing", () => {
  it("is an error with no cells when no known table was recognised", () => {
    expect(checkRecognized(recognized({}), {})).toEqual([
      {
        rule: "table.missing",
        severity: "error",
        cells: [],
        expectedFen: null,
        actualFen: null,
        differenceFen: null,
        message: {
          "zh-CN":
            "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
          "en-US":
            "No known table was found (budget execution, expenditure table or performance indicators); check that the header labels use the usual wording",
        },
      },
    ]);
  });

  it("is not raised when only an indicators table is there", () => {
    const indicators = indicatorsTable({ rows: [["开展政策宣传次数", "≥12次", "15次", 10]] });
    expect(checkRecognized(recognized({ indicators }), {})).toEqual([]);
  });
});
