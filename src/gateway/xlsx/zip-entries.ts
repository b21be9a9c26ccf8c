/**
 * A minimal zip reader for the streaming .xlsx reader (Node only): lists a file's entries from its central directory
 * and streams any one entry through zlib, reading only that entry's bytes from disk. An .xlsx is a plain zip (stored
 * or deflated entries), so nothing more is needed; anything else (zip64, encryption, other compression methods)
 * returns null from `openZip`, and the caller falls back to the in-memory reader, which knows how to explain it.
 *
 * The same reader also works over a package already in memory (`zipOfBytes`): `selfeval review` reads each of its
 * hundreds of small files with one read, where a read per zip entry, each a round trip through libuv's thread pool,
 * cost more than checking the file on a busy machine.
 */
import { createReadStream } from "fs";
import { open, type FileHandle } from "fs/promises";
import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import { createInflateRaw, inflateRawSync } from "zlib";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** An open zip file (close it with closeZip when done), or a package in memory (`handle` null, `bytes` set). */
export interface ZipDirectory {
  readonly handle: FileHandle | null;
  readonly bytes: Buffer | null;
  readonly size: number;
  /** By name, leading "/" removed (as exceljs does); a later duplicate replaces an earlier one. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;
const STORED = 0;
const DEFLATED = 8;

/** Reads the central directory; null (and the file closed) when the file is not a zip this reader handles. */
export async function openZip(path: string): Promise<ZipDirectory | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch {
    return null;
  }
  let zip: ZipDirectory | null = null;
  try {
    const { size } = await handle.stat();
    const entries = await readDirectory(size, (position, length) => readFromFile(handle, position, length));
    zip = entries ? { handle, bytes: null, size, entries } : null;
    return zip;
  } catch {
    return null;
  } finally {
    if (!zip) await handle.close();
  }
}

/** The package in memory as a zip directory; null when it is not a zip this reader handles. Needs no closing. */
export async function zipOfBytes(data: Uint8Array): Promise<ZipDirectory | null> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    const entries = await readDirectory(bytes.length, async (position, length) =>
      bytes.subarray(position, position + length),
    );
    return entries ? { handle: null, bytes, size: bytes.length, entries } : null;
  } catch {
    return null;
  }
}

/** Closes the file of a zip opened with openZip (nothing to do for one in memory). */
export async function closeZip(zip: ZipDirectory): Promise<void> {
  readAhead.delete(zip);
  await zip.handle?.close();
}

type ReadAt = (position: number, length: number) => Promise<Buffer>;

async function readDirectory(size: number, readAt: ReadAt): Promise<Map<string, ZipEntry> | null> {
  if (size < EOCD_MIN) return null;
  const tailLength = Math.min(size, EOCD_SEARCH);
  const tail = await readAt(size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // 0xFFFF / 0xFFFFFFFF mean the real values sit in a zip64 record: not an .xlsx Excel writes below 4 GB.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
  if (cdOffset + cdSize > size) return null;
  const cd = await readAt(cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const compressedSize = cd.readUInt32LE(p + 20);
    const uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const localHeaderOffset = cd.readUInt32LE(p + 42);
    const raw = cd.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, which matches ASCII for every part name an .xlsx has.
    const name = (flags & 0x800 ? raw.toString("utf8") : raw.toString("latin1")).replace(/^\//, "");
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) return null; // encrypted entry
    if (method !== STORED && method !== DEFLATED) return null;
    if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) return null;
    if (!name.endsWith("/"))
      entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/**
 * Small reads from a file (local headers, small entries) are served from one window of this many bytes read ahead:
 * a workbook of ten thousand sheets is twenty thousand small reads, each a round trip through libuv's thread pool,
 * where a dozen reads of the window do. Entries are mostly read in the order they are stored, so the window moves on.
 */
const READ_AHEAD_BYTES = 256 * 1024;

/** The window last read ahead from each open zip file. */
const readAhead = new WeakMap<ZipDirectory, { readonly start: number; readonly bytes: Buffer }>();

async function readAt(zip: ZipDirectory, position: number, length: number): Promise<Buffer> {
  if (zip.bytes) return zip.bytes.subarray(position, position + length);
  if (length > READ_AHEAD_BYTES) return readFromFile(zip.handle!, position, length);
  let window = readAhead.get(zip);
  if (!window || position < window.start || position + length > window.start + window.bytes.length) {
    const ahead = Math.min(READ_AHEAD_BYTES, zip.size - position);
    const bytes = await readFromFile(zip.handle!, position, Math.max(length, ahead));
    window = { start: position, bytes };
    readAhead.set(zip, window);
  }
  // A read past the end of the file comes back short, as readFromFile's does.
  return window.bytes.subarray(position - window.start, position - window.start + length);
}

async function readFromFile(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/** Entries up to this size are inflated in one call; bigger ones (the large sheets) stream. */
export const WHOLE_ENTRY_BYTES = 1 << 20;
/** Characters per piece of text handed to the XML parser. */
const TEXT_SLICE = 64 * 1024;

/**
 * The entry's text, decoded as UTF-8 chunk by chunk. The decoder keeps a character split across two chunks whole
 * (decoding each chunk on its own, as exceljs's streaming reader does, garbles CJK text at chunk boundaries).
 */
export async function* entryText(zip: ZipDirectory, entry: ZipEntry): AsyncGenerator<string> {
  const local = await readAt(zip, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error("bad local header");
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > zip.size) throw new Error("entry beyond the end of the file");
  if (entry.compressedSize === 0) return;

  if (entry.compressedSize <= WHOLE_ENTRY_BYTES) {
    const raw = await readAt(zip, start, entry.compressedSize);
    const bytes = entry.method === DEFLATED ? inflateRawSync(raw) : raw;
    const text = withoutBom(bytes.toString("utf8"));
    // Handed on in slices: the XML parser gathers the events of each piece before the reader sees them, so one
    // 10 MB piece would mean a million event objects alive at once.
    for (let i = 0; i < text.length; i += TEXT_SLICE) yield text.slice(i, i + TEXT_SLICE);
    return;
  }

  const decoder = new StringDecoder("utf8");
  // A big entry streams through zlib even from memory, so its text is never inflated all at once.
  const raw = zip.bytes
    ? Readable.from([zip.bytes.subarray(start, start + entry.compressedSize)])
    : createReadStream("", {
        fd: zip.handle!,
        autoClose: false,
        start,
        end: start + entry.compressedSize - 1,
        highWaterMark: 256 * 1024,
      });
  const source = entry.method === DEFLATED ? raw.pipe(createInflateRaw()) : raw;
  raw.on("error", (e: Error) => source.destroy(e));
  let first = true;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      text = withoutBom(text);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** A UTF-8 byte-order mark is not part of the XML. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
