/**
 * Where the task pane runs: inside Excel, or in a plain browser (preview mode). Office.onReady reports `host: null`
 * outside Office, and `Office` is missing altogether when office.js could not load (offline, blocked); both are preview.
 * It asks office.js, so it lives in the Office.js gateway; the UI reaches it through src/app/hosts.ts.
 */
import type { HostInfo, HostMode, HostTheme } from "../../app/host";
import { langFromDisplayLanguage } from "../../engine/i18n";

/** The part of office.js this module uses, so tests can hand in a fake. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown } | null | undefined>;
  context?: { displayLanguage?: string; officeTheme?: HostTheme };
}

/** Office.onReady resolves at once outside Office; this only guards against a host that never answers. */
export const READY_TIMEOUT_MS = 10_000;

function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

function browserLanguage(): string | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.language;
}

function displayLanguageOf(office: OfficeLike): string | undefined {
  try {
    return office.context?.displayLanguage || undefined;
  } catch {
    // Outside Office some office.js builds throw on context access; the browser's language is the fallback.
    return undefined;
  }
}

function officeThemeOf(office: OfficeLike): HostTheme | null {
  try {
    return office.context?.officeTheme ?? null;
  } catch {
    // officeTheme is missing on older hosts (and throws in some); the pane then keeps Fluent's light theme.
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

/** Waits for office.js and tells where the pane runs and in which language to speak. Never rejects. */
export async function detectHost(
  office: OfficeLike | undefined = globalOffice(),
  timeoutMs: number = READY_TIMEOUT_MS,
): Promise<HostInfo> {
  if (!office || typeof office.onReady !== "function") {
    return { mode: "preview", host: null, lang: langFromDisplayLanguage(browserLanguage()) };
  }
  const info = await withTimeout(
    Promise.resolve().then(() => office.onReady()),
    timeoutMs,
  );
  const host = info && info.host != null ? String(info.host) : null;
  // Outside Office, office.js has no display language of the user's to report; the browser's is the honest one.
  const lang = langFromDisplayLanguage((host ? displayLanguageOf(office) : undefined) ?? browserLanguage());
  const mode: HostMode = host === "Excel" ? "excel" : "preview";
  const theme = mode === "excel" ? officeThemeOf(office) : null;
  const platform = mode === "excel" && info?.platform != null ? String(info.platform) : null;
  return { mode, host, lang, ...(theme ? { theme } : {}), ...(platform ? { platform } : {}) };
}

/** Office's display language ("zh-CN"), or undefined outside Office (the ribbon's commands word their report by it). */
export function officeDisplayLanguage(): string | undefined {
  return globalOffice()?.context?.displayLanguage;
}

/** The office.js global as the ribbon's function file uses it (Office.onReady, Office.actions), when there is one. */
export function officeGlobal<T>(): T | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as T);
}
