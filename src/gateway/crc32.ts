/**
 * CRC-32 (ISO-HDLC: the checksum of zip entries and of PNG chunks), byte by byte from a table. Pure TypeScript, so it
 * runs in the browser too: the Word report's chart picture (docx/png.ts) is encoded there as well as in the CLI. The
 * .xlsx zip writer (xlsx/zip-write.ts) prefers Node's native zlib.crc32 and falls back to this one.
 */
let table: Uint32Array | null = null;

export function crc32OfTable(data: Uint8Array): number {
  table ??= makeTable();
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
