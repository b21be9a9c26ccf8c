/**
 * A workbook `generate` has written into is checked as its user's sheets alone, by every .xlsx host: `selfeval check`
 * (the streaming read-only host), the package host `generate` and `review` use, and the preview's in-memory host. Our
 * 项目汇总 (a budget-like block) and 项目-… sheets (printable project forms) would otherwise be recognised as tables of
 * the user's — `check` reported each project twice ("项目名称…重复") and a 项目汇总 budget table. The Office.js and WPS
 * hosts are held to the same in the host contract (tests/hosts/contract.ts).
 */
import { readFileSync } from "fs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { openWorkbookFile, streamingWorkbookFile } from "../../src/cli/workbook";
import { XlsxWorkbookHost } from "../../src/gateway/xlsx/host";
import { ELDERLY, TRAINING, addProjectSheet } from "../fixtures/project-forms";
import { editXlsx, writeTempFile } from "../fixtures/xlsx-builders";
import { runCli, SAMPLE_XLSX } from "./run-cli";

let input: string;
let output: string;

beforeAll(async () => {
  // The sample's department tables and two project forms: generate adds 绩效自评表, 自评报告, 项目汇总, one 项目-… sheet
  // per project and 核查结果.
  const bytes = await editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
    addProjectSheet(wb, "项目一", TRAINING);
    addProjectSheet(wb, "项目二", ELDERLY);
  });
  input = writeTempFile("部门和项目.xlsx", bytes);
  output = join(mkdtempSync(join(tmpdir(), "selfeval-check-after-")), "已生成.xlsx");
  const generated = await runCli(["generate", input, "--out", output, "--json"]);
  expect(generated.stderr).toBe("");
  expect(generated.code).toBe(0);
});

const USER_TABLES = [
  ["表一 预算执行情况", "budget"],
  ["表二 支出决算表", "expenditure"],
  ["表三 绩效指标", "indicators"],
  ["部门基本情况", "info"],
  ["项目一", "project"],
  ["项目二", "project"],
];

test("selfeval check --json on the generated workbook: the user's six tables, the same findings as on the input", async () => {
  const before = JSON.parse((await runCli(["check", input, "--json"])).stdout);
  const after = await runCli(["check", output, "--json"]);
  expect(after.stderr).toBe("");
  const envelope = JSON.parse(after.stdout);
  expect(envelope.tables.map((t: { sheet: string; kind: string }) => [t.sheet, t.kind])).toEqual(USER_TABLES);
  expect(envelope.findings).toEqual(before.findings);
  expect(envelope.summary).toEqual(before.summary);
  expect(JSON.stringify(envelope.findings)).not.toContain("项目-");
});

test("selfeval check (text) names no sheet of ours", async () => {
  const after = await runCli(["check", output, "--lang", "zh-CN"]);
  expect(after.stdout).toContain("识别到 6 张表：");
  // As cell references ("<sheet>!A1"): 项目支出绩效自评表 is a table's name, not our sheet.
  for (const ours of [
    "项目汇总!",
    "项目-职业技能培训项目!",
    "项目-社区养老服务项目!",
    "绩效自评表!",
    "核查结果!",
  ])
    expect(after.stdout).not.toContain(ours);
});

describe("every .xlsx host reads the generated workbook as the input's sheets", () => {
  let inputSnapshot: Awaited<ReturnType<ReturnType<typeof streamingWorkbookFile>["read"]>>;
  beforeAll(async () => {
    inputSnapshot = await streamingWorkbookFile(input).read();
    expect(inputSnapshot.sheets.map((s) => s.name)).toEqual([
      "表一 预算执行情况",
      "表二 支出决算表",
      "表三 绩效指标",
      "部门基本情况",
      "项目一",
      "项目二",
    ]);
  });

  test("the streaming read-only host of selfeval check", async () => {
    expect(await streamingWorkbookFile(output).read()).toEqual(inputSnapshot);
  });

  test("the package host of generate and review", async () => {
    const host = await openWorkbookFile(output);
    expect(await host.read()).toEqual(inputSnapshot);
    expect(host.reportSheetNames).toEqual(
      expect.arrayContaining(["项目汇总", "项目-职业技能培训项目", "项目-社区养老服务项目"]),
    );
  });

  test("the preview's in-memory host", async () => {
    const host = await XlsxWorkbookHost.load(readFileSync(output));
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(inputSnapshot.sheets.map((s) => s.name));
  });
});
