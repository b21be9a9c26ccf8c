/** @jest-environment jsdom */
/**
 * The pane's 评分 view with project forms (issue 13): each project with its score and grade, a click selects its form
 * in the workbook; a workbook of project forms only is no "nothing to score".
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookHost } from "../../src/app/host";
import type { HostInfo } from "../../src/app/hosts";
import type { CellValue } from "../../src/engine/snapshot";
import { App } from "../../src/taskpane/App";
import { FakeWorkbookHost } from "../app/fake-host";
import { ELDERLY, ROADS, TRAINING, projectFormRows, type ProjectSpec } from "../fixtures/project-forms";
import { sheet, workbook } from "../helpers/grid";

/** A project form as the reader hands it over (exceljs does not load under jsdom). */
function projectGrid(name: string, p: ProjectSpec) {
  const { rows, merges } = projectFormRows(p);
  return sheet(
    name,
    rows.map((r) => [...r] as CellValue[]),
    { merges },
  );
}

const EXCEL_ZH: HostInfo = { mode: "excel", host: "Excel", lang: "zh-CN" };

configure({ defaultHidden: true });

test("评分 lists the projects with score and grade; a click selects the project's form", async () => {
  const snapshot = workbook(
    projectGrid("项目一", TRAINING),
    projectGrid("项目二", ROADS),
    projectGrid("项目三", ELDERLY),
  );
  const host = new FakeWorkbookHost(snapshot);
  render(
    <App
      detect={() => Promise.resolve(EXCEL_ZH)}
      connect={(): Promise<WorkbookHost | null> => Promise.resolve(host)}
    />,
  );
  await screen.findByText("已连接 Excel");
  await waitFor(() => expect(host.calls).toContain("loadSettings"));
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "评分" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
  });
  const heading = await screen.findByRole("heading", { name: "项目支出绩效自评" });
  const list = heading.parentElement as HTMLElement;
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    "职业技能培训项目100 分 · 优预算执行率 100.00%",
    "农村公路养护项目93.5 分 · 优预算执行率 75.00%",
    "社区养老服务项目81 分 · 良预算执行率 50.00%",
  ]);
  expect(screen.queryByText("工作簿中没有找到预算执行情况表或绩效指标表，无法评分。")).toBeNull();

  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "选中“社区养老服务项目”的自评表" }));
  });
  await waitFor(() => expect(host.selections).toEqual([{ sheet: "项目三", addresses: ["A1:H19"] }]));
});
