/**
 * The real-filings corpus format (issue 11 §1; the shared CORPUS-FORMAT brief): one JSON file per published filing,
 * transcribed by hand. This module is the one place that knows the format, so the builder script, the drift test and
 * the scoreboard agree on it: the types, and a validator whose messages name the file and the field.
 */
import { decimalToScaledInteger, fenPerUnit, MONEY_UNITS, type MoneyUnit } from "../../src/engine/money";

export type Cell = string | number | null;

export interface FilingSheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly merges: readonly string[];
  /**
   * Ranges ("E23:E25") of cells the source page does not show: illegible (OCR), or past the point where the page is cut
   * (the rest of the last, partly shown row). Each is null in `rows` and empty in the workbook, but it is not a cell the
   * filer left empty: what a correct reader finds there cannot be told, so a finding naming it is neither a caught
   * mistake nor a false error. Absent when the page shows every cell of the grid.
   */
  readonly unshown?: readonly string[];
}

/**
 * A finding the page does not let anyone judge although its own cell is shown: the 权重 total of a table whose last
 * rows are cut off, the typed 总分 against scores partly cut off, "no table" on a form cut before its tables. `cell`
 * is where the finding would stand (null: a finding about the whole workbook, which names no cell); `why` says what
 * is not shown.
 */
export interface Unjudged {
  readonly cell: string | null;
  readonly why: string;
}

export type Amounts = Partial<Record<"initial" | "budget" | "executed", string>>;

export type ExpectedTable = "budget" | "expenditure" | "indicators" | "info" | "project";

export type MistakeKind =
  | "sum"
  | "typed-score"
  | "typed-total"
  | "grade"
  | "execution"
  | "missing-reason"
  | "weights"
  | "placeholder"
  | "other";

export interface ExpectedIndicator {
  /** null where the page shows no 三级指标 name (or it is illegible); target and actual likewise. */
  readonly name: string | null;
  readonly target: string | null;
  readonly actual: string | null;
  readonly weight: number | null;
  /** null where the rules cannot score the row from what is shown (weight not stated, target illegible). */
  readonly ruleScore: string | null;
  readonly why: string;
}

export interface Filing {
  readonly id: string;
  /** url is null only when the stored page came without its address (then the title and the page's own words identify it). */
  readonly source: { readonly url: string | null; readonly title: string; readonly retrieved: string };
  readonly province: string;
  readonly unit: string;
  readonly year: number;
  readonly form: "department" | "project";
  readonly project: string | null;
  readonly transcription: string;
  readonly sheets: readonly FilingSheet[];
  readonly filing: {
    readonly scores: readonly { readonly name: string; readonly typed: number | string | null }[];
    readonly executionTyped: number | string | null;
    readonly total: number | string | null;
    readonly grade: string | null;
  };
  readonly expected: {
    readonly tables: readonly ExpectedTable[];
    readonly unit: MoneyUnit | null;
    readonly budget: {
      readonly total?: Amounts;
      readonly sources?: Readonly<Record<string, Amounts>>;
      readonly nature?: Readonly<Record<string, Amounts>>;
    } | null;
    readonly execution: { readonly rate: string; readonly score: string } | null;
    readonly indicators: readonly ExpectedIndicator[];
    readonly total: string | null;
    readonly mistakes: readonly {
      readonly cell: string;
      readonly kind: MistakeKind;
      readonly what: string;
    }[];
    readonly notes: string;
    /** Findings the page cannot judge (see Unjudged); absent when there is none. */
    readonly unjudged?: readonly Unjudged[];
  };
}

export const EXPECTED_TABLES: readonly ExpectedTable[] = [
  "budget",
  "expenditure",
  "indicators",
  "info",
  "project",
];

export const MISTAKE_KINDS: readonly MistakeKind[] = [
  "sum",
  "typed-score",
  "typed-total",
  "grade",
  "execution",
  "missing-reason",
  "weights",
  "placeholder",
  "other",
];

/** A filing that does not follow the format; the message names the file and the field. */
export class FilingFormatError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = "FilingFormatError";
  }
}

const ID = /^[a-z]+(?:-[a-z0-9]+)*-(?:19|20)\d{2}-(?:dept|proj)(?:-\d+)?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const RANGE = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/;
const CELL_REF = /^(.+)!([A-Z]{1,3})(\d{1,7})$/;
// Excel refuses these in sheet names, and caps a name at 31 characters.
const BAD_SHEET_NAME = /[[\]:*?/\\]/;

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 28 → "AB". */
export function columnLetters(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B3:D5" → 1-based box; null when not a range of that form or when reversed. */
export function parseRange(range: string): Box | null {
  const m = RANGE.exec(range);
  if (!m) return null;
  const box = { top: +m[2], left: columnNumber(m[1]), bottom: +m[4], right: columnNumber(m[3]) };
  return box.top <= box.bottom && box.left <= box.right ? box : null;
}

/** A decimal string in `unit` as integer 分 (null when not a decimal). */
export function decimalToFen(decimal: string, unit: MoneyUnit): number | null {
  if (!DECIMAL.test(decimal)) return null;
  return decimalToScaledInteger(decimal, Math.round(Math.log10(fenPerUnit(unit))));
}

type Json = unknown;

class Checker {
  constructor(private readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new FilingFormatError(this.file, field, problem);
  }

  object(v: Json, field: string): Record<string, Json> {
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(field, "must be an object");
    return v as Record<string, Json>;
  }

  array(v: Json, field: string): Json[] {
    if (!Array.isArray(v)) this.fail(field, "must be an array");
    return v;
  }

  string(v: Json, field: string, nonEmpty = true): string {
    if (typeof v !== "string") this.fail(field, "must be a string");
    if (nonEmpty && v.trim() === "") this.fail(field, "must not be empty");
    return v;
  }

  decimal(v: Json, field: string): string {
    const s = this.string(v, field);
    if (!DECIMAL.test(s)) this.fail(field, `must be a decimal string like "95.00", got "${s}"`);
    return s;
  }

  numberOrNull(v: Json, field: string): number | null {
    if (v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v)) this.fail(field, "must be a number or null");
    return v;
  }

  typed(v: Json, field: string): number | string | null {
    if (v === null || typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.fail(field, "must be a number, a string or null");
  }

  oneOf<T extends string>(v: Json, allowed: readonly T[], field: string): T {
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      this.fail(field, `must be one of ${allowed.join(", ")}`);
    }
    return v as T;
  }

  keys(o: Record<string, Json>, allowed: readonly string[], field: string): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.fail(`${field}.${k}`, "is not a field of the format");
  }
}

function checkAmounts(c: Checker, v: Json, field: string): Amounts {
  const o = c.object(v, field);
  c.keys(o, ["initial", "budget", "executed"], field);
  for (const [k, amount] of Object.entries(o)) c.decimal(amount, `${field}.${k}`);
  return o as Amounts;
}

function checkSheet(c: Checker, v: Json, field: string): FilingSheet {
  const o = c.object(v, field);
  c.keys(o, ["name", "rows", "merges", "unshown"], field);
  const name = c.string(o.name, `${field}.name`);
  if (name.length > 31 || BAD_SHEET_NAME.test(name))
    c.fail(`${field}.name`, `"${name}" is not a valid Excel sheet name`);
  const rows = c.array(o.rows, `${field}.rows`).map((r, i) => {
    const row = c.array(r, `${field}.rows[${i}]`);
    row.forEach((cell, j) => {
      const ok =
        cell === null || typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell));
      if (!ok) c.fail(`${field}.rows[${i}][${j}]`, "must be a string, a number or null");
    });
    return row as Cell[];
  });
  if (rows.length === 0) c.fail(`${field}.rows`, "must have at least one row");
  const width = Math.max(...rows.map((r) => r.length));
  const boxes: Box[] = [];
  const merges = c.array(o.merges, `${field}.merges`).map((m, i) => {
    const f = `${field}.merges[${i}]`;
    const range = c.string(m, f);
    const box = parseRange(range);
    if (!box) c.fail(f, `"${range}" is not a range like "A1:H1"`);
    if (box.top === box.bottom && box.left === box.right) c.fail(f, `"${range}" is a single cell`);
    if (box.bottom > rows.length || box.right > width) c.fail(f, `"${range}" reaches outside the rows`);
    for (const other of boxes) {
      const overlap =
        box.top <= other.bottom &&
        other.top <= box.bottom &&
        box.left <= other.right &&
        other.left <= box.right;
      if (overlap) c.fail(f, `"${range}" overlaps another merge`);
    }
    // A merge shows only its top-left value; anything typed under it would be lost in Excel, so it must be null.
    for (let r = box.top; r <= box.bottom; r++) {
      for (let col = box.left; col <= box.right; col++) {
        if (r === box.top && col === box.left) continue;
        const cell = rows[r - 1]?.[col - 1] ?? null;
        if (cell !== null) {
          c.fail(
            `${field}.rows[${r - 1}][${col - 1}]`,
            `is covered by the merge "${range}" and must be null`,
          );
        }
      }
    }
    boxes.push(box);
    return range;
  });
  if (o.unshown === undefined) return { name, rows, merges };
  const unshown = c.array(o.unshown, `${field}.unshown`).map((u, i) => {
    const f = `${field}.unshown[${i}]`;
    const range = c.string(u, f);
    const box = parseRange(range.includes(":") ? range : `${range}:${range}`);
    if (!box) c.fail(f, `"${range}" is not a cell or a range like "E23:E25"`);
    if (box.bottom > rows.length || box.right > width) c.fail(f, `"${range}" reaches outside the rows`);
    // Nothing is transcribed into a cell the page does not show: it stays empty, so no figure is invented.
    for (let r = box.top; r <= box.bottom; r++) {
      for (let col = box.left; col <= box.right; col++) {
        if ((rows[r - 1]?.[col - 1] ?? null) !== null)
          c.fail(
            `${field}.rows[${r - 1}][${col - 1}]`,
            `is in the unshown range "${range}" and must be null`,
          );
      }
    }
    return range;
  });
  if (unshown.length === 0) c.fail(`${field}.unshown`, "must list at least one range (or be left out)");
  return { name, rows, merges, unshown };
}

/** Every cell ("Sheet1!E23") a filing marks as not shown by its source page. */
export function unshownCells(sheets: readonly FilingSheet[]): Set<string> {
  const out = new Set<string>();
  for (const sheet of sheets) {
    for (const range of sheet.unshown ?? []) {
      const box = parseRange(range.includes(":") ? range : `${range}:${range}`);
      if (!box) continue;
      for (let r = box.top; r <= box.bottom; r++)
        for (let col = box.left; col <= box.right; col++) out.add(`${sheet.name}!${columnLetters(col)}${r}`);
    }
  }
  return out;
}

/** Validates one parsed filing; `file` is the name used in error messages. Returns it typed. */
export function validateFiling(data: Json, file: string): Filing {
  const c: Checker = new Checker(file);
  const o = c.object(data, "(root)");
  c.keys(
    o,
    [
      "id",
      "source",
      "province",
      "unit",
      "year",
      "form",
      "project",
      "transcription",
      "sheets",
      "filing",
      "expected",
    ],
    "(root)",
  );
  const id = c.string(o.id, "id");
  if (!ID.test(id))
    c.fail("id", `"${id}" is not <province>-<place>-<year>-<dept|proj>[-n] in lower-case ASCII`);
  const base = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
  if (base !== id) c.fail("id", `"${id}" differs from the file name "${base}"`);

  const source = c.object(o.source, "source");
  c.keys(source, ["url", "title", "retrieved"], "source");
  if (source.url !== null) {
    const url = c.string(source.url, "source.url");
    if (!/^https?:\/\/\S+$/.test(url))
      c.fail("source.url", "must be an http(s) address (or null when none is stored)");
  }
  c.string(source.title, "source.title");
  const retrieved = c.string(source.retrieved, "source.retrieved");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(retrieved)) c.fail("source.retrieved", "must be a date YYYY-MM-DD");

  c.string(o.province, "province");
  c.string(o.unit, "unit");
  const year = o.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1990 || year > 2100) {
    c.fail("year", "must be a four-digit year");
  }
  const form = c.oneOf(o.form, ["department", "project"] as const, "form");
  if (
    !id.endsWith(form === "department" ? "-dept" : "-proj") &&
    !new RegExp(`-${form === "department" ? "dept" : "proj"}-\\d+$`).test(id)
  ) {
    c.fail("id", `must end in -${form === "department" ? "dept" : "proj"} for a ${form} form`);
  }
  if (form === "project") c.string(o.project, "project");
  else if (o.project !== null) c.fail("project", "must be null for a department form");
  c.string(o.transcription, "transcription");

  const sheets = c.array(o.sheets, "sheets").map((s, i) => checkSheet(c, s, `sheets[${i}]`));
  if (sheets.length === 0) c.fail("sheets", "must have at least one sheet");
  const names = new Set<string>();
  sheets.forEach((s, i) => {
    if (names.has(s.name)) c.fail(`sheets[${i}].name`, `"${s.name}" is used twice`);
    names.add(s.name);
  });

  const filing = c.object(o.filing, "filing");
  c.keys(filing, ["scores", "executionTyped", "total", "grade"], "filing");
  c.array(filing.scores, "filing.scores").forEach((s, i) => {
    const so = c.object(s, `filing.scores[${i}]`);
    c.keys(so, ["name", "typed"], `filing.scores[${i}]`);
    c.string(so.name, `filing.scores[${i}].name`);
    c.typed(so.typed, `filing.scores[${i}].typed`);
  });
  c.typed(filing.executionTyped, "filing.executionTyped");
  c.typed(filing.total, "filing.total");
  if (filing.grade !== null) c.string(filing.grade, "filing.grade");

  const e = c.object(o.expected, "expected");
  c.keys(
    e,
    ["tables", "unit", "budget", "execution", "indicators", "total", "mistakes", "notes", "unjudged"],
    "expected",
  );
  c.array(e.tables, "expected.tables").forEach((t, i) =>
    c.oneOf(t, EXPECTED_TABLES, `expected.tables[${i}]`),
  );
  if (e.unit !== null) c.oneOf(e.unit, MONEY_UNITS, "expected.unit");
  if (e.budget !== null) {
    const b = c.object(e.budget, "expected.budget");
    c.keys(b, ["total", "sources", "nature"], "expected.budget");
    if (e.unit === null) c.fail("expected.unit", "must be given when expected.budget is");
    if (b.total !== undefined) checkAmounts(c, b.total, "expected.budget.total");
    for (const part of ["sources", "nature"] as const) {
      if (b[part] === undefined) continue;
      const group = c.object(b[part], `expected.budget.${part}`);
      for (const [k, v] of Object.entries(group)) checkAmounts(c, v, `expected.budget.${part}.${k}`);
    }
  }
  if (e.execution !== null) {
    const x = c.object(e.execution, "expected.execution");
    c.keys(x, ["rate", "score"], "expected.execution");
    c.decimal(x.rate, "expected.execution.rate");
    c.decimal(x.score, "expected.execution.score");
  }
  c.array(e.indicators, "expected.indicators").forEach((v, i) => {
    const f = `expected.indicators[${i}]`;
    const ind = c.object(v, f);
    c.keys(ind, ["name", "target", "actual", "weight", "ruleScore", "why"], f);
    if (ind.name !== null) c.string(ind.name, `${f}.name`);
    if (ind.target !== null) c.string(ind.target, `${f}.target`, false);
    if (ind.actual !== null) c.string(ind.actual, `${f}.actual`, false);
    c.numberOrNull(ind.weight, `${f}.weight`);
    if (ind.ruleScore !== null) c.decimal(ind.ruleScore, `${f}.ruleScore`);
    c.string(ind.why, `${f}.why`);
  });
  if (e.total !== null) c.decimal(e.total, "expected.total");
  c.array(e.mistakes, "expected.mistakes").forEach((v, i) => {
    const f = `expected.mistakes[${i}]`;
    const m = c.object(v, f);
    c.keys(m, ["cell", "kind", "what"], f);
    const cell = c.string(m.cell, `${f}.cell`);
    const ref = CELL_REF.exec(cell);
    if (!ref) c.fail(`${f}.cell`, `"${cell}" is not a cell like "Sheet1!D12"`);
    const sheet = sheets.find((s) => s.name === ref[1]);
    if (!sheet) c.fail(`${f}.cell`, `names no sheet of the workbook ("${ref[1]}")`);
    const width = Math.max(...sheet.rows.map((r) => r.length));
    if (+ref[3] > sheet.rows.length || columnNumber(ref[2]) > width)
      c.fail(`${f}.cell`, `"${cell}" is outside the rows`);
    c.oneOf(m.kind, MISTAKE_KINDS, `${f}.kind`);
    c.string(m.what, `${f}.what`);
  });
  c.string(e.notes, "expected.notes", false);
  const unshown = unshownCells(sheets);
  c.array(e.mistakes, "expected.mistakes").forEach((v, i) => {
    const cell = (v as { cell: string }).cell;
    if (unshown.has(cell))
      c.fail(`expected.mistakes[${i}].cell`, `"${cell}" is a cell the page does not show (unshown)`);
  });
  if (e.unjudged !== undefined) {
    c.array(e.unjudged, "expected.unjudged").forEach((v, i) => {
      const f = `expected.unjudged[${i}]`;
      const u = c.object(v, f);
      c.keys(u, ["cell", "why"], f);
      if (u.cell !== null) {
        const cell = c.string(u.cell, `${f}.cell`);
        const ref = CELL_REF.exec(cell);
        if (!ref)
          c.fail(`${f}.cell`, `"${cell}" is not a cell like "Sheet1!I8" (or null for the whole workbook)`);
        if (!sheets.some((s) => s.name === ref[1]))
          c.fail(`${f}.cell`, `names no sheet of the workbook ("${ref[1]}")`);
      }
      c.string(u.why, `${f}.why`);
    });
  }
  return data as Filing;
}
