/**
 * Colours the cells of the findings in WPS 表格 and puts back exactly the fills they had. The fills are saved in the
 * workbook's store BEFORE anything is coloured, so 清除标记 restores them even after the file was closed and reopened;
 * the record has the Office.js gateway's shape (same key, colours "#RRGGBB", patterns "None"/"Solid") so a workbook
 * marked in one host can be cleared in the other. Protected sheets are left alone and named.
 */
import { parseA1Range, toA1 } from "../../engine/a1";
import type { Finding, Severity } from "../../engine/findings";
import { HIGHLIGHT_COLORS, HIGHLIGHT_STORE_KEY, MAX_HIGHLIGHTED_CELLS } from "../../engine/marks";
import { XL_NONE, XL_PATTERN_SOLID, fromBgr, toBgr, type EtApplication, type EtWorksheet } from "./et-api";
import { activeWorkbook, findSheet } from "./sheets";
import type { WorkbookStore } from "./store";

interface SavedCell {
  readonly sheet: string;
  readonly address: string;
  readonly fill: { readonly color: string | null; readonly pattern: string | null };
}

interface HighlightRecord {
  readonly version: 1;
  readonly cells: readonly SavedCell[];
}

export interface MarkResult {
  readonly cells: number;
  readonly protectedSheets: readonly string[];
  readonly truncated: boolean;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

function keyOf(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

function loadRecord(store: WorkbookStore): HighlightRecord | null {
  const raw = store.get(HIGHLIGHT_STORE_KEY);
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Partial<HighlightRecord>;
  return r.version === 1 && Array.isArray(r.cells) ? (r as HighlightRecord) : null;
}

/** Every cell the findings name (ranges expanded), with the most severe finding's severity, up to the limit. */
function targetCells(findings: readonly Finding[]) {
  const cells = new Map<string, { sheet: string; address: string; severity: Severity }>();
  let truncated = false;
  for (const f of findings)
    for (const c of f.cells) {
      const r = parseA1Range(c.address);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const address = toA1(row, col);
          const key = keyOf(c.sheet, address);
          const had = cells.get(key);
          if (had) {
            if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[had.severity]) had.severity = f.severity;
          } else if (cells.size >= MAX_HIGHLIGHTED_CELLS) truncated = true;
          else cells.set(key, { sheet: c.sheet, address, severity: f.severity });
        }
    }
  return { cells, truncated };
}

function patternName(pattern: number | null): string | null {
  if (pattern === null) return null;
  if (pattern === XL_NONE) return "None";
  if (pattern === XL_PATTERN_SOLID) return "Solid";
  return `xl:${pattern}`;
}

function patternNumber(name: string | null): number | null {
  if (name === null) return null;
  if (name === "None") return XL_NONE;
  if (name === "Solid") return XL_PATTERN_SOLID;
  const n = /^xl:(-?\d+)$/.exec(name);
  return n ? Number(n[1]) : null;
}

export function highlightWps(
  app: EtApplication,
  store: WorkbookStore,
  findings: readonly Finding[],
): MarkResult {
  const wb = activeWorkbook(app);
  const previous = loadRecord(store);
  const saved = new Map((previous?.cells ?? []).map((c) => [keyOf(c.sheet, c.address), c]));
  const { cells, truncated } = targetCells(findings);
  const sheets = new Map<string, EtWorksheet | null>();
  const sheetOf = (name: string) => {
    if (!sheets.has(name)) sheets.set(name, findSheet(wb, name));
    return sheets.get(name) ?? null;
  };
  const protectedSheets = new Set<string>();
  const todo: { ws: EtWorksheet; address: string; severity: Severity }[] = [];
  for (const [key, c] of cells) {
    const ws = sheetOf(c.sheet);
    if (!ws) continue;
    if (ws.ProtectContents) {
      protectedSheets.add(c.sheet);
      continue;
    }
    if (!saved.has(key)) {
      const interior = ws.Range(c.address).Interior;
      const pattern = interior.Pattern;
      saved.set(key, {
        sheet: c.sheet,
        address: c.address,
        fill: {
          color: pattern === XL_NONE || interior.Color === null ? null : fromBgr(interior.Color),
          pattern: patternName(pattern),
        },
      });
    }
    todo.push({ ws, address: c.address, severity: c.severity });
  }
  // Saved before colouring: if anything fails from here on, clearing still puts the fills back.
  store.set(HIGHLIGHT_STORE_KEY, { version: 1, cells: [...saved.values()] } satisfies HighlightRecord);
  for (const t of todo) {
    const interior = t.ws.Range(t.address).Interior;
    interior.Pattern = XL_PATTERN_SOLID;
    interior.Color = toBgr(HIGHLIGHT_COLORS[t.severity]);
  }
  return { cells: todo.length, protectedSheets: [...protectedSheets], truncated };
}

export function clearWps(app: EtApplication, store: WorkbookStore): MarkResult {
  const record = loadRecord(store);
  if (!record || record.cells.length === 0) return { cells: 0, protectedSheets: [], truncated: false };
  const wb = activeWorkbook(app);
  const kept: SavedCell[] = [];
  const protectedSheets = new Set<string>();
  let restored = 0;
  for (const c of record.cells) {
    const ws = findSheet(wb, c.sheet);
    if (!ws) continue; // the sheet is gone: nothing to restore
    if (ws.ProtectContents) {
      kept.push(c);
      protectedSheets.add(c.sheet);
      continue;
    }
    const interior = ws.Range(c.address).Interior;
    const pattern = patternNumber(c.fill.pattern);
    if (c.fill.color === null || pattern === XL_NONE) interior.Pattern = XL_NONE;
    else {
      interior.Color = toBgr(c.fill.color);
      if (pattern !== null) interior.Pattern = pattern;
    }
    restored += 1;
  }
  if (kept.length > 0) store.set(HIGHLIGHT_STORE_KEY, { version: 1, cells: kept } satisfies HighlightRecord);
  else store.remove(HIGHLIGHT_STORE_KEY);
  return { cells: restored, protectedSheets: [...protectedSheets], truncated: false };
}
