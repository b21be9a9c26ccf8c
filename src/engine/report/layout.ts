/**
 * Small layout tools shared by the three sheet builders: a cell/merge collector and the row-height estimate.
 * Excel does not grow a row to fit wrapped text in a merged cell (and LibreOffice does not either), so every row that
 * holds long text gets an explicit height computed here from the text's length and the merged width.
 */
import type { CellRange } from "../snapshot";
import type { CellSpec, HyperlinkSpec } from "./spec";

/** Excel caps a row's height at 409 points. */
export const MAX_ROW_HEIGHT = 409;

/** True for characters that print two columns wide: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Display width in half-width columns: CJK characters count 2, everything else 1. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? 2 : 1;
  return w;
}

/** Punctuation a line never starts with (Chinese line-breaking rules, 避头点): the renderer pulls the character before
 * it down with it, so a paragraph never ends on a line holding only "）。". */
const NO_LINE_START = new Set(Array.from("，。、；：！？）》」』】〕〉”’…%,.;:!?)]}"));
/** Punctuation a line never ends with (避尾点): it moves down with the character after it. */
const NO_LINE_END = new Set(Array.from("（《「『【〔〈“‘([{"));

/** One unbreakable piece of a paragraph: a CJK character, a Latin word or number, or a space. */
function tokens(paragraph: string): string[] {
  return paragraph.match(/[A-Za-z0-9@#$&*_+\-=/\\^~|'"<>`.,%:;!?]+|\s|./gsu) ?? [];
}

/**
 * The lines a paragraph wraps to at `fontSize` points in `usablePts` of width, as a spreadsheet wraps a cell: a CJK
 * character is as wide as the font size and may break anywhere, a half-width character half of it, a Latin word or
 * number breaks only at a space (or anywhere when it is longer than a line); closing punctuation is never left at a
 * line's start nor opening punctuation at its end. Fed one token at a time, so that a text growing at its end can be
 * measured without wrapping it all again (GrowingText).
 */
class ParagraphWrapper {
  private constructor(
    private readonly usablePts: number,
    private readonly fontSize: number,
    /** Every line so far; only the last one still changes (tokens are added to it or carried off it). */
    private readonly lines: string[][],
    /** The width taken on the last line. */
    private used: number,
  ) {}

  static start(usablePts: number, fontSize: number): ParagraphWrapper {
    return new ParagraphWrapper(usablePts, fontSize, [[]], 0);
  }

  /** A copy to add more tokens to; the lines before the last are shared, as no token changes them again. */
  copy(): ParagraphWrapper {
    const lines = this.lines.slice();
    lines[lines.length - 1] = lines[lines.length - 1].slice();
    return new ParagraphWrapper(this.usablePts, this.fontSize, lines, this.used);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  text(): string[] {
    return this.lines.map((l) => l.join("").replace(/\s+$/, ""));
  }

  private widthOf(t: string): number {
    return (displayWidth(t) * this.fontSize) / 2;
  }

  private push(t: string): void {
    this.lines[this.lines.length - 1].push(t);
    this.used += this.widthOf(t);
  }

  private newLine(carry: string[]): void {
    this.lines.push([]);
    this.used = 0;
    for (const t of carry) this.push(t);
  }

  add(token: string): void {
    const usablePts = this.usablePts;
    const w = this.widthOf(token);
    const line = this.lines[this.lines.length - 1];
    if (this.used + w <= usablePts || line.length === 0) {
      if (w > usablePts && line.length === 0 && token.length > 1) {
        // A word longer than the line: broken by characters.
        for (const ch of token) {
          if (this.used + this.widthOf(ch) > usablePts && this.lines[this.lines.length - 1].length > 0)
            this.newLine([]);
          this.push(ch);
        }
      } else this.push(token);
      return;
    }
    if (/^\s$/.test(token)) {
      this.newLine([]); // the space that breaks the line is not drawn
      return;
    }
    // The break falls before `token`: keep closing punctuation off the next line's start by taking the character
    // before it along, and opening punctuation off this line's end.
    // A run of closing marks ("）。") moves down whole, with the character before it: taking only the last mark left
    // "）" to start the next line.
    const carry: string[] = [];
    if (NO_LINE_START.has(token)) {
      while (line.length > 1 && NO_LINE_START.has(line[line.length - 1])) carry.unshift(line.pop() as string);
      if (line.length > 1) carry.unshift(line.pop() as string);
    }
    while (line.length > 1 && NO_LINE_END.has(line[line.length - 1])) carry.unshift(line.pop() as string);
    this.newLine(carry);
    this.push(token);
  }
}

function wrapParagraph(paragraph: string, usablePts: number, fontSize: number): string[] {
  const wrapper = ParagraphWrapper.start(usablePts, fontSize);
  for (const token of tokens(paragraph)) wrapper.add(token);
  return wrapper.text();
}

/** Width in points left for text in a cell `widthChars` Excel character units wide (7 px each, 5 px of margin). */
function usablePoints(widthChars: number): number {
  return Math.max(1, (widthChars * 7 + 5) * 0.75 - 6);
}

/** The lines `text` wraps to in a cell `widthChars` Excel character units wide at `fontSize` points (see wrapParagraph). */
export function wrapLines(text: string, widthChars: number, fontSize: number): string[] {
  const usable = usablePoints(widthChars);
  return text.split(/\r?\n/).flatMap((p) => wrapParagraph(p, usable, fontSize));
}

/**
 * How many lines a text wraps to in a cell `widthChars` Excel character units wide, at `fontSize` points.
 * One character unit is the width of a digit of the default 11-pt font (7 px = 5.25 pt); a CJK glyph is as wide as the
 * font size and a half-width glyph half of it. Counted line by line as the cell wraps (wrapLines), so a row gets the
 * height of its text and no blank line under it.
 */
export function estimateLines(text: string, widthChars: number, fontSize: number): number {
  return wrapLines(text, widthChars, fontSize).length;
}

/** The line pitch rows are sized with unless told otherwise: 1.4 × the font size, generous for any face. */
export function defaultLineHeight(fontSize: number): number {
  return fontSize * 1.4;
}

/**
 * The line pitch in points of wrapped text in a face whose ascent + descent is one em, as the Chinese faces of Windows
 * (宋体, 仿宋, 楷体, 黑体) and their stand-ins in LibreOffice (AR PL UMing/UKai) have: the size in whole pixels at 96 dpi
 * plus one pixel, so that a renderer rounding a line up to the next pixel still fits (12 pt → 17 px = 12.75 pt; the
 * default 1.4 × size, 16.8 pt, left a blank line under every four lines of body text in the 自评报告).
 */
export function emLineHeight(fontSize: number): number {
  return ((Math.ceil((fontSize * 96) / 72) + 1) * 72) / 96;
}

/** Row height in points for `lines` lines of a font, with a little air above and below. */
export function heightForLines(
  lines: number,
  fontSize: number,
  minHeight = 0,
  lineHeight = defaultLineHeight(fontSize),
): number {
  const h = Math.ceil(lines * lineHeight + 6);
  return Math.min(MAX_ROW_HEIGHT, Math.max(minHeight, h));
}

export interface CellOptions {
  readonly text?: boolean;
  readonly hyperlink?: HyperlinkSpec;
}

/** Collects a sheet's cells, merges and row heights in the spec's shape. */
export class SheetGrid {
  readonly cells: CellSpec[] = [];
  readonly merges: CellRange[] = [];
  readonly rowHeights: Record<number, number> = {};
  /** Where each cell sits in `cells`, so setting a cell twice replaces it without a scan (a 核查结果 sheet may hold
   * tens of thousands of cells; a scan per cell made it quadratic). */
  private readonly positions = new Map<number, number>();

  constructor(readonly columnWidths: readonly number[]) {}

  set(
    row: number,
    col: number,
    given: string | number | null,
    styleId: string,
    options: CellOptions = {},
  ): void {
    // An empty text is no value: writing "" would leave an empty string cell that Excel counts as non-blank.
    const value = given === "" ? null : given;
    const cell: CellSpec = {
      row,
      col,
      value,
      styleId,
      ...(options.text && typeof value === "string" ? { text: true as const } : {}),
      ...(options.hyperlink ? { hyperlink: options.hyperlink } : {}),
    };
    // Excel has 16,384 columns, so row × 16,384 + col names each cell once.
    const key = row * 16_384 + col;
    const at = this.positions.get(key);
    if (at !== undefined) this.cells[at] = cell;
    else {
      this.positions.set(key, this.cells.length);
      this.cells.push(cell);
    }
  }

  /**
   * Writes a value over a rectangle and merges it. Covered cells are listed too (empty, same style) so that borders
   * and fills cover the whole merged area in every renderer.
   */
  area(
    top: number,
    left: number,
    bottom: number,
    right: number,
    value: string | number | null,
    styleId: string,
    options: CellOptions = {},
  ): void {
    for (let r = top; r <= bottom; r += 1) {
      for (let c = left; c <= right; c += 1) {
        if (r === top && c === left) this.set(r, c, value, styleId, options);
        else this.set(r, c, null, styleId);
      }
    }
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  /** Sum of the widths of columns left..right. */
  width(left: number, right: number): number {
    let w = 0;
    for (let c = left; c <= right; c += 1) w += this.columnWidths[c] ?? 8.43;
    return w;
  }

  /** The height in points `text` needs in columns left..right. */
  neededHeight(
    text: string,
    left: number,
    right: number,
    fontSize: number,
    minHeight = 0,
    lineHeight = defaultLineHeight(fontSize),
  ): number {
    const lines = estimateLines(text, this.width(left, right), fontSize);
    return heightForLines(lines, fontSize, minHeight, lineHeight);
  }

  /** Raises a row's height so `text` fits in columns left..right (never lowers a height already set). */
  fitRow(
    row: number,
    text: string,
    left: number,
    right: number,
    fontSize: number,
    minHeight = 0,
    lineHeight = defaultLineHeight(fontSize),
  ): void {
    const h = this.neededHeight(text, left, right, fontSize, minHeight, lineHeight);
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, h);
  }

  /** Sets a row's height outright. */
  height(row: number, points: number): void {
    this.rowHeights[row] = points;
  }
}

/**
 * Splits a long text into pieces that each fit in one row (Excel's 409-point cap), breaking after sentence ends
 * (。；！？.) where possible, so a long 职能职责 prints whole over several rows instead of being cut.
 */
export function splitForRows(
  text: string,
  widthChars: number,
  fontSize: number,
  lineHeight = defaultLineHeight(fontSize),
): string[] {
  const maxLines = Math.floor((MAX_ROW_HEIGHT - 6) / lineHeight);
  if (estimateLines(text, widthChars, fontSize) <= maxLines) return [text];
  const sentences = text.match(/[^。；！？!?;.\n]*[。；！？!?;.\n]?/g)?.filter((s) => s !== "") ?? [text];
  const pieces: string[] = [];
  let current = "";
  for (const s of sentences) {
    const candidate = current + s;
    if (current !== "" && estimateLines(candidate, widthChars, fontSize) > maxLines) {
      pieces.push(current);
      current = s;
    } else {
      current = candidate;
    }
  }
  if (current !== "") pieces.push(current);
  // A single sentence longer than a row can hold: cut it by characters.
  return pieces.flatMap((p) =>
    estimateLines(p, widthChars, fontSize) <= maxLines ? [p] : cutByWidth(p, widthChars, fontSize, maxLines),
  );
}

function cutByWidth(text: string, widthChars: number, fontSize: number, maxLines: number): string[] {
  const out: string[] = [];
  let current = "";
  let growing = new GrowingText(widthChars, fontSize);
  for (const ch of text) {
    if (current !== "" && growing.linesWith(ch) > maxLines) {
      out.push(current);
      current = "";
      growing = new GrowingText(widthChars, fontSize);
    }
    current += ch;
    growing.append(ch);
  }
  if (current !== "") out.push(current);
  return out;
}

/**
 * A text that grows one character at a time, and the number of lines it would wrap to with one more character —
 * what estimateLines(text + ch) gives, without wrapping the whole text again for each character (cutting a
 * 32,767-character cell into rows did that 32,767 times). The text's paragraphs and tokens are wrapLines' own: a
 * finished paragraph's lines are counted once, and the current paragraph's tokens are fed to its wrapper except the
 * last, which the next character may still extend (a Latin word) or, when it is "\r" before "\n", remove.
 */
class GrowingText {
  private readonly usable: number;
  /** The lines of the paragraphs before the current one. */
  private finished = 0;
  private paragraph: ParagraphWrapper;
  /** The current paragraph's last token, not yet given to its wrapper. */
  private last = "";

  constructor(
    widthChars: number,
    private readonly fontSize: number,
  ) {
    this.usable = usablePoints(widthChars);
    this.paragraph = ParagraphWrapper.start(this.usable, fontSize);
  }

  /** The lines of the current paragraph with `tail` (its last tokens) added. */
  private paragraphLines(tail: readonly string[]): number {
    if (tail.length === 0) return this.paragraph.lineCount;
    const trial = this.paragraph.copy();
    for (const token of tail) trial.add(token);
    return trial.lineCount;
  }

  /** The last tokens of the current paragraph when it ends here: "\r" before "\n" belongs to the line break. */
  private closingTail(): string[] {
    return this.last === "" || this.last === "\r" ? [] : [this.last];
  }

  /** estimateLines of the text with `ch` appended. */
  linesWith(ch: string): number {
    // After "\n" comes a new paragraph, empty so far: one line.
    if (ch === "\n") return this.finished + this.paragraphLines(this.closingTail()) + 1;
    return this.finished + this.paragraphLines(tokens(this.last + ch));
  }

  append(ch: string): void {
    if (ch === "\n") {
      for (const token of this.closingTail()) this.paragraph.add(token);
      this.finished += this.paragraph.lineCount;
      this.paragraph = ParagraphWrapper.start(this.usable, this.fontSize);
      this.last = "";
      return;
    }
    const tail = tokens(this.last + ch);
    for (const token of tail.slice(0, -1)) this.paragraph.add(token);
    this.last = tail[tail.length - 1];
  }
}
