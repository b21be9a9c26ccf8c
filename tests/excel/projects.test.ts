/**
 * Project forms through the Office.js writer (issue 13): every project sheet and the 项目汇总 are written from the same
 * spec as the .xlsx package writer's, in the same fixed number of syncs whatever the number of projects (no sync per
 * project), as the fake's sync log shows for 1, 3 and 30 projects.
 */
import { FakeExcel, type FakeValue } from "../fakes/excel-fake";
import { ELDERLY, ROADS, TRAINING, projectFormRows, type ProjectSpec } from "../fixtures/project-forms";
import { generate } from "./report-fixture";

const SPECS: readonly ProjectSpec[] = [TRAINING, ROADS, ELDERLY];

/** A workbook of `count` project sheets, the three fixture projects in turn, each named apart ("职业技能培训项目 4"). */
function projectWorkbook(count: number): FakeExcel {
  const fake = new FakeExcel();
  for (let i = 0; i < count; i++) {
    const base = SPECS[i % SPECS.length];
    const spec = i < SPECS.length ? base : { ...base, name: `${base.name} ${i + 1}` };
    const { rows, merges } = projectFormRows(spec);
    fake.addSheet(`表${i + 1}`, { rows: rows as readonly (readonly (FakeValue | null)[])[], merges });
  }
  return fake;
}

async function written(count: number): Promise<{ fake: FakeExcel; syncs: number; sheets: string[] }> {
  const fake = projectWorkbook(count);
  const restore = fake.installOfficeGlobal();
  try {
    const { result } = await generate(fake);
    return { fake, syncs: fake.syncCount, sheets: Object.values(result.names) as string[] };
  } finally {
    restore();
  }
}

describe("project sheets written by Office.js", () => {
  it("writes the 项目汇总, one sheet per project and 核查结果, named after the projects", async () => {
    const { fake, sheets } = await written(3);
    expect(sheets).toEqual([
      "项目汇总",
      "项目-职业技能培训项目",
      "项目-农村公路养护项目",
      "项目-社区养老服务项目",
      "核查结果",
    ]);
    expect(fake.sheet("项目-农村公路养护项目").at("A1").value).toBe("2023年度项目支出绩效自评表");
    expect(fake.sheet("项目-农村公路养护项目").at("A3").value).toBe("项目名称");
    expect(fake.sheet("项目-农村公路养护项目").at("C3").value).toBe("农村公路养护项目");
    expect(fake.sheet("项目汇总").at("B5").value).toBe("农村公路养护项目");
    expect(fake.sheet("项目汇总").at("F5").value).toBe(93.5);
    // The 项目汇总's chart of the scores, its data on the marker sheet; no chart on a project's own sheet.
    const [chart] = fake.sheet("项目汇总").charts;
    expect({ title: chart.title, type: chart.type, sheet: chart.source.sheet.name }).toEqual({
      title: "各项目得分",
      type: "ColumnClustered",
      sheet: "_selfeval",
    });
    expect(fake.sheet("_selfeval").at("D2").value).toBe("职业技能培训项目");
    expect(fake.sheet("_selfeval").at("E4").value).toBe(81);
    expect(fake.sheet("项目-农村公路养护项目").charts).toEqual([]);
  });

  it("takes as many syncs for 30 projects as for 1 and 3", async () => {
    const one = await written(1);
    const three = await written(3);
    const thirty = await written(30);
    expect(thirty.sheets.length).toBe(32);
    // Inspect, build, commit, finish: the writer's four batches, as for the department's report.
    expect(one.syncs).toBe(4);
    expect(three.syncs).toBe(one.syncs);
    expect(thirty.syncs).toBe(one.syncs);
  });
});
