/**
 * What a bundle pulls in: the packages reached from an entry file through its relative imports. Dynamic `import()`
 * becomes a lazy chunk in webpack, so it can be left out to ask what the first load carries.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Follows relative imports from a source file and returns every bare (package) import reached. */
export function packagesImportedFrom(
  entry: string,
  options: { readonly dynamic?: boolean } = {},
): Set<string> {
  const dynamic = options.dynamic ?? true;
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(
      /(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
    )) {
      if (match[2] !== undefined && !dynamic) continue;
      // `import type` / `export type` are erased by the compiler: they pull no code into a bundle.
      if (/^(?:import|export)\s+type\s/.test(match[0])) continue;
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const candidates = [
        base,
        `${base}.ts`,
        `${base}.tsx`,
        path.join(base, "index.ts"),
        path.join(base, "index.tsx"),
      ];
      const resolved = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      if (resolved) queue.push(resolved);
    }
  }
  return packages;
}
