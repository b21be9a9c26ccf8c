/** Reading a report's text: .docx paragraphs and runs, text files in the encodings Chinese Windows saves. */
import JSZip from "jszip";
import { readReportText, ReportTextReadError } from "../../src/gateway/docx/read";

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await readReportText(bytes);
    return "read";
  } catch (error) {
    return error instanceof ReportTextReadError ? error.code : "other";
  }
}

describe("readReportText on a .docx", () => {
  it("joins runs, keeps tabs and breaks, decodes entities, reads table cells, skips deletions and field codes", async () => {
    const bytes = await docx(
      [
        '<w:p><w:r><w:t>基本支出为</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">256.79</w:t></w:r><w:r><w:t>万元</w:t></w:r></w:p>',
        "<w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t>C</w:t><w:br/><w:t>D</w:t></w:r></w:p>",
        '<w:p><w:del w:id="1"><w:r><w:delText>旧的</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>新的</w:t></w:r></w:p>',
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目支出</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>10459.37</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
      ].join(""),
    );
    expect(await readReportText(bytes)).toBe("基本支出为256.79万元\nA&B\tC\nD\n新的\n项目支出\n10459.37");
  });

  it("says why it cannot read: no document part, no text, a damaged zip", async () => {
    const workbook = new JSZip();
    workbook.file("xl/workbook.xml", "<workbook/>");
    expect(await codeOf(await workbook.generateAsync({ type: "uint8array" }))).toBe("not-docx");
    expect(await codeOf(await docx("<w:p/>"))).toBe("empty");
    expect(await codeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]))).toBe("corrupt");
    expect(await codeOf(new Uint8Array([]))).toBe("empty");
  });
});

describe("readReportText on a text file", () => {
  it("reads UTF-8 (with or without its mark), UTF-16 with its mark, and GB18030", async () => {
    const text = "评分为95分。";
    const utf8 = new TextEncoder().encode(text);
    expect(await readReportText(utf8)).toBe(text);
    expect(await readReportText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(await readReportText(utf16)).toBe(text);
    expect(
      await readReportText(
        new Uint8Array([0xc6, 0xc0, 0xb7, 0xd6, 0xce, 0xaa, 0x39, 0x35, 0xb7, 0xd6, 0xa1, 0xa3]),
      ),
    ).toBe(text);
  });

  it("refuses binaries and Word 97-2003 files, and whitespace alone", async () => {
    expect(await codeOf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1]))).toBe("not-docx");
    expect(await codeOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("legacy-doc");
    expect(await codeOf(new TextEncoder().encode(" \n\t "))).toBe("empty");
  });
});
