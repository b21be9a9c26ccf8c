/** Address text as Excel returns it, turned into engine rectangles. */
import { parseA1Range } from "../../engine/a1";
import type { CellRange } from "../../engine/snapshot";

/**
 * Splits a RangeAreas address ("Sheet1!A1:B2,'My, sheet'!C3") into rectangles. Commas inside a quoted sheet name are
 * part of the name, so the split is quote-aware; the sheet part is dropped.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' toggles twice, which keeps the state right
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map(parseA1Range);
}
