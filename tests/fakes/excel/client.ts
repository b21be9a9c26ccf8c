/**
 * The request/queue machinery of the fake, with Office.js semantics:
 * - proxies record commands; nothing touches the workbook until `context.sync()`, which runs the queue in order;
 * - a property can be read only after `load` and a successful `sync` (else PropertyNotLoaded, as in Office.js), except
 *   that a property the add-in set itself reads back its local value (Office.js keeps setter values client-side);
 * - a failing command stops the batch: commands before it stay applied, the rest are dropped, and no loaded value of
 *   that batch is delivered;
 * - every sync is recorded with its command count and the approximate bytes sent and received;
 * - as Excel on the web, a request over the host's payload limit is refused before any command runs
 *   (RequestPayloadSizeLimitExceeded), and a batch whose answer would pass the limit has run — its writes stay — but
 *   delivers no loaded value (ResponsePayloadSizeLimitExceeded).
 */
import { FakeOfficeError, payloadTooLarge, propertyNotLoaded, type FakeErrorCode } from "./errors";
import type { FakeWorkbookModel } from "./model";

export interface SyncRecord {
  /** 1-based, counted over the fake's lifetime (or since `resetSyncLog`). */
  readonly index: number;
  readonly operations: number;
  /** UTF-8 size of the queued commands as JSON (what the add-in sends). */
  readonly requestBytes: number;
  /** UTF-8 size of the loaded results as JSON (what Excel sends back). */
  readonly responseBytes: number;
  readonly failed: boolean;
  /** The Office error code of a failed sync. */
  readonly errorCode?: string;
}

export interface PlannedFailure {
  readonly code: FakeErrorCode;
  /** How many commands of the batch are applied before the failure ("half": half of them, rounded down). */
  readonly afterOperations: number | "half";
}

/** What the context needs from the fake host. */
export interface SyncHost {
  readonly model: FakeWorkbookModel;
  /** True when the host implements ExcelApi at this version (e.g. "1.9"). */
  supportsExcelApi(version: string): boolean;
  /** Starts a sync: its index and, when a test asked for it, the failure to inject. */
  beginSync(): { index: number; failure?: PlannedFailure };
  recordSync(record: SyncRecord): void;
  /** While the user is editing a cell, Excel rejects every batch. */
  readonly cellEditMode: boolean;
  /** The largest request or response the host accepts, in bytes (Excel on the web: 5 MB). */
  readonly payloadLimitBytes: number;
}

/** A loaded snapshot waiting for the batch to succeed before it becomes readable. */
export interface Capture {
  readonly data: unknown;
  readonly commit: () => void;
}

interface Operation {
  readonly bytes: number;
  readonly run: () => Capture | void;
}

/** Browsers and Node have one; jest's jsdom environment does not, and there the count below serves. */
const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();

/**
 * UTF-8 length without Node's Buffer, so the fake can also run in a browser bundle. The native encoder first: the
 * payloads of a large read are tens of megabytes of JSON, which the loop below counts about ten times slower.
 */
export function utf8Length(text: string): number {
  if (encoder) return encoder.encode(text).length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class FakeRequestContext {
  private queue: Operation[] = [];
  /** Office.js API surface the gateway may touch; tracking is irrelevant in the fake. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Set by the host right after construction (kept here to avoid a module cycle). */
  workbook: unknown;

  constructor(readonly host: SyncHost) {}

  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(path: string, action: string, args: unknown, run: () => Capture | void): void {
    const bytes = utf8Length(JSON.stringify({ path, action, args: args ?? null }));
    this.queue.push({ bytes, run });
  }

  /** Office.js hosts without an API set reject its members; the fake does it when the member is called. */
  requireApi(version: string, member: string): void {
    if (!this.host.supportsExcelApi(version)) {
      throw new FakeOfficeError("ApiNotFound", `${member} needs ExcelApi ${version}, which this host lacks.`);
    }
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    const { index, failure } = this.host.beginSync();
    const failAt = !failure
      ? -1
      : failure.afterOperations === "half"
        ? Math.floor(ops.length / 2)
        : failure.afterOperations;
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    // Excel answers asynchronously; keep callers honest about awaiting.
    await Promise.resolve();
    const limit = this.host.payloadLimitBytes;
    try {
      if (requestBytes > limit) throw payloadTooLarge("request", requestBytes, limit);
      if (this.host.cellEditMode) {
        throw new FakeOfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell.",
        );
      }
      ops.forEach((op, i) => {
        if (failure && i === failAt) throw injected(failure);
        const captured = op.run();
        if (captured) {
          commits.push(captured.commit);
          responseBytes += utf8Length(JSON.stringify(captured.data ?? null));
        }
      });
      if (failure && failAt >= ops.length) throw injected(failure);
      if (responseBytes > limit) throw payloadTooLarge("response", responseBytes, limit);
    } catch (e) {
      const errorCode = e instanceof FakeOfficeError ? e.code : undefined;
      this.host.recordSync({
        index,
        operations: ops.length,
        requestBytes,
        responseBytes: 0,
        failed: true,
        ...(errorCode ? { errorCode } : {}),
      });
      throw e;
    }
    for (const c of commits) c();
    this.host.recordSync({ index, operations: ops.length, requestBytes, responseBytes, failed: false });
    return passThroughValue as T;
  }
}

function injected(failure: PlannedFailure): FakeOfficeError {
  return new FakeOfficeError(failure.code, "An internal error has occurred (injected by the test).");
}

export type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

/** "a, b/c" | ["a", "b/c"] | {select: "a,b"} → ["a", "b/c"]; an empty list means "every scalar property". */
export function parseLoadSpec(spec: LoadSpec): string[] {
  const raw =
    spec === undefined
      ? []
      : typeof spec === "string"
        ? spec.split(",")
        : Array.isArray(spec)
          ? spec.flatMap((s) => s.split(","))
          : [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
  return raw.map((s) => s.trim()).filter((s) => s !== "");
}

/** Splits paths by their first segment: "format/fill/color" → format: ["fill/color"]. */
function groupPaths(paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const slash = p.indexOf("/");
    const head = slash < 0 ? p : p.slice(0, slash);
    const rest = slash < 0 ? "" : p.slice(slash + 1);
    const list = groups.get(head) ?? [];
    if (rest) list.push(rest);
    groups.set(head, list);
  }
  return groups;
}

/** Anything that can take part in a load: a proxy object or a collection. */
export interface Capturable {
  capture(paths: readonly string[]): Capture;
}

/**
 * Base of every proxy. `T` is what the proxy stands for in the model, found by `resolver` the first time a command
 * needs it (at sync time, in queue order) and then kept, as Office.js tracks objects by identity after resolving them.
 * A resolver that returns null makes a null object (the *OrNullObject methods).
 */
export abstract class FakeClientObject<T> implements Capturable {
  private readonly loadedValues = new Map<string, unknown>();
  private isNull: boolean | undefined;
  private resolution: { readonly value: T | null } | undefined;

  protected constructor(
    readonly context: FakeRequestContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    private readonly entity: string,
  ) {}

  /** Loadable scalar properties and how to read them from the model. */
  protected abstract readers(): Record<string, (target: T) => unknown>;

  /** Navigation properties (format, fill, protection…) that a load path may go through. */
  protected children(): Record<string, Capturable> {
    return {};
  }

  resolveOrNull(): T | null {
    if (!this.resolution) this.resolution = { value: this.resolver() };
    return this.resolution.value;
  }

  /** The model object; commands on a null object fail as they do in Excel. */
  target(): T {
    const t = this.resolveOrNull();
    if (t === null) {
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested ${this.entity} does not exist (${this.path}).`,
      );
    }
    return t;
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.isNull;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this.validatePaths(paths);
    this.context.enqueue(this.path, "load", paths, () => this.capture(paths));
    return this;
  }

  /** Unknown property names fail at the call, so a typo in the gateway shows up in tests at once. */
  private validatePaths(paths: readonly string[]): void {
    const readers = this.readers();
    const children = this.children();
    for (const head of groupPaths(paths).keys()) {
      if (!(head in readers) && !(head in children)) {
        throw new FakeOfficeError("InvalidArgument", `${this.entity} has no loadable property "${head}".`);
      }
    }
  }

  capture(paths: readonly string[]): Capture {
    const t = this.resolveOrNull();
    if (t === null) {
      return { data: { isNullObject: true }, commit: () => (this.isNull = true) };
    }
    const readers = this.readers();
    const children = this.children();
    const groups =
      paths.length === 0 ? new Map(Object.keys(readers).map((k) => [k, [] as string[]])) : groupPaths(paths);
    const own: [string, unknown][] = [];
    const nested: [string, Capture][] = [];
    for (const [head, rest] of groups) {
      const reader = readers[head];
      if (reader) own.push([head, reader(t)]);
      else nested.push([head, children[head].capture(rest)]);
    }
    const data: Record<string, unknown> = Object.fromEntries(own);
    for (const [head, c] of nested) data[head] = c.data;
    return {
      data,
      commit: () => {
        this.isNull = false;
        for (const [k, v] of own) this.loadedValues.set(k, v);
        for (const [, c] of nested) c.commit();
      },
    };
  }

  /** A property's loaded (or locally set) value; PropertyNotLoaded otherwise. Null objects read as undefined. */
  protected read<V>(name: string): V {
    if (this.isNull === true) return undefined as V;
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(this.entity, name);
    return this.loadedValues.get(name) as V;
  }

  /** Queues a property write; the value also reads back locally at once, as in Office.js. */
  protected write(name: string, value: unknown, apply: (target: T) => void): void {
    this.loadedValues.set(name, value);
    this.context.enqueue(this.path, `set ${name}`, value, () => {
      apply(this.target());
    });
  }

  /** Queues a method call that changes the model. */
  protected invoke(action: string, args: unknown, apply: (target: T) => void): void {
    this.context.enqueue(this.path, action, args, () => {
      apply(this.target());
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/**
 * A collection proxy: `items` after loading, with each item's properties loaded by the same paths
 * ("items/name" or simply "name", as Office.js allows on collections).
 */
export abstract class FakeCollection<TItem, P extends FakeClientObject<TItem>> implements Capturable {
  private loadedItems: P[] | undefined;
  private readonly proxies = new Map<TItem, P>();

  protected constructor(
    readonly context: FakeRequestContext,
    readonly path: string,
    private readonly list: () => readonly TItem[],
    private readonly entity: string,
  ) {}

  /** A proxy for a model item that is already resolved to it. */
  protected abstract makeProxy(item: TItem, index: number): P;

  protected proxyFor(item: TItem, index: number): P {
    let p = this.proxies.get(item);
    if (!p) {
      p = this.makeProxy(item, index);
      this.proxies.set(item, p);
    }
    return p;
  }

  get items(): P[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.entity, "items");
    return this.loadedItems;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue(this.path, "load", paths, () => this.capture(paths));
    return this;
  }

  capture(paths: readonly string[]): Capture {
    const itemPaths = paths.flatMap((p) =>
      p === "items" ? [] : p.startsWith("items/") ? [p.slice(6)] : [p],
    );
    const proxies = this.list().map((item, i) => this.proxyFor(item, i));
    const captures = proxies.map((p) => p.capture(itemPaths));
    return {
      data: { items: captures.map((c) => c.data) },
      commit: () => {
        for (const c of captures) c.commit();
        this.loadedItems = proxies;
      },
    };
  }
}
