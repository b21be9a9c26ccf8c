/**
 * A workbook as plain, comparable data: every sheet's state, cells (value, type, style), merges, column widths, row
 * heights, views, print setup, header/footer and defined print area — what a person sees or prints. exceljs reads it
 * back, so the dump is what a user's Excel would open.
 */
import type ExcelJS from "exceljs";

export interface SheetDump {
  readonly name: string;
  readonly state: string;
  readonly merges: string[];
  readonly columns: (number | null)[];
  readonly rows: Record<string, number | null>;
  readonly cells: Record<string, unknown>;
  readonly pageSetup: unknown;
  readonly headerFooter: unknown;
  readonly views: unknown;
  readonly properties: unknown;
}

export type WorkbookDump = SheetDump[];

/** JSON round trip: drops undefined members so the comparison is of what is there. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function dumpWorkbook(wb: ExcelJS.Workbook): WorkbookDump {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    const rows: Record<string, number | null> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined) rows[r] = row.height ?? null;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = plain(cell.style) as Record<string, unknown>;
        if (cell.value === null && Object.keys(style).length === 0) return;
        cells[cell.address] = { type: cell.type, value: plain(cell.value), style };
      });
    });
    const columns: (number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) columns.push(ws.getColumn(c).width ?? null);
    const model = ws.model as unknown as { merges?: string[] };
    return {
      name: ws.name,
      state: ws.state,
      merges: [...(model.merges ?? [])].sort(),
      columns,
      rows,
      cells,
      pageSetup: plain(ws.pageSetup),
      headerFooter: plain(ws.headerFooter),
      views: plain(ws.views),
      properties: plain(ws.properties),
    };
  });
}
