/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/** The pane's door to the preview: the pane alone for Excel, the pane beside the workbook for the preview host. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WorkbookHost } from "../../src/app/host";
import { PreviewLayout, connectPreview, isPreviewHost } from "../../src/preview/lazy";
import { PreviewWorkbookHost } from "../../src/preview/preview-host";
import { sampleBytes } from "./sample-workbook";

const excelLike = { kind: "excel" } as unknown as WorkbookHost;

afterEach(() => {
  delete (globalThis as { fetch?: unknown }).fetch;
});

describe("isPreviewHost", () => {
  it("knows the preview's host from any other", async () => {
    expect(isPreviewHost(new PreviewWorkbookHost())).toBe(true);
    expect(isPreviewHost(excelLike)).toBe(false);
    expect(isPreviewHost({ ...excelLike, kind: "preview" } as WorkbookHost)).toBe(false);
    expect(isPreviewHost(null)).toBe(false);
  });

  it("connectPreview gives a preview host with no workbook yet", async () => {
    const host = await connectPreview();
    expect(isPreviewHost(host)).toBe(true);
    expect(host.kind).toBe("preview");
    await expect(host.read()).rejects.toMatchObject({ problem: "no-workbook" });
  });
});

describe("PreviewLayout", () => {
  it("shows the pane alone for a host that is not the preview's", () => {
    render(<PreviewLayout host={excelLike} lang="zh-CN" pane={<main>任务窗格</main>} />);
    expect(screen.getByText("任务窗格")).toBeTruthy();
    expect(screen.queryByTestId("preview-workbench")).toBeNull();
  });

  it("puts the workbook beside the pane in the preview, in the pane's language", async () => {
    const bytes = sampleBytes();
    (globalThis as { fetch?: unknown }).fetch = jest.fn(async () => ({
      ok: true,
      status: 200,
      arrayBuffer: async () => bytes.slice().buffer,
    }));
    const host = new PreviewWorkbookHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewLayout host={host} lang="en-US" pane={<main>任务窗格</main>} />
      </FluentProvider>,
    );
    expect(await screen.findByText("Workbook: 2023年度部门整体支出绩效自评-样例.xlsx")).toBeTruthy();
    expect(screen.getByText("任务窗格")).toBeTruthy();
    expect(screen.getByTestId("preview-page").contains(screen.getByTestId("preview-workbench"))).toBe(true);
  });
});
