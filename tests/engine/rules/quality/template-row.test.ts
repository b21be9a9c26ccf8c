import type { CellValue } from "../../../../src/engine/snapshot";
import { at, form, formGrid, type Grid } from "../review-form";
import { testRule } from "../tester";

/** The form with rows inserted before the given 0-based row indices (applied in order). */
function withRows(...inserts: readonly [number, CellValue[]][]): Grid {
  const grid = formGrid();
  for (const [index, row] of inserts) grid.splice(index, 0, row);
  return grid;
}

testRule("quality.template-row", {
  valid: [
    { name: "the clean form", workbook: form() },
    {
      name: "an indicator with its figures, numbered as the template numbers them",
      workbook: form(
        { C10: "指标2", D10: "≥1个", E10: "1个", F10: 0, G10: 0 },
        withRows([9, [null, null, "指标2", null, null, null, null, null]]),
      ),
    },
  ],
  invalid: [
    {
      name: "指标2 left under 数量指标",
      workbook: form({}, withRows([9, [null, null, "指标2", null, null, null, null, null]])),
      findings: [
        {
          severity: "warning",
          cells: [at("C10")],
          message: "第 10 行是模板留下的空行 “指标2”，没有指标值、完成值和分值：请填写该指标，或删除此行",
        },
      ],
    },
    {
      name: "a bare 生态效益指标 row and a …… row",
      workbook: form(
        {},
        withRows(
          [13, [null, "生态效益指标", null, null, null, null, null, null]],
          [14, [null, null, "……", null, null, null, null, null]],
        ),
      ),
      findings: [
        {
          severity: "warning",
          cells: [at("B14"), at("C15")],
          message:
            "第 14、15 行是模板留下的空行（“生态效益指标”、“……”），没有指标值、完成值和分值：请填写这些指标，或删除这些行",
        },
      ],
    },
    {
      name: "a template left whole: one finding for the table, each text named once",
      workbook: form(
        {},
        withRows(
          [9, [null, null, "指标2", null, null, null, null, null]],
          [10, [null, null, "……", null, null, null, null, null]],
          [13, [null, "生态效益指标", "指标1:/", "/", "/", null, null, null]],
          [14, [null, null, "……", null, null, null, null, null]],
        ),
      ),
      findings: [
        {
          severity: "warning",
          cells: [at("C10"), at("C11"), at("C14"), at("C15")],
          message:
            "第 10、11、14、15 行是模板留下的空行（“指标2”、“……”、“指标1:/”），没有指标值、完成值和分值：请填写这些指标，或删除这些行",
        },
      ],
    },
  ],
});
