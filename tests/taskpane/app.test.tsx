/** @jest-environment jsdom */
/**
 * The task pane driven with a fake WorkbookHost: its states (idle, running with the step names, done with the summary,
 * error as a MessageBar in plain words), the findings list and its clicks, the 评分 and 设置 views, the template,
 * preview mode and the language switch.
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookHost } from "../../src/app/host";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import { toGatewayError } from "../../src/gateway/office/errors";
import { App } from "../../src/taskpane/App";
import type { HostInfo } from "../../src/app/hosts";
import { FakeWorkbookHost } from "../app/fake-host";
import { filledTemplateSnapshot, fixtureSnapshot } from "../app/fixtures";
import { FakeExcel } from "../fakes/excel-fake";

const EXCEL_ZH: HostInfo = { mode: "excel", host: "Excel", lang: "zh-CN" };
const EXCEL_EN: HostInfo = { mode: "excel", host: "Excel", lang: "en-US" };
const PREVIEW_ZH: HostInfo = { mode: "preview", host: null, lang: "zh-CN" };

// Role queries check every element's computed style for visibility, which is slow in jsdom. Nothing in the pane is
// hidden by CSS alone, so the check is skipped. (No time limits here: tests/setup-dom.ts lets every wait end on its
// state, and jest.config.js gives a test minutes, so a busy machine is slower, not red.)
configure({ defaultHidden: true });

let errorLog: jest.SpyInstance;
beforeEach(() => {
  // The pane logs failures for whoever debugs; keep the test output clean.
  errorLog = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  errorLog.mockRestore();
  delete (globalThis as { Office?: unknown }).Office;
});

/** Renders the App on a fake host and waits until it is connected and has read its settings. */
async function renderOn(host: FakeWorkbookHost | null, info: HostInfo = EXCEL_ZH) {
  const connect = jest.fn((): Promise<WorkbookHost | null> => Promise.resolve(host));
  render(<App detect={() => Promise.resolve(info)} connect={connect} />);
  await screen.findByText(
    info.mode === "excel"
      ? info.lang === "zh-CN"
        ? "已连接 Excel"
        : "Running in Excel"
      : "预览模式（未在 Excel 中运行）",
  );
  if (host) await waitFor(() => expect(host.calls).toContain("loadSettings"));
  return connect;
}

function click(name: string | RegExp) {
  return act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

function tab(name: string) {
  return act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
  });
}

describe("idle", () => {
  test("the title, the host's status, the four views and the primary action", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const connect = await renderOn(host);
    expect(connect).toHaveBeenCalledWith(EXCEL_ZH);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("绩效自评助手");
    expect(screen.getAllByRole("tab").map((t) => t.id)).toEqual([
      "tab-generate",
      "tab-check",
      "tab-score",
      "tab-settings",
    ]);
    for (const name of ["生成报告", "一致性检查", "评分", "设置"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "生成报告" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: "一键生成自评报告" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "插入模板" })).toBeTruthy();
    expect(screen.getByText("所有数据只在本机处理，不会上传。")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.documentElement.lang).toBe("zh-CN");
  });
});

describe("一键生成自评报告", () => {
  test("running: the progress bar names the step, the buttons wait; done: the summary card", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await renderOn(host);
    const gate = host.hold("read");
    await click("一键生成自评报告");

    expect(screen.getByText("第 1/4 步：读取工作簿")).toBeTruthy();
    const steps = screen.getByRole("list", { name: "进度" });
    expect(
      within(steps)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["读取工作簿", "核查", "评分", "写入报告"]);
    expect(within(steps).getByText("读取工作簿").getAttribute("aria-current")).toBe("step");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuetext")).toBe("第 1/4 步：读取工作簿");
    expect((screen.getByRole("button", { name: "一键生成自评报告" }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await act(async () => gate.release());
    const card = await screen
      .findByRole("group", { name: "自评结果" })
      .catch(() => screen.getByLabelText("自评结果"));
    expect(screen.queryByText(/第 \d\/4 步/)).toBeNull();
    const figures = Array.from(card.querySelectorAll("dt")).map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ]);
    expect(figures).toEqual([
      ["总分", "65"],
      ["等级", "中"],
      ["预算执行率", "100.00%"],
    ]);
    expect(within(card).getByText("错误 3")).toBeTruthy();
    // The fixture's indicators cover 产出 only: one quality.coverage warning.
    expect(within(card).getByText("警告 1")).toBeTruthy();
    expect(within(card).getByText("提示 1")).toBeTruthy();
    expect(within(card).getByText("已写入工作表：“绩效自评表”、“自评报告”、“核查结果”。")).toBeTruthy();
    expect(host.calls).toEqual(["loadSettings", "read", "writeReport"]);

    await click("打开自评表");
    expect(host.selections).toEqual([{ sheet: "绩效自评表", addresses: ["A1"] }]);
  });

  test("error: the user is editing a cell — a MessageBar in plain words, no stack trace", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const editMode = toGatewayError({
      code: "InvalidOperationInCellEditMode",
      stack: "at Excel.run (office.js:1)",
    });
    host.fail("read", editMode);
    await renderOn(host);
    await click("一键生成自评报告");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("未能生成自评报告")).toBeTruthy();
    // The gateway words Office's errors; the pane shows its sentence under the action's title, and nothing else.
    expect(editMode.messageIn("zh-CN")).toMatch(/^Excel 正在编辑单元格/);
    expect(alert.textContent).toBe(`未能生成自评报告${editMode.messageIn("zh-CN")}`);
    expect(alert.textContent).not.toContain("office.js");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect((screen.getByRole("button", { name: "一键生成自评报告" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    await click("关闭");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("error: a programming error shows a general sentence, never its own message", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    host.fail("writeReport", new TypeError("Cannot read properties of undefined (reading 'items')"));
    await renderOn(host);
    await click("一键生成自评报告");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "未能生成自评报告操作未能完成。请再试一次；如仍失败，请保存工作簿后重新打开本加载项。",
    );
    expect(alert.textContent).not.toContain("Cannot read");
  });

  test("error: a workbook without the indicators names the missing table and suggests the template", async () => {
    const host = new FakeWorkbookHost({ sheets: [fixtureSnapshot().sheets[0]] });
    await renderOn(host);
    await click("一键生成自评报告");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "未能生成自评报告工作簿中没有找到绩效指标表（指标、指标值、完成值、分值），无法生成自评报告。请检查表头文字，或点击“插入模板”按模板填写。",
    );
    expect(host.written).toEqual([]);
  });
});

describe("the banner after 一键生成 while errors stand (issue 12 §3)", () => {
  test("says how many errors in the report's words, and its button opens the findings", async () => {
    await renderOn(new FakeWorkbookHost(fixtureSnapshot()));
    await click("一键生成自评报告");
    const title = await screen.findByText("核查发现 3 项错误，详见核查结果");
    expect(title.className).toMatch(/MessageBarTitle/);
    await click("查看核查结果");
    await screen.findByRole("heading", { name: "错误（3）" });
    expect(screen.getByRole("tab", { name: "一致性检查" }).getAttribute("aria-selected")).toBe("true");
  });
  // Its absence on a clean workbook is tested where the text is made (bannerText: tests/engine/report).
});

describe("一致性检查", () => {
  async function checked(): Promise<FakeWorkbookHost> {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await renderOn(host);
    await tab("一致性检查");
    expect(screen.getByText("列出合计不符、单位不一致等问题及其所在单元格。")).toBeTruthy();
    await click("开始检查");
    await screen.findByRole("heading", { name: "错误（3）" });
    return host;
  }

  test("findings grouped by severity, then table, with expected, actual and difference in the table's unit", async () => {
    await checked();
    // The warning: the fixture's indicators cover 产出 only (quality.coverage).
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "错误（3）",
      "警告（1）",
      "提示（1）",
    ]);
    expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      "预算执行情况",
      "绩效指标",
      "绩效指标",
      "预算执行情况",
    ]);
    const budgetErrors = screen.getByRole("list", { name: "错误 · 预算执行情况" });
    // Each finding is a button that goes to its cells (its title says so); 说明并确认 sits under it.
    const [breakdown] = within(budgetErrors)
      .getAllByRole("button")
      .filter((b) => b.title.startsWith("转到"));
    expect(breakdown.textContent).toBe(
      "预算分项合计 · 表1 预算执行!D5" +
        "全年执行数：基本支出 + 项目支出 = 1,925.67 万元，年度资金总额填列 2,030.12 万元，相差 104.45 万元，填列数多于分项之和" +
        "应为 1,925.67 万元 · 实际 2,030.12 万元 · 差额 104.45 万元",
    );
    expect(breakdown.getAttribute("title")).toBe("转到 表1 预算执行!D5");
    const indicatorErrors = screen.getByRole("list", { name: "错误 · 绩效指标" });
    expect(
      within(indicatorErrors)
        .getAllByRole("button")
        .filter((b) => b.title.startsWith("转到"))
        .map((b) => b.querySelector("span")?.textContent),
    ).toEqual(["缺少实际完成值 · 表2 绩效指标!E4", "定性得分档次 · 表2 绩效指标!G5"]);
  });

  test("a click on a finding selects its cells; the keyboard reaches it as a button", async () => {
    const host = await checked();
    const breakdown = within(screen.getByRole("list", { name: "错误 · 预算执行情况" })).getByRole("button", {
      name: /^预算分项合计/,
    });
    breakdown.focus();
    expect(document.activeElement).toBe(breakdown);
    await act(async () => {
      fireEvent.click(breakdown);
    });
    expect(host.selections).toEqual([{ sheet: "表1 预算执行", addresses: ["D5", "D11", "D12"] }]);
  });

  test("标记问题单元格 and 清除标记 go to the host and say what they did", async () => {
    const host = await checked();
    host.markOutcome = { cells: 6, protectedSheets: ["表3 决算"], truncated: false };
    await click("标记问题单元格");
    expect(host.highlighted).toHaveLength(1);
    expect(host.highlighted[0].map((f) => f.rule)).toEqual([
      "sum.breakdown",
      "value.missing",
      "indicator.qualitative-tier",
      "quality.coverage",
      "value.text",
    ]);
    expect(screen.getByText("已标记 6 个单元格。")).toBeTruthy();
    expect(screen.getByText("工作表 “表3 决算” 受保护，未作改动。")).toBeTruthy();
    host.markOutcome = { cells: 6, protectedSheets: [], truncated: false };
    await click("清除标记");
    expect(screen.getByText("已恢复 6 个单元格的原有填充色。")).toBeTruthy();
    expect(screen.queryByText("已标记 6 个单元格。")).toBeNull();
  });

  test("a clean workbook says so", async () => {
    const host = new FakeWorkbookHost(filledTemplateSnapshot());
    await renderOn(host);
    await tab("一致性检查");
    expect((screen.getByRole("button", { name: "标记问题单元格" }) as HTMLButtonElement).disabled).toBe(true);
    await click("开始检查");
    expect(await screen.findByText("未发现问题：各项合计与勾稽关系一致。")).toBeTruthy();
  });
});

describe("评分", () => {
  test("the indicators with target, actual, score and method; missing and out-of-tier rows stand out", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await renderOn(host);
    await tab("评分");
    await click("计算得分");
    expect(await screen.findByRole("heading", { name: "总分 65，等级“中”" })).toBeTruthy();

    const execution = screen.getByRole("listitem", { name: "预算执行率" });
    expect(within(execution).getByText("10 / 10")).toBeTruthy();
    expect(within(execution).getByText("100.00%")).toBeTruthy();

    const road = screen.getByRole("listitem", { name: "完成道路硬化" });
    expect(within(road).getByText("产出指标 / 数量指标")).toBeTruthy();
    expect(within(road).getByText("24 / 30")).toBeTruthy();
    expect(within(road).getByText("指标值 ≥10公里 · 完成值 8公里")).toBeTruthy();
    expect(within(road).getByText("30×8/10=24.00")).toBeTruthy();
    expect(within(road).getByText("未满分")).toBeTruthy();

    const missing = screen.getByRole("listitem", { name: "工程验收合格率" });
    expect(within(missing).getByText("指标值 100% · 完成值 —")).toBeTruthy();
    expect(within(missing).getByText("缺少完成值")).toBeTruthy();

    const tier = screen.getByRole("listitem", { name: "群众出行条件" });
    expect(within(tier).getByText("21 / 30")).toBeTruthy();
    expect(within(tier).getByText("得分超出档次")).toBeTruthy();

    const full = screen.getByRole("listitem", { name: "群众满意度" });
    expect(within(full).getByText("10 / 10")).toBeTruthy();
    expect(within(full).queryByText("未满分")).toBeNull();

    // The rows that need attention are set apart from the others by their class.
    expect(missing.className).toBe(tier.className);
    expect(full.className).not.toBe(missing.className);
    expect(road.className).not.toBe(missing.className);
  });
});

describe("插入模板 and 设置", () => {
  test("the template goes to the host in the pane's language and the new sheets are named", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await renderOn(host);
    await click("插入模板");
    expect(host.templates).toEqual(["zh-CN"]);
    expect(host.templateKinds).toEqual(["department"]);
    expect(
      screen.getByText(
        "已插入工作表：“预算执行情况”、“支出决算表”、“绩效指标”、“部门基本情况”。请将蓝色示例数据替换为本单位数据。",
      ),
    ).toBeTruthy();
  });

  test("插入项目模板 asks the host for a project form and names the sheet it got", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    host.templateNames = ["项目支出绩效自评表 (2)"];
    await renderOn(host);
    expect(
      screen.getByText("插入一张项目支出绩效自评表（不会覆盖已有工作表）；每个项目可各插入一张。"),
    ).toBeTruthy();
    await click("插入项目模板");
    await waitFor(() =>
      expect(
        screen.getByText("已插入工作表：“项目支出绩效自评表 (2)”。请将蓝色示例数据替换为本单位数据。"),
      ).toBeTruthy(),
    );
    expect(host.templates).toEqual(["zh-CN"]);
    expect(host.templateKinds).toEqual(["project"]);
  });

  test("the form starts from the workbook's settings, refuses out-of-range numbers and saves through the host", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    host.settings = { ...DEFAULT_SETTINGS, toleranceInUnit: 0.05 };
    await renderOn(host);
    await tab("设置");
    const tolerance = screen.getByLabelText("合计容差（表格单位）") as HTMLInputElement;
    expect(tolerance.value).toBe("0.05");
    expect((screen.getByLabelText("超额完成阈值（%）") as HTMLInputElement).value).toBe("130");

    fireEvent.change(tolerance, { target: { value: "3" } });
    expect(screen.getByText("请输入 0 到 1 之间的数。")).toBeTruthy();
    expect((screen.getByRole("button", { name: "保存设置" }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(tolerance, { target: { value: "0.02" } });
    fireEvent.change(screen.getByLabelText("超额完成阈值（%）"), { target: { value: "150" } });
    fireEvent.change(screen.getByLabelText("报告语言"), { target: { value: "en-US" } });
    fireEvent.click(screen.getByRole("switch", { name: "按预算执行率限制总分" }));
    await click("保存设置");
    expect(host.saved).toEqual([
      {
        toleranceInUnit: 0.02,
        reportLang: "en-US",
        overachieveThreshold: 1.5,
        overachieveDeduction: 0,
        executionCaps: true,
        qualitativeDefaults: { met: 100, partial: 70, unmet: 30 },
      },
    ]);
    expect(screen.getByText("设置已保存到本工作簿。")).toBeTruthy();

    // The saved settings drive the next report: English sheets, capped scoring.
    await tab("生成报告");
    await click("一键生成自评报告");
    await screen.findByText("Self-Evaluation Table", { exact: false });
    expect(host.written[0].sheets.map((s) => s.name)).toEqual([
      "Self-Evaluation Table",
      "Self-Evaluation Report",
      "Check Results",
    ]);
  });

  test("settings that cannot be read leave the defaults and say so", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const general = toGatewayError({ code: "GeneralException" });
    host.fail("loadSettings", general);
    render(<App detect={() => Promise.resolve(EXCEL_ZH)} connect={() => Promise.resolve(host)} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(`未能读取设置${general.messageIn("zh-CN")}`);
  });
});

describe("preview mode without a workbook", () => {
  test("an action explains that the page is not in Excel, as a warning", async () => {
    await renderOn(null, PREVIEW_ZH);
    await click("一键生成自评报告");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe(
      "预览模式当前页面未在 Excel 中运行，也没有打开的工作簿。请在 Excel 中加载本加载项后再试。",
    );
  });
});

describe("language", () => {
  test("English from the host, and the switch re-words everything on screen, the summary included", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    await renderOn(host, EXCEL_EN);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Self-Evaluation Assistant");
    for (const name of ["Report", "Check", "Scores", "Settings"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    await click("Generate self-evaluation report");
    await screen.findByText("Total score");
    expect(screen.getByText("Fair")).toBeTruthy();
    expect(host.written[0].sheets[0].name).toBe("Self-Evaluation Table");

    await click("Switch to Chinese");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("绩效自评助手");
    expect(screen.getByText("总分")).toBeTruthy();
    expect(screen.getByText("中")).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    await click("切换为英文界面");
    expect(screen.getByText("Total score")).toBeTruthy();
  });

  test("an error already shown is re-worded when the language changes", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const denied = toGatewayError({ code: "AccessDenied" });
    host.fail("read", denied);
    await renderOn(host);
    await click("一键生成自评报告");
    expect((await screen.findByRole("alert")).textContent).toBe(
      `未能生成自评报告${denied.messageIn("zh-CN")}`,
    );
    await click("切换为英文界面");
    expect(screen.getByRole("alert").textContent).toBe(
      `The report could not be generated${denied.messageIn("en-US")}`,
    );
    expect(denied.messageIn("en-US")).toMatch(/protected/);
  });
});

describe("with the real host detection", () => {
  test("without office.js it runs in preview mode in the browser's language", async () => {
    render(<App />);
    // jsdom's navigator.language is en-US.
    expect(await screen.findByText("Preview mode (not running in Excel)")).toBeTruthy();
  });

  test("inside Excel it speaks Office's display language and reads the workbook's settings", async () => {
    const excel = new FakeExcel();
    excel.office.displayLanguage = "zh-CN";
    excel.office.settings.set("selfeval.settings", { toleranceInUnit: 0.03 });
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      context: excel.office.context,
    };
    render(<App />);
    expect(await screen.findByText("已连接 Excel")).toBeTruthy();
    await tab("设置");
    await waitFor(() =>
      expect((screen.getByLabelText("合计容差（表格单位）") as HTMLInputElement).value).toBe("0.03"),
    );
  });
});
