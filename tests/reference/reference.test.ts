import { readFileSync } from "fs";
import { join } from "path";
import { REFERENCE_CASES, REFERENCE_DIR, runReferenceCase, type ReferenceOutput } from "./cases";

describe("the CLI and the report workbook are as recorded before the pipeline was rebuilt", () => {
  it.each(REFERENCE_CASES.map((c) => [c.name, c] as const))("%s", async (name, c) => {
    const expected = JSON.parse(readFileSync(join(REFERENCE_DIR, `${name}.json`), "utf8")) as ReferenceOutput;
    const actual = JSON.parse(JSON.stringify(await runReferenceCase(c))) as ReferenceOutput;
    expect(actual.check).toEqual(expected.check);
    expect(actual.checkJson).toEqual(expected.checkJson);
    expect(actual.generateJson).toEqual(expected.generateJson);
    expect(actual.workbook).toEqual(expected.workbook);
  });
});
