/**
 * Writes tests/fixtures/reference/<case>.json: the CLI's output and the report workbook of each reference case, as the
 * code produces them now. Run only when a change of output is meant (the reference test fails until then):
 *   npx ts-node --transpile-only scripts/make-reference.ts
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { REFERENCE_CASES, REFERENCE_DIR, runReferenceCase } from "../tests/reference/cases";

async function main(): Promise<void> {
  mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const c of REFERENCE_CASES) {
    const output = await runReferenceCase(c);
    const path = join(REFERENCE_DIR, `${c.name}.json`);
    writeFileSync(path, JSON.stringify(output, null, 1) + "\n");
    console.log(`wrote ${path}`);
  }
}

void main();
