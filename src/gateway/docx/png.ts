/**
 * A PNG encoder in plain TypeScript for the Word report's chart picture: 8-bit RGB, no interlace, filter "None" on every
 * row, and the zlib stream deflated by deflate-runs.ts (runs of a colour and rows like the last: what a chart is made
 * of). It runs where the report is made — the CLI in Node and the task pane in the browser — so it uses neither Node's
 * zlib nor Buffer.
 */
import { crc32OfTable } from "../crc32";
import { zlibRuns } from "./deflate-runs";

/** An image as 8-bit RGB triples, row by row from the top left. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes. */
  readonly data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function writeUint32(out: Uint8Array, at: number, value: number): void {
  out[at] = value >>> 24;
  out[at + 1] = (value >>> 16) & 0xff;
  out[at + 2] = (value >>> 8) & 0xff;
  out[at + 3] = value & 0xff;
}

/** Writes a chunk at `at` — length, type, data, and the CRC-32 of type and data — and returns where it ends. */
function writeChunk(
  out: Uint8Array,
  at: number,
  type: string,
  length: number,
  fill: (data: Uint8Array) => void,
): number {
  writeUint32(out, at, length);
  for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
  fill(out.subarray(at + 8, at + 8 + length));
  writeUint32(out, at + 8 + length, crc32OfTable(out.subarray(at + 4, at + 8 + length)));
  return at + 12 + length;
}

/**
 * The PNG file of `image`. `dotsPerInch` goes into a pHYs chunk, so an image viewer shows the picture at the size Word
 * does (Word itself takes the size from the document).
 */
export function encodePng(image: RgbImage, dotsPerInch?: number): Uint8Array {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(`a PNG needs a positive whole size, not ${width} × ${height}`);
  if (data.length !== width * height * 3)
    throw new RangeError(
      `${width} × ${height} RGB pixels are ${width * height * 3} bytes, not ${data.length}`,
    );
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // raw[y·(stride + 1)] stays 0: filter "None", whose bytes are the pixels themselves.
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  // Matches 3 bytes back repeat a pixel, stride + 1 bytes back the row above (filter byte included).
  const idat = zlibRuns(raw, 3, stride + 1);
  const physical = dotsPerInch !== undefined;
  const out = new Uint8Array(SIGNATURE.length + 25 + (physical ? 21 : 0) + 12 + idat.length + 12);
  out.set(SIGNATURE, 0);
  let at = writeChunk(out, SIGNATURE.length, "IHDR", 13, (header) => {
    writeUint32(header, 0, width);
    writeUint32(header, 4, height);
    header[8] = 8; // bits per channel
    header[9] = 2; // colour type: RGB
    // header[10..12] stay 0: deflate, adaptive filtering (each row names its filter), no interlace.
  });
  if (dotsPerInch !== undefined) {
    at = writeChunk(out, at, "pHYs", 9, (p) => {
      const perMetre = Math.round(dotsPerInch / 0.0254);
      writeUint32(p, 0, perMetre);
      writeUint32(p, 4, perMetre);
      p[8] = 1; // the unit is the metre
    });
  }
  at = writeChunk(out, at, "IDAT", idat.length, (stream) => stream.set(idat));
  writeChunk(out, at, "IEND", 0, () => undefined);
  return out;
}
