/**
 * 导出核查结果 as CSV: a BOM so Excel reads UTF-8, RFC 4180 quoting, CRLF lines, text that would run as a formula
 * neutralised with a leading apostrophe, amounts as numbers in the table's unit.
 */
import type { Finding } from "../../src/engine/findings";
import { localized } from "../../src/engine/i18n";
import { CSV_BOM, csvField, findingsCsvRows, findingsToCsv, toCsv } from "../../src/preview/csv";

const sumRow: Finding = {
  rule: "sum.breakdown",
  severity: "error",
  cells: [{ sheet: "表一 预算执行情况", address: "D5" }],
  table: "budget",
  expectedFen: 10716160000,
  actualFen: 10726160000,
  differenceFen: 10000000,
  unit: "万元",
  message: localized(
    "按收入性质分项合计 = 10716.16 万元，全年预算数填列 10726.16 万元，相差 10.00 万元",
    "Sources total 10716.16 万元, total shows 10726.16 万元, difference 10.00 万元",
  ),
};

const crossSheet: Finding = {
  rule: "cross.sheet",
  severity: "warning",
  cells: [
    { sheet: "表二", address: "C5" },
    { sheet: "表一", address: "E5" },
    { sheet: "表二", address: "D5" },
  ],
  expectedFen: 0,
  actualFen: -150,
  differenceFen: -150,
  message: localized('单元格写着 "=HYPERLINK(""x"")"，需确认', 'The cell says "=HYPERLINK(""x"")", check it'),
};

const noAmount: Finding = {
  rule: "table.missing",
  severity: "notice",
  cells: [],
  expectedFen: null,
  actualFen: null,
  differenceFen: null,
  message: localized("没有找到表格", "No table found"),
};

describe("csvField", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+86 138", "'+86 138"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindent", "'\tindent"],
    ["\rstart", '"\'\rstart"'],
    ["plain 文本", "plain 文本"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["", ""],
  ])("text %j becomes %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("writes numbers as they are, negative ones included, and nothing for null", () => {
    expect(csvField(-10)).toBe("-10");
    expect(csvField(10716.16)).toBe("10716.16");
    expect(csvField(0)).toBe("0");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });
});

describe("toCsv", () => {
  it("starts with the UTF-8 byte-order mark and ends every line with CRLF", () => {
    const text = toCsv([
      ["a", 1],
      ["b", null],
    ]);
    expect(text).toBe("\uFEFFa,1\r\nb,\r\n");
    expect(CSV_BOM).toBe("\uFEFF");
    // Encoded, the file begins with EF BB BF: what Excel looks for to read UTF-8.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("findingsCsvRows", () => {
  it("has a zh-CN header and one row per finding with amounts in the table's unit", () => {
    const rows = findingsCsvRows([sumRow, crossSheet, noAmount], "zh-CN");
    expect(rows[0]).toEqual([
      "严重程度",
      "规则",
      "规则编号",
      "工作表",
      "单元格",
      "单位",
      "应为",
      "实际",
      "差额",
      "说明",
    ]);
    expect(rows[1]).toEqual([
      "错误",
      "预算分项合计",
      "sum.breakdown",
      "表一 预算执行情况",
      "D5",
      "万元",
      10716.16,
      10726.16,
      10,
      "按收入性质分项合计 = 10716.16 万元，全年预算数填列 10726.16 万元，相差 10.00 万元",
    ]);
    // Cells on other sheets carry their sheet; a finding without a unit is in 元.
    expect(rows[2]).toEqual([
      "警告",
      "跨表核对",
      "cross.sheet",
      "表二",
      "C5 表一!E5 D5",
      "元",
      0,
      -1.5,
      -1.5,
      '单元格写着 "=HYPERLINK(""x"")"，需确认',
    ]);
    expect(rows[3]).toEqual([
      "提示",
      "缺少表格",
      "table.missing",
      "",
      "",
      "",
      null,
      null,
      null,
      "没有找到表格",
    ]);
    expect(rows).toHaveLength(4);
  });

  it("speaks en-US when asked", () => {
    const rows = findingsCsvRows([sumRow], "en-US");
    expect(rows[0][0]).toBe("Severity");
    expect(rows[1].slice(0, 3)).toEqual(["Error", "Budget breakdown", "sum.breakdown"]);
    expect(rows[1][9]).toBe("Sources total 10716.16 万元, total shows 10726.16 万元, difference 10.00 万元");
  });
});

describe("findingsToCsv", () => {
  it("writes the whole file, quoting and escaping where needed", () => {
    const text = findingsToCsv([sumRow, crossSheet], "zh-CN");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("\uFEFF严重程度,规则,规则编号,工作表,单元格,单位,应为,实际,差额,说明");
    expect(lines[1]).toBe(
      "错误,预算分项合计,sum.breakdown,表一 预算执行情况,D5,万元,10716.16,10726.16,10," +
        "按收入性质分项合计 = 10716.16 万元，全年预算数填列 10726.16 万元，相差 10.00 万元",
    );
    expect(lines[2]).toBe(
      '警告,跨表核对,cross.sheet,表二,C5 表一!E5 D5,元,0,-1.5,-1.5,"单元格写着 ""=HYPERLINK(""""x"""")""，需确认"',
    );
    expect(lines[3]).toBe("");
    expect(lines).toHaveLength(4);
  });

  it("neutralises a sheet name that starts like a formula", () => {
    const hostile: Finding = { ...noAmount, cells: [{ sheet: "=cmd", address: "A1" }] };
    const line = findingsToCsv([hostile], "en-US").split("\r\n")[1];
    expect(line).toBe("Notice,Missing table,table.missing,'=cmd,A1,,,,,No table found");
  });
});
