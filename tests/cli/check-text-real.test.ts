/**
 * The text check against the 26 real forms (tests/fixtures/real): each form's own texts (every cell of more than
 * eight characters — goals, completion statements, notes) read as its report. Real prose states figures the tables
 * do not hold, thresholds ("执行率未达到90%的需说明原因") and label numbers ("指标1项目…"); none of it is a finding.
 */
import { readdirSync } from "fs";
import { join } from "path";
import * as pipeline from "../../src/app/pipeline";
import { streamingWorkbookFile } from "../../src/cli/workbook";
import { checkReportText } from "../../src/engine/text/index";

const DIR = join(__dirname, "../fixtures/real/xlsx");

describe("the real forms' own texts", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".xlsx"));

  it("are 26 forms", () => {
    expect(files.length).toBe(26);
  });

  it.each(files)("%s: no text finding", async (file) => {
    const path = join(DIR, file);
    const { evaluation } = await pipeline.check(streamingWorkbookFile(path), {});
    const snapshot = await streamingWorkbookFile(path).read();
    const texts = snapshot.sheets.flatMap((s) =>
      s.values.flatMap((row) => row.filter((v): v is string => typeof v === "string" && v.length > 8)),
    );
    expect(checkReportText(evaluation, texts.join("\n")).findings.map((f) => f.message["zh-CN"])).toEqual([]);
  });
});
