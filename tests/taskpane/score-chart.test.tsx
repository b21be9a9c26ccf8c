/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The 评分 view's chart (issue 14 §3): 得分 against 分值 for the execution and per 一级指标, loaded lazily by the view,
 * with the execution rate above it. Drawn from the sample workbook's real evaluation.
 */
import { render, screen } from "@testing-library/react";
import { readFileSync } from "fs";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import { evaluateWorkbook, type Evaluation } from "../../src/engine/evaluate";
import { scoreChart } from "../../src/engine/report/table-sheet";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { ScoreChart, chartDescription } from "../../src/taskpane/ScoreChart";
import { ScoreView } from "../../src/taskpane/ScoreView";
import { STRINGS } from "../../src/taskpane/strings";
import type { PaneActions, PaneState } from "../../src/taskpane/usePane";
import { SAMPLE_XLSX } from "../cli/run-cli";

let evaluation: Evaluation;
beforeAll(async () => {
  evaluation = evaluateWorkbook(await readXlsxBuffer(readFileSync(SAMPLE_XLSX)));
});

describe("the score chart", () => {
  it("has the execution and each 一级指标 with its 得分 and 分值", () => {
    const chart = scoreChart(evaluation, "zh-CN")!;
    expect(chart.categories).toEqual(["预算执行率", "产出指标", "效益指标", "满意度指标"]);
    expect(chartDescription(chart)).toBe(
      "得分与分值：预算执行率 10/10，产出指标 50/50，效益指标 30/30，满意度指标 9.78/10",
    );
  });

  it("draws each bar as high as its value, against the largest", () => {
    const chart = scoreChart(evaluation, "zh-CN")!;
    const { container } = render(<ScoreChart chart={chart} rateLine="预算执行率 100.00%" />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(chartDescription(chart));
    expect(screen.getByText("预算执行率 100.00%")).toBeTruthy();
    const bar = (category: string, series: string) =>
      container.querySelector(`g[data-category="${category}"] rect[data-series="${series}"]`);
    // 50 is the largest value: 120 units high; 9.78 of it 23.5, 10 of it 24.
    expect(bar("产出指标", "分值")?.getAttribute("height")).toBe("120");
    expect(bar("满意度指标", "得分")?.getAttribute("height")).toBe("23.5");
    expect(bar("满意度指标", "分值")?.getAttribute("height")).toBe("24");
  });

  it("is loaded by the 评分 view once there is a score", async () => {
    const state: PaneState = {
      running: null,
      error: null,
      notices: [],
      // The pane holds the evaluation with the workbook's 出错说明 applied: none here.
      evaluation: { ...evaluation, lapsed: [] },
      report: null,
      settings: DEFAULT_SETTINGS,
      textCheck: null,
      textDraft: { pasted: "", file: null },
    };
    render(<ScoreView state={state} actions={{} as PaneActions} lang="zh-CN" s={STRINGS["zh-CN"]} />);
    const img = await screen.findByRole("img", { name: /^得分与分值：预算执行率 10\/10/ });
    expect(img).toBeTruthy();
    expect(screen.getByText("预算执行率 100.00%")).toBeTruthy();
  });
});
