/**
 * Project forms through the WPS writer (issue 13): the same spec as the .xlsx package writer's and Office.js's gives
 * the 项目汇总, one 项目支出绩效自评表 per project and 核查结果, and a re-run reads the user's forms only.
 */
import { evaluateWorkbook } from "../../src/engine/evaluate";
import { buildReport } from "../../src/engine/report/index";
import { createWpsHost } from "../../src/gateway/wps/host";
import { FakeEtApp } from "../fakes/wps/workbook";
import { ELDERLY, ROADS, TRAINING, projectFormRows } from "../fixtures/project-forms";

function projectApp(): FakeEtApp {
  const app = new FakeEtApp();
  [TRAINING, ROADS, ELDERLY].forEach((p, i) => {
    const sheet = app.workbook.addSheet(`表${i + 1}`);
    projectFormRows(p).rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === "string" || typeof v === "number") sheet.set(r, c, v);
      }),
    );
  });
  return app;
}

describe("project sheets written by WPS", () => {
  test("writes the 项目汇总 and one sheet per project; a re-run replaces them and reads three forms", async () => {
    const app = projectApp();
    const host = createWpsHost({ app, pause: () => Promise.resolve() });
    const evaluation = evaluateWorkbook(await host.read());
    expect(evaluation.projects.map((p) => p.score?.total)).toEqual([100, 93.5, 81]);
    const written = await host.writeReport(buildReport(evaluation, "zh-CN"));
    expect(Object.values(written.sheets)).toEqual([
      "项目汇总",
      "项目-职业技能培训项目",
      "项目-农村公路养护项目",
      "项目-社区养老服务项目",
      "核查结果",
    ]);
    expect(app.workbook.activeSheet?.name).toBe("项目汇总");
    expect(app.workbook.sheet("项目-农村公路养护项目").peek(2, 2)?.value).toBe("农村公路养护项目");
    expect(app.workbook.sheet("项目汇总").peek(4, 5)?.value).toBe(93.5);

    const again = evaluateWorkbook(await host.read());
    expect(again.projects.map((p) => p.form.sheet)).toEqual(["表1", "表2", "表3"]);
    await host.writeReport(buildReport(again, "zh-CN"));
    expect(app.workbook.sheetNames.filter((n) => n.startsWith("项目"))).toEqual([
      "项目汇总",
      "项目-职业技能培训项目",
      "项目-农村公路养护项目",
      "项目-社区养老服务项目",
    ]);
  });
});
