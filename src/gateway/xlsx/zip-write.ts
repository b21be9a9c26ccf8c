/**
 * A minimal zip writer (Node only) for a package we build whole in memory: every entry deflated by Node's zlib, no
 * zip64 (a package of a few megabytes at most), names in ASCII. The counterpart of zip-entries.ts's reader.
 *
 * Why not JSZip (which exceljs writes with): it deflates with pako, in JavaScript, which in a short-lived CLI process
 * runs mostly before V8 has optimized it; zlib does the same work natively in a fraction of the time.
 */
import * as zlib from "zlib";
import { crc32OfTable } from "../crc32";

/** The table-driven CRC-32, for a Node without zlib.crc32 (and for the tests that compare the two). */
export { crc32OfTable };

export interface ZipFileEntry {
  readonly name: string;
  readonly data: Buffer;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const DEFLATED = 8;
/** 2.0: deflate. */
const VERSION = 20;

/** The zip file of `entries`, in their order. */
export function zipBytes(entries: readonly ZipFileEntry[], date = new Date()): Buffer {
  const { time, day } = dosDateTime(date);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = zlib.deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const fields = {
      time,
      day,
      crc,
      compressed: compressed.length,
      size: entry.data.length,
      name: name.length,
    };
    // The extra field's length after the common fields: 0 (Buffer.alloc zeroes it).
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    writeEntryFields(local, 4, fields);
    parts.push(local, name, compressed);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    header.writeUInt16LE(VERSION, 4); // made by
    writeEntryFields(header, 6, fields);
    // extra, comment, disk number, internal and external attributes: all 0 (Buffer.alloc zeroes them)
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * The fields the local header (at 4) and the central directory's header (at 6) share, in the same order: version needed
 * to extract, flags (none), method, time, date, CRC-32, compressed and uncompressed size, the name's length.
 */
function writeEntryFields(
  out: Buffer,
  at: number,
  f: { time: number; day: number; crc: number; compressed: number; size: number; name: number },
): void {
  out.writeUInt16LE(VERSION, at);
  out.writeUInt16LE(0, at + 2);
  out.writeUInt16LE(DEFLATED, at + 4);
  out.writeUInt16LE(f.time, at + 6);
  out.writeUInt16LE(f.day, at + 8);
  out.writeUInt32LE(f.crc, at + 10);
  out.writeUInt32LE(f.compressed, at + 14);
  out.writeUInt32LE(f.size, at + 18);
  out.writeUInt16LE(f.name, at + 22);
}

/** MS-DOS time and date, as zip headers keep them (local time, two-second steps, from 1980). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** CRC-32 (the zip one): zlib's native crc32 where this Node has it (20.15 and later), computed here otherwise. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return native ? native(data) >>> 0 : crc32OfTable(data);
}
