/**
 * The few characters the chart picture writes — digits, ".", "%", "-" — as strokes: each glyph a set of paths (lines
 * and elliptic arcs) on a 5 × 10 grid, drawn with a round pen by the raster (raster.ts). No font file is read, so the
 * picture looks the same wherever it is made; every word of the chart stays Word text in the document's own faces.
 */

/** A point on the glyph grid: x to the right, y down, 0–10 from the top of a digit to the baseline. */
export type GridPoint = readonly [number, number];

/** One piece of a path: a line to a point, or an elliptic arc (degrees, 0 to the right, 90 down) continuing it. */
type Piece =
  | { readonly kind: "line"; readonly to: GridPoint }
  | {
      readonly kind: "arc";
      readonly cx: number;
      readonly cy: number;
      readonly rx: number;
      readonly ry: number;
      readonly from: number;
      readonly to: number;
    };

export interface Glyph {
  /** Width of the glyph's strokes on the grid (their centre lines); the pen adds half its width on each side. */
  readonly width: number;
  readonly paths: readonly (readonly GridPoint[])[];
}

/** Digit height in grid units (a digit spans y 0–10). */
export const GRID_HEIGHT = 10;
/** The pen's width, in grid units: about a regular weight at 10 units a digit. */
export const PEN = 1.15;
/** The space between two glyphs' strokes, in grid units. */
const SPACING = 1.35;

const line = (x: number, y: number): Piece => ({ kind: "line", to: [x, y] });
const arc = (cx: number, cy: number, rx: number, ry: number, from: number, to: number): Piece => ({
  kind: "arc",
  cx,
  cy,
  rx,
  ry,
  from,
  to,
});

/** A path's points: lines as their end points, arcs sampled every 9° (a chord strays < 1/20 of a grid unit). */
function pathOf(pieces: readonly Piece[]): GridPoint[] {
  const points: GridPoint[] = [];
  for (const p of pieces) {
    if (p.kind === "line") {
      points.push(p.to);
      continue;
    }
    const steps = Math.max(2, Math.ceil(Math.abs(p.to - p.from) / 9));
    for (let i = 0; i <= steps; i++) {
      const a = ((p.from + ((p.to - p.from) * i) / steps) * Math.PI) / 180;
      points.push([p.cx + p.rx * Math.cos(a), p.cy + p.ry * Math.sin(a)]);
    }
  }
  return points;
}

const ring = (cx: number, cy: number, rx: number, ry: number) => [arc(cx, cy, rx, ry, 0, 360)];

/** "6": the stroke from the upper right over the top and down the left into the closed bowl. */
const SIX = [arc(2.5, 5, 2.5, 5, -42, -180), arc(2.5, 7, 2.5, 3, 180, 540)];

const SHAPES: Record<string, { readonly width: number; readonly paths: readonly (readonly Piece[])[] }> = {
  "0": { width: 5, paths: [ring(2.5, 5, 2.5, 5)] },
  "1": { width: 5, paths: [[line(1, 1.9), line(3, 0), line(3, 10)]] },
  "2": { width: 5, paths: [[arc(2.5, 2.6, 2.45, 2.6, 195, 385), line(0, 10), line(5, 10)]] },
  "3": { width: 5, paths: [[arc(2.5, 2.5, 2.3, 2.5, 205, 450), arc(2.5, 7.45, 2.5, 2.55, -90, 155)]] },
  "4": { width: 5, paths: [[line(3.8, 10), line(3.8, 0), line(0, 7), line(5, 7)]] },
  "5": { width: 5, paths: [[line(4.6, 0), line(0.9, 0), arc(2.5, 6.9, 2.5, 3.1, -140, 155)]] },
  "6": { width: 5, paths: [SIX] },
  "7": { width: 5, paths: [[line(0, 0), line(5, 0), line(1.8, 10)]] },
  "8": { width: 5, paths: [ring(2.5, 2.55, 2.15, 2.55), ring(2.5, 7.45, 2.5, 2.55)] },
  // "9" is "6" turned half round, below.
  ".": { width: 1, paths: [ring(0.5, 9.7, 0.3, 0.3)] },
  "%": {
    width: 5.6,
    paths: [ring(1.15, 2.2, 1.15, 2), [line(5, 0), line(0.6, 10)], ring(4.45, 7.8, 1.15, 2)],
  },
  "-": { width: 3, paths: [[line(0, 6), line(3, 6)]] },
};

/**
 * The shapes are drawn on a 5-unit width and set 15% wider: digits of about the proportions of a sans-serif's, whose
 * ink is about two thirds as wide as it is tall.
 */
const WIDEN = 1.15;

function makeGlyphs(): ReadonlyMap<string, Glyph> {
  const glyphs = new Map<string, Glyph>();
  for (const [ch, shape] of Object.entries(SHAPES)) {
    glyphs.set(ch, {
      width: shape.width * WIDEN,
      // Each path starts where its first piece does: an arc's first sample, a line's own point.
      paths: shape.paths.map((pieces) => {
        const [first, ...rest] = pieces;
        const points = first.kind === "line" ? [first.to, ...pathOf(rest)] : pathOf(pieces);
        return points.map(([x, y]): GridPoint => [x * WIDEN, y]);
      }),
    });
  }
  const six = glyphs.get("6")!;
  glyphs.set("9", {
    width: six.width,
    paths: six.paths.map((p) => p.map(([x, y]): GridPoint => [six.width - x, GRID_HEIGHT - y])),
  });
  return glyphs;
}

export const GLYPHS: ReadonlyMap<string, Glyph> = makeGlyphs();

/** Whether the picture's font has every character of `text`. */
export function canWrite(text: string): boolean {
  return [...text].every((ch) => GLYPHS.has(ch));
}

/** The width of `text` in grid units, from the first stroke's centre line to the last one's. */
export function gridWidth(text: string): number {
  const widths = [...text].map((ch) => glyphOf(ch).width);
  return widths.reduce((a, b) => a + b, 0) + SPACING * Math.max(0, widths.length - 1) + PEN;
}

function glyphOf(ch: string): Glyph {
  const glyph = GLYPHS.get(ch);
  if (!glyph) throw new RangeError(`the chart picture has no glyph for "${ch}"`);
  return glyph;
}

/**
 * The paths of `text` on the grid, glyph after glyph, starting half a pen from x = 0 so the ink starts at 0: the
 * caller scales them (height / GRID_HEIGHT pixels a unit) and places them.
 */
export function textPaths(
  text: string,
): { readonly glyph: string; readonly paths: readonly (readonly GridPoint[])[] }[] {
  let x = PEN / 2;
  return [...text].map((ch) => {
    const glyph = glyphOf(ch);
    const dx = x;
    x += glyph.width + SPACING;
    return { glyph: ch, paths: glyph.paths.map((p) => p.map(([px, py]): GridPoint => [px + dx, py])) };
  });
}
