/** The package's version, read from package.json at run time (it sits outside tsconfig.cli's rootDir). */
import { readFileSync } from "fs";
import { join } from "path";

export function packageVersion(): string {
  // Both src/cli (under jest) and lib/cli (compiled) are two levels below the package root.
  const text = readFileSync(join(__dirname, "..", "..", "package.json"), "utf8");
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === "string" ? version : "0.0.0";
}
