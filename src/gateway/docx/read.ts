/**
 * Reading the text of a report the unit wrote (文数一致): a Word .docx (word/document.xml, through JSZip and
 * fast-xml-parser: each paragraph's w:t runs joined, one line per paragraph, table cells included) or a plain-text
 * file (UTF-8, UTF-16 with its byte-order mark, or GB18030 — what Chinese Windows' Notepad saves as "ANSI").
 * Whatever else the user hands in ends as one sentence in their language (ReportTextReadError), never a stack trace.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { localized, type Lang, type Localized } from "../../engine/i18n";

export type ReportTextReadErrorCode =
  /** The file does not exist (the CLI's case). */
  | "not-found"
  /** The file exists but cannot be opened (a folder, no permission). */
  | "unreadable"
  /** Zero bytes, or a document without a word of text. */
  | "empty"
  /** An OLE2 container: a Word 97–2003 .doc, or a password-protected .docx. */
  | "legacy-doc"
  /** A zip that is no Word document (a workbook, a .zip), or some other binary. */
  | "not-docx"
  /** A .docx whose parts cannot be read. */
  | "corrupt";

const MESSAGES: Record<ReportTextReadErrorCode, Localized> = {
  "not-found": localized("找不到报告文件。", "The report file does not exist."),
  unreadable: localized(
    "无法打开报告文件（可能是文件夹或没有读取权限）。",
    "The report file cannot be opened (it may be a folder or not readable).",
  ),
  empty: localized("报告中没有文字。", "The report has no text."),
  "legacy-doc": localized(
    "这是旧版 Word 97-2003（.doc）文件或设置了密码的文档，请在 Word 中另存为 .docx（不设密码）再试。",
    "This is an old Word 97-2003 (.doc) file or a password-protected document; save it as .docx without a password in Word and try again.",
  ),
  "not-docx": localized(
    "这不是 Word 文档（.docx）或文本文件（.txt）。",
    "This is neither a Word document (.docx) nor a text file (.txt).",
  ),
  corrupt: localized(
    "Word 文档已损坏或不完整，请在 Word 中打开并重新保存后再试。",
    "The Word document is damaged or incomplete; open it in Word, save it again and retry.",
  ),
};

export class ReportTextReadError extends Error {
  override readonly name = "ReportTextReadError";
  readonly localized: Localized;

  constructor(
    readonly code: ReportTextReadErrorCode,
    options: { cause?: unknown } = {},
  ) {
    super(MESSAGES[code]["en-US"]);
    this.localized = MESSAGES[code];
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  messageIn(lang: Lang): string {
    return this.localized[lang];
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The text of a .docx or a text file, one line per paragraph. */
export async function readReportText(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new ReportTextReadError("empty");
  if (startsWith(bytes, OLE2)) throw new ReportTextReadError("legacy-doc");
  const text = startsWith(bytes, ZIP) ? await docxText(bytes) : plainText(bytes);
  if (text.trim() === "") throw new ReportTextReadError("empty");
  return text;
}

function plainText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // A NUL byte is no text in UTF-8 or GB18030: some other binary (a PDF, an image).
  if (bytes.includes(0)) throw new ReportTextReadError("not-docx");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new ReportTextReadError("not-docx", { cause });
    }
  }
}

type Node = Record<string, unknown>;

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: false,
});

async function docxText(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new ReportTextReadError("corrupt", { cause });
  }
  const part = zip.file("word/document.xml");
  if (!part) throw new ReportTextReadError("not-docx");
  let nodes: Node[];
  try {
    nodes = PARSER.parse(await part.async("string")) as Node[];
  } catch (cause) {
    throw new ReportTextReadError("corrupt", { cause });
  }
  const lines: string[] = [];
  walk(nodes, lines);
  return lines.join("\n");
}

function localName(tag: string): string {
  const colon = tag.indexOf(":");
  return colon < 0 ? tag : tag.slice(colon + 1);
}

function tagOf(node: Node): string | null {
  for (const key of Object.keys(node))
    if (key !== ":@" && !key.startsWith("#") && !key.startsWith("?")) return key;
  return null;
}

/** Every paragraph (w:p) in document order, its runs' text joined; table cells and text boxes included. */
function walk(nodes: readonly Node[], lines: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag) continue;
    const children = node[tag] as Node[];
    if (localName(tag) === "p" && tag.startsWith("w:")) {
      lines.push(paragraphText(children));
      // A text box inside a paragraph holds paragraphs of its own.
      walkInside(children, lines);
    } else {
      walk(children, lines);
    }
  }
}

/** Paragraphs nested in a paragraph's drawings (w:txbxContent). */
function walkInside(nodes: readonly Node[], lines: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag) continue;
    const children = node[tag] as Node[];
    if (tag === "w:txbxContent") walk(children, lines);
    else walkInside(children, lines);
  }
}

function paragraphText(nodes: readonly Node[]): string {
  let out = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag) continue;
    const children = node[tag] as Node[];
    if (tag === "w:t")
      out += children.map((c) => (typeof c["#text"] === "string" ? c["#text"] : "")).join("");
    else if (tag === "w:tab") out += "\t";
    else if (tag === "w:br" || tag === "w:cr") out += "\n";
    // Deleted revisions, field instructions and text boxes are not the paragraph's own text.
    else if (tag === "w:del" || tag === "w:instrText" || tag === "w:txbxContent") continue;
    else out += paragraphText(children);
  }
  return out;
}
