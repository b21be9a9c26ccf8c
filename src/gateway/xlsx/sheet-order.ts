/**
 * Makes exceljs 4.4 load a workbook of many sheets in time proportional to its sheets, not to their square.
 *
 * exceljs's Workbook model setter (lib/doc/workbook.js), which `workbook.xlsx.load` ends in, makes one Worksheet per
 * sheet and does two searches of every sheet for each: its tab position, `value.sheets.findIndex(ws => ws.id === id)`,
 * and, in the Worksheet's name setter, whether another worksheet has the name already (compared in lower case). A
 * workbook of ten thousand sheets — one a user can have, and one the hostile-file tests read — spent four of its five
 * seconds of loading in those fifty million comparisons each.
 *
 * This patch (installed once, idempotent) lets exceljs's own setter set everything but the worksheets, then makes them
 * as it does, in its order, with the same Worksheet constructor and model setter, and with the same two answers
 * looked up in maps built as it goes:
 * - `orderNo` is the index of the first sheet with the worksheet's id, -1 when there is none (=== never matches NaN, a
 *   sheetId that is no number), undefined without a sheet list;
 * - the name setter searches, instead of every worksheet so far, those of them whose name is the new name (or the 31
 *   characters it is cut to) in lower case: it finds one exactly when the whole search would, and throws as it does.
 * Nothing else changes.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's document classes are not exported by its index. */

interface SheetEntry {
  readonly id?: unknown;
}

interface WorksheetModel {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly state?: unknown;
}

interface WorkbookModel {
  readonly sheets?: readonly SheetEntry[];
  readonly worksheets: readonly WorksheetModel[];
}

interface Worksheet {
  readonly name: string;
  _workbook: unknown;
  model: WorksheetModel;
}

type WorksheetClass = new (options: {
  id: unknown;
  name: unknown;
  orderNo: number | undefined;
  state: unknown;
  workbook: { readonly _worksheets: readonly Worksheet[] };
}) => Worksheet;

interface WorkbookInstance {
  _worksheets: (Worksheet | undefined)[];
}

interface WorkbookClass {
  prototype: WorkbookInstance & { __selfevalSheetOrderPatched?: boolean };
}

/** exceljs's Worksheet cuts a longer name to this many characters before it looks for the same name. */
const SHEET_NAME_MAX = 31;

export function installSheetOrderFix(): void {
  const Workbook = require("exceljs/lib/doc/workbook") as WorkbookClass;
  const Worksheet = require("exceljs/lib/doc/worksheet") as WorksheetClass;
  if (Workbook.prototype.__selfevalSheetOrderPatched) return;
  const model = Object.getOwnPropertyDescriptor(Workbook.prototype, "model");
  const setModel = model?.set;
  // Another exceljs than the one this was written for: leave it as it is (slower, never different).
  if (!model || !setModel) return;
  Workbook.prototype.__selfevalSheetOrderPatched = true;

  Object.defineProperty(Workbook.prototype, "model", {
    ...model,
    set(this: WorkbookInstance, value: WorkbookModel) {
      // Properties, defined names, views, themes, media; the worksheets list emptied.
      setModel.call(this, { ...value, sheets: undefined, worksheets: [] });
      const orderOf = tabOrder(value.sheets);
      const named = new NameIndex();
      for (const worksheetModel of value.worksheets) {
        const { id, name, state } = worksheetModel;
        // The constructor's name setter searches `workbook._worksheets`: here only the worksheets so far that it could
        // find. The worksheet then belongs to this workbook, as exceljs's own does from the start.
        const candidates = {
          _worksheets: named.candidates(name === undefined ? `sheet${String(id)}` : name),
        };
        const worksheet = new Worksheet({ id, name, orderNo: orderOf(id), state, workbook: candidates });
        worksheet._workbook = this;
        const replaced = this._worksheets[id as number];
        if (replaced) named.remove(replaced);
        this._worksheets[id as number] = worksheet;
        named.add(worksheet);
        // Sets the name again: the same name returns at once; a name cut to 31 characters is searched for among all
        // worksheets (and found: the worksheet itself has it), as in exceljs.
        worksheet.model = worksheetModel;
        named.rename(worksheet);
      }
    },
  });
}

/** The tab position exceljs gives a worksheet of this id: the first sheet with it, -1 for none, undefined for no list. */
function tabOrder(sheets: readonly SheetEntry[] | undefined): (id: unknown) => number | undefined {
  if (!sheets) return () => undefined;
  const firstIndex = new Map<unknown, number>();
  sheets.forEach((sheet, i) => {
    if (!firstIndex.has(sheet.id) && !Number.isNaN(sheet.id)) firstIndex.set(sheet.id, i);
  });
  return (id) => firstIndex.get(id) ?? -1;
}

/** The workbook's worksheets by their names in lower case, as they stand after each step of the loop above. */
class NameIndex {
  private readonly byKey = new Map<string, Set<Worksheet>>();
  private readonly keyOf = new Map<Worksheet, string>();

  /** Every worksheet whose name could equal `name` once the name setter has cut it (none for a name that is no text). */
  candidates(name: unknown): Worksheet[] {
    if (typeof name !== "string") return [];
    const keys = new Set([name.toLowerCase(), name.substring(0, SHEET_NAME_MAX).toLowerCase()]);
    return [...keys].flatMap((key) => [...(this.byKey.get(key) ?? [])]);
  }

  add(worksheet: Worksheet): void {
    const key = worksheet.name.toLowerCase();
    this.keyOf.set(worksheet, key);
    const set = this.byKey.get(key) ?? new Set<Worksheet>();
    set.add(worksheet);
    this.byKey.set(key, set);
  }

  remove(worksheet: Worksheet): void {
    const key = this.keyOf.get(worksheet);
    if (key === undefined) return;
    this.keyOf.delete(worksheet);
    this.byKey.get(key)?.delete(worksheet);
  }

  rename(worksheet: Worksheet): void {
    if (this.keyOf.get(worksheet) === worksheet.name.toLowerCase()) return;
    this.remove(worksheet);
    this.add(worksheet);
  }
}
