/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The pane's 下载 Word 报告 in preview mode (issue 14 §1): after 一键生成自评报告 the button makes the Word report in the
 * page and hands it to the browser as a .docx download, whose document.xml holds the report's title.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import JSZip from "jszip";
import { TextDecoder, TextEncoder } from "util";
import type { HostInfo } from "../../src/app/hosts";
import { PreviewWorkbookHost } from "../../src/preview/preview-host";
import { App } from "../../src/taskpane/App";
import { sampleBytes, until } from "./sample-workbook";

const PREVIEW_ZH: HostInfo = { mode: "preview", host: null, lang: "zh-CN" };

const downloads: { blob: Blob; name: string }[] = [];
let lastBlob: Blob | null = null;

beforeAll(async () => {
  await import("../../src/preview/index");
  // Browsers have these; jsdom does not, and the docx package encodes its XML with them.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  // jsdom has no object URLs and no download manager: record what the page hands over.
  URL.createObjectURL = (blob: Blob) => {
    lastBlob = blob;
    return "blob:word-report";
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    if (this.href.startsWith("blob:") && lastBlob) downloads.push({ blob: lastBlob, name: this.download });
  };
});

function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

it("downloads the Word report of the generated evaluation as a .docx with the report's title", async () => {
  const host = new PreviewWorkbookHost();
  await host.open(sampleBytes(), "样例.xlsx");
  render(<App detect={() => Promise.resolve(PREVIEW_ZH)} connect={() => Promise.resolve(host)} />);
  expect(await screen.findByText("当前工作簿：样例.xlsx")).toBeTruthy();
  // Before a report there is nothing to download.
  expect(screen.queryByRole("button", { name: "下载 Word 报告" })).toBeNull();

  fireEvent.click(screen.getByRole("button", { name: "一键生成自评报告" }));
  await act(() => until(host, (state) => state.reportSheets !== null));
  fireEvent.click(await screen.findByRole("button", { name: "下载 Word 报告" }));
  await waitFor(() => expect(downloads).toHaveLength(1));

  const [{ blob, name }] = downloads;
  expect(name).toBe("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告.docx");
  expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const zip = await JSZip.loadAsync(await bytesOf(blob));
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "");
  expect(text).toContain("岳阳市君山产业开发区管委会2023年度部门整体支出绩效自评报告");
  expect(text).toContain("经自评，对单位整体支出评分为99.78分，评价等级为“优”。");
  // The pane's Excel path on a Mac is told where else to get it; in the browser it is not.
  expect(screen.queryByText(/Mac 和 iPad 上的 Excel/)).toBeNull();
});
