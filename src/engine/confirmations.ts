/**
 * The filer's 出错说明 (issue 12 §3): a finding the filer has looked at and explained, as 部门决算 software asks for
 * before it accepts a filing with open checks. A confirmation is keyed by the rule, the cells and the values the finding
 * saw, so it holds exactly as long as the figures it explains: change one and the key no longer matches.
 *
 * - A confirmed warning or notice leaves the counts (it stays listed, marked as explained).
 * - A confirmed error stays an error (the banner still counts it: "…其中 M 项已说明") and carries its explanation.
 * - A confirmation whose rule and cells still have a finding but whose values changed is *lapsed*: it is not applied,
 *   and the evaluation lists it so the pane and the CLI can ask for a new explanation. One whose finding is gone (the
 *   filer fixed it) is simply not applied, and the next save drops it.
 *
 * The store travels with the workbook (a custom XML part in Excel and the .xlsx, the very-hidden marker sheet in WPS);
 * this module is its pure side: the document, its XML form, the key, and applying it to an evaluation.
 */
import { parseA1Range } from "./a1";
import type { Evaluation } from "./evaluate";
import { summarize, type CellAddress, type Finding, type Severity } from "./findings";
import { isDateValue, isErrorValue, type CellValue, type WorkbookSnapshot } from "./snapshot";

/** One 出错说明 as stored. `rule` is a string: a store written by a newer version may name a rule this one lacks. */
export interface Confirmation {
  /** confirmationKey(rule, cells, values). */
  readonly key: string;
  readonly rule: string;
  /** "Sheet!A1" (or a range), as the finding named them. */
  readonly cells: readonly string[];
  /** What the finding saw: each cell's value as text, then the figures of its message. */
  readonly values: readonly string[];
  /** The filer's explanation (non-empty). */
  readonly text: string;
  /** When it was written (ISO 8601), when known. */
  readonly at?: string;
  /** Who wrote it, when known. */
  readonly author?: string;
}

/** What a confirmed finding carries. */
export interface FindingConfirmation {
  readonly key: string;
  readonly text: string;
  readonly at?: string;
  readonly author?: string;
}

export interface ConfirmationStore {
  readonly version: 1;
  readonly confirmations: readonly Confirmation[];
}

export const EMPTY_CONFIRMATIONS: ConfirmationStore = { version: 1, confirmations: [] };

/** The namespace of the custom XML part (and the root element's), one per workbook. */
export const CONFIRMATIONS_NAMESPACE = "urn:selfeval:confirmations:1";

/** The key the WPS marker store keeps the document under. */
export const CONFIRMATIONS_KEY = "selfeval.confirmations";

/** An explanation longer than this is cut (a cell shows 32,767 characters; a paragraph is plenty). */
export const CONFIRMATION_TEXT_MAX = 500;

/** At most this many cells of a range go into the values (a header row is enough to see a change). */
const MAX_VALUE_CELLS = 64;

// ---------------------------------------------------------------- the key

/** 64 bits of FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes with different offsets). */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

export function confirmationKey(rule: string, cells: readonly string[], values: readonly string[]): string {
  return hash64(JSON.stringify([rule, cells, values]));
}

export function cellRef(cell: CellAddress): string {
  return `${cell.sheet}!${cell.address}`;
}

function valueText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isErrorValue(v)) return v.code;
  if (isDateValue(v)) return v.iso;
  return "";
}

/** The values of a cell or range on a sheet of the snapshot, as text ("" for empty or out of range). */
function valuesAt(snapshot: WorkbookSnapshot, cell: CellAddress): string[] {
  const sheet = snapshot.sheets.find((s) => s.name === cell.sheet);
  let rect;
  try {
    rect = parseA1Range(cell.address);
  } catch {
    return [""];
  }
  const out: string[] = [];
  for (let r = rect.top; r <= rect.bottom && out.length < MAX_VALUE_CELLS; r++) {
    for (let c = rect.left; c <= rect.right && out.length < MAX_VALUE_CELLS; c++) {
      out.push(sheet ? valueText(sheet.values[r - sheet.originRow]?.[c - sheet.originCol]) : "");
    }
  }
  return out;
}

/**
 * What a finding saw: the values of its cells, then the figures its message states (a score the rules give, a sum of
 * parts the cells do not show). The message's figures, not its words, so a reworded message keeps its confirmations.
 */
export function seenValues(finding: Finding, snapshot: WorkbookSnapshot): string[] {
  const cells = finding.cells.flatMap((c) => valuesAt(snapshot, c));
  const figures = finding.message["zh-CN"].match(/-?\d+(?:\.\d+)?/g) ?? [];
  return [...cells, `#${figures.join(",")}`];
}

/** The confirmation `text` would make of a finding now (its key from the snapshot's current values). */
export function makeConfirmation(
  finding: Finding,
  snapshot: WorkbookSnapshot,
  text: string,
  meta: { readonly at?: string; readonly author?: string } = {},
): Confirmation {
  const cells = finding.cells.map(cellRef);
  const values = seenValues(finding, snapshot);
  return {
    key: confirmationKey(finding.rule, cells, values),
    rule: finding.rule,
    cells,
    values,
    text: cleanText(text),
    ...(meta.at ? { at: meta.at } : {}),
    ...(meta.author ? { author: meta.author } : {}),
  };
}

/** The explanation as stored: trimmed, line ends unified, at most CONFIRMATION_TEXT_MAX characters. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim().slice(0, CONFIRMATION_TEXT_MAX);
}

function sameTarget(
  a: { rule: string; cells: readonly string[] },
  rule: string,
  cells: readonly string[],
): boolean {
  return a.rule === rule && a.cells.length === cells.length && a.cells.every((c, i) => c === cells[i]);
}

// ---------------------------------------------------------------- applying

export interface ConfirmedEvaluation extends Evaluation {
  /** Confirmations whose rule and cells still have a finding, but not with the values explained: to explain again. */
  readonly lapsed: readonly Confirmation[];
}

/** How many findings are explained, by severity. */
export function confirmedCounts(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) if (f.confirmation) out[f.severity] += 1;
  return out;
}

/**
 * The counts a summary shows: every error, and the warnings and notices not explained (an explained one leaves the
 * counts). With no confirmation this is `summarize`.
 */
export function countedSummary(findings: readonly Finding[]): Record<Severity, number> {
  return summarize(findings.filter((f) => f.severity === "error" || !f.confirmation));
}

/**
 * The evaluation with the store applied: each finding whose key is in the store carries its confirmation, the summary
 * leaves out explained warnings and notices. An empty store changes nothing (the same findings, the same summary).
 */
export function applyConfirmations(
  evaluation: Evaluation,
  snapshot: WorkbookSnapshot,
  store: ConfirmationStore,
): ConfirmedEvaluation {
  if (store.confirmations.length === 0) return { ...evaluation, lapsed: [] };
  const byKey = new Map(store.confirmations.map((c) => [c.key, c]));
  const used = new Set<string>();
  const findings = evaluation.findings.map((f): Finding => {
    const cells = f.cells.map(cellRef);
    const key = confirmationKey(f.rule, cells, seenValues(f, snapshot));
    const c = byKey.get(key);
    if (!c) return f;
    used.add(key);
    const confirmation: FindingConfirmation = {
      key,
      text: c.text,
      ...(c.at ? { at: c.at } : {}),
      ...(c.author ? { author: c.author } : {}),
    };
    return { ...f, confirmation };
  });
  const lapsed = store.confirmations.filter(
    (c) =>
      !used.has(c.key) &&
      findings.some((f) => !f.confirmation && sameTarget(c, f.rule, f.cells.map(cellRef))),
  );
  return { ...evaluation, findings, summary: countedSummary(findings), lapsed };
}

/** The lapsed confirmation for a finding (same rule and cells, other values): its text, to start a new one from. */
export function lapsedFor(finding: Finding, lapsed: readonly Confirmation[]): Confirmation | null {
  const cells = finding.cells.map(cellRef);
  return lapsed.find((c) => sameTarget(c, finding.rule, cells)) ?? null;
}

/**
 * The store after confirming: the new confirmation replaces any for the same rule and cells, and confirmations that
 * match no finding of `current` any more (neither by key nor by rule and cells: the problem is gone) are dropped.
 */
export function withConfirmation(
  store: ConfirmationStore,
  confirmation: Confirmation,
  current: readonly Finding[],
): ConfirmationStore {
  const kept = relevant(store, current).filter((c) => !sameTarget(c, confirmation.rule, confirmation.cells));
  return { version: 1, confirmations: [...kept, confirmation] };
}

/** The store without the confirmation of this key (and without those that match no finding of `current`). */
export function withoutConfirmation(
  store: ConfirmationStore,
  key: string,
  current: readonly Finding[],
): ConfirmationStore {
  return { version: 1, confirmations: relevant(store, current).filter((c) => c.key !== key) };
}

/** The store without any confirmation of this finding's rule and cells (the one applied and any lapsed one). */
export function withoutConfirmationsOf(
  store: ConfirmationStore,
  finding: Finding,
  current: readonly Finding[],
): ConfirmationStore {
  const cells = finding.cells.map(cellRef);
  return {
    version: 1,
    confirmations: relevant(store, current).filter((c) => !sameTarget(c, finding.rule, cells)),
  };
}

function relevant(store: ConfirmationStore, current: readonly Finding[]): Confirmation[] {
  const targets = current.map((f) => ({ rule: f.rule as string, cells: f.cells.map(cellRef) }));
  return store.confirmations.filter((c) => targets.some((t) => sameTarget(c, t.rule, t.cells)));
}

/**
 * One store from the two a workbook may carry: Excel's custom XML part and the marker-sheet store WPS 表格 keeps (a
 * workbook explained in both). Merged by key: a confirmation in one only is kept; for a key in both, the one written
 * later (`at`) wins, and Excel's part when neither says when. Excel's come first, in their order, then WPS's own.
 */
export function mergeConfirmationStores(
  part: ConfirmationStore,
  marker: ConfirmationStore,
): ConfirmationStore {
  if (marker.confirmations.length === 0) return part;
  if (part.confirmations.length === 0) return marker;
  const fromMarker = new Map(marker.confirmations.map((c) => [c.key, c]));
  const merged = part.confirmations.map((c) => {
    const other = fromMarker.get(c.key);
    return other && (other.at ?? "") > (c.at ?? "") ? other : c;
  });
  const inPart = new Set(part.confirmations.map((c) => c.key));
  return {
    version: 1,
    confirmations: [...merged, ...marker.confirmations.filter((c) => !inPart.has(c.key))],
  };
}

// ---------------------------------------------------------------- reading and writing the document

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

/**
 * A store from whatever storage returned (null, JSON of an older or hand-edited copy): every confirmation is checked
 * field by field, and one that is not whole is left out rather than guessed at.
 */
export function normalizeConfirmations(stored: unknown): ConfirmationStore {
  const s = record(stored);
  const list = Array.isArray(s?.confirmations) ? (s.confirmations as unknown[]) : [];
  const confirmations: Confirmation[] = [];
  for (const item of list) {
    const c = record(item);
    if (!c) continue;
    const cells = strings(c.cells);
    const values = strings(c.values);
    const text = typeof c.text === "string" ? cleanText(c.text) : "";
    if (typeof c.key !== "string" || typeof c.rule !== "string" || !cells || !values || text === "") continue;
    confirmations.push({
      key: c.key,
      rule: c.rule,
      cells,
      values,
      text,
      ...(typeof c.at === "string" && c.at ? { at: c.at } : {}),
      ...(typeof c.author === "string" && c.author ? { author: c.author } : {}),
    });
  }
  return { version: 1, confirmations };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e as "amp"];
  });
}

/**
 * The custom XML part's content: one root element in our namespace holding the store as JSON text (escaped, so any
 * explanation survives any XML processor that re-serialises the part).
 */
export function confirmationsToXml(store: ConfirmationStore): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<confirmations xmlns="${CONFIRMATIONS_NAMESPACE}">${escapeXml(JSON.stringify(store))}</confirmations>`
  );
}

/** True when the XML is our part (its root element in our namespace). */
export function isConfirmationsXml(xml: string): boolean {
  return /<(?:\w+:)?confirmations\b[^>]*\bxmlns(?::\w+)?\s*=\s*["']urn:selfeval:confirmations:1["']/.test(
    xml,
  );
}

/** The store from the part's XML; the empty store for anything else or anything unreadable. */
export function confirmationsFromXml(xml: string | null): ConfirmationStore {
  if (xml === null || !isConfirmationsXml(xml)) return EMPTY_CONFIRMATIONS;
  const m = /<(?:\w+:)?confirmations\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?confirmations\s*>)/.exec(xml);
  const body = m?.[1] ?? "";
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(body);
  try {
    return normalizeConfirmations(JSON.parse(cdata ? cdata[1] : unescapeXml(body)) as unknown);
  } catch {
    return EMPTY_CONFIRMATIONS;
  }
}
