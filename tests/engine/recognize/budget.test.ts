import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { AmountCell, BudgetBlock } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";
import { SEED } from "../../fixtures/seed";

/** 万元 → 分. */
const WAN = 1_000_000;

function budgetOf(...sheets: Parameters<typeof workbook>): BudgetBlock {
  const b = recognizeWorkbook(workbook(...sheets)).budget;
  if (!b) throw new Error("no budget block recognised");
  return b;
}

function at(cell: AmountCell | undefined): { row: number; col: number; fen: number | null; kind: string } {
  if (!cell) throw new Error("missing cell");
  const p = cell.parsed;
  return { row: cell.pos.row, col: cell.pos.col, fen: p.kind === "amount" ? p.fen : null, kind: p.kind };
}

describe("budget block: the seed's figures in 万元 under title rows and a unit caption", () => {
  // Starts at B2, a title merged across, a blank row, a caption row, then the header.
  const grid = sheet(
    "表一 预算执行",
    [
      ["2023年度部门预算执行情况表", null, null, null],
      [null, null, null, null],
      ["单位名称：岳阳市君山产业开发区管委会", null, null, "单位：万元"],
      ["项  目", "年初预算数", "全年预算数", "全年执行数"],
      ["年度资金总额", 9000, SEED.total, SEED.total],
      ["按收入性质分", null, null, null],
      ["  其中：一般公共预算", 8000, SEED.general, SEED.general],
      ["政府性基金", 1000, SEED.fund, SEED.fund],
      ["按支出性质分", null, null, null],
      ["1.基本支出", 250, SEED.basic, SEED.basic],
      ["2.项目支出", 8750, SEED.project, SEED.project],
      [null, null, null, null],
      ["注：本表由财务部门填报。", null, null, null],
    ],
    { origin: "B2", merges: ["B2:E2"] },
  );
  const b = budgetOf(grid);

  it("finds the block with its header, unit and range", () => {
    expect(b.sheet).toBe("表一 预算执行");
    expect(b.unit).toBe("万元");
    expect(b.range).toEqual({ top: 4, left: 1, bottom: 11, right: 4 });
    expect(b.columns.initial?.pos).toEqual({ sheet: "表一 预算执行", row: 4, col: 2 });
    expect(b.columns.budget?.text).toBe("全年预算数");
    expect(b.columns.executed?.pos.col).toBe(4);
    expect(b.extra).toBeUndefined();
  });

  it("reads the total, the sources and the kinds in 分", () => {
    expect(b.total.label.text).toBe("年度资金总额");
    expect(at(b.total.cells.initial)).toEqual({ row: 5, col: 2, fen: 9000 * WAN, kind: "amount" });
    expect(at(b.total.cells.executed)).toEqual({ row: 5, col: 4, fen: 10716_160_000, kind: "amount" });
    expect(b.sources.general?.label).toEqual({
      pos: { sheet: "表一 预算执行", row: 7, col: 1 },
      raw: "  其中：一般公共预算",
      text: "其中：一般公共预算",
    });
    expect(at(b.sources.general?.cells.budget)).toEqual({
      row: 7,
      col: 3,
      fen: 9716_160_000,
      kind: "amount",
    });
    expect(at(b.sources.govFund?.cells.executed)).toEqual({
      row: 8,
      col: 4,
      fen: 1000 * WAN,
      kind: "amount",
    });
    expect(at(b.kinds.basic?.cells.executed)).toEqual({ row: 10, col: 4, fen: 256_790_000, kind: "amount" });
    expect(at(b.kinds.project?.cells.executed)).toEqual({
      row: 11,
      col: 4,
      fen: 10459_370_000,
      kind: "amount",
    });
    expect(Object.keys(b.sources)).toEqual(["general", "govFund"]);
    expect(Object.keys(b.kinds)).toEqual(["basic", "project"]);
  });

  it("lists the block among the tables with its unit", () => {
    const r = recognizeWorkbook(workbook(grid));
    expect(r.tables).toContainEqual({
      kind: "budget",
      sheet: "表一 预算执行",
      range: { top: 4, left: 1, bottom: 11, right: 4 },
      unit: "万元",
    });
  });
});

describe("budget block: the Hunan 自评表 layout", () => {
  // 年度预算申请（万元） over a label column two cells wide; 分值 | 执行率 | 得分 merged down the block;
  // the breakdowns only in 全年执行数; the 年度总体目标 rows end the block.
  const grid = sheet(
    "自评表",
    [
      ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null, null],
      ["预算部门名称", null, "衡山县贯塘乡人民政府", null, null, null, null, null],
      ["年度预算申请（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", null, 861.1, 2030.12, 2030.12, 10, "100%", 10],
      ["按收入性质分", "一般公共预算", null, null, 1325.68, null, null, null],
      [null, "政府性基金", null, null, 118.82, null, null, null],
      [null, "其他资金", null, "", 585.62, null, null, null],
      ["按支出性质分", "基本支出", null, null, 900.47, null, null, null],
      [null, "项目支出", null, null, "1,025.20", null, null, null],
      ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
      [null, "完成全年各项工作任务", null, null, "全面完成", null, null, null],
    ],
    {
      merges: ["A1:H1", "A2:B2", "C2:H2", "A3:B3", "A4:B4", "A5:A7", "A8:A9", "F4:F9", "G4:G9", "H4:H9"],
    },
  );
  const b = budgetOf(grid);

  it("takes the unit from the label header and stops before 年度总体目标", () => {
    expect(b.unit).toBe("万元");
    expect(b.range).toEqual({ top: 2, left: 0, bottom: 8, right: 7 });
    expect(b.total.label.pos).toEqual({ sheet: "自评表", row: 3, col: 0 });
  });

  it("reads the sources and kinds from the second label column", () => {
    expect(b.sources.general?.label.pos).toEqual({ sheet: "自评表", row: 4, col: 1 });
    expect(at(b.sources.general?.cells.executed)).toEqual({
      row: 4,
      col: 4,
      fen: 1325_680_000,
      kind: "amount",
    });
    expect(at(b.sources.other?.cells.executed)).toEqual({ row: 6, col: 4, fen: 585_620_000, kind: "amount" });
    expect(at(b.kinds.basic?.cells.executed)).toEqual({ row: 7, col: 4, fen: 900_470_000, kind: "amount" });
  });

  it("keeps blank breakdown cells as none and reads text amounts", () => {
    expect(at(b.sources.general?.cells.initial)).toEqual({ row: 4, col: 2, fen: null, kind: "none" });
    expect(at(b.sources.other?.cells.budget)).toEqual({ row: 6, col: 3, fen: null, kind: "none" });
    const project = b.kinds.project?.cells.executed;
    expect(project?.raw).toBe("1,025.20");
    expect(project?.parsed).toEqual({ kind: "amount", fen: 1025_200_000, fromText: true });
  });

  it("fills the score-table extras from the total row", () => {
    expect(b.extra?.weight?.pos).toEqual({ sheet: "自评表", row: 3, col: 5 });
    expect(b.extra?.weight?.parsed).toEqual({ kind: "amount", fen: 10 * WAN, fromText: false });
    expect(b.extra?.rate).toEqual({ pos: { sheet: "自评表", row: 3, col: 6 }, raw: "100%", text: "100%" });
    expect(b.extra?.score?.text).toBe("10");
  });
});

describe("budget block in 元 with numbers as text", () => {
  const grid = sheet(
    "Sheet1",
    [
      [null, null, null, null],
      [null, "预算执行情况表", null, null],
      [null, "（单位：元）", null, null],
      [null, null, null, null],
      [null, "项目", "全年（调整）预算数", "决算数"],
      [null, "合  计", "2,567,900.00", "２，５６７，９００．００"],
      [null, "（一）一般公共预算拨款", "2,000,000.00 ", "２００００００"],
      [null, "（二）纳入专户管理的非税收入", "567,900", "-"],
      [null, "其中：基本支出", null, "1,500,000.00"],
      [null, "项目支出", null, "1,067,900.00"],
      [null, "上缴上级支出", null, "—"],
      [null, "经营支出", null, "0"],
      [null, "对附属单位补助支出", null, "约100"],
    ],
    { merges: ["B2:D2"] },
  );
  const b = budgetOf(grid);

  it("uses the caption's unit and the alias columns", () => {
    expect(b.unit).toBe("元");
    expect(b.columns.initial).toBeUndefined();
    expect(b.columns.budget?.text).toBe("全年（调整）预算数");
    expect(b.columns.executed?.text).toBe("决算数");
    expect(b.range).toEqual({ top: 4, left: 1, bottom: 12, right: 3 });
  });

  it("parses text amounts, full-width digits and dashes", () => {
    expect(b.total.cells.budget?.parsed).toEqual({ kind: "amount", fen: 256_790_000, fromText: true });
    expect(b.total.cells.executed?.parsed).toEqual({ kind: "amount", fen: 256_790_000, fromText: true });
    expect(b.sources.general?.cells.executed?.parsed).toEqual({
      kind: "amount",
      fen: 200_000_000,
      fromText: true,
    });
    expect(b.sources.specialAccount?.cells.executed?.parsed).toEqual({ kind: "none" });
    expect(b.kinds.remitted?.cells.executed?.parsed).toEqual({ kind: "none" });
    expect(b.kinds.business?.cells.executed?.parsed).toEqual({ kind: "amount", fen: 0, fromText: true });
    expect(b.kinds.subsidiary?.cells.executed?.parsed).toEqual({ kind: "unparsed", text: "约100" });
    expect(b.kinds.subsidiary?.cells.executed?.pos).toEqual({ sheet: "Sheet1", row: 12, col: 3 });
  });

  it("has all five spending kinds", () => {
    expect(Object.keys(b.kinds)).toEqual(["basic", "project", "remitted", "business", "subsidiary"]);
  });
});

describe("budget block: choices between candidates", () => {
  it("needs a total row", () => {
    const grid = sheet("S", [
      ["项目", "全年预算数", "全年执行数"],
      ["基本支出", 1, 1],
    ]);
    expect(recognizeWorkbook(workbook(grid)).budget).toBeNull();
  });

  it("finds the label column left of a header without a label cell", () => {
    const grid = sheet("S", [
      [null, "全年预算数", "全年执行数"],
      ["资金总额", 5, 4],
      ["其中：项目支出", null, 4],
    ]);
    const b = budgetOf(grid);
    expect(b.range).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(b.kinds.project?.cells.executed?.parsed).toEqual({
      kind: "amount",
      fen: 4 * WAN,
      fromText: false,
    });
  });

  it("prefers the fuller block when two are found", () => {
    const small = sheet("汇总", [
      ["项目", "执行数"],
      ["合计", 100],
    ]);
    const full = sheet("明细", [
      ["项目", "全年预算数", "全年执行数"],
      ["合计", 100, 100],
      ["基本支出", 40, 40],
      ["项目支出", 60, 60],
    ]);
    const b = budgetOf(small, full);
    expect(b.sheet).toBe("明细");
  });

  it("uses the unit in an amount header and defaults to 万元", () => {
    const inYuan = sheet("S", [
      ["项目", "全年预算数(元)", "全年执行数(元)"],
      ["合计", 100, 100],
    ]);
    expect(budgetOf(inYuan).unit).toBe("元");
    const bare = sheet("S", [
      ["项目", "全年预算数", "全年执行数"],
      ["合计", 100, 100],
    ]);
    expect(budgetOf(bare).unit).toBe("万元");
  });
});
