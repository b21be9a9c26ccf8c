/** A worksheet's sub-objects in the fake: protection, freeze panes, page layout and charts. */
import { toA1 } from "../../../src/engine/a1";
import type { CellRange } from "../../../src/engine/snapshot";
import { FakeClientObject, FakeCollection, type Capturable, type FakeRequestContext } from "./client";
import { FakeOfficeError } from "./errors";
import { parseRangeAddress, type FakeChart, type FakePageSetup, type FakeSheet } from "./model";
import type { FakeRange } from "./range";

/** A range given as a proxy or as an address on the same sheet. */
function rectOf(sheet: FakeSheet, range: FakeRange | string): CellRange {
  if (typeof range === "string") return parseRangeAddress(range);
  const t = range.target();
  if (t.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The range is on another worksheet.");
  return t.rects[0];
}

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, path: string, sheet: () => FakeSheet) {
    super(context, path, sheet, "WorksheetProtection");
  }
  protected readers(): Record<string, (s: FakeSheet) => unknown> {
    return { protected: (s) => s.protected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(): void {
    this.invoke("protect", null, (s) => (s.protected = true));
  }
  unprotect(): void {
    this.invoke("unprotect", null, (s) => (s.protected = false));
  }
}

export class FakeFreezePanes extends FakeClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, path: string, sheet: () => FakeSheet) {
    super(context, path, sheet, "WorksheetFreezePanes");
  }
  protected readers(): Record<string, (s: FakeSheet) => unknown> {
    return {};
  }
  private set(fn: (s: FakeSheet) => FakeSheet["freeze"]): void {
    this.invoke("freeze", null, (s) => {
      s.assertEditable();
      s.freeze = fn(s);
    });
  }
  freezeRows(count = 1): void {
    this.set(() => ({ rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.set(() => ({ rows: 0, cols: count }));
  }
  /** The given range becomes the frozen top-left pane, so it must start at A1. */
  freezeAt(frozenRange: FakeRange | string): void {
    this.set((s) => {
      const r = rectOf(s, frozenRange);
      return { rows: r.bottom + 1, cols: r.right + 1 };
    });
  }
  unfreeze(): void {
    this.set(() => null);
  }
}

type PageLayoutScalar = Exclude<keyof FakePageSetup, "printTitleRows" | "centerFooter" | "centerHeader">;

export class FakeHeaderFooter extends FakeClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, path: string, sheet: () => FakeSheet) {
    super(context, path, sheet, "HeaderFooter");
  }
  protected readers(): Record<string, (s: FakeSheet) => unknown> {
    return { centerFooter: (s) => s.pageLayout.centerFooter, centerHeader: (s) => s.pageLayout.centerHeader };
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set centerFooter(v: string) {
    this.write("centerFooter", v, (s) => (s.pageLayout.centerFooter = v));
  }
  get centerHeader(): string {
    return this.read("centerHeader");
  }
  set centerHeader(v: string) {
    this.write("centerHeader", v, (s) => (s.pageLayout.centerHeader = v));
  }
}

export class FakePageLayout extends FakeClientObject<FakeSheet> {
  readonly headersFooters: { readonly defaultForAllPages: FakeHeaderFooter };

  constructor(context: FakeRequestContext, path: string, sheet: () => FakeSheet) {
    super(context, path, sheet, "PageLayout");
    this.headersFooters = {
      defaultForAllPages: new FakeHeaderFooter(context, `${path}.headersFooters.defaultForAllPages`, () =>
        this.target(),
      ),
    };
  }
  protected readers(): Record<string, (s: FakeSheet) => unknown> {
    const keys: PageLayoutScalar[] = [
      "orientation",
      "paperSize",
      "zoom",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
      "centerHorizontally",
      "centerVertically",
      "printGridlines",
    ];
    return Object.fromEntries(keys.map((k) => [k, (s: FakeSheet) => s.pageLayout[k]]));
  }
  protected override children(): Record<string, Capturable> {
    return {};
  }
  private setScalar<K extends PageLayoutScalar>(k: K, v: FakePageSetup[K]): void {
    this.write(k, v, (s) => {
      s.pageLayout[k] = k === "zoom" ? ({ ...(v as object) } as FakePageSetup[K]) : v;
    });
  }
  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(v: string) {
    this.setScalar("orientation", v);
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(v: string) {
    this.setScalar("paperSize", v);
  }
  get zoom(): FakePageSetup["zoom"] {
    return this.read("zoom");
  }
  set zoom(v: FakePageSetup["zoom"]) {
    this.setScalar("zoom", v);
  }
  get leftMargin(): number {
    return this.read("leftMargin");
  }
  set leftMargin(v: number) {
    this.setScalar("leftMargin", v);
  }
  get rightMargin(): number {
    return this.read("rightMargin");
  }
  set rightMargin(v: number) {
    this.setScalar("rightMargin", v);
  }
  get topMargin(): number {
    return this.read("topMargin");
  }
  set topMargin(v: number) {
    this.setScalar("topMargin", v);
  }
  get bottomMargin(): number {
    return this.read("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.setScalar("bottomMargin", v);
  }
  get headerMargin(): number {
    return this.read("headerMargin");
  }
  set headerMargin(v: number) {
    this.setScalar("headerMargin", v);
  }
  get footerMargin(): number {
    return this.read("footerMargin");
  }
  set footerMargin(v: number) {
    this.setScalar("footerMargin", v);
  }
  get centerHorizontally(): boolean {
    return this.read("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.setScalar("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this.read("centerVertically");
  }
  set centerVertically(v: boolean) {
    this.setScalar("centerVertically", v);
  }
  get printGridlines(): boolean {
    return this.read("printGridlines");
  }
  set printGridlines(v: boolean) {
    this.setScalar("printGridlines", v);
  }
  /** "$1:$4" or "1:4" (whole rows); kept as Excel normalises it: "$1:$4". */
  setPrintTitleRows(rows: FakeRange | string): void {
    this.invoke("setPrintTitleRows", typeof rows === "string" ? rows : rows.path, (s) => {
      const text = typeof rows === "string" ? rows : null;
      const r = text ? parseRangeAddress(text) : rectOf(s, rows);
      s.pageLayout.printTitleRows = `$${r.top + 1}:$${r.bottom + 1}`;
    });
  }
}

export class FakeChartTitle extends FakeClientObject<FakeChart> {
  constructor(context: FakeRequestContext, path: string, chart: () => FakeChart) {
    super(context, path, chart, "ChartTitle");
  }
  protected readers(): Record<string, (c: FakeChart) => unknown> {
    return { text: (c) => c.title };
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.write("text", v, (c) => (c.title = v));
  }
}

export class FakeChartProxy extends FakeClientObject<FakeChart> {
  readonly title: FakeChartTitle;

  constructor(
    context: FakeRequestContext,
    path: string,
    chart: () => FakeChart,
    private readonly owner: () => FakeSheet,
  ) {
    super(context, path, chart, "Chart");
    this.title = new FakeChartTitle(context, `${path}.title`, () => this.target());
  }
  protected readers(): Record<string, (c: FakeChart) => unknown> {
    return { name: (c) => c.name, chartType: (c) => c.type };
  }
  protected override children(): Record<string, Capturable> {
    return { title: this.title };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (c) => (c.name = v));
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.invoke("setPosition", null, (c) => {
      const s = this.owner();
      const a = rectOf(s, startCell);
      const b = endCell === undefined ? null : rectOf(s, endCell);
      c.position = { start: toA1(a.top, a.left), end: b ? toA1(b.bottom, b.right) : null };
    });
  }
  delete(): void {
    this.invoke("delete", null, (c) => {
      const list = this.owner().charts;
      list.splice(list.indexOf(c), 1);
    });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart, FakeChartProxy> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, path, () => sheet().charts, "ChartCollection");
  }
  protected makeProxy(item: FakeChart, index: number): FakeChartProxy {
    return new FakeChartProxy(this.context, `${this.path}.items[${index}]`, () => item, this.sheet);
  }
  /** Charts may plot data of any sheet; the fake keeps the source so tests can read what is plotted. */
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    let created: FakeChart | null = null;
    this.context.enqueue(this.path, "add", { type, source: sourceData.path, seriesBy }, () => {
      const s = this.sheet();
      s.assertEditable();
      const src = sourceData.target();
      created = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: { sheet: src.sheet, rect: src.rects[0] },
        seriesBy,
        title: "",
        position: null,
      };
      s.charts.push(created);
    });
    return new FakeChartProxy(
      this.context,
      `${this.path}.add(${type})`,
      () => {
        if (!created) throw new FakeOfficeError("InvalidReference", "The chart was not created.");
        return created;
      },
      this.sheet,
    );
  }
}
