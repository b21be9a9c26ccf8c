/**
 * The pane's 核对报告文字 module: the .docx reader (JSZip, fast-xml-parser) stays behind a dynamic import, so the
 * pane's first load does not carry it; pasted text and an opened file are read the same way.
 */
import { join } from "path";
import { reportTextOf } from "../../src/app/report-text";
import { docxOf } from "../fixtures/text/docx";
import { packagesImportedFrom } from "./imports";

const SRC = join(__dirname, "../../src");

describe("reportTextOf", () => {
  it("keeps the .docx reader out of the pane's first load", () => {
    const first = packagesImportedFrom(join(SRC, "taskpane/ReportTextView.tsx"), { dynamic: false });
    expect([...first].filter((p) => /jszip|fast-xml-parser|docx/.test(p))).toEqual([]);
    const all = packagesImportedFrom(join(SRC, "app/report-text.ts"));
    expect(all.has("jszip") && all.has("fast-xml-parser")).toBe(true);
  });

  it("reads pasted text as it is and a .docx paragraph by paragraph", async () => {
    expect(await reportTextOf({ kind: "pasted", text: "评分为95分。" })).toBe("评分为95分。");
    const bytes = await docxOf("一、基本情况\n本年度基本支出为256.79万元，主要为人员薪金。");
    expect(await reportTextOf({ kind: "file", name: "r.docx", read: () => Promise.resolve(bytes) })).toBe(
      "一、基本情况\n本年度基本支出为256.79万元，主要为人员薪金。",
    );
  });
});
