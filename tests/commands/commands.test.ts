/**
 * The ribbon's function commands: both names are associated with Office, every path completes the event (or the
 * ribbon button stays busy), the work is the pane's pipeline (report written, the right sheet shown), and the
 * commands bundle never pulls in React or Fluent UI.
 */
import * as path from "node:path";
import { createOfficeHost } from "../../src/app/hosts";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import {
  COMMAND_NAMES,
  completeAfter,
  generateReport,
  registerCommands,
  runCheck,
  type CommandContext,
  type CommandEvent,
  type OfficeActionsLike,
} from "../../src/commands/commands";
import { toGatewayError } from "../../src/gateway/office/errors";
import { FakeWorkbookHost } from "../app/fake-host";
import { packagesImportedFrom } from "../app/imports";
import { BUDGET_SHEET, FIXTURE_SHEETS, fixtureSnapshot } from "../app/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { sheet, workbook } from "../helpers/grid";

function event(): CommandEvent & { completed: jest.Mock } {
  return { completed: jest.fn() };
}

test("registers generateReport and runCheck with Office.actions.associate after signalling readiness", () => {
  const associate = jest.fn();
  const onReady = jest.fn();
  const office: OfficeActionsLike = { onReady, actions: { associate } };
  expect(registerCommands(office)).toEqual(["generateReport", "runCheck"]);
  expect(onReady).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls.map((call) => call[0])).toEqual(["generateReport", "runCheck"]);
});

/** Runs a command and lets it settle, with the console silenced; returns what was logged. */
async function runQuietly(
  command: (e: CommandEvent, c: () => CommandContext) => Promise<void>,
  context: () => CommandContext,
) {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const warnings = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const e = event();
  try {
    await command(e, context);
    return {
      event: e,
      errors: errors.mock.calls.map((c) => c[1] as unknown),
      warnings: warnings.mock.calls.length,
    };
  } finally {
    errors.mockRestore();
    warnings.mockRestore();
  }
}

test("the associated handlers run the pipeline and complete the event", async () => {
  const handlers = new Map<string, (event: CommandEvent) => void>();
  const host = new FakeWorkbookHost(fixtureSnapshot());
  registerCommands(
    { onReady: () => undefined, actions: { associate: (name, handler) => handlers.set(name, handler) } },
    () => ({ host, uiLang: "zh-CN" }),
  );
  for (const name of COMMAND_NAMES) {
    const e = event();
    handlers.get(name)?.(e);
    // Office does not wait for the handler's promise either: poll until the event is completed (a handler that
    // never completes is ended by the suite's test timeout, not by a budget of its own).
    while (e.completed.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(e.completed).toHaveBeenCalledTimes(1);
  }
  expect(host.calls).toEqual([
    "loadSettings",
    "read",
    "writeReport",
    "loadSettings",
    "read",
    "writeReport",
    "selectCells",
  ]);
});

describe("generateReport", () => {
  test("writes the report in the language the workbook's settings choose and completes the event once", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    host.settings = { ...DEFAULT_SETTINGS, reportLang: "en-US" };
    const { event: e, errors } = await runQuietly(generateReport, () => ({ host, uiLang: "zh-CN" }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);
    expect(host.written.map((spec) => spec.sheets.map((s) => s.name))).toEqual([
      ["Self-Evaluation Table", "Self-Evaluation Report", "Check Results"],
    ]);
  });

  test("without the tables for a report it writes the 核查结果 sheet alone (no 自评表 or 自评报告) and shows it", async () => {
    const host = new FakeWorkbookHost(
      workbook(sheet("表1", BUDGET_SHEET.rows, { merges: BUDGET_SHEET.merges })),
    );
    host.settings = { ...DEFAULT_SETTINGS, reportLang: "en-US" };
    const {
      event: e,
      errors,
      warnings,
    } = await runQuietly(generateReport, () => ({ host, uiLang: "zh-CN" }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect([errors, warnings]).toEqual([[], 0]);
    expect(host.calls).toEqual(["loadSettings", "read", "writeReport", "selectCells"]);
    expect(host.written.map((spec) => spec.sheets.map((s) => [s.key, s.name]))).toEqual([
      [["findings", "Check Results"]],
    ]);
    expect(host.selections).toEqual([{ sheet: "Check Results", addresses: ["A1"] }]);
  });

  test("a failure (the user is editing a cell) still completes the event, and is logged, not thrown", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const editMode = toGatewayError({ code: "InvalidOperationInCellEditMode" });
    host.fail("writeReport", editMode);
    const { event: e, errors } = await runQuietly(generateReport, () => ({ host, uiLang: "zh-CN" }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([editMode]);
  });

  test("without office.js the command still completes its event", async () => {
    const { event: e, errors } = await runQuietly(generateReport, () => ({
      host: createOfficeHost(),
      uiLang: "zh-CN",
    }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ problem: "office-not-ready" });
  });

  test("a context that cannot be made at all still completes the event", async () => {
    const { event: e, errors } = await runQuietly(generateReport, () => {
      throw new Error("no context");
    });
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
  });
});

describe("runCheck", () => {
  test("writes the report sheets and shows the 核查结果 sheet", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const { event: e } = await runQuietly(runCheck, () => ({ host, uiLang: "zh-CN" }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(host.calls).toEqual(["loadSettings", "read", "writeReport", "selectCells"]);
    expect(host.selections).toEqual([{ sheet: "核查结果", addresses: ["A1"] }]);
  });

  test("without the tables for a report it writes the 核查结果 sheet alone and shows it", async () => {
    const host = new FakeWorkbookHost(
      workbook(sheet("表1", BUDGET_SHEET.rows, { merges: BUDGET_SHEET.merges })),
    );
    const { event: e, errors, warnings } = await runQuietly(runCheck, () => ({ host, uiLang: "zh-CN" }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect([errors, warnings]).toEqual([[], 0]);
    expect(host.calls).toEqual(["loadSettings", "read", "writeReport", "selectCells"]);
    expect(host.written.map((spec) => spec.sheets.map((s) => s.name))).toEqual([["核查结果"]]);
    expect(host.selections).toEqual([{ sheet: "核查结果", addresses: ["A1"] }]);
  });

  test("a failing read still completes the event", async () => {
    const host = new FakeWorkbookHost(fixtureSnapshot());
    const failure = new Error("network");
    host.fail("read", failure);
    const { event: e, errors } = await runQuietly(runCheck, () => ({ host, uiLang: "zh-CN" }));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([failure]);
  });

  test("on the Excel fake: the findings sheet is written and active", async () => {
    const excel = new FakeExcel();
    for (const s of FIXTURE_SHEETS) excel.addSheet(s.name, { rows: s.rows as never, merges: s.merges });
    const restore = excel.installOfficeGlobal();
    try {
      const host = createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
      const { event: e, errors } = await runQuietly(runCheck, () => ({ host, uiLang: "zh-CN" }));
      expect(errors).toEqual([]);
      expect(e.completed).toHaveBeenCalledTimes(1);
      expect(excel.model.active?.name).toBe("核查结果");
      expect(excel.sheetNames()).toEqual([
        "表1 预算执行",
        "表2 绩效指标",
        "绩效自评表",
        "自评报告",
        "核查结果",
        "_selfeval",
      ]);
    } finally {
      restore();
    }
  });
});

describe("on the Excel fake, a workbook without the indicators table", () => {
  /** The user's budget sheet and a sheet of notes: what the commands must leave exactly as they are. */
  function budgetOnly(): FakeExcel {
    const excel = new FakeExcel();
    excel.addSheet(BUDGET_SHEET.name, { rows: BUDGET_SHEET.rows as never, merges: BUDGET_SHEET.merges });
    excel.addSheet("备注", { rows: [["指标表待财务科补充"]] });
    return excel;
  }

  /** Everything of the user's sheets the commands could change, as JSON text. */
  function userSheets(excel: FakeExcel): string {
    const user = excel.model.sheets.filter((s) => s.name === BUDGET_SHEET.name || s.name === "备注");
    return JSON.stringify(
      user.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells].sort(([a], [b]) => a - b),
        merges: s.merges,
        columnWidths: [...s.columnWidths],
        rowHeights: [...s.rowHeights],
      })),
    );
  }

  async function runOn(
    excel: FakeExcel,
    command: (e: CommandEvent, c: () => CommandContext) => Promise<void>,
  ) {
    const restore = excel.installOfficeGlobal();
    try {
      const host = createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
      return await runQuietly(command, () => ({ host, uiLang: "zh-CN" }));
    } finally {
      restore();
    }
  }

  /** The 说明 column (H) of the written 核查结果 sheet, below its header row. */
  function messages(excel: FakeExcel): string[] {
    const rows: string[] = [];
    for (let r = 3; r < 20; r++) {
      const v = excel.sheet("核查结果").cell(r, 7).value;
      if (typeof v === "string") rows.push(v);
    }
    return rows;
  }

  for (const [name, command] of [
    ["一致性检查 (runCheck)", runCheck],
    ["一键生成自评 (generateReport)", generateReport],
  ] as const) {
    test(`${name}: the 核查结果 sheet is written and active, the user's sheets untouched`, async () => {
      const excel = budgetOnly();
      const before = userSheets(excel);
      const { event: e, errors, warnings } = await runOn(excel, command);
      expect([errors, warnings]).toEqual([[], 0]);
      expect(e.completed).toHaveBeenCalledTimes(1);
      expect(excel.sheetNames()).toEqual([BUDGET_SHEET.name, "备注", "核查结果", "_selfeval"]);
      expect(excel.model.active?.name).toBe("核查结果");
      // Grouped by severity then table, as the pane: the budget block's error comes before the missing indicators.
      expect(messages(excel)[1]).toBe(
        "工作簿中没有找到绩效指标表（指标、指标值、完成值、分值），无法生成自评报告。请检查表头文字，或点击“插入模板”按模板填写。",
      );
      expect(userSheets(excel)).toBe(before);
    });
  }

  test("a re-run after the indicators table is lost replaces our 自评表 and 自评报告 with the 核查结果 alone", async () => {
    const excel = new FakeExcel();
    for (const s of FIXTURE_SHEETS) excel.addSheet(s.name, { rows: s.rows as never, merges: s.merges });
    await runOn(excel, generateReport);
    expect(excel.sheetNames()).toEqual([
      ...FIXTURE_SHEETS.map((s) => s.name),
      "绩效自评表",
      "自评报告",
      "核查结果",
      "_selfeval",
    ]);
    // The user retitles the indicators' name column: the table is no longer recognised.
    excel.type("表2 绩效指标", "C2", "备注");
    const { event: e, errors } = await runOn(excel, runCheck);
    expect(errors).toEqual([]);
    expect(e.completed).toHaveBeenCalledTimes(1);
    // The very hidden marker keeps its place from the first run; the new sheet is added after it.
    expect(excel.sheetNames()).toEqual([...FIXTURE_SHEETS.map((s) => s.name), "_selfeval", "核查结果"]);
    expect(excel.model.active?.name).toBe("核查结果");
    expect(excel.sheet("表2 绩效指标").at("C2").value).toBe("备注");
  });
});

test("a failing command still completes its event, and the failure is logged, not thrown", async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const e = event();
    await expect(
      completeAfter(e, async () => {
        throw new Error("sheet is protected");
      }),
    ).resolves.toBeUndefined();
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
  } finally {
    errors.mockRestore();
  }
});

test("the commands bundle imports neither React nor Fluent UI nor exceljs", () => {
  const packages = [...packagesImportedFrom(path.resolve(__dirname, "../../src/commands/commands.ts"))];
  expect(packages.filter((p) => /^(react|react-dom|exceljs)(\/|$)|^@fluentui\//.test(p))).toEqual([]);
});

test("the task pane's Excel path does not import exceljs (the preview loads it lazily)", () => {
  const packages = [
    ...packagesImportedFrom(path.resolve(__dirname, "../../src/taskpane/index.tsx"), { dynamic: false }),
  ];
  expect(packages.filter((p) => /^exceljs(\/|$)/.test(p))).toEqual([]);
  expect(packages).toContain("react");
});
