/**
 * Makes exceljs 4.4 tell a formula's empty-string result apart from no result at all, which the .xlsx readers need to
 * report a formula saved without calculating (snapshot.ts UNCALCULATED_CODE).
 *
 * Excel writes a formula whose result is "" (=IF(B5=0,"",C5/B5)) as `<c t="str"><f>…</f><v/></c>`: the cell's type
 * says a string was calculated, and the string is empty. A tool that never calculated writes `<c><f>…</f></c>` (or,
 * like openpyxl, an empty `<v></v>` with no type). exceljs's cell parser reads both as `result: undefined`, so a
 * calculated empty string would be reported as uncalculated. This patch (installed once, idempotent) gives a formula
 * cell of type "str" with no result the result "" instead — exactly what it holds. Nothing else changes: the cell's
 * `value` still drops the empty result as before, and writing the workbook back now keeps Excel's `t="str"` and `<v/>`.
 * Both readers use exceljs's cell parser, the streaming one included, so both see the same results.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's xform classes are not exported by its index. */

interface CellModel {
  type?: number;
  result?: unknown;
}

interface CellXformClass {
  prototype: {
    parseClose(this: CellXformInstance, name: string): boolean;
    __selfevalFormulaResultPatched?: boolean;
  };
}

interface CellXformInstance {
  /** The `t` attribute of the <c> element being parsed. */
  t?: string;
  model: CellModel;
}

/** exceljs's ValueType.Formula (lib/doc/enums.js). */
const FORMULA_TYPE = 6;

export function installFormulaResultFix(): void {
  const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform") as CellXformClass;
  if (CellXform.prototype.__selfevalFormulaResultPatched) return;
  CellXform.prototype.__selfevalFormulaResultPatched = true;

  const parseClose = CellXform.prototype.parseClose;
  CellXform.prototype.parseClose = function (this: CellXformInstance, name: string): boolean {
    const more = parseClose.call(this, name);
    const model = this.model;
    if (name === "c" && this.t === "str" && model.type === FORMULA_TYPE && model.result === undefined) {
      model.result = "";
    }
    return more;
  };
}
