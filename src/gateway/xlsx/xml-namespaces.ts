/**
 * SpreadsheetML by namespace, not by prefix. exceljs's parsers (and so both our readers, which parse with them) match
 * element names literally: `workbook`, `sheetData`, `c`, and `r:id` for a relationship. A package written with the
 * spreadsheetml namespace bound to a prefix — `<x:workbook xmlns:x="…/spreadsheetml/2006/main">`, as the .NET Open
 * XML SDK writes it — means the same to Excel, but read literally it is a workbook without sheets.
 *
 * `byNamespace` sits between the SAX parser (saxes, through exceljs's parse-sax) and the parsers reading its events:
 * it keeps the namespace declarations in scope and renames each element and attribute of a namespace it knows to the
 * name exceljs expects — spreadsheetml and package relationships unprefixed, office relationships `r:` — whatever
 * prefix the part uses. Names in other namespaces, and every name of a part written the usual way, pass unchanged.
 * `installNamespaceFix` puts it under exceljs's own `parseStream`, so its in-memory load reads such packages too.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs ships its parsers as CommonJS modules without
   typings; the interfaces below name the little of them used here. */

export interface SaxTag {
  readonly name: string;
  readonly attributes: Record<string, string>;
}
export type SaxEvent =
  | { eventType: "opentag"; value: SaxTag }
  | { eventType: "text"; value: string }
  | { eventType: "closetag"; value: SaxTag };

export const SPREADSHEETML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The prefix exceljs's parsers expect for each namespace they read ("" for none). */
const EXPECTED_PREFIX: ReadonlyMap<string, string> = new Map([
  [SPREADSHEETML_NS, ""],
  ["http://schemas.openxmlformats.org/package/2006/relationships", ""],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"],
]);

/** The namespaces bound in one part as its events go by: a stack of the declarations each open element made. */
class NamespaceScope {
  /** prefix ("" for the default namespace) → URI, for the element being read. */
  private bindings = new Map<string, string>();
  /** Per open element, the bindings to restore when it closes (null: it declared nothing). */
  private readonly saved: (Map<string, string> | null)[] = [];
  /** Names already mapped under the current bindings (cleared whenever they change). */
  private elementNames = new Map<string, string>();
  private attributeNames = new Map<string, string>();
  /** Per open element, the tag handed on, so its close event carries the same name. */
  private readonly open: SaxTag[] = [];

  /** Maps a batch in place (parse-sax hands each batch over once); events whose names stay are left as they are. */
  map(events: SaxEvent[]): SaxEvent[] {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (event.eventType === "text") continue;
      const value = event.eventType === "opentag" ? this.openTag(event.value) : this.closeTag(event.value);
      if (value !== event.value) events[i] = { eventType: event.eventType, value };
    }
    return events;
  }

  private openTag(tag: SaxTag): SaxTag {
    let declares = false;
    let prefixed = false;
    for (const key in tag.attributes) {
      if (key.indexOf(":") < 0) {
        if (key === "xmlns") declares = true;
      } else if (key.startsWith("xmlns:")) declares = true;
      else prefixed = true;
    }
    this.saved.push(declares ? this.declare(tag.attributes) : null);
    const name = this.mapped(tag.name, true);
    let attributes = tag.attributes;
    if (prefixed) {
      for (const key in tag.attributes) {
        if (key.indexOf(":") < 0 || key.startsWith("xmlns:")) continue;
        const renamed = this.mapped(key, false);
        if (renamed === key) continue;
        if (attributes === tag.attributes) attributes = { ...tag.attributes };
        delete attributes[key];
        attributes[renamed] = tag.attributes[key];
      }
    }
    const value = name === tag.name && attributes === tag.attributes ? tag : { ...tag, name, attributes };
    this.open.push(value);
    return value;
  }

  private closeTag(tag: SaxTag): SaxTag {
    const value = this.open.pop() ?? tag;
    const restore = this.saved.pop();
    if (restore) this.rebind(restore);
    return value;
  }

  /**
   * Applies an element's xmlns and xmlns:p attributes (they hold for the element itself and what it contains) and
   * returns the bindings to restore when it closes.
   */
  private declare(attributes: Record<string, string>): Map<string, string> {
    const before = this.bindings;
    const next = new Map(before);
    for (const key in attributes) {
      if (key === "xmlns") next.set("", attributes[key]);
      else if (key.startsWith("xmlns:")) next.set(key.slice("xmlns:".length), attributes[key]);
    }
    this.rebind(next);
    return before;
  }

  private rebind(bindings: Map<string, string>): void {
    this.bindings = bindings;
    this.elementNames = new Map();
    this.attributeNames = new Map();
  }

  /** The name exceljs expects for `qname`; unprefixed attributes belong to no namespace and stay as they are. */
  private mapped(qname: string, isElement: boolean): string {
    const cache = isElement ? this.elementNames : this.attributeNames;
    let name = cache.get(qname);
    if (name === undefined) {
      name = qname;
      const colon = qname.indexOf(":");
      if (colon >= 0 || isElement) {
        const prefix = colon < 0 ? "" : qname.slice(0, colon);
        const uri = prefix === "xml" || prefix === "xmlns" ? undefined : this.bindings.get(prefix);
        const expected = uri === undefined ? undefined : EXPECTED_PREFIX.get(uri);
        if (expected !== undefined) {
          const local = qname.slice(colon + 1);
          name = expected === "" ? local : `${expected}:${local}`;
        }
      }
      cache.set(qname, name);
    }
    return name;
  }
}

/** The events of one XML part, with spreadsheetml and relationship names as exceljs's parsers expect them. */
export async function* byNamespace(events: AsyncIterable<SaxEvent[]>): AsyncIterable<SaxEvent[]> {
  const scope = new NamespaceScope();
  for await (const batch of events) yield scope.map(batch);
}

interface Parser {
  parse(events: AsyncIterable<SaxEvent[]>): Promise<unknown>;
}
interface BaseXformClass {
  prototype: {
    parseStream(this: Parser, stream: unknown): Promise<unknown>;
    __selfevalNamespacesPatched?: boolean;
  };
}

/**
 * Makes every exceljs parser read through `byNamespace` (installed once, idempotent): its in-memory load (read.ts, the
 * preview's host) and the parts the streaming reader hands to exceljs's parsers.
 */
export function installNamespaceFix(): void {
  const BaseXform = require("exceljs/lib/xlsx/xform/base-xform") as BaseXformClass;
  if (BaseXform.prototype.__selfevalNamespacesPatched) return;
  BaseXform.prototype.__selfevalNamespacesPatched = true;
  const parseSax = require("exceljs/lib/utils/parse-sax") as (source: unknown) => AsyncIterable<SaxEvent[]>;
  BaseXform.prototype.parseStream = function (this: Parser, stream: unknown): Promise<unknown> {
    return this.parse(byNamespace(parseSax(stream)));
  };
}
