/** Small helpers for the bench: medians, rounding and plain-text tables. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` decimals for the tables and results.json (the raw samples are kept beside). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function ratio(a: number, b: number): number {
  return b === 0 ? NaN : round(a / b, 2);
}

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** A table with a title, right-aligned numbers and left-aligned text. */
export function table(
  title: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => displayLength(String(r[j] ?? "")))));
  const line = (r: readonly (string | number)[], isHeader: boolean) =>
    r
      .map((c, j) => {
        const text = String(c ?? "");
        const pad = " ".repeat(widths[j] - displayLength(text));
        const numeric = !isHeader && typeof rows[0]?.[j] === "number";
        return numeric ? pad + text : text + pad;
      })
      .join("  ");
  const out = [title, line(header, true), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of cells.slice(1)) out.push(line(r, false));
  return out.join("\n") + "\n";
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "—";
  if (Number.isInteger(n)) return formatInt(n);
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Terminal columns a text takes (CJK characters take two). */
function displayLength(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
