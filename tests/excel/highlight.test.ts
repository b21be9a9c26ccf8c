import type { Finding } from "../../src/engine/findings";
import { localized } from "../../src/engine/i18n";
import { HIGHLIGHT_STORE_KEY } from "../../src/engine/marks";
import { clearHighlights, highlightFindings } from "../../src/gateway/office/highlight";
import { memoryStore, officeSettingsStore } from "../../src/gateway/office/store";
import { FakeExcel, type FakeCell } from "../fakes/excel-fake";

function finding(severity: Finding["severity"], cells: [string, string][]): Finding {
  return {
    rule: "sum.breakdown",
    severity,
    cells: cells.map(([sheet, address]) => ({ sheet, address })),
    table: "budget",
    expectedFen: 203_012_000,
    actualFen: 192_567_000,
    differenceFen: 10_445_000,
    unit: "万元",
    message: localized(
      "基本支出与项目支出之和不等于全年执行数",
      "Basic plus project spending differs from the total executed",
    ),
  };
}

/** 衡山县贯塘乡's nature breakdown that does not add up: 900.47 + 1025.20 ≠ 2030.12. */
function workbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("预算执行", {
    rows: [
      ["项目", "全年执行数"],
      ["年度资金总额", 2030.12],
      ["基本支出", 900.47],
      ["项目支出", 1025.2],
    ],
    // The user's own colouring: a yellow total and a grey header cell.
    fills: { B2: "#FFFF00", A1: "#D9D9D9" },
  });
  fake.addSheet("绩效指标", {
    rows: [
      ["三级指标", "实际完成值"],
      ["新签约项目数", "17个"],
    ],
  });
  return fake;
}

const fills = (fake: FakeExcel, sheet: string, addresses: string[]) =>
  addresses.map((a) => fake.sheet(sheet).at(a).fill);

describe("highlightFindings / clearHighlights", () => {
  let fake: FakeExcel;
  let restore: () => void;
  beforeEach(() => {
    fake = workbook();
    restore = fake.installOfficeGlobal();
  });
  afterEach(() => restore());

  const findings = [
    finding("error", [
      ["预算执行", "B2"],
      ["预算执行", "B3:B4"],
    ]),
    finding("warning", [["预算执行", "B3"]]),
    finding("notice", [["绩效指标", "B2"]]),
  ];

  test("colours each cell by its most severe finding, in two syncs", async () => {
    const store = memoryStore();
    const result = await fake.run((context) => highlightFindings(context, findings, store));
    expect(result).toEqual({ highlighted: 4, protectedSheets: [], truncated: false });
    expect(fills(fake, "预算执行", ["B2", "B3", "B4"])).toEqual([
      { color: "#FFC7CE", pattern: "Solid" },
      { color: "#FFC7CE", pattern: "Solid" },
      { color: "#FFC7CE", pattern: "Solid" },
    ]);
    expect(fake.sheet("绩效指标").at("B2").fill).toEqual({ color: "#DDEBF7", pattern: "Solid" });
    expect(fake.syncCount).toBe(2);
  });

  test("clear restores exactly the fills the cells had, after a reopen, even when highlighted twice", async () => {
    const before = (name: string, a: string[]) =>
      JSON.parse(JSON.stringify(fills(fake, name, a))) as FakeCell["fill"][];
    const original = before("预算执行", ["A1", "B2", "B3", "B4"]);
    const settings = fake.office.settings;
    const store = officeSettingsStore(settings);

    await fake.run((context) => highlightFindings(context, findings, store));
    await fake.run((context) => highlightFindings(context, findings.slice(1), store));
    settings.reload(); // closing and reopening the workbook: only saved settings survive
    const result = await fake.run((context) => clearHighlights(context, store));

    expect(result).toEqual({ restored: 4, protectedSheets: [] });
    expect(fills(fake, "预算执行", ["A1", "B2", "B3", "B4"])).toEqual(original);
    expect(original).toEqual([
      { color: "#D9D9D9", pattern: "Solid" },
      { color: "#FFFF00", pattern: "Solid" },
      null,
      null,
    ]);
    expect(fake.sheet("绩效指标").at("B2").fill).toBeNull();
    expect(settings.get(HIGHLIGHT_STORE_KEY)).toBeNull();
  });

  test("without ExcelApi 1.9 (no fill patterns) white is taken as no fill and cleared", async () => {
    fake.setExcelApiVersion("1.8");
    const store = memoryStore();
    await fake.run((context) => highlightFindings(context, findings, store));
    await fake.run((context) => clearHighlights(context, store));
    expect(fills(fake, "预算执行", ["B2", "B3", "B4"])).toEqual([
      { color: "#FFFF00", pattern: "Solid" },
      null,
      null,
    ]);
  });

  test("a protected sheet is left alone and reported; its cells are not saved", async () => {
    fake.sheet("绩效指标").protected = true;
    const store = memoryStore();
    const result = await fake.run((context) => highlightFindings(context, findings, store));
    expect(result).toEqual({ highlighted: 3, protectedSheets: ["绩效指标"], truncated: false });
    expect(fake.sheet("绩效指标").at("B2").fill).toBeNull();
    const saved = store.get(HIGHLIGHT_STORE_KEY) as { cells: { sheet: string; address: string }[] };
    expect(saved.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual([
      "预算执行!B2",
      "预算执行!B3",
      "预算执行!B4",
    ]);
  });

  test("clearing forgets cells of deleted sheets and keeps those of protected sheets for later", async () => {
    const store = memoryStore();
    await fake.run((context) => highlightFindings(context, findings, store));
    fake.model.deleteSheet(fake.sheet("绩效指标"));
    fake.sheet("预算执行").protected = true;
    const first = await fake.run((context) => clearHighlights(context, store));
    expect(first).toEqual({ restored: 0, protectedSheets: ["预算执行"] });
    expect(fake.sheet("预算执行").at("B3").fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });

    fake.sheet("预算执行").protected = false;
    const second = await fake.run((context) => clearHighlights(context, store));
    expect(second).toEqual({ restored: 3, protectedSheets: [] });
    expect(fills(fake, "预算执行", ["B2", "B3", "B4"])).toEqual([
      { color: "#FFFF00", pattern: "Solid" },
      null,
      null,
    ]);
    expect(store.get(HIGHLIGHT_STORE_KEY)).toBeNull();
  });

  test("nothing saved: clear does nothing and makes no sync", async () => {
    const result = await fake.run((context) => clearHighlights(context, memoryStore()));
    expect(result).toEqual({ restored: 0, protectedSheets: [] });
    expect(fake.syncCount).toBe(0);
  });
});
