/**
 * Cell text quoted inside a message (a row's label, an indicator's name, text that is not an amount) is cut short.
 * A cell holds up to 32,767 characters; a message quoting two of them would not fit back into the 核查结果 sheet's cell
 * (Excel refuses longer text), and a finding is read at a glance — the cell address says where the rest is.
 */

/** Quoted text keeps at most this many characters, then "…". */
export const QUOTE_MAX_CHARS = 60;

/** `text` cut to `max` characters (counted as code points, so 𠀀 or an emoji is never split), with "…" when cut. */
export function quoteText(text: string, max: number = QUOTE_MAX_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("") + "…";
}
