/** [Content_Types].xml: which content type each part has (an Override by name, else a Default by extension). */
import {
  attr,
  childElements,
  element,
  parseXml,
  prefixOf,
  rootOf,
  setChildren,
  childrenOf,
  tagOf,
  type XmlDocument,
  type XmlNode,
} from "./xml";
import { normalizePartName } from "./opc";

function extensionOf(part: string): string {
  const name = part.slice(part.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function partKey(name: string): string {
  return normalizePartName(name).toLowerCase();
}

export class ContentTypes {
  readonly doc: XmlDocument;
  private readonly root: XmlNode;
  private readonly prefix: string;

  constructor(xml: string) {
    this.doc = parseXml(xml);
    this.root = rootOf(this.doc);
    this.prefix = prefixOf(tagOf(this.root) ?? "");
  }

  private overrides(): XmlNode[] {
    return childElements(this.root, "Override", this.prefix);
  }

  private defaults(): XmlNode[] {
    return childElements(this.root, "Default", this.prefix);
  }

  /** The content type of a part, null when neither an Override nor a Default names it. */
  typeOf(part: string): string | null {
    const key = partKey(part);
    const override = this.overrides().find((o) => partKey(attr(o, "PartName") ?? "") === key);
    if (override) return attr(override, "ContentType") ?? null;
    return this.defaultFor(extensionOf(part));
  }

  private defaultFor(extension: string): string | null {
    const d = this.defaults().find((n) => (attr(n, "Extension") ?? "").toLowerCase() === extension);
    return d ? (attr(d, "ContentType") ?? null) : null;
  }

  /** Records a new part's type: nothing when the extension's Default already says it, else a Default or Override. */
  add(part: string, type: string): void {
    const extension = extensionOf(part);
    const byDefault = this.defaultFor(extension);
    if (byDefault === type) return;
    const children = childrenOf(this.root);
    if (byDefault === null && extension !== "" && extension !== "xml") {
      children.push(element(`${this.prefix}Default`, { Extension: extension, ContentType: type }));
    } else {
      children.push(
        element(`${this.prefix}Override`, { PartName: `/${normalizePartName(part)}`, ContentType: type }),
      );
    }
    setChildren(this.root, children);
  }

  /** Forgets a removed part's Override (Defaults stay: other parts may use them). */
  remove(part: string): void {
    const key = partKey(part);
    setChildren(
      this.root,
      childrenOf(this.root).filter(
        (n) => !(tagOf(n) === `${this.prefix}Override` && partKey(attr(n, "PartName") ?? "") === key),
      ),
    );
  }
}
