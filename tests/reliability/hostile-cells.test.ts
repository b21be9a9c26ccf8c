/**
 * Hostile cell values, read from real .xlsx bytes (readXlsxBuffer) and evaluated (evaluateWorkbook): each one is put
 * into a copy of the clean sample workbook, so every finding it earns is one the hostile value caused. Nothing may
 * throw; where a finding matters its rule, cell and amounts are pinned.
 */
import type ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { parseA1 } from "../../src/engine/a1";
import { evaluateWorkbook, type Evaluation } from "../../src/engine/evaluate";
import type { Finding } from "../../src/engine/findings";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { WorkbookReadError } from "../../src/gateway/xlsx/read-error";
import { SAMPLE_XLSX } from "../cli/run-cli";
import { ERROR_CODES } from "./arbitraries";
import { buildXlsx, date, editXlsx, errorCell, formula, richText } from "../fixtures/xlsx-builders";
import { rawXlsx, row, textCell } from "../fixtures/hostile/raw-xlsx";
import { INDICATOR_HEADER } from "../fixtures/seed";

const BUDGET = "表一 预算执行情况";
const EXPENDITURE = "表二 支出决算表";
const INDICATORS = "表三 绩效指标";
const INFO = "部门基本情况";

/** The sample's own score: every case below that leaves the indicators alone must keep it. */
const SAMPLE_TOTAL = 99.78;

type Edit = readonly [sheet: string, address: string, value: ExcelJS.CellValue, numFmt?: string];

async function sampleWith(edits: readonly Edit[], more?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  return editXlsx(readFileSync(SAMPLE_XLSX), (wb) => {
    for (const [sheet, address, value, numFmt] of edits) {
      const cell = (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);
      cell.value = value;
      // A fresh style: loaded cells share style objects, and setting numFmt on one would restyle them all.
      if (numFmt) cell.style = { ...cell.style, numFmt };
    }
    more?.(wb);
  });
}

async function evaluate(bytes: Uint8Array): Promise<{ snapshot: WorkbookSnapshot; evaluation: Evaluation }> {
  const snapshot = await readXlsxBuffer(bytes);
  return { snapshot, evaluation: evaluateWorkbook(snapshot) };
}

/** A finding in one line: rule, severity, cells, and the amounts in 分 when it has them. */
function brief(f: Finding): string {
  const cells = f.cells.map((c) => `${c.sheet}!${c.address}`).join(",");
  const amounts = f.actualFen === null ? "" : ` ${f.expectedFen}/${f.actualFen}/${f.differenceFen}`;
  return `${f.rule} ${f.severity} ${cells}${amounts}`;
}

function valueAt(snapshot: WorkbookSnapshot, sheet: string, address: string): CellValue {
  const s = snapshot.sheets.find((x) => x.name === sheet) as SheetSnapshot;
  const { row: r, col: c } = parseA1(address);
  return s.values[r - s.originRow]?.[c - s.originCol] ?? null;
}

let clean: Evaluation;
beforeAll(async () => {
  clean = (await evaluate(readFileSync(SAMPLE_XLSX))).evaluation;
});

it("the clean sample has no finding and scores 99.78 (the baseline of every case)", () => {
  expect(clean.findings).toEqual([]);
  expect(clean.score?.total).toBe(SAMPLE_TOTAL);
});

describe("Excel error values", () => {
  it.each(ERROR_CODES)(
    "%s in an expenditure amount: value.error at that cell, left out of the sums",
    async (code) => {
      const { snapshot, evaluation } = await evaluate(
        await sampleWith([[EXPENDITURE, "D8", errorCell(code as ExcelJS.CellErrorValue["error"])]]),
      );
      expect(valueAt(snapshot, EXPENDITURE, "D8")).toEqual({ kind: "error", code });
      expect(evaluation.findings.map(brief)).toEqual([`value.error error ${EXPENDITURE}!D8`]);
      expect(evaluation.findings[0].message).toEqual({
        "zh-CN": `2011301 行政运行（基本支出）：错误值 ${code}，请修正公式或引用`,
        "en-US": `2011301 行政运行 (basic spending): error value ${code}; fix the formula or its reference`,
      });
      expect(evaluation.score?.total).toBe(SAMPLE_TOTAL);
    },
  );

  it("#N/A as a formula's cached result in the budget block: value.error at D7", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([[BUDGET, "D7", formula("VLOOKUP(A7,源数据!A:D,4,0)", errorCell("#N/A"))]]),
    );
    expect(evaluation.findings.map(brief)).toEqual([`value.error error ${BUDGET}!D7`]);
  });

  it("#DIV/0! as an indicator's actual value: value.error at E4, the indicator scores 0", async () => {
    const { evaluation } = await evaluate(await sampleWith([[INDICATORS, "E4", errorCell("#DIV/0!")]]));
    expect(evaluation.findings.map(brief)).toEqual([`value.error error ${INDICATORS}!E4`]);
    expect(evaluation.score?.indicators[0]).toMatchObject({ name: "新签约项目数", weight: 8, score: 0 });
    expect(evaluation.score?.total).toBe(91.78);
  });
});

describe("values of the wrong kind where amounts belong", () => {
  it("a date: value.unparsed with its ISO text", async () => {
    const { snapshot, evaluation } = await evaluate(
      await sampleWith([[EXPENDITURE, "C8", date(2023, 12, 31), "yyyy-mm-dd"]]),
    );
    expect(valueAt(snapshot, EXPENDITURE, "C8")).toEqual({ kind: "date", iso: "2023-12-31" });
    expect(evaluation.findings.map(brief)).toEqual([`value.unparsed error ${EXPENDITURE}!C8`]);
    expect(evaluation.findings[0].message["zh-CN"]).toBe(
      "2011301 行政运行（合计）：“2023-12-31”不是金额，该单元格未参与求和校验",
    );
  });

  it("booleans: value.unparsed TRUE / FALSE", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([
        [EXPENDITURE, "C8", false],
        [BUDGET, "C12", true],
      ]),
    );
    expect(evaluation.findings.map(brief)).toEqual([
      `value.unparsed error ${BUDGET}!C12`,
      `value.unparsed error ${EXPENDITURE}!C8`,
    ]);
    expect(evaluation.findings.map((f) => f.message["en-US"])).toEqual([
      'Basic spending (full-year budget): "TRUE" is not an amount; the cell was left out of the sum checks',
      '2011301 行政运行 (total): "FALSE" is not an amount; the cell was left out of the sum checks',
    ]);
  });

  it("rich text: an amount in styled runs is read as text (value.text), labels and headers in runs still match", async () => {
    const { snapshot, evaluation } = await evaluate(
      await sampleWith([
        [EXPENDITURE, "C8", richText("1,80", { text: "3,500", bold: true })],
        [BUDGET, "A12", richText("  其中：", { text: "基本支出", bold: true })],
        [BUDGET, "D4", richText({ text: "全年", bold: true }, "执行数")],
      ]),
    );
    expect(valueAt(snapshot, EXPENDITURE, "C8")).toBe("1,803,500");
    expect(evaluation.findings.map(brief)).toEqual([
      `value.text notice ${EXPENDITURE}!C8 null/180350000/null`,
    ]);
    expect(evaluation.tables.map((t) => `${t.kind} ${t.sheet}`)).toEqual(
      clean.tables.map((t) => `${t.kind} ${t.sheet}`),
    );
  });

  it("a formula without a cached result is one value.error asking for a recalculation (the engine never recalculates); the formula is kept and no sum claims it is 0.00", async () => {
    const { snapshot, evaluation } = await evaluate(
      await sampleWith([[EXPENDITURE, "C8", formula("D8+E8")]]),
    );
    expect(valueAt(snapshot, EXPENDITURE, "C8")).toEqual({ kind: "error", code: "#UNCALCULATED" });
    const sheet = snapshot.sheets.find((s) => s.name === EXPENDITURE) as SheetSnapshot;
    expect(sheet.formulas?.[8 - 1 - sheet.originRow]?.[2 - sheet.originCol]).toBe("=D8+E8");
    expect(evaluation.findings.map(brief)).toEqual([`value.error error ${EXPENDITURE}!C8`]);
    expect(evaluation.findings[0].message).toEqual({
      "zh-CN": "2011301 行政运行（合计）：公式没有计算结果，请在 Excel 中重新计算并保存后再检查",
      "en-US":
        "2011301 行政运行 (total): the formula has no calculated result; recalculate and save the workbook in Excel, then check again",
    });
    expect(evaluation.score?.total).toBe(SAMPLE_TOTAL);
  });
});

describe("odd text", () => {
  it("strings of 30,000 characters: found at their cell, quoted in messages only in part", async () => {
    const longLabel = "行".repeat(30000);
    const longText = "约".repeat(30000);
    const longDuty = "职".repeat(30000);
    const { snapshot, evaluation } = await evaluate(
      await sampleWith([
        [EXPENDITURE, "B8", longLabel],
        [EXPENDITURE, "C8", longText],
        [INFO, "B5", longDuty],
        [INDICATORS, "C4", "新".repeat(30000)],
      ]),
    );
    expect(valueAt(snapshot, EXPENDITURE, "C8")).toBe(longText);
    expect(evaluation.findings.map(brief)).toEqual([`value.unparsed error ${EXPENDITURE}!C8`]);
    expect(evaluation.findings[0].message["zh-CN"]).toBe(
      `2011301 ${"行".repeat(60)}…（合计）：“${"约".repeat(60)}…”不是金额，该单元格未参与求和校验`,
    );
    // Nothing is lost on the way: the department's text and the indicator's name arrive whole.
    const functions = evaluation.recognized.info?.fields.functions?.value.text;
    expect(functions?.length).toBe(30000);
    expect(functions === longDuty).toBe(true);
    const name = evaluation.score?.indicators[0].name;
    expect(name?.length).toBe(30000);
    expect(name === "新".repeat(30000)).toBe(true);
    expect(evaluation.score?.total).toBe(SAMPLE_TOTAL);
  });

  it("tabs, line breaks and spaces around an amount: read as text; around a label: still the label", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([
        [EXPENDITURE, "C8", " 1803500\t"],
        [EXPENDITURE, "B9", "\t    招商引资\r\n"],
        [BUDGET, "A13", "\t项目支出\n"],
      ]),
    );
    expect(evaluation.findings.map(brief)).toEqual([
      `value.text notice ${EXPENDITURE}!C8 null/180350000/null`,
    ]);
  });

  it("control characters escaped the way Excel stores them (_x001B_) are read literally, never as raw control codes", async () => {
    const bytes = rawXlsx([{ name: "S", sheetData: row(1, textCell("A1", "a_x001B_[31mb_x0007_")) }]);
    expect((await readXlsxBuffer(bytes)).sheets[0].values).toEqual([["a_x001B_[31mb_x0007_"]]);
  });

  it("a raw control character reference (&#27;), which XML forbids, makes the workbook unreadable rather than reaching a terminal", async () => {
    const bytes = rawXlsx([
      { name: "S", sheetData: row(1, `<c r="A1" t="inlineStr"><is><t>a&#27;[31mb</t></is></c>`) },
    ]);
    await expect(readXlsxBuffer(bytes)).rejects.toEqual(new WorkbookReadError("corrupt"));
  });

  it("emoji and CJK Extension B characters: kept whole, never split in a shortened quote", async () => {
    const department = "𠀀😀岳阳市君山产业开发区管委会";
    const { evaluation } = await evaluate(
      await sampleWith([
        [BUDGET, "A2", `预算部门名称：${department}`],
        [INFO, "B3", department],
        [EXPENDITURE, "C8", "😀𠀀"],
        [INDICATORS, "C4", "𠀀".repeat(70)],
        [INDICATORS, "E4", "😀"],
      ]),
    );
    expect(evaluation.department).toBe(department);
    expect(evaluation.findings.map(brief)).toEqual([
      `value.unparsed error ${INDICATORS}!E4`,
      `value.unparsed error ${EXPENDITURE}!C8`,
    ]);
    expect(evaluation.findings[1].message["zh-CN"]).toBe(
      "2011301 行政运行（合计）：“😀𠀀”不是金额，该单元格未参与求和校验",
    );
    expect(evaluation.findings[0].message["zh-CN"]).toBe(
      `“${"𠀀".repeat(60)}…”的实际完成值“😀”无法识别，按 0 分计：应填写数值（如 17个）或 达成 / 部分达成 / 未达成`,
    );
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const f of evaluation.findings) {
      expect(f.message["zh-CN"]).not.toMatch(loneSurrogate);
      expect(f.message["en-US"]).not.toMatch(loneSurrogate);
    }
  });
});

describe("numbers at the edges", () => {
  it("1e308 and -1e308 as amounts: value.unparsed (no exact 分), never Infinity in a sum", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([
        [EXPENDITURE, "C8", 1e308],
        [BUDGET, "D13", -1e308],
      ]),
    );
    expect(evaluation.findings.map(brief)).toEqual([
      `value.unparsed error ${BUDGET}!D13`,
      `value.unparsed error ${EXPENDITURE}!C8`,
    ]);
    expect(evaluation.findings.map((f) => f.message["zh-CN"])).toEqual([
      "项目支出（全年执行数）：“-1e+308”不是金额，该单元格未参与求和校验",
      "2011301 行政运行（合计）：“1e+308”不是金额，该单元格未参与求和校验",
    ]);
  });

  it("1e308 as an indicator's actual: full marks, over-completion flagged with short quotes", async () => {
    const { evaluation } = await evaluate(await sampleWith([[INDICATORS, "E4", 1e308]]));
    expect(evaluation.findings.map(brief)).toEqual([
      `indicator.overachieved warning ${INDICATORS}!E4`,
      `indicator.reason-missing warning ${INDICATORS}!H4`,
    ]);
    expect(evaluation.findings[0].message["zh-CN"].length).toBeLessThan(300);
    expect(evaluation.score?.total).toBe(SAMPLE_TOTAL);
  });

  it("1e308 as a target: the indicator scores 0.00 and asks for a reason", async () => {
    const { evaluation } = await evaluate(await sampleWith([[INDICATORS, "D4", 1e308]]));
    // A bare number with no unit is also a target a reviewer sends back (quality.target-unit).
    expect(evaluation.findings.map(brief)).toEqual([
      `quality.target-unit warning ${INDICATORS}!D4`,
      `indicator.reason-missing warning ${INDICATORS}!H4`,
    ]);
    expect(evaluation.score?.total).toBe(91.78);
  });

  it('"NaN", "Infinity" and "-Infinity" as text: value.unparsed at each cell', async () => {
    const { evaluation } = await evaluate(
      await sampleWith([
        [EXPENDITURE, "C8", "NaN"],
        [EXPENDITURE, "D8", "Infinity"],
        [EXPENDITURE, "E9", "-Infinity"],
        [INDICATORS, "E4", "Infinity"],
      ]),
    );
    expect(evaluation.findings.map(brief)).toEqual([
      `value.unparsed error ${INDICATORS}!E4`,
      `value.unparsed error ${EXPENDITURE}!C8`,
      `value.unparsed error ${EXPENDITURE}!D8`,
      `value.unparsed error ${EXPENDITURE}!E9`,
    ]);
    expect(evaluation.score?.total).toBe(91.78);
  });

  it("17 significant digits: float noise below 0.01 元 is no difference; beyond 2^53 分 it is not an amount", async () => {
    const noise = await evaluate(
      await sampleWith([
        // Written as text and converted, as a cell's 17 significant digits arrive (a literal would be rounded by lint).
        [EXPENDITURE, "C8", Number("1803500.0000000002")],
        [BUDGET, "D7", Number("9716.160000000001")],
        [BUDGET, "D13", 0.1 + 0.2 + 10459.07],
      ]),
    );
    expect(noise.evaluation.findings).toEqual([]);
    const huge = await evaluate(await sampleWith([[EXPENDITURE, "C8", Number("12345678901234567")]]));
    expect(huge.evaluation.findings.map(brief)).toEqual([`value.unparsed error ${EXPENDITURE}!C8`]);
    expect(huge.evaluation.findings[0].message["zh-CN"]).toBe(
      "2011301 行政运行（合计）：“12345678901234568”不是金额，该单元格未参与求和校验",
    );
  });
});

describe("layouts that fight the recogniser", () => {
  it("the title merged down over the budget block's first header row: the block is found from its second", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([], (wb) => {
        const ws = wb.getWorksheet(BUDGET) as ExcelJS.Worksheet;
        for (const m of [...ws.model.merges]) ws.unMergeCells(m);
        ws.mergeCells("A1:G3");
      }),
    );
    expect(evaluation.tables.find((t) => t.kind === "budget")).toEqual({
      kind: "budget",
      sheet: BUDGET,
      range: { top: 3, left: 0, bottom: 12, right: 3 },
      unit: "万元",
    });
    expect(evaluation.findings).toEqual([]);
  });

  it("合计 merged over 基本支出 in the expenditure header: each row whose 基本支出 is hidden is named", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([], (wb) => (wb.getWorksheet(EXPENDITURE) as ExcelJS.Worksheet).mergeCells("C4:D4")),
    );
    const rowsWithBasic = [5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 24, 25, 26];
    expect(evaluation.findings.map((f) => `${f.rule} ${f.cells.map((c) => c.address).join(",")}`)).toEqual(
      rowsWithBasic.map((r) => `sum.row C${r},E${r}`),
    );
  });

  it("a merge across the indicators header hides the table: no indicators, no crash", async () => {
    const { evaluation } = await evaluate(
      await sampleWith([], (wb) => (wb.getWorksheet(INDICATORS) as ExcelJS.Worksheet).mergeCells("C3:E3")),
    );
    expect(evaluation.tables.map((t) => t.kind)).toEqual(["budget", "expenditure", "info"]);
    expect(evaluation.score?.indicators).toEqual([]);
  });

  it("a header row pasted twice is read as a header, not as a row of data", async () => {
    const exp = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
    const ind = [...INDICATOR_HEADER];
    const bytes = await buildXlsx([
      {
        name: "支出",
        rows: [
          ["2023年度支出决算表"],
          ["单位：元"],
          exp,
          exp,
          ["合计", null, 300, 100, 200],
          ["201", "一般公共服务支出", 300, 100, 200],
          ["20101", "人大事务", 300, 100, 200],
        ],
      },
      {
        name: "指标",
        rows: [
          ["绩效指标"],
          ind,
          ind,
          ["产出指标", "数量指标", "新签约项目数", "≥15个", "17个", 45, 45, null],
          ind,
          [null, null, "合同引资额", "≥20亿元", "22.12亿元", 45, 45, null],
        ],
      },
    ]);
    const { evaluation } = await evaluate(bytes);
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.recognized.expenditures[0].rows.map((r) => r.code)).toEqual([null, "201", "20101"]);
    expect(
      evaluation.recognized.indicators?.rows.map((r) => [r.row + 1, r.level1, r.level2, r.name.text]),
    ).toEqual([
      [4, "产出指标", "数量指标", "新签约项目数"],
      [6, "产出指标", "数量指标", "合同引资额"],
    ]);
  });
});
