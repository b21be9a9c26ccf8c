import fc from "fast-check";
import {
  MAX_ROW_HEIGHT,
  SheetGrid,
  displayWidth,
  estimateLines,
  heightForLines,
  splitForRows,
  wrapLines,
} from "../../../src/engine/report/layout";

describe("text measurement", () => {
  it("counts CJK characters and full-width punctuation as two columns, the rest as one", () => {
    expect(displayWidth("预算执行率")).toBe(10);
    expect(displayWidth("≥90%")).toBe(4);
    expect(displayWidth("（一）")).toBe(6);
    expect(displayWidth("100.00万元")).toBe(10);
  });

  it("estimates wrapped lines from the text and the column width, each line break starting a line", () => {
    // 26 units = 187 px = 140.25 pt, less 6 pt of padding: 134.25 usable points. 12 CJK characters of 10.5 pt
    // (126 pt) fit on a line, 13 (136.5 pt) do not.
    expect(estimateLines("一二三四五六七八九十一二", 26, 10.5)).toBe(1);
    expect(estimateLines("一二三四五六七八九十一二三", 26, 10.5)).toBe(2);
    expect(estimateLines("甲\n乙\n\n丙", 26, 10.5)).toBe(4);
  });

  it("fits a row to its text: a paragraph of exactly three full lines gets three lines, not four", () => {
    // The 自评报告's 88 units: 621 px = 465.75 pt − 6 = 459.75 usable, 38 CJK characters of 12 pt a line.
    const line = "一二三四五六七八九十".repeat(3) + "一二三四五六七八";
    expect(wrapLines(line.repeat(3), 88, 12)).toEqual([line, line, line]);
    expect(estimateLines(line.repeat(3) + "九", 88, 12)).toBe(4);
  });

  it("never starts a line with closing punctuation: the character before it comes down too (no lone “）。”)", () => {
    const full = "一二三四五六七八九十一二"; // 12 characters: a full line at 26 units, 10.5 pt
    expect(wrapLines(`${full}）。`, 26, 10.5)).toEqual(["一二三四五六七八九十一", "二）。"]);
    // When "）" still fits and only "。" does not, both marks come down with the character before them.
    expect(wrapLines("一二三四五六七八九十一）。", 26, 10.5)).toEqual(["一二三四五六七八九十", "一）。"]);
    expect(
      wrapLines("　　2.合同引资额：年度指标值≥20亿元，实际完成值22.12亿元，得分8分（分值8分）。", 88, 12),
    ).toEqual(["　　2.合同引资额：年度指标值≥20亿元，实际完成值22.12亿元，得分8分（分值8", "分）。"]);
    // Nor end one with opening punctuation.
    expect(wrapLines("一二三四五六七八九十一（二）", 26, 10.5)).toEqual(["一二三四五六七八九十一", "（二）"]);
  });

  it("breaks Latin text at spaces and a word longer than the line by characters", () => {
    // 10 units = 75 px = 56.25 pt − 6 = 50.25 usable: 9 half-width characters of 10.5 pt.
    expect(wrapLines("budget execution rate", 10, 10.5)).toEqual(["budget", "execution", "rate"]);
    expect(wrapLines("abcdefghijklmn", 10, 10.5)).toEqual(["abcdefghi", "jklmn"]);
    expect(wrapLines("10,716.16 万元", 10, 10.5)).toEqual(["10,716.16", "万元"]);
  });

  it("turns lines into a row height in points, capped at Excel's 409", () => {
    expect(heightForLines(1, 10.5)).toBe(21);
    expect(heightForLines(3, 12)).toBe(57);
    expect(heightForLines(1, 10.5, 30)).toBe(30);
    expect(heightForLines(100, 12)).toBe(MAX_ROW_HEIGHT);
  });

  it("splits a long paragraph after sentence ends so every piece fits in one row", () => {
    const sentence = "园区完成新签约项目十七个，合同引资额二十二亿元。";
    const text = sentence.repeat(80);
    const pieces = splitForRows(text, 88, 12);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.endsWith("。")).toBe(true);
      expect(heightForLines(estimateLines(p, 88, 12), 12)).toBeLessThan(MAX_ROW_HEIGHT);
    }
    expect(splitForRows(sentence, 88, 12)).toEqual([sentence]);
  });

  it("cuts a sentence longer than a row by characters: each piece as long as a row holds, words and punctuation as wrapLines counts them", () => {
    // No sentence end (。；！？!?;. or a line break): the whole text is one sentence, cut character by character.
    const part = fc.constantFrom(
      "职",
      "行",
      "a",
      "b",
      "1",
      " ",
      "\t",
      "\r",
      "，",
      "）",
      "（",
      "“",
      "”",
      "😀",
      "𠀀",
    );
    const wordy = fc.constantFrom("abcdefghijklmnopqrstuvwxyz0123456789", "职".repeat(40), "2023年度");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(part, wordy), { maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(9, 10.5, 12),
        fc.constantFrom(60, 100, 200),
        (parts, width, size, lineHeight) => {
          const text = parts.join("");
          const maxLines = Math.floor((MAX_ROW_HEIGHT - 6) / lineHeight);
          const pieces = splitForRows(text, width, size, lineHeight);
          const problems: string[] = [];
          if (pieces.join("") !== text) problems.push("pieces do not make up the text");
          pieces.forEach((piece, i) => {
            const lines = estimateLines(piece, width, size);
            // One character more than a row holds is still a piece of its own: it cannot be cut further.
            if (lines > maxLines && [...piece].length > 1) problems.push(`piece ${i} has ${lines} lines`);
            const next = pieces[i + 1];
            if (next !== undefined && estimateLines(piece + [...next][0], width, size) <= maxLines)
              problems.push(`piece ${i} could hold the next character`);
          });
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cuts a cell of 32,767 CJK characters into rows that each hold as many as fit", () => {
    const text = "职".repeat(32767);
    const pieces = splitForRows(text, 60, 12);
    expect(pieces.join("")).toBe(text);
    const maxLines = Math.floor((MAX_ROW_HEIGHT - 6) / (12 * 1.4));
    for (const piece of pieces.slice(0, -1)) {
      expect(estimateLines(piece, 60, 12)).toBe(maxLines);
      expect(estimateLines(piece + "职", 60, 12)).toBe(maxLines + 1);
    }
  });
});

describe("SheetGrid", () => {
  it("lists every cell of a merged area with the area's style so borders cover it all", () => {
    const g = new SheetGrid([10, 10, 10]);
    g.area(0, 0, 1, 1, "标题", "title", { text: true });
    expect(g.cells).toEqual([
      { row: 0, col: 0, value: "标题", styleId: "title", text: true },
      { row: 0, col: 1, value: null, styleId: "title" },
      { row: 1, col: 0, value: null, styleId: "title" },
      { row: 1, col: 1, value: null, styleId: "title" },
    ]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it("writes an empty text as an empty cell and replaces a cell written twice", () => {
    const g = new SheetGrid([10]);
    g.set(0, 0, "旧", "a");
    g.set(0, 0, "", "b", { text: true });
    expect(g.cells).toEqual([{ row: 0, col: 0, value: null, styleId: "b" }]);
  });

  it("raises a row to fit its text and never lowers it", () => {
    const g = new SheetGrid([10, 10]);
    // 20 CJK characters (210 pt) across two 10-wide columns (about 94 usable points) wrap to three lines.
    g.fitRow(0, "一二三四五六七八九十一二三四五六七八九十", 0, 1, 10.5);
    expect(g.rowHeights[0]).toBe(51);
    g.fitRow(0, "短", 0, 1, 10.5);
    expect(g.rowHeights[0]).toBe(51);
  });
});
