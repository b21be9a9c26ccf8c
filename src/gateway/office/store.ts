/**
 * A small key/value store for state that must travel with the workbook (the fills saved before highlighting).
 * The task pane passes Office.context.document.settings through `officeSettingsStore`; tests use `memoryStore`.
 */

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persists the changes with the document (settings live in memory until saved). */
  save(): Promise<void>;
}

/** The subset of Office.Settings the adapter uses, so a fake can stand in for it. */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

export function officeSettingsStore(settings: OfficeSettingsLike): KeyValueStore {
  return {
    get: (key) => settings.get(key) ?? null,
    set: (key, value) => settings.set(key, value),
    remove: (key) => settings.remove(key),
    save: () =>
      new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) => {
          // Office.AsyncResultStatus.Succeeded is the string "succeeded".
          if (String(result.status).toLowerCase() === "succeeded") resolve();
          else reject(new Error(result.error?.message ?? "saving the document settings failed"));
        }),
      ),
  };
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    get: (key) => {
      const v = data.get(key);
      return v === undefined ? null : (JSON.parse(v) as unknown);
    },
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    remove: (key) => void data.delete(key),
    save: () => Promise.resolve(),
  };
}
