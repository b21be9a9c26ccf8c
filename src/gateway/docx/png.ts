/**
 * A PNG encoder in plain TypeScript for the Word report's chart picture: 8-bit RGB, no interlace, filter "None" on every
 * row, and the zlib stream made of stored (uncompressed) deflate blocks. It runs where the report is made — the CLI in
 * Node and the task pane in the browser — so it uses neither Node's zlib nor Buffer. Leaving the pixels uncompressed
 * costs nothing in the file the user gets: the .docx is a zip that deflates the picture (a chart is mostly white, so
 * it shrinks to a few kilobytes there).
 */
import { crc32OfTable } from "../crc32";

/** An image as 8-bit RGB triples, row by row from the top left. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes. */
  readonly data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The most a stored deflate block holds (its LEN is 16 bits). */
const STORED_MAX = 65535;
/** Adler-32's modulus, and how many bytes can be summed before its 32-bit sums must be reduced. */
const ADLER_MOD = 65521;
const ADLER_RUN = 5552;

/** Adler-32 of `data` (the zlib stream's trailer). */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < data.length; start += ADLER_RUN) {
    const end = Math.min(start + ADLER_RUN, data.length);
    for (let i = start; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** The size of the zlib stream zlibStored makes of `length` bytes. */
function zlibStoredLength(length: number): number {
  return 2 + Math.max(1, Math.ceil(length / STORED_MAX)) * 5 + length + 4;
}

/** A zlib stream (RFC 1950) of `data` in stored deflate blocks (RFC 1951, BTYPE 00). */
export function zlibStored(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(zlibStoredLength(data.length));
  writeZlibStored(data, out, 0);
  return out;
}

/** Writes zlibStored(data) into `out` at `at` (the picture's pixels are copied once, straight into the file). */
function writeZlibStored(data: Uint8Array, out: Uint8Array, at: number): void {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_MAX));
  // CMF 0x78: deflate with a 32 KB window; FLG 0x01 makes CMF·256 + FLG a multiple of 31 (no dictionary, level 0).
  out[at] = 0x78;
  out[at + 1] = 0x01;
  at += 2;
  for (let k = 0; k < blocks; k++) {
    const start = k * STORED_MAX;
    const length = Math.min(STORED_MAX, data.length - start);
    // BFINAL on the last block, BTYPE 00; the rest of the header byte pads to the byte boundary.
    out[at] = k === blocks - 1 ? 1 : 0;
    out[at + 1] = length & 0xff;
    out[at + 2] = length >>> 8;
    out[at + 3] = ~length & 0xff;
    out[at + 4] = (~length >>> 8) & 0xff;
    out.set(data.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  writeUint32(out, at, adler32(data));
}

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
  const idat = zlibStoredLength(raw.length);
  const physical = dotsPerInch !== undefined;
  const out = new Uint8Array(SIGNATURE.length + 25 + (physical ? 21 : 0) + 12 + idat + 12);
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
  at = writeChunk(out, at, "IDAT", idat, (stream) => writeZlibStored(raw, stream, 0));
  writeChunk(out, at, "IEND", 0, () => undefined);
  return out;
}
