/**
 * The slice of the `Office` global the add-in touches: requirement-set checks, document settings and the display
 * language. Settings behave like Office.context.document.settings: changes live in memory until `saveAsync`, and
 * `reload()` (a test's stand-in for closing and reopening the file) drops what was not saved.
 */

/** Compares "1.10" > "1.9" numerically, part by part. */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export class FakeSettings {
  private saved = new Map<string, string>();
  private live = new Map<string, string>();
  /** How many times the add-in saved, for tests. */
  saveCount = 0;

  get(name: string): unknown {
    const v = this.live.get(name);
    return v === undefined ? null : (JSON.parse(v) as unknown);
  }
  set(name: string, value: unknown): void {
    // Office serialises settings as JSON; storing the text keeps tests honest about what survives.
    this.live.set(name, JSON.stringify(value));
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(callback?: (result: { status: "succeeded" | "failed"; error?: Error }) => void): void {
    this.saved = new Map(this.live);
    this.saveCount += 1;
    Promise.resolve().then(() => callback?.({ status: "succeeded" }));
  }
  /** Reopening the document: only saved settings come back. */
  reload(): void {
    this.live = new Map(this.saved);
  }
}

export class FakeOffice {
  /** Highest version of each requirement set the host implements. */
  readonly supported = new Map<string, string>([["ExcelApi", "1.17"]]);
  readonly settings = new FakeSettings();
  displayLanguage = "zh-CN";
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly document: { readonly settings: FakeSettings };
    readonly displayLanguage: string;
  };

  constructor() {
    const requirements = {
      isSetSupported: (name: string, minVersion?: string): boolean => {
        const have = this.supported.get(name);
        return have !== undefined && versionAtLeast(have, minVersion ?? "1.1");
      },
    };
    const office = this as FakeOffice;
    this.context = {
      requirements,
      document: { settings: this.settings },
      get displayLanguage(): string {
        return office.displayLanguage;
      },
    };
  }
}
