/**
 * The fake's drawing objects: a sheet's Shapes with charts, typed by the gateway's ET interfaces and holding to what
 * ET (and the Excel model it follows) does:
 * - `Shapes.Item(i)` is 1-based (0 and Count + 1 throw) or takes a shape's name; a new chart is named "图表 n";
 * - `AddChart2(Style, XlChartType, Left, Top, Width, Height, NewLayout)` places the chart in points; a protected sheet
 *   refuses it;
 * - `SetSourceData` takes a Range (a string address, as the shared Office declaration types it for Word's charts, is
 *   refused: ET's 表格 API wants the Range); the series are read from the source live, a column per series (xlColumns):
 *   the first row names the series, the first column holds the categories;
 * - `ChartTitle` exists only while `HasTitle` is true: reaching for it before throws, as Excel's object model does;
 * - a deleted shape is gone from the collection.
 * Every change is recorded in the app's `calls`.
 */
import type { EtChart, EtChartTitle, EtRange, EtShape, EtShapes } from "../../../src/gateway/wps/et-api";
import { refuse } from "./errors";
import { FakeRange } from "./range";
import type { FakeSheet } from "./workbook";

/** XlChartType.xlColumnClustered: what AddChart2 draws when no type is given. */
const DEFAULT_CHART_TYPE = 51;
/** XlRowCol. */
const XL_ROWS = 1;
const XL_COLUMNS = 2;

export interface FakeSeries {
  readonly name: string | number | boolean | undefined;
  readonly values: readonly (string | number | boolean | undefined)[];
}

export class FakeChart implements EtChart {
  ChartType: number;
  HasLegend = false;
  private hasTitle: boolean;
  private title = "";
  /** The source as set: its sheet's name and A1 address, and how it is plotted. */
  source: { sheet: string; address: string; plotBy: number } | null = null;
  private sourceRange: FakeRange | null = null;

  constructor(
    private readonly shape: FakeShape,
    type: number | undefined,
    newLayout: boolean | undefined,
  ) {
    this.ChartType = type ?? DEFAULT_CHART_TYPE;
    // NewLayout turns the title on ("Title is on"); without it a chart of one series has none.
    this.hasTitle = newLayout === true;
  }

  get HasTitle(): boolean {
    return this.hasTitle;
  }
  set HasTitle(on: boolean) {
    this.shape.record(`Chart.HasTitle=${on}`);
    this.hasTitle = on;
    if (!on) this.title = "";
  }

  get ChartTitle(): EtChartTitle {
    if (!this.hasTitle) refuse("bad-index", "ChartTitle: the chart has no title (set HasTitle first)");
    const read = () => this.title;
    const write = (text: string) => {
      this.shape.record(`Chart.ChartTitle.Text=${text}`);
      this.title = text;
    };
    return {
      get Text() {
        return read();
      },
      set Text(text: string) {
        write(text);
      },
    };
  }

  SetSourceData(Source: EtRange, PlotBy?: number): void {
    if (!(Source instanceof FakeRange)) refuse("bad-index", "SetSourceData: Source must be a Range");
    if (Source.sheet.deleted) refuse("bad-index", "SetSourceData: the source's sheet was deleted");
    const plotBy = PlotBy ?? XL_COLUMNS;
    if (plotBy !== XL_ROWS && plotBy !== XL_COLUMNS) refuse("bad-index", `SetSourceData: PlotBy ${plotBy}`);
    this.shape.record(`Chart.SetSourceData(${Source.sheet.name}!${Source.address()})`);
    this.sourceRange = Source;
    this.source = { sheet: Source.sheet.name, address: Source.address(), plotBy };
  }

  // Test helpers (not part of ET's API) --------------------------------------------------------------------------

  /** The title's text, or null when the chart has none. */
  get titleText(): string | null {
    return this.hasTitle ? this.title : null;
  }

  /** The categories, read from the source's first column below its header row (xlColumns). */
  categories(): (string | number | boolean | undefined)[] {
    const rows = this.sourceRows();
    return rows.slice(1).map((r) => r[0]);
  }

  /** The series, one per column after the first: the header row names each. */
  series(): FakeSeries[] {
    const rows = this.sourceRows();
    if (rows.length === 0) return [];
    return rows[0].slice(1).map((name, i) => ({ name, values: rows.slice(1).map((r) => r[i + 1]) }));
  }

  private sourceRows(): (string | number | boolean | undefined)[][] {
    const src = this.sourceRange;
    if (!src) return [];
    const out: (string | number | boolean | undefined)[][] = [];
    for (let r = src.rect.top; r <= src.rect.bottom; r++) {
      const row: (string | number | boolean | undefined)[] = [];
      for (let c = src.rect.left; c <= src.rect.right; c++) row.push(src.sheet.valueAt(r, c));
      out.push(row);
    }
    return out;
  }
}

export class FakeShape implements EtShape {
  private name_: string;
  Left: number;
  Top: number;
  Width: number;
  Height: number;
  readonly Chart: FakeChart;

  constructor(
    readonly shapes: FakeShapes,
    name: string,
    box: { left: number; top: number; width: number; height: number },
    type: number | undefined,
    newLayout: boolean | undefined,
  ) {
    this.name_ = name;
    this.Left = box.left;
    this.Top = box.top;
    this.Width = box.width;
    this.Height = box.height;
    this.Chart = new FakeChart(this, type, newLayout);
  }

  get Name(): string {
    return this.name_;
  }
  set Name(name: string) {
    this.record(`Name=${name}`);
    this.name_ = name;
  }

  record(call: string): void {
    this.shapes.sheet.workbook.app.record(`${this.shapes.sheet.name}.Shapes[${this.name_}].${call}`);
  }

  Delete(): void {
    this.record("Delete");
    if (this.shapes.sheet.protectContents) refuse("protected-sheet", "The sheet is protected.");
    this.shapes.remove(this);
  }
}

export class FakeShapes implements EtShapes {
  readonly list: FakeShape[] = [];
  private added = 0;

  constructor(readonly sheet: FakeSheet) {}

  get Count(): number {
    return this.list.length;
  }

  Item(index: number | string): FakeShape {
    if (typeof index === "number") {
      if (!Number.isInteger(index) || index < 1 || index > this.list.length)
        refuse("bad-index", `Shapes.Item(${index}): ET counts from 1 to ${this.list.length}`);
      return this.list[index - 1];
    }
    return this.list.find((s) => s.Name === index) ?? refuse("bad-index", `No shape named "${index}"`);
  }

  AddChart2(
    _style?: number,
    type?: number,
    left?: number,
    top?: number,
    width?: number,
    height?: number,
    newLayout?: boolean,
  ): FakeShape {
    this.sheet.workbook.app.record(`${this.sheet.name}.Shapes.AddChart2`);
    if (this.sheet.protectContents) refuse("protected-sheet", `The sheet "${this.sheet.name}" is protected.`);
    for (const v of [left, top, width, height])
      if (v !== undefined && (!Number.isFinite(v) || v < 0)) refuse("bad-index", `AddChart2: ${v} points`);
    this.added += 1;
    const shape = new FakeShape(
      this,
      `图表 ${this.added}`,
      { left: left ?? 0, top: top ?? 0, width: width ?? 360, height: height ?? 216 },
      type,
      newLayout,
    );
    this.list.push(shape);
    return shape;
  }

  remove(shape: FakeShape): void {
    const i = this.list.indexOf(shape);
    if (i >= 0) this.list.splice(i, 1);
  }
}
