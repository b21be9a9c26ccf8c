#!/usr/bin/env node
/**
 * Draws the add-in's icons (`npm run icons`): a clipboard with a check mark in the brand colour, as RGBA PNGs in
 * assets/icon-<size>.png. Nothing is downloaded and no image library is used: the shapes are rasterised here with
 * supersampling (so small sizes stay smooth) and the PNG is written with node's zlib and our own CRC-32.
 * The output is deterministic, so re-running it on an unchanged script leaves the committed files unchanged.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

/** Every size Office asks for: ribbon buttons (16/20/24/32/40/48/64/80 for the DPI scales), IconUrl 32, high-DPI 64. */
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

/** Fluent's brand blue for the board, a darker shade for the clip, white paper, and a green check ("it adds up"). */
const COLORS = {
  board: [15, 108, 189, 255], // #0F6CBD
  clip: [17, 94, 163, 255], // #115EA3
  paper: [255, 255, 255, 255],
  line: [194, 215, 235, 255], // faint ruled lines on the paper
  check: [16, 124, 16, 255], // #107C10
};

// ---------------------------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / PNG), the checksum every PNG chunk carries over its type and data. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes straight (not premultiplied) RGBA pixels, row-major, as an 8-bit truecolour-with-alpha PNG. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter "None": icons are tiny, compression hardly matters
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing, in a unit square (0..1) so one design serves every size

function insideRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The layers, bottom to top. The check is thicker at small sizes so it survives at 16 px. */
function layers(size) {
  const checkWidth = Math.max(0.085, 1.6 / size);
  const lineWidth = Math.max(0.035, 0.9 / size);
  const checkPoints = [
    [0.33, 0.58],
    [0.45, 0.71],
    [0.68, 0.44],
  ];
  return [
    {
      color: COLORS.board,
      hit: (x, y) => insideRoundedRect(x, y, { x0: 0.14, y0: 0.12, x1: 0.86, y1: 0.95, radius: 0.1 }),
    },
    {
      color: COLORS.paper,
      hit: (x, y) => insideRoundedRect(x, y, { x0: 0.24, y0: 0.24, x1: 0.76, y1: 0.86, radius: 0.04 }),
    },
    {
      // Two ruled lines above the check: reads as "a form" at 32 px and up; too fine to draw below that.
      color: COLORS.line,
      hit: (x, y) =>
        size >= 32 && x >= 0.32 && x <= 0.68 && [0.33, 0.42].some((ly) => Math.abs(y - ly) <= lineWidth / 2),
    },
    {
      color: COLORS.clip,
      hit: (x, y) => insideRoundedRect(x, y, { x0: 0.34, y0: 0.05, x1: 0.66, y1: 0.22, radius: 0.05 }),
    },
    {
      color: COLORS.check,
      hit: (x, y) =>
        distanceToSegment(x, y, checkPoints[0], checkPoints[1]) <= checkWidth / 2 ||
        distanceToSegment(x, y, checkPoints[1], checkPoints[2]) <= checkWidth / 2,
    },
  ];
}

/** Rasterises with SAMPLES×SAMPLES subsamples per pixel; averages in premultiplied space, stores straight alpha. */
function drawIcon(size) {
  const SAMPLES = 8;
  const shapes = layers(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let color = null;
          for (const shape of shapes) if (shape.hit(x, y)) color = shape.color;
          if (!color) continue;
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  return rgba;
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size} RGBA)`);
  }
}

module.exports = { crc32, encodePng, drawIcon, SIZES };

if (require.main === module) main();
