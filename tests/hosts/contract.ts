/**
 * The contract every WorkbookHost keeps, as one reusable suite: given a factory that opens an .xlsx in a host (over
 * that host's fake), it checks read → writeReport → a re-run replaces only our sheets → highlight / clear restores the
 * fills → settings round-trip → 出错说明 round-trip and lapse → a protected sheet is refused with the localized
 * error → 插入模板 adds the four input sheets, or one project form (refused, with nothing added, on a protected workbook structure). Run it with
 * `runHostContract("name", factory)` from a *.test.ts file; the WPS fake runs it in wps.contract.test.ts, and the
 * Office.js fake can run it with a harness over tests/excel/xlsx-in-fake.ts.
 */
import type { WorkbookHost } from "../../src/app/host";
import { describeError, problemOf } from "../../src/app/errors";
import {
  check,
  generate,
  checkToSheet,
  confirm,
  unconfirm,
  markFindings,
  clearMarks,
  insertTemplate,
} from "../../src/app/pipeline";
import { EMPTY_CONFIRMATIONS } from "../../src/engine/confirmations";
import { MARKER_SHEET_NAME } from "../../src/engine/report/sheet-names";
import { DEFAULT_SETTINGS, toScoreOptions, type AppSettings } from "../../src/app/settings";
import type { Finding } from "../../src/engine/findings";
import { evaluationYear } from "../../src/engine/template";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { BUDGET_SHEET, INDICATORS_SHEET, type FixtureSheet } from "../app/fixtures";
import { buildXlsx, type XlsxSheetSpec } from "../fixtures/xlsx-builders";
import { ROADS, TRAINING, projectSheet } from "../fixtures/project-forms";

/** What the suite needs to see and do in the workbook behind a host, besides the host itself. */
export interface HostHarness {
  readonly host: WorkbookHost;
  /** A second host over the same workbook, as after closing the pane and opening it again. */
  reopen(): WorkbookHost;
  /** Sheet names in tab order, hidden ones included. */
  sheetNames(): string[];
  /** A cell's value as the host holds it (undefined or null when empty). */
  valueAt(sheet: string, address: string): unknown;
  /** A cell's solid fill "#RRGGBB" (upper case), or null for no fill. */
  fillAt(sheet: string, address: string): string | null;
  /** Gives a cell a solid fill, as the user would. */
  setFill(sheet: string, address: string, color: string): void;
  /** Types a value into a cell, as the user would. */
  setValue(sheet: string, address: string, value: string | number): void;
  /** Protects a sheet (its cells can no longer be changed). */
  protectSheet(sheet: string): void;
  /** Protects the workbook's structure (no sheet can be added, deleted or renamed). */
  protectStructure(): void;
  /** The name of the sheet the user sees, or null. */
  activeSheet(): string | null;
}

export type HostFactory = (xlsx: Buffer) => Promise<HostHarness>;

const OPTIONS = toScoreOptions(DEFAULT_SETTINGS);

/** A fixture sheet as the .xlsx builder takes it (its rows hold only text, numbers and blanks). */
export function fixtureXlsxSheet(s: FixtureSheet): XlsxSheetSpec {
  const rows = s.rows.map((line) =>
    line.map((v) => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)),
  );
  return { name: s.name, rows, merges: s.merges };
}

/** The budget block (whose by-nature parts miss the total: an error with cells) and the indicators. */
function contractWorkbook(extra: { name: string; cells: Record<string, string> }[] = []): Promise<Buffer> {
  return buildXlsx([...[BUDGET_SHEET, INDICATORS_SHEET].map(fixtureXlsxSheet), ...extra]);
}

function withCells(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.cells.length > 0);
}

export function runHostContract(name: string, open: HostFactory): void {
  describe(`host contract: ${name}`, () => {
    test("read gives the user's sheets as the .xlsx reader does", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      expect(await h.host.read()).toEqual(await readXlsxBuffer(bytes, { formulas: false }));
    });

    test("writeReport adds our three sheets; a re-read leaves them out", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      const before = await h.host.read();
      const outcome = await generate(h.host, OPTIONS, "zh-CN");
      expect(outcome.sheets).toEqual({ table: "绩效自评表", report: "自评报告", findings: "核查结果" });
      const names = h.sheetNames();
      for (const sheet of Object.values(outcome.sheets)) expect(names).toContain(sheet);
      expect(await h.host.read()).toEqual(before);
      // The fixture has errors, so the banner leads the sheet and the title follows it.
      expect(h.valueAt("绩效自评表", "A1")).toBe("核查发现 3 项错误，详见核查结果");
      expect(h.valueAt("绩效自评表", "A2")).toEqual(expect.stringContaining("自评表"));
    });

    test("check after generate reads the user's sheets only: our 项目汇总 and 项目-… sheets add no table or finding", async () => {
      const bytes = await buildXlsx([
        ...[BUDGET_SHEET, INDICATORS_SHEET].map(fixtureXlsxSheet),
        projectSheet("项目一", TRAINING),
        projectSheet("项目二", ROADS),
      ]);
      const h = await open(bytes);
      const before = (await check(h.host, OPTIONS)).evaluation;
      expect(before.tables.filter((t) => t.kind === "project").map((t) => t.sheet)).toEqual([
        "项目一",
        "项目二",
      ]);
      await generate(h.host, OPTIONS, "zh-CN");
      expect(h.sheetNames()).toEqual(
        expect.arrayContaining(["项目汇总", "项目-职业技能培训项目", "项目-农村公路养护项目"]),
      );
      const after = (await check(h.host, OPTIONS)).evaluation;
      expect(after.tables).toEqual(before.tables);
      expect(after.findings).toEqual(before.findings);
      expect(after.summary).toEqual(before.summary);
    });

    test("a re-run replaces only our sheets: the user's 核查结果 and edits stay", async () => {
      const bytes = await contractWorkbook([{ name: "核查结果", cells: { A1: "我的备注" } }]);
      const h = await open(bytes);
      const first = await generate(h.host, OPTIONS, "zh-CN");
      expect(first.sheets.findings).toBe("核查结果 (2)");
      // Which sheets exist, not their tab order (hosts may place the very-hidden marker differently).
      const afterFirst = [...h.sheetNames()].sort();
      const second = await generate(h.host, OPTIONS, "zh-CN");
      expect(second.sheets).toEqual(first.sheets);
      expect([...h.sheetNames()].sort()).toEqual(afterFirst);
      expect(h.valueAt("核查结果", "A1")).toBe("我的备注");
      // A sheet of ours the user wrote notes under is theirs now: the next run leaves it and takes a new name.
      h.setValue("自评报告", "H200", "领导批示");
      const third = await checkToSheet(h.host, OPTIONS, "zh-CN");
      expect(third.sheets).toEqual({ table: "绩效自评表", report: "自评报告 (2)", findings: "核查结果 (2)" });
      expect(h.valueAt("自评报告", "H200")).toBe("领导批示");
    });

    test("highlight colours the findings' cells and clear restores the fills exactly, also after reopening", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      const { evaluation } = await generate(h.host, OPTIONS, "zh-CN");
      const findings = withCells(evaluation.findings);
      expect(findings.length).toBeGreaterThan(0);
      const target = findings[0].cells[0];
      const first = target.address.split(":")[0];
      h.setFill(target.sheet, first, "#00B0F0");
      const untouched = findings.flatMap((f) => f.cells).find((c) => c.address !== target.address);

      const marked = await markFindings(h.host, findings);
      expect(marked.cells).toBeGreaterThan(0);
      expect(marked.protectedSheets).toEqual([]);
      expect(h.fillAt(target.sheet, first)).not.toBe("#00B0F0");
      expect(h.fillAt(target.sheet, first)).not.toBeNull();

      const cleared = await clearMarks(h.reopen());
      expect(cleared.cells).toBe(marked.cells);
      expect(h.fillAt(target.sheet, first)).toBe("#00B0F0");
      if (untouched) expect(h.fillAt(untouched.sheet, untouched.address.split(":")[0])).toBeNull();
      // Nothing left to restore.
      expect((await clearMarks(h.host)).cells).toBe(0);
    });

    test("highlight skips a protected sheet and names it", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      const { evaluation } = await generate(h.host, OPTIONS, "zh-CN");
      const findings = withCells(evaluation.findings);
      const sheet = findings[0].cells[0].sheet;
      h.protectSheet(sheet);
      const marked = await markFindings(h.host, findings);
      expect(marked.protectedSheets).toEqual([sheet]);
    });

    test("settings round-trip through the workbook", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      expect(await h.host.loadSettings()).toEqual(DEFAULT_SETTINGS);
      const chosen: AppSettings = {
        ...DEFAULT_SETTINGS,
        toleranceInUnit: 0.05,
        reportLang: "en-US",
        executionCaps: true,
        qualitativeDefaults: { met: 95, partial: 65, unmet: 20 },
      };
      await h.host.saveSettings(chosen);
      expect(await h.reopen().loadSettings()).toEqual(chosen);
      // Saving settings adds no sheet the user can see, and the report still replaces only ours.
      await generate(h.host, OPTIONS, "zh-CN");
      expect(await h.reopen().loadSettings()).toEqual(chosen);
    });

    test("insertTemplate adds the four input sheets after the user's, never over one, and they read back clean", async () => {
      const bytes = await buildXlsx([{ name: "绩效指标", cells: { A1: "用户自己的表" } }]);
      const h = await open(bytes);
      const names = await insertTemplate(h.host, "zh-CN");
      expect(names).toEqual(["预算执行情况", "支出决算表", "绩效指标 (2)", "部门基本情况"]);
      expect(h.sheetNames().filter((n) => !n.startsWith("_"))).toEqual(["绩效指标", ...names]);
      expect(h.activeSheet()).toBe("预算执行情况");
      expect(h.valueAt("绩效指标", "A1")).toBe("用户自己的表");
      expect(h.valueAt("预算执行情况", "A1")).toBe(
        `${evaluationYear(new Date())}年度部门整体支出预算执行情况表`,
      );
      expect(h.valueAt("预算执行情况", "D2")).toBe("单位：万元");
      expect(h.valueAt("预算执行情况", "A5")).toBe("年度资金总额");
      expect(h.valueAt("预算执行情况", "D5")).toBe(110);
      expect(h.valueAt("绩效指标 (2)", "D5")).toBe("100%");
      // The example figures add up: the one finding is the placeholder 部门名称 the user fills in.
      const { evaluation } = await check(h.host, OPTIONS);
      expect(evaluation.findings.map((f) => [f.rule, f.cells])).toEqual([
        ["quality.placeholder", [{ sheet: "部门基本情况", address: "B4" }]],
      ]);
      expect(evaluation.tables.map((t) => t.kind)).toEqual(["budget", "expenditure", "indicators", "info"]);
      expect(evaluation.score?.total).toBe(99.17);
    });

    test("insertTemplate of a project form adds one 项目支出绩效自评表, never over a user sheet, read back as one project", async () => {
      const bytes = await buildXlsx([{ name: "项目支出绩效自评表", cells: { A1: "用户自己的项目表" } }]);
      const h = await open(bytes);
      const names = await insertTemplate(h.host, "zh-CN", "project");
      expect(names).toEqual(["项目支出绩效自评表 (2)"]);
      expect(h.sheetNames().filter((n) => !n.startsWith("_"))).toEqual(["项目支出绩效自评表", ...names]);
      expect(h.activeSheet()).toBe("项目支出绩效自评表 (2)");
      expect(h.valueAt("项目支出绩效自评表", "A1")).toBe("用户自己的项目表");
      const form = "项目支出绩效自评表 (2)";
      expect(h.valueAt(form, "A1")).toBe(`${evaluationYear(new Date())}年度项目支出绩效自评表`);
      expect(h.valueAt(form, "C2")).toBe("××项目");
      expect(h.valueAt(form, "B5")).toBe("年度资金总额");
      expect(h.valueAt(form, "E5")).toBe(108);
      expect(h.valueAt(form, "G5")).toBe("90%");
      expect(h.valueAt(form, "A18")).toBe("总分");
      expect(h.valueAt(form, "G18")).toBe(99);
      // One project form, scored exactly; the one finding is the placeholder 项目名称 the user fills in.
      const { evaluation } = await check(h.host, OPTIONS);
      expect(evaluation.tables.map((t) => [t.kind, t.sheet])).toEqual([["project", form]]);
      expect(evaluation.projects.map((p) => [p.name, p.score?.total])).toEqual([["××项目", 99]]);
      expect(evaluation.findings.map((f) => [f.rule, f.cells])).toEqual([
        ["quality.placeholder", [{ sheet: form, address: "C2" }]],
      ]);
    });

    test("insertTemplate on a protected workbook structure: the localized error, no sheet added", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      h.protectStructure();
      const names = h.sheetNames();
      const error: unknown = await insertTemplate(h.host, "en-US").then(
        () => null,
        (e: unknown) => e,
      );
      expect(problemOf(error)).toBe("protected");
      expect(describeError(error, "zh-CN")).toBe(
        "工作簿结构受保护，无法添加或删除工作表。未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
      );
      expect(h.sheetNames()).toEqual(names);
    });

    test("出错说明 round-trip through the workbook, in no sheet the user sees, and lapse when a figure changes", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      expect(await h.host.loadConfirmations()).toEqual(EMPTY_CONFIRMATIONS);
      const names = h.sheetNames();
      const { evaluation } = await check(h.host, OPTIONS);
      const error = evaluation.findings.find((f) => f.rule === "sum.breakdown")!;
      expect(error.cells.map((c) => c.address)).toEqual(["D5", "D11", "D12"]);
      expect(evaluation.summary.error).toBe(3);

      const at = "2024-03-01T08:00:00.000Z";
      const done = await confirm(h.host, OPTIONS, error, "  乡镇合并后支出口径调整，差额为上年结转  ", {
        at,
      });
      const explained = done.evaluation.findings.find((f) => f.rule === "sum.breakdown")!;
      expect(explained.confirmation).toMatchObject({ text: "乡镇合并后支出口径调整，差额为上年结转", at });
      // Only the very-hidden marker may appear (WPS keeps its store there; Excel in a custom XML part).
      const userSheets = (): string[] => h.sheetNames().filter((n) => n !== MARKER_SHEET_NAME);
      expect(userSheets()).toEqual(names.filter((n) => n !== MARKER_SHEET_NAME));

      // Reopened: the explanation is read from the workbook; the error still counts, and the report says so.
      const again = await check(h.reopen(), OPTIONS);
      const stored = again.evaluation.findings.filter((f) => f.confirmation);
      expect(stored.map((f) => [f.rule, f.confirmation?.text])).toEqual([
        ["sum.breakdown", "乡镇合并后支出口径调整，差额为上年结转"],
      ]);
      expect(again.evaluation.summary.error).toBe(3);
      await generate(h.reopen(), OPTIONS, "zh-CN");
      expect(h.valueAt("绩效自评表", "A1")).toBe("核查发现 3 项错误，其中 1 项已说明，详见核查结果");
      expect(await h.reopen().read()).toEqual(await h.host.read());

      // A figure of the finding changes: the error stands with other figures, and the explanation lapses.
      h.setValue("表1 预算执行", "D11", 900.48);
      const changed = await check(h.reopen(), OPTIONS);
      const after = changed.evaluation.findings.find((f) => f.rule === "sum.breakdown")!;
      expect(after.confirmation).toBeUndefined();
      expect(changed.evaluation.lapsed.map((c) => [c.rule, c.cells, c.text])).toEqual([
        [
          "sum.breakdown",
          ["表1 预算执行!D5", "表1 预算执行!D11", "表1 预算执行!D12"],
          "乡镇合并后支出口径调整，差额为上年结转",
        ],
      ]);
      await generate(h.reopen(), OPTIONS, "zh-CN");
      expect(h.valueAt("绩效自评表", "A1")).toBe("核查发现 3 项错误，详见核查结果");

      // Explained again over the new figures, then withdrawn: nothing stays in the store.
      const renewed = await confirm(h.reopen(), OPTIONS, after, "差额为上年结转");
      expect(renewed.evaluation.lapsed).toEqual([]);
      expect((await h.reopen().loadConfirmations()).confirmations.map((c) => c.text)).toEqual([
        "差额为上年结转",
      ]);
      const withdrawn = await unconfirm(h.reopen(), OPTIONS, after);
      expect(withdrawn.evaluation.findings.some((f) => f.confirmation)).toBe(false);
      expect(await h.reopen().loadConfirmations()).toEqual(EMPTY_CONFIRMATIONS);
    });

    test("an explained warning leaves the counts", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      const { evaluation } = await check(h.host, OPTIONS);
      const warning = evaluation.findings.find((f) => f.severity === "warning")!;
      const before = evaluation.summary.warning;
      const done = await confirm(h.host, OPTIONS, warning, "已与主管部门核对");
      expect(done.evaluation.summary.warning).toBe(before - 1);
      expect((await check(h.reopen(), OPTIONS)).evaluation.summary.warning).toBe(before - 1);
    });

    test("our earlier sheet protected: writeReport is refused with the localized error, nothing written", async () => {
      const bytes = await contractWorkbook();
      const h = await open(bytes);
      await generate(h.host, OPTIONS, "zh-CN");
      h.protectSheet("核查结果");
      const names = h.sheetNames();
      const error: unknown = await generate(h.host, OPTIONS, "zh-CN").then(
        () => null,
        (e: unknown) => e,
      );
      expect(problemOf(error)).toBe("protected");
      expect(describeError(error, "zh-CN")).toBe(
        "工作表“核查结果”受保护。未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
      );
      expect(describeError(error, "en-US")).toBe(
        'The worksheet "核查结果" is protected. Nothing was written. Remove the protection on the Review tab and try again.',
      );
      expect(h.sheetNames()).toEqual(names);
    });
  });
}
