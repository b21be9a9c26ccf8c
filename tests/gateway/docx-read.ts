/** Opens a .docx the way a reader of the file would: unzip, parse the XML, and list paragraphs with their runs. */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };

export interface DocxRun {
  readonly text: string;
  readonly fonts: Readonly<Record<string, string>>;
  /** Half-points (w:sz). */
  readonly size: string | undefined;
  readonly bold: boolean;
  /** w:color's w:val ("2F5597"), undefined when the run sets none. */
  readonly color: string | undefined;
  /** Field instructions in this run (w:instrText), e.g. "PAGE". */
  readonly instr: string;
}

/** A picture in the text (w:drawing): what it shows, and where its image is. */
export interface DocxPicture {
  /** wp:docPr's name, descr (the alt text) and title. */
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly title: string | undefined;
  /** The image part (word/media/…) its a:blip's r:embed points to. */
  readonly target: string | undefined;
  /** Its size in EMU (wp:extent). */
  readonly cx: number;
  readonly cy: number;
  /** Whether it is a pic:pic (a picture, not a chart or a shape). */
  readonly isPicture: boolean;
}

export interface DocxParagraph {
  readonly text: string;
  readonly runs: readonly DocxRun[];
  /** The pictures of its runs, in order. */
  readonly pictures: readonly DocxPicture[];
  readonly spacing: Readonly<Record<string, string>>;
  readonly align: string | undefined;
  readonly pageBreakBefore: boolean;
  readonly inTable: boolean;
}

export interface OpenedDocx {
  readonly files: readonly string[];
  readonly paragraphs: readonly DocxParagraph[];
  readonly footer: readonly DocxParagraph[];
  readonly sectPr: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly fontTable: string;
  /** Rows of the 自评表 — the last table, the 附件's — each the texts of its cells (merged-over cells left out). */
  readonly tableRows: readonly (readonly string[])[];
  /** The rows of every table in order (the chart's key is one), read the same way. */
  readonly tables: readonly (readonly (readonly string[])[])[];
  /** Each table's borders (w:tblBorders) as side → w:val ("w:top" → "none"), in the same order. */
  readonly tableBorders: readonly Readonly<Record<string, string | undefined>>[];
  /** The parts of the package whose bytes a test checks, by path (the media). */
  readonly media: ReadonlyMap<string, Uint8Array>;
  /** [Content_Types].xml as text. */
  readonly contentTypes: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}

function childrenOf(node: XmlNode): XmlNode[] {
  const c = node[tagOf(node)];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

function textOf(nodes: readonly XmlNode[]): string {
  return nodes.map((n) => (typeof n["#text"] === "string" ? n["#text"] : "")).join("");
}

function runOf(r: XmlNode): DocxRun {
  const kids = childrenOf(r);
  const rPr = childrenOf(find(kids, "w:rPr") ?? { "w:rPr": [] });
  return {
    text: kids
      .filter((k) => tagOf(k) === "w:t")
      .map((k) => textOf(childrenOf(k)))
      .join(""),
    fonts: find(rPr, "w:rFonts")?.[":@"] ?? {},
    size: find(rPr, "w:sz")?.[":@"]?.["w:val"],
    bold: find(rPr, "w:b") !== undefined,
    color: find(rPr, "w:color")?.[":@"]?.["w:val"],
    instr: kids
      .filter((k) => tagOf(k) === "w:instrText")
      .map((k) => textOf(childrenOf(k)))
      .join(""),
  };
}

function pictureOf(drawing: XmlNode, relationships: ReadonlyMap<string, string>): DocxPicture {
  const docPr = all(childrenOf(drawing), "wp:docPr")[0]?.[":@"] ?? {};
  const extent = all(childrenOf(drawing), "wp:extent")[0]?.[":@"] ?? {};
  const embed = all(childrenOf(drawing), "a:blip")[0]?.[":@"]?.["r:embed"];
  return {
    name: docPr.name,
    description: docPr.descr,
    title: docPr.title,
    target: embed === undefined ? undefined : relationships.get(embed),
    cx: Number(extent.cx),
    cy: Number(extent.cy),
    isPicture: all(childrenOf(drawing), "pic:pic").length > 0,
  };
}

function paragraphOf(
  p: XmlNode,
  inTable: boolean,
  relationships: ReadonlyMap<string, string>,
): DocxParagraph {
  const kids = childrenOf(p);
  const pPr = childrenOf(find(kids, "w:pPr") ?? { "w:pPr": [] });
  const runNodes = kids.filter((k) => tagOf(k) === "w:r");
  const runs = runNodes.map(runOf);
  return {
    text: runs.map((r) => r.text).join(""),
    runs,
    pictures: all(runNodes, "w:drawing").map((d) => pictureOf(d, relationships)),
    spacing: find(pPr, "w:spacing")?.[":@"] ?? {},
    align: find(pPr, "w:jc")?.[":@"]?.["w:val"],
    pageBreakBefore: find(pPr, "w:pageBreakBefore") !== undefined,
    inTable,
  };
}

function paragraphsIn(
  nodes: readonly XmlNode[],
  relationships: ReadonlyMap<string, string> = new Map(),
  inTable = false,
): DocxParagraph[] {
  return nodes.flatMap((n) => {
    const tag = tagOf(n);
    if (tag === "w:p") return [paragraphOf(n, inTable, relationships)];
    if (tag === "#text") return [];
    return paragraphsIn(childrenOf(n), relationships, inTable || tag === "w:tbl");
  });
}

function all(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((n) => (tagOf(n) === tag ? [n] : all(childrenOf(n), tag)));
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`no ${path} in the .docx`);
    return parser.parse(await file.async("string")) as XmlNode[];
  };
  const document = await xml("word/document.xml");
  // word/_rels/document.xml.rels: relationship id → the part it names (targets are relative to word/).
  const relationships = new Map(
    all(await xml("word/_rels/document.xml.rels"), "Relationship").map((r) => [
      r[":@"]?.Id ?? "",
      `word/${r[":@"]?.Target ?? ""}`,
    ]),
  );
  const sect = all(document, "w:sectPr")[0];
  const sectPr = Object.fromEntries(childrenOf(sect).map((n) => [tagOf(n), n[":@"] ?? {}]));
  const tableNodes = all(document, "w:tbl");
  const rowsOf = (table: XmlNode) =>
    all(childrenOf(table), "w:tr").map((tr) =>
      all(childrenOf(tr), "w:tc")
        .filter((tc) => {
          const vMerge = all(childrenOf(tc), "w:vMerge")[0];
          return !vMerge || vMerge[":@"]?.["w:val"] === "restart";
        })
        .map((tc) =>
          paragraphsIn(childrenOf(tc), relationships, true)
            .map((p) => p.text)
            .join("\n"),
        ),
    );
  const tables = tableNodes.map(rowsOf);
  const media = new Map<string, Uint8Array>();
  for (const path of Object.keys(zip.files).filter((f) => f.startsWith("word/media/")))
    media.set(path, await zip.file(path)!.async("uint8array"));
  return {
    files: Object.keys(zip.files),
    paragraphs: paragraphsIn(document, relationships),
    footer: paragraphsIn(await xml("word/footer1.xml")),
    sectPr,
    fontTable: await zip.file("word/fontTable.xml")!.async("string"),
    tableRows: tables[tables.length - 1] ?? [],
    tables,
    tableBorders: tableNodes.map((t) => {
      const tblPr = find(childrenOf(t), "w:tblPr");
      const borders = tblPr ? find(childrenOf(tblPr), "w:tblBorders") : undefined;
      return Object.fromEntries(
        childrenOf(borders ?? { "w:tblBorders": [] }).map((b) => [tagOf(b), b[":@"]?.["w:val"]]),
      );
    }),
    media,
    contentTypes: await zip.file("[Content_Types].xml")!.async("string"),
  };
}
