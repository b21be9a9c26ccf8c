/**
 * Writing the output workbook safely: never over the input (through symlinks, `..`, hard links and case-insensitive
 * file systems), and atomically — the bytes go to a temporary file beside the target, which is then moved into place,
 * so an interrupted run never leaves a half-written workbook under the user's name.
 */
import { randomBytes } from "crypto";
import { existsSync, realpathSync, statSync } from "fs";
import { link, rename, unlink, writeFile } from "fs/promises";
import { basename, dirname, join } from "path";

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist yet: its folder's real path joined with its name. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** Whether two paths name the same file: through symlinks, `..`, hard links and case-insensitive file systems. */
export function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Writes beside the target and moves the file into place, so the target is either the old file or the complete new
 * one. Without `overwrite` the move is a hard link, which fails (EEXIST) if the target appeared in the meantime.
 */
export async function writeAtomically(path: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
  } catch (error) {
    // A write that fails part-way (a full disk) leaves the bytes it got out; with "wx" the file is ours unless it
    // already existed.
    if ((error as { code?: unknown }).code !== "EEXIST") await unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    if (overwrite) {
      await rename(temp, path);
      return;
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // Some file systems (FAT, some network shares) have no hard links: fall back to a checked rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw error;
      if (existsSync(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
      await rename(temp, path);
      return;
    }
    await unlink(temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
