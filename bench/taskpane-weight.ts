/**
 * Part 5 of the bench: the task pane's first-load JavaScript — every script taskpane.html references (office.js comes
 * from Microsoft's CDN and is listed apart), gzip-compressed the way a web server sends it. Chunks the pane loads later
 * with import() are not part of the first load.
 *
 * The production build goes to a folder of the bench's own in the system's temporary directory, not to dist/: dist/
 * may hold a development build (npm run build:dev, the dev server) that would be measured by mistake, and inside the
 * repository the minified bundles would be linted. It is rebuilt when older than the sources.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

export interface ScriptWeight {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface TaskpaneWeight {
  readonly scripts: readonly ScriptWeight[];
  readonly external: readonly string[];
  readonly totalBytes: number;
  readonly totalGzipBytes: number;
  /** Whether this run built the pages (false: the last build was newer than every source). */
  readonly built: boolean;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The build is fresh when its taskpane.html is newer than everything the build reads. */
function isFresh(root: string, outDir: string): boolean {
  const html = join(outDir, "taskpane.html");
  if (!existsSync(html)) return false;
  const inputs = ["src", "assets", "package.json", "package-lock.json", "webpack.config.js", "tsconfig.json"]
    .map((p) => join(root, p))
    .filter((p) => existsSync(p));
  const newestInput = Math.max(...inputs.map(newestMtime));
  return statSync(html).mtimeMs >= newestInput;
}

/** The script sources of an HTML page, quoted or not (the production page is minified). */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  const pattern = /<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) sources.push(m[1] ?? m[2] ?? m[3]);
  return sources;
}

export function taskpaneWeight(root: string, outDir: string, timeoutMs: number): TaskpaneWeight {
  let built = false;
  if (!isFresh(root, outDir)) {
    const result = spawnSync("npx", ["webpack", "--mode", "production", "--output-path", outDir], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      timeout: timeoutMs,
    });
    if (result.status !== 0) throw new Error(`webpack failed (status ${result.status ?? result.signal})`);
    built = true;
  }
  const html = readFileSync(join(outDir, "taskpane.html"), "utf8");
  const scripts: ScriptWeight[] = [];
  const external: string[] = [];
  for (const src of scriptSources(html)) {
    if (/^(https?:)?\/\//i.test(src)) {
      external.push(src);
      continue;
    }
    const bytes = readFileSync(join(outDir, src.replace(/^\.?\//, "")));
    scripts.push({ file: src, bytes: bytes.length, gzipBytes: gzipSync(bytes).length });
  }
  return {
    scripts,
    external,
    totalBytes: scripts.reduce((n, s) => n + s.bytes, 0),
    totalGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
    built,
  };
}
