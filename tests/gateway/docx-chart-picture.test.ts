/**
 * The Word report's chart picture: the PNG encoder (decoded here by Node's zlib, its chunks' CRCs checked against a
 * bit-by-bit CRC-32 of the test's own), the stroke font's glyphs, and the chart's pixels — column heights to the row,
 * gridlines, the rate bar, the numbers — read back from the PNG.
 */
import { inflateSync } from "zlib";
import {
  BASELINE,
  DOTS_PER_INCH,
  PLOT_TOP,
  PLOT_TOP_WITHOUT_RATE,
  RATE_COLOR,
  SCORE_COLOR,
  WEIGHT_COLOR,
  drawChartPicture,
  yAxis,
  type ChartPictureData,
} from "../../src/gateway/docx/chart-picture";
import { adler32, zlibRuns } from "../../src/gateway/docx/deflate-runs";
import { encodePng } from "../../src/gateway/docx/png";
import { Raster, rgb, textWidth, type Rgb } from "../../src/gateway/docx/raster";
import { GLYPHS, canWrite } from "../../src/gateway/docx/stroke-font";

/** CRC-32 bit by bit (no table), as a reference apart from the product's. */
function referenceCrc(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
  readonly crc: number;
  /** The CRC the chunk should carry: of its type and data. */
  readonly expectedCrc: number;
}

function chunksOf(png: Uint8Array): Chunk[] {
  const bytes = Buffer.from(png);
  const chunks: Chunk[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    chunks.push({
      type,
      data: bytes.subarray(at + 8, at + 8 + length),
      crc: bytes.readUInt32BE(at + 8 + length),
      expectedCrc: referenceCrc(bytes.subarray(at + 4, at + 8 + length)),
    });
    at += 12 + length;
  }
  return chunks;
}

interface Decoded {
  readonly width: number;
  readonly height: number;
  pixel(x: number, y: number): Rgb;
}

/** Decodes an RGB, filter-None PNG as a viewer would: IDAT inflated by zlib, each row's filter byte checked. */
function decode(png: Uint8Array): Decoded {
  const chunks = chunksOf(png);
  const header = chunks.find((c) => c.type === "IHDR")!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = width * 3 + 1;
  if (raw.length !== stride * height) throw new Error(`${raw.length} bytes of rows, not ${stride * height}`);
  for (let y = 0; y < height; y++) if (raw[y * stride] !== 0) throw new Error(`row ${y} is filtered`);
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * stride + 1 + x * 3;
      return [raw[i], raw[i + 1], raw[i + 2]];
    },
  };
}

const hex = ([r, g, b]: Rgb) => [r, g, b].map((c) => c.toString(16).padStart(2, "0").toUpperCase()).join("");

/** The runs of one colour along a row: [first x, last x + 1]. */
function runsOf(image: Decoded, y: number, color: string): [number, number][] {
  const runs: [number, number][] = [];
  for (let x = 0; x < image.width; x++) {
    if (hex(image.pixel(x, y)) !== color) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === x) last[1] = x + 1;
    else runs.push([x, x + 1]);
  }
  return runs;
}

/** The rows of a column of one colour at x, counted up from just above the baseline. */
function heightAt(image: Decoded, x: number, color: string): number {
  let h = 0;
  while (hex(image.pixel(x, BASELINE - 1 - h)) === color) h += 1;
  return h;
}

const SAMPLE: ChartPictureData = {
  scores: [10, 50, 30, 9.78],
  weights: [10, 50, 30, 10],
  rate: { fraction: 1, text: "100.00%" },
};

describe("the PNG encoder", () => {
  // 3 × 2: red, green, blue / white, black, a grey.
  const pixels = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0x40, 0x40, 0x40]);
  const png = encodePng({ width: 3, height: 2, data: pixels }, 288);

  it("writes the signature, IHDR (8-bit RGB), pHYs, IDAT and IEND, each with the CRC-32 of its type and data", () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "pHYs", "IDAT", "IEND"]);
    for (const c of chunks) expect(c.crc).toBe(c.expectedCrc);
    // IEND's CRC is the same in every PNG.
    expect(chunks[3].crc).toBe(0xae426082);
    // Width 3, height 2, 8 bits, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
    expect([...chunks[0].data]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    // 288 dots an inch: 11,339 a metre (288 / 0.0254 = 11,338.6), the unit the metre.
    expect(chunks[1].data.readUInt32BE(0)).toBe(11339);
    expect(chunks[1].data.readUInt32BE(4)).toBe(11339);
    expect(chunks[1].data[8]).toBe(1);
    expect(png.length).toBe(8 + 25 + 21 + 12 + chunks[2].data.length + 12);
  });

  it("deflates the rows, each after a filter byte 0, into a zlib stream Node's zlib inflates", () => {
    const idat = chunksOf(png)[2].data;
    // CMF 0x78, FLG 0x01; then BFINAL 1 and BTYPE 01 (fixed Huffman codes) in the first bits of the block.
    expect([idat[0], idat[1], idat[2] & 0b111]).toEqual([0x78, 0x01, 0b011]);
    expect([...inflateSync(idat)]).toEqual([0, ...pixels.subarray(0, 9), 0, ...pixels.subarray(9)]);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([3, 2]);
    expect(image.pixel(2, 0)).toEqual([0, 0, 255]);
    expect(image.pixel(2, 1)).toEqual([0x40, 0x40, 0x40]);
  });

  it("inflates to the same bytes whatever they hold: no repeats, runs of every length, rows like the last", () => {
    const cases: [string, Uint8Array, number, number][] = [];
    const noRepeats = new Uint8Array(600);
    for (let i = 0; i < noRepeats.length; i++) noRepeats[i] = (i * 31) % 251; // every byte literal, 8- and 9-bit codes
    cases.push(["no repeats", noRepeats, 3, 100]);
    // Runs of one byte 1…700 long (matches of every length code, 3…258 and longer runs split), a pixel repeated.
    const runs: number[] = [];
    for (let n = 1; n <= 700; n += 7) for (let k = 0; k < n; k++) runs.push(n % 256);
    cases.push(["runs", Uint8Array.from(runs), 1, 5000]);
    const pixelRuns: number[] = [];
    for (let n = 1; n <= 300; n += 13) for (let k = 0; k < n; k++) pixelRuns.push(0x2f, 0x55, n % 256);
    cases.push(["a pixel repeated", Uint8Array.from(pixelRuns), 3, 100_000]);
    // Rows of 4,000 bytes: each like the one above but for a byte, so matches reach 4,000 back (distance codes with 11
    // extra bits); and a row too far back for deflate's window, where only the pixel matches stay.
    const rows = new Uint8Array(4000 * 6);
    for (let i = 0; i < 4000; i++) rows[i] = (i * 7) % 253;
    for (let y = 1; y < 6; y++) {
      rows.copyWithin(y * 4000, (y - 1) * 4000, y * 4000);
      rows[y * 4000 + y * 500] ^= 0xff;
    }
    cases.push(["rows like the last", rows, 3, 4000]);
    cases.push(["a row beyond the window", rows, 3, 40_000]);
    cases.push(["one byte", Uint8Array.from([7]), 3, 10]);
    cases.push(["nothing", new Uint8Array(0), 3, 10]);
    for (const [name, data, pixel, row] of cases) {
      const stream = Buffer.from(zlibRuns(data, pixel, row));
      expect([name, Buffer.from(inflateSync(stream)).equals(Buffer.from(data))]).toEqual([name, true]);
      expect([name, stream.readUInt32BE(stream.length - 4)]).toEqual([name, adler32(data)]);
    }
    // What the matches are for: runs and repeated rows shrink; bytes with no repeat cost at most 9 bits each.
    expect(zlibRuns(cases[1][1], 1, 5000).length).toBeLessThan(cases[1][1].length / 20);
    expect(zlibRuns(rows, 3, 4000).length).toBeLessThan(4000 * 1.2);
    expect(zlibRuns(noRepeats, 3, 100).length).toBeLessThanOrEqual(2 + Math.ceil((600 * 9 + 10) / 8) + 4);
  });

  it("keeps the sample's picture small: 1,767 × 690 pixels (3.6 MB of rows) in under 64 KB", () => {
    const picture = drawChartPicture(SAMPLE);
    const file = encodePng(picture.image, DOTS_PER_INCH);
    expect(picture.image.width * picture.image.height * 3).toBe(3_657_690);
    expect(file.length).toBeLessThan(64 * 1024);
    expect(decode(file).pixel(0, 0)).toEqual([255, 255, 255]);
  });

  it("computes Adler-32 as zlib defines it", () => {
    // RFC 1950's checksum of "Wikipedia" (the usual worked example), and of nothing.
    expect(adler32(Buffer.from("Wikipedia", "ascii"))).toBe(0x11e60398);
    expect(adler32(new Uint8Array(0))).toBe(1);
    // Long enough that the sums must be reduced along the way (in runs of 5,552 bytes): against the definition, each
    // sum reduced after every byte.
    const long = new Uint8Array(100_000);
    for (let i = 0; i < long.length; i++) long[i] = 255 - (i % 7);
    let a = 1;
    let b = 0;
    for (const byte of long) {
      a = (a + byte) % 65521;
      b = (b + a) % 65521;
    }
    expect(adler32(long)).toBe(((b << 16) | a) >>> 0);
    expect(adler32(new Uint8Array(100_000).fill(255))).toBe(0x149a302c);
  });

  it("refuses an image whose bytes are not its size", () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(11) })).toThrow(RangeError);
    expect(() => encodePng({ width: 0, height: 2, data: new Uint8Array(0) })).toThrow(RangeError);
  });
});

describe("the stroke font", () => {
  it("has a glyph for every character the chart writes", () => {
    expect(canWrite("0123456789.%-")).toBe(true);
    expect([...GLYPHS.keys()].sort().join("")).toBe("%-.0123456789");
    expect(canWrite("得")).toBe(false);
  });

  it("draws a 1 as a stem, a 0 and an 8 with their holes, in the ink's colour, smoothed at the edges", () => {
    const black: Rgb = [0, 0, 0];
    const one = new Raster(40, 40, [255, 255, 255]);
    one.text("1", 10, 5, 30, black);
    // The stem's centre line at 10 + (0.575 + 3 × 1.15) × 3 = 22.1 px, from y 5 to 35; the pen 3.45 px wide.
    for (const y of [10, 20, 30, 34]) expect(one.pixel(22, y)).toEqual([0, 0, 0]);
    expect(one.pixel(22, 1)).toEqual([255, 255, 255]);
    expect(one.pixel(30, 20)).toEqual([255, 255, 255]);
    // The pen's edge at 22.1 + 1.725 = 23.8: pixel 23 is mostly ink, greyed by the samples outside it.
    const [edge] = one.pixel(23, 20);
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(128);

    const zero = new Raster(40, 40, [255, 255, 255]);
    zero.text("0", 5, 5, 30, black);
    // A ring: centre (5 + (0.575 + 2.875) × 3, 5 + 15) = (15.35, 20), 8.6 × 15 px across its centre line.
    expect(zero.pixel(15, 20)).toEqual([255, 255, 255]);
    expect(zero.pixel(15, 5)).toEqual([0, 0, 0]);
    expect(zero.pixel(15, 34)).toEqual([0, 0, 0]);
    expect(zero.pixel(6, 20)).toEqual([0, 0, 0]);

    const eight = new Raster(40, 40, [255, 255, 255]);
    eight.text("8", 5, 5, 30, black);
    // Two holes (centres at y 12.65 and 27.35) with the waist between them.
    expect(eight.pixel(15, 12)).toEqual([255, 255, 255]);
    expect(eight.pixel(15, 27)).toEqual([255, 255, 255]);
    expect(eight.pixel(15, 20)).toEqual([0, 0, 0]);
  });

  it("measures text: the digits' widths and spacing, the pen at both ends", () => {
    // "10" at 30 px: (5.75 + 1.35 + 5.75 + 1.15) grid units × 3 px.
    expect(textWidth("10", 30)).toBeCloseTo(42, 9);
  });
});

describe("the chart picture", () => {
  const sample = drawChartPicture(SAMPLE);
  const image = decode(encodePng(sample.image, DOTS_PER_INCH));
  // The plot's height at the sample: from the top gridline to the baseline.
  const plot = BASELINE - PLOT_TOP;

  it("is 1,767 × 690 pixels: 589 × 230 Word pixels at three to one", () => {
    expect([image.width, image.height]).toEqual([1767, 690]);
    expect(plot).toBe(529);
  });

  it("scales the y axis to 60 in steps of 10 (the largest value 50 and room for its label)", () => {
    expect(yAxis(50, plot)).toEqual({ axisMax: 60, step: 10, decimals: 0 });
    expect(yAxis(9.78, plot)).toEqual({ axisMax: 12, step: 2, decimals: 0 });
    expect(yAxis(100, plot)).toEqual({ axisMax: 120, step: 20, decimals: 0 });
    expect(yAxis(0.3, plot)).toEqual({ axisMax: 0.4, step: 0.1, decimals: 1 });
    expect(yAxis(0, plot)).toEqual({ axisMax: 1, step: 0.2, decimals: 1 });
    expect(sample.layout.axisMax).toBe(60);
  });

  it("draws each category's 得分 and 分值 columns to heights in proportion to the values, to the row", () => {
    // Just above the axis, four 得分 columns and four 分值 columns, each 110 px wide (10 mm, the widest they get).
    const scores = runsOf(image, BASELINE - 1, SCORE_COLOR);
    const weights = runsOf(image, BASELINE - 1, WEIGHT_COLOR);
    expect(scores.map(([a, b]) => b - a)).toEqual([110, 110, 110, 110]);
    expect(weights.map(([a, b]) => b - a)).toEqual([110, 110, 110, 110]);
    // 得分 left of its 分值, 9 px apart.
    scores.forEach(([, end], i) => expect(weights[i][0] - end).toBe(9));
    // round(value / 60 × 529) rows: 10 → 88, 50 → 441, 30 → 265, 9.78 → 86.
    const middle = ([a, b]: [number, number]) => Math.floor((a + b) / 2);
    expect(scores.map((r) => heightAt(image, middle(r), SCORE_COLOR))).toEqual([88, 441, 265, 86]);
    expect(weights.map((r) => heightAt(image, middle(r), WEIGHT_COLOR))).toEqual([88, 441, 265, 88]);
    // A 得分 equal to its 分值 (产出指标, 50 of 50) is as tall as it: its top row is 625 − 441 = 184.
    expect(hex(image.pixel(middle(scores[1]), 184))).toBe(SCORE_COLOR);
    expect(hex(image.pixel(middle(weights[1]), 184))).toBe(WEIGHT_COLOR);
    expect(hex(image.pixel(middle(scores[1]), 183))).not.toBe(SCORE_COLOR);
    expect(sample.layout.columns.map((c) => [c.score.height, c.weight.height])).toEqual([
      [88, 88],
      [441, 441],
      [265, 265],
      [86, 88],
    ]);
  });

  it("draws the gridlines at 10, 20 … 60 (two rows each) and the axis (three rows) under the columns", () => {
    const x = sample.layout.plotRight - 5;
    // round(t / 60 × 529) rows above the baseline, less one: 10 → 536, 20 → 448, 30 → 359, 40 → 271, 50 → 183.
    for (const top of [536, 448, 359, 271, 183, 95]) {
      expect(hex(image.pixel(x, top - 1))).toBe("FFFFFF");
      expect(hex(image.pixel(x, top))).toBe("D9D9D9");
      expect(hex(image.pixel(x, top + 1))).toBe("D9D9D9");
      expect(hex(image.pixel(x, top + 2))).toBe("FFFFFF");
    }
    for (const y of [625, 626, 627]) expect(hex(image.pixel(x, y))).toBe("7F7F7F");
    expect(hex(image.pixel(x, 628))).toBe("FFFFFF");
    expect(sample.layout.ticks.map((t) => [t.value, t.y])).toEqual([
      [0, 624],
      [10, 536],
      [20, 448],
      [30, 359],
      [40, 271],
      [50, 183],
      [60, 95],
    ]);
  });

  it("writes the numbers: ticks left of the plot, values over the columns, category numbers under them", () => {
    const dark = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.pixel(x, y)[0] < 0x60) n += 1;
      return n;
    };
    const { plotLeft, columns } = sample.layout;
    // Beside each gridline, a tick number (30 px digits centred on the line); none between two lines.
    for (const t of sample.layout.ticks) expect(dark(0, plotLeft, t.y - 14, t.y + 16)).toBeGreaterThan(100);
    expect(dark(0, plotLeft, 580, 600)).toBe(0);
    // Over each column its value (27 px digits 10 px above it): "50" over both columns of 产出指标.
    for (const c of [columns[1].score, columns[1].weight])
      expect(dark(c.x0, c.x1, BASELINE - 441 - 10 - 29, BASELINE - 441 - 8)).toBeGreaterThan(100);
    // Under each pair, its number, and nothing under the gap between two pairs.
    for (const c of columns) expect(dark(c.score.x0, c.weight.x1, 645, 680)).toBeGreaterThan(50);
    expect(dark(columns[0].weight.x1 + 20, columns[1].score.x0 - 20, 630, 690)).toBe(0);
    expect(sample.layout.labels).toBe("both");
    expect(sample.layout.numbered).toEqual([1, 2, 3, 4]);
  });

  it("draws the execution rate as a bar whose full length is 100%, its percentage after it", () => {
    const { rate, plotLeft } = sample.layout;
    expect(rate).toEqual({ x0: plotLeft, x1: 1598, fill: 1598, top: 12, bottom: 48 });
    expect(runsOf(image, 30, RATE_COLOR)).toEqual([[plotLeft, 1598]]);
    expect(hex(image.pixel(plotLeft, 11))).toBe("FFFFFF");
    expect(hex(image.pixel(plotLeft, 47))).toBe(RATE_COLOR);
    // "100.00%" right of it.
    let ink = 0;
    for (let y = 12; y < 48; y++) for (let x = 1598; x < 1767; x++) if (image.pixel(x, y)[0] < 0x60) ink += 1;
    expect(ink).toBeGreaterThan(300);

    // At 50%, half the track (1,545 px from 74 to 1,619) is filled: 773 px, the rest the track's grey.
    const half = drawChartPicture({
      scores: [0, 5],
      weights: [10, 10],
      rate: { fraction: 0.5, text: "50.00%" },
    });
    const halfImage = decode(encodePng(half.image));
    expect(half.layout.rate).toEqual({ x0: 74, x1: 1619, fill: 847, top: 12, bottom: 48 });
    expect(runsOf(halfImage, 30, RATE_COLOR)).toEqual([[74, 847]]);
    expect(runsOf(halfImage, 30, "EDEDED")).toEqual([[847, 1619]]);
  });

  it("leaves a zero score without a 得分 pixel above the axis, and its 分值 whole", () => {
    const picture = drawChartPicture({ scores: [0, 5], weights: [10, 10], rate: null });
    const zero = decode(encodePng(picture.image));
    const [first, second] = picture.layout.columns;
    let blue = 0;
    for (let y = 0; y < BASELINE; y++)
      for (let x = first.score.x0 - 5; x < first.weight.x1 + 5; x++)
        if (hex(zero.pixel(x, y)) === SCORE_COLOR) blue += 1;
    expect(blue).toBe(0);
    // Without a rate bar the plot starts higher: 625 − 42 = 583 rows, so 10 of 12 is 486 rows and 5 is 243.
    expect(picture.layout.plotTop).toBe(PLOT_TOP_WITHOUT_RATE);
    expect(BASELINE - PLOT_TOP_WITHOUT_RATE).toBe(583);
    expect(heightAt(zero, first.weight.x0 + 3, WEIGHT_COLOR)).toBe(486);
    expect(heightAt(zero, second.score.x0 + 3, SCORE_COLOR)).toBe(243);
    expect(runsOf(zero, 30, RATE_COLOR)).toEqual([]);
  });

  it("stays legible with many categories: narrower columns, smaller digits, labels left out, every 5th number", () => {
    const many = (n: number) =>
      drawChartPicture({
        scores: Array.from({ length: n }, (_, i) => (i % 10) + 0.25),
        weights: Array.from({ length: n }, () => 10),
        rate: null,
      }).layout;
    const fifteen = many(15);
    // 1,681 px for 15 slots of 112 px: columns of 33 px; "5.25" fits over the pair, not over one column.
    expect(fifteen.columns[0].score.x1 - fifteen.columns[0].score.x0).toBe(33);
    expect([fifteen.labels, fifteen.labelHeight]).toEqual(["score", 27]);
    expect(fifteen.numbered).toHaveLength(15);
    const forty = many(40);
    expect(forty.columns[0].score.x1 - forty.columns[0].score.x0).toBe(12);
    expect(forty.labels).toBe("none");
    // "40" in a 42 px slot: 22 px digits, every number.
    expect([forty.numberHeight, forty.numbered.length]).toEqual([22, 40]);
    const hundred = many(100);
    expect(hundred.numberHeight).toBe(18);
    expect(hundred.numbered.slice(0, 5)).toEqual([1, 5, 10, 15, 20]);
    expect(hundred.numbered).toHaveLength(21);
  });

  it("needs a score and a weight for each category", () => {
    expect(() => drawChartPicture({ scores: [], weights: [], rate: null })).toThrow(RangeError);
    expect(() => drawChartPicture({ scores: [1, 2], weights: [1], rate: null })).toThrow(RangeError);
  });

  it("paints with the report's colours", () => {
    expect([SCORE_COLOR, WEIGHT_COLOR, RATE_COLOR]).toEqual(["2F5597", "BFBFBF", "70AD47"]);
    expect(rgb(SCORE_COLOR)).toEqual([0x2f, 0x55, 0x97]);
  });
});
