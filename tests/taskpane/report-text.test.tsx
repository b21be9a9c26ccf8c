/** @jest-environment jsdom */
/**
 * 核对报告文字 in the task pane: pasted text or an opened .docx is checked against the workbook, each disagreement is
 * listed as the check's findings are (a click shows its cell), and a file that is no report is said in plain words.
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookHost } from "../../src/app/host";
import type { HostInfo } from "../../src/app/hosts";
import { App } from "../../src/taskpane/App";
import { FakeWorkbookHost } from "../app/fake-host";
import { seedSnapshot } from "../engine/text/seed-workbook";
import { docxOf } from "../fixtures/text/docx";
import { plantedReport, seedReport } from "../fixtures/text/seed-report";

const EXCEL_ZH: HostInfo = { mode: "excel", host: "Excel", lang: "zh-CN" };
const EXCEL_EN: HostInfo = { mode: "excel", host: "Excel", lang: "en-US" };

configure({ defaultHidden: true });

let errorLog: jest.SpyInstance;
beforeEach(() => {
  errorLog = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

async function openCheckView(host: FakeWorkbookHost, info: HostInfo = EXCEL_ZH) {
  render(
    <App detect={() => Promise.resolve(info)} connect={() => Promise.resolve<WorkbookHost | null>(host)} />,
  );
  await screen.findByText(info.lang === "zh-CN" ? "已连接 Excel" : "Running in Excel");
  await waitFor(() => expect(host.calls).toContain("loadSettings"));
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: info.lang === "zh-CN" ? "一致性检查" : "Check" }));
  });
}

function paste(text: string, label = "报告文字") {
  fireEvent.change(screen.getByRole("textbox", { name: label }), { target: { value: text } });
}

async function click(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

/** Runs 核对报告文字 and waits for its results. */
async function checkText(): Promise<HTMLElement> {
  await click("核对报告文字");
  return screen.findByRole("region", { name: "报告文字核对结果" });
}

function findingTexts(region: HTMLElement): string[] {
  return within(region)
    .getAllByRole("button")
    .map((b) => b.textContent ?? "");
}

describe("核对报告文字", () => {
  test("the button waits for a text; pasted planted figures are each listed, grouped as the check's findings", async () => {
    const host = new FakeWorkbookHost(seedSnapshot());
    await openCheckView(host);
    expect(screen.getByRole("heading", { name: "核对报告文字" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "核对报告文字" }).hasAttribute("disabled")).toBe(true);

    paste(plantedReport());
    const region = await checkText();
    // The planted copy has one sentence more (the indicator's score) and three figures more to compare.
    expect(within(region).getByText("共 61 句，其中 23 个数字与表格对照。")).toBeTruthy();
    expect(within(region).getByRole("heading", { name: "错误（3）" })).toBeTruthy();
    expect(within(region).getByRole("heading", { name: "警告（3）" })).toBeTruthy();
    expect(findingTexts(region)).toEqual([
      "报告百分比与表不符 · 表一 预算执行情况!F5报告文字“支出10716.16万元，预算执行率为98.5%”中预算执行率为“98.5%”，按表计算为 100.0%",
      "报告金额与表不符 · 表一 预算执行情况!D11报告文字“本年度基本支出为265.79万元，主要为人员薪金及社保、单位公用经费等”中基本支出全年执行数为“265.79万元”，表中为 256.79 万元应为 256.79 万元 · 实际 265.79 万元 · 差额 9.00 万元",
      "报告数量与表不符 · 表三 绩效指标!E4报告文字“2023年，园区完成新签约项目十五个…”中“新签约项目数”实际完成值为“十五个”，表中为 17 个",
      "报告分数与评分不符 · 表三 绩效指标!G3报告文字“…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分…”中总分为“95分”，按评分规则计算为 99.78 分",
      "报告等级与评分不符 · 表三 绩效指标!G3报告文字“…对单位整体支出评分为95分，评价等级为‘良’”中评价等级为“良”，按评分规则计算为 “优”",
      "报告分数与评分不符 · 表三 绩效指标!G17报告文字“入园企业满意度指标得分8分”中“入园企业满意度”得分为“8分”，按评分规则计算为 9.78 分",
    ]);
    expect(host.calls.filter((c) => c === "read")).toEqual(["read"]);

    // A click shows the finding's cell, as in the check's list.
    await act(async () => {
      fireEvent.click(within(region).getAllByRole("button")[2]);
    });
    await waitFor(() => expect(host.selections).toEqual([{ sheet: "表三 绩效指标", addresses: ["E4"] }]));
  });

  test("an opened .docx of the seed report: only the unit's own score", async () => {
    const host = new FakeWorkbookHost(seedSnapshot());
    await openCheckView(host);
    const bytes = await docxOf(seedReport());
    const file = new File([bytes as Uint8Array<ArrayBuffer>], "自评报告.docx", {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    fireEvent.change(screen.getByLabelText("打开报告文件…"), { target: { files: [file] } });
    expect(screen.getByText("已选择：自评报告.docx")).toBeTruthy();
    // The file replaces the paste box until the user goes back to pasting.
    expect(screen.queryByRole("textbox", { name: "报告文字" })).toBeNull();
    const region = await checkText();
    expect(within(region).getByText("共 60 句，其中 20 个数字与表格对照。")).toBeTruthy();
    expect(findingTexts(region)).toEqual([
      "报告分数与评分不符 · 表三 绩效指标!G3报告文字“…对全年绩效目标完成情况进行讨论汇总得出整体工作完成情况，对单位整体支出评分为95分”中总分为“95分”，按评分规则计算为 99.78 分",
    ]);
    await click("改为粘贴文字");
    expect(screen.getByRole("textbox", { name: "报告文字" })).toBeTruthy();
  });

  test("what was pasted stays when the user looks at another view and comes back", async () => {
    const host = new FakeWorkbookHost(seedSnapshot());
    await openCheckView(host);
    paste("本年度基本支出为256.79万元。");
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "评分" }));
    });
    expect(screen.queryByRole("textbox", { name: "报告文字" })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "一致性检查" }));
    });
    expect((screen.getByRole("textbox", { name: "报告文字" }) as HTMLTextAreaElement).value).toBe(
      "本年度基本支出为256.79万元。",
    );
  });

  test("text that agrees says so", async () => {
    const host = new FakeWorkbookHost(seedSnapshot());
    await openCheckView(host);
    paste("本年度基本支出为256.79万元，项目支出为10459.37万元。经自评，评分为99.78分，评价等级为“优”。");
    const region = await checkText();
    expect(within(region).getByText("报告文字与表格一致。")).toBeTruthy();
    expect(within(region).getByText("共 2 句，其中 4 个数字与表格对照。")).toBeTruthy();
  });

  test("text with no figure to compare is not said to agree", async () => {
    const host = new FakeWorkbookHost(seedSnapshot());
    await openCheckView(host);
    paste("The unit's spending was on budget. 本单位认真开展绩效自评工作。");
    const region = await checkText();
    expect(within(region).getByText("共 1 句，其中 0 个数字与表格对照。")).toBeTruthy();
    expect(
      within(region).getByText(
        "报告文字中没有找到可与表格对照的数字（金额、比率、分数、等级、数量），无法判断是否一致；核对只读中文叙述。",
      ),
    ).toBeTruthy();
    expect(within(region).queryByText("报告文字与表格一致。")).toBeNull();
  });

  test("a file that is no report is said in plain words, and the workbook is not read", async () => {
    const host = new FakeWorkbookHost(seedSnapshot());
    await openCheckView(host, EXCEL_EN);
    const file = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])], "old.doc");
    fireEvent.change(screen.getByLabelText("Open the report file…"), { target: { files: [file] } });
    await click("Check the report's text");
    expect(await screen.findByText("The report's text could not be checked")).toBeTruthy();
    expect(
      screen.getByText(
        "This is an old Word 97-2003 (.doc) file or a password-protected document; save it as .docx without a password in Word and try again.",
      ),
    ).toBeTruthy();
    expect(host.calls).not.toContain("read");
  });
});
