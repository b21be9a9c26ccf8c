/** @jest-environment jsdom */
/**
 * The filer's 出错说明 in the pane: 说明并确认 opens a required text field, the explanation is saved in the workbook
 * through the pipeline and shown on its finding with 撤销说明; explained warnings leave the counts, explained errors
 * stay (the banner says how many are explained); an explanation whose figures changed is shown as lapsed.
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookHost } from "../../src/app/host";
import type { HostInfo } from "../../src/app/hosts";
import { makeConfirmation } from "../../src/engine/confirmations";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { Finding } from "../../src/engine/findings";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { App } from "../../src/taskpane/App";
import { FakeWorkbookHost } from "../app/fake-host";
import { fixtureSnapshot } from "../app/fixtures";

configure({ defaultHidden: true });

let errorLog: jest.SpyInstance;
beforeEach(() => {
  errorLog = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

const TEXT = "乡镇合并后支出口径调整，差额为上年结转";

function findingOf(rule: string, snapshot: WorkbookSnapshot = fixtureSnapshot()): Finding {
  return evaluateWorkbook(snapshot).findings.find((f) => f.rule === rule)!;
}

/** The fixture with 基本支出 (表1 D11) changed: the sum.breakdown error stands with other figures. */
function changedSnapshot(): WorkbookSnapshot {
  const s = fixtureSnapshot();
  const budget = s.sheets[0];
  const values = budget.values.map((row) => [...row]);
  values[10][3] = 900.48;
  return { sheets: [{ ...budget, values }, ...s.sheets.slice(1)] };
}

async function checkedPane(host: FakeWorkbookHost, lang: "zh-CN" | "en-US" = "zh-CN") {
  const info: HostInfo = { mode: "excel", host: "Excel", lang };
  render(
    <App detect={() => Promise.resolve(info)} connect={(): Promise<WorkbookHost> => Promise.resolve(host)} />,
  );
  await waitFor(() => expect(host.calls).toContain("loadSettings"));
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: lang === "zh-CN" ? "一致性检查" : "Check" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: lang === "zh-CN" ? "开始检查" : "Run the check" }));
  });
  await screen.findAllByRole("button", { name: lang === "zh-CN" ? "说明并确认" : "Explain and confirm" });
}

/** The list item of a finding, found by its message. */
function itemOf(finding: Finding, lang: "zh-CN" | "en-US" = "zh-CN"): HTMLElement {
  return screen.getByText(finding.message[lang]).closest("li")!;
}

async function press(within: HTMLElement, name: string) {
  await act(async () => {
    fireEvent.click(withinButton(within, name));
  });
}

function withinButton(element: HTMLElement, name: string): HTMLElement {
  return within(element).getByRole("button", { name });
}

describe("说明并确认", () => {
  test("the field is required: an empty explanation is refused and nothing is stored", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await checkedPane(host);
    const item = itemOf(findingOf("sum.breakdown"));
    await press(item, "说明并确认");
    const field = within(item).getByRole("textbox", { name: /出错说明/ });
    fireEvent.change(field, { target: { value: "   " } });
    await press(item, "确认");
    expect(await within(item).findByText("请填写出错说明。")).toBeTruthy();
    expect(host.storeCalls).not.toContain("saveConfirmations");
    await press(item, "取消");
    expect(within(item).queryByRole("textbox")).toBeNull();
  });

  test("an explained error: saved in the workbook, shown on its finding, still counted; the banner says so", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await checkedPane(host);
    const finding = findingOf("sum.breakdown");
    await press(itemOf(finding), "说明并确认");
    fireEvent.change(within(itemOf(finding)).getByRole("textbox", { name: /出错说明/ }), {
      target: { value: `  ${TEXT}  ` },
    });
    await press(itemOf(finding), "确认");

    expect(await within(itemOf(finding)).findByText(`出错说明：${TEXT}`)).toBeTruthy();
    expect(screen.getByText("出错说明已保存到本工作簿。")).toBeTruthy();
    expect(screen.queryByText("已生成的报告尚未包含这一变化，请重新生成报告。")).toBeNull();
    expect(screen.getByRole("heading", { name: "错误（3 项，其中 1 项已说明）" })).toBeTruthy();
    expect(host.confirmations.confirmations.map((c) => [c.rule, c.text])).toEqual([["sum.breakdown", TEXT]]);
    expect(host.confirmations.confirmations[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);

    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "生成报告" }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "一键生成自评报告" }));
    });
    expect(await screen.findByText("核查发现 3 项错误，其中 1 项已说明，详见核查结果")).toBeTruthy();
    expect(screen.getByText("错误 3")).toBeTruthy();
  });

  test("an explained warning leaves the counts; 撤销说明 brings it back", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await checkedPane(host);
    const warning = findingOf("quality.coverage");
    await press(itemOf(warning), "说明并确认");
    fireEvent.change(within(itemOf(warning)).getByRole("textbox", { name: /出错说明/ }), {
      target: { value: "本单位为乡镇政府，无成本指标" },
    });
    await press(itemOf(warning), "确认");
    expect(await screen.findByRole("heading", { name: "警告（1 项，其中 1 项已说明）" })).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "生成报告" }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "一键生成自评报告" }));
    });
    expect(await screen.findByText("警告 0")).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "一致性检查" }));
    });
    await press(itemOf(warning), "撤销说明");
    expect(await screen.findByText("已撤销出错说明。")).toBeTruthy();
    // A report was written before: it does not show the change until generated again.
    expect(screen.getByText("已生成的报告尚未包含这一变化，请重新生成报告。")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "警告（1）" })).toBeTruthy();
    expect(within(itemOf(warning)).getByRole("button", { name: "说明并确认" })).toBeTruthy();
    expect(host.confirmations.confirmations).toEqual([]);
  });

  test("a figure changed since: the explanation lapses, the pane says so and offers the old text", async () => {
    const host = new FakeWorkbookHost(changedSnapshot());
    host.confirmations = {
      version: 1,
      confirmations: [makeConfirmation(findingOf("sum.breakdown"), fixtureSnapshot(), TEXT)],
    };
    await checkedPane(host);
    expect(screen.getByText("1 项出错说明所依据的数据已修改，说明已失效，请核对后重新说明。")).toBeTruthy();
    const item = itemOf(findingOf("sum.breakdown", changedSnapshot()));
    expect(within(item).getByText(`原出错说明已失效（相关数据已修改）：${TEXT}`)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "错误（3）" })).toBeTruthy();
    await press(item, "说明并确认");
    const field = within(item).getByRole("textbox", { name: /出错说明/ }) as HTMLTextAreaElement;
    expect(field.value).toBe(TEXT);
    await press(item, "确认");
    await waitFor(() =>
      expect(screen.queryByText("1 项出错说明所依据的数据已修改，说明已失效，请核对后重新说明。")).toBeNull(),
    );
    expect(
      within(itemOf(findingOf("sum.breakdown", changedSnapshot()))).getByText(`出错说明：${TEXT}`),
    ).toBeTruthy();
    expect(host.confirmations.confirmations).toHaveLength(1);
  });

  test("in English", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await checkedPane(host, "en-US");
    const finding = findingOf("sum.breakdown");
    const item = itemOf(finding, "en-US");
    await press(item, "Explain and confirm");
    fireEvent.change(within(item).getByRole("textbox", { name: /Explanation/ }), {
      target: { value: "Carried over" },
    });
    await press(item, "Confirm");
    expect(await within(itemOf(finding, "en-US")).findByText("Explanation: Carried over")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Errors (3, 1 explained)" })).toBeTruthy();
    expect(withinButton(itemOf(finding, "en-US"), "Withdraw explanation")).toBeTruthy();
  });
});
