import type { CellPos, RecognizedWorkbook } from "../../../src/engine/tables";
import { expenditure } from "./checker-fixtures";
import { testRule } from "./tester";

/** The 支出决算表 fixture with the cells the gateway computed (snapshot computedCells), per sheet. */
function withComputed(computed: Record<string, [number, number][]>): RecognizedWorkbook {
  return {
    ...expenditure(),
    computed: Object.entries(computed).map(([sheet, cells]) => ({
      sheet,
      cells: cells.map(([row, col]): CellPos => ({ sheet, row, col })),
    })),
  };
}

const column = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i + 4, 2]);

testRule("value.computed", {
  valid: [{ name: "every formula carried its result", workbook: expenditure() }],
  invalid: [
    {
      name: "one notice per sheet naming the computed cells",
      workbook: withComputed({
        支出决算表: [
          [5, 2],
          [5, 3],
        ],
        汇总: [[0, 1]],
      }),
      findings: [
        {
          severity: "notice",
          cells: ["支出决算表!C6", "支出决算表!D6"],
          message: "“支出决算表”：公式未保存计算结果，已由本工具计算：C6、D6",
        },
        { severity: "notice", cells: ["汇总!B1"], message: "“汇总”：公式未保存计算结果，已由本工具计算：B1" },
      ],
    },
    {
      name: "names ten cells and counts the rest",
      workbook: withComputed({ 支出决算表: column(12) }),
      findings: [
        {
          severity: "notice",
          cells: column(12).map(([r]) => `支出决算表!C${r + 1}`),
          message:
            "“支出决算表”：公式未保存计算结果，已由本工具计算：C5、C6、C7、C8、C9、C10、C11、C12、C13、C14 等 12 个单元格",
        },
      ],
    },
  ],
});
