/** The workbooks `selfeval review` checks: every .xlsx and .xlsm under a folder, in one order on every machine. */
import { readdir } from "fs/promises";
import { join } from "path";

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/**
 * Relative paths ("/" between folders) of the workbooks under `root`, subfolders included, sorted by code point so
 * the rows come out in the same order whatever the file system lists first. Skipped: Excel's lock files ("~$名.xlsx",
 * left beside a workbook someone has open — 165 bytes, not a workbook) and symbolic links (a link to a parent folder
 * would never end; a filing is a real file in the folder handed in).
 */
export async function listWorkbooks(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string, prefix: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) await walk(join(folder, entry.name), relative + "/");
      else if (entry.isFile() && WORKBOOK.test(entry.name) && !entry.name.startsWith("~$"))
        found.push(relative);
    }
  }
  await walk(root, "");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
