/**
 * A small RGB raster for the chart picture: rectangles on whole pixels (exact, no blending), and strokes of a round pen
 * along paths — the stroke font's glyphs — with edges smoothed by 4 × 4 supersampling. Pure TypeScript, no canvas.
 */
import type { RgbImage } from "./png";
import { GRID_HEIGHT, PEN, gridWidth, textPaths, type GridPoint } from "./stroke-font";

export type Rgb = readonly [number, number, number];

/** "2F5597" → [47, 85, 151]. */
export function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex, 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Samples a side of a pixel, for the pixels a stroke's edge crosses. */
const SUPERSAMPLE = 4;

export class Raster implements RgbImage {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  pixel(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 3;
    return [this.data[i], this.data[i + 1], this.data[i + 2]];
  }

  /** Fills the pixels x0 ≤ x < x1, y0 ≤ y < y1 (rounded to whole pixels; clipped to the picture). */
  fillRect(x0: number, y0: number, x1: number, y1: number, color: Rgb): void {
    const left = Math.max(0, Math.round(x0));
    const right = Math.min(this.width, Math.round(x1));
    const top = Math.max(0, Math.round(y0));
    const bottom = Math.min(this.height, Math.round(y1));
    if (left >= right || top >= bottom) return;
    // The first row pixel by pixel, the others copied from it (a picture is a few million bytes).
    const first = (top * this.width + left) * 3;
    const length = (right - left) * 3;
    for (let i = first; i < first + length; i += 3) {
      this.data[i] = color[0];
      this.data[i + 1] = color[1];
      this.data[i + 2] = color[2];
    }
    for (let y = top + 1; y < bottom; y++)
      this.data.copyWithin((y * this.width + left) * 3, first, first + length);
  }

  /** Mixes `color` into a pixel by `alpha` (0–1) over what is there. */
  private blend(x: number, y: number, color: Rgb, alpha: number): void {
    const i = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++)
      this.data[i + c] = Math.round(this.data[i + c] * (1 - alpha) + color[c] * alpha);
  }

  /**
   * Strokes `paths` (in pixels) with a round pen `width` pixels wide. Each pixel is sampled 4 × 4 times: a sample is
   * ink when it lies within half the pen of a segment, and the pixel takes the share of its samples that are, so the
   * paths of one call — one glyph — are blended once where they meet.
   */
  strokePaths(paths: readonly (readonly GridPoint[])[], width: number, color: Rgb): void {
    const r = width / 2;
    // Each segment as ax, ay, bx, by; a path of one point is a dot, a segment of no length.
    const segments: number[] = [];
    for (const path of paths) {
      const points = path.length === 1 ? [path[0], path[0]] : path;
      for (let i = 1; i < points.length; i++) segments.push(...points[i - 1], ...points[i]);
    }
    if (segments.length === 0) return;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < segments.length; i += 2) {
      minX = Math.min(minX, segments[i]);
      maxX = Math.max(maxX, segments[i]);
      minY = Math.min(minY, segments[i + 1]);
      maxY = Math.max(maxY, segments[i + 1]);
    }
    const x0 = Math.max(0, Math.floor(minX - r));
    const x1 = Math.min(this.width, Math.ceil(maxX + r));
    const y0 = Math.max(0, Math.floor(minY - r));
    const y1 = Math.min(this.height, Math.ceil(maxY + r));
    if (x0 >= x1 || y0 >= y1) return;
    // The samples of the glyph's box, marked segment by segment within each segment's own reach.
    const n = SUPERSAMPLE;
    const sw = (x1 - x0) * n;
    const sh = (y1 - y0) * n;
    const ink = new Uint8Array(sw * sh);
    const r2 = r * r;
    for (let s = 0; s < segments.length; s += 4) {
      const ax = segments[s];
      const ay = segments[s + 1];
      const dx = segments[s + 2] - ax;
      const dy = segments[s + 3] - ay;
      const length = dx * dx + dy * dy;
      const left = Math.max(0, Math.floor((Math.min(ax, ax + dx) - r - x0) * n));
      const right = Math.min(sw, Math.ceil((Math.max(ax, ax + dx) + r - x0) * n));
      const top = Math.max(0, Math.floor((Math.min(ay, ay + dy) - r - y0) * n));
      const bottom = Math.min(sh, Math.ceil((Math.max(ay, ay + dy) + r - y0) * n));
      for (let sy = top; sy < bottom; sy++) {
        const py = y0 + (sy + 0.5) / n - ay;
        for (let sx = left; sx < right; sx++) {
          if (ink[sy * sw + sx]) continue;
          const px = x0 + (sx + 0.5) / n - ax;
          // The nearest point of the segment: its start plus t of its length, t clamped to 0–1.
          const t = length === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length));
          const ex = px - t * dx;
          const ey = py - t * dy;
          if (ex * ex + ey * ey <= r2) ink[sy * sw + sx] = 1;
        }
      }
    }
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        let inside = 0;
        for (let sy = 0; sy < n; sy++) {
          const row = ((y - y0) * n + sy) * sw + (x - x0) * n;
          for (let sx = 0; sx < n; sx++) inside += ink[row + sx];
        }
        if (inside > 0) this.blend(x, y, color, inside / (n * n));
      }
    }
  }

  /**
   * Writes `text` (digits, ".", "%", "-") with its digits `height` pixels tall, the ink's left edge at `x` (or its
   * centre, or its right edge, by `align`) and the digits' top at `top`.
   */
  text(text: string, x: number, top: number, height: number, color: Rgb, align: Align = "left"): void {
    const scale = height / GRID_HEIGHT;
    const w = textWidth(text, height);
    const left = align === "left" ? x : align === "center" ? x - w / 2 : x - w;
    for (const glyph of textPaths(text)) {
      const paths = glyph.paths.map((p) =>
        p.map(([gx, gy]): GridPoint => [left + gx * scale, top + gy * scale]),
      );
      this.strokePaths(paths, PEN * scale, color);
    }
  }
}

export type Align = "left" | "center" | "right";

/** The width of `text`'s ink in pixels, its digits `height` pixels tall. */
export function textWidth(text: string, height: number): number {
  return (gridWidth(text) * height) / GRID_HEIGHT;
}
