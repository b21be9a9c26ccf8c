/** @jest-environment jsdom */
/** Saving the report and the CSV: a Blob behind an object URL, clicked through a temporary <a download>. */
import { CSV_MIME, XLSX_MIME, baseName, saveFile, type DownloadEnv } from "../../src/preview/download";

function fakeEnv() {
  const clicks: { href: string; download: string; attached: boolean }[] = [];
  const created: Blob[] = [];
  const revoked: string[] = [];
  const env: DownloadEnv = {
    document,
    createObjectURL: (blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    },
    revokeObjectURL: (url) => revoked.push(url),
  };
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({
      href: this.getAttribute("href") ?? "",
      download: this.download,
      attached: this.isConnected,
    });
  });
  return { env, clicks, created, revoked, restore: () => click.mockRestore() };
}

function blobBytes(blob: Blob): Promise<number[]> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer)]);
    reader.readAsArrayBuffer(blob);
  });
}

describe("saveFile", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("downloads bytes under the given name and type, then frees the URL", () => {
    const t = fakeEnv();
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]);
    const blob = saveFile(bytes.subarray(0, 4), "样例-自评报告.xlsx", XLSX_MIME, t.env);
    expect(blob.type).toBe(XLSX_MIME);
    expect(blob.size).toBe(4); // only the view's bytes, not the whole buffer behind it
    expect(t.created).toEqual([blob]);
    expect(t.clicks).toEqual([{ href: "blob:test/1", download: "样例-自评报告.xlsx", attached: true }]);
    expect(document.querySelectorAll("a").length).toBe(0); // the link is gone again
    expect(t.revoked).toEqual([]);
    jest.advanceTimersByTime(60_000);
    expect(t.revoked).toEqual(["blob:test/1"]);
    t.restore();
  });

  it("downloads text as UTF-8, the BOM included", async () => {
    const t = fakeEnv();
    const blob = saveFile("\uFEFF严重程度\r\n", "x.csv", CSV_MIME, t.env);
    expect(blob.type).toBe("text/csv;charset=utf-8");
    expect(blob.size).toBe(3 + 12 + 2);
    jest.useRealTimers();
    // The file starts EF BB BF: the BOM is written, not swallowed.
    expect(await blobBytes(blob)).toEqual([
      0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xa5, 0xe9, 0x87, 0x8d, 0xe7, 0xa8, 0x8b, 0xe5, 0xba, 0xa6, 0x0d, 0x0a,
    ]);
    t.restore();
  });
});

describe("baseName", () => {
  it.each([
    ["2023年度部门整体支出绩效自评-样例.xlsx", "2023年度部门整体支出绩效自评-样例"],
    ["预算.XLSX", "预算"],
    ['a/b:c*?"<>|.xlsx', "a_b_c______"],
    [".xlsx", "workbook"],
    ["报表", "报表"],
  ])("%p → %p", (input, expected) => {
    expect(baseName(input)).toBe(expected);
  });
});
