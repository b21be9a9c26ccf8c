/**
 * Project forms from the CLI's JSON down to the printed sheets (issue 13): a workbook of three project sheets, one with
 * two forms stacked on one sheet, and one that mixes the department's tables with project forms, each through `check
 * --json` and `generate --json`, and the sheets the .xlsx package writer added read back with exceljs.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  ELDERLY,
  ROADS,
  TRAINING,
  addProjectSheet,
  projectSheet,
  stackedSheet,
} from "../fixtures/project-forms";
import { buildXlsx, editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import type { GenerateEnvelope, ProjectEnvelope } from "../../src/cli/generate-envelope";
import { runCli, SAMPLE_XLSX } from "./run-cli";

/** A project of the envelope as the tests read it (scored: the report was written). */
type Project = ProjectEnvelope & {
  readonly budget: NonNullable<ProjectEnvelope["budget"]>;
  readonly score: NonNullable<ProjectEnvelope["score"]>;
};
type Envelope = GenerateEnvelope & { readonly projects: readonly Project[] };

async function generated(
  input: string,
  lang = "zh-CN",
): Promise<{ envelope: Envelope; out: string; code: number }> {
  const out = join(mkdtempSync(join(tmpdir(), "selfeval-projects-")), "out.xlsx");
  const r = await runCli(["generate", input, "--out", out, "--json", "--lang", lang]);
  expect(r.stderr).toBe("");
  return { envelope: JSON.parse(r.stdout), out, code: r.code };
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const text = (ws: ExcelJS.Worksheet, address: string): unknown => ws.getCell(address).value;

describe("a workbook of three project sheets", () => {
  let input: string;
  /**
   * `generate --json` on the three forms, run once for the three tests that read its envelope or its output: none of
   * them writes to either, so running it again for each only repeated the same generate.
   */
  let generatedOnce: ReturnType<typeof generated> | undefined;
  const generatedInput = () => (generatedOnce ??= generated(input));
  beforeAll(async () => {
    input = writeTempFile(
      "三个项目.xlsx",
      await buildXlsx([
        projectSheet("项目一", TRAINING),
        projectSheet("项目二", ROADS),
        projectSheet("项目三", ELDERLY),
      ]),
    );
  });

  it("check --json: one table of kind project per form, with its name", async () => {
    const r = await runCli(["check", input, "--json"]);
    expect(r.code).toBe(1); // 社区养老服务项目's typed 总分 is not the sum of its typed scores
    const envelope = JSON.parse(r.stdout);
    expect(envelope.tables).toEqual([
      { kind: "project", sheet: "项目一", range: "A1:H19", unit: "万元", name: "职业技能培训项目" },
      { kind: "project", sheet: "项目二", range: "A1:H19", unit: "万元", name: "农村公路养护项目" },
      { kind: "project", sheet: "项目三", range: "A1:H19", unit: "万元", name: "社区养老服务项目" },
    ]);
    expect(envelope.findings.map((f: { rule: string }) => f.rule)).not.toContain("table.missing");
    expect(envelope.findings[0]).toMatchObject({
      rule: "review.total-sum",
      severity: "error",
      cells: [{ sheet: "项目三", address: "G18" }],
      project: "社区养老服务项目",
    });
  });

  it("generate --json: exit 0, no department score, each project's funds in 元 and its score", async () => {
    const { envelope, code } = await generatedInput();
    expect(code).toBe(0);
    expect(envelope.score).toBeNull();
    expect(envelope.budget).toBeNull();
    expect(
      envelope.projects.map((p: Project) => [
        p.name,
        p.sheet,
        p.budget.total,
        p.score.total,
        p.score.grade,
        p.score.execution,
      ]),
    ).toEqual([
      ["职业技能培训项目", "项目一", { initial: 1000000, budget: 1200000, executed: 1200000 }, 100, "优", 10],
      [
        "农村公路养护项目",
        "项目二",
        { initial: 2000000, budget: 2000000, executed: 1500000 },
        93.5,
        "优",
        7.5,
      ],
      ["社区养老服务项目", "项目三", { initial: 800000, budget: 800000, executed: 400000 }, 81, "良", 5],
    ]);
    expect(envelope.projects[0].budget.sources).toEqual({
      当年财政拨款: { initial: 1000000, budget: 1000000, executed: 1000000 },
      其他资金: { initial: null, budget: null, executed: null },
      上年结转资金: { initial: null, budget: 200000, executed: 200000 },
    });
    expect(envelope.projects[2].score.indicators[4]).toEqual({
      level1: "效益指标",
      level2: "社会效益指标",
      name: "带动就业人数",
      target: "≥100人",
      actual: "30人",
      weight: 20,
      score: 6,
      method: "20×30/100=6.00",
    });
  });

  it("writes the 项目汇总 and one printable 项目支出绩效自评表 per project", async () => {
    const { out } = await generatedInput();
    const wb = await workbook(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "项目一",
      "项目二",
      "项目三",
      "项目汇总",
      "项目-职业技能培训项目",
      "项目-农村公路养护项目",
      "项目-社区养老服务项目",
      "核查结果",
      "_selfeval",
    ]);
    const sheet = wb.getWorksheet("项目-社区养老服务项目") as ExcelJS.Worksheet;
    // The banner of the form's error, then the title and the head.
    expect(text(sheet, "A1")).toEqual({
      text: "核查发现 1 项错误，详见核查结果",
      hyperlink: "#'核查结果'!A1",
    });
    expect(text(sheet, "A2")).toBe("2023年度项目支出绩效自评表");
    expect([text(sheet, "A4"), text(sheet, "C4")]).toEqual(["项目名称", "社区养老服务项目"]);
    expect([text(sheet, "A5"), text(sheet, "C5"), text(sheet, "E5"), text(sheet, "G5")]).toEqual([
      "主管部门",
      "某某县民政局",
      "实施单位",
      "某某县社会福利中心",
    ]);
    expect(text(sheet, "A6")).toBe("项目资金（万元）");
    expect([7, 8, 9, 10].map((r) => text(sheet, `A${r}`))).toEqual([
      "年度资金总额",
      "其中：当年财政拨款",
      "上年结转资金",
      "其他资金",
    ]);
    expect([
      text(sheet, "C7"),
      text(sheet, "D7"),
      text(sheet, "E7"),
      text(sheet, "G7"),
      text(sheet, "H7"),
    ]).toEqual([80, 80, 40, 0.5, 5]);
    const values = sheet
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string");
    expect(values).toEqual(expect.arrayContaining(["单位负责人：", "财务负责人：", "填表人：", "良"]));
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
    });

    const summary = wb.getWorksheet("项目汇总") as ExcelJS.Worksheet;
    expect(text(summary, "A1")).toBe("2023年度项目支出绩效自评汇总表");
    const row = (r: number) =>
      ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => summary.getCell(`${c}${r}`).value);
    expect(row(3)).toEqual([
      "序号",
      "项目名称",
      "全年预算数",
      "全年执行数",
      "执行率",
      "总分",
      "等级",
      "错误",
    ]);
    expect(row(4).map((v) => (typeof v === "object" && v !== null && "text" in v ? v.text : v))).toEqual([
      1,
      "职业技能培训项目",
      120,
      120,
      1,
      100,
      "优",
      0,
    ]);
    expect(row(6).slice(2)).toEqual([80, 40, 0.5, 81, "良", 1]);
    expect(row(7)).toEqual(["合计", "合计", 400, 310, 0.775, null, null, 1]);
  });

  it("a re-run on its own output reads the user's three forms only, and replaces our sheets", async () => {
    const first = await generatedInput();
    const second = await generated(first.out);
    expect(second.envelope.projects.map((p: { sheet: string }) => p.sheet)).toEqual([
      "项目一",
      "项目二",
      "项目三",
    ]);
    const wb = await workbook(second.out);
    expect(wb.worksheets.map((ws) => ws.name).filter((n) => n.startsWith("项目-"))).toEqual([
      "项目-职业技能培训项目",
      "项目-农村公路养护项目",
      "项目-社区养老服务项目",
    ]);
  });

  it("never takes the name of a sheet of the user's: ours becomes “名 (2)”", async () => {
    const bytes = await editXlsx(readFileSync(input), (wb) => {
      wb.addWorksheet("项目-职业技能培训项目").getCell("A1").value = "我的笔记";
    });
    const { out } = await generated(writeTempFile("有同名.xlsx", bytes));
    const wb = await workbook(out);
    expect(text(wb.getWorksheet("项目-职业技能培训项目") as ExcelJS.Worksheet, "A1")).toBe("我的笔记");
    expect(text(wb.getWorksheet("项目-职业技能培训项目 (2)") as ExcelJS.Worksheet, "A1")).toBe(
      "2023年度项目支出绩效自评表",
    );
  });
});

describe("two forms stacked on one sheet", () => {
  it("are two projects of the one sheet, each with its own printed sheet", async () => {
    const input = writeTempFile("叠放.xlsx", await buildXlsx([stackedSheet("项目表", [TRAINING, ROADS])]));
    const check = JSON.parse((await runCli(["check", input, "--json"])).stdout);
    expect(check.tables.map((t: { range: string; name: string }) => `${t.range} ${t.name}`)).toEqual([
      "A1:H19 职业技能培训项目",
      "A22:H40 农村公路养护项目",
    ]);
    const { envelope, out, code } = await generated(input);
    expect(code).toBe(0);
    expect(envelope.projects.map((p: Project) => [p.name, p.sheet, p.score.total])).toEqual([
      ["职业技能培训项目", "项目表", 100],
      ["农村公路养护项目", "项目表", 93.5],
    ]);
    const wb = await workbook(out);
    expect(text(wb.getWorksheet("项目-农村公路养护项目") as ExcelJS.Worksheet, "C3")).toBe(
      "农村公路养护项目",
    );
    expect(text(wb.getWorksheet("项目-农村公路养护项目") as ExcelJS.Worksheet, "H7")).toBe(7.5);
  });
});

describe("the department's tables beside project forms", () => {
  it("scores the department as before, the projects on their own, and the 自评报告 speaks of the projects", async () => {
    const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
      addProjectSheet(wb, "项目一", TRAINING);
      addProjectSheet(wb, "项目二", ELDERLY);
    });
    const input = writeTempFile("部门和项目.xlsx", bytes);
    const { envelope, out, code } = await generated(input);
    expect(code).toBe(0);
    expect(envelope.score?.total).toBe(99.78);
    expect(envelope.tables.map((t: { kind: string }) => t.kind)).toEqual([
      "budget",
      "expenditure",
      "indicators",
      "info",
      "project",
      "project",
    ]);
    expect(envelope.projects.map((p: Project) => [p.name, p.score.total, p.score.grade])).toEqual([
      ["职业技能培训项目", 100, "优"],
      ["社区养老服务项目", 81, "良"],
    ]);
    const wb = await workbook(out);
    expect(wb.worksheets.map((ws) => ws.name).slice(6)).toEqual([
      "绩效自评表",
      "自评报告",
      "项目汇总",
      "项目-职业技能培训项目",
      "项目-社区养老服务项目",
      "核查结果",
      "_selfeval",
    ]);
    const report = (wb.getWorksheet("自评报告") as ExcelJS.Worksheet)
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === "string");
    expect(report).toContain(
      "　　本年度共对2个项目开展绩效自评，全年预算数合计200.00万元，全年执行数合计160.00万元。评价等级为“优”1个、“良”1个。得分最低的是“社区养老服务项目”，81分，评价等级“良”，主要原因：预算执行率50.00%；“带动就业人数”未达目标（受市场影响，部分学员尚未就业）。",
    );
  });
});

describe("selfeval review lists each project of each file", () => {
  it("in the JSON and on a sheet of its own; 表式 项目支出 for a filing of project forms only", async () => {
    const folder = mkdtempSync(join(tmpdir(), "selfeval-review-projects-"));
    const three = await buildXlsx([
      projectSheet("项目一", TRAINING),
      projectSheet("项目二", ROADS),
      projectSheet("项目三", ELDERLY),
    ]);
    writeFileSync(join(folder, "a-三个项目.xlsx"), three);
    copyFileSync(SAMPLE_XLSX, join(folder, "b-部门.xlsx"));
    const out = join(mkdtempSync(join(tmpdir(), "selfeval-review-out-")), "汇总.xlsx");
    const r = await runCli(["review", folder, "--out", out, "--json", "--workers", "0"]);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files;
    expect(
      files.map((f: { file: string; score: number | null; projects: unknown[] }) => [
        f.file,
        f.score,
        f.projects.length,
      ]),
    ).toEqual([
      ["a-三个项目.xlsx", null, 3],
      ["b-部门.xlsx", 99.78, 0],
    ]);
    expect(files[0].projects[2]).toEqual({
      name: "社区养老服务项目",
      sheet: "项目三",
      score: 81,
      grade: "良",
      errors: 1,
      warnings: 3,
    });
    const wb = await workbook(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "全部问题", "按规则统计", "项目"]);
    expect((wb.getWorksheet("汇总") as ExcelJS.Worksheet).getCell("D2").value).toBe("项目支出");
    const projects = wb.getWorksheet("项目") as ExcelJS.Worksheet;
    expect((projects.getRow(1).values as unknown[]).slice(1)).toEqual([
      "文件",
      "项目名称",
      "工作表",
      "规则总分",
      "评价等级",
      "预算执行率",
      "错误",
      "警告",
    ]);
    expect((projects.getRow(3).values as unknown[]).slice(1)).toEqual([
      "a-三个项目.xlsx",
      "农村公路养护项目",
      "项目二",
      93.5,
      "优",
      0.75,
      0,
      1,
    ]);
  });
});
