/**
 * Writes the hostile files the reliability tests use into a folder, to try the CLI (or Excel) on them by hand:
 *
 *   npx ts-node --transpile-only scripts/make-hostile.ts /tmp/hostile
 *   for f in /tmp/hostile/*.xlsx; do node bin/selfeval.js check "$f"; echo "exit $?"; done
 *
 * The files are generated, never committed: random bytes, cut and damaged zips, a password-protected and an old .xls
 * container, text renamed to .xlsx, workbooks with no sheet, only a chart, cells at XFD1048576, ten thousand sheets.
 */
import { resolve } from "path";
import { writeHostileFolder } from "../tests/fixtures/hostile/files";

const folder = resolve(process.argv[2] ?? "hostile-files");
const written = writeHostileFolder(folder);
process.stdout.write(`${written.size} files in ${folder}\n`);
