/** The two languages every user-facing string exists in. zh-CN is the default: the users are Chinese accountants. */
export type Lang = "zh-CN" | "en-US";

export const DEFAULT_LANG: Lang = "zh-CN";

/** A text in both languages, so the engine can hand results to any UI without knowing its language. */
export interface Localized {
  readonly "zh-CN": string;
  readonly "en-US": string;
}

export function parseLang(text: string | undefined | null): Lang | null {
  if (!text) return null;
  const t = text.trim().toLowerCase();
  if (t === "zh-cn" || t === "zh" || t.startsWith("zh-")) return "zh-CN";
  if (t === "en-us" || t === "en" || t.startsWith("en-")) return "en-US";
  return null;
}

/** Picks a language from a host's display language ("zh-CN", "en-GB", ...); anything not English is zh-CN. */
export function langFromDisplayLanguage(text: string | undefined | null): Lang {
  return text && text.trim().toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

export function localized(zh: string, en: string): Localized {
  return { "zh-CN": zh, "en-US": en };
}
