/**
 * Colours the cells of the findings and puts back exactly the fills they had. Excel's undo cannot be relied on after
 * an add-in changes cells, so the previous fills are saved in a store that travels with the workbook (the document
 * settings) BEFORE anything is coloured; clearing restores them even after the file was closed and reopened.
 */
import type { Finding } from "../../engine/findings";
import { HIGHLIGHT_COLORS, HIGHLIGHT_STORE_KEY, markKey, worstMarks } from "../../engine/marks";
import { requireExcelApi, supportsExcelApi } from "./api";
import { toGatewayError } from "./errors";
import type { KeyValueStore } from "./store";

/** Excel's own "bad / neutral / note" pastel fills, so the marks read as warnings without hiding the numbers. */
/** A cell's fill before we coloured it. `pattern` is null where the host cannot report patterns (before 1.9). */
export interface SavedFill {
  readonly color: string | null;
  readonly pattern: string | null;
}

export interface SavedCell {
  readonly sheet: string;
  /** Single cell, A1 ("C8"). */
  readonly address: string;
  readonly fill: SavedFill;
}

export interface HighlightRecord {
  readonly version: 1;
  readonly cells: readonly SavedCell[];
}

export interface HighlightResult {
  /** Cells coloured. */
  readonly highlighted: number;
  /** Sheets left alone because they are protected. */
  readonly protectedSheets: readonly string[];
  /** True when the findings named more cells than the engine's MAX_HIGHLIGHTED_CELLS. */
  readonly truncated: boolean;
}

export interface ClearResult {
  readonly restored: number;
  /** Sheets whose cells could not be restored now (protected); they stay saved for a later clear. */
  readonly protectedSheets: readonly string[];
}

export function loadRecord(store: KeyValueStore): HighlightRecord | null {
  const raw = store.get(HIGHLIGHT_STORE_KEY);
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Partial<HighlightRecord>;
  return r.version === 1 && Array.isArray(r.cells) ? (r as HighlightRecord) : null;
}

/**
 * Colours every finding's cells by severity in two syncs: (1) the current fills of cells not yet saved and each
 * sheet's protection; then the fills are saved in the store; (2) the colouring. Highlighting again before clearing
 * keeps the fills saved the first time, so clear still restores the user's own fills.
 */
export async function highlightFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  store: KeyValueStore,
): Promise<HighlightResult> {
  requireExcelApi();
  const withPattern = supportsExcelApi("1.9");
  const previous = loadRecord(store);
  const saved = new Map((previous?.cells ?? []).map((c) => [markKey(c.sheet, c.address), c]));
  const { cells, truncated } = worstMarks(findings);
  try {
    const sheets = new Map<string, Excel.Worksheet>();
    const sheetOf = (name: string): Excel.Worksheet => {
      let ws = sheets.get(name);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(name);
        ws.protection.load("protected");
        sheets.set(name, ws);
      }
      return ws;
    };
    const probes: { key: string; sheet: string; address: string; fill: Excel.RangeFill }[] = [];
    for (const [key, c] of cells) {
      const ws = sheetOf(c.sheet);
      if (saved.has(key)) continue;
      const fill = ws.getRange(c.address).format.fill;
      fill.load(withPattern ? "color,pattern" : "color");
      probes.push({ key, sheet: c.sheet, address: c.address, fill });
    }
    await context.sync(); // 1

    const protectedSheets = [...sheets].filter(([, ws]) => ws.protection.protected).map(([name]) => name);
    const blocked = new Set(protectedSheets);
    for (const p of probes) {
      if (blocked.has(p.sheet)) continue;
      saved.set(p.key, {
        sheet: p.sheet,
        address: p.address,
        fill: { color: p.fill.color ?? null, pattern: withPattern ? (p.fill.pattern ?? null) : null },
      });
    }
    // Saved before colouring: if anything fails from here on, clear can still put the fills back.
    store.set(HIGHLIGHT_STORE_KEY, { version: 1, cells: [...saved.values()] } satisfies HighlightRecord);
    await store.save();

    let highlighted = 0;
    for (const c of cells.values()) {
      if (blocked.has(c.sheet)) continue;
      sheetOf(c.sheet).getRange(c.address).format.fill.color = HIGHLIGHT_COLORS[c.severity];
      highlighted += 1;
    }
    await context.sync(); // 2
    return { highlighted, protectedSheets, truncated };
  } catch (e) {
    throw toGatewayError(e);
  }
}

/** Puts back one saved fill: no fill is cleared, a solid fill gets its colour, a pattern its pattern too. */
function restoreFill(fill: Excel.RangeFill, saved: SavedFill, withPattern: boolean): void {
  // Without pattern information, white is what Excel reports for "no fill"; clearing is the faithful guess.
  const none =
    saved.pattern === "None" ||
    saved.color === null ||
    (saved.pattern === null && saved.color.toUpperCase() === "#FFFFFF");
  if (none) {
    fill.clear();
    return;
  }
  fill.color = saved.color as string;
  if (withPattern && saved.pattern && saved.pattern !== "Solid")
    fill.pattern = saved.pattern as Excel.FillPattern;
}

/**
 * Restores the fills saved by highlightFindings in two syncs: (1) which sheets still exist and whether they are
 * protected; (2) the restoring. Cells of deleted sheets are forgotten; cells of protected sheets stay saved.
 */
export async function clearHighlights(
  context: Excel.RequestContext,
  store: KeyValueStore,
): Promise<ClearResult> {
  requireExcelApi();
  const record = loadRecord(store);
  if (!record || record.cells.length === 0) return { restored: 0, protectedSheets: [] };
  const withPattern = supportsExcelApi("1.9");
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/protection/protected");
    await context.sync(); // 1

    const byName = new Map(worksheets.items.map((ws) => [ws.name.toUpperCase(), ws]));
    const kept: SavedCell[] = [];
    const protectedSheets = new Set<string>();
    let restored = 0;
    for (const c of record.cells) {
      const ws = byName.get(c.sheet.toUpperCase());
      if (!ws) continue;
      if (ws.protection.protected) {
        kept.push(c);
        protectedSheets.add(c.sheet);
        continue;
      }
      restoreFill(ws.getRange(c.address).format.fill, c.fill, withPattern);
      restored += 1;
    }
    await context.sync(); // 2

    if (kept.length > 0)
      store.set(HIGHLIGHT_STORE_KEY, { version: 1, cells: kept } satisfies HighlightRecord);
    else store.remove(HIGHLIGHT_STORE_KEY);
    await store.save();
    return { restored, protectedSheets: [...protectedSheets] };
  } catch (e) {
    throw toGatewayError(e);
  }
}
