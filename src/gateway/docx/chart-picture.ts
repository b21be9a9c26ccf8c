/**
 * The Word report's chart of the scores as a picture: for each category (the execution, then each 一级指标) a column of
 * 得分 beside a column of 分值 over a y axis with gridlines and tick numbers, the values above the columns, the
 * categories numbered 1, 2, 3 … under them, and above the columns the budget execution rate as a bar of its own with
 * its percentage. Only numbers are written inside the picture (stroke-font.ts); the title, the legend and the key of
 * the numbers are Word text around it (render.ts), in the document's faces.
 *
 * A picture rather than a Word chart because it renders the same in Word, WPS, LibreOffice and on paper: a chart part
 * is drawn by each program's own chart engine, with its own fonts and defaults.
 */
import { scoreText } from "../../engine/format";
import { CHART_SERIES_COLORS } from "../../engine/report/spec";
import { Raster, rgb, textWidth, type Rgb } from "./raster";

/** Colours of the two series (the .xlsx report's chart has the same) and of the execution rate's bar. */
export const [SCORE_COLOR, WEIGHT_COLOR] = CHART_SERIES_COLORS;
export const RATE_COLOR = "70AD47";

const WHITE: Rgb = [255, 255, 255];
/** The rate bar's track (what 100% would fill). */
const TRACK: Rgb = rgb("EDEDED");
const GRID: Rgb = rgb("D9D9D9");
const AXIS: Rgb = rgb("7F7F7F");
const INK: Rgb = rgb("404040");

/** The picture's size in the document, in Word's pixels (96 an inch): the text block's 156 mm wide. */
export const PICTURE_WIDTH = 589;
export const PICTURE_HEIGHT = 230;
/** Raster pixels to a Word pixel: 288 dots an inch, sharp on paper. */
export const OVERSAMPLE = 3;
export const DOTS_PER_INCH = 96 * OVERSAMPLE;

/** The layout, in raster pixels. */
const W = PICTURE_WIDTH * OVERSAMPLE;
const H = PICTURE_HEIGHT * OVERSAMPLE;
/** Digits of the tick numbers, the category numbers and the rate: 30 px at 288 dpi is 2.65 mm, a 五号 digit. */
const TEXT = 30;
/** The value labels shrink to this before they are left out. */
const LABEL = 27;
const LABEL_MIN = 18;
const MARGIN = 12;
const RATE_TOP = MARGIN;
const RATE_HEIGHT = 36;
/** Top of the plot (the highest gridline): below the rate bar, or near the top without one. */
export const PLOT_TOP = 96;
export const PLOT_TOP_WITHOUT_RATE = MARGIN + TEXT;
/** The plot's baseline: the axis's top row (columns end just above it), with the category numbers below. */
export const BASELINE = H - MARGIN - TEXT - 20 - 3;
const AXIS_WIDTH = 3;
const GRID_WIDTH = 2;
/** Gap between a label and what it labels. */
const GAP = 10;
/** The widest a column gets (10 mm), however few the categories. */
const BAR_MAX = 110;

export interface ChartPictureData {
  /** One value per category: 得分 and 分值. */
  readonly scores: readonly number[];
  readonly weights: readonly number[];
  /** The execution rate as a fraction and as written ("100.00%"); null: no rate bar. */
  readonly rate: { readonly fraction: number; readonly text: string } | null;
}

/** Where things are, in raster pixels: what the tests measure the picture against. */
export interface ChartLayout {
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly baseline: number;
  /** The y axis's top value and step. */
  readonly axisMax: number;
  readonly step: number;
  /** The row each gridline starts on (its value's row less one), by tick value. */
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
  /** Per category: each column's left and right edge (x0 ≤ x < x1) and its height in rows above the baseline. */
  readonly columns: readonly {
    readonly score: { readonly x0: number; readonly x1: number; readonly height: number };
    readonly weight: { readonly x0: number; readonly x1: number; readonly height: number };
  }[];
  /** How the values are labelled: both columns, the 得分 only (one label a category), or not at all. */
  readonly labels: "both" | "score" | "none";
  readonly labelHeight: number;
  /** Which categories' numbers are written under the axis (1-based), and at what height. */
  readonly numbered: readonly number[];
  readonly numberHeight: number;
  /** The rate bar: its track and the filled part (x0 ≤ x < fill), rows top ≤ y < bottom; null without a rate. */
  readonly rate: {
    readonly x0: number;
    readonly x1: number;
    readonly fill: number;
    readonly top: number;
    readonly bottom: number;
  } | null;
}

export interface ChartPicture {
  readonly image: Raster;
  readonly layout: ChartLayout;
}

/**
 * The y axis: a step of 1, 2 or 5 times a power of ten giving about five intervals, and a top one step above the
 * largest value when the value labels would otherwise leave the plot.
 */
export function yAxis(
  largest: number,
  plotHeight: number,
): { axisMax: number; step: number; decimals: number } {
  const top = largest > 0 ? largest : 1;
  const raw = top / 5;
  const power = Math.floor(Math.log10(raw));
  let exponent = power;
  let mantissa = [1, 2, 5, 10].find((m) => m * 10 ** power >= raw * (1 - 1e-9)) ?? 10;
  if (mantissa === 10) {
    mantissa = 1;
    exponent += 1;
  }
  const step = mantissa * 10 ** exponent;
  const decimals = Math.max(0, -exponent);
  const fix = (x: number) => Number(x.toFixed(decimals));
  let axisMax = fix(Math.ceil(top / step - 1e-9) * step);
  // A label above the tallest column needs its height and a gap below the top of the plot.
  if (((axisMax - largest) / axisMax) * plotHeight < TEXT + GAP) axisMax = fix(axisMax + step);
  return { axisMax, step, decimals };
}

/** The rows a value's column fills above the baseline. */
export function columnHeight(value: number, axisMax: number, plotHeight: number): number {
  return Math.round((Math.max(0, value) / axisMax) * plotHeight);
}

/** Draws the chart of `data` (at least one category). */
export function drawChartPicture(data: ChartPictureData): ChartPicture {
  const n = data.scores.length;
  if (n === 0 || data.weights.length !== n)
    throw new RangeError("a chart picture needs one score and one weight a category");
  const image = new Raster(W, H, WHITE);
  const plotTop = data.rate ? PLOT_TOP : PLOT_TOP_WITHOUT_RATE;
  const plotHeight = BASELINE - plotTop;
  const largest = Math.max(0, ...data.scores, ...data.weights);
  const { axisMax, step, decimals } = yAxis(largest, plotHeight);
  const tickCount = Math.round(axisMax / step);
  const tickTexts = Array.from({ length: tickCount + 1 }, (_, k) => (k * step).toFixed(decimals));
  const tickWidth = Math.max(...tickTexts.map((t) => textWidth(t, TEXT)));
  const plotLeft = Math.ceil(MARGIN + tickWidth + 2 * GAP);
  const plotRight = W - MARGIN;
  const plotWidth = plotRight - plotLeft;

  // Gridlines first, so the columns stand over them; their numbers at the left, centred on each line.
  const ticks = tickTexts.map((text, k) => {
    const y = BASELINE - columnHeight(k * step, axisMax, plotHeight);
    if (k > 0) image.fillRect(plotLeft, y - 1, plotRight, y - 1 + GRID_WIDTH, GRID);
    image.text(text, plotLeft - 2 * GAP, y - TEXT / 2, TEXT, INK, "right");
    return { value: Number(text), y: y - 1 };
  });

  // The columns: a pair in the middle of each category's slot, 得分 on the left.
  const slot = plotWidth / n;
  const bar = Math.max(1, Math.floor(Math.min(slot * 0.3, BAR_MAX)));
  const between = bar >= 10 ? Math.max(2, Math.round(bar * 0.08)) : 0;
  const columns = data.scores.map((score, i) => {
    const centre = Math.round(plotLeft + slot * (i + 0.5));
    const left = centre - Math.floor(between / 2);
    const right = centre + Math.ceil(between / 2);
    const s = { x0: left - bar, x1: left, height: columnHeight(score, axisMax, plotHeight) };
    const w = { x0: right, x1: right + bar, height: columnHeight(data.weights[i], axisMax, plotHeight) };
    image.fillRect(s.x0, BASELINE - s.height, s.x1, BASELINE, rgb(SCORE_COLOR));
    image.fillRect(w.x0, BASELINE - w.height, w.x1, BASELINE, rgb(WEIGHT_COLOR));
    return { score: s, weight: w };
  });
  image.fillRect(plotLeft, BASELINE, plotRight, BASELINE + AXIS_WIDTH, AXIS);

  // The values: over each column while they fit its width, else the 得分 alone over the pair, else none (the 自评表
  // in the 附件 has them all). Smaller digits before fewer labels, but never below LABEL_MIN.
  const scoreTexts = data.scores.map(scoreText);
  const weightTexts = data.weights.map(scoreText);
  const widest = (texts: readonly string[], height: number) =>
    Math.max(...texts.map((t) => textWidth(t, height)));
  let labels: ChartLayout["labels"] = "none";
  let labelHeight = LABEL;
  for (let h = LABEL; h >= LABEL_MIN && labels === "none"; h--) {
    if (widest([...scoreTexts, ...weightTexts], h) <= bar + between - GAP) labels = "both";
    labelHeight = h;
  }
  for (let h = LABEL; h >= LABEL_MIN && labels === "none"; h--) {
    if (widest(scoreTexts, h) <= slot - 2 * GAP) labels = "score";
    labelHeight = h;
  }
  columns.forEach((c, i) => {
    const over = (x0: number, x1: number, height: number, text: string, color: Rgb) =>
      image.text(text, (x0 + x1) / 2, BASELINE - height - GAP - labelHeight, labelHeight, color, "center");
    if (labels === "both") {
      over(c.score.x0, c.score.x1, c.score.height, scoreTexts[i], INK);
      over(c.weight.x0, c.weight.x1, c.weight.height, weightTexts[i], INK);
    } else if (labels === "score") {
      // Over the pair, in the 得分's colour: the label says whose value it is.
      over(
        c.score.x0,
        c.weight.x1,
        Math.max(c.score.height, c.weight.height),
        scoreTexts[i],
        rgb(SCORE_COLOR),
      );
    }
  });

  // The categories' numbers under the axis: every one while they fit their slots, else every 2nd, 5th, 10th … (and
  // the first), so the key under the picture still finds each column.
  let numberHeight = TEXT;
  while (numberHeight > LABEL_MIN && textWidth(String(n), numberHeight) > slot - GAP) numberHeight -= 1;
  const every =
    [1, 2, 5, 10, 20, 50, 100].find((k) => textWidth(String(n), numberHeight) <= k * slot - GAP) ?? n;
  const numbered: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && (i + 1) % every !== 0) continue;
    const centre = (columns[i].score.x0 + columns[i].weight.x1) / 2;
    image.text(String(i + 1), centre, BASELINE + AXIS_WIDTH + 20, numberHeight, INK, "center");
    numbered.push(i + 1);
  }

  // The rate: a bar from the axis's left whose full length is 100%, the percentage after it.
  let rate: ChartLayout["rate"] = null;
  if (data.rate) {
    const x1 = Math.floor(plotRight - textWidth(data.rate.text, TEXT) - 2 * GAP);
    const fill = plotLeft + Math.round((x1 - plotLeft) * Math.min(1, Math.max(0, data.rate.fraction)));
    const bottom = RATE_TOP + RATE_HEIGHT;
    image.fillRect(plotLeft, RATE_TOP, x1, bottom, TRACK);
    image.fillRect(plotLeft, RATE_TOP, fill, bottom, rgb(RATE_COLOR));
    image.text(data.rate.text, x1 + 2 * GAP, RATE_TOP + (RATE_HEIGHT - TEXT) / 2, TEXT, INK, "left");
    rate = { x0: plotLeft, x1, fill, top: RATE_TOP, bottom };
  }

  return {
    image,
    layout: {
      plotLeft,
      plotRight,
      plotTop,
      baseline: BASELINE,
      axisMax,
      step,
      ticks,
      columns,
      labels,
      labelHeight,
      numbered,
      numberHeight,
      rate,
    },
  };
}
