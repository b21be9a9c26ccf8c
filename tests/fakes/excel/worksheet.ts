/** Worksheet, the worksheet collection and the workbook in the fake. */
import { FakeCustomXmlPartCollection } from "./custom-xml";
import { FakeClientObject, FakeCollection, type Capturable, type FakeRequestContext } from "./client";
import { FakeOfficeError } from "./errors";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  parseRangeAddress,
  type FakeSheet,
  type FakeWorkbookModel,
  type SheetVisibility,
} from "./model";
import { FakeRange, FakeRangeAreas } from "./range";
import { FakeChartCollection, FakeFreezePanes, FakePageLayout, FakeWorksheetProtection } from "./sheet-parts";

/** Where the fake draws the line for Worksheet.getRanges addresses (Excel fails around 8,200 characters). */
export const MAX_RANGES_ADDRESS_LENGTH = 8_000;

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  readonly protection: FakeWorksheetProtection;
  readonly charts: FakeChartCollection;
  private freeze?: FakeFreezePanes;
  private layout?: FakePageLayout;

  constructor(context: FakeRequestContext, path: string, resolver: () => FakeSheet | null) {
    super(context, path, resolver, "Worksheet");
    this.protection = new FakeWorksheetProtection(context, `${path}.protection`, () => this.target());
    this.charts = new FakeChartCollection(context, `${path}.charts`, () => this.target());
  }

  private get model(): FakeWorkbookModel {
    return this.context.host.model;
  }

  protected readers(): Record<string, (s: FakeSheet) => unknown> {
    return {
      id: (s) => s.id,
      name: (s) => s.name,
      position: (s) => this.model.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      showGridlines: (s) => s.showGridlines,
      tabColor: (s) => s.tabColor,
    };
  }
  protected override children(): Record<string, Capturable> {
    return { protection: this.protection };
  }

  get freezePanes(): FakeFreezePanes {
    this.context.requireApi("1.7", "Worksheet.freezePanes");
    this.freeze ??= new FakeFreezePanes(this.context, `${this.path}.freezePanes`, () => this.target());
    return this.freeze;
  }
  get pageLayout(): FakePageLayout {
    this.context.requireApi("1.9", "Worksheet.pageLayout");
    this.layout ??= new FakePageLayout(this.context, `${this.path}.pageLayout`, () => this.target());
    return this.layout;
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (s) => {
      this.model.assertStructureEditable();
      this.model.assertValidNewName(v, s);
      s.name = v;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.write("position", v, (s) => {
      this.model.assertStructureEditable();
      const list = this.model.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
    });
  }
  get visibility(): SheetVisibility {
    return this.read("visibility");
  }
  set visibility(v: SheetVisibility) {
    this.write("visibility", v, (s) => {
      this.model.assertStructureEditable();
      if (v !== "Visible" && !this.model.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      s.visibility = v;
      if (v !== "Visible" && this.model.active === s) {
        this.model.active = this.model.sheets.find((o) => o.visibility === "Visible") ?? null;
      }
    });
  }
  get showGridlines(): boolean {
    return this.read("showGridlines");
  }
  set showGridlines(v: boolean) {
    this.context.requireApi("1.8", "Worksheet.showGridlines");
    this.write("showGridlines", v, (s) => (s.showGridlines = v));
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.write("tabColor", v, (s) => (s.tabColor = v));
  }

  private range(
    path: string,
    rect: () => { top: number; left: number; bottom: number; right: number } | null,
  ): FakeRange {
    return new FakeRange(this.context, `${this.path}.${path}`, () => {
      const s = this.target();
      const r = rect();
      return r ? { sheet: s, rects: [r] } : null;
    });
  }

  /** No address: the whole sheet, as in Excel. */
  getRange(address?: string): FakeRange {
    const rect =
      address === undefined
        ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }
        : parseRangeAddress(address);
    return this.range(`getRange(${address ?? ""})`, () => rect);
  }

  getCell(row: number, column: number): FakeRange {
    return this.range(`getCell(${row},${column})`, () => ({
      top: row,
      left: column,
      bottom: row,
      right: column,
    }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.requireApi("1.7", "Worksheet.getRangeByIndexes");
    const rect = {
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    };
    if (
      rowCount < 1 ||
      columnCount < 1 ||
      startRow < 0 ||
      startColumn < 0 ||
      rect.bottom >= MAX_ROWS ||
      rect.right >= MAX_COLUMNS
    ) {
      throw new FakeOfficeError("InvalidArgument", "The range indexes are outside the grid.");
    }
    return this.range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => rect);
  }

  /** "A1:B2, C3" → RangeAreas (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    this.context.requireApi("1.9", "Worksheet.getRanges");
    // Excel rejects long multi-area addresses ("The argument is invalid…") somewhere past 8,000 characters.
    if (address.length > MAX_RANGES_ADDRESS_LENGTH) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format.",
      );
    }
    const rects = address.split(",").map((a) => parseRangeAddress(a));
    return new FakeRangeAreas(this.context, `${this.path}.getRanges(${address})`, () => ({
      sheet: this.target(),
      rects,
    }));
  }

  /** An empty sheet's used range is A1 (Excel's rule); valuesOnly ignores cells that only carry formats. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range(
      `getUsedRange(${valuesOnly})`,
      () => this.target().usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
    return this.range(`getUsedRangeOrNullObject(${valuesOnly})`, () => this.target().usedRect(valuesOnly));
  }

  delete(): void {
    this.invoke("delete", null, (s) => this.model.deleteSheet(s));
  }

  activate(): void {
    this.invoke("activate", null, (s) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.model.active = s;
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  constructor(context: FakeRequestContext, path: string) {
    super(context, path, () => context.host.model.sheets, "WorksheetCollection");
  }

  private get model(): FakeWorkbookModel {
    return this.context.host.model;
  }

  protected makeProxy(item: FakeSheet, index: number): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.items[${index}]`, () => {
      if (!this.model.sheets.includes(item))
        throw new FakeOfficeError("ItemNotFound", "The worksheet was deleted.");
      return item;
    });
  }

  /** Names compare without case, as in Excel. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.getItem(${key})`, () => {
      const s = this.model.find(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet "${key}" does not exist.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(
      this.context,
      `${this.path}.getItemOrNullObject(${key})`,
      () => this.model.find(key) ?? null,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.getActiveWorksheet()`, () => this.model.active);
  }

  /** Adds at the end of the tabs; the name must be free and valid. */
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(this.path, "add", name ?? null, () => {
      let n = this.model.sheets.length + 1;
      while (!name && this.model.find(`Sheet${n}`)) n++;
      created = this.model.addSheet(name ?? `Sheet${n}`);
    });
    return new FakeWorksheet(this.context, `${this.path}.add(${name ?? ""})`, () => {
      if (!created) throw new FakeOfficeError("InvalidReference", "The worksheet was not created.");
      if (!this.model.sheets.includes(created))
        throw new FakeOfficeError("ItemNotFound", "The worksheet was deleted.");
      return created;
    });
  }
}

export class FakeWorkbookProtection extends FakeClientObject<FakeWorkbookModel> {
  constructor(context: FakeRequestContext, path: string) {
    super(context, path, () => context.host.model, "WorkbookProtection");
  }
  protected readers(): Record<string, (m: FakeWorkbookModel) => unknown> {
    return { protected: (m) => m.protected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeApplication extends FakeClientObject<FakeWorkbookModel> {
  /** How often the gateway asked Excel to hold recalculation until the next sync (for tests). */
  constructor(context: FakeRequestContext, path: string) {
    super(context, path, () => context.host.model, "Application");
  }
  protected readers(): Record<string, (m: FakeWorkbookModel) => unknown> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.invoke("suspendApiCalculationUntilNextSync", null, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requireApi("1.9", "Application.suspendScreenUpdatingUntilNextSync");
    this.invoke("suspendScreenUpdatingUntilNextSync", null, () => undefined);
  }
}

export class FakeWorkbook extends FakeClientObject<FakeWorkbookModel> {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  private workbookProtection?: FakeWorkbookProtection;
  private xmlParts?: FakeCustomXmlPartCollection;

  constructor(context: FakeRequestContext) {
    super(context, "workbook", () => context.host.model, "Workbook");
    this.worksheets = new FakeWorksheetCollection(context, "workbook.worksheets");
    this.application = new FakeApplication(context, "workbook.application");
  }
  protected readers(): Record<string, (m: FakeWorkbookModel) => unknown> {
    return {};
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.context.requireApi("1.5", "Workbook.customXmlParts");
    this.xmlParts ??= new FakeCustomXmlPartCollection(this.context, "workbook.customXmlParts");
    return this.xmlParts;
  }
  get protection(): FakeWorkbookProtection {
    this.context.requireApi("1.7", "Workbook.protection");
    this.workbookProtection ??= new FakeWorkbookProtection(this.context, "workbook.protection");
    return this.workbookProtection;
  }
}
