/**
 * A zlib stream (RFC 1950) for the chart picture's rows, deflated (RFC 1951) with the fixed Huffman codes and two match
 * distances only: the pixel before (a run of one colour) and the row above (a row like the last). That is all a chart
 * of flat colours needs, in a few dozen lines that run in Node and in the browser alike. Leaving the pixels stored
 * uncompressed made a 3.6 MB PNG that JSZip (pako, in JavaScript) then deflated inside the .docx: 0.4–0.6 s per
 * report; this stream is ~1/100 of that size and takes a few milliseconds.
 */

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

/** Deflate's lengths 3…258 and distances 1…32,768: each code's base and its count of extra bits (RFC 1951 §3.2.5). */
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MAX_DISTANCE = 32768;

/** The index of the last base not above `value`. */
function codeOf(bases: readonly number[], value: number): number {
  let i = bases.length - 1;
  while (bases[i] > value) i -= 1;
  return i;
}

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  private readonly out: Uint8Array;
  private at = 0;
  private bits = 0;
  private count = 0;

  constructor(capacity: number) {
    this.out = new Uint8Array(capacity);
  }

  write(value: number, length: number): void {
    this.bits |= value << this.count;
    this.count += length;
    while (this.count >= 8) {
      this.out[this.at++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  /** A Huffman code goes most significant bit first: its bits reversed, then written as any other field. */
  writeCode(code: number, length: number): void {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed |= ((code >>> i) & 1) << (length - 1 - i);
    this.write(reversed, length);
  }

  writeByte(value: number): void {
    this.write(value, 8);
  }

  /** Pads to a byte and hands back what was written. */
  finish(): Uint8Array {
    if (this.count > 0) this.out[this.at++] = this.bits & 0xff;
    this.bits = 0;
    this.count = 0;
    return this.out.subarray(0, this.at);
  }
}

/** A literal byte or the end of the block (256) or a length code (257…285), in the fixed Huffman code. */
function writeSymbol(w: BitWriter, symbol: number): void {
  if (symbol < 144) w.writeCode(0x30 + symbol, 8);
  else if (symbol < 256) w.writeCode(0x190 + symbol - 144, 9);
  else if (symbol < 280) w.writeCode(symbol - 256, 7);
  else w.writeCode(0xc0 + symbol - 280, 8);
}

function writeMatch(w: BitWriter, length: number, distance: number): void {
  const l = codeOf(LENGTH_BASE, length);
  writeSymbol(w, 257 + l);
  if (LENGTH_EXTRA[l] > 0) w.write(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
  const d = codeOf(DISTANCE_BASE, distance);
  w.writeCode(d, 5);
  if (DISTANCE_EXTRA[d] > 0) w.write(distance - DISTANCE_BASE[d], DISTANCE_EXTRA[d]);
}

/** How many bytes from `i` on repeat the bytes `distance` before them (at most MAX_MATCH). */
function matchLength(data: Uint8Array, i: number, distance: number): number {
  if (distance > i) return 0;
  const end = Math.min(data.length, i + MAX_MATCH);
  let j = i;
  while (j < end && data[j] === data[j - distance]) j += 1;
  return j - i;
}

/**
 * The zlib stream of `data`, one fixed-Huffman block whose matches point at `pixel` bytes back (the pixel before) or
 * `row` bytes back (the row above; left out when that is further than deflate's window).
 */
export function zlibRuns(data: Uint8Array, pixel: number, row: number): Uint8Array {
  // At worst every byte a 9-bit literal; 2 bytes of header, 3 of block header and end code, 4 of Adler-32.
  const w = new BitWriter(Math.ceil((data.length * 9) / 8) + 16);
  // CMF 0x78: deflate, 32 KB window; FLG 0x01 makes CMF·256 + FLG a multiple of 31 (no dictionary, fastest level).
  w.writeByte(0x78);
  w.writeByte(0x01);
  w.write(1, 1); // BFINAL: the only block
  w.write(1, 2); // BTYPE 01: the fixed Huffman codes
  const distances = [pixel, ...(row <= MAX_DISTANCE ? [row] : [])];
  let i = 0;
  while (i < data.length) {
    let best = 0;
    let bestDistance = 0;
    for (const distance of distances) {
      const length = matchLength(data, i, distance);
      if (length > best) {
        best = length;
        bestDistance = distance;
      }
    }
    if (best >= MIN_MATCH) {
      writeMatch(w, best, bestDistance);
      i += best;
    } else {
      writeSymbol(w, data[i]);
      i += 1;
    }
  }
  writeSymbol(w, 256);
  const body = w.finish();
  const out = new Uint8Array(body.length + 4);
  out.set(body, 0);
  const sum = adler32(data);
  out[body.length] = sum >>> 24;
  out[body.length + 1] = (sum >>> 16) & 0xff;
  out[body.length + 2] = (sum >>> 8) & 0xff;
  out[body.length + 3] = sum & 0xff;
  return out;
}
