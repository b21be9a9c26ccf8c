/**
 * Custom XML parts (ExcelApi 1.5): `workbook.customXmlParts` with add, getByNamespace, getItem…, and on each part
 * getXml (a ClientResult readable after the sync), setXml and delete. The namespace is read from the root element's
 * default namespace, as Excel does. Parts live in the model, so a second host over the same fake (a reopened pane)
 * finds them.
 */
import { FakeClientObject, FakeCollection, type FakeRequestContext } from "./client";
import { FakeOfficeError, propertyNotLoaded } from "./errors";

export interface FakeCustomXmlPartModel {
  readonly id: string;
  xml: string;
}

/** The root element's namespace (xmlns="…" or the namespace of its prefix), "" when none. */
export function namespaceOf(xml: string): string {
  const root = /<(?!\?|!)([\w.-]+:)?[\w.-]+([^>]*)>/.exec(xml);
  if (!root) return "";
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const decl = new RegExp(`xmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*["']([^"']*)["']`).exec(root[2]);
  return decl ? decl[1] : "";
}

/** What getXml() returns: the value is readable once the batch that asked for it has synced. */
export class FakeClientResult<T> {
  private loaded = false;
  private data: T | undefined;
  set(value: T): void {
    this.data = value;
    this.loaded = true;
  }
  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("ClientResult", "value");
    return this.data as T;
  }
}

export class FakeCustomXmlPart extends FakeClientObject<FakeCustomXmlPartModel> {
  constructor(context: FakeRequestContext, path: string, resolver: () => FakeCustomXmlPartModel | null) {
    super(context, path, resolver, "CustomXmlPart");
  }
  protected readers(): Record<string, (p: FakeCustomXmlPartModel) => unknown> {
    return { id: (p) => p.id, namespaceUri: (p) => namespaceOf(p.xml) };
  }
  get id(): string {
    return this.read("id");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(this.path, "getXml", null, () => {
      const xml = this.target().xml;
      return { data: xml, commit: () => result.set(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this.invoke("setXml", xml, (p) => {
      p.xml = xml;
    });
  }
  delete(): void {
    this.invoke("delete", null, (p) => {
      const parts = this.context.host.model.customXmlParts;
      const i = parts.indexOf(p);
      if (i >= 0) parts.splice(i, 1);
    });
  }
}

export class FakeCustomXmlPartCollection extends FakeCollection<FakeCustomXmlPartModel, FakeCustomXmlPart> {
  constructor(context: FakeRequestContext, path: string, namespace: string | null = null) {
    super(
      context,
      path,
      () =>
        context.host.model.customXmlParts.filter(
          (p) => namespace === null || namespaceOf(p.xml) === namespace,
        ),
      "CustomXmlPartCollection",
    );
  }

  protected makeProxy(item: FakeCustomXmlPartModel, index: number): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, `${this.path}.items[${index}]`, () => {
      if (!this.context.host.model.customXmlParts.includes(item))
        throw new FakeOfficeError("ItemNotFound", "The custom XML part was deleted.");
      return item;
    });
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(
      this.context,
      `${this.path}.getByNamespace(${namespaceUri})`,
      namespaceUri,
    );
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      `${this.path}.getItemOrNullObject(${id})`,
      () => this.context.host.model.customXmlParts.find((p) => p.id === id) ?? null,
    );
  }

  /** Adds a part; Excel refuses XML that is not well formed (here: one without a root element). */
  add(xml: string): FakeCustomXmlPart {
    let added: FakeCustomXmlPartModel | null = null;
    this.context.enqueue(this.path, "add", xml, () => {
      if (!/<(?!\?|!)[\w.:-]+[^>]*>/.test(xml))
        throw new FakeOfficeError("InvalidArgument", "The XML is not well formed.");
      const model = this.context.host.model;
      model.customXmlPartCounter += 1;
      added = { id: `{FAKE-${model.customXmlPartCounter}}`, xml };
      model.customXmlParts.push(added);
    });
    return new FakeCustomXmlPart(this.context, `${this.path}.add()`, () => added);
  }
}
