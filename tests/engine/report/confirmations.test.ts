/** The filer's 出错说明 in the engine: the key, applying a store, the part's XML, the banner and the report's columns. */
import { parseA1 } from "../../../src/engine/a1";
import {
  EMPTY_CONFIRMATIONS,
  applyConfirmations,
  confirmationKey,
  confirmationsFromXml,
  confirmationsToXml,
  lapsedFor,
  makeConfirmation,
  mergeConfirmationStores,
  normalizeConfirmations,
  seenValues,
  withConfirmation,
  withoutConfirmation,
  type ConfirmationStore,
} from "../../../src/engine/confirmations";
import type { Evaluation } from "../../../src/engine/evaluate";
import { summarize, type Finding } from "../../../src/engine/findings";
import { localized } from "../../../src/engine/i18n";
import { buildReportDocument } from "../../../src/engine/report/document";
import { bannerText, buildReport, type SheetSpec } from "../../../src/engine/report/index";
import type { WorkbookSnapshot } from "../../../src/engine/snapshot";
import { sheet, workbook } from "../../helpers/grid";
import { seedInput } from "./fixture";

const SHEET = "表三 绩效指标";

/** G4 holds the typed 得分 5; C4 the target, D4 the actual. */
function snapshot(score: number | string = 5, actual: string = "17个"): WorkbookSnapshot {
  return workbook(
    sheet(
      SHEET,
      [
        ["三级指标", "指标值", "实际值", "分值", "得分"],
        ["新签约项目数", "≥15个", actual, 8, score],
        ["满意度", "≥90%", "88%", 10, 9.78],
      ],
      { origin: "C3" },
    ),
  );
}

const mismatch: Finding = {
  rule: "indicator.score-mismatch",
  severity: "warning",
  cells: [{ sheet: SHEET, address: "G4" }],
  table: "indicators",
  expectedFen: null,
  actualFen: null,
  differenceFen: null,
  message: localized("「新签约项目数」填报得分 5，按评分规则应为 8.00", "typed 5, the rules give 8.00"),
};

const missing: Finding = {
  rule: "value.missing",
  severity: "error",
  cells: [{ sheet: SHEET, address: "E5" }],
  table: "indicators",
  expectedFen: null,
  actualFen: null,
  differenceFen: null,
  message: localized("「满意度」未填写实际完成值", "no actual value"),
};

function evaluation(findings: Finding[]): Evaluation {
  const input = seedInput({ findings });
  return { ...input, tables: [], summary: summarize(findings), projects: [] };
}

function store(...confirmations: ConfirmationStore["confirmations"]): ConfirmationStore {
  return { version: 1, confirmations };
}

describe("the key: rule, cells and the values the finding saw", () => {
  test("the values are the cells' values, then the message's figures", () => {
    expect(seenValues(mismatch, snapshot())).toEqual(["5", "#5,8.00"]);
    expect(seenValues(missing, snapshot())).toEqual(["88%", "#"]);
  });

  test("a range names every cell it covers", () => {
    const row: Finding = { ...mismatch, cells: [{ sheet: SHEET, address: "C4:E4" }] };
    expect(seenValues(row, snapshot())).toEqual(["新签约项目数", "≥15个", "17个", "#5,8.00"]);
  });

  test("the same finding over the same figures has the same key; another figure gives another", () => {
    const a = makeConfirmation(mismatch, snapshot(), "已按批复口径填报");
    expect(a).toEqual({
      key: confirmationKey("indicator.score-mismatch", [`${SHEET}!G4`], ["5", "#5,8.00"]),
      rule: "indicator.score-mismatch",
      cells: [`${SHEET}!G4`],
      values: ["5", "#5,8.00"],
      text: "已按批复口径填报",
    });
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
    expect(makeConfirmation(mismatch, snapshot(), "x").key).toBe(a.key);
    expect(makeConfirmation(mismatch, snapshot(6), "x").key).not.toBe(a.key);
    const otherMessage = { ...mismatch, message: localized("填报得分 5，应为 7.50", "") };
    expect(makeConfirmation(otherMessage, snapshot(), "x").key).not.toBe(a.key);
  });

  test("the text is trimmed, its line ends unified, and time and author kept when given", () => {
    const c = makeConfirmation(mismatch, snapshot(), "  第一行\r\n第二行  ", {
      at: "2024-03-01T08:00:00.000Z",
      author: "张会计",
    });
    expect(c.text).toBe("第一行\n第二行");
    expect(c.at).toBe("2024-03-01T08:00:00.000Z");
    expect(c.author).toBe("张会计");
  });
});

describe("merging Excel's store with WPS's (a workbook explained in both)", () => {
  const entry = (key: string, text: string, at?: string) => ({
    key,
    rule: "sum.row",
    cells: [`${SHEET}!G4`],
    values: ["5", "#"],
    text,
    ...(at ? { at } : {}),
  });
  const store = (...confirmations: ReturnType<typeof entry>[]): ConfirmationStore => ({
    version: 1,
    confirmations,
  });

  test("by key: one in either store is kept, Excel's first; for a key in both the later written wins", () => {
    const part = store(entry("a", "Excel 旧", "2024-03-01T08:00:00.000Z"), entry("b", "只在 Excel"));
    const marker = store(entry("c", "只在 WPS"), entry("a", "WPS 新", "2024-03-02T08:00:00.000Z"));
    expect(mergeConfirmationStores(part, marker).confirmations.map((c) => [c.key, c.text])).toEqual([
      ["a", "WPS 新"],
      ["b", "只在 Excel"],
      ["c", "只在 WPS"],
    ]);
    // Written later in Excel: Excel's stays.
    const newer = store(entry("a", "Excel 新", "2024-03-03T08:00:00.000Z"));
    expect(mergeConfirmationStores(newer, marker).confirmations.map((c) => c.text)).toEqual([
      "Excel 新",
      "只在 WPS",
    ]);
  });

  test("neither says when: Excel's part wins; an empty store on either side gives the other", () => {
    const part = store(entry("a", "Excel"));
    const marker = store(entry("a", "WPS"));
    expect(mergeConfirmationStores(part, marker).confirmations.map((c) => c.text)).toEqual(["Excel"]);
    expect(mergeConfirmationStores(EMPTY_CONFIRMATIONS, marker)).toBe(marker);
    expect(mergeConfirmationStores(part, EMPTY_CONFIRMATIONS)).toBe(part);
  });
});

describe("applying the store to an evaluation", () => {
  test("an empty store changes nothing", () => {
    const ev = evaluation([missing, mismatch]);
    const applied = applyConfirmations(ev, snapshot(), EMPTY_CONFIRMATIONS);
    expect(applied.findings).toBe(ev.findings);
    expect(applied.summary).toBe(ev.summary);
    expect(applied.lapsed).toEqual([]);
  });

  test("a confirmed warning leaves the counts and carries its explanation", () => {
    const c = makeConfirmation(mismatch, snapshot(), "上级批复按 5 分计", { at: "2024-03-01T08:00:00.000Z" });
    const applied = applyConfirmations(evaluation([missing, mismatch]), snapshot(), store(c));
    expect(applied.findings[1].confirmation).toEqual({
      key: c.key,
      text: "上级批复按 5 分计",
      at: "2024-03-01T08:00:00.000Z",
    });
    expect(applied.findings[0].confirmation).toBeUndefined();
    expect(applied.summary).toEqual({ error: 1, warning: 0, notice: 0 });
    expect(applied.lapsed).toEqual([]);
  });

  test("a confirmed error stays an error and counts", () => {
    const c = makeConfirmation(missing, snapshot(), "调查尚未完成，年底补报");
    const applied = applyConfirmations(evaluation([missing, mismatch]), snapshot(), store(c));
    expect(applied.findings[0]).toMatchObject({
      severity: "error",
      confirmation: { text: "调查尚未完成，年底补报" },
    });
    expect(applied.summary).toEqual({ error: 1, warning: 1, notice: 0 });
  });

  test("a figure changed under the finding: the confirmation lapses, is listed, and is not applied", () => {
    const c = makeConfirmation(mismatch, snapshot(5), "上级批复按 5 分计");
    const changed: Finding = {
      ...mismatch,
      message: localized("「新签约项目数」填报得分 6，按评分规则应为 8.00", ""),
    };
    const applied = applyConfirmations(evaluation([changed]), snapshot(6), store(c));
    expect(applied.findings[0].confirmation).toBeUndefined();
    expect(applied.summary).toEqual({ error: 0, warning: 1, notice: 0 });
    expect(applied.lapsed).toEqual([c]);
    expect(lapsedFor(changed, applied.lapsed)).toEqual(c);
    expect(lapsedFor(missing, applied.lapsed)).toBeNull();
  });

  test("the finding is gone (fixed): nothing applies, nothing lapses, and the next save drops it", () => {
    const c = makeConfirmation(mismatch, snapshot(), "上级批复按 5 分计");
    const applied = applyConfirmations(evaluation([missing]), snapshot(8), store(c));
    expect(applied.lapsed).toEqual([]);
    expect(applied.findings[0].confirmation).toBeUndefined();
    const other = makeConfirmation(missing, snapshot(8), "年底补报");
    expect(withConfirmation(store(c), other, [missing]).confirmations).toEqual([other]);
  });

  test("confirming again replaces the one for the same rule and cells; unconfirming removes it", () => {
    const first = makeConfirmation(mismatch, snapshot(5), "旧说明");
    const second = makeConfirmation(mismatch, snapshot(6), "新说明");
    const both = withConfirmation(store(first), second, [mismatch]);
    expect(both.confirmations).toEqual([second]);
    const third = makeConfirmation(missing, snapshot(6), "年底补报");
    const two = withConfirmation(both, third, [mismatch, missing]);
    expect(two.confirmations.map((c) => c.text)).toEqual(["新说明", "年底补报"]);
    expect(withoutConfirmation(two, second.key, [mismatch, missing]).confirmations).toEqual([third]);
  });
});

describe("the store as JSON and as the custom XML part", () => {
  const c = makeConfirmation(mismatch, snapshot(), '按"财预〔2021〕101号" <口径> & ]]> 填报', {
    at: "2024-03-01T08:00:00.000Z",
  });

  test("round-trips through the XML, whatever the text holds", () => {
    const xml = confirmationsToXml(store(c));
    expect(xml).toContain('<confirmations xmlns="urn:selfeval:confirmations:1">');
    expect(xml).not.toContain("<口径>");
    expect(confirmationsFromXml(xml)).toEqual(store(c));
  });

  test("reads a part another processor re-serialised (entities, a prefix, CDATA)", () => {
    const json = JSON.stringify(store(c));
    const entities = json
      .replace(/&/g, "&amp;")
      .replace(/</g, "&#60;")
      .replace(/"/g, "&quot;")
      .replace(/>/g, "&#x3E;");
    expect(
      confirmationsFromXml(
        `<s:confirmations xmlns:s="urn:selfeval:confirmations:1">${entities}</s:confirmations>`,
      ),
    ).toEqual(store(c));
    const plain = JSON.stringify(store({ ...c, text: "无特殊字符" }));
    expect(
      confirmationsFromXml(
        `<confirmations xmlns='urn:selfeval:confirmations:1'><![CDATA[${plain}]]></confirmations>`,
      ).confirmations[0].text,
    ).toBe("无特殊字符");
  });

  test("another namespace, broken JSON or nothing read as the empty store", () => {
    expect(confirmationsFromXml(null)).toEqual(EMPTY_CONFIRMATIONS);
    expect(
      confirmationsFromXml('<confirmations xmlns="urn:other">{"confirmations":[]}</confirmations>'),
    ).toEqual(EMPTY_CONFIRMATIONS);
    expect(
      confirmationsFromXml('<confirmations xmlns="urn:selfeval:confirmations:1">{oops</confirmations>'),
    ).toEqual(EMPTY_CONFIRMATIONS);
    expect(confirmationsFromXml('<confirmations xmlns="urn:selfeval:confirmations:1"/>')).toEqual(
      EMPTY_CONFIRMATIONS,
    );
  });

  test("a hand-edited store keeps only whole confirmations", () => {
    const good = { key: "k", rule: "r", cells: ["S!A1"], values: ["1"], text: " 说明 ", author: 3 };
    expect(
      normalizeConfirmations({
        confirmations: [good, { ...good, text: "  " }, { ...good, cells: "S!A1" }, null, { ...good, key: 1 }],
      }),
    ).toEqual(store({ key: "k", rule: "r", cells: ["S!A1"], values: ["1"], text: "说明" }));
    expect(normalizeConfirmations("nonsense")).toEqual(EMPTY_CONFIRMATIONS);
  });
});

describe("the banner counts explained errors", () => {
  const explained = { severity: "error" as const, confirmation: { key: "k", text: "t" } };
  const open = { severity: "error" as const };

  test("…其中 M 项已说明 in zh-CN and en-US", () => {
    expect(bannerText([explained, open, { severity: "warning" }], "zh-CN")).toBe(
      "核查发现 2 项错误，其中 1 项已说明，详见核查结果",
    );
    expect(bannerText([explained, open], "en-US")).toBe(
      "The check found 2 errors, 1 of them explained: see Check Results",
    );
    expect(bannerText([explained], "en-US")).toBe(
      "The check found 1 error, 1 of them explained: see Check Results",
    );
  });

  test("unchanged without explanations; none without errors, even with an explained warning", () => {
    expect(bannerText([open, open], "zh-CN")).toBe("核查发现 2 项错误，详见核查结果");
    expect(bannerText([{ severity: "warning", confirmation: { key: "k", text: "t" } }], "zh-CN")).toBeNull();
  });
});

function valueAt(s: SheetSpec, address: string): unknown {
  const { row, col } = parseA1(address);
  return s.cells.find((c) => c.row === row && c.col === col)?.value;
}

describe("the 核查结果 sheet and the Word report show the 出错说明", () => {
  const confirmedError: Finding = { ...missing, confirmation: { key: "a", text: "调查尚未完成，年底补报" } };
  const confirmedWarning: Finding = { ...mismatch, confirmation: { key: "b", text: "上级批复按 5 分计" } };

  function findingsSheet(findings: Finding[], lang: "zh-CN" | "en-US" = "zh-CN"): SheetSpec {
    return buildReport(seedInput({ findings }), lang).sheets.find((s) => s.key === "findings")!;
  }

  test("a 出错说明 column beside the message, filled for the explained findings", () => {
    const s = findingsSheet([confirmedError, confirmedWarning]);
    expect(s.columnWidths).toEqual([8, 20, 14, 9.5, 16, 16, 15, 40, 32]);
    expect(valueAt(s, "H3")).toBe("说明");
    expect(valueAt(s, "I3")).toBe("出错说明");
    expect(valueAt(s, "A4")).toBe("错误（1 项，其中 1 项已说明）");
    // Each severity's findings under their table's heading (row 5, row 8).
    expect(valueAt(s, "A5")).toBe("绩效指标（1 项）");
    expect(valueAt(s, "I6")).toBe("调查尚未完成，年底补报");
    expect(valueAt(s, "A7")).toBe("警告（1 项，其中 1 项已说明）");
    expect(valueAt(s, "I9")).toBe("上级批复按 5 分计");
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    expect(valueAt(s, "A2")).toBe(
      "共 2 项：错误 1 项，警告 0 项，提示 0 项。错误中 1 项已说明，另有 1 项警告或提示已说明，不计入。单击“单元格”一列可转到该单元格。",
    );
  });

  test("in English", () => {
    const s = findingsSheet([confirmedWarning, missing], "en-US");
    expect(valueAt(s, "I3")).toBe("Explanation");
    expect(valueAt(s, "A2")).toBe(
      "2 findings: 1 errors, 0 warnings, 0 notices. 1 explained warning or notices not counted. Click a cell address to go to it.",
    );
    expect(valueAt(s, "A7")).toBe("Warnings (1, 1 explained)");
  });

  test("no column when nothing is explained: the sheet as before", () => {
    const s = findingsSheet([missing, mismatch]);
    expect(s.columnWidths).toEqual([8, 20, 14, 9.5, 16, 16, 15, 52]);
    expect(valueAt(s, "I3")).toBeUndefined();
    expect(valueAt(s, "A4")).toBe("错误（1 项）");
  });

  test("the Word report's 核查结果 names the explanation after the finding", () => {
    const doc = buildReportDocument(seedInput({ findings: [confirmedError, mismatch] }), "zh-CN");
    expect(doc.banner).toBe("核查发现 1 项错误，其中 1 项已说明，详见核查结果");
    expect(doc.findings?.groups[0]).toEqual({
      heading: "错误（1 项，其中 1 项已说明）",
      tables: [
        {
          heading: "绩效指标（1 项）",
          items: [
            `1. “缺少实际完成值”（${SHEET}!E5）：「满意度」未填写实际完成值（出错说明：调查尚未完成，年底补报）`,
          ],
        },
      ],
    });
    expect(doc.findings?.groups[1].heading).toBe("警告（1 项）");
    const en = buildReportDocument(seedInput({ findings: [confirmedWarning] }), "en-US");
    expect(en.findings?.summary).toBe(
      "The checks found 1 issues in the workbook behind this report: 0 errors, 0 warnings, 0 notices; 1 explained by the filer (explained warnings and notices are not counted). Please review them before submitting.",
    );
    expect(en.findings?.groups[0].tables[0].items[0]).toMatch(/ \(Explanation: 上级批复按 5 分计\)$/);
  });
});
