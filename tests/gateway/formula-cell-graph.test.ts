import {
  planEvaluation,
  type CellRef,
  type PendingFormula,
} from "../../src/gateway/xlsx/formulas/cell-graph";

const at = (sheet: string, row: number, col: number): CellRef => ({ sheet, row, col });
const one = (c: CellRef) => ({ sheet: c.sheet, top: c.row, left: c.col, bottom: c.row, right: c.col });
const name = (c: CellRef) => `${c.sheet}!${c.row},${c.col}`;

describe("planEvaluation", () => {
  it("puts each formula after the pending formulas it reads, across sheets and through ranges", () => {
    const total = at("表二", 5, 4);
    const part1 = at("表二", 6, 4);
    const part2 = at("表二", 7, 4);
    const summary = at("表一", 5, 4);
    const pending: PendingFormula[] = [
      { cell: summary, reads: [one(total)] },
      { cell: total, reads: [{ sheet: "表二", top: 6, left: 4, bottom: 100, right: 4 }] },
      { cell: part1, reads: [one(at("表二", 6, 2))] },
      { cell: part2, reads: [] },
    ];
    const plan = planEvaluation(pending);
    expect(plan.order.map(name)).toEqual(["表二!6,4", "表二!7,4", "表二!5,4", "表一!5,4"]);
    expect(plan.cyclic).toEqual([]);
  });

  it("leaves a cycle and what reads it out of the order", () => {
    const a = at("S", 1, 1);
    const b = at("S", 2, 1);
    const c = at("S", 3, 1);
    const free = at("s", 4, 1);
    const plan = planEvaluation([
      { cell: a, reads: [one(b)] },
      { cell: b, reads: [one(a)] },
      { cell: c, reads: [one(a)] },
      { cell: free, reads: [one(at("S", 9, 9))] },
    ]);
    expect(plan.order.map(name)).toEqual(["s!4,1"]);
    expect(plan.cyclic.map(name)).toEqual(["S!1,1", "S!2,1", "S!3,1"]);
  });

  it("matches sheet names as Excel does, without regard to case", () => {
    const plan = planEvaluation([
      { cell: at("Data", 1, 1), reads: [one(at("DATA", 2, 1))] },
      { cell: at("data", 2, 1), reads: [] },
    ]);
    expect(plan.order.map(name)).toEqual(["data!2,1", "Data!1,1"]);
  });
});
