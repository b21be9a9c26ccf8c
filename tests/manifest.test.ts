/**
 * manifest.xml checked offline, the way Office would trip over it: XML that parses, resource ids that resolve,
 * strings in both languages, icons that exist with the size their id promises, https everywhere, and the three
 * ribbon buttons wired to the pages and functions the build actually provides.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { COMMAND_NAMES } from "../src/commands/commands";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { crc32 } = require("../scripts/make-icons.js") as { crc32: (bytes: Uint8Array) => number };

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ORIGIN = "https://localhost:3000";

interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

/** fast-xml-parser's order-preserving output turned into plain nodes, so the test can walk the tree generically. */
function toNodes(items: readonly Ordered[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((key) => key !== ":@");
    if (!name || name === "#text" || name === "#comment" || name === "?xml") continue;
    const content = item[name] as Ordered[];
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(item[":@"] ?? {}))
      attrs[key.replace(/^@_/, "")] = String(value);
    const text = content
      .filter((child) => "#text" in child)
      .map((child) => String(child["#text"]))
      .join("");
    nodes.push({ name, attrs, children: toNodes(content), text });
  }
  return nodes;
}

function walk(
  node: XmlNode,
  visit: (node: XmlNode, ancestors: readonly XmlNode[]) => void,
  ancestors: XmlNode[] = [],
) {
  visit(node, ancestors);
  for (const child of node.children) walk(child, visit, [...ancestors, node]);
}

function all(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  walk(node, (n) => {
    if (n.name === name) found.push(n);
  });
  return found;
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}

function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  preserveOrder: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
}).parse(xml) as Ordered[];
const root = toNodes(parsed).find((n) => n.name === "OfficeApp") as XmlNode;

/** All resources by id, with the kind of list they sit in. */
const RESOURCE_KINDS = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];
const resources = new Map<string, { kind: ResourceKind; node: XmlNode }>();
const duplicateIds: string[] = [];
for (const kind of RESOURCE_KINDS) {
  for (const list of all(root, kind)) {
    for (const node of list.children) {
      if (resources.has(node.attrs.id)) duplicateIds.push(node.attrs.id);
      resources.set(node.attrs.id, { kind, node });
    }
  }
}

function resource(id: string, kind: ResourceKind): XmlNode {
  const found = resources.get(id);
  if (!found || found.kind !== kind) throw new Error(`no ${kind} resource "${id}"`);
  return found.node;
}

function stringResource(id: string): { zh: string; en: string } {
  const found = resources.get(id);
  if (!found || (found.kind !== "bt:ShortStrings" && found.kind !== "bt:LongStrings")) {
    throw new Error(`no string resource "${id}"`);
  }
  const override = children(found.node, "bt:Override").find((o) => o.attrs.Locale === "en-US");
  return { zh: found.node.attrs.DefaultValue, en: override?.attrs.Value ?? "" };
}

/** Where a localhost URL points inside dist/: the build copies assets/ as is and emits the pages at the top. */
function localPath(url: string): string {
  expect(url.startsWith(`${ORIGIN}/`)).toBe(true);
  return url.slice(ORIGIN.length + 1);
}

interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  readonly bitDepth: number;
}

/** Reads a PNG the strict way: signature, every chunk's CRC, and IDAT that inflates to exactly the rows IHDR promises. */
function readPng(file: string): PngInfo {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let info: PngInfo | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === "IHDR") {
      info = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
      };
    }
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") ended = true;
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  if (!info) throw new Error(`${file} has no IHDR`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((info.width * 4 + 1) * info.height);
  return info;
}

describe("manifest.xml", () => {
  test("is well-formed XML with an OfficeApp task-pane root", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    const overrides = child(root, "VersionOverrides");
    expect(overrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("identifies the add-in: fixed GUID, version, provider, zh-CN default locale, Excel workbooks", () => {
    expect(child(root, "Id").text).toBe("b67575c4-cb1c-4eec-8703-59902a0bd7b2");
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "ProviderName").text).not.toBe("");
    expect(child(root, "DefaultLocale").text).toBe("zh-CN");
    expect(children(child(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(child(root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      `${ORIGIN}/taskpane.html`,
    );
  });

  test("needs ExcelApi 1.7 and nothing newer at install time", () => {
    const sets = all(child(root, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", "1.7"]]);
  });

  test("asks for ReadWriteDocument", () => {
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("DisplayName and Description are in zh-CN with an en-US Override", () => {
    for (const [name, zh, en] of [
      ["DisplayName", "绩效自评助手", "Self-Evaluation Assistant"],
      ["Description", null, null],
    ] as const) {
      const node = child(root, name);
      const override = children(node, "Override").find((o) => o.attrs.Locale === "en-US");
      expect(override).toBeDefined();
      if (zh) expect(node.attrs.DefaultValue).toBe(zh);
      if (en) expect(override?.attrs.Value).toBe(en);
      expect(node.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(override?.attrs.Value).not.toMatch(/[\u4e00-\u9fff]/);
      expect(node.attrs.DefaultValue.length).toBeLessThanOrEqual(name === "DisplayName" ? 125 : 250);
      expect(override?.attrs.Value.length).toBeLessThanOrEqual(name === "DisplayName" ? 125 : 250);
    }
  });

  test("every resid resolves to a resource, every resource is used, and no id is defined twice", () => {
    const used = new Set<string>();
    const unresolved: string[] = [];
    walk(root, (node) => {
      const resid = node.attrs.resid;
      if (resid === undefined) return;
      used.add(resid);
      if (!resources.has(resid)) unresolved.push(`${node.name} resid="${resid}"`);
    });
    expect(unresolved).toEqual([]);
    expect(duplicateIds).toEqual([]);
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("resids point at the right kind of resource (images for icons, urls for pages, strings for text)", () => {
    const wrong: string[] = [];
    walk(root, (node, ancestors) => {
      const resid = node.attrs.resid;
      if (resid === undefined) return;
      const kind = resources.get(resid)?.kind;
      const parent = ancestors[ancestors.length - 1]?.name;
      const expected: readonly ResourceKind[] =
        node.name === "bt:Image"
          ? ["bt:Images"]
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(node.name)
            ? ["bt:Urls"]
            : node.name === "Description" && parent !== "OfficeApp"
              ? ["bt:LongStrings"]
              : ["bt:ShortStrings"];
      if (!kind || !expected.includes(kind)) wrong.push(`${node.name} -> ${resid} (${kind})`);
    });
    expect(wrong).toEqual([]);
  });

  test("every string resource has a zh-CN default and an en-US Override within Office's length limits", () => {
    const problems: string[] = [];
    for (const [id, { kind, node }] of resources) {
      if (kind !== "bt:ShortStrings" && kind !== "bt:LongStrings") continue;
      const { zh, en } = stringResource(id);
      const limit = kind === "bt:ShortStrings" ? 125 : 250;
      if (!/[\u4e00-\u9fff]/.test(zh)) problems.push(`${id}: default is not Chinese`);
      if (!en) problems.push(`${id}: no en-US Override`);
      if (/[\u4e00-\u9fff]/.test(en)) problems.push(`${id}: en-US text contains Chinese`);
      if (zh.length > limit || en.length > limit) problems.push(`${id}: longer than ${limit}`);
      if (children(node, "bt:Override").some((o) => o.attrs.Locale !== "en-US"))
        problems.push(`${id}: odd locale`);
    }
    expect(problems).toEqual([]);
    expect([...resources.values()].filter((r) => r.kind === "bt:ShortStrings").length).toBe(6);
    expect([...resources.values()].filter((r) => r.kind === "bt:LongStrings").length).toBe(4);
  });

  test("every URL is https on the add-in's own origin, and there are no other AppDomains", () => {
    const urls: string[] = [];
    walk(root, (node) => {
      for (const [attr, value] of Object.entries(node.attrs)) {
        // Namespace names are identifiers, not addresses anything fetches.
        if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.text)) urls.push(node.text);
    });
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
    const appDomains = all(root, "AppDomain").map((d) => d.text);
    expect(appDomains.filter((d) => d !== ORIGIN)).toEqual([]);
  });

  test("the pages it loads are the ones webpack emits", () => {
    expect(localPath(resource("Taskpane.Url", "bt:Urls").attrs.DefaultValue)).toBe("taskpane.html");
    expect(localPath(resource("Commands.Url", "bt:Urls").attrs.DefaultValue)).toBe("commands.html");
    expect(localPath(resource("Support.Url", "bt:Urls").attrs.DefaultValue)).toBe("support.html");
    expect(localPath(child(root, "SupportUrl").attrs.DefaultValue)).toBe("support.html");
    const config = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    expect(config).toContain('filename: "taskpane.html"');
    expect(config).toContain('filename: "commands.html"');
    expect(config).toContain('to: "support.html"');
    expect(fs.existsSync(path.join(ROOT, "src/taskpane/support.html"))).toBe(true);
    expect(all(root, "FunctionFile").map((f) => f.attrs.resid)).toEqual(["Commands.Url"]);
  });

  test("icons: IconUrl is 32 px and HighResolutionIconUrl 64 px, as Office wants for task-pane add-ins", () => {
    const icon = readPng(path.join(ROOT, localPath(child(root, "IconUrl").attrs.DefaultValue)));
    const highRes = readPng(
      path.join(ROOT, localPath(child(root, "HighResolutionIconUrl").attrs.DefaultValue)),
    );
    expect([icon.width, icon.height]).toEqual([32, 32]);
    expect([highRes.width, highRes.height]).toEqual([64, 64]);
  });

  test("every image resource is an RGBA PNG under assets/ whose pixels match the size in its id and file name", () => {
    const images = [...resources.entries()].filter(([, r]) => r.kind === "bt:Images");
    expect(images.map(([id]) => id)).toEqual(
      [16, 20, 24, 32, 40, 48, 64, 80].map((size) => `Icon.${size}x${size}`),
    );
    for (const [id, { node }] of images) {
      const file = localPath(node.attrs.DefaultValue);
      expect(file).toMatch(/^assets\/icon-\d+\.png$/);
      const [, idW, idH] = /^Icon\.(\d+)x(\d+)$/.exec(id) as RegExpExecArray;
      const [, fileSize] = /icon-(\d+)\.png$/.exec(file) as RegExpExecArray;
      const png = readPng(path.join(ROOT, file));
      expect({
        id,
        width: png.width,
        height: png.height,
        bitDepth: png.bitDepth,
        colorType: png.colorType,
      }).toEqual({
        id,
        width: Number(idW),
        height: Number(idH),
        bitDepth: 8,
        colorType: 6,
      });
      expect(Number(fileSize)).toBe(png.width);
    }
  });

  test("each ribbon icon slot gets the image of its size, and every control has 16, 32 and 80 px", () => {
    for (const icon of all(root, "Icon")) {
      const sizes = children(icon, "bt:Image").map((image) => {
        expect(image.attrs.resid).toBe(`Icon.${image.attrs.size}x${image.attrs.size}`);
        return Number(image.attrs.size);
      });
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
    }
  });

  test("a custom tab 绩效自评 / Self-Evaluation holds one group with the three buttons", () => {
    const tabs = all(root, "CustomTab");
    expect(tabs).toHaveLength(1);
    const tab = tabs[0];
    // The schema puts the tab's Label after its groups.
    expect(tab.children.map((c) => c.name)).toEqual(["Group", "Label"]);
    expect(stringResource(child(tab, "Label").attrs.resid)).toEqual({
      zh: "绩效自评",
      en: "Self-Evaluation",
    });
    const group = child(tab, "Group");
    expect(stringResource(child(group, "Label").attrs.resid).zh).toBe("自评工具");

    const buttons = children(group, "Control").map((control) => {
      expect(control.attrs["xsi:type"]).toBe("Button");
      expect(control.children.map((c) => c.name)).toEqual(["Label", "Supertip", "Icon", "Action"]);
      const label = stringResource(child(control, "Label").attrs.resid);
      const supertip = child(control, "Supertip");
      expect(child(supertip, "Title").attrs.resid).toBe(child(control, "Label").attrs.resid);
      expect(resources.get(child(supertip, "Description").attrs.resid)?.kind).toBe("bt:LongStrings");
      const action = child(control, "Action");
      const target =
        action.attrs["xsi:type"] === "ShowTaskpane"
          ? resource(child(action, "SourceLocation").attrs.resid, "bt:Urls").attrs.DefaultValue
          : child(action, "FunctionName").text;
      return { label: label.zh, en: label.en, action: action.attrs["xsi:type"], target };
    });
    expect(buttons).toEqual([
      { label: "打开助手", en: "Open Assistant", action: "ShowTaskpane", target: `${ORIGIN}/taskpane.html` },
      { label: "一键生成自评", en: "Generate Report", action: "ExecuteFunction", target: "generateReport" },
      { label: "一致性检查", en: "Consistency Check", action: "ExecuteFunction", target: "runCheck" },
    ]);
  });

  test("every ExecuteFunction name is associated by the commands bundle", () => {
    const names = all(root, "FunctionName").map((f) => f.text);
    expect(names).toEqual([...COMMAND_NAMES]);
  });

  test("the PNG checksum is the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789", "ascii"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("IEND", "ascii"))).toBe(0xae426082);
  });
});
