import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue } from "../../../src/engine/snapshot";
import type { AmountCell, ExpenditureRow, ExpenditureTable } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";

function tablesOf(...sheets: Parameters<typeof workbook>): readonly ExpenditureTable[] {
  return recognizeWorkbook(workbook(...sheets)).expenditures;
}

function fen(cell: AmountCell | undefined): number | null {
  return cell?.parsed.kind === "amount" ? cell.parsed.fen : null;
}

/** A row as plain facts: where it is, its code, name, level, flag and amounts in 分. */
function facts(r: ExpenditureRow) {
  return {
    row: r.row,
    code: r.code,
    name: r.name?.text ?? null,
    level: r.level,
    isTotal: r.isTotal,
    total: fen(r.total),
    basic: fen(r.parts.basic),
    project: fen(r.parts.project),
  };
}

describe("expenditure table: merged two-row header, 合计 at the top, five kinds, amounts in 元", () => {
  const blank = [null, null, null, null, null, null, null, null];
  const grid = sheet(
    "支出决算表",
    [
      ["2023年度支出决算表", null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, "金额单位：元"],
      ["科目编码", "科目名称", "本年支出", null, null, null, null, null],
      [null, null, "合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
      ["合计", null, 41439100, 11402700, 30036400, 0, null, "-"],
      [201, "一般公共服务支出", 41439100, 11402700, 30036400, 0, null, null],
      [20113, "商贸事务", 41439100, 11402700, 30036400, null, null, null],
      [2011301, "行政运行", 11402700, 11402700, null, null, null, null],
      ["2011350", "  事业运行", "30,036,400.00", null, "30036400", null, null, null],
      blank,
      ["注：本表反映部门本年度的支出情况。", null, null, null, null, null, null, null],
    ],
    { merges: ["A1:H1", "A3:A4", "B3:B4", "C3:H3", "A5:B5"] },
  );
  const [t] = tablesOf(grid);

  it("finds one table whose header spans both rows", () => {
    expect(tablesOf(grid)).toHaveLength(1);
    expect(t.range).toEqual({ top: 2, left: 0, bottom: 8, right: 7 });
    expect(t.unit).toBe("元");
    expect(t.totalColumn).toEqual({
      pos: { sheet: "支出决算表", row: 3, col: 2 },
      raw: "合计",
      text: "合计",
    });
    expect(Object.fromEntries(Object.entries(t.partColumns).map(([k, c]) => [k, c.pos.col]))).toEqual({
      basic: 3,
      project: 4,
      remitted: 5,
      business: 6,
      subsidiary: 7,
    });
  });

  it("flags the 合计 row at the top and reads codes as numbers and text", () => {
    expect(t.rows.map(facts)).toEqual([
      {
        row: 4,
        code: null,
        name: null,
        level: null,
        isTotal: true,
        total: 4143910000,
        basic: 1140270000,
        project: 3003640000,
      },
      {
        row: 5,
        code: "201",
        name: "一般公共服务支出",
        level: 1,
        isTotal: false,
        total: 4143910000,
        basic: 1140270000,
        project: 3003640000,
      },
      {
        row: 6,
        code: "20113",
        name: "商贸事务",
        level: 2,
        isTotal: false,
        total: 4143910000,
        basic: 1140270000,
        project: 3003640000,
      },
      {
        row: 7,
        code: "2011301",
        name: "行政运行",
        level: 3,
        isTotal: false,
        total: 1140270000,
        basic: 1140270000,
        project: null,
      },
      {
        row: 8,
        code: "2011350",
        name: "事业运行",
        level: 3,
        isTotal: false,
        total: 3003640000,
        basic: null,
        project: 3003640000,
      },
    ]);
  });

  it("keeps every part cell with its position, blanks and dashes as none", () => {
    const top = t.rows[0];
    expect(top.parts.remitted?.parsed).toEqual({ kind: "amount", fen: 0, fromText: false });
    expect(top.parts.business?.parsed).toEqual({ kind: "none" });
    expect(top.parts.subsidiary?.pos).toEqual({ sheet: "支出决算表", row: 4, col: 7 });
    expect(top.parts.subsidiary?.parsed).toEqual({ kind: "none" });
    expect(t.rows[4].total.parsed).toEqual({ kind: "amount", fen: 3003640000, fromText: true });
  });
});

describe("expenditure table: 合计 at the bottom, codes glued to names, default unit, off the corner", () => {
  const grid = sheet(
    "Sheet1",
    [
      ["科目", "支出合计", "基本支出", "项目支出"],
      ["201 一般公共服务支出", "120.50", "20.50", "100.00"],
      ["20103　政府办公厅（室）及相关机构事务", "120.50", "20.50", "100.00"],
      ["2010301行政运行", "20.50", "20.50", null],
      ["2010350 事业运行", "100.00", null, "100.00"],
      ["合 计", "120.50", "20.50", "100.00"],
      ["注：数据来源于决算系统。", null, null, null],
    ],
    { origin: "C4" },
  );
  const [t] = tablesOf(grid);

  it("reads the single 科目 column", () => {
    expect(t.unit).toBe("万元");
    expect(t.range).toEqual({ top: 3, left: 2, bottom: 8, right: 5 });
    expect(t.rows.map((r) => [r.row, r.code, r.name?.text ?? null, r.level, r.isTotal])).toEqual([
      [4, "201", "一般公共服务支出", 1, false],
      [5, "20103", "政府办公厅（室）及相关机构事务", 2, false],
      [6, "2010301", "行政运行", 3, false],
      [7, "2010350", "事业运行", 3, false],
      [8, null, "合 计", null, true],
    ]);
    expect(t.rows[4].total.pos).toEqual({ sheet: "Sheet1", row: 8, col: 3 });
    expect(fen(t.rows[4].total)).toBe(120_500_000);
    expect(t.rows[0].name?.pos).toEqual({ sheet: "Sheet1", row: 4, col: 2 });
  });
});

describe("expenditure table: code split over 类 | 款 | 项", () => {
  const grid = sheet(
    "一般公共预算支出表",
    [
      ["单位：万元", null, null, null, null, null, null],
      ["科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项", null, null, null, null],
      [null, null, null, "合计", 300, 100, 200],
      ["201", null, null, "一般公共服务支出", 300, 100, 200],
      [null, "13", null, "商贸事务", 300, 100, 200],
      [null, null, "01", "行政运行", 100, 100, null],
      [null, null, 50, "事业运行", 200, null, 200],
      [213, 1, null, "农业农村", 0, 0, 0],
      [null, null, 4, "事业运行", 0, 0, 0],
    ],
    { merges: ["A2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3"] },
  );
  const [t] = tablesOf(grid);

  it("joins the parts, filling blank 类 and 款 from above", () => {
    expect(t.range).toEqual({ top: 1, left: 0, bottom: 9, right: 6 });
    expect(t.rows.map((r) => [r.code, r.level, r.isTotal])).toEqual([
      [null, null, true],
      ["201", 1, false],
      ["20113", 2, false],
      ["2011301", 3, false],
      ["2011350", 3, false],
      ["21301", 2, false],
      ["2130104", 3, false],
    ]);
    expect(t.totalColumn.pos).toEqual({ sheet: "一般公共预算支出表", row: 1, col: 4 });
  });
});

describe("expenditure table: two tables on one sheet and a 栏次 row", () => {
  const header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
  const rows: CellValue[][] = [
    ["（一）一般公共预算", null, null, null, null],
    header,
    ["栏次", null, 1, 2, 3],
    [201, "一般公共服务支出", 10, 4, 6],
    [null, null, null, null, null],
    ["（二）政府性基金预算", null, null, null, null],
    header,
    [212, "城乡社区支出", 5, null, 5],
    ["总计", null, 5, null, 5],
  ];
  const found = tablesOf(sheet("支出", rows));

  it("finds both, each with its own rows", () => {
    expect(found.map((t) => t.range)).toEqual([
      { top: 1, left: 0, bottom: 3, right: 4 },
      { top: 6, left: 0, bottom: 8, right: 4 },
    ]);
    expect(found[0].rows.map((r) => r.code)).toEqual(["201"]);
    expect(found[1].rows.map((r) => [r.code, r.isTotal])).toEqual([
      ["212", false],
      [null, true],
    ]);
  });
});

describe("expenditure table: 项目 merged above 科目编码 | 科目名称 (the 财决 layout)", () => {
  const grid = sheet(
    "财决04表",
    [
      ["一般公共预算财政拨款支出决算表", null, null, null, null],
      ["部门：某某局", null, null, "金额单位：万元", null],
      ["项目", null, "本年支出合计", "基本支出", "项目支出"],
      ["科目编码", "科目名称", null, null, null],
      ["栏次", null, "1", "2", "3"],
      ["合计", null, "4143.91", "1140.27", "3003.64"],
      ["208", "社会保障和就业支出", "4143.91", "1140.27", "3003.64"],
    ],
    { merges: ["A1:E1", "A3:B3", "C3:C4", "D3:D4", "E3:E4", "A5:B5", "A6:B6"] },
  );
  const [t] = tablesOf(grid);

  it("reads code and name under the group and skips the 栏次 row", () => {
    expect(t.range).toEqual({ top: 2, left: 0, bottom: 6, right: 4 });
    expect(t.unit).toBe("万元");
    expect(t.totalColumn.text).toBe("本年支出合计");
    expect(t.rows.map(facts)).toEqual([
      {
        row: 5,
        code: null,
        name: null,
        level: null,
        isTotal: true,
        total: 4143910000,
        basic: 1140270000,
        project: 3003640000,
      },
      {
        row: 6,
        code: "208",
        name: "社会保障和就业支出",
        level: 1,
        isTotal: false,
        total: 4143910000,
        basic: 1140270000,
        project: 3003640000,
      },
    ]);
  });
});

describe("expenditure table: scale", () => {
  it("recognises every row of a 200,000-row table (its speed is measured by npm run bench)", () => {
    const rows: CellValue[][] = [
      ["支出决算明细表", null, null, null, null],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ];
    for (let i = 0; i < 200_000; i++) rows.push([2010000 + (i % 99_999), `科目${i}`, 3.57, 1.25, "2.32"]);
    rows.push(["合计", null, 714000, 250000, 464000]);
    const wb = workbook(sheet("大表", rows));
    const r = recognizeWorkbook(wb);
    expect(r.expenditures).toHaveLength(1);
    expect(r.expenditures[0].rows).toHaveLength(200_001);
    expect(r.expenditures[0].rows[200_000].isTotal).toBe(true);
    expect(r.expenditures[0].rows[123_456].parts.project?.parsed).toEqual({
      kind: "amount",
      fen: 2_320_000,
      fromText: true,
    });
  });
});
