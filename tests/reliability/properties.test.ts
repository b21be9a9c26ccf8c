/**
 * Property-based tests (fast-check): random and half-random workbooks through recognition, the checker and the whole
 * evaluation; the money parser and the target parser on arbitrary text. Nothing throws, the same input gives the same
 * output, money round-trips exactly, and every finding points at a cell that exists.
 */
import fc from "fast-check";
import { parseA1 } from "../../src/engine/a1";
import { checkWorkbook } from "../../src/engine/check";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { Finding } from "../../src/engine/findings";
import type { Lang } from "../../src/engine/i18n";
import {
  MONEY_UNITS,
  fenPerUnit,
  formatFen,
  fenToUnitNumber,
  parseAmount,
  type MoneyUnit,
} from "../../src/engine/money";
import { recognizeWorkbook } from "../../src/engine/recognize/index";
import { buildReport } from "../../src/engine/report/index";
import { fromDecimal } from "../../src/engine/score/exact";
import {
  parseActual,
  parseOperatorColumn,
  parseQuantityText,
  parseTarget,
  parseTier,
  parseUnitColumn,
} from "../../src/engine/score/target";
import { sheetBounds, type CellValue, type WorkbookSnapshot } from "../../src/engine/snapshot";
import { binaryUnit, cellValue, workbook } from "./arbitraries";

const RUNS = { numRuns: 400 };

/**
 * Deep equality through JSON text: the workbooks carry cells of 32,767 characters, which jest's toEqual compares (and
 * prints) slowly. The engine's results are plain JSON data, so nothing is lost (NaN cells become null on both sides).
 */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/*
 * One expect() per property run, over every check of the run: an expect() call costs about 0.1 ms in jest (it makes an
 * error object for its stack and a closure for every matcher), more than most of the checks, and these properties run
 * 400 to 1,000 times. toEqual over an array or object of the results is the toEqual of each; toBe on a boolean is
 * toEqual on it; a bound (≥, ≤) is a plain comparison that must come out true.
 */

/** Every cell a finding names is on a sheet of the workbook, inside that sheet's used range. */
function cellsExist(findings: readonly Finding[], wb: WorkbookSnapshot): boolean {
  for (const f of findings) {
    for (const cell of f.cells) {
      const sheet = wb.sheets.find((s) => s.name === cell.sheet);
      const bounds = sheet ? sheetBounds(sheet) : null;
      if (!bounds) return false;
      const { row, col } = parseA1(cell.address);
      if (row < bounds.top || row > bounds.bottom || col < bounds.left || col > bounds.right) return false;
    }
  }
  return true;
}

describe("random workbooks", () => {
  it("recognizeWorkbook never throws, gives the same tables twice, and leaves its input as it was", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const before = JSON.stringify(wb);
        const first = recognizeWorkbook(wb);
        const deterministic = same(recognizeWorkbook(wb), first);
        const unchanged = JSON.stringify(wb) === before;
        const unknownSheets = first.tables.filter((t) => !wb.sheets.some((s) => s.name === t.sheet));
        expect({ deterministic, unchanged, unknownSheets }).toEqual({
          deterministic: true,
          unchanged: true,
          unknownSheets: [],
        });
      }),
      RUNS,
    );
  });

  it("checkWorkbook never throws, is deterministic, and every finding names existing cells", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const first = checkWorkbook(wb);
        const deterministic = same(checkWorkbook(structuredClone(wb)), first);
        const namedCellsExist = cellsExist(first.findings, wb);
        const hasTable =
          first.recognized.budget !== null ||
          first.recognized.expenditures.length > 0 ||
          first.recognized.indicators !== null;
        // table.missing, the one finding without a cell, comes exactly when nothing was recognised.
        const tableMissing = first.findings.some((f) => f.rule === "table.missing");
        // Plain comparisons collected first: an expect() per finding was most of the test's time.
        const problems: string[] = [];
        for (const f of first.findings) {
          if (f.rule !== "table.missing" && f.cells.length === 0) problems.push(`${f.rule}: no cell`);
          if (f.message["zh-CN"].length === 0) problems.push(`${f.rule}: no zh-CN message`);
          if (f.message["en-US"].length === 0) problems.push(`${f.rule}: no en-US message`);
          for (const n of [f.expectedFen, f.actualFen, f.differenceFen]) {
            if (n !== null && !Number.isSafeInteger(n))
              problems.push(`${f.rule}: ${n} is not a safe integer`);
          }
        }
        expect({ deterministic, namedCellsExist, tableMissing, problems }).toEqual({
          deterministic: true,
          namedCellsExist: true,
          tableMissing: !hasTable,
          problems: [],
        });
      }),
      RUNS,
    );
  });

  it("evaluateWorkbook never throws, is deterministic, keeps each score within its weight and names existing cells", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const first = evaluateWorkbook(wb);
        const deterministic = same(evaluateWorkbook(structuredClone(wb)), first);
        const namedCellsExist = cellsExist(first.findings, wb);
        // Plain comparisons collected first, as in the checker's test above.
        const problems: string[] = [];
        if (first.score) {
          if (!Number.isFinite(first.score.total)) problems.push(`total ${first.score.total}: not finite`);
          // What toBeGreaterThanOrEqual(0) and toBeLessThanOrEqual(10) pass: a number within the bounds.
          const execution: unknown = first.score.execution.score;
          if (!(typeof execution === "number" && execution >= 0 && execution <= 10))
            problems.push(`execution score ${String(execution)}: not within 0 to 10`);
          for (const i of first.score.indicators) {
            const at = `score ${i.score} of weight ${i.weight}`;
            if (!Number.isFinite(i.score)) problems.push(`${at}: not finite`);
            // Never more than the weight, never the other side of zero (a weight typed as "-3.5" scores at most -3.5;
            // the weights check reports it).
            // Scores are rounded to 2 decimals, so a weight of 0.065 may score 0.07.
            if (!(Math.abs(i.score) <= Math.abs(i.weight) + 0.005))
              problems.push(`${at}: more than the weight`);
            if (!(i.score * i.weight >= 0)) problems.push(`${at}: the other side of zero`);
          }
        }
        expect({ deterministic, namedCellsExist, problems }).toEqual({
          deterministic: true,
          namedCellsExist: true,
          problems: [],
        });
      }),
      RUNS,
    );
  });
});

describe("the report built from random workbooks", () => {
  /** Excel's limit on one cell's text, which both renderers must respect. */
  const CELL_MAX_CHARS = 32767;

  it("buildReport never throws, is deterministic, and writes only cells Excel accepts", () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom<Lang>("zh-CN", "en-US"), (wb, lang) => {
        const evaluation = evaluateWorkbook(wb);
        const spec = buildReport(evaluation, lang);
        // Plain comparisons collected first: thousands of expect() calls per run would dominate the test's time.
        const deterministic = same(buildReport(evaluation, lang), spec);
        const problems: string[] = [];
        for (const sheet of spec.sheets) {
          for (const cell of sheet.cells) {
            const where = `${sheet.key} r${cell.row} c${cell.col}`;
            if (typeof cell.value === "string" && cell.value.length > CELL_MAX_CHARS)
              problems.push(`${where} too long`);
            if (typeof cell.value === "number" && !Number.isFinite(cell.value))
              problems.push(`${where} not finite`);
            if (cell.text && cell.formula !== undefined) problems.push(`${where} text with a formula`);
            if (!sheet.styles[cell.styleId]) problems.push(`${where} unknown style`);
          }
          // Excel refuses a file whose merged areas overlap.
          sheet.merges.forEach((a, i) =>
            sheet.merges.slice(i + 1).forEach((b) => {
              const apart = a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left;
              if (!apart) problems.push(`${sheet.key} merges overlap`);
            }),
          );
        }
        expect({ deterministic, problems }).toEqual({ deterministic: true, problems: [] });
      }),
      { numRuns: 300 },
    );
  });
});

/** Enough decimals to show every 分 of an amount in `unit` (元 → 2, 万元 → 6). */
function exactDecimals(unit: MoneyUnit): number {
  return Math.round(Math.log10(fenPerUnit(unit)));
}

const FULL_WIDTH: Record<string, string> = { ",": "，", ".": "．", "-": "－" };

function toFullWidth(text: string): string {
  return [...text]
    .map((ch) => (/\d/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : (FULL_WIDTH[ch] ?? ch)))
    .join("");
}

function withThousands(decimal: string): string {
  const [, sign, int, frac] = /^(-?)(\d+)(\.\d+)?$/.exec(decimal) as RegExpExecArray;
  return sign + int.replace(/\B(?=(\d{3})+$)/g, ",") + (frac ?? "");
}

describe("the money parser", () => {
  const fen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const unit = fc.constantFrom(...MONEY_UNITS);

  it("formatFen then parseAmount gives back every 分 in every unit", () => {
    fc.assert(
      fc.property(fen, unit, (f, u) => {
        expect(parseAmount(formatFen(f, u, exactDecimals(u)), u)).toEqual({
          kind: "amount",
          fen: f,
          fromText: true,
        });
      }),
      RUNS,
    );
  });

  it("a number cell holding the amount reads back exactly (up to 15 significant digits, what a double keeps)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), unit, (f, u) => {
        expect(parseAmount(fenToUnitNumber(f, u), u)).toEqual({ kind: "amount", fen: f, fromText: false });
      }),
      RUNS,
    );
  });

  it("thousands separators, full-width forms and surrounding spaces read as the same amount", () => {
    fc.assert(
      fc.property(fen, unit, fc.constantFrom("", " ", "\u3000", "\t", "\u00a0"), (f, u, pad) => {
        const plain = formatFen(f, u, exactDecimals(u));
        const expected = { kind: "amount", fen: f, fromText: true };
        expect([
          parseAmount(withThousands(plain), u),
          parseAmount(toFullWidth(plain), u),
          parseAmount(toFullWidth(withThousands(plain)), u),
          parseAmount(`${pad}${withThousands(plain)}${pad}`, u),
        ]).toEqual([expected, expected, expected, expected]);
      }),
      RUNS,
    );
  });

  it("two decimals in a larger unit round half away from zero to the nearest shown step", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), unit, (f, u) => {
        const step = fenPerUnit(u) / 100;
        const parsed = parseAmount(formatFen(f, u), u);
        const fen = parsed.kind === "amount" ? parsed.fen : NaN;
        const off = Math.abs(fen - f);
        expect({
          kind: parsed.kind,
          onStep: fen % step === 0,
          withinHalfAStep: off <= step / 2,
          // A half step exactly rounds away from zero.
          halfAwayFromZero: off !== step / 2 || Math.abs(fen) > Math.abs(f),
        }).toEqual({ kind: "amount", onStep: true, withinHalfAStep: true, halfAwayFromZero: true });
      }),
      RUNS,
    );
  });

  it("never throws on any text or cell value, and reads each the same way twice", () => {
    const anyText = fc.oneof(
      fc.string({ unit: binaryUnit, maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.stringMatching(/^[\s(（+\-－]*[\d０-９,，.．]{0,25}[)）]?\s*$/),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText.map((t) => t as CellValue),
          cellValue,
        ),
        unit,
        (v, u) => {
          const parsed = parseAmount(v, u);
          const safe = parsed.kind !== "amount" || Number.isSafeInteger(parsed.fen);
          expect([parseAmount(v, u), safe]).toEqual([parsed, true]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("the target parser", () => {
  const anyText = fc.oneof(
    fc.string({ unit: binaryUnit, maxLength: 30 }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.stringMatching(/^[≥≤<>=＝＞＜]{0,2}\s?-?\d{0,6}(\.\d{0,3})?(%|个|万元|亿元|天|以上|以内)?$/),
  );

  it("parseTarget, parseActual and their column readers never throw and are deterministic", () => {
    fc.assert(
      fc.property(
        cellValue,
        anyText,
        fc.option(anyText, { nil: undefined }),
        anyText,
        (raw, text, op, unit) => {
          const column = parseOperatorColumn(op);
          const u = parseUnitColumn(unit);
          const target = parseTarget(raw, text, column, u);
          const actual = parseActual(raw, text, u);
          expect([
            parseOperatorColumn(op),
            parseTarget(raw, text, column, u),
            parseActual(raw, text, u),
            parseTier(text),
            parseQuantityText(text),
          ]).toEqual([column, target, actual, parseTier(text), parseQuantityText(text)]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads operator + number + unit back as written, in half and full width", () => {
    const operators: [string, string][] = [
      ["≥", ">="],
      [">=", ">="],
      ["＞", ">"],
      ["≤", "<="],
      ["<=", "<="],
      ["＜", "<"],
      ["＝", "="],
      ["", ""],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...operators),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.nat({ max: 4 }),
        fc.constantFrom("", "个", "%", "万元", "亿元", "人次", "吨/小时", "天"),
        fc.boolean(),
        ([mark, operator], digits, decimals, unit, spaced) => {
          const number = decimals === 0 ? String(digits) : (digits / 10 ** decimals).toFixed(decimals);
          const text = spaced ? `${mark} ${number} ${unit}` : `${mark}${number}${unit}`;
          const parsed = parseQuantityText(text);
          expect(parsed).toEqual({ operator: operator || null, value: fromDecimal(number), unit });
        },
      ),
      RUNS,
    );
  });
});
