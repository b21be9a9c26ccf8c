/** What the filer typed around the indicators table, as the reviewer's rules read it (recognize/typed-figures.ts). */
import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { CellValue } from "../../../src/engine/snapshot";
import { sheet, workbook } from "../../helpers/grid";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
const ROWS: CellValue[][] = [
  ["产出指标(50分)", "数量指标", "新签约项目数", "≥15个", "17个", 30, 30, null],
  [null, "质量指标(20分)", "验收合格率", "≥95%", "96%", 20, 20, null],
  ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "92%", 40, 40, null],
];

function typedOf(rows: CellValue[][], merges: string[] = []) {
  return recognizeWorkbook(workbook(sheet("表", rows, { merges }))).typed;
}

describe("the typed 总分", () => {
  it("is read from the 得分 column of the 总分 line, not from the 分值 total beside its label", () => {
    const typed = typedOf([HEADER, ...ROWS, [null, null, null, null, "总分", 100, 90, "优"]]);
    expect(typed?.total).toMatchObject({ cell: { pos: { row: 4, col: 6 } }, value: 90 });
    expect(typed?.grade).toMatchObject({ cell: { pos: { row: 4, col: 7 } }, grade: "优" });
  });

  it("is none when the 合计 line leaves its 得分 blank (the 100 beside it is the weights' total)", () => {
    const typed = typedOf([HEADER, ...ROWS, [null, "合计", null, null, null, 100, null, null]]);
    expect(typed?.total).toBeNull();
  });

  it("is read beside its label above the table (自评得分 | 98), past a blank spacer cell, as text with 分", () => {
    const typed = typedOf([
      ["项目名称", "公用经费", "自评得分", null, "98分", null, null, null],
      HEADER,
      ...ROWS,
    ]);
    expect(typed?.total).toMatchObject({
      label: { text: "自评得分" },
      cell: { pos: { row: 0, col: 4 } },
      value: 98,
    });
  });

  it("never takes an amount row's 合计 above the table for a total", () => {
    const typed = typedOf([["合计", 10716.16, null, null, null, null, null, null], [], HEADER, ...ROWS]);
    expect(typed?.total).toBeNull();
  });

  it("reads a 评价等级 label with its value beside it", () => {
    const typed = typedOf([HEADER, ...ROWS, ["评价等级", "良好", null, null, null, null, null, null]]);
    expect(typed?.grade).toMatchObject({ cell: { pos: { row: 4, col: 1 } }, grade: "良" });
  });
});

describe("stated group points", () => {
  it("spans a heading's merge, or down to the next heading in its column", () => {
    const typed = typedOf([HEADER, ...ROWS, [null, null, "满意度二", "≥90%", "92%", 0, 0, null]], ["A2:A3"]);
    expect(typed?.groupHeadings.map((h) => [h.cell.text, h.level, h.points, h.firstRow, h.lastRow])).toEqual([
      ["产出指标(50分)", 1, 50, 1, 2],
      ["质量指标(20分)", 2, 20, 2, 2],
    ]);
  });
});

describe("what the template left", () => {
  it("finds placeholders in the cells of rows with figures, not in template rows without any", () => {
    const typed = typedOf([
      HEADER,
      ROWS[0],
      [null, null, "指标2", null, null, null, null, null],
      [null, "时效指标", "完工及时率", "≥XX%", "待补充", 10, 10, "TODO"],
      [null, "成本指标", null, null, null, null, null, null],
      ROWS[2],
    ]);
    expect(typed?.placeholders.map((c) => [c.pos.row, c.pos.col, c.text])).toEqual([
      [3, 3, "≥XX%"],
      [3, 4, "待补充"],
      [3, 7, "TODO"],
    ]);
  });

  it("is absent from a workbook with nothing to review", () => {
    expect(recognizeWorkbook(workbook(sheet("空", []))).typed).toBeUndefined();
  });
});
