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
  /** Field instructions in this run (w:instrText), e.g. "PAGE". */
  readonly instr: string;
}

export interface DocxParagraph {
  readonly text: string;
  readonly runs: readonly DocxRun[];
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
  /** Rows of the first table, each the texts of its cells (merged-over cells left out). */
  readonly tableRows: readonly (readonly string[])[];
  /** The first chart part (word/charts/chart1.xml) as text, null when the document has no chart. */
  readonly chartXml: string | null;
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
    instr: kids
      .filter((k) => tagOf(k) === "w:instrText")
      .map((k) => textOf(childrenOf(k)))
      .join(""),
  };
}

function paragraphOf(p: XmlNode, inTable: boolean): DocxParagraph {
  const kids = childrenOf(p);
  const pPr = childrenOf(find(kids, "w:pPr") ?? { "w:pPr": [] });
  const runs = kids.filter((k) => tagOf(k) === "w:r").map(runOf);
  return {
    text: runs.map((r) => r.text).join(""),
    runs,
    spacing: find(pPr, "w:spacing")?.[":@"] ?? {},
    align: find(pPr, "w:jc")?.[":@"]?.["w:val"],
    pageBreakBefore: find(pPr, "w:pageBreakBefore") !== undefined,
    inTable,
  };
}

function paragraphsIn(nodes: readonly XmlNode[], inTable = false): DocxParagraph[] {
  return nodes.flatMap((n) => {
    const tag = tagOf(n);
    if (tag === "w:p") return [paragraphOf(n, inTable)];
    if (tag === "#text") return [];
    return paragraphsIn(childrenOf(n), inTable || tag === "w:tbl");
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
  const sect = all(document, "w:sectPr")[0];
  const sectPr = Object.fromEntries(childrenOf(sect).map((n) => [tagOf(n), n[":@"] ?? {}]));
  const table = all(document, "w:tbl")[0];
  const tableRows = table
    ? all(childrenOf(table), "w:tr").map((tr) =>
        all(childrenOf(tr), "w:tc")
          .filter((tc) => {
            const vMerge = all(childrenOf(tc), "w:vMerge")[0];
            return !vMerge || vMerge[":@"]?.["w:val"] === "restart";
          })
          .map((tc) =>
            paragraphsIn(childrenOf(tc), true)
              .map((p) => p.text)
              .join("\n"),
          ),
      )
    : [];
  return {
    files: Object.keys(zip.files),
    paragraphs: paragraphsIn(document),
    footer: paragraphsIn(await xml("word/footer1.xml")),
    sectPr,
    fontTable: await zip.file("word/fontTable.xml")!.async("string"),
    tableRows,
    chartXml: (await zip.file("word/charts/chart1.xml")?.async("string")) ?? null,
  };
}
